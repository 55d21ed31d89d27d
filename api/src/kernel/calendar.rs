//! The one calendar of the agency: Europe/Rome, Italian national holidays,
//! working days, and daily opening windows. Every area that asks "is this a
//! working day" or "is this within hours" asks here.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Europe::Rome;

/// Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Italian national public holidays (L. 260/1949 and later), Easter Monday
/// included. Local patron saints' days are not national and not counted.
pub fn is_national_holiday(date: NaiveDate) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (1, 6) | (4, 25) | (5, 1) | (6, 2) | (8, 15) | (11, 1) | (12, 8) | (12, 25) | (12, 26)
    );
    // St Francis of Assisi, a national holiday again from 2026 (L. 151/2025).
    let st_francis = date.year() >= 2026 && date.month() == 10 && date.day() == 4;
    let easter_monday = easter_sunday(date.year()).and_then(|e| e.succ_opt()) == Some(date);
    fixed || st_francis || easter_monday
}

/// Monday to Friday, national holidays excepted.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_national_holiday(date)
}

/// The weekday as Italian people write it: `lunedì`, …, `domenica`.
pub fn italian_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lunedì",
        Weekday::Tue => "martedì",
        Weekday::Wed => "mercoledì",
        Weekday::Thu => "giovedì",
        Weekday::Fri => "venerdì",
        Weekday::Sat => "sabato",
        Weekday::Sun => "domenica",
    }
}

/// A date as people read it in Italy: `07/12/2026` (the app's `gg/mm/aaaa`).
pub fn italian_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `h:m` as a constant (an impossible time gives midnight; none is written here).
pub const fn hour_minute(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

/// A daily opening window on working days, `[opens, closes)` in Rome time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyWindow {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl DailyWindow {
    /// Whether `at` falls on a working day inside the window.
    pub fn is_open_at(&self, at: DateTime<Utc>) -> bool {
        let local = at.with_timezone(&Rome);
        let time = local.time();
        is_working_day(local.date_naive()) && time >= self.opens && time < self.closes
    }

    /// Whether `at` falls on a working day from `opens` to `closes`, both
    /// minutes included: with 09:00–13:00, 13:00:45 is still in (the clock on
    /// the wall says 13:00) and 13:01 is out. For rules that say "from 9 to
    /// 13" of what a person does, not of when a queue opens.
    pub fn includes(&self, at: DateTime<Utc>) -> bool {
        self.includes_on(at, is_working_day)
    }

    /// [`DailyWindow::includes`] on the working days of `working` (e.g. a
    /// unit's calendar, which also knows its patron saint's day).
    pub fn includes_on(&self, at: DateTime<Utc>, working: impl Fn(NaiveDate) -> bool) -> bool {
        let local = at.with_timezone(&Rome);
        let minute = local.time().with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(local.time());
        working(local.date_naive()) && minute >= self.opens && minute <= self.closes
    }

    /// `at` itself when open, otherwise the next opening.
    pub fn next_open_instant(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        self.next_open_instant_on(at, is_working_day)
    }

    /// [`DailyWindow::next_open_instant`] on the working days of `working`,
    /// looking at most a year ahead (a unit closed longer is a data error).
    pub fn next_open_instant_on(&self, at: DateTime<Utc>, working: impl Fn(NaiveDate) -> bool) -> DateTime<Utc> {
        let local = at.with_timezone(&Rome);
        let mut day = local.date_naive();
        let time = local.time();
        if working(day) && time >= self.opens && time < self.closes {
            return at;
        }
        if !(working(day) && time < self.opens) {
            day += Duration::days(1);
        }
        for _ in 0..366 {
            if working(day) {
                break;
            }
            day += Duration::days(1);
        }
        crate::appointments::domain::rome_instant(day, self.opens).unwrap_or(at)
    }
}

/// The `n`-th working day after `date` (`date` itself is never counted).
pub fn working_days_after(date: NaiveDate, n: u32) -> NaiveDate {
    let mut date = date;
    let mut left = n;
    while left > 0 {
        date = date.succ_opt().unwrap_or(date);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_dates() {
        assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
        assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
        assert_eq!(easter_sunday(2027), NaiveDate::from_ymd_opt(2027, 3, 28));
    }

    #[test]
    fn national_holidays_and_weekends_are_not_working_days() {
        assert!(!is_working_day(d(2026, 4, 6))); // Easter Monday
        assert!(!is_working_day(d(2026, 6, 2))); // Festa della Repubblica (Tuesday)
        assert!(!is_working_day(d(2026, 12, 8))); // Immacolata (Tuesday)
        assert!(!is_working_day(d(2026, 11, 21))); // Saturday
        assert!(is_working_day(d(2026, 11, 23))); // Monday
        assert!(!is_working_day(d(2027, 10, 4))); // St Francis, from 2026
        assert!(is_working_day(d(2024, 10, 4))); // ...but not before
    }

    fn rome(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, day, h, min, 0).unwrap().with_timezone(&Utc)
    }

    const MORNING: DailyWindow = DailyWindow { opens: hour_minute(9, 0), closes: hour_minute(13, 0) };

    #[test]
    fn a_window_is_closed_on_holidays_and_outside_its_hours() {
        assert!(MORNING.is_open_at(rome(2026, 12, 24, 10, 0)));
        assert!(!MORNING.is_open_at(rome(2026, 12, 25, 10, 0))); // Christmas, a Friday
        assert!(!MORNING.is_open_at(rome(2026, 12, 24, 13, 30)));
        assert!(!MORNING.is_open_at(rome(2026, 12, 24, 8, 59)));
    }

    #[test]
    fn inclusion_counts_both_end_minutes_and_only_working_days() {
        assert!(MORNING.includes(rome(2026, 12, 24, 9, 0)));
        assert!(MORNING.includes(rome(2026, 12, 24, 13, 0)));
        assert!(MORNING.includes(rome(2026, 12, 24, 13, 0) + Duration::seconds(59)));
        assert!(!MORNING.includes(rome(2026, 12, 24, 13, 1)));
        assert!(!MORNING.includes(rome(2026, 12, 24, 8, 59) + Duration::seconds(59)));
        assert!(!MORNING.includes(rome(2026, 12, 25, 10, 0)));
        assert!(!MORNING.includes(rome(2026, 12, 27, 10, 0))); // Sunday
    }

    #[test]
    fn the_next_opening_skips_weekends_and_holidays() {
        // Thursday 24 Dec afternoon → Fri 25 and Sat 26 holidays, Sun 27 → Monday 28 at 09:00.
        assert_eq!(MORNING.next_open_instant(rome(2026, 12, 24, 14, 0)), rome(2026, 12, 28, 9, 0));
        assert_eq!(MORNING.next_open_instant(rome(2026, 12, 28, 7, 0)), rome(2026, 12, 28, 9, 0));
    }

    #[test]
    fn working_days_after_skip_holidays() {
        assert_eq!(working_days_after(d(2026, 12, 4), 2), d(2026, 12, 9));
        assert_eq!(working_days_after(d(2026, 11, 20), 1), d(2026, 11, 23));
    }
}
