//! The service catalogue and operators' skills (docs/domain.md §5.1, §5.5).

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;
