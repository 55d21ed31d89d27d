//! The calendar of one unit: its weekly opening hours and its closures (the
//! patron saint's day of its town, a closure for works), on top of the
//! national calendar of [`super::calendar`]. Bookings, conversions and CUP
//! imports ask "is the office open then?", and callbacks and due dates ask
//! "is this a working day here?", only through [`UnitCalendar`].
//!
//! Closures of a unit apply to every unit under it (a DP's patron saint
//! closes its offices too). A unit without structured hours is open on
//! working days at any time: the check then only refuses holidays and closures.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Europe::Rome;

use super::calendar::{hour_minute, is_national_holiday};

/// One opening interval of a weekday, `[opens, closes)` in Rome time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub weekday: Weekday,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl Interval {
    /// From minutes after midnight, as stored; `None` when not a valid interval.
    pub fn from_minutes(weekday: Weekday, opens: i32, closes: i32) -> Option<Interval> {
        let time = |m: i32| NaiveTime::from_hms_opt(u32::try_from(m / 60).ok()?, u32::try_from(m % 60).ok()?, 0);
        let interval = Interval { weekday, opens: time(opens)?, closes: time(closes)? };
        (interval.opens < interval.closes).then_some(interval)
    }

    pub fn opens_minute(&self) -> i32 {
        (self.opens.hour() * 60 + self.opens.minute()) as i32
    }

    pub fn closes_minute(&self) -> i32 {
        (self.closes.hour() * 60 + self.closes.minute()) as i32
    }
}

/// Days a unit is closed: from `first_day` to `last_day` (both included);
/// `yearly` repeats the same days every year (a patron saint's day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closure {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub yearly: bool,
    pub reason: String,
}

impl Closure {
    pub fn covers(&self, date: NaiveDate) -> bool {
        if !self.yearly {
            return self.first_day <= date && date <= self.last_day;
        }
        let key = |d: NaiveDate| (d.month(), d.day());
        let (from, to, day) = (key(self.first_day), key(self.last_day), key(date));
        // A yearly closure may run over New Year (e.g. 31 Dec – 2 Jan).
        if from <= to { from <= day && day <= to } else { day >= from || day <= to }
    }
}

/// Why a unit is not open on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosedBecause {
    Weekend,
    NationalHoliday,
    Closure(String),
    /// The day has no opening hours (e.g. an office open Monday to Thursday).
    NoHoursThatDay,
}

impl ClosedBecause {
    /// Italian, for messages shown to people.
    pub fn italian(&self) -> String {
        match self {
            ClosedBecause::Weekend => "è sabato o domenica".to_owned(),
            ClosedBecause::NationalHoliday => "è festa nazionale".to_owned(),
            ClosedBecause::Closure(reason) => format!("l'ufficio è chiuso ({reason})"),
            ClosedBecause::NoHoursThatDay => "l'ufficio non apre in quel giorno".to_owned(),
        }
    }
}

/// A unit's calendar: its hours (empty: any time of a working day) and every
/// closure of it and of the units above it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitCalendar {
    pub hours: Vec<Interval>,
    pub closures: Vec<Closure>,
}

impl UnitCalendar {
    /// Why the unit is closed all day on `date`, or `None` when it opens.
    pub fn closed_on(&self, date: NaiveDate) -> Option<ClosedBecause> {
        if is_national_holiday(date) {
            return Some(ClosedBecause::NationalHoliday);
        }
        if let Some(c) = self.closures.iter().find(|c| c.covers(date)) {
            return Some(ClosedBecause::Closure(c.reason.clone()));
        }
        let weekday = date.weekday();
        if self.hours.is_empty() {
            return matches!(weekday, Weekday::Sat | Weekday::Sun).then_some(ClosedBecause::Weekend);
        }
        if self.hours.iter().any(|i| i.weekday == weekday) {
            None
        } else if matches!(weekday, Weekday::Sat | Weekday::Sun) {
            Some(ClosedBecause::Weekend)
        } else {
            Some(ClosedBecause::NoHoursThatDay)
        }
    }

