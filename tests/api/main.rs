//! Integration tests: the real server, over HTTP, against real SQLite and —
//! when `TEST_DATABASE_URL` / `TEST_REDIS_URL` are set — PostgreSQL and Redis.
//! One binary for all of them, so the workspace links once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fleet;
mod helpers;
mod not_run;
mod quesiti_support;
mod tcp_proxy;

mod appointments;
mod calendar;
mod callbacks;
mod notifications;
mod opening_hours;
mod precontact_mail;

mod alerts;
mod api_keys;
mod audit;
mod auth;
mod contacts;
mod demo_data;
mod faq;
mod followups;
mod free_slots;
mod graphql_protections;
mod http_hardening;
mod ids;
mod input_guard;
mod isolation;
mod ivr;
mod metrics;
mod migrations;
mod monitoring;
mod monitoring_per_person;
mod office_board;
mod office_board_live;
mod oidc;
mod operations;
mod org_scope;
mod outbox;
mod passwords;
mod people;
mod principal_cache;
mod procure;
mod professional_review;
mod quesiti;
mod quesiti_continuity;
mod quesiti_forwarding;
mod quesiti_waiting;
mod redis_outage;
mod registration;
mod reports;
mod retention;
mod round_trips;
mod row_level_security;
mod schema_drift;
mod security;
mod sessions;
mod shutdown;
mod sorted_config_lists;
mod sorted_lists;
mod sorting;
mod statement_counts;
mod stats_rollup;
mod two_instances;
mod unit_visibility;
mod webhooks;
