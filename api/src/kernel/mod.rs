//! Rules every area shares, written once.

pub mod calendar;
pub mod clock;
pub mod ids;
pub mod keys;
pub mod median;
pub mod messages;
pub mod operation;
pub mod paging;
pub mod reach;
pub mod sorting;
pub mod unit_calendar;
pub mod versioned;
pub mod visibility;
pub mod write_txn;

pub use clock::Clock;
pub use operation::Operation;
pub use write_txn::{WriteGate, WriteTxn};
