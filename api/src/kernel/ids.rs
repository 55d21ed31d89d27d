//! Typed ids and the one way to read an id from GraphQL input.
//!
//! Every record is keyed by a UUID; wrapping each kind in its own type means a
//! quesito's id cannot be passed where an appointment's is expected. A
//! malformed id is the client's input error (`BAD_USER_INPUT`, naming the
//! field), never `NOT_FOUND`: a string that is not a UUID names no record of
//! any scope, so saying so reveals nothing.

use std::fmt;

use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// An id of one kind of record.
pub trait TypedId: Copy + From<Uuid> + Into<Uuid> {}

macro_rules! typed_ids {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        /// So that a typed id goes into a query as it is (`Column::Id.eq(id)`).
        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> Self {
                id.0.into()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl TypedId for $name {}
    )+};
}

typed_ids!(
    QuesitoId,
    AppointmentId,
    CallbackId,
    /// An organisational unit.
    UnitId,
    PersonId,
    ProcuraId,
    /// A quesito classification (tipologia).
    ClassificationId,
    /// A CCM contact.
    ContactId,
    FaqEntryId,
    /// A professional's record (not their person).
    ProfessionalId,
    /// A professional's collaborator.
    CollaboratorId,
    ApiKeyId,
    WebhookId,
    /// A closure of a unit (patron saint, works).
    UnitClosureId,
    /// A follow-up work item of an office.
    FollowUpId,
);

/// Reads the id given in the input `field`: `parse_id::<QuesitoId>("id", &id)`.
pub fn parse_id<T: TypedId>(field: &str, id: &str) -> AppResult<T> {
    parse_uuid(field, id).map(T::from)
}

/// The same, untyped, for the code that still passes bare UUIDs.
pub fn parse_uuid(field: &str, id: &str) -> AppResult<Uuid> {
    Uuid::parse_str(id).map_err(|_| AppError::bad_input(field, "Identificativo non valido", "Invalid identifier"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_uuid_is_read_as_the_id_asked_for() {
        let uuid = Uuid::now_v7();
        let id: QuesitoId = parse_id("id", &uuid.to_string()).unwrap();
        assert_eq!(id.uuid(), uuid);
        assert_eq!(id.to_string(), uuid.to_string());
    }

    #[test]
    fn a_malformed_id_is_bad_input_naming_the_field() {
        let err = parse_id::<AppointmentId>("appointmentId", "not-a-uuid").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(matches!(err, AppError::BadUserInput { field: Some(f), .. } if f == "appointmentId"));
        assert!(parse_id::<CallbackId>("id", "").is_err());
    }
}
