//! Opening hours rule bookings (issue 14, item 1): `bookAppointment` and a
//! quesito's conversion refuse a time the office is closed, with the next open
//! slots; the CUP import takes such rows and reports them.

use api::config::Settings;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::appointments::import;
use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{file_ok, take};

/// Monday 21 December 2026, 10:00 in Rome: Christmas (Friday 25) and
/// Sunday 27 are within the CUP window whatever day the suite runs.
const FIXED_NOW: &str = "2026-12-21T10:00:00+01:00";

fn fixed(s: &mut Settings) {
    s.fixed_now = Some(DateTime::parse_from_rfc3339(FIXED_NOW).unwrap().with_timezone(&Utc));
}

const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id cupNumber } }";

fn input(date: &str, time: &str) -> Value {
    json!({
        "officeCode": "UT-CA1", "date": date, "time": time, "serviceCode": "SUCC",
        "fiscalCode": "RSSMRA80A01H501U", "citizenName": "Rossi Mario",
    })
}

fn refused_on(res: &Value, field: &str, why: &str) {
    assert_eq!(error_code(res), Some("BAD_USER_INPUT"), "{res}");
    let error = &res["errors"][0];
    assert_eq!(error["extensions"]["field"], field, "{res}");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains(why), "{message}");
    // The next open slots: in the message, and for the client in extensions.
    assert!(message.contains("primi orari disponibili: "), "{message}");
    let slots = error["extensions"]["nextOpenSlots"].as_array().expect("nextOpenSlots");
    assert_eq!(slots.len(), 3, "{res}");
}

both_backends!(a_director_cannot_book_when_the_office_is_closed, configure: fixed, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    // Sunday 27 December: the next slots are on Monday 28 from 08:45.
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-27", "10:00:00") })).await;
    refused_on(&res, "date", "è sabato o domenica");
    let slots = &res["errors"][0]["extensions"]["nextOpenSlots"];
    assert_eq!(slots[0], "2026-12-28T08:45:00+01:00", "{res}");
    assert!(res["errors"][0]["message"].as_str().unwrap().contains("lunedì 28/12/2026 08:45"));
    // Christmas.
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-25", "10:00:00") })).await;
    refused_on(&res, "date", "festa nazionale");
    // 19:00 on a working day; 12:40, a session that would end after closing (12:45).
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-22", "19:00:00") })).await;
    refused_on(&res, "time", "08:45–12:45 e 14:30–16:30");
    let slots = &res["errors"][0]["extensions"]["nextOpenSlots"];
    assert_eq!(slots[0], "2026-12-23T08:45:00+01:00", "{res}");
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-22", "12:40:00") })).await;
    refused_on(&res, "time", "dopo la chiusura");
    assert_eq!(res["errors"][0]["extensions"]["nextOpenSlots"][0], "2026-12-22T14:30:00+01:00", "{res}");
    // Within hours, including Tuesday afternoon and the last slot before closing.
    for (date, time) in [("2026-12-22", "10:00:00"), ("2026-12-22", "15:00:00"), ("2026-12-22", "12:30:00")] {
        let res = app.graphql(Some(&director), BOOK, json!({ "i": input(date, time) })).await;
        assert!(data(&res)["bookAppointment"]["id"].is_string(), "{date} {time}: {res}");
    }
});

both_backends!(a_closure_of_the_dp_closes_its_offices_to_bookings, configure: fixed, |app: TestApp| async move {
    let dp = app.login("dp.cagliari").await;
    let res = app
        .graphql(
            Some(&dp),
            "mutation($i: UnitClosureInput!) { addUnitClosure(input: $i) { id } }",
            json!({ "i": { "unitCode": "DP-CA", "firstDay": "2026-12-23", "lastDay": "2026-12-23", "yearly": false, "reason": "Lavori" } }),
        )
        .await;
    data(&res);
    let director = app.login("dir.cagliari1").await;
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-23", "10:00:00") })).await;
    refused_on(&res, "date", "Lavori");
    // Thursday 24 opens again.
    assert_eq!(res["errors"][0]["extensions"]["nextOpenSlots"][0], "2026-12-24T08:45:00+01:00", "{res}");
});

const CONVERT: &str =
    "mutation($id: ID!, $i: ConvertQuesitoInput!) { convertQuesitoToAppointment(id: $id, input: $i) { id status } }";

