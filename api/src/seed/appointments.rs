//! Demo data for bookings (docs/domain.md §5): a service catalogue mapped to
//! Profilo Utente, skills of the demo operators, bookings for the coming days
//! (relative to today, so the admin app always has work to show) and a few
//! callback requests. Citizens are fictitious; fiscal codes have valid check characters.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use entities::{appointment, callback_request, operator_skill, org_unit, person, service};

use crate::appointments::domain::{
    AppointmentSource, AppointmentStatus, Channel, PrecallOutcome, PrecallResult, PrecallStatus, rome_date,
    rome_instant,
};
use crate::callbacks::domain::{CallbackStatus, available_from};
use crate::kernel::unit_calendar::UnitCalendar;

/// (code, name, fast, Profilo Utente process, product)
pub const SERVICES: &[(&str, &str, bool, &str, Option<&str>)] = &[
    (
        "CF-TS",
        "Codice fiscale e tessera sanitaria (duplicato)",
        true,
        "Codice fiscale",
        Some("Duplicato tessera sanitaria"),
    ),
    ("CF-ATTR", "Attribuzione del codice fiscale", true, "Codice fiscale", Some("Attribuzione codice fiscale")),
    (
        "PIN",
        "Abilitazione ai servizi telematici (Fisconline)",
        true,
        "Servizi telematici",
        Some("Abilitazione Fisconline"),
    ),
    ("F24-ASS", "Assistenza sul pagamento con modello F24", true, "Versamenti", Some("Assistenza F24")),
    ("REG-LOC", "Registrazione di contratti di locazione", false, "Registrazione atti", Some("Contratti di locazione")),
    (
        "SUCC",
        "Dichiarazione di successione e volture",
        false,
        "Successioni",
        Some("Presentazione dichiarazione di successione"),
    ),
    (
        "AVV-IRR",
        "Comunicazioni di irregolarità (avvisi bonari)",
        false,
        "Controllo automatizzato delle dichiarazioni",
        Some("Assistenza su comunicazioni di irregolarità"),
    ),
    (
        "CARTELLE",
        "Cartelle di pagamento: sgravi e sospensioni",
        false,
        "Cartelle e ruoli",
        Some("Sgravio / sospensione"),
    ),
    (
        "RIMB",
        "Rimborsi: istanze e stato della pratica",
        false,
        "Rimborsi",
        Some("Informazioni sullo stato del rimborso"),
    ),
    (
        "PIVA",
        "Partita IVA: apertura, variazione, chiusura",
        false,
        "Partita IVA",
        Some("Dichiarazione di inizio / variazione attività"),
    ),
    ("DICH", "Assistenza alla dichiarazione dei redditi", false, "Dichiarazioni", Some("Assistenza alla compilazione")),
    (
        "ACC-41BIS",
        "Istanze di riesame di avvisi di accertamento (art. 41-bis)",
        false,
        "Accertamento",
        Some("Autotutela"),
    ),
];

/// (username, office, service codes)
const SKILLS: &[(&str, &str, &[&str])] = &[
    ("op.cagliari1", "UT-CA1", &["SUCC", "REG-LOC", "AVV-IRR", "RIMB", "CF-TS", "PIN"]),
    ("op2.cagliari1", "UT-CA1", &["REG-LOC", "PIVA", "DICH", "RIMB", "CARTELLE", "CF-ATTR"]),
    ("op.sassari", "UT-SS", &["SUCC", "REG-LOC", "AVV-IRR", "RIMB", "PIVA", "DICH", "CARTELLE"]),
    ("op.roma1", "UT-RM1", &["SUCC", "REG-LOC", "RIMB", "AVV-IRR"]),
];

