//! Which person an SSO identity is: by (issuer, subject) once linked; at the
//! first sign-in, by the configured claim, among the people an admin created
//! (nobody is created here), and then linked for good.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{person, person_identity};

use super::provider::Identity;
use super::refusal::Refusal;
use super::settings::PersonClaim;
use crate::error::AppResult;

/// The person an identity signs in as, and whether this sign-in linked them.
pub struct Linked {
    pub person: person::Model,
    pub newly_linked: bool,
}

/// Finds (or, the first time, links) the person of `identity`. Refused:
/// nobody matches the claim; the person is deactivated; the person is already
/// linked to another subject of the same provider.
pub async fn person_for(
    db: &sea_orm::DatabaseConnection,
    identity: &Identity,
    claim: PersonClaim,
) -> AppResult<Result<Linked, Refusal>> {
    if let Some(person) = linked_person(db, identity).await? {
        return Ok(usable(person).map(|person| Linked { person, newly_linked: false }));
    }
    let Some(person) = person_by_claim(db, identity, claim).await? else {
        return Ok(Err(Refusal::UnknownPerson));
    };
    let person = match usable(person) {
        Ok(person) => person,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let row = person_identity::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(person.id),
        issuer: Set(identity.issuer.clone()),
        subject: Set(identity.subject.clone()),
        created_at: Set(Utc::now()),
    };
    if row.insert(db).await.is_err() {
        // A unique index said no: either a concurrent first sign-in of this
        // identity linked it already, or the person has another subject here.
        return Ok(match linked_person(db, identity).await? {
            Some(linked) if linked.id == person.id => Ok(Linked { person, newly_linked: false }),
            _ => Err(Refusal::LinkConflict),
        });
    }
    Ok(Ok(Linked { person, newly_linked: true }))
}

fn usable(person: person::Model) -> Result<person::Model, Refusal> {
    if person.active { Ok(person) } else { Err(Refusal::Deactivated) }
}

async fn linked_person(db: &sea_orm::DatabaseConnection, identity: &Identity) -> AppResult<Option<person::Model>> {
    let Some(link) = person_identity::Entity::find()
        .filter(person_identity::Column::Issuer.eq(&identity.issuer))
        .filter(person_identity::Column::Subject.eq(&identity.subject))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(person::Entity::find_by_id(link.person_id).one(db).await?)
}

/// The one person whose username (or e-mail address) is the claim's value,
/// compared without regard to case. Two people with the same address match nobody.
async fn person_by_claim(
    db: &sea_orm::DatabaseConnection,
    identity: &Identity,
    claim: PersonClaim,
) -> AppResult<Option<person::Model>> {
    let (column, value) = match claim {
        PersonClaim::PreferredUsername => (person::Column::Username, identity.preferred_username.as_deref()),
        // An address the provider has not verified names nobody.
        PersonClaim::Email if identity.email_verified == Some(false) => return Ok(None),
        PersonClaim::Email => (person::Column::Email, identity.email.as_deref()),
    };
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    let mut found = person::Entity::find()
        .filter(Func::lower(Expr::col((person::Entity, column))).eq(value.to_lowercase()))
        .all(db)
        .await?;
    Ok(if found.len() == 1 { found.pop() } else { None })
}
