//! The monitoring figures as CSV, for spreadsheets.

use crate::appointments::domain::{Channel, CounterOutcome};
use crate::error::{AppError, AppResult};
use crate::quesiti::domain::Section;

use super::domain::{Figures, Period, SectionFigures, share};
use super::per_person::{ClassificationCount, ExpertFigures, OperatorFigures};

/// How the values are separated and decimals written.
#[derive(async_graphql::Enum, Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CsvDialect {
    /// Comma-separated, decimal point (RFC 4180; most tools).
    #[default]
    Standard,
    /// Semicolon-separated, decimal comma: what a spreadsheet set to Italian
    /// expects (with commas it puts a whole row in one column).
    Italian,
}

impl CsvDialect {
    fn delimiter(self) -> u8 {
        match self {
            CsvDialect::Standard => b',',
            CsvDialect::Italian => b';',
        }
    }

    /// One decimal: `75.0`, or `75,0` in Italian.
    fn decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            CsvDialect::Standard => text,
            CsvDialect::Italian => text.replace('.', ","),
        }
    }
}

/// The CSV for spreadsheets: one row per unit (Italian headers, shares as
/// percentages with one decimal), in the dialect asked for.
pub fn csv(period: Period, rows: &[(String, String, Figures)], dialect: CsvDialect) -> AppResult<String> {
    let mut headers: Vec<String> = [
        "Codice unità",
        "Unità",
        "Dal",
        "Al",
        "Prenotazioni",
        "Annullate",
        "Da prechiamare",
        "Prechiamate",
        "Prechiamate almeno 3 giorni prima",
        "Copertura prechiamata %",
        "Non contattabili",
        "Esito negativo",
        "Esito positivo",
        "Servite da remoto",
        "Rinviate a e-mail/PEC",
        "Confermate sportello virtuale",
        "Confermate in presenza",
        "Annullate dal cittadino",
        "Servite senza sportello %",
        "Non arrivate allo sportello %",
        "Sessioni di sportello",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for ch in Channel::ALL {
        for o in CounterOutcome::ALL {
            headers.push(format!("Sportello {} {}", channel_it(*ch), outcome_it(*o)));
        }
    }
    headers
        .extend(["Sessioni oltre 15 minuti", "Trasferite al back office", "Mancate presentazioni"].map(str::to_owned));
    headers.push("Concluse oltre 15 minuti".to_owned());
    headers.extend(
        [
            "Richiamate richieste",
            "Richiamate in attesa",
            "Richiamate servite",
            "Richiamate risolte",
            "Richiamate instradate",
            "Richiamate senza risposta",
        ]
        .map(str::to_owned),
    );
    for &s in Section::ALL {
        let name = section_it(s);
        for what in ["ricevuti", "risposti", "arretrato", "inoltrati", "fuori SLA", "tempo mediano di risposta (ore)"] {
            headers.push(format!("Quesiti {name} {what}"));
        }
    }
    headers.extend(
        [
            "Attività successive aperte",
            "Attività successive chiuse",
            "Attività successive in ritardo",
            "Attività successive tempo mediano di chiusura (ore)",
        ]
        .map(str::to_owned),
    );
    let mut w = csv::WriterBuilder::new().delimiter(dialect.delimiter()).from_writer(Vec::new());
    w.write_record(&headers).map_err(AppError::internal)?;
    let pct = |v: Option<f64>| v.map_or(String::new(), |v| dialect.decimal(v * 100.0));
    for (code, name, f) in rows {
        let a = &f.appointments;
        let mut r: Vec<String> = vec![code.clone(), name.clone(), period.from.to_string(), period.to.to_string()];
        r.extend([a.bookings, a.cancelled, a.to_precall, a.precalled, a.precalled_in_time].map(|n| n.to_string()));
        r.push(pct(share(a.precalled_in_time, a.to_precall)));
        r.extend(
            [
                a.not_contactable,
                a.negative,
                a.positive,
                a.served_remotely,
                a.redirected_email_pec,
                a.confirmed_virtual,
                a.confirmed_in_person,
                a.cancelled_by_citizen,
            ]
            .map(|n| n.to_string()),
        );
        r.push(pct(share(a.served_without_counter_count(), a.to_precall)));
        r.push(pct(share(a.not_reaching_counter_count(), a.to_precall)));
        r.push(a.sessions_with(None).to_string());
        for ch in Channel::ALL {
            for o in CounterOutcome::ALL {
                let n = a.counter_sessions.iter().find(|c| c.channel == *ch && c.outcome == *o).map_or(0, |c| c.count);
                r.push(n.to_string());
            }
        }
        r.push(a.sessions_over_15_minutes.to_string());
        r.push(a.sessions_with(Some(CounterOutcome::TransferredToBackOffice)).to_string());
        r.push(a.sessions_with(Some(CounterOutcome::NoShow)).to_string());
        r.push(a.completed_over_15_minutes.to_string());
        let c = &f.callbacks;
        r.extend(
            [c.requested, c.waiting, c.served, c.resolved, c.routed_internally, c.no_answer].map(|n| n.to_string()),
        );
        for &s in Section::ALL {
            let q = f.section(s).cloned().unwrap_or_else(|| SectionFigures::empty(s));
            r.extend([q.received, q.answered, q.backlog, q.forwarded, q.sla_breaches].map(|n| n.to_string()));
            r.push(q.median_answer_seconds.map_or(String::new(), |v| dialect.decimal(v / 3600.0)));
        }
        let fu = &f.follow_ups;
        r.extend([fu.opened, fu.done + fu.cancelled, fu.overdue].map(|n| n.to_string()));
        r.push(fu.median_closing_seconds.map_or(String::new(), |v| dialect.decimal(v / 3600.0)));
        w.write_record(&r).map_err(AppError::internal)?;
    }
    let bytes = w.into_inner().map_err(AppError::internal)?;
    String::from_utf8(bytes).map_err(AppError::internal)
}

/// The tables per person, for the end of the units' CSV: per operator, per
/// expert, per classification, each after an empty line with its own header
/// row; a table without rows is left out.
pub fn per_person_csv(
    operators: &[OperatorFigures],
    experts: &[ExpertFigures],
    classifications: &[ClassificationCount],
    dialect: CsvDialect,
) -> AppResult<String> {
    let minutes = |v: Option<f64>| v.map_or(String::new(), |v| dialect.decimal(v / 60.0));
    let hours = |v: Option<f64>| v.map_or(String::new(), |v| dialect.decimal(v / 3600.0));
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    if !operators.is_empty() {
        let mut header: Vec<String> = [
            "Operatore",
            "Ufficio",
            "Prechiamate assegnate",
            "Prechiamate fatte",
            "Prechiamate almeno 3 giorni prima",
            "Prechiamate in tempo %",
            "Sessioni di sportello",
        ]
        .map(str::to_owned)
        .to_vec();
        header.extend(CounterOutcome::ALL.iter().map(|o| format!("Sessioni {}", outcome_it(*o))));
        header.extend(
            [
                "Durata mediana sessione (minuti)",
                "Sessioni oltre 15 minuti",
                "Attività successive ancora aperte",
                "Attività successive in ritardo",
            ]
            .map(str::to_owned),
        );
        let mut table = vec![header];
        for o in operators {
            let mut r = vec![o.name.clone(), o.unit.as_ref().map(|u| u.name.clone()).unwrap_or_default()];
            r.extend([o.precalls_assigned, o.precalls_done, o.precalls_in_time].map(|n| n.to_string()));
            r.push(
                share(o.precalls_in_time, o.precalls_assigned).map_or(String::new(), |v| dialect.decimal(v * 100.0)),
            );
            r.push(o.sessions_total().to_string());
            r.extend(CounterOutcome::ALL.iter().map(|c| o.sessions_with(*c).to_string()));
            r.push(minutes(o.median_session_seconds));
            r.extend([o.sessions_over_15_minutes, o.follow_ups_open, o.follow_ups_overdue].map(|n| n.to_string()));
            table.push(r);
        }
        tables.push(table);
    }
    if !experts.is_empty() {
        let header = [
            "Esperto",
            "CRIC",
            "Presi in carico",
            "Risposti",
            "Tempo mediano di risposta (ore)",
            "Fuori SLA",
            "In lavorazione ora",
        ];
        let mut table = vec![header.map(str::to_owned).to_vec()];
        for e in experts {
            let mut r = vec![e.name.clone(), e.unit.as_ref().map(|u| u.name.clone()).unwrap_or_default()];
            r.extend([e.taken, e.answered].map(|n| n.to_string()));
            r.push(hours(e.median_answer_seconds));
            r.extend([e.sla_breaches, e.open_now].map(|n| n.to_string()));
            table.push(r);
        }
        tables.push(table);
    }
    if !classifications.is_empty() {
        let mut table =
            vec![["Sezione", "Codice tipologia", "Tipologia", "Quesiti ricevuti"].map(str::to_owned).to_vec()];
        for c in classifications {
            table.push(vec![section_it(c.section).to_owned(), c.code.clone(), c.label.clone(), c.received.to_string()]);
        }
        tables.push(table);
    }
    let mut out = String::new();
    for table in tables {
        let mut w = csv::WriterBuilder::new().delimiter(dialect.delimiter()).from_writer(Vec::new());
        for r in table {
            w.write_record(&r).map_err(AppError::internal)?;
        }
        let bytes = w.into_inner().map_err(AppError::internal)?;
        out.push('\n');
        out.push_str(&String::from_utf8(bytes).map_err(AppError::internal)?);
    }
    Ok(out)
}

fn channel_it(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "in presenza",
        Channel::Virtual => "virtuale",
    }
}

