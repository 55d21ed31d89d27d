//! Rules every area shares, written once.

pub mod calendar;
pub mod reach;
pub mod write_txn;

pub use write_txn::{WriteGate, WriteTxn};
