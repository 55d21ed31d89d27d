//! Publishing, updating and retiring FAQ entries.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use entities::{faq_entry, quesito};

use super::domain::{self, FaqStatus, limits};
use super::store;
use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::versioned::{self, Changes};
use crate::quesiti::domain::{QuesitoStatus, Section};
use crate::tenancy::Scope;
use crate::validation::text_field;

/// A validated entry, not yet stored.
pub struct FaqDraft {
    pub section: Section,
    pub question: String,
    pub answer: String,
    pub tags: String,
}

pub fn validate(section: Section, question: &str, answer: &str, tags: &[String]) -> AppResult<FaqDraft> {
    let question = text_field("faqQuestion", question, limits::QUESTION_MIN, limits::QUESTION_MAX)?;
    let answer = text_field("answer", answer, 1, limits::ANSWER_MAX)?;
    let tags = checked_tags(tags)?;
    Ok(FaqDraft { section, question, answer, tags: domain::join_tags(&tags) })
}

/// Tags normalised (see [`domain::normalise_tags`]), or `BAD_USER_INPUT` on `tags`.
fn checked_tags(tags: &[String]) -> AppResult<Vec<String>> {
    domain::normalise_tags(tags).map_err(|kind| match kind {
        "blank" => {
            AppError::bad_input("tags", "Le etichette non possono essere vuote", "Tags cannot be empty or blank")
        }
        _ => AppError::bad_input(
            "tags",
            format!("Al massimo {} etichette di {} caratteri, senza virgole", limits::TAGS_MAX, limits::TAG_MAX),
            format!("At most {} tags of {} characters, without commas", limits::TAGS_MAX, limits::TAG_MAX),
        ),
    })
}

fn not_found() -> AppError {
    crate::kernel::messages::faq_entry_not_found()
}

/// Stores a new entry with its audit record, in the caller's operation.
pub async fn insert(
    op: &Operation<'_>,
    id: Uuid,
    unit_id: Uuid,
    draft: FaqDraft,
    source_quesito_id: Option<Uuid>,
) -> AppResult<faq_entry::Model> {
    let now = Utc::now();
    let entry = faq_entry::Model {
        id,
        unit_id,
        section: draft.section,
        question: draft.question,
        answer: draft.answer,
        tags: draft.tags,
        source_quesito_id,
        status: FaqStatus::Published,
        version: 1,
        created_by_id: op.scope().person_id(),
        created_at: now,
        updated_at: now,
    };
    store::insert(op, &entry).await?;
    op.audit(AuditRecord::new("faq.publish").record("faq_entry", id.to_string()).unit(unit_id).detail(json!({
        "section": entry.section.as_str(),
        "sourceQuesitoId": source_quesito_id.map(|q| q.to_string()),
    })))
    .await?;
    Ok(entry)
}

pub struct Publish {
    pub section: Section,
    pub question: String,
    pub answer: String,
    pub tags: Vec<String>,
    pub source_quesito_id: Option<Uuid>,
}

/// Publishes an entry for the caller's CRIC; with a source quesito (answered,
/// of the same section, not yet published) the two are linked.
pub async fn publish(scope: &Scope, input: Publish) -> AppResult<faq_entry::Model> {
    let draft = validate(input.section, &input.question, &input.answer, &input.tags).map_err(|e| match e {
        AppError::BadUserInput { field: Some(f), msg } if f == "faqQuestion" => {
            AppError::BadUserInput { field: Some("question".into()), msg }
        }
        other => other,
    })?;
    let (unit_id, acting) = match input.source_quesito_id {
        Some(qid) => {
            let q = crate::quesiti::store::by_id(scope, qid.into())
                .await?
                .ok_or_else(|| crate::kernel::messages::unknown_quesito("sourceQuesitoId"))?;
            if q.status != QuesitoStatus::Answered || q.section != input.section {
                return Err(AppError::bad_input(
                    "sourceQuesitoId",
                    "Si pubblica solo un quesito con risposta, della stessa sezione",
                    "Only an answered quesito of the same section can be published",
                ));
            }
            if q.faq_entry_id.is_some() {
                return Err(already_published());
            }
            let units = crate::quesiti::store::units_of(scope.db(), &q).await?;
            let owner_ids = [Some(q.unit_id), q.forwarded_to_unit_id];
            units
                .iter()
                .filter(|u| owner_ids.contains(&Some(u.id)))
                .find_map(|u| {
                    scope.authorize_in_section(Action::FaqWrite, &u.path, input.section).ok().map(|a| (u.id, a))
                })
                .ok_or_else(|| {
                    AppError::forbidden(
                        "Solo gli esperti che hanno risposto al quesito lo pubblicano",
                        "Only experts of the unit that answered the quesito may publish it",
                    )
                })?
        }
        None => {
            let acting = scope
                .principal()
                .assignments
                .iter()
                .filter_map(|a| a.unit_path())
                .find_map(|p| scope.authorize_in_section(Action::FaqWrite, p, input.section).ok())
                .ok_or_else(|| {
                    AppError::forbidden(
                        "Solo gli esperti CRIC (della sezione) pubblicano FAQ",
                        "Only CRIC experts (of the section) publish FAQ entries",
                    )
                })?;
            (acting.unit_id().ok_or_else(|| AppError::internal("acting assignment without unit"))?, acting)
        }
    };
    let id = Uuid::now_v7();
    let op = Operation::begin(scope, acting).await?;
    if let Some(qid) = input.source_quesito_id {
        let res = quesito::Entity::update_many()
            .col_expr(quesito::Column::FaqEntryId, Expr::value(id))
            .filter(quesito::Column::Id.eq(qid))
            .filter(quesito::Column::FaqEntryId.is_null())
            .exec(&op)
            .await?;
        if res.rows_affected != 1 {
            return Err(already_published());
        }
    }
    let entry = insert(&op, id, unit_id, draft, input.source_quesito_id).await?;
    op.commit().await?;
    Ok(entry)
}

