//! GraphQL layer of callback requests.

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use serde_json::json;
use uuid::Uuid;

use entities::callback_request::{self, Column as C};

use super::domain::{self, CallbackOutcome, CallbackStatus};
use super::store;
use crate::appointments::contact::{self, ContactRead};
use crate::appointments::graphql::{StaffRef, staff, unit};
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{Page, connection};
use crate::kernel::ids::{CallbackId, parse_id};
use crate::org::graphql::OrgUnit;
use crate::tenancy::Scope;

fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> AppResult<T> {
    s.parse().map_err(AppError::internal)
}

/// A citizen's request to be called back.
pub struct Callback(pub callback_request::Model);

#[Object]
impl Callback {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The provincial directorate or office that calls back.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        Ok(unit(ctx, Some(self.0.unit_id)).await?.map(OrgUnit))
    }
    /// The number to call (reading it is audited); null for roles that do not need it.
    async fn phone(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        let scope = ctx.scope()?;
        let mut grant = None;
        if let Some(u) = unit(ctx, Some(self.0.unit_id)).await?
            && let Ok(a) = scope.authorize(Action::CallbackReadContact, &u.path)
        {
            grant = Some(a.clone());
        }
        if grant.is_none() && self.0.assignee_id == Some(scope.person_id()) {
            grant = store::own_grant(scope, Action::CallbackReadContact).cloned();
        }
        if grant.is_none()
            && let Some(u) = unit(ctx, self.0.requested_by_unit_id).await?
            && let Ok(a) = scope.authorize(Action::CallbackReadRequested, &u.path)
        {
            grant = Some(a.clone());
        }
        let Some(grant) = grant else { return Ok(None) };
        contact::audited(ctx, ContactRead::new("callback", self.0.id, self.0.unit_id, &grant)).await?;
        Ok(Some(&self.0.phone))
    }
    async fn topic(&self) -> &str {
        &self.0.topic
    }
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    /// When it may be served: requests outside 09:00–13:00 wait for the next opening.
    async fn available_from(&self) -> DateTime<Utc> {
        self.0.available_from
    }
    async fn status(&self) -> AppResult<CallbackStatus> {
        parse(&self.0.status)
    }
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.assignee_id).await
    }
    async fn assigned_at(&self) -> Option<DateTime<Utc>> {
        self.0.assigned_at
    }
    /// Attempts made (at most 3).
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn last_attempt_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_attempt_at
    }
    /// The last attempt's outcome.
    async fn outcome(&self) -> AppResult<Option<CallbackOutcome>> {
        self.0.outcome.as_deref().map(parse).transpose()
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn requested_by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.requested_by_id).await
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// One batch per loader for a page of callbacks (see `appointments::graphql::prefetch`).
pub async fn prefetch(ctx: &Context<'_>, rows: &[callback_request::Model]) -> AppResult<()> {
    use crate::appointments::graphql::{PersonById, RecordUnitById};
    use async_graphql::dataloader::{DataLoader, HashMapCache};
    let units: Vec<Uuid> = rows.iter().flat_map(|c| [Some(c.unit_id), c.requested_by_unit_id]).flatten().collect();
    let people: Vec<Uuid> = rows.iter().flat_map(|c| [c.assignee_id, c.requested_by_id]).flatten().collect();
    let unit_loader = ctx.data::<DataLoader<RecordUnitById, HashMapCache>>().map_err(AppError::internal)?;
    let person_loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    futures::try_join!(unit_loader.load_many(units), person_loader.load_many(people))?;
    Ok(())
}

#[derive(InputObject)]
pub struct RequestCallbackInput {
    /// Code of the provincial directorate or office to call back from.
    pub unit_code: String,
    pub phone: String,
    pub topic: String,
    /// When the citizen asked (from the IVR); default now. Not in the future.
    pub requested_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct CallbacksQuery;

#[Object]
impl CallbacksQuery {
    /// Callback requests the caller may see, oldest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn callbacks(
        &self,
        ctx: &Context<'_>,
        unit_code: Option<String>,
        status: Option<CallbackStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Callback>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let unit_id = match unit_code {
            Some(code) => Some(store::unit_for(scope, Action::CallbackRead, &code).await.map_or(Uuid::nil(), |u| u.id)),
            None => None,
        };
        let rows = store::list(scope, unit_id, status, page.after_uuid()?, page.fetch_limit()).await?;
        prefetch(ctx, &rows).await?;
        Ok(connection(&page, rows, |c| c.id.to_string(), Callback))
    }

    async fn callback(&self, ctx: &Context<'_>, id: ID) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        Ok(Callback(store::find(scope, parse_id("id", &id)?).await?.ok_or_else(store::not_found)?))
    }
}

fn check_version(c: &callback_request::Model, expected: Option<i32>) -> AppResult<()> {
    match expected {
        Some(v) if v != c.version => Err(AppError::conflict(
            "La richiesta è stata modificata nel frattempo: ricarica e riprova",
            "The request changed in the meantime: reload and try again",
        )),
        _ => Ok(()),
    }
}

