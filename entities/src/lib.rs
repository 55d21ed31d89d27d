//! SeaORM entities: the tables, nothing else. Domain types and GraphQL types live
//! in `api`; this crate never depends on it. The one exception is the closed
//! lists stored in columns (statuses, kinds, outcomes): they are defined here,
//! once, with [`closed_list!`], so a column is typed end to end; their rules
//! (state machines, labels) stay in `api`'s domain modules.

#[macro_use]
mod closed_list;

pub mod alert;
pub mod alert_read;
pub mod api_key;
pub mod appointment;
pub mod audit_event;
pub mod callback_attempt;
pub mod callback_request;
pub mod ccm_contact;
pub mod collaborator;
pub mod faq_entry;
pub mod follow_up;
pub mod opening_interval;
pub mod operator_skill;
pub mod org_unit;
pub mod outbox_delivery;
pub mod outbox_message;
pub mod password_reset;
pub mod person;
pub mod person_identity;
pub mod procura;
pub mod procura_event;
pub mod professional;
pub mod quesito;
pub mod quesito_classification;
pub mod quesito_event;
pub mod quesito_sla;
pub mod report_subscription;
pub mod role_assignment;
pub mod service;
pub mod session;
pub mod unit_closure;
pub mod webhook;
