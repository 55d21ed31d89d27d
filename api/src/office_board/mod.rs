//! The office board over the next days (issue 14 item 2, seed 000 §I.2 and
//! §II.A) and the day list out of the spreadsheet (item 10): per-day precall
//! counts and coverage, the alarms, the pre-contact e-mails without reply,
//! and the "Assegnazione sportelli virtuali / presenza del giorno X" export;
//! [`live`]: the subscription that tells an open board to read again.

pub mod domain;
pub mod export;
pub mod graphql;
pub mod live;
pub mod store;
