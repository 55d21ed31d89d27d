//! Demo data of the CCM, Linea quesiti and FAQ area: classifications per
//! section, SLA defaults left built-in, a handful of FAQ entries, a few
//! contacts and quesiti in various states in both regions, and two more demo
//! accounts: an expert of the central directorate and a CRIC expert narrowed
//! to the PENSIONI section.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;

use entities::{
    ccm_contact, faq_entry, org_unit, person, quesito, quesito_classification, quesito_event, role_assignment,
};

use crate::faq;
use crate::quesiti::domain::{Priority, QuesitoStatus, Section, SectionRules, due_at};

/// (section, code, label): national classifications.
const CLASSIFICATIONS: &[(Section, &str, &str)] = &[
    (Section::Pensioni, "DECORRENZA", "Requisiti e decorrenza della pensione"),
    (Section::Pensioni, "CALCOLO", "Calcolo dell'importo"),
    (Section::Pensioni, "RICOSTITUZIONE", "Ricostituzione e supplementi"),
    (Section::Pensioni, "CUMULO", "Cumulo, totalizzazione e ricongiunzione"),
    (Section::SostegnoReddito, "NASPI", "NASpI e DIS-COLL"),
    (Section::SostegnoReddito, "CIG", "Cassa integrazione"),
    (Section::SostegnoReddito, "ASSEGNO_UNICO", "Assegno unico e universale"),
    (Section::SostegnoReddito, "MALATTIA_MATERNITA", "Malattia e maternità"),
    (Section::SoggettoContribuente, "ESTRATTO_CONTO", "Estratto conto contributivo"),
    (Section::SoggettoContribuente, "RISCATTO", "Riscatti e versamenti volontari"),
    (Section::SoggettoContribuente, "ARTIGIANI_COMMERCIANTI", "Contributi di artigiani e commercianti"),
    (Section::SoggettoContribuente, "DURC", "Regolarità contributiva (DURC)"),
];

/// (section, question, answer, tags)
const FAQ: &[(Section, &str, &str, &[&str])] = &[
    (
        Section::Pensioni,
        "Quando decorre la pensione di vecchiaia?",
        "La pensione di vecchiaia decorre dal primo giorno del mese successivo a quello in cui si \
         perfezionano i requisiti di età e di contribuzione, se la domanda è presentata entro quella data; \
         altrimenti dal mese successivo alla domanda.",
        &["vecchiaia", "decorrenza"],
    ),
    (
        Section::Pensioni,
        "Come si chiede la ricostituzione di una pensione già liquidata?",
        "La domanda di ricostituzione si presenta online con SPID, CIE o CNS, oppure tramite patronato, \
         allegando la documentazione dei nuovi periodi o redditi da considerare.",
        &["ricostituzione"],
    ),
    (
        Section::SostegnoReddito,
        "Entro quando va presentata la domanda di NASpI?",
        "La domanda di NASpI va presentata, a pena di decadenza, entro 68 giorni dalla cessazione del \
         rapporto di lavoro. L'indennità spetta dall'ottavo giorno successivo alla cessazione.",
        &["naspi", "disoccupazione"],
    ),
    (
        Section::SostegnoReddito,
        "L'assegno unico spetta anche ai lavoratori autonomi?",
        "Sì: l'assegno unico e universale spetta a tutti i nuclei con figli a carico, indipendentemente \
         dalla condizione lavorativa dei genitori; l'importo dipende dall'ISEE.",
        &["assegno unico", "isee"],
    ),
    (
        Section::SoggettoContribuente,
        "Come si verifica l'estratto conto contributivo?",
        "L'estratto conto contributivo si consulta online nell'area riservata; se mancano periodi si \
         presenta una richiesta di variazione della posizione assicurativa con la documentazione.",
        &["estratto conto", "contributi"],
    ),
];

/// Demo accounts this area adds (password `demo`), all CRIC_EXPERT:
/// (username, display name, unit code, section the assignment is narrowed to).
pub const PEOPLE: &[(&str, &str, &str, Option<Section>)] = &[
    ("dc.esperto", "Anna Ferri", "DC", None),
    ("cric.sardegna.pensioni", "Giorgio Atzeni", "CRIC-SAR", Some(Section::Pensioni)),
];

