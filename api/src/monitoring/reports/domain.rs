//! Which period a subscribed report covers and when it is due, and what the
//! e-mail says. Pure rules, tested below.
//!
//! A report covers the last period that has ended (Monday to Sunday, or a
//! calendar month, in Europe/Rome) and is due from [`SEND_FROM`] on the first day
//! after it: a weekly report on Monday morning, a monthly one on the 1st. A new
//! subscription receives the last ended period at the next scan, so a director
//! sees at once what will arrive. Each (subscription, period) is one e-mail: its
//! outbox dedupe key ([`dedupe_key`]) makes every further attempt a no-op,
//! whichever instance makes it.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use uuid::Uuid;

pub use entities::report_subscription::ReportFrequency;

use crate::appointments::domain::{rome_date, rome_instant};
use crate::error::AppResult;
use crate::kernel::calendar::{hour_minute, italian_date};
use crate::monitoring::domain::{Figures, Period};

/// Reports leave from 06:00 Rome time, before offices open, not at midnight.
pub const SEND_FROM: NaiveTime = hour_minute(6, 0);

/// How often each instance looks for reports due; default of `REPORTS_SCAN_SECS`.
pub const SCAN_EVERY_SECS: u64 = 300;

/// The last period of `frequency` that ended before the report day of `now`.
pub fn due_period(frequency: ReportFrequency, now: DateTime<Utc>) -> AppResult<Period> {
    // Before 06:00 the new period's report is not due yet: count from the day before.
    let sent_from_today = rome_instant(rome_date(now), SEND_FROM).is_some_and(|from| now >= from);
    let today = if sent_from_today { rome_date(now) } else { rome_date(now) - Duration::days(1) };
    let (from, to) = match frequency {
        ReportFrequency::Weekly => {
            let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            (this_monday - Duration::days(7), this_monday - Duration::days(1))
        }
        ReportFrequency::Monthly => {
            let first_of_month = today.with_day(1).unwrap_or(today);
            let last_month_end = first_of_month - Duration::days(1);
            (last_month_end.with_day(1).unwrap_or(last_month_end), last_month_end)
        }
    };
    Period::new(from, to)
}

/// One e-mail per subscription and period.
pub fn dedupe_key(subscription_id: Uuid, period: Period) -> String {
    format!("report:{subscription_id}:{}", period.from)
}

/// The outbox event of a report (shown to admins as an Italian label).
pub fn event(frequency: ReportFrequency) -> &'static str {
    match frequency {
        ReportFrequency::Weekly => "report.weekly",
        ReportFrequency::Monthly => "report.monthly",
    }
}

/// "settimanale" / "mensile".
pub fn adjective(frequency: ReportFrequency) -> &'static str {
    match frequency {
        ReportFrequency::Weekly => "settimanale",
        ReportFrequency::Monthly => "mensile",
    }
}

/// The attachment's file name: plain ASCII, sortable by date.
pub fn attachment_name(unit_code: &str, period: Period) -> String {
    let code: String = unit_code.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("rapporto-{code}-{}-{}.csv", period.from, period.to)
}

pub fn subject(frequency: ReportFrequency, unit_name: &str, period: Period) -> String {
    format!(
        "Rapporto {} — {unit_name} — dal {} al {}",
        adjective(frequency),
        italian_date(period.from),
        italian_date(period.to)
    )
}