fn already_published() -> AppError {
    AppError::conflict("Quesito già pubblicato come FAQ", "Quesito already published as a FAQ entry")
}

/// An entry the caller may change, with the assignment they act under.
async fn writable(scope: &Scope, id: Uuid) -> AppResult<(faq_entry::Model, &Assignment)> {
    let entry = store::by_id(scope, id).await?.ok_or_else(not_found)?;
    let unit = entities::org_unit::Entity::find_by_id(entry.unit_id).one(scope.db()).await?.ok_or_else(not_found)?;
    let acting = scope.authorize_in_section(Action::FaqWrite, &unit.path, entry.section)?;
    Ok((entry, acting))
}

pub struct Update {
    pub question: Option<String>,
    pub answer: Option<String>,
    pub tags: Option<Vec<String>>,
    /// The version the editor started from; a newer one in the database is a CONFLICT.
    pub expected_version: Option<i32>,
}

pub async fn update(scope: &Scope, id: Uuid, input: Update) -> AppResult<faq_entry::Model> {
    let question =
        input.question.map(|q| text_field("question", &q, limits::QUESTION_MIN, limits::QUESTION_MAX)).transpose()?;
    let answer = input.answer.map(|a| text_field("answer", &a, 1, limits::ANSWER_MAX)).transpose()?;
    let tags = input.tags.map(|t| checked_tags(&t).map(|t| domain::join_tags(&t))).transpose()?;
    let (entry, acting) = writable(scope, id).await?;
    if entry.status != FaqStatus::Published {
        return Err(AppError::conflict("Voce FAQ ritirata", "FAQ entry retired"));
    }
    if input.expected_version.is_some_and(|v| v != entry.version) {
        return Err(versioned::conflict::<faq_entry::Entity>());
    }
    let mut changes = Changes::new();
    if let Some(q) = &question {
        changes = changes.set(faq_entry::Column::Question, q.clone());
    }
    if let Some(a) = &answer {
        changes = changes.set(faq_entry::Column::Answer, a.clone());
    }
    if let Some(t) = &tags {
        changes = changes.set(faq_entry::Column::Tags, t.clone());
    }
    let op = Operation::begin(scope, acting).await?;
    versioned::update_versioned::<faq_entry::Entity>(&op, id, entry.version, changes).await?;
    let row = store::reindex(&op, id).await?.ok_or_else(not_found)?;
    op.audit(AuditRecord::new("faq.update").record("faq_entry", id.to_string()).unit(entry.unit_id).detail(json!({
        "question": question.is_some(),
        "answer": answer.is_some(),
        "tags": tags.is_some(),
    })))
    .await?;
    op.commit().await?;
    Ok(row)
}

/// Retires an entry: it leaves the search and stays readable by id.
pub async fn retire(scope: &Scope, id: Uuid) -> AppResult<faq_entry::Model> {
    let (entry, acting) = writable(scope, id).await?;
    if entry.status == FaqStatus::Retired {
        return Err(AppError::conflict("Voce FAQ già ritirata", "FAQ entry already retired"));
    }
    let changes = Changes::new().set(faq_entry::Column::Status, FaqStatus::Retired);
    let op = Operation::begin(scope, acting).await?;
    versioned::update_versioned::<faq_entry::Entity>(&op, id, entry.version, changes).await?;
    let row = store::reindex(&op, id).await?.ok_or_else(not_found)?;
    op.audit(AuditRecord::new("faq.retire").record("faq_entry", id.to_string()).unit(entry.unit_id)).await?;
    op.commit().await?;
    Ok(row)
}
