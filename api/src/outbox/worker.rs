//! The delivery worker: claims due messages under a lease, delivers them,
//! records each attempt, schedules retries with back-off, and gives up after
//! `OUTBOX_MAX_ATTEMPTS`.
//!
//! Several instances may run at once: a claim is a compare-and-set on the row
//! (see [`store::claim_due`]), so no two workers hold the same message. A worker
//! that dies mid-send leaves a `SENDING` row whose lease expires; the next
//! worker claims it again. Delivery is therefore at least once; a duplicate
//! needs a crash between the receiver's acceptance and the database commit.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::StreamExt;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::domain::{AfterFailure, DeliveryOutcome, RetryPolicy, random_jitter};
use super::store::{self, AttemptRecord, Claim};
use super::transport::Transports;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Most messages claimed per poll.
pub const BATCH_SIZE: u64 = 16;
/// Most deliveries in flight at once per worker (one slow receiver must not block the rest).
pub const CONCURRENCY: usize = 4;

pub struct Worker {
    db: DatabaseConnection,
    transports: Arc<Transports>,
    lease: Duration,
    policy: RetryPolicy,
}

impl Worker {
    pub fn new(state: &AppState) -> anyhow::Result<Self> {
        let settings = &state.settings.outbox;
        Ok(Worker {
            db: state.db.clone(),
            transports: Arc::new(Transports::from_settings(settings)?),
            lease: settings.lease,
            policy: RetryPolicy { base: settings.retry_base, max_attempts: settings.max_attempts },
        })
    }

    /// One pass: claims what is due now and attempts it. Returns how many
    /// messages were attempted (0 = nothing was due).
    pub async fn drain_once(&self) -> AppResult<usize> {
        self.drain_at(Utc::now()).await
    }

    /// [`Worker::drain_once`] as if the clock read `now` (tests use it to step
    /// past a lease or a retry delay without waiting).
    pub async fn drain_at(&self, now: DateTime<Utc>) -> AppResult<usize> {
        let claims = store::claim_due(&self.db, now, self.lease, BATCH_SIZE).await?;
        let attempted = claims.len();
        let results: Vec<AppResult<()>> = futures::stream::iter(claims)
            .map(|claim| self.attempt(claim, now))
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        // Failures to record were logged where they happened; the lease will
        // bring those messages back.
        let _ = results;
        Ok(attempted)
    }

    async fn attempt(&self, claim: Claim, claimed_at: DateTime<Utc>) -> AppResult<()> {
        let started = Instant::now();
        let result = self.transports.deliver(&claim.message).await;
        let elapsed = started.elapsed();
        let now = claimed_at + chrono::Duration::from_std(elapsed).unwrap_or_default();
        let duration_ms = Some(i32::try_from(elapsed.as_millis()).unwrap_or(i32::MAX));
        let attempts = u32::try_from(claim.attempt()).unwrap_or(u32::MAX);
        let rec = match result {
            Ok(ok) => AttemptRecord {
                outcome: DeliveryOutcome::Sent,
                retry_at: None,
                status_code: ok.status_code,
                response: ok.response,
                error: None,
                duration_ms,
            },
            Err(failure) => {
                let (outcome, retry_at) = match self.policy.after_failure(attempts, failure.permanent, random_jitter())
                {
                    AfterFailure::RetryIn(delay) => (
                        DeliveryOutcome::Retry,
                        Some(now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(6))),
                    ),
                    AfterFailure::GiveUp => (DeliveryOutcome::Failed, None),
                };
                AttemptRecord {
                    outcome,
                    retry_at,
                    status_code: failure.status_code,
                    response: failure.response,
                    error: Some(failure.error),
                    duration_ms,
                }
            }
        };
        let outcome = rec.outcome;
        let held = store::record_attempt(&self.db, &claim, rec, now).await?;
        tracing::info!(
            outbox.message_id = %claim.message.id,
            outbox.channel = %claim.message.channel,
            outbox.attempt = claim.attempt(),
            outbox.outcome = outcome.as_str(),
            "outbox delivery attempt"
        );
        if !held {
            tracing::warn!(outbox.message_id = %claim.message.id, "outbox lease lost before the outcome was recorded");
        }
        Ok(())
    }
}

/// [`Worker::drain_once`] with a worker built from the server state: what
/// tests call to deliver deterministically.
pub async fn drain_once(state: &AppState) -> AppResult<usize> {
    Worker::new(state).map_err(AppError::internal)?.drain_once().await
}

/// The running background worker; dropping it stops the worker too.
pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl WorkerHandle {
    /// Asks the worker to stop and waits for the attempts in flight to be
    /// recorded (each is bounded by its transport's timeout).
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        if let Err(err) = self.task.await {
            tracing::error!(error.cause = ?err, "outbox worker ended abnormally");
        }
    }
}

/// Starts the background worker: a pass every `OUTBOX_POLL_MS`, at once again
/// while passes come back full.
pub fn spawn(state: &AppState) -> anyhow::Result<WorkerHandle> {
    let worker = Worker::new(state)?;
    let poll = state.settings.outbox.poll_interval;
    let (stop, mut stopped) = watch::channel(false);
    // The worker acts for nobody in particular: it sees every row (crate::kernel::reach).
    let task = tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        tracing::info!(smtp = worker.transports.email.is_smtp(), "outbox worker started");
        loop {
            let full = match worker.drain_once().await {
                Ok(n) => n as u64 >= BATCH_SIZE,
                // Already logged (AppError::internal); try again after the pause.
                Err(_) => false,
            };
            if *stopped.borrow() {
                break;
            }
            if full {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                // A stop request, or the handle was dropped.
                _ = stopped.changed() => break,
            }
        }
        tracing::info!("outbox worker stopped");
    }));
    Ok(WorkerHandle { stop, task })
}
