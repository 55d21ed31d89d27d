//! What a statement costs on the wire to PostgreSQL (issue 15): the caller's
//! reach written into the connection it is handed, then the statement (each
//! one execution), and the ping sqlx sends when the connection goes back to
//! the pool (which cannot be turned off, and happens after the answer). sqlx's
//! default ping on every hand-out made it a second ping per statement, on the
//! request's path; the reach's own statement already proves the connection
//! alive, so that one is off.
//!
//! Counted by a proxy before PostgreSQL that reads the protocol the server
//! sends it: every round trip ends with a `Sync` (extended protocol) or is a
//! simple `Query`; one with an `Execute` (or a `Query`) runs a statement, one
//! with nothing before its `Sync` is a ping, the rest prepare statements.
//!
//! The reach also tells PostgreSQL how to plan the statement after it
//! (`plan_cache_mode`, `kernel::reach::Plans`): look-ups by key are planned
//! once per connection instead of at every execution.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::{Backend, TestApp, data};
use crate::quesiti_support::{file, filing};

const FLAT_CRIC_LIST: &str = "{ quesiti(first: 50) { nodes { id status section priority subject dueAt filedAt } } }";

const NESTED_CRIC_LIST: &str = "{ quesiti(first: 50) { nodes { id status section priority subject dueAt filedAt \
    classification { label } cric { code name } events { to at } } } }";

/// A server whose connections to PostgreSQL pass through a [`CountingProxy`],
/// without Redis (so that resolving the session is a statement too), with a
/// quesito filed to CRIC Sardegna; and the token of its expert.
async fn proxied_app() -> Option<(TestApp, CountingProxy, String)> {
    let Some(Backend::Postgres { url, .. }) = Backend::postgres() else { return None };
    let upstream: SocketAddr = host_port(&url).parse().expect("TEST_DATABASE_URL names host:port");
    let proxy = CountingProxy::start(upstream).await;
    let through_proxy =
        format!("{}?sslmode=disable", url.replace(&host_port(&url), &format!("127.0.0.1:{}", proxy.port)));
    let app = TestApp::spawn(Backend::Postgres { url: through_proxy, redis_url: None }).await;
    let ccm = app.login("ccm.op").await;
    data(&file(&app, &ccm, filing(&app, &ccm, "DR-SAR", "Carico").await).await);
    let expert = app.login("cric.sardegna").await;
    Some((app, proxy, expert))
}

/// Runs `query` and answers the statements it ran and what the proxy saw of them.
async fn measure(app: &TestApp, proxy: &CountingProxy, token: &str, query: &str) -> (u64, Counts) {
    // The pings of the connections the previous request gave back come first.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let statements_before = app.state.statement_count.load(Ordering::SeqCst);
    let before = proxy.counts();
    data(&app.graphql(Some(token), query, json!({})).await);
    // The last connection's ping on release follows the answer.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let statements = app.state.statement_count.load(Ordering::SeqCst) - statements_before;
    (statements, proxy.counts().since(before))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_statement_costs_the_reach_and_itself_and_no_ping() {
    let Some((app, proxy, expert)) = proxied_app().await else {
        crate::not_run::report(module_path!(), crate::not_run::NO_POSTGRES);
        return;
    };
    for (what, query) in [("{ me }", "{ me { username } }"), ("the flat CRIC list", FLAT_CRIC_LIST)] {
        let (statements, seen) = measure(&app, &proxy, &expert, query).await;
        assert!(statements >= 1, "{what}: at least the session is read");
        assert_eq!(seen.executions, 2 * statements, "{what}: {seen:?} for {statements} statements");
        assert_eq!(seen.pings, statements, "{what}: {seen:?} for {statements} statements");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nested_page_is_one_statement_planned_once_per_connection_unless_filtered() {
    let Some((app, proxy, expert)) = proxied_app().await else {
        crate::not_run::report(module_path!(), crate::not_run::NO_POSTGRES);
        return;
    };
    // The session (a look-up by key) and the page, which brings its
    // classifications, CRIC and events along: each statement its reach, itself
    // and the ping on release, six round trips (with a look-up per level,
    // fifteen). Narrowed by nothing but visibility, the page has one plan
    // whatever the caller: both are planned once per connection.
    let (statements, seen) = measure(&app, &proxy, &expert, NESTED_CRIC_LIST).await;
    assert_eq!(statements, 2, "{seen:?}");
    assert_eq!(seen.generic_reaches, 2, "{seen:?} for {statements} statements");
    assert_eq!(seen.executions + seen.pings, 6, "{seen:?}");
    // A filter's best plan depends on its values: that page is planned for them.
    let filtered = "{ quesiti(first: 50, filter: { text: \"Carico\" }) { nodes { id subject } } }";
    let (statements, seen) = measure(&app, &proxy, &expert, filtered).await;
    assert_eq!((statements, seen.generic_reaches), (2, 1), "only the session: {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn figures_over_a_period_are_planned_for_their_values() {
    let Some((app, proxy, _)) = proxied_app().await else {
        crate::not_run::report(module_path!(), crate::not_run::NO_POSTGRES);
        return;
    };
    let director = app.login("dr.sardegna").await;
    let stats = "{ stats(unitCode: \"DR-SAR\", from: \"2026-11-01\", to: \"2026-11-30\") { \
        figures { quesiti { section received } } children { unit { code } figures { callbacks { requested } } } } }";
    // The quesito filed for the test left marks: the first request recounts them.
    measure(&app, &proxy, &director, stats).await;
    // The six reads of the region's figures, and the six of its children,
    // each on one connection handed out once with custom plans.
    let (statements, seen) = measure(&app, &proxy, &director, stats).await;
    assert_eq!(seen.custom_reaches, 2, "{seen:?} for {statements} statements");
    assert_eq!(seen.generic_reaches, 1, "only the session, looked up by key: {seen:?}");
    // The session, the unit, its children, and twice: whether the rollups
    // have marks, and the six reads in their transaction (BEGIN and COMMIT
    // round trips of their own; one reach and one ping for the eight).
    assert_eq!(statements, 3 + 2 * 7, "{seen:?}");
    assert_eq!(seen.pings, 3 + 2 * 2, "one ping per connection handed out: {seen:?}");
}

/// `host:port` of a `postgres://user@host:port/db` URL.
fn host_port(url: &str) -> String {
    let after_at = url.rsplit_once('@').map(|(_, rest)| rest).unwrap_or(url);
    after_at.split(['/', '?']).next().unwrap_or_default().to_owned()
}

/// A proxy before PostgreSQL counting the round trips clients start.
struct CountingProxy {
    port: u16,
    counters: Arc<[AtomicU64; 4]>,
}

/// Round trips seen: statements executed (the reach's included), pings, and
/// reaches that asked for generic plans and for custom ones.
#[derive(Clone, Copy, Debug)]
struct Counts {
    executions: u64,
    pings: u64,
    generic_reaches: u64,
    custom_reaches: u64,
}

impl Counts {
    fn since(self, before: Counts) -> Counts {
        Counts {
            executions: self.executions - before.executions,
            pings: self.pings - before.pings,
            generic_reaches: self.generic_reaches - before.generic_reaches,
            custom_reaches: self.custom_reaches - before.custom_reaches,
        }
    }
}

impl CountingProxy {
    async fn start(upstream: SocketAddr) -> CountingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let counters = Arc::new([AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)]);
        let shared = counters.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(relay(client, upstream, shared.clone()));
            }
        });
        CountingProxy { port, counters }
    }

    fn counts(&self) -> Counts {
        let [executions, pings, generic_reaches, custom_reaches] =
            self.counters.as_ref().each_ref().map(|c| c.load(Ordering::SeqCst));
        Counts { executions, pings, generic_reaches, custom_reaches }
    }
}

