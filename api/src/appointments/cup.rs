//! Parsing the CUP "VISUALIZZA" export (CSV), documented in docs/cup-import.md.
//!
//! Pure: bytes in, well-formed rows and rejected rows (with their line number
//! and reason) out. What needs the database (the service exists, the booking
//! is new or changed) is decided by [`super::service::import_cup`].

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::checks as validation;
use super::domain::{self, Channel};

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

impl Col {
    /// The column's name as the documentation spells it, for the reasons.
    fn title(self) -> &'static str {
        match self {
            Col::CupNumber => "NUMERO PRENOTAZIONE",
            Col::Date => "DATA",
            Col::Time => "ORA",
            Col::ServiceCode => "CODICE SERVIZIO",
            Col::FiscalCode => "CODICE FISCALE",
            Col::Name => "COGNOME E NOME",
            Col::Phone => "TELEFONO",
            Col::Email => "EMAIL",
            Col::Mode => "MODALITÀ",
            Col::Office => "UFFICIO",
        }
    }

    /// Longest cell accepted, in characters: never more than the column the
    /// value is stored in or compared with (migration m20261122_000400 and
    /// m20261122_000001), so no cell can reach the database too long.
    fn max_chars(self) -> usize {
        match self {
            Col::CupNumber => 32,   // appointment.cup_number
            Col::Date => 10,        // "2026-11-26"
            Col::Time => 8,         // "09:30:00"
            Col::ServiceCode => 32, // service.code
            Col::FiscalCode => 16,  // appointment.fiscal_code
            Col::Name => 200,       // appointment.citizen_name
            Col::Phone => 32,       // appointment.phone
            Col::Email => 254,      // appointment.email
            Col::Mode => 32,        // matched against a few words
            Col::Office => 32,      // org_unit.code
        }
    }
}

/// Every cell the import reads: no control characters (NUL and the like,
/// which PostgreSQL refuses in text and which no CUP value contains), and no
/// more characters than its column holds. Checked before anything else of
/// the row, so a bad cell refuses its row only, identically on both databases.
fn check_cells(record: &csv::StringRecord, field: &impl Fn(&csv::StringRecord, Col) -> String) -> Result<(), Reason> {
    for (col, _, _) in HEADERS {
        let value = field(record, *col);
        let name = col.title();
        if value.chars().any(char::is_control) {
            return Err((
                format!("La colonna {name} contiene caratteri di controllo"),
                format!("The column {name} contains control characters"),
            ));
        }
        let max = col.max_chars();
        if value.chars().count() > max {
            return Err((
                format!("La colonna {name} supera i {max} caratteri"),
                format!("The column {name} is longer than {max} characters"),
            ));
        }
    }
    Ok(())
}

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
/// older Excel exports are. UTF-16 (Excel's "Unicode text") is refused as a
/// whole: read as Latin-1 it would give every row a confusing error of its own.
fn decode(bytes: &[u8]) -> Result<String, FileError> {
    if looks_like_utf16(bytes) {
        return Err(FileError {
            it: "Il file deve essere in UTF-8 (o Latin-1): è in UTF-16; salvarlo come \"CSV UTF-8\"".into(),
            en: "The file must be UTF-8 (or Latin-1): it is UTF-16; save it as \"CSV UTF-8\"".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    })
}

/// A UTF-16 byte-order mark, or (without one) the NUL byte every other byte
/// that UTF-16 gives Latin text. A stray NUL in one cell is not that: it is
/// refused with its row (see [`check_cells`]).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    head.len() >= 4 && nuls * 4 >= head.len()
}

