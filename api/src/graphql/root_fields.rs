//! `MergedObject` keeps one of two root fields of the same name without a
//! word: an area declaring `recordCitizenReply` beside another area's one
//! silently loses it (it happened while adding the quesiti's reply, issue 18).
//! This test fails instead. A new area's query or mutation object belongs in
//! the lists below as it belongs in `QueryRoot` / `MutationRoot`.

use async_graphql::OutputType;
use async_graphql::registry::{MetaType, Registry};

use super::*;

fn fields_of<T: OutputType>() -> Vec<String> {
    let mut registry = Registry::default();
    T::create_type_info(&mut registry);
    match registry.types.get(T::type_name().as_ref()) {
        Some(MetaType::Object { fields, .. }) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn duplicates(areas: Vec<Vec<String>>) -> Vec<String> {
    let mut all: Vec<String> = areas.into_iter().flatten().filter(|f| !f.starts_with("__")).collect();
    all.sort();
    let mut twice: Vec<String> = all.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0].clone()).collect();
    twice.dedup();
    twice
}

#[test]
fn no_two_areas_declare_the_same_mutation() {
    let areas = vec![
        fields_of::<AuthMutation>(),
        fields_of::<OrgMutation>(),
        fields_of::<PeopleMutation>(),
        fields_of::<OutboxMutation>(),
        fields_of::<CcmMutation>(),
        fields_of::<QuesitoMutation>(),
        fields_of::<FaqMutation>(),
        fields_of::<ServicesMutation>(),
        fields_of::<AppointmentsMutation>(),
        fields_of::<CallbacksMutation>(),
        fields_of::<IvrKeysMutation>(),
        fields_of::<CalendarMutation>(),
        fields_of::<FollowUpMutation>(),
        fields_of::<ProcureMutation>(),
        fields_of::<ReportsMutation>(),
        fields_of::<AlertsMutation>(),
    ];
    let empty = areas.iter().filter(|a| a.is_empty()).count();
    assert_eq!(empty, 0, "every area lists its mutations: {areas:?}");
    assert_eq!(duplicates(areas), Vec::<String>::new());
}

#[test]
fn no_two_areas_declare_the_same_query() {
    let areas = vec![
        fields_of::<AuthQuery>(),
        fields_of::<OrgQuery>(),
        fields_of::<PeopleQuery>(),
        fields_of::<PersonQuery>(),
        fields_of::<AuditQuery>(),
        fields_of::<OutboxQuery>(),
        fields_of::<CcmQuery>(),
        fields_of::<QuesitoQuery>(),
        fields_of::<FaqQuery>(),
        fields_of::<ServicesQuery>(),
        fields_of::<AppointmentsQuery>(),
        fields_of::<CallbacksQuery>(),
        fields_of::<IvrKeysQuery>(),
        fields_of::<CalendarQuery>(),
        fields_of::<FollowUpQuery>(),
        fields_of::<OfficeBoardQuery>(),
        fields_of::<ProcureQuery>(),
        fields_of::<MonitoringQuery>(),
        fields_of::<ReportsQuery>(),
        fields_of::<AlertsQuery>(),
    ];
    let empty = areas.iter().filter(|a| a.is_empty()).count();
    assert_eq!(empty, 0, "every area lists its queries: {areas:?}");
    assert_eq!(duplicates(areas), Vec::<String>::new());
}

#[test]
fn a_field_declared_twice_is_found() {
    let twice = duplicates(vec![vec!["a".into(), "b".into()], vec!["b".into(), "c".into()]]);
    assert_eq!(twice, vec!["b".to_owned()]);
}