async fn relay(client: TcpStream, upstream: SocketAddr, counters: Arc<[AtomicU64; 4]>) {
    let Ok(server) = TcpStream::connect(upstream).await else { return };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upstream_bound = async move {
        let mut reader = MessageReader::default();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match client_read.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            for trip in reader.round_trips(&buf[..n]) {
                let counter = match trip {
                    RoundTrip::Execution { plans: None } => 0,
                    RoundTrip::Execution { plans: Some(mode) } => {
                        counters[mode].fetch_add(1, Ordering::SeqCst);
                        0
                    }
                    RoundTrip::Ping => 1,
                    RoundTrip::Other => continue,
                };
                counters[counter].fetch_add(1, Ordering::SeqCst);
            }
            if server_write.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    let downstream = async move {
        let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
    };
    tokio::join!(upstream_bound, downstream);
}

enum RoundTrip {
    /// A statement ran; `plans`: it wrote `plan_cache_mode = force_generic_plan`
    /// (2) or `force_custom_plan` (3), the index of the counter.
    Execution {
        plans: Option<usize>,
    },
    Ping,
    Other,
}

/// Splits the client's byte stream into protocol messages: the first is the
/// untyped start-up message (`sslmode=disable`, so no SSL request before it),
/// each later one a type byte and a length that counts itself.
#[derive(Default)]
struct MessageReader {
    started: bool,
    pending: Vec<u8>,
    /// Message types since the last `Sync`.
    group: Vec<u8>,
    /// The forced plan mode a `Bind` since the last `Sync` carried as a value.
    plans: Option<usize>,
}

impl MessageReader {
    fn round_trips(&mut self, bytes: &[u8]) -> Vec<RoundTrip> {
        self.pending.extend_from_slice(bytes);
        let mut trips = Vec::new();
        loop {
            let (header, kind) = if self.started { (5, self.pending.first().copied()) } else { (4, None) };
            if self.pending.len() < header {
                return trips;
            }
            let len_at = header - 4;
            let len = u32::from_be_bytes(self.pending[len_at..len_at + 4].try_into().unwrap()) as usize;
            if self.pending.len() < len_at + len {
                return trips;
            }
            let message: Vec<u8> = self.pending.drain(..len_at + len).collect();
            self.started = true;
            match kind {
                Some(b'Q') => trips.push(RoundTrip::Execution { plans: None }),
                Some(b'S') => {
                    let plans = self.plans.take();
                    trips.push(match std::mem::take(&mut self.group) {
                        group if group.is_empty() => RoundTrip::Ping,
                        group if group.contains(&b'E') => RoundTrip::Execution { plans },
                        _ => RoundTrip::Other,
                    })
                }
                Some(b'B') => {
                    let carries = |value: &[u8]| message.windows(value.len()).any(|w| w == value);
                    if carries(b"force_generic_plan") {
                        self.plans = Some(2);
                    } else if carries(b"force_custom_plan") {
                        self.plans = Some(3);
                    }
                    self.group.push(b'B');
                }
                Some(other) => self.group.push(other),
                None => {}
            }
        }
    }
}