/// Parses an export for the office `office_code`, checking every row against
/// the CUP window as of `now`.
pub fn parse(bytes: &[u8], office_code: &str, now: DateTime<Utc>) -> Result<Parsed, FileError> {
    let text = decode(bytes)?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
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
        index.iter().find(|(c, _)| *c == col).and_then(|(_, i)| record.get(*i)).unwrap_or_default().trim().to_owned()
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
        let reject = |it: String, en: String| RowError {
            line,
            cup_number: cup_number.clone(),
            date,
            reason_it: it,
            reason_en: en,
        };
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
    ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y"].iter().find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    ["%H:%M", "%H.%M", "%H:%M:%S"].iter().find_map(|f| NaiveTime::parse_from_str(raw, f).ok())
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
    check_cells(record, field)?;
    let cup_number = cup_number
        .ok_or_else(|| reason("Numero di prenotazione mancante o non valido", "Missing or invalid booking number"))?;
    let office = field(record, Col::Office);
    if !office.is_empty() && !office.eq_ignore_ascii_case(office_code) {
        return Err((
            format!("La riga è dell'ufficio {office}, non di {office_code}"),
            format!("The row belongs to office {office}, not {office_code}"),
        ));
    }
    let date =
        date.ok_or_else(|| reason("Data mancante o non valida (gg/mm/aaaa)", "Missing or invalid date (dd/mm/yyyy)"))?;
    let time = parse_time(&field(record, Col::Time))
        .ok_or_else(|| reason("Ora mancante o non valida (hh:mm)", "Missing or invalid time (hh:mm)"))?;
    domain::check_cup_window(date, now)?;
    let starts_at = domain::rome_instant(date, time).ok_or_else(|| {
        reason("Ora inesistente per il cambio dell'ora legale", "Time skipped by the daylight-saving change")
    })?;
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

    const HEADER: &str =
        "NUMERO PRENOTAZIONE;DATA;ORA;CODICE SERVIZIO;SERVIZIO;CODICE FISCALE;COGNOME E NOME;TELEFONO;EMAIL;MODALITÀ";

    #[test]
    fn a_well_formed_row_becomes_a_booking_in_rome_time() {
        let csv = format!(
            "{HEADER}\n1001;26/11/2026;09:30;SUCC;Successioni;RSSMRA80A01H501U;Rossi Mario;070 123456;m.rossi@example.it;PRESENZA\n"
        );
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
        let mut bytes =
            b"\xEF\xBB\xBFNumero prenotazione,Data,Ora,Codice servizio,Codice fiscale,Cognome e nome\n".to_vec();
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

    #[test]
    fn a_cell_with_a_control_character_refuses_its_row_only() {
        let csv = format!(
            "{HEADER}\n\
             1001;26/11/2026;09:30;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1002;26/11/2026;09:45;SUCC;;RSSMRA80A01H501U;Rossi\u{0}Mario;;;\n\
             1003;26/11/2026;10:00;SU\u{0}CC;;RSSMRA80A01H501U;Rossi Mario;;;\n\
             1004;26/11/2026;10:15;SUCC;;RSSMRA80A01H501U;Rossi Mario;;m.rossi@example.it\u{7};\n\
             1005;26/11/2026;10:30;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n"
        );
        let parsed = parse(csv.as_bytes(), "UT-CA1", now()).unwrap();
        let good: Vec<&str> = parsed.rows.iter().map(|r| r.cup_number.as_str()).collect();
        assert_eq!(good, vec!["1001", "1005"]);
        let lines: Vec<u64> = parsed.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(
            parsed.rejected[0].reason_en.contains("COGNOME E NOME") && parsed.rejected[0].reason_en.contains("control")
        );
        assert!(parsed.rejected[1].reason_it.contains("CODICE SERVIZIO"), "{:?}", parsed.rejected[1]);
        // The readable number is kept: the booking is not cancelled as missing.
        assert_eq!(parsed.rejected[0].cup_number.as_deref(), Some("1002"));
    }

    #[test]
    fn a_cell_longer_than_its_column_refuses_its_row() {
        let long_code = "S".repeat(33);
        let long_mail = format!("{}@example.it", "a".repeat(250));
        let long_office = "U".repeat(33);
        let csv = format!(
            "{HEADER};UFFICIO\n\
             1001;26/11/2026;09:30;{long_code};;RSSMRA80A01H501U;Rossi Mario;;;;\n\
             1002;26/11/2026;09:45;SUCC;;RSSMRA80A01H501U;Rossi Mario;;{long_mail};;\n\
             1003;26/11/2026;10:00;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;;{long_office}\n\
             1004;26/11/2026;10:15;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;;UT-CA1\n"
        );
        let parsed = parse(csv.as_bytes(), "UT-CA1", now()).unwrap();
        assert_eq!(parsed.rows.len(), 1, "{:?}", parsed.rejected);
        let reasons: Vec<&str> = parsed.rejected.iter().map(|r| r.reason_en.as_str()).collect();
        assert_eq!(
            reasons,
            vec![
                "The column CODICE SERVIZIO is longer than 32 characters",
                "The column EMAIL is longer than 254 characters",
                "The column UFFICIO is longer than 32 characters",
            ]
        );
    }

    #[test]
    fn a_utf16_file_is_refused_as_a_whole() {
        let text = format!("{HEADER}\n1001;26/11/2026;09:30;SUCC;;RSSMRA80A01H501U;Rossi Mario;;;\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, what) in [
            ([b"\xFF\xFE".as_slice(), &le].concat(), "LE with BOM"),
            ([b"\xFE\xFF".as_slice(), &be].concat(), "BE with BOM"),
            (le.clone(), "LE without BOM"),
            (be, "BE without BOM"),
        ] {
            let err = parse(&bytes, "UT-CA1", now()).unwrap_err();
            assert!(err.it.starts_with("Il file deve essere in UTF-8"), "{what}: {}", err.it);
            assert!(err.en.contains("UTF-16"), "{what}: {}", err.en);
        }
    }
}
