//! FAQ published by CRIC experts and searched by the CCM before filing a
//! quesito (docs/domain.md §4.5): one national knowledge base, searched in Italian.

pub mod domain;
pub mod graphql;
pub mod service;
pub mod store;
