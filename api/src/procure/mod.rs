//! Procure management (docs/domain.md §6): professionals and their register,
//! procure (powers of attorney) declared by professionals with their history,
//! collaborators, the two checks that matter (the professional's own
//! `procuraCheck`, the counter's `collaboratorCheck`), partner API keys and
//! webhooks announcing status changes.
//!
//! Records here belong to a professional, not to a unit: ownership is applied
//! in the SQL of every query (`professional_id` of the caller).

pub mod domain;
pub mod expiry;
pub mod graphql;
pub mod operations;
pub mod queries;
pub mod registration;
pub mod review;
pub mod store;
pub mod webhooks;
