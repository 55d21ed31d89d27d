//! Opening hours rule bookings (issue 14, item 1): a booking made here (the
//! API, a quesito's conversion) must fall on a day the office opens and within
//! one of that day's opening intervals, the whole session included; otherwise
//! it is refused with the next open slots. A CUP import accepts such rows (CUP
//! is the source of truth) and only reports them.
//!
//! Pure: the office's [`UnitCalendar`] in, a verdict out.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Rome;

use crate::error::{AppError, Msg};
use crate::kernel::unit_calendar::{ClosedBecause, UnitCalendar};

use super::domain::MAX_SESSION_MINUTES;

/// How many open slots a refusal proposes.
pub const PROPOSED_SLOTS: usize = 3;

/// Why a start time is outside the office's hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideHours {
    /// The input field at fault: `date` when the office is closed all day, `time` otherwise.
    pub field: &'static str,
    pub reason_it: String,
    pub reason_en: String,
}

/// The length of a counter session, what a booking must leave before closing.
pub fn session_length() -> Duration {
    Duration::minutes(MAX_SESSION_MINUTES)
}

/// `None` when a session starting at `at` fits within the office's hours.
pub fn outside_hours(calendar: &UnitCalendar, at: DateTime<Utc>) -> Option<OutsideHours> {
    if calendar.fits(at, session_length()) {
        return None;
    }
    let local = at.with_timezone(&Rome);
    if let Some(why) = calendar.closed_on(local.date_naive()) {
        let en = match &why {
            ClosedBecause::Weekend => "it is a Saturday or a Sunday".to_owned(),
            ClosedBecause::NationalHoliday => "it is a national holiday".to_owned(),
            ClosedBecause::Closure(reason) => format!("the office is closed ({reason})"),
            ClosedBecause::NoHoursThatDay => "the office does not open that day".to_owned(),
        };
        return Some(OutsideHours { field: "date", reason_it: why.italian(), reason_en: en });
    }
    if calendar.is_open_at(at) {
        // Open at the start, but the session would run past closing.
        return Some(OutsideHours {
            field: "time",
            reason_it: format!("la sessione di {MAX_SESSION_MINUTES} minuti finirebbe dopo la chiusura"),
            reason_en: format!("the {MAX_SESSION_MINUTES}-minute session would end after closing"),
        });
    }
    let it = calendar.why_closed_at(at).unwrap_or_else(|| "l'ufficio è chiuso a quell'ora".to_owned());
    Some(OutsideHours { field: "time", reason_it: it, reason_en: "the office is closed at that time".to_owned() })
}

/// The next slots at which a session fits, from `from` on, and that no booking
/// of the office (`busy`: their start times) takes.
pub fn next_slots(calendar: &UnitCalendar, from: DateTime<Utc>, busy: &[DateTime<Utc>]) -> Vec<DateTime<Utc>> {
    calendar.next_free_slots(from, session_length(), PROPOSED_SLOTS, busy)
}

/// How far ahead proposals look (as [`UnitCalendar::next_open_slots`]).
pub const PROPOSAL_HORIZON_DAYS: i64 = 60;

/// A slot as people read it: `lunedì 07/12/2026 08:45`.
pub fn italian_slot(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Rome);
    let day = crate::kernel::calendar::italian_weekday(chrono::Datelike::weekday(&local));
    format!("{day} {}", local.format("%d/%m/%Y %H:%M"))
}