/// Fictitious citizens: (fiscal code, name, phone, e-mail).
pub(crate) const CITIZENS: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    ("MLSGNN75C45B354Q", "Melis Giovanna", Some("3471234567"), Some("giovanna.melis@example.it")),
    ("SNNPLA62M12B354X", "Sanna Paolo", Some("070654321"), None),
    ("PRCLNE90E50I452T", "Porcu Elena", None, Some("elena.porcu@example.it")),
    ("DDDGPP55T10B354T", "Deiana Giuseppe", Some("3289876543"), None),
    ("FDDMRA70H41I452E", "Fadda Maria", Some("079234567"), Some("maria.fadda@example.it")),
    ("CNTLCU85B22H501P", "Conti Luca", Some("3391112233"), Some("luca.conti@example.it")),
    ("LOICRL68R60B354O", "Loi Carla", None, None),
    ("MRGNTN50A01B354W", "Murgia Antonio", Some("070998877"), None),
    ("PNNSFN92D14B354M", "Pinna Stefano", Some("3405566778"), Some("stefano.pinna@example.it")),
    ("SRRFRC81L53B354G", "Serra Federica", Some("3356677889"), None),
    ("CSUMRC77S08I452N", "Casu Marco", Some("079445566"), Some("marco.casu@example.it")),
    ("RSSMRA80A01H501U", "Rossi Mario", Some("0644556677"), Some("mario.rossi@example.it")),
];

/// A booking of the demo: (office, days from today (working days), hh:mm,
/// service, citizen index, wanted channel, what happened to it).
struct Demo(&'static str, u32, (u32, u32), &'static str, usize, Channel, Step);

