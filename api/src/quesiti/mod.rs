//! Linea quesiti (docs/domain.md §4): questions the CCM files to a regional CRIC,
//! their life cycle, classifications and SLA.

pub mod domain;
pub mod forwarding;
pub mod graphql;
pub mod lookups;
pub mod operations;
pub mod prefetch;
pub mod queries;
pub mod service;
pub mod store;
pub mod waiting;
