//! Honest counts (issue 13 item 9). A test that needs PostgreSQL or Redis and
//! finds no `TEST_DATABASE_URL` / `TEST_REDIS_URL` returns early, and libtest
//! counts it as passed: a test cannot mark itself ignored at run time, and a
//! compile-time `#[ignore]` would rebuild the crate whenever the variables
//! change. So each one says here that it did not run, on the process's real
//! stderr (libtest captures `eprintln!`, not writes to `io::stderr()`): the
//! line shows in every `cargo test` output, and `./scripts/test` counts them
//! into a summary of what a green run did not test.

use std::io::Write;

/// The reasons, as `./scripts/test` matches them.
pub const NO_POSTGRES: &str = "TEST_DATABASE_URL not set";
pub const NO_REDIS: &str = "TEST_REDIS_URL not set";

/// Reports `test` (its path, as `cargo test` names it) as not run, for `why`.
pub fn report(test: &str, why: &str) {
    let test = test.strip_prefix("api::").unwrap_or(test);
    let _ = writeln!(std::io::stderr().lock(), "not run: {test} ({why})");
}

/// What is missing for a test that needs both PostgreSQL and Redis.
pub fn postgres_or_redis_missing() -> &'static str {
    let set = |key: &str| std::env::var(key).ok().is_some_and(|v| !v.is_empty());
    if set("TEST_DATABASE_URL") { NO_REDIS } else { NO_POSTGRES }
}

/// The path of the test function this is called in, e.g. `auth::limits_are_shared`.
#[macro_export]
macro_rules! this_test {
    ($name:literal) => {
        concat!(module_path!(), "::", $name)
    };
}
