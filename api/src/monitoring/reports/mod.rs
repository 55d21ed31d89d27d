//! Reports that arrive (issue 18 item 5): a director subscribes to a weekly or
//! monthly report of a unit they monitor; for each period that ends, one e-mail
//! with the headline figures and the whole `statsCsv` attached (Italian
//! dialect), sent through the outbox on the first day after the period, once
//! across instances. Rules in [`domain`], the person's records in [`store`] and
//! [`operations`], the scan in [`job`], the API in [`graphql`].

pub mod domain;
pub mod graphql;
pub mod job;
pub mod operations;
pub mod store;
