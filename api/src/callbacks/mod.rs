//! Callback requests ("richiamata", docs/domain.md §5.6): when nobody answers a
//! provincial directorate's phone, the citizen asks to be called back.

pub mod domain;
pub mod graphql;
pub mod ivr;
pub mod loaders;
pub mod operations;
pub mod store;
