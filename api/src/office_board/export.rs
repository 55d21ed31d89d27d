//! The day list out of the spreadsheet (issue 14 item 10): "Assegnazione
//! sportelli virtuali / presenza del giorno X", one row per booking of the
//! day with its precall assignee and outcome and its counter session, with
//! Italian headers, as CSV and as XLSX.

use chrono::NaiveDate;
use chrono_tz::Europe::Rome;
use rust_xlsxwriter::{Format, Workbook};

use crate::appointments::domain::{
    AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallReason, PrecallResult,
};
use crate::error::{AppError, AppResult};
use crate::monitoring::csv::CsvDialect;
use entities::appointment;

/// The columns, as the offices' spreadsheets name them.
pub const HEADERS: [&str; 17] = [
    "Ora",
    "N. prenotazione CUP",
    "Cittadino",
    "Servizio",
    "Modalità",
    "Stato",
    "Assegnatario precalling",
    "Precalling",
    "Motivazione non contattabile",
    "Esito contatto",
    "Note motivazione conferma app.to",
    "E-mail di precontatto inviata",
    "Risposta del cittadino",
    "Addetto sportello",
    "Modalità sportello",
    "Esito sportello",
    "Numero di protocollo",
];

/// What a row shows besides the booking: names the caller may see.
pub struct RowFacts<'a> {
    pub booking: &'a appointment::Model,
    /// `None` when the caller may not see the citizen's name.
    pub citizen_name: Option<&'a str>,
    pub service_name: &'a str,
    pub precall_assignee: Option<&'a str>,
    pub counter_operator: Option<&'a str>,
}

/// One row of text cells, in the order of [`HEADERS`].
pub fn row(f: &RowFacts<'_>) -> Vec<String> {
    let a = f.booking;
    let text = |v: Option<&str>| v.unwrap_or_default().to_owned();
    vec![
        a.starts_at.with_timezone(&Rome).format("%H:%M").to_string(),
        a.cup_number.clone(),
        text(f.citizen_name),
        f.service_name.to_owned(),
        channel_it(a.channel).to_owned(),
        status_it(a.status).to_owned(),
        text(f.precall_assignee),
        text(a.precall_outcome.map(outcome_it)),
        text(a.precall_reason.map(reason_it)),
        text(a.precall_result.map(result_it)),
        text(a.precall_note.as_deref()),
        if a.precontact_sent_at.is_some() { "sì" } else { "no" }.to_owned(),
        text(a.citizen_reply.as_deref()),
        text(f.counter_operator),
        text(a.counter_channel.map(channel_it)),
        text(a.counter_outcome.map(counter_it)),
        text(a.protocol_number.as_deref()),
    ]
}

/// The file's name: `assegnazione-UT-CA1-2026-12-07.csv` / `.xlsx`.
pub fn file_name(office_code: &str, date: NaiveDate, extension: &str) -> String {
    format!("assegnazione-{office_code}-{date}.{extension}")
}

/// The day list as CSV: a header row, then the rows.
pub fn csv(rows: &[Vec<String>], dialect: CsvDialect) -> AppResult<String> {
    let delimiter = match dialect {
        CsvDialect::Standard => b',',
        CsvDialect::Italian => b';',
    };
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    w.write_record(HEADERS).map_err(AppError::internal)?;
    for r in rows {
        w.write_record(r).map_err(AppError::internal)?;
    }
    let bytes = w.into_inner().map_err(AppError::internal)?;
    String::from_utf8(bytes).map_err(AppError::internal)
}

/// The day list as an XLSX workbook: a title line, bold headers with a
/// filter on them (the directive filters on "Esito contatto"), the rows.
pub fn xlsx(title: &str, rows: &[Vec<String>]) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Assegnazione").map_err(AppError::internal)?;
    sheet.write_string_with_format(0, 0, title, &bold).map_err(AppError::internal)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &bold).map_err(AppError::internal)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(3 + r as u32, c as u16, v).map_err(AppError::internal)?;
        }
    }
    let last_row = 2 + rows.len() as u32;
    sheet.autofilter(2, 0, last_row, HEADERS.len() as u16 - 1).map_err(AppError::internal)?;
    sheet.set_freeze_panes(3, 0).map_err(AppError::internal)?;
    sheet.set_autofit_max_width(320).autofit();
    book.save_to_buffer().map_err(AppError::internal)
}

/// The title of the list: "Assegnazione sportelli virtuali / presenza del giorno 07/12/2026 — UT Cagliari 1".
pub fn title(office_name: &str, date: NaiveDate) -> String {
    format!("Assegnazione sportelli virtuali / presenza del giorno {} — {office_name}", date.format("%d/%m/%Y"))
}

fn channel_it(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "In presenza",
        Channel::Virtual => "Sportello virtuale",
    }
}

fn status_it(s: AppointmentStatus) -> &'static str {
    match s {
        AppointmentStatus::Booked => "Prenotato",
        AppointmentStatus::Confirmed => "Confermato",
        AppointmentStatus::ResolvedByPrecall => "Risolto in prechiamata",
        AppointmentStatus::CounterAssigned => "Sportello assegnato",
        AppointmentStatus::InSession => "In corso allo sportello",
        AppointmentStatus::Closed => "Concluso",
        AppointmentStatus::Cancelled => "Annullato",
    }
}

