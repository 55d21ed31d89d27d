//! What each alert kind says and to whom.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

pub use entities::alert::AlertKind;
use entities::quesito::Section;

use crate::authz::Action;

/// A quesito is "due soon" within this many working days of its due date.
pub const DUE_SOON_WORKING_DAYS: u32 = 1;
/// A callback request waiting this long without an assignee raises an alert.
pub fn callback_wait() -> Duration {
    Duration::minutes(30)
}
/// How often each instance scans for alerts that come from time passing.
pub const SCAN_EVERY_SECS: u64 = 60;

/// Who an alert that has no single recipient is for: whoever may perform this
/// action on its unit (and, for CRIC kinds, in its section). `None`: the kind
/// is always for one recipient.
pub fn audience_action(kind: AlertKind) -> Option<Action> {
    match kind {
        AlertKind::QuesitoFiled | AlertKind::QuesitoDueSoon => Some(Action::QuesitoWork),
        AlertKind::CallbackWaiting => Some(Action::CallbackAssign),
        AlertKind::Assigned | AlertKind::FollowUpDue => None,
    }
}

/// An alert about to be written.
#[derive(Clone, Debug)]
pub struct NewAlert {
    pub kind: AlertKind,
    pub unit_id: Uuid,
    pub section: Option<Section>,
    pub recipient_id: Option<Uuid>,
    pub record_type: &'static str,
    pub record_id: Uuid,
    pub title: String,
    /// Set for alerts raised by a scan: the same key is written once.
    pub dedupe_key: Option<String>,
}

impl NewAlert {
    /// A new quesito for the experts of its CRIC section.
    pub fn quesito_filed(quesito: &entities::quesito::Model) -> Self {
        NewAlert {
            kind: AlertKind::QuesitoFiled,
            unit_id: quesito.unit_id,
            section: Some(quesito.section),
            recipient_id: None,
            record_type: "quesito",
            record_id: quesito.id,
            title: format!("Nuovo quesito: {}", quesito.subject),
            dedupe_key: None,
        }
    }

    /// An open quesito within [`DUE_SOON_WORKING_DAYS`] of its due date (once per quesito and due date).
    pub fn quesito_due_soon(quesito: &entities::quesito::Model) -> Self {
        let due = quesito.due_at.with_timezone(&chrono_tz::Europe::Rome).format("%d/%m/%Y %H:%M");
        NewAlert {
            kind: AlertKind::QuesitoDueSoon,
            unit_id: quesito.unit_id,
            section: Some(quesito.section),
            recipient_id: None,
            record_type: "quesito",
            record_id: quesito.id,
            title: format!("Quesito in scadenza il {due}: {}", quesito.subject),
            dedupe_key: Some(format!("due-soon:{}:{}", quesito.id, quesito.due_at.timestamp())),
        }
    }

    /// Work assigned to one person: `what` says which ("Prechiamata", "Sportello", "Richiamata").
    pub fn assigned(
        unit_id: Uuid,
        recipient_id: Uuid,
        record_type: &'static str,
        record_id: Uuid,
        what: &str,
        detail: &str,
    ) -> Self {
        NewAlert {
            kind: AlertKind::Assigned,
            unit_id,
            section: None,
            recipient_id: Some(recipient_id),
            record_type,
            record_id,
            title: format!("{what} assegnata a te: {detail}"),
            dedupe_key: None,
        }
    }

    /// A booking's precall or counter session assigned to `recipient_id`.
    pub fn booking_assigned(booking: &entities::appointment::Model, recipient_id: Uuid, what: &str) -> Self {
        let detail = format!("prenotazione n. {} del {}", booking.cup_number, booking.local_date.format("%d/%m/%Y"));
        Self::assigned(booking.unit_id, recipient_id, "appointment", booking.id, what, &detail)
    }

    /// A follow-up of the recipient due today (once per follow-up and day).
    pub fn follow_up_due(follow_up: &entities::follow_up::Model, recipient_id: Uuid) -> Self {
        NewAlert {
            kind: AlertKind::FollowUpDue,
            unit_id: follow_up.unit_id,
            section: None,
            recipient_id: Some(recipient_id),
            record_type: "follow_up",
            record_id: follow_up.id,
            title: format!("Seguito in scadenza oggi: {}", follow_up.citizen_name),
            dedupe_key: Some(format!("follow-up-due:{}:{}", follow_up.id, follow_up.due_on)),
        }
    }

    /// A callback request nobody has taken for [`callback_wait`] (once per request).
    pub fn callback_waiting(request: &entities::callback_request::Model, now: DateTime<Utc>) -> Self {
        let minutes = (now - request.available_from.max(request.requested_at)).num_minutes();
        NewAlert {
            kind: AlertKind::CallbackWaiting,
            unit_id: request.unit_id,
            section: None,
            recipient_id: None,
            record_type: "callback_request",
            record_id: request.id,
            title: format!("Richiamata in attesa da {minutes} minuti: {}", request.topic),
            dedupe_key: Some(format!("callback-waiting:{}", request.id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_either_for_an_audience_or_for_one_recipient() {
        assert_eq!(audience_action(AlertKind::QuesitoFiled), Some(Action::QuesitoWork));
        assert_eq!(audience_action(AlertKind::QuesitoDueSoon), Some(Action::QuesitoWork));
        assert_eq!(audience_action(AlertKind::CallbackWaiting), Some(Action::CallbackAssign));
        assert_eq!(audience_action(AlertKind::Assigned), None);
        assert_eq!(audience_action(AlertKind::FollowUpDue), None);
    }

    #[test]
    fn assignment_titles_say_what_and_for_whom() {
        let a = NewAlert::assigned(Uuid::nil(), Uuid::nil(), "appointment", Uuid::nil(), "Prechiamata", "n. 40104");
        assert_eq!(a.title, "Prechiamata assegnata a te: n. 40104");
        assert_eq!(a.recipient_id, Some(Uuid::nil()));
    }
}
