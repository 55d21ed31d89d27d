//! Latency and throughput of one operation under a bounded, concurrent load.

use std::time::{Duration, Instant};

use futures::StreamExt;

/// Latency distribution of one measured operation.
#[derive(Clone, Debug)]
pub struct Measured {
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub per_second: f64,
}

fn summarise(mut samples: Vec<Duration>, wall: Duration) -> Measured {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() as f64 * q).ceil() as usize).saturating_sub(1).min(samples.len().saturating_sub(1));
        samples.get(i).copied().unwrap_or_default()
    };
    Measured {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        per_second: samples.len() as f64 / wall.as_secs_f64().max(1e-9),
    }
}

/// Runs `op` `n` times with `concurrency` in flight, after a short warm-up.
pub async fn measure<F, Fut>(n: usize, concurrency: usize, op: F) -> anyhow::Result<Measured>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    // Warm-up: caches, prepared statements, connections.
    for _ in 0..5 {
        op().await?;
    }
    let started = Instant::now();
    let samples: Vec<anyhow::Result<Duration>> = futures::stream::iter(0..n)
        .map(|_| {
            let fut = op();
            async move {
                let t = Instant::now();
                fut.await?;
                Ok(t.elapsed())
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let wall = started.elapsed();
    let samples = samples.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    Ok(summarise(samples, wall))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A GraphQL client of one endpoint (the API or the peer).
pub struct Client {
    pub http: reqwest::Client,
    pub url: String,
}

impl Client {
    pub fn new(url: String) -> Self {
        Client { http: reqwest::Client::new(), url }
    }

    pub async fn graphql(
        &self,
        token: Option<&str>,
        query: &str,
        variables: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let mut req = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&serde_json::json!({ "query": query, "variables": variables }))?);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let body = req.send().await?.bytes().await?;
        let value: serde_json::Value = serde_json::from_slice(&body)?;
        if value.get("errors").is_some() {
            anyhow::bail!("GraphQL errors from {}: {value}", self.url);
        }
        Ok(value)
    }

    pub async fn login(&self, username: &str) -> anyhow::Result<String> {
        use anyhow::Context as _;
        let res = self
            .graphql(
                None,
                "mutation($u: String!) { login(username: $u, password: \"demo\") { token } }",
                serde_json::json!({ "u": username }),
            )
            .await?;
        res["data"]["login"]["token"].as_str().map(str::to_owned).context("no token")
    }
}
