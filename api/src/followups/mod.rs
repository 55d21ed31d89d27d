//! Follow-up work (docs/domain.md §5.7): what a counter session transferred to
//! the back office, or a precall that sent the citizen to e-mail/PEC, leaves
//! the office to do within 3 of its working days. Items are opened by those
//! operations, in their own write, and closed (done, with what was done, or
//! cancelled, with why) by their assignee or the office's coordinators.

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;
