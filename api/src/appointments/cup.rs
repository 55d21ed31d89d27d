//! Parsing the CUP "VISUALIZZA" export (CSV), documented in docs/cup-import.md.
//!
//! Pure: bytes in, well-formed rows and rejected rows (with their line number
//! and reason) out. What needs the database (the service exists, the booking
//! is new or changed) is decided by [`super::service::import_cup`].

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::domain::{self, Channel};
use super::checks as validation;

/// Most data rows accepted in one file (an office's busiest day is a few hundred).
pub const MAX_ROWS: usize = 5_000;

/// One well-formed row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CupRow {
    /// Line in the file (the header is line 1).
    pub line: u64,
    pub cup_number: String,
    pub date: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub service_code: String,
    pub fiscal_code: String,
    pub citizen_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub channel: Channel,
}

/// A row refused, with why. `cup_number`/`date` are kept when readable, so a
/// booking whose row is broken is not mistaken for one that left CUP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub cup_number: Option<String>,
    pub date: Option<NaiveDate>,
    pub reason_it: String,
    pub reason_en: String,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<CupRow>,
    pub rejected: Vec<RowError>,
}

/// The file as a whole cannot be read (no header, a required column missing…).
#[derive(Debug, PartialEq, Eq)]
pub struct FileError {
    pub it: String,
    pub en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    CupNumber,
    Date,
    Time,
    ServiceCode,
    FiscalCode,
    Name,
    Phone,
    Email,
    Mode,
    Office,
}

/// Header names (normalised: upper case, letters and digits only) of each column.
const HEADERS: &[(Col, &[&str], bool)] = &[
    (Col::CupNumber, &["NUMEROPRENOTAZIONE", "NPRENOTAZIONE", "PRENOTAZIONE", "NUMERO"], true),
    (Col::Date, &["DATA", "DATAAPPUNTAMENTO"], true),
    (Col::Time, &["ORA", "ORAAPPUNTAMENTO", "ORARIO"], true),
    (Col::ServiceCode, &["CODICESERVIZIO", "CODSERVIZIO"], true),
    (Col::FiscalCode, &["CODICEFISCALE", "CF"], true),
    (Col::Name, &["COGNOMEENOME", "COGNOMENOME", "NOMINATIVO"], true),
    (Col::Phone, &["TELEFONO", "CELLULARE", "RECAPITOTELEFONICO"], false),
    (Col::Email, &["EMAIL", "MAIL", "INDIRIZZOEMAIL"], false),
    (Col::Mode, &["MODALITA", "CANALE"], false),
    (Col::Office, &["UFFICIO", "CODICEUFFICIO"], false),
];

fn normalise_header(h: &str) -> String {
    h.chars()
        .filter_map(|c| match c {
            'à' | 'À' => Some('A'),
            'è' | 'é' | 'È' | 'É' => Some('E'),
            'ì' | 'Ì' => Some('I'),
            'ò' | 'Ò' => Some('O'),
            'ù' | 'Ù' => Some('U'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_uppercase()),
            _ => None,
        })
        .collect()
}

