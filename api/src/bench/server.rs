//! The API under measurement, as a child process of the bench: its resident
//! memory is its own (the bench's client, generator and direct SQL are not in it).

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context as _;

pub struct Server {
    child: tokio::process::Child,
    pub url: String,
}

impl Server {
    /// Starts `api serve` (this executable) on a free loopback port, working
    /// in `schema` of `database_url` (and with `redis_url`, under a prefix of
    /// its own), and waits until `/readyz` answers 200.
    pub async fn start(database_url: &str, schema: &str, redis_url: Option<&str>) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let exe = std::env::current_exe().context("the bench's own executable")?;
        let mut command = tokio::process::Command::new(exe);
        match redis_url {
            Some(url) => command.env("REDIS_URL", url).env("REDIS_PREFIX", format!("bench-{port}:")),
            None => command.env_remove("REDIS_URL"),
        };
        let child = command
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("DATABASE_SCHEMA", schema)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("SEED_DEMO", "false")
            .env("OUTBOX_WORKER", "false")
            .env("APPOINTMENT_SCHEDULER_SECS", "0")
            .env("HTTP_WORKERS", "2")
            .env("RUST_LOG", "warn")
            .env_remove("DATABASE_MIGRATION_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .context("start the server")?;
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Ok(res) = http.get(format!("{base}/readyz")).send().await
                && res.status().is_success()
            {
                break;
            }
            if started.elapsed() > Duration::from_secs(60) {
                anyhow::bail!("the server did not become ready within 60 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(Server { child, url: format!("{base}/graphql") })
    }

    /// Resident memory now and at its peak (`VmRSS`, `VmHWM` of /proc), in MB.
    pub fn memory_mb(&self) -> Option<(f64, f64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()?)).ok()?;
        let kb = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        };
        Some((kb("VmRSS:")? / 1024.0, kb("VmHWM:")? / 1024.0))
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