async fn load(scope: &Scope, id: CallbackId) -> AppResult<(callback_request::Model, entities::org_unit::Model)> {
    let c = store::find(scope, id).await?.ok_or_else(store::not_found)?;
    let unit = crate::appointments::store::units_by_ids(scope, &[c.unit_id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(store::not_found)?;
    Ok((c, unit))
}

async fn audit_in(
    conn: &impl sea_orm::ConnectionTrait,
    scope: &Scope,
    acting: &Assignment,
    action: &str,
    c: &callback_request::Model,
    detail: serde_json::Value,
) -> AppResult<()> {
    audit::record(
        conn,
        &Actor::acting_as(scope.principal(), acting),
        AuditRecord::new(action).record("callback", c.id.to_string()).unit(c.unit_id).detail(detail),
        scope.request_id(),
    )
    .await
}

#[derive(Default)]
pub struct CallbacksMutation;

#[Object]
impl CallbacksMutation {
    /// Files a callback request for a provincial directorate or office.
    async fn request_callback(&self, ctx: &Context<'_>, input: RequestCallbackInput) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        let unit = store::unit_for(scope, Action::CallbackRequest, &input.unit_code).await?;
        let acting = scope.authorize(Action::CallbackRequest, &unit.path)?;
        let phone = crate::validation::phone_field("phone", &input.phone)?.into_string();
        let topic = input.topic.trim().to_owned();
        if topic.is_empty() || topic.chars().count() > 500 {
            return Err(AppError::bad_input(
                "topic",
                "Argomento obbligatorio (al più 500 caratteri)",
                "Topic required (at most 500 characters)",
            ));
        }
        let now = ctx.now()?;
        let requested_at = input.requested_at.unwrap_or(now);
        if requested_at > now + chrono::Duration::minutes(5) {
            return Err(AppError::bad_input(
                "requestedAt",
                "La richiesta non può essere nel futuro",
                "The request cannot be in the future",
            ));
        }
        let model = callback_request::Model {
            id: Uuid::now_v7(),
            unit_id: unit.id,
            phone,
            topic,
            requested_at,
            available_from: domain::available_from(requested_at),
            status: CallbackStatus::Waiting.as_str().to_owned(),
            assignee_id: None,
            assigned_at: None,
            attempts: 0,
            last_attempt_at: None,
            outcome: None,
            note: None,
            requested_by_id: Some(scope.person_id()),
            requested_by_unit_id: acting.unit_id(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let txn = scope.begin_write().await?;
        store::insert(&txn, &model).await?;
        audit_in(&txn, scope, acting, "callback.request", &model, json!({ "availableFrom": model.available_from }))
            .await?;
        txn.commit().await?;
        Ok(Callback(model))
    }

    /// Assigns (or reassigns) a callback request to a staff member of the unit or an office under it.
    async fn assign_callback(
        &self,
        ctx: &Context<'_>,
        id: ID,
        username: String,
        version: Option<i32>,
    ) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        let (c, unit) = load(scope, parse_id("id", &id)?).await?;
        let acting = scope.authorize(Action::CallbackAssign, &unit.path)?;
        check_version(&c, version)?;
        domain::can_assign(parse(&c.status)?)?;
        let person = store::staff_under(scope, &unit, username.trim()).await?.ok_or_else(|| {
            AppError::bad_input(
                "username",
                "La persona non lavora in questa unità",
                "The person does not work at this unit",
            )
        })?;
        let txn = scope.begin_write().await?;
        store::update_versioned(
            &txn,
            c.id,
            c.version,
            vec![
                (C::AssigneeId, Expr::value(person.id)),
                (C::AssignedAt, Expr::value(ctx.now()?)),
                (C::Status, Expr::value(CallbackStatus::Assigned.as_str())),
            ],
        )
        .await?;
        let action = if c.assignee_id.is_some() { "callback.reassign" } else { "callback.assign" };
        audit_in(&txn, scope, acting, action, &c, json!({ "assignee": person.username })).await?;
        let updated = store::reload(&txn, c.id).await?;
        txn.commit().await?;
        Ok(Callback(updated))
    }

    /// Records a call-back attempt. NO_ANSWER leaves it for another try, up
    /// to 3 attempts; any other outcome closes it. Not before `availableFrom`.
    async fn record_callback_attempt(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: CallbackOutcome,
        note: Option<String>,
        version: Option<i32>,
    ) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        let (c, unit) = load(scope, parse_id("id", &id)?).await?;
        // A supervisor of the unit, or the assignee (who may work at an office under it).
        let acting = match scope.authorize(Action::CallbackAssign, &unit.path) {
            Ok(a) => a,
            Err(_) if c.assignee_id == Some(scope.person_id()) => store::own_grant(scope, Action::CallbackWork)
                .ok_or_else(|| {
                    AppError::forbidden(
                        "Il tuo ruolo non richiama i cittadini",
                        "Your role does not call citizens back",
                    )
                })?,
            Err(_) => {
                scope.authorize(Action::CallbackWork, &unit.path)?;
                return Err(AppError::forbidden(
                    "La richiesta non è assegnata a te",
                    "The request is not assigned to you",
                ));
            }
        };
        check_version(&c, version)?;
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
            return Err(AppError::bad_input(
                "note",
                "La nota supera 500 caratteri",
                "The note is longer than 500 characters",
            ));
        }
        let now = ctx.now()?;
        domain::check_attempt_time(now)?;
        if now < c.available_from {
            return Err(AppError::conflict(
                "La richiesta sarà lavorabile dalla prossima apertura (09:00–13:00)",
                "The request can be served from the next opening (09:00–13:00)",
            ));
        }
        let (status, attempts) = domain::attempt(parse(&c.status)?, c.attempts, outcome)?;
        let txn = scope.begin_write().await?;
        store::update_versioned(
            &txn,
            c.id,
            c.version,
            vec![
                (C::Status, Expr::value(status.as_str())),
                (C::Attempts, Expr::value(attempts)),
                (C::LastAttemptAt, Expr::value(now)),
                (C::Outcome, Expr::value(outcome.as_str())),
                (C::Note, Expr::value(note)),
            ],
        )
        .await?;
        audit_in(
            &txn,
            scope,
            acting,
            "callback.attempt",
            &c,
            json!({ "outcome": outcome.as_str(), "attempt": attempts, "status": status.as_str() }),
        )
        .await?;
        let updated = store::reload(&txn, c.id).await?;
        txn.commit().await?;
        Ok(Callback(updated))
    }
}