/// The e-mail's text: the headline figures; the attachment has them all.
pub fn body(frequency: ReportFrequency, unit_name: &str, period: Period, figures: &Figures) -> String {
    let a = &figures.appointments;
    let c = &figures.callbacks;
    let received: i64 = figures.quesiti.iter().map(|s| s.received).sum();
    let answered: i64 = figures.quesiti.iter().map(|s| s.answered).sum();
    let breaches: i64 = figures.quesiti.iter().map(|s| s.sla_breaches).sum();
    let f = &figures.follow_ups;
    format!(
        "Rapporto {adj} di {unit_name}, dal {from} al {to}.\n\n\
         Prenotazioni: {bookings} (annullate {cancelled}); da prechiamare {to_precall}, prechiamate in tempo {in_time}.\n\
         Sessioni di sportello: {sessions}, oltre 15 minuti {over15}.\n\
         Richiamate richieste: {requested}, servite {served}, in attesa {waiting}.\n\
         Quesiti ricevuti: {received}, risposti {answered}, oltre la scadenza {breaches}.\n\
         Seguiti aperti nel periodo: {opened}, ancora aperti {still_open}, scaduti {overdue}.\n\n\
         In allegato tutte le cifre, le unità dipendenti e le tabelle per persona (CSV, separato da punto e virgola).\n\
         Per non ricevere più questo rapporto: Monitoraggio → Rapporti periodici.\n",
        adj = adjective(frequency),
        from = italian_date(period.from),
        to = italian_date(period.to),
        bookings = a.bookings,
        cancelled = a.cancelled,
        to_precall = a.to_precall,
        in_time = a.precalled_in_time,
        sessions = a.sessions_with(None),
        over15 = a.sessions_over_15_minutes,
        requested = c.requested,
        served = c.served,
        waiting = c.waiting,
        opened = f.opened,
        still_open = f.still_open,
        overdue = f.overdue,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn on_monday_morning_the_week_just_ended_is_due() {
        // Monday 14 December 2026, 07:00 in Rome (06:00 UTC).
        let p = due_period(ReportFrequency::Weekly, at("2026-12-14T06:00:00Z")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-12-07"), day("2026-12-13")));
    }

    #[test]
    fn before_six_on_monday_the_week_before_is_still_the_last_due() {
        // Monday 14 December 2026, 05:59 in Rome.
        let p = due_period(ReportFrequency::Weekly, at("2026-12-14T04:59:00Z")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-11-30"), day("2026-12-06")));
    }

    #[test]
    fn midweek_the_last_ended_week_is_due() {
        let p = due_period(ReportFrequency::Weekly, at("2026-12-09T12:00:00Z")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-11-30"), day("2026-12-06")));
    }

    #[test]
    fn the_rome_day_decides_not_the_utc_one() {
        // Sunday 13 December 23:30 UTC is Monday 00:30 in Rome: still before 06:00.
        let p = due_period(ReportFrequency::Weekly, at("2026-12-13T23:30:00Z")).unwrap();
        assert_eq!(p.to, day("2026-12-06"));
        // Monday 06:00 Rome in summer time is 04:00 UTC.
        let summer = due_period(ReportFrequency::Weekly, at("2026-06-15T04:00:00Z")).unwrap();
        assert_eq!((summer.from, summer.to), (day("2026-06-08"), day("2026-06-14")));
    }

    #[test]
    fn on_the_first_the_month_just_ended_is_due() {
        let p = due_period(ReportFrequency::Monthly, at("2027-01-01T08:00:00Z")).unwrap();
        assert_eq!((p.from, p.to), (day("2026-12-01"), day("2026-12-31")));
        let before_six = due_period(ReportFrequency::Monthly, at("2027-01-01T04:00:00Z")).unwrap();
        assert_eq!((before_six.from, before_six.to), (day("2026-11-01"), day("2026-11-30")));
        let leap = due_period(ReportFrequency::Monthly, at("2028-03-10T08:00:00Z")).unwrap();
        assert_eq!((leap.from, leap.to), (day("2028-02-01"), day("2028-02-29")));
    }

    #[test]
    fn one_key_per_subscription_and_period() {
        let id = Uuid::nil();
        let week = due_period(ReportFrequency::Weekly, at("2026-12-14T08:00:00Z")).unwrap();
        let same_week_later = due_period(ReportFrequency::Weekly, at("2026-12-20T20:00:00Z")).unwrap();
        let next_week = due_period(ReportFrequency::Weekly, at("2026-12-21T08:00:00Z")).unwrap();
        assert_eq!(dedupe_key(id, week), dedupe_key(id, same_week_later));
        assert_ne!(dedupe_key(id, week), dedupe_key(id, next_week));
    }

    #[test]
    fn the_attachment_name_is_plain_and_dated() {
        let p = Period::new(day("2026-12-07"), day("2026-12-13")).unwrap();
        assert_eq!(attachment_name("UT-CA1", p), "rapporto-UT-CA1-2026-12-07-2026-12-13.csv");
        assert_eq!(attachment_name("DR SAR/1", p), "rapporto-DR-SAR-1-2026-12-07-2026-12-13.csv");
    }

    #[test]
    fn the_subject_names_the_unit_and_the_italian_dates() {
        let p = Period::new(day("2026-12-07"), day("2026-12-13")).unwrap();
        assert_eq!(
            subject(ReportFrequency::Weekly, "UT Cagliari 1", p),
            "Rapporto settimanale — UT Cagliari 1 — dal 07/12/2026 al 13/12/2026"
        );
    }
}
