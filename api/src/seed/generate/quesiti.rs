//! Generated quesiti and their life-cycle events.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use uuid::Uuid;

use entities::{org_unit, person, quesito, quesito_classification, quesito_event};

use crate::quesiti::domain::{Priority, QuesitoStatus, Section, SectionRules, due_at};

use super::{CHUNK, Cric, Gen, at};

fn subject(section: Section) -> (&'static str, &'static str) {
    match section {
        Section::Pensioni => (
            "Decorrenza della pensione anticipata",
            "Il cittadino chiede da quando decorre la pensione anticipata con i contributi figurativi.",
        ),
        Section::SostegnoReddito => (
            "Requisiti per l'indennità di disoccupazione",
            "Il cittadino chiede se il contratto stagionale concluso dà diritto all'indennità.",
        ),
        Section::SoggettoContribuente => (
            "Rateizzazione di una comunicazione di irregolarità",
            "Il contribuente chiede se può rateizzare la somma richiesta dopo la scadenza dei 30 giorni.",
        ),
    }
}

/// Quesiti per CRIC section and working day, with their life-cycle events.
pub(super) async fn quesiti(
    db: &DatabaseConnection,
    g: &mut Gen,
    crics: &[Cric],
    days: &[NaiveDate],
    until: NaiveDate,
) -> anyhow::Result<(usize, usize)> {
    let ccm = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("CCM"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("CCM unit missing"))?;
    let dc = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("DC"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("DC unit missing"))?;
    let filer = person::Entity::find()
        .filter(person::Column::Username.eq("ccm.op"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("ccm.op missing"))?;
    let classifications =
        quesito_classification::Entity::find().order_by_asc(quesito_classification::Column::Code).all(db).await?;
    let citizens = crate::seed::appointments::CITIZENS;
    let history: Vec<NaiveDate> = days.iter().copied().filter(|d| *d <= until).collect();
    let now = at(until, 12, 0);
    let mut rows = Vec::new();
    let mut events = Vec::new();
    for cric in crics {
        for (i, day) in history.iter().enumerate() {
            let recent = history.len() - i <= 3;
            for &section in Section::ALL {
                let per_day = match section {
                    Section::Pensioni => g.range(2, 6),
                    Section::SostegnoReddito => g.range(1, 5),
                    Section::SoggettoContribuente => g.range(3, 7),
                };
                let choices: Vec<&quesito_classification::Model> =
                    classifications.iter().filter(|c| c.section == section).collect();
                for _ in 0..per_day {
                    let Some(class) = g.pick(&choices).copied() else { continue };
                    let Some(&(fiscal_code, _, phone, email)) = g.pick(citizens) else { continue };
                    let filed = at(
                        *day,
                        u32::try_from(g.range(9, 17)).unwrap_or(9),
                        u32::try_from(g.range(0, 59)).unwrap_or(0),
                    );
                    if filed > now {
                        continue;
                    }
                    let due = due_at(filed, section.default_sla_working_days());
                    let (subj, question) = subject(section);
                    let Some((expert, expert_name)) = g.pick(&cric.experts).cloned() else { continue };
                    let id = g.id(filed);
                    let mut q = quesito::Model {
                        id,
                        unit_id: cric.unit.id,
                        filed_by_unit_id: ccm.id,
                        forwarded_to_unit_id: None,
                        section,
                        classification_id: class.id,
                        subject: subj.to_owned(),
                        question: question.to_owned(),
                        citizen_fiscal_code: fiscal_code.to_owned(),
                        citizen_phone: phone.map(str::to_owned),
                        citizen_email: email.map(str::to_owned),
                        priority: if g.pct(10) { Priority::High } else { Priority::Normal },
                        status: QuesitoStatus::New,
                        due_at: due,
                        contact_id: None,
                        idempotency_key: None,
                        filed_by_id: filer.id,
                        taken_by_id: None,
                        taken_at: None,
                        answer: None,
                        answered_by_id: None,
                        answered_at: None,
                        forward_reason: None,
                        cancel_reason: None,
                        appointment_id: None,
                        faq_entry_id: None,
                        waiting_since: None,
                        waiting_request: None,
                        citizen_reply: None,
                        paused_seconds: 0,
                        paused_working_days: 0,
                        proposed_to_id: None,
                        version: 1,
                        created_at: filed,
                        updated_at: filed,
                    };
                    let mut event = |g: &mut Gen,
                                     from: Option<QuesitoStatus>,
                                     to: QuesitoStatus,
                                     who: (Uuid, &str, &str),
                                     when: DateTime<Utc>,
                                     note: Option<&str>| {
                        events.push(quesito_event::ActiveModel::from(quesito_event::Model {
                            id: g.id(when),
                            quesito_id: id,
                            from_status: from,
                            to_status: to,
                            actor_id: who.0,
                            actor_username: who.1.to_owned(),
                            acting_role: Some(who.2.to_owned()),
                            note: note.map(str::to_owned),
                            occurred_at: when,
                        }));
                    };
                    event(g, None, QuesitoStatus::New, (filer.id, "ccm.op", "CCM_OPERATOR"), filed, None);
                    let expert_who = (expert, expert_name.as_str(), "CRIC_EXPERT");
                    if recent && g.pct(50) {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    if g.pct(3) {
                        let when = filed + Duration::hours(g.range(1, 48));
                        q.status = QuesitoStatus::Cancelled;
                        q.cancel_reason = Some("Il cittadino ha risolto autonomamente".to_owned());
                        q.updated_at = when;
                        q.version = 2;
                        event(
                            g,
                            Some(QuesitoStatus::New),
                            QuesitoStatus::Cancelled,
                            expert_who,
                            when,
                            q.cancel_reason.as_deref(),
                        );
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    let taken = filed + Duration::minutes(g.range(20, 60 * 30));
                    if taken > now {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    q.status = QuesitoStatus::InProgress;
                    q.taken_by_id = Some(expert);
                    q.taken_at = Some(taken);
                    q.updated_at = taken;
                    q.version = 2;
                    event(g, Some(QuesitoStatus::New), QuesitoStatus::InProgress, expert_who, taken, None);
                    let sla_hours = i64::from(section.default_sla_working_days()) * 24;
                    let answer_after = if g.pct(9) {
                        (due - filed).num_hours() + g.range(4, 96)
                    } else {
                        g.range(2, (sla_hours * 6 / 5).max(3))
                    };
                    let mut answered = (filed + Duration::hours(answer_after)).max(taken + Duration::minutes(10));
                    if g.pct(4) {
                        let when = taken + Duration::hours(g.range(1, 24));
                        if when > now {
                            rows.push(quesito::ActiveModel::from(q));
                            continue;
                        }
                        q.status = QuesitoStatus::ForwardedCentral;
                        q.forwarded_to_unit_id = Some(dc.id);
                        q.forward_reason = Some("Questione di particolare complessità".to_owned());
                        q.updated_at = when;
                        q.version = 3;
                        event(
                            g,
                            Some(QuesitoStatus::InProgress),
                            QuesitoStatus::ForwardedCentral,
                            expert_who,
                            when,
                            q.forward_reason.as_deref(),
                        );
                        answered = answered.max(when + Duration::hours(g.range(24, 24 * 10)));
                        if answered > now || g.pct(30) {
                            rows.push(quesito::ActiveModel::from(q));
                            continue;
                        }
                        q.status = QuesitoStatus::Answered;
                        q.answer = Some("Risposta della Direzione centrale.".to_owned());
                        q.answered_at = Some(answered);
                        q.updated_at = answered;
                        q.version = 4;
                        event(
                            g,
                            Some(QuesitoStatus::ForwardedCentral),
                            QuesitoStatus::Answered,
                            expert_who,
                            answered,
                            None,
                        );
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    if answered > now {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    q.status = QuesitoStatus::Answered;
                    q.answer = Some(
                        "Risposta fornita sulla base della normativa vigente e delle circolari applicabili.".to_owned(),
                    );
                    q.answered_by_id = Some(expert);
                    q.answered_at = Some(answered);
                    q.updated_at = answered;
                    q.version = 3;
                    event(g, Some(QuesitoStatus::InProgress), QuesitoStatus::Answered, expert_who, answered, None);
                    rows.push(quesito::ActiveModel::from(q));
                }
            }
        }
    }
    let (n, e) = (rows.len(), events.len());
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        quesito::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in events.chunks(CHUNK) {
        quesito_event::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok((n, e))
}
