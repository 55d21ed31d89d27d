//! GraphQL layer of bookings, precalls, pre-contact e-mails and counter
//! sessions. Resolvers call one function of `operations` (mutations) or
//! `queries`/`store` (reads) and map the result.

mod loaders;
mod mutation;
mod query;
mod types;

pub use loaders::{PersonById, ServiceById, prefetch, staff, unit};
pub use mutation::AppointmentsMutation;
pub use query::AppointmentsQuery;
pub use types::*;
