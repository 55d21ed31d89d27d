//! Units' calendars: weekly opening hours and closures, read by bookings,
//! conversions, the CUP import and callbacks through
//! [`crate::kernel::unit_calendar::UnitCalendar`], and edited by directors.

pub mod graphql;
pub mod operations;
pub mod store;

pub use store::calendar_of;
