//! Accoglienza API: a multi-tenant GraphQL service for public-administration
//! customer care.
//!
//! Each business area is a module with its rules (`domain`), its storage
//! (`store`) and its GraphQL layer (`graphql`) apart. Everything that reads or
//! writes organisation-owned data goes through [`tenancy::Scope`], which carries
//! the caller's resolved permissions into the SQL.
// The merged GraphQL roots nest deeper than the compiler's default limit.
#![recursion_limit = "256"]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod alerts;
pub mod appointments;
pub mod audit;
pub mod auth;
pub mod authz;
pub mod bench;
pub mod calendar;
pub mod callbacks;
pub mod ccm;
pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod faq;
pub mod followups;
pub mod graphql;
pub mod http;
pub mod kernel;
pub mod kv;
pub mod monitoring;
pub mod net;
pub mod office_board;
pub mod org;
pub mod outbox;
pub mod people;
pub mod procure;
pub mod quesiti;
pub mod ratelimit;
pub mod retention;
pub mod seed;
pub mod services;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod tenancy;
pub mod validation;
