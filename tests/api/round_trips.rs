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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_statement_costs_the_reach_and_itself_and_no_ping() {
    let Some(Backend::Postgres { url, .. }) = Backend::postgres() else {
        crate::not_run::report(module_path!(), crate::not_run::NO_POSTGRES);
        return;
    };
    let upstream: SocketAddr = host_port(&url).parse().expect("TEST_DATABASE_URL names host:port");
    let proxy = CountingProxy::start(upstream).await;
    let through_proxy =
        format!("{}?sslmode=disable", url.replace(&host_port(&url), &format!("127.0.0.1:{}", proxy.port)));
    let backend = Backend::Postgres { url: through_proxy, redis_url: None };
    // Without Redis, so that resolving the session is a statement too.
    let app = TestApp::spawn(backend).await;
    let ccm = app.login("ccm.op").await;
    data(&file(&app, &ccm, filing(&app, &ccm, "DR-SAR", "Carico").await).await);
    let expert = app.login("cric.sardegna").await;

    for (what, query) in [("{ me }", "{ me { username } }"), ("the flat CRIC list", FLAT_CRIC_LIST)] {
        // The pings of the connections the previous request gave back come first.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let statements_before = app.state.statement_count.load(Ordering::SeqCst);
        let before = proxy.counts();
        data(&app.graphql(Some(&expert), query, json!({})).await);
        // The last connection's ping on release follows the answer.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let statements = app.state.statement_count.load(Ordering::SeqCst) - statements_before;
        let (executions, pings) = (proxy.counts().0 - before.0, proxy.counts().1 - before.1);
        assert!(statements >= 1, "{what}: at least the session is read");
        assert_eq!(executions, 2 * statements, "{what}: {executions} executions for {statements} statements");
        assert_eq!(pings, statements, "{what}: {pings} pings for {statements} statements");
    }
}

/// `host:port` of a `postgres://user@host:port/db` URL.
fn host_port(url: &str) -> String {
    let after_at = url.rsplit_once('@').map(|(_, rest)| rest).unwrap_or(url);
    after_at.split(['/', '?']).next().unwrap_or_default().to_owned()
}

/// A proxy before PostgreSQL counting the round trips clients start.
struct CountingProxy {
    port: u16,
    executions: Arc<AtomicU64>,
    pings: Arc<AtomicU64>,
}

impl CountingProxy {
    async fn start(upstream: SocketAddr) -> CountingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (executions, pings) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let counters = (executions.clone(), pings.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(relay(client, upstream, counters.clone()));
            }
        });
        CountingProxy { port, executions, pings }
    }

    /// Executions and pings so far.
    fn counts(&self) -> (u64, u64) {
        (self.executions.load(Ordering::SeqCst), self.pings.load(Ordering::SeqCst))
    }
}

async fn relay(client: TcpStream, upstream: SocketAddr, counters: (Arc<AtomicU64>, Arc<AtomicU64>)) {
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
                match trip {
                    RoundTrip::Execution => counters.0.fetch_add(1, Ordering::SeqCst),
                    RoundTrip::Ping => counters.1.fetch_add(1, Ordering::SeqCst),
                    RoundTrip::Other => 0,
                };
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
    Execution,
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
            self.pending.drain(..len_at + len);
            self.started = true;
            match kind {
                Some(b'Q') => trips.push(RoundTrip::Execution),
                Some(b'S') => trips.push(match std::mem::take(&mut self.group) {
                    group if group.is_empty() => RoundTrip::Ping,
                    group if group.contains(&b'E') => RoundTrip::Execution,
                    _ => RoundTrip::Other,
                }),
                Some(other) => self.group.push(other),
                None => {}
            }
        }
    }
}
