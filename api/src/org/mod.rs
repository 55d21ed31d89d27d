//! The organisation tree: units with a materialised path (docs/domain.md §2).

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;