both_backends!(a_quesito_is_not_converted_into_a_closed_day, configure: fixed, |app: TestApp| async move {
    let expert = app.login("cric.sardegna").await;
    let q = file_ok(&app, "DR-SAR", "Fascicolo da ricostruire").await;
    let id = q["id"].as_str().unwrap();
    take(&app, &expert, id).await;
    let conversion = |date: &str| {
        json!({
            "reason": "Occorre ricostruire il fascicolo cartaceo della posizione assicurativa",
            "officeCode": "UT-CA1", "date": date, "time": "10:30:00", "serviceCode": "RIMB", "citizenName": "Porcu Elena",
        })
    };
    let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": conversion("2026-12-27") })).await;
    refused_on(&res, "date", "è sabato o domenica");
    let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": conversion("2026-12-28") })).await;
    assert_eq!(data(&res)["convertQuesitoToAppointment"]["status"], "CONVERTED_TO_APPOINTMENT", "{res}");
});

const HEADER: &str = "NUMERO PRENOTAZIONE;DATA;ORA;CODICE SERVIZIO;SERVIZIO;CODICE FISCALE;COGNOME E NOME;TELEFONO;EMAIL;MODALITÀ;UFFICIO;ASSEGNATARIO PRECALLING";

both_backends!(the_cup_import_takes_rows_outside_hours_and_reports_them, configure: fixed, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let row = |n: &str, date: &str, time: &str| {
        format!("{n};{date};{time};SUCC;Dichiarazione di successione;RSSMRA80A01H501U;Rossi Mario;;;PRESENZA;UT-CA1;")
    };
    let csv = [
        HEADER.to_owned(),
        row("880001", "22/12/2026", "10:00"),
        row("880002", "27/12/2026", "10:00"),
        row("880003", "25/12/2026", "09:00"),
        row("880004", "22/12/2026", "19:00"),
    ]
    .join("\n");
    let res = import(&app, &director, "UT-CA1", &csv).await;
    let report = &data(&res)["importCupBookings"];
    assert_eq!(report["created"], 4, "CUP is the source of truth: {res}");
    assert_eq!(report["rejected"], json!([]));
    let outside = report["outsideOpeningHours"].as_array().expect("outsideOpeningHours");
    let rows: Vec<(i64, &str)> =
        outside.iter().map(|r| (r["row"].as_i64().unwrap(), r["cupNumber"].as_str().unwrap())).collect();
    assert_eq!(rows, vec![(3, "880002"), (4, "880003"), (5, "880004")], "{res}");
    assert_eq!(outside[0]["reason"], "è sabato o domenica");
    assert_eq!(outside[1]["reason"], "è festa nazionale");
    assert!(outside[2]["reason"].as_str().unwrap().contains("08:45–12:45"), "{res}");
    assert!(outside[1]["startsAt"].as_str().unwrap().starts_with("2026-12-25T08:00:00"), "{res}");
});

// The proposals are free slots: a time already booked at the office is not offered again.
both_backends!(the_proposed_slots_leave_out_the_booked_ones, configure: fixed, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let first_free = |res: &Value| res["errors"][0]["extensions"]["nextOpenSlots"][0].as_str().map(str::to_owned);
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-27", "10:00:00") })).await;
    let offered = first_free(&res).expect("a slot is proposed");
    // Book exactly what was proposed; the next refusal proposes the slot after it.
    let at = DateTime::parse_from_rfc3339(&offered).unwrap();
    let booking = json!({ "i": input(&at.format("%Y-%m-%d").to_string(), &at.format("%H:%M:%S").to_string()) });
    data(&app.graphql(Some(&director), BOOK, booking).await);
    let res = app.graphql(Some(&director), BOOK, json!({ "i": input("2026-12-27", "10:00:00") })).await;
    let slots: Vec<&str> =
        res["errors"][0]["extensions"]["nextOpenSlots"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(!slots.contains(&offered.as_str()), "{offered} is booked: {slots:?}");
    assert_eq!(DateTime::parse_from_rfc3339(slots[0]).unwrap(), at + chrono::Duration::minutes(15), "{res}");
    // The calendar's proposals (what a booking screen offers) leave it out too.
    let q = "query($from: DateTime!) { unitCalendar(unitCode: \"UT-CA1\") { nextOpenSlots(from: $from, count: 2) } }";
    let res = app.graphql(Some(&director), q, json!({ "from": at.to_rfc3339() })).await;
    let proposed = data(&res)["unitCalendar"]["nextOpenSlots"][0].as_str().unwrap().to_owned();
    assert_eq!(DateTime::parse_from_rfc3339(&proposed).unwrap(), at + chrono::Duration::minutes(15), "{res}");
});
