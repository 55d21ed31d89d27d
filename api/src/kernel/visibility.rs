//! Who may read each organisation-owned record, declared once per entity.
//!
//! A record hangs from units through some of its columns (a quesito from its
//! CRIC, the CCM that filed it and the directorate it was forwarded to; a
//! booking from its office and the unit that booked it; …). Each column is
//! read through one action: a caller whose reach for that action covers the
//! unit in the column reads the row. A record may also carry a CRIC/CCM
//! section (section-bound assignments then count only for rows of their
//! section) and an assignee (the person it is assigned to reads it wherever
//! they work). [`RecordVisibility`] declares these per entity; every store
//! builds its scope from [`visible`], and the one loader of units
//! (`org::graphql::UnitById`) asks [`shows_unit`] which units the visible
//! records point to.
//!
//! The one rule for units: **a unit is visible when it lies in the caller's
//! reach (`org:read`) or a record the caller may read points to it** through
//! one of its [`RecordVisibility::SHOWN_UNITS`]. Seeing a record means seeing
//! where it is; nothing else of the tree comes with it (its parent, children,
//! siblings stay as the reach says).

use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{Condition, EntityTrait, ExprTrait};

use entities::{appointment, callback_request, ccm_contact, faq_entry, follow_up, quesito};

use crate::authz::Action;
use crate::tenancy::{Scope, UnitScope};

/// How one entity's rows are visible, and which units they show.
pub trait RecordVisibility: EntityTrait {
    /// Columns holding a unit, each with the action whose reach on that unit
    /// lets the caller read the row.
    const READ_THROUGH: &'static [(Self::Column, Action)];
    /// The CRIC/CCM section of the row, when section-bound assignments apply.
    const SECTION: Option<Self::Column> = None;
    /// The person the row is assigned to: they read it wherever they work.
    const ASSIGNEE: Option<Self::Column> = None;
    /// Columns holding units a reader of the row is shown (and may resolve).
    const SHOWN_UNITS: &'static [Self::Column];
}

/// The column qualified by its table, as the conditions need it.
fn col<E: EntityTrait>(column: E::Column) -> Expr {
    Expr::col((E::default(), column))
}

/// Rows of `E` the caller may read: any [`RecordVisibility::READ_THROUGH`]
/// column in the reach of its action (section-bound when the row has a
/// section), or assigned to the caller.
pub fn visible<E: RecordVisibility>(scope: &Scope) -> Condition {
    let mut any = Condition::any();
    for &(column, action) in E::READ_THROUGH {
        let through = match E::SECTION {
            Some(section) => {
                let reach = scope.sectioned_units_for(action);
                if reach.unrestricted == UnitScope::Everywhere {
                    return Condition::all();
                }
                reach.condition(col::<E>(column), col::<E>(section))
            }
            None => {
                let reach = scope.units_for(action);
                if reach == UnitScope::Everywhere {
                    return Condition::all();
                }
                reach.unit_id_condition(col::<E>(column))
            }
        };
        any = any.add(through);
    }
    if let Some(assignee) = E::ASSIGNEE {
        any = any.add(col::<E>(assignee).eq(scope.person_id()));
    }
    any
}

/// `EXISTS (SELECT 1 FROM e WHERE e.<shown> = <unit> AND <visible>)`, one per shown column.
fn points_to<E: RecordVisibility>(scope: &Scope, unit: &Expr, into: Condition) -> Condition {
    let readable = visible::<E>(scope);
    E::SHOWN_UNITS.iter().fold(into, |cond, &column| {
        let mut sub: SelectStatement = Query::select();
        sub.expr(Expr::cust("1"))
            .from(E::default())
            .and_where(col::<E>(column).eq(unit.clone()))
            .cond_where(readable.clone());
        cond.add(Expr::exists(sub))
    })
}

/// The unit in `unit` (an `org_unit.id` expression) is pointed to by a record
/// the caller may read. The entities whose records show units are listed here.
pub fn shows_unit(scope: &Scope, unit: Expr) -> Condition {
    let cond = Condition::any();
    let cond = points_to::<quesito::Entity>(scope, &unit, cond);
    let cond = points_to::<appointment::Entity>(scope, &unit, cond);
    let cond = points_to::<callback_request::Entity>(scope, &unit, cond);
    let cond = points_to::<ccm_contact::Entity>(scope, &unit, cond);
    points_to::<follow_up::Entity>(scope, &unit, cond)
}

impl RecordVisibility for quesito::Entity {
    const READ_THROUGH: &'static [(quesito::Column, Action)] = &[
        (quesito::Column::UnitId, Action::QuesitoRead),
        (quesito::Column::FiledByUnitId, Action::QuesitoRead),
        (quesito::Column::ForwardedToUnitId, Action::QuesitoRead),
    ];
    const SECTION: Option<quesito::Column> = Some(quesito::Column::Section);
    const SHOWN_UNITS: &'static [quesito::Column] =
        &[quesito::Column::UnitId, quesito::Column::FiledByUnitId, quesito::Column::ForwardedToUnitId];
}

/// Readers of the office, or readers of what their unit booked.
impl RecordVisibility for appointment::Entity {
    const READ_THROUGH: &'static [(appointment::Column, Action)] = &[
        (appointment::Column::UnitId, Action::AppointmentRead),
        (appointment::Column::BookedByUnitId, Action::AppointmentReadBooked),
    ];
    const SHOWN_UNITS: &'static [appointment::Column] =
        &[appointment::Column::UnitId, appointment::Column::BookedByUnitId];
}

/// Readers of the unit, of the unit that filed the request (CCM), and the
/// person it is assigned to (an office operator answering for the provincial directorate).
impl RecordVisibility for callback_request::Entity {
    const READ_THROUGH: &'static [(callback_request::Column, Action)] = &[
        (callback_request::Column::UnitId, Action::CallbackRead),
        (callback_request::Column::RequestedByUnitId, Action::CallbackReadRequested),
    ];
    const ASSIGNEE: Option<callback_request::Column> = Some(callback_request::Column::AssigneeId);
    const SHOWN_UNITS: &'static [callback_request::Column] =
        &[callback_request::Column::UnitId, callback_request::Column::RequestedByUnitId];
}

impl RecordVisibility for ccm_contact::Entity {
    const READ_THROUGH: &'static [(ccm_contact::Column, Action)] =
        &[(ccm_contact::Column::UnitId, Action::ContactRecord)];
    const SECTION: Option<ccm_contact::Column> = Some(ccm_contact::Column::Section);
    const SHOWN_UNITS: &'static [ccm_contact::Column] = &[ccm_contact::Column::UnitId];
}

/// Readers of the office's bookings, and the person it is assigned to.
impl RecordVisibility for follow_up::Entity {
    const READ_THROUGH: &'static [(follow_up::Column, Action)] =
        &[(follow_up::Column::UnitId, Action::AppointmentRead)];
    const ASSIGNEE: Option<follow_up::Column> = Some(follow_up::Column::AssigneeId);
    const SHOWN_UNITS: &'static [follow_up::Column] = &[follow_up::Column::UnitId];
}

/// The FAQ shows no unit: its entries are read through the unit that wrote them.
impl RecordVisibility for faq_entry::Entity {
    const READ_THROUGH: &'static [(faq_entry::Column, Action)] = &[(faq_entry::Column::UnitId, Action::FaqRead)];
    const SHOWN_UNITS: &'static [faq_entry::Column] = &[];
}
