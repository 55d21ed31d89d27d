//! `schema.graphql` at the top of the repository is what the code serves.
//! Regenerate it with `cargo run -p api -- export-schema`.

#[test]
fn the_committed_schema_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let committed = std::fs::read_to_string(&path).expect("schema.graphql is missing");
    let generated = api::graphql::sdl();
    assert!(
        committed == generated,
        "schema.graphql is out of date: run `cargo run -p api -- export-schema` and commit it"
    );
}
