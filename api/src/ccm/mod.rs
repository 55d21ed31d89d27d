//! CCM contacts (docs/domain.md §4.1): each citizen contact a CCM operator handles,
//! with its outcome and a link to what it produced (a quesito, an
//! appointment, a callback request).

pub mod domain;
pub mod graphql;
pub mod service;
pub mod store;
