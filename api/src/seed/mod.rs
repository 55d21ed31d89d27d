//! Data loaded into an empty database: the demo organisation of docs/domain.md §2.
pub mod appointments;
pub mod calendar;
pub mod demo;
pub mod generate;
pub mod outbox;
pub mod procure;
pub mod quesiti;
