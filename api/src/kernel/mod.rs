//! Rules every area shares, written once.

pub mod calendar;
pub mod clock;
pub mod ids;
pub mod messages;
pub mod reach;
pub mod write_txn;

pub use clock::Clock;
pub use write_txn::{WriteGate, WriteTxn};