async fn unit_id(db: &DatabaseConnection, code: &str) -> anyhow::Result<Uuid> {
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code))
        .one(db)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| anyhow::anyhow!("demo unit {code} missing"))
}

async fn person_id(db: &DatabaseConnection, username: &str) -> anyhow::Result<Uuid> {
    person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .one(db)
        .await?
        .map(|p| p.id)
        .ok_or_else(|| anyhow::anyhow!("demo person {username} missing"))
}

struct DemoQuesito {
    region_cric: &'static str,
    section: Section,
    classification: &'static str,
    subject: &'static str,
    question: &'static str,
    fiscal_code: &'static str,
    email: Option<&'static str>,
    priority: Priority,
    /// Statuses after NEW, in order, with who made each step.
    steps: &'static [(QuesitoStatus, &'static str)],
    days_ago: i64,
}

const QUESITI: &[DemoQuesito] = &[
    DemoQuesito {
        region_cric: "CRIC-SAR",
        section: Section::Pensioni,
        classification: "DECORRENZA",
        subject: "Decorrenza pensione anticipata con periodi all'estero",
        question: "Il cittadino ha lavorato 6 anni in Germania e chiede da quando decorre la pensione \
                   anticipata considerando la totalizzazione dei periodi esteri.",
        fiscal_code: "PRCLNE75C45B354W",
        email: Some("elena.porcu@example.it"),
        priority: Priority::Normal,
        steps: &[],
        days_ago: 1,
    },
    DemoQuesito {
        region_cric: "CRIC-SAR",
        section: Section::SostegnoReddito,
        classification: "NASPI",
        subject: "NASpI dopo dimissioni per giusta causa",
        question: "La cittadina si è dimessa per mancato pagamento dello stipendio: chiede se ha diritto \
                   alla NASpI e quali documenti deve allegare.",
        fiscal_code: "SNNMRA82T50I452D",
        email: None,
        priority: Priority::High,
        steps: &[(QuesitoStatus::InProgress, "cric.sardegna")],
        days_ago: 3,
    },
    DemoQuesito {
        region_cric: "CRIC-SAR",
        section: Section::SoggettoContribuente,
        classification: "ESTRATTO_CONTO",
        subject: "Periodi mancanti nell'estratto conto",
        question: "Nell'estratto conto mancano i contributi del 1998 versati da un'azienda poi fallita: \
                   il cittadino chiede come farli riconoscere.",
        fiscal_code: "MRGGPP60H12B354E",
        email: Some("giuseppe.murgia@example.it"),
        priority: Priority::Normal,
        steps: &[(QuesitoStatus::InProgress, "cric.sardegna"), (QuesitoStatus::Answered, "cric.sardegna")],
        days_ago: 12,
    },
    DemoQuesito {
        region_cric: "CRIC-LAZ",
        section: Section::Pensioni,
        classification: "CUMULO",
        subject: "Cumulo gratuito con cassa professionale",
        question: "Il cittadino, architetto, chiede se può cumulare gratuitamente i contributi della cassa \
                   professionale con quelli da dipendente per la pensione di vecchiaia.",
        fiscal_code: "RSSGNN58E10H501Z",
        email: None,
        priority: Priority::Normal,
        steps: &[],
        days_ago: 2,
    },
    DemoQuesito {
        region_cric: "CRIC-LAZ",
        section: Section::SostegnoReddito,
        classification: "CIG",
        subject: "Cassa integrazione per lavoratori di appalti cessati",
        question: "Caso di un lavoratore di ditta appaltatrice con appalto cessato e trasferito al nuovo \
                   appaltatore: quale trattamento di integrazione salariale si applica?",
        fiscal_code: "BNCLCU90L22H501C",
        email: None,
        priority: Priority::Low,
        steps: &[(QuesitoStatus::InProgress, "cric.lazio"), (QuesitoStatus::ForwardedCentral, "cric.lazio")],
        days_ago: 8,
    },
];

