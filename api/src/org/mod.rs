//! The organisation tree: units with a materialised path (DOMAIN.md §2).

pub mod domain;
pub mod graphql;
pub mod store;