#[derive(Clone, Copy)]
enum Step {
    New,
    PrecallTo(&'static str),
    Confirmed(&'static str, &'static str),
    CounterTo(&'static str),
}

const BOOKINGS: &[Demo] = &[
    Demo("UT-CA1", 0, (9, 0), "SUCC", 0, Channel::InPerson, Step::CounterTo("op.cagliari1")),
    Demo("UT-CA1", 0, (9, 20), "REG-LOC", 1, Channel::InPerson, Step::CounterTo("op.cagliari1")),
    Demo("UT-CA1", 0, (10, 0), "PIVA", 3, Channel::InPerson, Step::CounterTo("op2.cagliari1")),
    Demo("UT-CA1", 0, (11, 15), "CF-TS", 6, Channel::InPerson, Step::New),
    Demo(
        "UT-CA1",
        1,
        (9, 0),
        "AVV-IRR",
        7,
        Channel::InPerson,
        Step::Confirmed("op.cagliari1", "Porta le comunicazioni ricevute"),
    ),
    Demo("UT-CA1", 1, (9, 40), "RIMB", 8, Channel::InPerson, Step::PrecallTo("op2.cagliari1")),
    Demo("UT-CA1", 3, (10, 0), "SUCC", 9, Channel::InPerson, Step::PrecallTo("op.cagliari1")),
    Demo("UT-CA1", 3, (10, 20), "DICH", 2, Channel::InPerson, Step::PrecallTo("op2.cagliari1")),
    Demo("UT-CA1", 4, (9, 0), "REG-LOC", 4, Channel::InPerson, Step::New),
    Demo("UT-CA1", 4, (9, 20), "CARTELLE", 10, Channel::InPerson, Step::New),
    Demo("UT-CA1", 6, (11, 0), "SUCC", 11, Channel::InPerson, Step::New),
    Demo("UT-CA1", 10, (9, 0), "RIMB", 5, Channel::InPerson, Step::New),
    Demo("UT-SS", 0, (9, 30), "SUCC", 4, Channel::Virtual, Step::CounterTo("op.sassari")),
    Demo(
        "UT-SS",
        1,
        (10, 0),
        "AVV-IRR",
        10,
        Channel::Virtual,
        Step::Confirmed("op.sassari", "Documenti inviati alla casella dello sportello virtuale"),
    ),
    Demo("UT-SS", 3, (9, 0), "PIVA", 2, Channel::InPerson, Step::PrecallTo("op.sassari")),
    Demo("UT-SS", 5, (11, 30), "REG-LOC", 6, Channel::InPerson, Step::New),
    Demo("UT-RM1", 1, (9, 0), "RIMB", 5, Channel::InPerson, Step::PrecallTo("op.roma1")),
    Demo("UT-RM1", 2, (10, 30), "SUCC", 11, Channel::InPerson, Step::New),
    Demo("UT-RM1", 4, (12, 0), "REG-LOC", 5, Channel::InPerson, Step::New),
];

/// Today for `n = 0` (so there is always a day's work to show), otherwise the
/// `n`-th working day of the office after today: its calendar (weekends,
/// national holidays, its province's patron saint, its closures), so that no
/// demo booking falls on a day the office is closed.
fn working_day(calendar: &UnitCalendar, today: NaiveDate, n: u32) -> NaiveDate {
    if n == 0 { today } else { calendar.working_days_after(today, n) }
}

/// The calendar of the demo office `code` (hours and closures are seeded before bookings).
async fn office_calendar(
    conn: &impl ConnectionTrait,
    units: &[org_unit::Model],
    code: &str,
) -> anyhow::Result<UnitCalendar> {
    let unit = units.iter().find(|u| u.code == code).ok_or_else(|| anyhow::anyhow!("no unit {code}"))?;
    crate::calendar::store::calendar_of(conn, unit).await.map_err(|e| anyhow::anyhow!("{e:?}"))
}

pub async fn seed(conn: &impl ConnectionTrait, now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut services = Vec::new();
    for (code, name, fast, process, product) in SERVICES {
        let id = Uuid::now_v7();
        service::Entity::insert(service::ActiveModel {
            id: Set(id),
            code: Set((*code).to_owned()),
            name: Set((*name).to_owned()),
            fast: Set(*fast),
            pu_process: Set((*process).to_owned()),
            pu_product: Set(product.map(str::to_owned)),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(conn)
        .await?;
        services.push((*code, id, *fast));
    }
    let units = org_unit::Entity::find().all(conn).await?;
    let people = person::Entity::find().all(conn).await?;
    let unit = |code: &str| {
        units.iter().find(|u| u.code == code).map(|u| u.id).ok_or_else(|| anyhow::anyhow!("no unit {code}"))
    };
    let who = |username: &str| {
        people
            .iter()
            .find(|p| p.username == username)
            .map(|p| p.id)
            .ok_or_else(|| anyhow::anyhow!("no person {username}"))
    };
    let svc =
        |code: &str| services.iter().find(|s| s.0 == code).copied().ok_or_else(|| anyhow::anyhow!("no service {code}"));

    for (username, office, codes) in SKILLS {
        for code in *codes {
            operator_skill::Entity::insert(operator_skill::ActiveModel {
                id: Set(Uuid::now_v7()),
                person_id: Set(who(username)?),
                unit_id: Set(unit(office)?),
                service_id: Set(svc(code)?.1),
                created_at: Set(now),
            })
            .exec(conn)
            .await?;
        }
    }

    let today = rome_date(now);
    let mut calendars: Vec<(&str, UnitCalendar)> = Vec::new();
    for (i, Demo(office, days, (h, m), code, citizen, channel, step)) in BOOKINGS.iter().enumerate() {
        let (fiscal_code, name, phone, email) = CITIZENS[*citizen % CITIZENS.len()];
        let (_, service_id, fast) = svc(code)?;
        if !calendars.iter().any(|(c, _)| c == office) {
            calendars.push((office, office_calendar(conn, &units, office).await?));
        }
        let calendar = calendars.iter().find(|(c, _)| c == office).map(|(_, cal)| cal);
        let date = working_day(calendar.unwrap_or(&UnitCalendar::default()), today, *days);
        let time = NaiveTime::from_hms_opt(*h, *m, 0).unwrap_or_default();
        let starts_at = rome_instant(date, time).unwrap_or(now);
        let mut precall_status = if fast { PrecallStatus::NotRequired } else { PrecallStatus::Unassigned };
        let mut status = AppointmentStatus::Booked;
        let mut channel = *channel;
        let (mut assignee, mut outcome, mut result, mut note, mut precalled_at) = (None, None, None, None, None);
        let (mut counter_op, mut counter_channel) = (None, None);
        match step {
            Step::New => {}
            Step::PrecallTo(u) if !fast => {
                precall_status = PrecallStatus::Assigned;
                assignee = Some(who(u)?);
            }
            Step::Confirmed(u, n) if !fast => {
                precall_status = PrecallStatus::Done;
                status = AppointmentStatus::Confirmed;
                assignee = Some(who(u)?);
                outcome = Some(PrecallOutcome::Positive);
                result = Some(if channel == Channel::Virtual {
                    PrecallResult::ConfirmedVirtual
                } else {
                    PrecallResult::ConfirmedInPerson
                });
                note = Some(*n);
                precalled_at = Some(now - Duration::days(3));
            }
            Step::CounterTo(u) => {
                if !fast {
                    precall_status = PrecallStatus::Done;
                    assignee = Some(who(u)?);
                    outcome = Some(PrecallOutcome::Positive);
                    result = Some(if channel == Channel::Virtual {
                        PrecallResult::ConfirmedVirtual
                    } else {
                        PrecallResult::ConfirmedInPerson
                    });
                    precalled_at = Some(now - Duration::days(4));
                }
                status = AppointmentStatus::CounterAssigned;
                counter_op = Some(who(u)?);
                counter_channel = Some(channel);
            }
            _ => {}
        }
        if channel == Channel::Virtual && counter_op.is_none() && status == AppointmentStatus::Booked {
            channel = Channel::InPerson;
        }
        appointment::Entity::insert(appointment::ActiveModel {
            id: Set(Uuid::now_v7()),
            unit_id: Set(unit(office)?),
            cup_number: Set(format!("{}", 40100 + i)),
            starts_at: Set(starts_at),
            local_date: Set(date),
            service_id: Set(service_id),
            fiscal_code: Set(fiscal_code.to_owned()),
            citizen_name: Set(name.to_owned()),
            phone: Set(phone.map(str::to_owned)),
            email: Set(email.map(str::to_owned)),
            channel: Set(channel),
            status: Set(status),
            source: Set(AppointmentSource::CupImport),
            booked_by_id: Set(None),
            booked_by_unit_id: Set(None),
            cancel_reason: Set(None),
            cancelled_at: Set(None),
            precall_status: Set(precall_status),
            precall_assignee_id: Set(assignee),
            precall_assigned_at: Set(assignee.map(|_| now - Duration::days(5))),
            precall_outcome: Set(outcome),
            precall_reason: Set(None),
            precall_result: Set(result),
            precall_note: Set(note.map(str::to_owned)),
            precalled_at: Set(precalled_at),
            precontact_sent_at: Set(None),
            precontact_sent_by_id: Set(None),
            citizen_reply: Set(None),
            citizen_reply_at: Set(None),
            counter_operator_id: Set(counter_op),
            counter_channel: Set(counter_channel),
            counter_assigned_at: Set(counter_op.map(|_| now - Duration::days(1))),
            counter_started_at: Set(None),
            counter_ended_at: Set(None),
            counter_outcome: Set(None),
            protocol_number: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(conn)
        .await?;
    }

    // Callbacks: two waiting at DP Cagliari, one assigned at UT Cagliari 1, one at DP Roma.
    let callbacks: &[(&str, &str, &str, Option<&str>, i64)] = &[
        ("DP-CA", "3479988776", "Stato del rimborso IRPEF 2024", None, 1),
        ("DP-CA", "070112233", "Informazioni su una cartella di pagamento", None, 0),
        ("UT-CA1", "3381234500", "Registrazione di un contratto di locazione", Some("op.cagliari1"), 1),
        ("DP-RM", "0633445566", "Comunicazione di irregolarità ricevuta", None, 1),
    ];
    for (code, phone, topic, assigned, days_ago) in callbacks {
        let requested_at = now - Duration::days(*days_ago) - Duration::hours(1);
        let assignee = assigned.map(who).transpose()?;
        callback_request::Entity::insert(callback_request::ActiveModel {
            id: Set(Uuid::now_v7()),
            unit_id: Set(unit(code)?),
            phone: Set((*phone).to_owned()),
            topic: Set((*topic).to_owned()),
            requested_at: Set(requested_at),
            // The demo's requests are recent: the national calendar is theirs.
            available_from: Set(available_from(&UnitCalendar::default(), requested_at)),
            status: Set(if assignee.is_some() { CallbackStatus::Assigned } else { CallbackStatus::Waiting }),
            assignee_id: Set(assignee),
            assigned_at: Set(assignee.map(|_| now)),
            attempts: Set(0),
            last_attempt_at: Set(None),
            outcome: Set(None),
            note: Set(None),
            requested_by_id: Set(None),
            requested_by_unit_id: Set(None),
            call_id: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(conn)
        .await?;
    }
    Ok(())
}