/// Text of the file: UTF-8 (a BOM is dropped) or, failing that, Latin-1 as
/// older Excel exports are.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Parses an export for the office `office_code`, checking every row against
/// the CUP window as of `now`.
pub fn parse(bytes: &[u8], office_code: &str, now: DateTime<Utc>) -> Result<Parsed, FileError> {
    let text = decode(bytes);
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| FileError {
        it: "Il file non è un CSV leggibile".into(),
        en: "The file is not a readable CSV".into(),
    })?;
    let names: Vec<String> = headers.iter().map(normalise_header).collect();
    let mut index: Vec<(Col, usize)> = Vec::new();
    for (col, aliases, required) in HEADERS {
        match names.iter().position(|n| aliases.contains(&n.as_str())) {
            Some(i) => index.push((*col, i)),
            None if *required => {
                let name = aliases.first().copied().unwrap_or_default();
                return Err(FileError {
                    it: format!("Manca la colonna obbligatoria {name} (vedi docs/cup-import.md)"),
                    en: format!("The required column {name} is missing (see docs/cup-import.md)"),
                });
            }
            None => {}
        }
    }
    let field = |record: &csv::StringRecord, col: Col| -> String {
        index
            .iter()
            .find(|(c, _)| *c == col)
            .and_then(|(_, i)| record.get(*i))
            .unwrap_or_default()
            .trim()
            .to_owned()
    };

    let mut parsed = Parsed::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut count = 0usize;
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line());
                parsed.rejected.push(RowError {
                    line,
                    cup_number: None,
                    date: None,
                    reason_it: "Riga non leggibile".into(),
                    reason_en: "Unreadable row".into(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        count += 1;
        if count > MAX_ROWS {
            return Err(FileError {
                it: format!("Il file ha più di {MAX_ROWS} righe"),
                en: format!("The file has more than {MAX_ROWS} rows"),
            });
        }
        let cup_number = domain::check_cup_number(&field(&record, Col::CupNumber));
        let date = parse_date(&field(&record, Col::Date));
        let reject = |it: String, en: String| RowError { line, cup_number: cup_number.clone(), date, reason_it: it, reason_en: en };
        match parse_row(&record, &field, office_code, now, line, cup_number.clone(), date) {
            Ok(row) => {
                if seen.insert(row.cup_number.clone()) {
                    parsed.rows.push(row);
                } else {
                    parsed.rejected.push(reject(
                        format!("Numero di prenotazione {} ripetuto nel file", row.cup_number),
                        format!("Booking number {} repeated in the file", row.cup_number),
                    ));
                }
            }
            Err((it, en)) => parsed.rejected.push(reject(it, en)),
        }
    }
    Ok(parsed)
}

type Reason = (String, String);

fn reason(it: &str, en: &str) -> Reason {
    (it.to_owned(), en.to_owned())
}

fn parse_date(raw: &str) -> Option<NaiveDate> {
    ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    ["%H:%M", "%H.%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(raw, f).ok())
}

fn parse_row(
    record: &csv::StringRecord,
    field: &impl Fn(&csv::StringRecord, Col) -> String,
    office_code: &str,
    now: DateTime<Utc>,
    line: u64,
    cup_number: Option<String>,
    date: Option<NaiveDate>,
) -> Result<CupRow, Reason> {
    let cup_number =
        cup_number.ok_or_else(|| reason("Numero di prenotazione mancante o non valido", "Missing or invalid booking number"))?;
    let office = field(record, Col::Office);
    if !office.is_empty() && !office.eq_ignore_ascii_case(office_code) {
        return Err((
            format!("La riga è dell'ufficio {office}, non di {office_code}"),
            format!("The row belongs to office {office}, not {office_code}"),
        ));
    }
    let date = date.ok_or_else(|| reason("Data mancante o non valida (gg/mm/aaaa)", "Missing or invalid date (dd/mm/yyyy)"))?;
    let time = parse_time(&field(record, Col::Time))
        .ok_or_else(|| reason("Ora mancante o non valida (hh:mm)", "Missing or invalid time (hh:mm)"))?;
    domain::check_cup_window(date, now)?;
    let starts_at = domain::rome_instant(date, time)
        .ok_or_else(|| reason("Ora inesistente per il cambio dell'ora legale", "Time skipped by the daylight-saving change"))?;
    let service_code = field(record, Col::ServiceCode).to_ascii_uppercase();
    if service_code.is_empty() {
        return Err(reason("Codice servizio mancante", "Missing service code"));
    }
    let fiscal_code = validation::fiscal_code(&field(record, Col::FiscalCode))?;
    let citizen_name = field(record, Col::Name);
    if citizen_name.is_empty() || citizen_name.chars().count() > 200 {
        return Err(reason("Cognome e nome mancanti o troppo lunghi", "Missing or too long name"));
    }
    let phone = validation::optional_phone(&field(record, Col::Phone))?;
    let email = validation::optional_email(&field(record, Col::Email))?;
    let channel = match normalise_header(&field(record, Col::Mode)).as_str() {
        "" | "PRESENZA" | "INPRESENZA" | "SPORTELLO" => Channel::InPerson,
        "VIRTUALE" | "SPORTELLOVIRTUALE" | "VIDEOCHIAMATA" | "REMOTO" => Channel::Virtual,
        _ => return Err(reason("Modalità non valida (PRESENZA o VIRTUALE)", "Invalid mode (PRESENZA or VIRTUALE)")),
    };
    Ok(CupRow { line, cup_number, date, starts_at, service_code, fiscal_code, citizen_name, phone, email, channel })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z").unwrap().with_timezone(&Utc)
    }

    const HEADER: &str = "NUMERO PRENOTAZIONE;DATA;ORA;CODICE SERVIZIO;SERVIZIO;CODICE FISCALE;COGNOME E NOME;TELEFONO;EMAIL;MODALITÀ";

    #[test]
    fn a_well_formed_row_becomes_a_booking_in_rome_time() {
        let csv = format!("{HEADER}\n1001;26/11/2026;09:30;SUCC;Successioni;RSSMRA80A01H501U;Rossi Mario;070 123456;m.rossi@example.it;PRESENZA\n");
        let parsed = parse(csv.as_bytes(), "UT-CA1", now()).unwrap();
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        let row = &parsed.rows[0];
        assert_eq!(row.line, 2);
        assert_eq!(row.cup_number, "1001");
        assert_eq!(row.starts_at.to_rfc3339(), "2026-11-26T08:30:00+00:00");
        assert_eq!(row.phone.as_deref(), Some("070123456"));
        assert_eq!(row.channel, Channel::InPerson);
    }

    #[test]
    fn broken_rows_are_reported_with_their_line_and_the_rest_kept() {
        let csv = format!(
            "{HEADER}\n\
             1001;26/11/2026;09:30;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1002;31/02/2026;09:45;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1003;26/11/2026;25:00;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1004;26/12/2026;10:00;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1005;26/11/2026;10:15;SUCC;;RSSMRA80A01H501U;Rossi Mario;telefono;;\n\
             1001;26/11/2026;10:30;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1006;26/11/2026;10:45;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;SPORTELLO VOLANTE\n"
        );
        let parsed = parse(csv.as_bytes(), "UT-CA1", now()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        let lines: Vec<u64> = parsed.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 7, 8]);
        // The repeated number keeps its number, so the booking is not cancelled as missing.
        assert_eq!(parsed.rejected[4].cup_number.as_deref(), Some("1001"));
    }

    #[test]
    fn a_missing_required_column_refuses_the_whole_file() {
        let err = parse(b"NUMERO PRENOTAZIONE;DATA;ORA\n1;26/11/2026;09:00\n", "UT-CA1", now()).unwrap_err();
        assert!(err.en.contains("CODICESERVIZIO"), "{}", err.en);
    }

    #[test]
    fn commas_latin1_and_a_bom_are_understood() {
        let mut bytes = b"\xEF\xBB\xBFNumero prenotazione,Data,Ora,Codice servizio,Codice fiscale,Cognome e nome\n".to_vec();
        bytes.extend_from_slice(b"7,26/11/2026,9:05,succ,rssmra80a01h501u,Rossi Mario\n");
        let parsed = parse(&bytes, "UT-CA1", now()).unwrap();
        assert_eq!(parsed.rows.len(), 1, "{:?}", parsed.rejected);
        assert_eq!(parsed.rows[0].service_code, "SUCC");
        let latin1 = b"NUMERO PRENOTAZIONE;DATA;ORA;CODICE SERVIZIO;CODICE FISCALE;COGNOME E NOME\n8;26/11/2026;09:00;SUCC;RSSMRA80A01H501U;Nicol\xF2 Sanna\n";
        let parsed = parse(latin1, "UT-CA1", now()).unwrap();
        assert_eq!(parsed.rows[0].citizen_name, "Nicolò Sanna");
    }

    #[test]
    fn a_row_of_another_office_is_refused() {
        let csv = "NUMERO PRENOTAZIONE;DATA;ORA;CODICE SERVIZIO;CODICE FISCALE;COGNOME E NOME;UFFICIO\n9;26/11/2026;09:00;SUCC;RSSMRA80A01H501U;Rossi Mario;UT-SS\n";
        let parsed = parse(csv.as_bytes(), "UT-CA1", now()).unwrap();
        assert_eq!(parsed.rejected.len(), 1);
    }
}