fn outcome_it(o: PrecallOutcome) -> &'static str {
    match o {
        PrecallOutcome::NotContactable => "Non contattabile",
        PrecallOutcome::Negative => "Esito negativo del contatto",
        PrecallOutcome::Positive => "Esito positivo del contatto",
    }
}

fn reason_it(r: PrecallReason) -> &'static str {
    match r {
        PrecallReason::MissingPhone => "Mancanza del numero di telefono",
        PrecallReason::WrongNumber => "Numero errato",
        PrecallReason::NoAnswer => "Nessuna risposta",
    }
}

/// The seed's "ESITO CONTATTO" values.
fn result_it(r: PrecallResult) -> &'static str {
    match r {
        PrecallResult::ServedRemotely => "Lavorazione conclusa",
        PrecallResult::RedirectedEmailPec => "Fornita assistenza e/o informazione (e-mail/PEC)",
        PrecallResult::ConfirmedVirtual => "Conferma CUP virtuali",
        PrecallResult::ConfirmedInPerson => "Conferma CUP presenza",
        PrecallResult::CancelledByCitizen => "Annullato dal cittadino",
    }
}

fn counter_it(o: CounterOutcome) -> &'static str {
    match o {
        CounterOutcome::Completed => "Servizio concluso",
        CounterOutcome::TransferredToBackOffice => "Servizio trasferito in BO",
        CounterOutcome::NoShow => "Cittadino non presentato",
        CounterOutcome::NotDeliverable => "Servizio non erogabile",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use entities::appointment::{AppointmentSource, PrecallStatus};
    use uuid::Uuid;

    fn booking() -> appointment::Model {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        appointment::Model {
            id: Uuid::nil(),
            unit_id: Uuid::nil(),
            cup_number: "40100".into(),
            starts_at: at,
            local_date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            service_id: Uuid::nil(),
            fiscal_code: "RSSMRA80A01H501U".into(),
            citizen_name: "Rossi Mario".into(),
            phone: None,
            email: None,
            channel: Channel::Virtual,
            status: AppointmentStatus::Confirmed,
            source: AppointmentSource::CupImport,
            booked_by_id: None,
            booked_by_unit_id: None,
            cancel_reason: None,
            cancelled_at: None,
            precall_status: PrecallStatus::Done,
            precall_assignee_id: None,
            precall_assigned_at: None,
            precall_outcome: Some(PrecallOutcome::Positive),
            precall_reason: None,
            precall_result: Some(PrecallResult::ConfirmedVirtual),
            precall_note: Some("porta il modello; firma".into()),
            precalled_at: Some(at),
            precontact_sent_at: None,
            precontact_sent_by_id: None,
            citizen_reply: None,
            citizen_reply_at: None,
            counter_operator_id: None,
            counter_channel: None,
            counter_assigned_at: None,
            counter_started_at: None,
            counter_ended_at: None,
            counter_outcome: None,
            protocol_number: None,
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    fn facts(b: &appointment::Model) -> RowFacts<'_> {
        RowFacts {
            booking: b,
            citizen_name: Some("Rossi Mario"),
            service_name: "Successioni",
            precall_assignee: Some("Operatore Uno"),
            counter_operator: None,
        }
    }

    #[test]
    fn a_row_shows_the_time_in_rome_and_the_outcomes_in_italian() {
        let b = booking();
        let r = row(&facts(&b));
        assert_eq!(r.len(), HEADERS.len());
        assert_eq!(r[0], "10:00", "09:00 UTC is 10:00 in Rome in December");
        assert_eq!(r[7], "Esito positivo del contatto");
        assert_eq!(r[9], "Conferma CUP virtuali");
        assert_eq!(r[11], "no");
        let hidden = RowFacts { citizen_name: None, ..facts(&b) };
        assert_eq!(row(&hidden)[2], "");
    }

    #[test]
    fn the_csv_has_italian_headers_and_quotes_what_needs_it() {
        let b = booking();
        let text = csv(&[row(&facts(&b))], CsvDialect::Italian).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with("Ora;N. prenotazione CUP;Cittadino;Servizio;Modalità"));
        let line = lines.next().unwrap();
        assert!(line.contains(";\"porta il modello; firma\";"), "{line}");
        assert!(csv(&[], CsvDialect::Standard).unwrap().starts_with("Ora,N. prenotazione CUP,"));
    }

    #[test]
    fn the_xlsx_is_a_zip_workbook_with_the_headers() {
        let b = booking();
        let bytes = xlsx(&title("UT Cagliari 1", b.local_date), &[row(&facts(&b))]).unwrap();
        assert_eq!(&bytes[..2], b"PK", "an XLSX file is a ZIP archive");
        assert!(title("UT Cagliari 1", b.local_date).contains("del giorno 07/12/2026"));
        assert_eq!(file_name("UT-CA1", b.local_date, "xlsx"), "assegnazione-UT-CA1-2026-12-07.xlsx");
    }
}
