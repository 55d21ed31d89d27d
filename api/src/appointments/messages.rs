//! Texts sent to citizens: the pre-contact e-mail of large offices (docs/domain.md
//! §5.3, worded as in the regional directive) and the notifications of the
//! Sportello Digitale (reminder, link, closing). Pure functions.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;

use super::domain::{MAX_SESSION_MINUTES, short_date};

/// What a message says about the booking.
pub struct BookingFacts<'a> {
    pub cup_number: &'a str,
    pub starts_at: DateTime<Utc>,
    pub service_name: &'a str,
    pub office_name: &'a str,
    pub office_has_virtual_counter: bool,
    pub virtual_counter_mailbox: Option<&'a str>,
}

pub struct Email {
    pub subject: String,
    pub body: String,
}

fn when(at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&Rome);
    (local.format("%d/%m/%Y").to_string(), local.format("%H:%M").to_string())
}

/// `Appuntamento CUP n. <numero> del <dd/mm/yy>` and the directive's text.
pub fn precontact(f: &BookingFacts<'_>) -> Email {
    let date = short_date(f.starts_at.with_timezone(&Rome).date_naive());
    let subject = format!("Appuntamento CUP n. {} del {date}", f.cup_number);
    let mut body = String::from(
        "Gentile utente,\n\n\
         in relazione alla prenotazione in oggetto lo scrivente ufficio è disponibile a erogare il servizio \
         in modalità agile, anche in anticipo rispetto alla data prevista. La preghiamo di rispondere quanto prima \
         alla presente mail descrivendo il servizio richiesto e allegando:\n\
         1. fotocopia del documento d'identità e dell'eventuale delegato e/o delegante;\n\
         2. la modulistica compilata in ciascuna delle sue pagine;\n\
         3. ogni altro documento utile alla pratica.\n\n",
    );
    if f.office_has_virtual_counter {
        body.push_str(
            "Qualora non aderisse alla nostra richiesta Le ricordiamo che l'Agenzia offre la possibilità di un \
             appuntamento con un nostro funzionario tramite lo sportello virtuale, senza doversi recare in ufficio: \
             l'incontro, nel giorno e nell'ora da Lei fissati tramite CUP, avverrà in videochiamata, senza necessità \
             di installare programmi. Se desidera aderire a questa opzione La preghiamo di confermarlo rispondendo \
             all'indirizzo dell'ufficio in copia",
        );
        if let Some(mailbox) = f.virtual_counter_mailbox {
            body.push_str(&format!(" ({mailbox})"));
        }
        body.push_str(
            ". In prossimità dell'appuntamento riceverà una e-mail con le istruzioni per collegarsi con un click.\n\n",
        );
    }
    body.push_str(&format!(
        "Le ricordiamo infine che gli appuntamenti in remoto o in presenza hanno una durata massima di \
         {MAX_SESSION_MINUTES} minuti: è necessaria, pertanto, la Sua collaborazione per la buona riuscita del servizio.\n\n\
         Qualora non rispondesse alla presente sarà contattato telefonicamente da un nostro funzionario 2/3 giorni \
         prima della data da Lei prenotata.\n\n\
         {}\n",
        f.office_name
    ));
    Email { subject, body }
}

/// Reminder 3 days before, when no precall happened.
pub fn reminder(f: &BookingFacts<'_>) -> Email {
    let (date, time) = when(f.starts_at);
    Email {
        subject: format!("Promemoria appuntamento CUP n. {} del {date}", f.cup_number),
        body: format!(
            "Gentile utente,\n\nLe ricordiamo l'appuntamento n. {} per il servizio «{}» presso {} il {date} alle ore {time}.\n\
             L'appuntamento dura al più {MAX_SESSION_MINUTES} minuti: porti con sé i documenti necessari.\n\
             Se non potesse presentarsi, La preghiamo di annullare la prenotazione tramite CUP.\n\n{}\n",
            f.cup_number, f.service_name, f.office_name, f.office_name
        ),
    }
}

/// The day before a virtual session: how to connect.
pub fn virtual_link(f: &BookingFacts<'_>, link: &str) -> Email {
    let (date, time) = when(f.starts_at);
    Email {
        subject: format!("Sportello virtuale: istruzioni per l'appuntamento n. {} del {date}", f.cup_number),
        body: format!(
            "Gentile utente,\n\ndomani, {date} alle ore {time}, La attende il Suo appuntamento n. {} allo sportello \
             virtuale di {} per il servizio «{}».\nPer collegarsi in videochiamata apra questo link all'ora \
             dell'appuntamento, dopo aver accettato i termini del servizio:\n{link}\n\
             La sessione non sarà registrata e dura al più {MAX_SESSION_MINUTES} minuti.\n\n{}\n",
            f.cup_number, f.office_name, f.service_name, f.office_name
        ),
    }
}

/// After a virtual session.
pub fn closing(f: &BookingFacts<'_>, protocol_number: Option<&str>) -> Email {
    let mut body = format!(
        "Gentile utente,\n\nLa ringraziamo per aver utilizzato lo sportello virtuale di {} (appuntamento n. {}).\n",
        f.office_name, f.cup_number
    );
    if let Some(p) = protocol_number {
        body.push_str(&format!(
            "La Sua pratica proseguirà in back office con il numero di protocollo {p}: sarà contattato al termine della lavorazione.\n"
        ));
    }
    body.push_str(&format!("\n{}\n", f.office_name));
    Email { subject: format!("Sportello virtuale: chiusura dell'appuntamento n. {}", f.cup_number), body }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn facts(virtual_counter: bool) -> BookingFacts<'static> {
        BookingFacts {
            cup_number: "4521",
            starts_at: DateTime::parse_from_rfc3339("2026-12-03T08:30:00Z").unwrap().with_timezone(&Utc),
            service_name: "Successioni",
            office_name: "UT Sassari",
            office_has_virtual_counter: virtual_counter,
            virtual_counter_mailbox: virtual_counter.then_some("sportello.virtuale.ss@agenzia.example.it"),
        }
    }

    #[test]
    fn the_precontact_subject_follows_the_directive() {
        assert_eq!(precontact(&facts(false)).subject, "Appuntamento CUP n. 4521 del 03/12/26");
    }

    #[test]
    fn the_precontact_body_offers_remote_service_the_time_limit_and_the_call() {
        let body = precontact(&facts(true)).body;
        assert!(body.contains("modalità agile"));
        assert!(body.contains("sportello virtuale"));
        assert!(body.contains("15 minuti"));
        assert!(body.contains("2/3 giorni"));
        assert!(body.contains("sportello.virtuale.ss@agenzia.example.it"));
    }

    #[test]
    fn offices_without_a_virtual_counter_do_not_offer_it() {
        assert!(!precontact(&facts(false)).body.contains("sportello virtuale"));
    }

    #[test]
    fn notifications_show_the_local_time() {
        assert!(reminder(&facts(false)).body.contains("03/12/2026 alle ore 09:30"));
        assert!(virtual_link(&facts(true), "https://x").body.contains("https://x"));
        assert!(closing(&facts(true), Some("2026/77")).body.contains("2026/77"));
    }
}
