//! The operations on quesiti under their earlier path: they live in
//! [`super::operations`], one file per group of mutations, and the reads they
//! share in [`super::queries`].

pub use super::operations::*;
pub use super::queries::{SectionSla, audit_lookup, contact_grant, read_grant, slas};
