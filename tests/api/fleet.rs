//! The pieces of a small production run on this machine, for the
//! several-instances tests (`two_instances`): real server processes, a Redis
//! server of the test's own, and a webhook receiver that counts deliveries.

use std::collections::{HashMap, HashSet};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use tokio::sync::watch;

/// A port nothing listens on now (the OS's next free one).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Polls `probe` every 50 ms until it is true; the time it took, or `None` after `within`.
pub async fn time_until<F: std::future::Future<Output = bool>>(
    within: Duration,
    mut probe: impl FnMut() -> F,
) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < within {
        if probe().await {
            return Some(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

/// A `redis-server` on a free port, persisting every write (append-only file,
/// fsync always) so that a stop and restart keeps the sessions, like a
/// production Redis restarted for maintenance.
pub struct RedisServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

impl RedisServer {
    /// `None` when there is no `redis-server` binary on this machine.
    pub async fn start() -> Option<RedisServer> {
        let found = Command::new("redis-server").arg("--version").stdout(Stdio::null()).status();
        if !found.is_ok_and(|s| s.success()) {
            return None;
        }
        let mut server = RedisServer { port: free_port(), dir: tempfile::tempdir().unwrap(), child: None };
        server.restart().await;
        Some(server)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Stops it at once (SIGKILL): what the server instances see of a crash or a network cut.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it (again) on the same port and data directory; returns once it answers.
    pub async fn restart(&mut self) {
        self.stop();
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--save", ""])
            .args(["--appendonly", "yes", "--appendfsync", "always"])
            .arg("--dir")
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .spawn()
            .expect("start redis-server");
        self.child = Some(child);
        let port = self.port;
        let up = time_until(Duration::from_secs(10), || async move {
            tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok()
        })
        .await;
        assert!(up.is_some(), "redis-server did not start");
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One `api` server process (the real binary, as systemd would start it).
pub struct Instance {
    pub name: &'static str,
    pub address: String,
    pub mail_dir: PathBuf,
    child: Child,
}

impl Instance {
    /// Starts the binary with the base environment of every test instance plus
    /// `env`, and waits until `/healthz` answers.
    pub async fn start(name: &'static str, dir: &Path, env: &[(&str, String)]) -> Instance {
        api::outbox::transport::webhook::install_crypto_provider();
        let port = free_port();
        let mail_dir = dir.join(format!("mail-{name}"));
        let child = Command::new(env!("CARGO_BIN_EXE_api"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("HTTP_WORKERS", "2")
            .env("UI_DIR", dir.join("no-ui"))
            .env("SHUTDOWN_DRAIN_SECS", "0")
            .env("OUTBOX_MAIL_DIR", &mail_dir)
            .env("RUST_LOG", "error")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server binary");
        let instance = Instance { name, address: format!("http://127.0.0.1:{port}"), mail_dir, child };
        let address = instance.address.clone();
        let up = time_until(Duration::from_secs(120), || {
            let url = format!("{address}/healthz");
            async move { reqwest::get(url).await.is_ok_and(|r| r.status().is_success()) }
        })
        .await;
        assert!(up.is_some(), "instance {name} did not come up");
        instance
    }

    /// SIGKILL: the process dies on the spot, nothing is finished or recorded.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// `/readyz`'s status, or 0 when no answer came within 5 s.
    pub async fn readyz(&self) -> u16 {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
        match client.get(format!("{}/readyz", self.address)).send().await {
            Ok(res) => res.status().as_u16(),
            Err(_) => 0,
        }
    }

    pub async fn graphql(&self, token: Option<&str>, query: &str, variables: serde_json::Value) -> serde_json::Value {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
        let mut req = client.post(format!("{}/graphql", self.address));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.json(&serde_json::json!({ "query": query, "variables": variables })).send().await.unwrap();
        res.json().await.unwrap()
    }

    /// The ids of the e-mails this instance wrote (`<message id>.eml`).
    pub fn mailed_ids(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else { return Vec::new() };
        entries.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".eml").map(str::to_owned)).collect()
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A partner app's webhook endpoint that counts the requests it receives per
/// delivery id (`X-Accoglienza-Delivery`) and can hold them unanswered, to
/// catch a worker mid-delivery.
pub struct WebhookReceiver {
    pub url: String,
    held: watch::Sender<bool>,
    state: Arc<Mutex<Received>>,
}

#[derive(Default)]
struct Received {
    /// Requests per delivery id.
    counts: HashMap<String, usize>,
    /// Delivery ids whose request arrived and is not answered yet.
    unanswered: HashSet<String>,
}

impl WebhookReceiver {
    pub fn start() -> WebhookReceiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let (held, held_rx) = watch::channel(false);
        let state = Arc::new(Mutex::new(Received::default()));
        let shared = state.clone();
        let server = HttpServer::new(move || {
            let (state, held) = (shared.clone(), held_rx.clone());
            App::new().default_service(web::to(move |req: HttpRequest| {
                let (state, mut held) = (state.clone(), held.clone());
                async move {
                    let id = req
                        .headers()
                        .get("x-accoglienza-delivery")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    {
                        let mut s = state.lock().unwrap();
                        *s.counts.entry(id.clone()).or_insert(0) += 1;
                        s.unanswered.insert(id.clone());
                    }
                    let _ = held.wait_for(|h| !h).await;
                    state.lock().unwrap().unanswered.remove(&id);
                    HttpResponse::Ok().body("ok")
                }
            }))
        })
        .workers(1)
        .max_connections(1000)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        WebhookReceiver { url, held, state }
    }

    /// From now on requests wait unanswered until [`WebhookReceiver::release`].
    pub fn hold(&self) {
        self.held.send_replace(true);
    }

    pub fn release(&self) {
        self.held.send_replace(false);
    }

    pub fn unanswered(&self) -> HashSet<String> {
        self.state.lock().unwrap().unanswered.clone()
    }

    pub fn counts(&self) -> HashMap<String, usize> {
        self.state.lock().unwrap().counts.clone()
    }
}
