//! Contact channels and outcomes, and which link each outcome allows.

pub use entities::ccm_contact::{Channel, ContactOutcome};

/// What a contact produced, as given when recording it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub quesito: bool,
    pub appointment: bool,
    pub callback: bool,
}

/// A link is allowed only with the outcome that produces it; returns the
/// input field at fault.
pub fn check_links(outcome: ContactOutcome, links: Links) -> Result<(), &'static str> {
    if links.quesito && outcome != ContactOutcome::QuesitoFiled {
        return Err("quesitoId");
    }
    if links.appointment && outcome != ContactOutcome::AppointmentBooked {
        return Err("appointmentId");
    }
    if links.callback && outcome != ContactOutcome::CallbackRequested {
        return Err("callbackId");
    }
    Ok(())
}

pub const TOPIC_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answered_contact_links_to_nothing() {
        assert_eq!(check_links(ContactOutcome::Answered, Links::default()), Ok(()));
        assert_eq!(
            check_links(ContactOutcome::Answered, Links { quesito: true, ..Links::default() }),
            Err("quesitoId")
        );
    }

    #[test]
    fn each_link_goes_with_its_own_outcome() {
        assert!(check_links(ContactOutcome::QuesitoFiled, Links { quesito: true, ..Links::default() }).is_ok());
        assert!(
            check_links(ContactOutcome::AppointmentBooked, Links { appointment: true, ..Links::default() }).is_ok()
        );
        assert!(check_links(ContactOutcome::CallbackRequested, Links { callback: true, ..Links::default() }).is_ok());
        assert_eq!(
            check_links(ContactOutcome::QuesitoFiled, Links { callback: true, ..Links::default() }),
            Err("callbackId")
        );
    }

    #[test]
    fn the_link_may_come_later() {
        // A quesito filed afterwards with `contactId` links itself to the contact.
        assert!(check_links(ContactOutcome::QuesitoFiled, Links::default()).is_ok());
    }

    #[test]
    fn channels_and_outcomes_round_trip_through_their_stored_names() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>().unwrap(), *c);
        }
        for o in ContactOutcome::ALL {
            assert_eq!(o.as_str().parse::<ContactOutcome>().unwrap(), *o);
        }
    }
}