    /// A working day of this unit: it opens that day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.closed_on(date).is_none()
    }

    /// Whether the unit is open at `at`.
    pub fn is_open_at(&self, at: DateTime<Utc>) -> bool {
        let local = at.with_timezone(&Rome);
        self.is_working_day(local.date_naive()) && self.hours_of(local.date_naive()).any(|i| within(i, local.time()))
    }

    /// Whether a session of `length` starting at `at` lies within one opening interval.
    pub fn fits(&self, at: DateTime<Utc>, length: Duration) -> bool {
        let local = at.with_timezone(&Rome);
        let end = (at + length).with_timezone(&Rome);
        self.is_working_day(local.date_naive())
            && end.date_naive() == local.date_naive()
            && self.hours_of(local.date_naive()).any(|i| within(i, local.time()) && end.time() <= i.closes)
    }

    /// Why `at` is outside hours, in Italian (for refusals), or `None` when open.
    pub fn why_closed_at(&self, at: DateTime<Utc>) -> Option<String> {
        let local = at.with_timezone(&Rome);
        if let Some(why) = self.closed_on(local.date_naive()) {
            return Some(why.italian());
        }
        (!self.is_open_at(at))
            .then(|| format!("l'ufficio quel giorno è aperto {}", describe_day(&self.hours, local.weekday())))
    }

    /// The opening intervals of `date` (a whole working day when none are set).
    fn hours_of(&self, date: NaiveDate) -> impl Iterator<Item = Interval> + '_ {
        let weekday = date.weekday();
        let all_day = Interval { weekday, opens: NaiveTime::MIN, closes: hour_minute(23, 59) };
        let set: Vec<Interval> = self.hours.iter().copied().filter(|i| i.weekday == weekday).collect();
        let list = if self.hours.is_empty() { vec![all_day] } else { set };
        list.into_iter()
    }

    /// The next `n` instants from `from` on (rounded up to the slot) at which a
    /// session of `slot` fits, looking at most 60 days ahead.
    pub fn next_open_slots(&self, from: DateTime<Utc>, slot: Duration, n: usize) -> Vec<DateTime<Utc>> {
        self.next_free_slots(from, slot, n, &[])
    }

    /// [`UnitCalendar::next_open_slots`] that are also free: no session of
    /// `slot` starting at one of `busy` (the office's bookings) overlaps them.
    pub fn next_free_slots(
        &self,
        from: DateTime<Utc>,
        slot: Duration,
        n: usize,
        busy: &[DateTime<Utc>],
    ) -> Vec<DateTime<Utc>> {
        let taken = |at: DateTime<Utc>| busy.iter().any(|b| *b < at + slot && at < *b + slot);
        let first = from.with_timezone(&Rome).date_naive();
        (0..60)
            .map(|offset| first + Duration::days(offset))
            .flat_map(|date| self.slots_of_day(date, slot))
            .filter(|at| *at >= from && !taken(*at))
            .take(n)
            .collect()
    }

    /// Every instant from `first` to `last` (both days included) at which a
    /// session of `slot` fits, one slot after the other from each opening.
    pub fn open_slots_between(&self, first: NaiveDate, last: NaiveDate, slot: Duration) -> Vec<DateTime<Utc>> {
        first.iter_days().take_while(|d| *d <= last).flat_map(|date| self.slots_of_day(date, slot)).collect()
    }

    /// The slots of one day: from each interval's opening, every `slot`, while
    /// a whole session still fits before it closes. None on a closed day.
    fn slots_of_day(&self, date: NaiveDate, slot: Duration) -> Vec<DateTime<Utc>> {
        if !self.is_working_day(date) {
            return Vec::new();
        }
        let step = slot.num_minutes().max(1);
        let mut found = Vec::new();
        for interval in self.hours_of(date) {
            let mut minute = i64::from(interval.opens.hour() * 60 + interval.opens.minute());
            let closes = i64::from(interval.closes.hour() * 60 + interval.closes.minute());
            while minute + step <= closes {
                let time = NaiveTime::from_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0);
                if let Some(at) = time.and_then(|t| crate::appointments::domain::rome_instant(date, t)) {
                    found.push(at);
                }
                minute += step;
            }
        }
        found
    }

    /// The `n`-th working day of this unit after `date` (`date` never counted).
    pub fn working_days_after(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut date = date;
        let mut left = n;
        // Bounded: a unit closed for over a year is a data error, not a loop.
        for _ in 0..400 {
            if left == 0 {
                break;
            }
            date = date.succ_opt().unwrap_or(date);
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }
}

