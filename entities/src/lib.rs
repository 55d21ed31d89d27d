//! SeaORM entities: the tables, nothing else. Domain types and GraphQL types live
//! in `api`; this crate never depends on it.

pub mod audit_event;
pub mod org_unit;
pub mod outbox_delivery;
pub mod outbox_message;
pub mod person;
pub mod role_assignment;
pub mod session;
pub mod api_key;
pub mod collaborator;
pub mod procura;
pub mod procura_event;
pub mod professional;
pub mod webhook;