/// The refusal of a booking outside hours: `BAD_USER_INPUT` on the field at
/// fault, the next open slots in the message and in `extensions.nextOpenSlots`
/// (RFC 3339, Rome time).
pub fn refusal(outside: OutsideHours, slots: &[DateTime<Utc>]) -> AppError {
    let listed = if slots.is_empty() {
        ("nessun orario libero nei prossimi 60 giorni".to_owned(), "no open slot in the next 60 days".to_owned())
    } else {
        let it: Vec<String> = slots.iter().map(|s| italian_slot(*s)).collect();
        let en: Vec<String> =
            slots.iter().map(|s| s.with_timezone(&Rome).format("%Y-%m-%d %H:%M").to_string()).collect();
        (format!("primi orari disponibili: {}", it.join(", ")), format!("next open slots: {}", en.join(", ")))
    };
    let value: Vec<String> = slots.iter().map(|s| s.with_timezone(&Rome).to_rfc3339()).collect();
    AppError::BadUserInputWith {
        field: outside.field.to_owned(),
        msg: Msg::new(
            format!("L'ufficio è chiuso in quell'orario: {}; {}", outside.reason_it, listed.0),
            format!("The office is closed at that time: {}; {}", outside.reason_en, listed.1),
        ),
        key: "nextOpenSlots",
        value: serde_json::json!(value),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::kernel::unit_calendar::{Closure, Interval};
    use chrono::{NaiveDate, TimeZone, Weekday};

    fn rome(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().with_timezone(&Utc)
    }

    /// UT Cagliari 1 of the demo: weekday mornings, Tuesday and Thursday afternoons, San Saturnino.
    fn cagliari() -> UnitCalendar {
        let mut hours: Vec<Interval> = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
            .into_iter()
            .filter_map(|w| Interval::from_minutes(w, 8 * 60 + 45, 12 * 60 + 45))
            .collect();
        hours.extend([Weekday::Tue, Weekday::Thu].into_iter().filter_map(|w| Interval::from_minutes(w, 870, 990)));
        let day = NaiveDate::from_ymd_opt(2026, 10, 30).unwrap();
        let patron = Closure { first_day: day, last_day: day, yearly: true, reason: "San Saturnino".into() };
        UnitCalendar { hours, closures: vec![patron] }
    }

    #[test]
    fn a_session_within_an_interval_is_accepted() {
        assert_eq!(outside_hours(&cagliari(), rome(2026, 12, 10, 10, 0)), None);
        assert_eq!(outside_hours(&cagliari(), rome(2026, 12, 10, 12, 30)), None);
        assert_eq!(outside_hours(&cagliari(), rome(2026, 12, 10, 16, 15)), None);
    }

    #[test]
    fn closed_days_name_the_date() {
        let sunday = outside_hours(&cagliari(), rome(2026, 12, 13, 10, 0)).unwrap();
        assert_eq!((sunday.field, sunday.reason_it.as_str()), ("date", "è sabato o domenica"));
        let christmas = outside_hours(&cagliari(), rome(2026, 12, 25, 10, 0)).unwrap();
        assert_eq!((christmas.field, christmas.reason_it.as_str()), ("date", "è festa nazionale"));
        assert_eq!(outside_hours(&cagliari(), rome(2026, 10, 29, 10, 0)), None, "the day before is open");
        let patron = outside_hours(&cagliari(), rome(2026, 10, 30, 10, 0)).unwrap();
        assert_eq!(patron.field, "date");
        assert!(patron.reason_it.contains("San Saturnino"), "{patron:?}");
    }

    #[test]
    fn hours_outside_the_intervals_name_the_time() {
        let evening = outside_hours(&cagliari(), rome(2026, 12, 10, 19, 0)).unwrap();
        assert_eq!(evening.field, "time");
        assert!(evening.reason_it.contains("08:45–12:45 e 14:30–16:30"), "{evening:?}");
        let friday_afternoon = outside_hours(&cagliari(), rome(2026, 12, 11, 15, 0)).unwrap();
        assert_eq!(friday_afternoon.field, "time");
    }

    #[test]
    fn a_session_ending_after_closing_is_refused() {
        let late = outside_hours(&cagliari(), rome(2026, 12, 10, 12, 40)).unwrap();
        assert_eq!(late.field, "time");
        assert!(late.reason_it.contains("dopo la chiusura"), "{late:?}");
    }

    #[test]
    fn the_refusal_lists_the_next_open_slots() {
        let cal = cagliari();
        let slots = next_slots(&cal, rome(2026, 12, 13, 10, 0), &[]);
        assert_eq!(slots, vec![rome(2026, 12, 14, 8, 45), rome(2026, 12, 14, 9, 0), rome(2026, 12, 14, 9, 15)]);
        let err = refusal(outside_hours(&cal, rome(2026, 12, 13, 10, 0)).unwrap(), &slots);
        let AppError::BadUserInputWith { field, msg, key, value } = err else { panic!("not BAD_USER_INPUT") };
        assert_eq!((field.as_str(), key), ("date", "nextOpenSlots"));
        assert!(msg.it.contains("lunedì 14/12/2026 08:45"), "{}", msg.it);
        assert_eq!(value[0], "2026-12-14T08:45:00+01:00");
    }
}