fn within(interval: Interval, time: NaiveTime) -> bool {
    interval.opens <= time && time < interval.closes
}

const DAY_NAMES: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];

fn describe_day(hours: &[Interval], weekday: Weekday) -> String {
    let parts: Vec<String> = hours
        .iter()
        .filter(|i| i.weekday == weekday)
        .map(|i| format!("{}–{}", i.opens.format("%H:%M"), i.closes.format("%H:%M")))
        .collect();
    if parts.is_empty() { "mai".to_owned() } else { parts.join(" e ") }
}

/// Weekly hours in Italian, days with the same hours grouped:
/// `lun–ven 08:45–12:45; mar, gio 14:30–16:30`.
pub fn describe_hours(hours: &[Interval]) -> String {
    let mut times: Vec<(NaiveTime, NaiveTime)> = hours.iter().map(|i| (i.opens, i.closes)).collect();
    times.sort();
    times.dedup();
    let mut parts = Vec::new();
    for (opens, closes) in times {
        let mut days: Vec<usize> = hours
            .iter()
            .filter(|i| i.opens == opens && i.closes == closes)
            .map(|i| i.weekday.num_days_from_monday() as usize)
            .collect();
        days.sort_unstable();
        days.dedup();
        let consecutive = days.windows(2).all(|w| w[1] == w[0] + 1);
        let names = match (days.first(), days.last()) {
            (Some(&a), Some(&b)) if consecutive && b >= a + 2 => format!("{}–{}", DAY_NAMES[a], DAY_NAMES[b]),
            _ => days.iter().map(|&d| DAY_NAMES[d]).collect::<Vec<_>>().join(", "),
        };
        parts.push(format!("{names} {}–{}", opens.format("%H:%M"), closes.format("%H:%M")));
    }
    parts.join("; ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rome(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, day, h, min, 0).unwrap().with_timezone(&Utc)
    }

    /// UT Cagliari 1 of the demo: mornings, and two afternoons.
    fn cagliari() -> UnitCalendar {
        let mut hours: Vec<Interval> = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
            .into_iter()
            .filter_map(|w| Interval::from_minutes(w, 8 * 60 + 45, 12 * 60 + 45))
            .collect();
        hours.extend([Weekday::Tue, Weekday::Thu].into_iter().filter_map(|w| Interval::from_minutes(w, 870, 990)));
        let patron = Closure {
            first_day: d(2020, 10, 30),
            last_day: d(2020, 10, 30),
            yearly: true,
            reason: "San Saturnino".into(),
        };
        UnitCalendar { hours, closures: vec![patron] }
    }

    #[test]
    fn an_office_is_open_in_its_hours_only() {
        let c = cagliari();
        assert!(c.is_open_at(rome(2026, 12, 10, 9, 0))); // Thursday morning
        assert!(c.is_open_at(rome(2026, 12, 10, 15, 0))); // Thursday afternoon
        assert!(!c.is_open_at(rome(2026, 12, 11, 15, 0))); // Friday afternoon
        assert!(!c.is_open_at(rome(2026, 12, 10, 19, 0)));
        assert!(!c.is_open_at(rome(2026, 12, 13, 10, 0))); // Sunday
        assert!(!c.is_open_at(rome(2026, 12, 25, 10, 0))); // Christmas
        assert_eq!(c.closed_on(d(2026, 12, 25)), Some(ClosedBecause::NationalHoliday));
        assert_eq!(c.closed_on(d(2026, 12, 13)), Some(ClosedBecause::Weekend));
    }

    #[test]
    fn a_yearly_closure_closes_the_same_day_every_year() {
        let c = cagliari();
        assert_eq!(c.closed_on(d(2026, 10, 30)), Some(ClosedBecause::Closure("San Saturnino".into())));
        assert!(c.is_working_day(d(2026, 10, 29)));
        let new_year =
            Closure { first_day: d(2026, 12, 31), last_day: d(2027, 1, 2), yearly: true, reason: "x".into() };
        assert!(new_year.covers(d(2030, 1, 2)) && new_year.covers(d(2030, 12, 31)) && !new_year.covers(d(2030, 1, 3)));
    }

    #[test]
    fn a_session_fits_only_inside_one_interval() {
        let c = cagliari();
        assert!(c.fits(rome(2026, 12, 10, 12, 30), Duration::minutes(15)));
        assert!(!c.fits(rome(2026, 12, 10, 12, 40), Duration::minutes(15)));
        assert!(c.why_closed_at(rome(2026, 12, 11, 15, 0)).unwrap().contains("08:45–12:45"));
    }

    #[test]
    fn the_next_open_slots_skip_closed_days() {
        let c = cagliari();
        // Thursday 24 Dec 16:00: the afternoon's last slot, then Friday 25 and Saturday 26
        // are holidays, Sunday 27 is closed → Monday 28 08:45.
        let slots = c.next_open_slots(rome(2026, 12, 24, 16, 0), Duration::minutes(15), 3);
        assert_eq!(slots, vec![rome(2026, 12, 24, 16, 0), rome(2026, 12, 24, 16, 15), rome(2026, 12, 28, 8, 45)]);
    }

    #[test]
    fn the_open_slots_of_a_range_leave_out_closed_days() {
        let c = cagliari();
        // Thursday 24 to Monday 28 December 2026: Christmas, Santo Stefano and Sunday are closed.
        let slots = c.open_slots_between(d(2026, 12, 24), d(2026, 12, 28), Duration::minutes(15));
        let days: std::collections::BTreeSet<NaiveDate> =
            slots.iter().map(|s| s.with_timezone(&Rome).date_naive()).collect();
        assert_eq!(days.into_iter().collect::<Vec<_>>(), vec![d(2026, 12, 24), d(2026, 12, 28)]);
        // Thursday: 16 morning slots (08:45 to 12:30) and 8 afternoon ones (14:30 to 16:15).
        assert_eq!(slots.iter().filter(|s| s.with_timezone(&Rome).date_naive() == d(2026, 12, 24)).count(), 24);
        assert_eq!(slots[0], rome(2026, 12, 24, 8, 45));
        assert!(slots.contains(&rome(2026, 12, 24, 16, 15)) && !slots.contains(&rome(2026, 12, 24, 16, 30)));
    }

    #[test]
    fn booked_slots_are_not_offered() {
        let c = cagliari();
        // Monday 14 Dec 2026: 08:45 booked, a session at 09:05 overlaps 09:00 and 09:15.
        let busy = [rome(2026, 12, 14, 8, 45), rome(2026, 12, 14, 9, 5)];
        let slots = c.next_free_slots(rome(2026, 12, 14, 8, 0), Duration::minutes(15), 2, &busy);
        assert_eq!(slots, vec![rome(2026, 12, 14, 9, 30), rome(2026, 12, 14, 9, 45)]);
        assert_eq!(c.next_open_slots(rome(2026, 12, 14, 8, 0), Duration::minutes(15), 1), vec![busy[0]]);
    }

    #[test]
    fn without_hours_a_unit_opens_on_working_days() {
        let c = UnitCalendar::default();
        assert!(c.is_open_at(rome(2026, 12, 10, 19, 0)));
        assert!(!c.is_open_at(rome(2026, 12, 12, 10, 0)));
        assert_eq!(c.working_days_after(d(2026, 12, 4), 2), d(2026, 12, 9));
    }

    #[test]
    fn weekly_hours_are_described_in_italian() {
        assert_eq!(describe_hours(&cagliari().hours), "lun–ven 08:45–12:45; mar, gio 14:30–16:30");
    }
}