fn outcome_it(o: CounterOutcome) -> &'static str {
    match o {
        CounterOutcome::Completed => "completate",
        CounterOutcome::TransferredToBackOffice => "trasferite al BO",
        CounterOutcome::NoShow => "mancate presentazioni",
        CounterOutcome::NotDeliverable => "non erogabili",
    }
}

fn section_it(s: Section) -> &'static str {
    match s {
        Section::Pensioni => "Pensioni",
        Section::SostegnoReddito => "Sostegno al reddito",
        Section::SoggettoContribuente => "Soggetto contribuente",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn period() -> Period {
        let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Period::new(date("2026-11-01"), date("2026-11-30")).unwrap()
    }

    fn rows() -> Vec<(String, String, Figures)> {
        let mut f = Figures::default();
        f.appointments.bookings = 10;
        f.appointments.to_precall = 8;
        f.appointments.precalled_in_time = 6;
        vec![("DR-SAR".into(), "DR Sardegna".into(), f.clone()), ("DP-CA".into(), "DP Cagliari".into(), f)]
    }

    #[test]
    fn the_csv_has_italian_headers_and_one_row_per_unit() {
        let text = csv(period(), &rows(), CsvDialect::Standard).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("Codice unità,Unità,Dal,Al,Prenotazioni"));
        assert!(lines[1].starts_with("DR-SAR,DR Sardegna,2026-11-01,2026-11-30,10,0,8,0,6,75.0,"));
        let columns = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == columns));
    }

    #[test]
    fn the_tables_per_person_follow_each_after_an_empty_line_with_their_own_headers() {
        let mut op = OperatorFigures::new(uuid::Uuid::nil(), uuid::Uuid::nil(), "Anna Rossi".into());
        (op.precalls_assigned, op.precalls_in_time) = (4, 3);
        op.median_session_seconds = Some(450.0);
        let classes = [ClassificationCount {
            section: Section::Pensioni,
            code: "DECORRENZA".into(),
            label: "Decorrenza".into(),
            received: 2,
        }];
        let text = per_person_csv(&[op], &[], &classes, CsvDialect::Italian).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "");
        assert!(lines[1].starts_with("Operatore;Ufficio;Prechiamate assegnate;"), "{}", lines[1]);
        assert!(lines[2].starts_with("Anna Rossi;;4;0;3;75,0;0;0;0;0;0;7,5;"), "{}", lines[2]);
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "Sezione;Codice tipologia;Tipologia;Quesiti ricevuti");
        assert_eq!(lines[5], "Pensioni;DECORRENZA;Decorrenza;2");
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn the_italian_dialect_separates_with_semicolons_and_writes_decimal_commas() {
        let text = csv(period(), &rows(), CsvDialect::Italian).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("Codice unità;Unità;Dal;Al;Prenotazioni"));
        assert!(lines[1].starts_with("DR-SAR;DR Sardegna;2026-11-01;2026-11-30;10;0;8;0;6;75,0;"), "{}", lines[1]);
        let standard = csv(period(), &rows(), CsvDialect::Standard).unwrap();
        assert_eq!(lines[0].split(';').count(), standard.lines().next().unwrap().split(',').count());
    }
}
