//! The operations on bookings under their earlier path (other areas and the
//! tests import it): they live in [`super::operations`], one file per workflow,
//! and the reads they share in [`super::queries`].

pub use super::operations::*;
pub use super::queries::{load, office_for, office_for_in};
