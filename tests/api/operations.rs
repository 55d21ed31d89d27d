//! Health, readiness and request ids.

use migration::{Migrator, MigratorTrait};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(health_and_readiness_answer_when_all_is_well, |app: TestApp| async move {
    let health = app.get("/healthz").send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.get("/readyz").send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["database"], true);
    assert_eq!(body["migrations"], true);
    if app.settings.redis_url.is_some() {
        assert_eq!(body["redis"], true);
    }
});

both_backends!(readiness_fails_while_a_migration_is_pending, |app: TestApp| async move {
    let owner = api::db::connect_owner(&app.settings).await.unwrap();
    Migrator::down(&owner, Some(1)).await.unwrap();
    let ready = app.get("/readyz").send().await.unwrap();
    assert_eq!(ready.status(), 503);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["migrations"], false);
    Migrator::up(&owner, None).await.unwrap();
    assert_eq!(app.get("/readyz").send().await.unwrap().status(), 200);
});

both_backends!(every_graphql_response_names_its_request_id, |app: TestApp| async move {
    let res = app.post("/graphql").json(&json!({ "query": "{ __typename }" })).send().await.unwrap();
    let id = res.headers().get("x-request-id").expect("x-request-id header");
    assert_eq!(id.to_str().unwrap().len(), 36);
});

both_backends!(graphiql_is_served_in_development, |app: TestApp| async move {
    let res = app.get("/graphiql").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().to_lowercase().contains("graphiql"));
});
