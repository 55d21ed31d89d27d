//! The demo data respects the offices' calendars: seeded on Monday 7 December
//! 2026 (the Immacolata falls on the Tuesday), no booking lands on a day its
//! office is closed, and "the next working day" is Wednesday 9 December.

use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use entities::{appointment, org_unit};
use sea_orm::EntityTrait;

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(demo_bookings_fall_on_open_days, configure: |s| s.seed_demo = false, |app: TestApp| async move {
    let db = &app.state.db;
    let monday_morning = Rome.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap().with_timezone(&Utc);
    assert!(api::seed::demo::seed_if_empty_at(db, monday_morning).await.unwrap());

    let units = org_unit::Entity::find().all(db).await.unwrap();
    let bookings = appointment::Entity::find().all(db).await.unwrap();
    assert!(bookings.len() > 10, "the demo has a day's work: {} bookings", bookings.len());
    let immacolata = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    for booking in &bookings {
        let office = units.iter().find(|u| u.id == booking.unit_id).unwrap();
        let calendar = api::calendar::store::calendar_of(db, office).await.unwrap();
        assert!(
            calendar.is_working_day(booking.local_date),
            "booking {} of {} on {}, a day the office is closed",
            booking.cup_number,
            office.code,
            booking.local_date
        );
        assert_ne!(booking.local_date, immacolata);
    }
    // UT Cagliari 1's confirmed booking of "the next working day" (the browser tests assign it).
    let next = bookings.iter().find(|b| b.cup_number == "40104").unwrap();
    assert_eq!(next.local_date, NaiveDate::from_ymd_opt(2026, 12, 9).unwrap());
});
