//! The service catalogue and operators' skills (DOMAIN.md §5.1, §5.5).

pub mod domain;
pub mod graphql;
pub mod store;