/// Loads the area's demo data; called once, right after the organisation.
pub async fn seed(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<()> {
    let root = unit_id(db, "ROOT").await?;
    let dc = unit_id(db, "DC").await?;
    let ccm = unit_id(db, "CCM").await?;
    let dr_sar = unit_id(db, "DR-SAR").await?;
    let cric_sar = unit_id(db, "CRIC-SAR").await?;
    let ccm_op = person_id(db, "ccm.op").await?;
    let password_hash = person::Entity::find()
        .filter(person::Column::Username.eq("ccm.op"))
        .one(db)
        .await?
        .and_then(|p| p.password_hash);

    let txn = db.begin().await?;
    // Two more accounts (password `demo`, like the others).
    for (username, name, unit_code, section) in PEOPLE {
        let unit = if *unit_code == "DC" { dc } else { unit_id(db, unit_code).await? };
        let id = Uuid::now_v7();
        person::Entity::insert(person::ActiveModel {
            id: Set(id),
            username: Set((*username).to_owned()),
            display_name: Set((*name).to_owned()),
            email: Set(Some(format!("{username}@agenzia.example.it"))),
            fiscal_code: Set(None),
            password_hash: Set(password_hash.clone()),
            active: Set(true),
            must_change_password: Set(false),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
        role_assignment::Entity::insert(role_assignment::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(id),
            role: Set(crate::authz::Role::CricExpert),
            unit_id: Set(Some(unit)),
            section: Set(*section),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
    }

    let mut classifications: Vec<(&str, Uuid)> = Vec::new();
    for (section, code, label) in CLASSIFICATIONS {
        let id = Uuid::now_v7();
        quesito_classification::Entity::insert(quesito_classification::ActiveModel {
            id: Set(id),
            unit_id: Set(root),
            section: Set(*section),
            code: Set((*code).to_owned()),
            label: Set((*label).to_owned()),
            active: Set(true),
            competent_directorate_id: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(&txn)
        .await?;
        classifications.push((code, id));
    }
    // A classification of Sardinia's own.
    quesito_classification::Entity::insert(quesito_classification::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(dr_sar),
        section: Set(Section::Pensioni),
        code: Set("MINIERE_SULCIS".to_owned()),
        label: Set("Prepensionamento dei lavoratori delle miniere del Sulcis".to_owned()),
        active: Set(true),
        competent_directorate_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&txn)
    .await?;

    let cric_expert = person_id(db, "cric.sardegna").await?;
    for (section, question, answer, tags) in FAQ {
        let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
        let entry = faq_entry::Model {
            id: Uuid::now_v7(),
            unit_id: cric_sar,
            section: *section,
            question: (*question).to_owned(),
            answer: (*answer).to_owned(),
            tags: faq::domain::join_tags(&tags),
            source_quesito_id: None,
            status: faq_entry::FaqStatus::Published,
            version: 1,
            created_by_id: cric_expert,
            created_at: now,
            updated_at: now,
        };
        faq::store::insert(&txn, &entry).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }

    for q in QUESITI {
        let cric = unit_id(db, q.region_cric).await?;
        let classification = classifications
            .iter()
            .find(|(c, _)| *c == q.classification)
            .map(|(_, id)| *id)
            .ok_or_else(|| anyhow::anyhow!("classification {} missing", q.classification))?;
        let filed_at = now - Duration::days(q.days_ago);
        let id = super::id_at(filed_at);
        let mut model = quesito::ActiveModel {
            id: Set(id),
            unit_id: Set(cric),
            filed_by_unit_id: Set(ccm),
            forwarded_to_unit_id: Set(None),
            section: Set(q.section),
            classification_id: Set(classification),
            subject: Set(q.subject.to_owned()),
            question: Set(q.question.split_whitespace().collect::<Vec<_>>().join(" ")),
            citizen_fiscal_code: Set(q.fiscal_code.to_owned()),
            citizen_phone: Set(None),
            citizen_email: Set(q.email.map(str::to_owned)),
            priority: Set(q.priority),
            status: Set(q.steps.last().map_or(QuesitoStatus::New, |(s, _)| *s)),
            due_at: Set(due_at(filed_at, q.section.default_sla_working_days())),
            contact_id: Set(None),
            idempotency_key: Set(None),
            filed_by_id: Set(ccm_op),
            taken_by_id: Set(None),
            taken_at: Set(None),
            answer: Set(None),
            answered_by_id: Set(None),
            answered_at: Set(None),
            forward_reason: Set(None),
            cancel_reason: Set(None),
            appointment_id: Set(None),
            faq_entry_id: Set(None),
            waiting_since: Set(None),
            waiting_request: Set(None),
            citizen_reply: Set(None),
            paused_seconds: Set(0),
            paused_working_days: Set(0),
            proposed_to_id: Set(None),
            version: Set(1 + q.steps.len() as i32),
            created_at: Set(filed_at),
            updated_at: Set(filed_at),
        };
        let mut events = vec![(None, QuesitoStatus::New, "ccm.op", "CCM_OPERATOR", None, filed_at)];
        let mut from = QuesitoStatus::New;
        for (i, (to, who)) in q.steps.iter().enumerate() {
            let at = filed_at + Duration::hours(4 * (i as i64 + 1));
            let who_id = person_id(db, who).await?;
            let mut note = None;
            match *to {
                QuesitoStatus::InProgress => {
                    model.taken_by_id = Set(Some(who_id));
                    model.taken_at = Set(Some(at));
                }
                QuesitoStatus::Answered => {
                    model.answer = Set(Some(
                        "Il cittadino può presentare online una richiesta di variazione della posizione \
                         assicurativa allegando buste paga o CU dell'anno; per le aziende fallite interviene \
                         il Fondo di garanzia."
                            .to_owned(),
                    ));
                    model.answered_by_id = Set(Some(who_id));
                    model.answered_at = Set(Some(at));
                }
                QuesitoStatus::ForwardedCentral => {
                    let reason = "Caso non disciplinato dalle circolari: serve un parere della Direzione centrale.";
                    model.forwarded_to_unit_id = Set(Some(dc));
                    model.forward_reason = Set(Some(reason.to_owned()));
                    note = Some(reason);
                }
                _ => {}
            }
            model.updated_at = Set(at);
            events.push((Some(from), *to, who, "CRIC_EXPERT", note, at));
            from = *to;
        }
        quesito::Entity::insert(model).exec(&txn).await?;
        for (from, to, who, role, note, at) in events {
            quesito_event::Entity::insert(quesito_event::ActiveModel {
                id: Set(super::id_at(at)),
                quesito_id: Set(id),
                from_status: Set(from),
                to_status: Set(to),
                actor_id: Set(person_id(db, who).await?),
                actor_username: Set(who.to_owned()),
                acting_role: Set(Some(role.to_owned())),
                note: Set(note.map(str::to_owned)),
                occurred_at: Set(at),
            })
            .exec(&txn)
            .await?;
        }
        ccm_contact::Entity::insert(ccm_contact::ActiveModel {
            id: Set(super::id_at(filed_at)),
            unit_id: Set(ccm),
            section: Set(q.section),
            channel: Set(ccm_contact::Channel::Phone),
            topic: Set(q.subject.to_owned()),
            citizen_fiscal_code: Set(Some(q.fiscal_code.to_owned())),
            outcome: Set(ccm_contact::ContactOutcome::QuesitoFiled),
            quesito_id: Set(Some(id)),
            appointment_id: Set(None),
            callback_id: Set(None),
            note: Set(None),
            recorded_by_id: Set(ccm_op),
            recorded_at: Set(filed_at),
        })
        .exec(&txn)
        .await?;
    }
    ccm_contact::Entity::insert(ccm_contact::ActiveModel {
        id: Set(super::id_at(now - Duration::hours(2))),
        unit_id: Set(ccm),
        section: Set(Section::SostegnoReddito),
        channel: Set(ccm_contact::Channel::Phone),
        topic: Set("Termini per la domanda di NASpI".to_owned()),
        citizen_fiscal_code: Set(None),
        outcome: Set(ccm_contact::ContactOutcome::Answered),
        quesito_id: Set(None),
        appointment_id: Set(None),
        callback_id: Set(None),
        note: Set(Some("Risposta dalla FAQ".to_owned())),
        recorded_by_id: Set(ccm_op),
        recorded_at: Set(now - Duration::hours(2)),
    })
    .exec(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(quesiti = QUESITI.len(), faq = FAQ.len(), "quesiti demo data loaded");
    Ok(())
}
