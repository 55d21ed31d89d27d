//! CUP bookings, precalls, the pre-contact e-mail and counter sessions
//! (docs/domain.md §5.1–5.5).

mod checks;
pub mod contact;
pub mod cup;
pub mod domain;
pub mod free_slots;
pub mod graphql;
pub mod hours;
pub mod messages;
pub mod notifications;
pub mod operations;
pub mod overtime;
pub mod queries;
pub mod service;
pub mod store;
