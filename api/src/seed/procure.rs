//! Demo data of procure management: `prof.rossi` as a verified commercialista
//! (Entratel A10) with a few procure in every status, two collaborators (one
//! whose period ended) and their history. The fiscal codes are made up but
//! carry correct check characters.

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{person, professional};

use crate::error::AppResult;
use crate::procure::domain::{DelegableService, ProcuraEventKind, ServiceSet, today};
use crate::procure::store::{self, NewProcura};

fn days(day: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        day.checked_add_days(Days::new(n as u64)).unwrap_or(day)
    } else {
        day.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(day)
    }
}

/// Loads the demo procure of `prof.rossi`.
pub async fn seed(txn: &DatabaseTransaction, now: DateTime<Utc>) -> AppResult<()> {
    let Some(rossi) = person::Entity::find().filter(person::Column::Username.eq("prof.rossi")).one(txn).await? else {
        return Ok(());
    };
    let rossi_id = Uuid::now_v7();
    professional::Entity::insert(professional::ActiveModel {
        id: Set(rossi_id),
        person_id: Set(rossi.id),
        fiscal_code: Set(rossi.fiscal_code.clone().unwrap_or_else(|| "RSSMRA80A01H501U".to_owned())),
        name: Set(rossi.display_name.clone()),
        entratel_type: Set("A10".to_owned()),
        albo_name: Set("Ordine dei Dottori Commercialisti e degli Esperti Contabili di Roma".to_owned()),
        albo_province: Set("RM".to_owned()),
        albo_number: Set("AA012345".to_owned()),
        self_registered: Set(false),
        verified_at: Set(Some(now)),
        verified_by: Set(None),
        rejected_at: Set(None),
        rejection_reason: Set(None),
        created_at: Set(now),
        version: Set(1),
    })
    .exec_without_returning(txn)
    .await?;

    let day = today();
    let set = ServiceSet::parse;
    use DelegableService::*;
    // (client, services, from, to, collaborators, revoked)
    let procure = [
        ("BNCGPP70C10B354K", set(&[RefundDocumentation, StatusInformation])?, -90, 275, true, false),
        ("02987654320", set(&[ReviewIrregularityNotices, ReviewAssessments41bis])?, -30, 20, false, false),
        ("PNNLNE85D45B354L", set(&[StatusInformation])?, -400, -35, false, false),
        ("CLLMRC88L22H501W", set(&[RefundDocumentation])?, -60, 300, true, true),
    ];
    for (client, services, from, to, collaborators, revoked) in procure {
        let p = store::insert_procura(
            txn,
            NewProcura {
                professional_id: rossi_id,
                client_fiscal_code: client.to_owned(),
                services,
                valid_from: days(day, from),
                valid_to: days(day, to),
                collaborators_authorized: collaborators,
            },
            now,
        )
        .await?;
        store::add_event(txn, p.id, ProcuraEventKind::Declared, Some(rossi.id), None, now).await?;
        if revoked {
            store::revoke_procura(txn, rossi_id, p.id.into(), now, day).await?;
            store::add_event(txn, p.id, ProcuraEventKind::Revoked, Some(rossi.id), None, now).await?;
        }
    }
    store::insert_collaborator(txn, rossi_id, "MRNFNC90E50B354K".to_owned(), days(day, -120), None, now).await?;
    store::insert_collaborator(
        txn,
        rossi_id,
        "SNNGVN82H10B354G".to_owned(),
        days(day, -300),
        Some(days(day, -10)),
        now,
    )
    .await?;

    Ok(())
}
