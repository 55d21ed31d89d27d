//! People and their role assignments, managed by admins and regional directors.

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;
