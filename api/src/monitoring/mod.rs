//! Monitoring for directors (docs/domain.md §7): the figures of a unit and
//! everything under it, per child unit and per day, counted by the database
//! with grouped SQL; their CSV export; reports sent by e-mail to those who subscribe.

pub mod csv;
pub mod domain;
pub mod export;
pub mod graphql;
pub mod per_person;
pub mod reports;
pub mod store;
