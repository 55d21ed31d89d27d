//! Builds the application: database, migrations, demo data, state, HTTP server.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, Service};
use actix_web::http::ConnectionType;
use actix_web::{App, HttpServer, web};
use tokio::sync::Notify;
use tracing_actix_web::TracingLogger;

use crate::config::Settings;
use crate::graphql::build_schema;
use crate::kernel::reach::Reach;
use crate::outbox::worker::WorkerHandle;
use crate::state::AppState;
use crate::{db, http, outbox, seed};

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    outbox_worker: Option<WorkerHandle>,
    stop: Arc<Notify>,
}

/// Asks a running [`Application`] to shut down as SIGTERM does (tests use it
/// to stop a server in the same process).
#[derive(Clone)]
pub struct StopHandle(Arc<Notify>);

impl StopHandle {
    pub fn stop(&self) {
        // A stored permit: works even before `run_until_stopped` waits for it.
        self.0.notify_one();
    }
}

impl Application {
    /// Connects, migrates, seeds (when asked) and binds; `BIND_ADDR` with port 0
    /// picks a free port (tests read it back with [`Application::port`]).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        outbox::transport::webhook::install_crypto_provider();
        crate::auth::password::return_large_blocks_to_the_os();
        db::migrate_as_owner(&settings).await?;
        let (db, statement_count) = db::connect_counted(&settings).await?;
        if settings.seed_demo {
            Reach::system().run(seed::demo::seed_if_empty(&db)).await?;
        }
        let workers = settings.http_workers;
        let listener = TcpListener::bind(&settings.bind_addr)?;
        let port = listener.local_addr()?.port();
        let state = AppState::new(settings, db).await?.with_statement_counter(statement_count);
        // Announces procure about to expire or expired (idempotent across instances).
        crate::procure::expiry::spawn(state.db.clone());
        // Alerts from time passing (idempotent across instances), and other instances' alerts over Redis.
        crate::alerts::scanner::spawn(&state);
        // Subscribed reports as periods end (one e-mail each, whichever instance finds it due).
        crate::monitoring::reports::job::spawn(&state);
        // Erases personal data past retention, daily (once across instances).
        crate::retention::spawn(state.db.clone(), state.settings.retention);
        if let Some(url) = &state.settings.redis_url {
            state.alerts.spawn_relay(url, &state.settings.redis_prefix);
        }
        let schema = build_schema(Some(state.clone()), state.settings.is_production());
        // The metrics recorder counts from the first request on (see http::metrics).
        crate::http::metrics::handle();
        let app_state = state.clone();
        let mut server = HttpServer::new(move || {
            let draining = app_state.draining.clone();
            App::new()
                // While draining, every answer closes its connection, so that
                // clients do not send more on a keep-alive connection about to close.
                .wrap_fn(move |req, srv| {
                    let draining = draining.load(std::sync::atomic::Ordering::Relaxed);
                    let answer = srv.call(req);
                    async move {
                        let mut res = answer.await?;
                        if draining {
                            res.response_mut().head_mut().set_connection_type(ConnectionType::Close);
                        }
                        Ok(res)
                    }
                })
                // Innermost first: headers on every answer, then compression
                // (as the client's Accept-Encoding allows), then the request log.
                .wrap(actix_web::middleware::from_fn(http::hardening::headers))
                .wrap(actix_web::middleware::Compress::default())
                .wrap(TracingLogger::<crate::telemetry::RootSpan>::new())
                .app_data(web::Data::new(app_state.clone()))
                .app_data(web::Data::new(schema.clone()))
                .configure(|cfg| http::routes(cfg, &app_state))
        })
        .listen(listener)?
        // Signals are handled in `run_until_stopped`: actix's own handling closes
        // the listener at once, resetting connections accepted but not yet read.
        .disable_signals()
        .shutdown_timeout(state.settings.shutdown_grace.as_secs());
        if let Some(workers) = workers {
            server = server.workers(workers);
        }
        let outbox_worker = if state.settings.outbox.worker {
            if state.settings.is_production() && state.settings.outbox.smtp_url.is_none() {
                tracing::warn!("APP_ENV=production without SMTP_URL: e-mails are written to OUTBOX_MAIL_DIR, not sent");
            }
            // Booking reminders and virtual-counter links are enqueued where notifications are delivered.
            crate::appointments::notifications::spawn(&state);
            Some(outbox::worker::spawn(&state)?)
        } else {
            tracing::info!("OUTBOX_WORKER is off: notifications are queued for a worker elsewhere");
            None
        };
        Ok(Application { port, server: server.run(), state, outbox_worker, stop: Arc::default() })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops this application like SIGTERM would, once it runs [`Application::run_until_stopped`].
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle(self.stop.clone())
    }

    /// Serves until SIGINT/SIGTERM (or [`StopHandle::stop`]), then shuts down
    /// without losing work:
    /// 1. draining: `/readyz` answers 503 (load balancers stop sending) and every
    ///    answer closes its connection, while requests are still accepted and
    ///    served for `SHUTDOWN_DRAIN_SECS`; meanwhile the outbox worker takes no
    ///    new message and records the attempts it has in flight;
    /// 2. the listener closes and requests in flight get up to
    ///    `SHUTDOWN_GRACE_SECS` to finish.
    ///
    /// The outbox goes first on purpose: on PostgreSQL, pooled connections opened
    /// by an HTTP worker belong to that worker's runtime and fail once it has
    /// stopped, so an attempt recorded after the HTTP server stopped could be lost
    /// (and the message sent again after its lease).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Application { mut server, state, outbox_worker, stop, .. } = self;
        let handle = server.handle();
        tokio::select! {
            // Ended by itself (e.g. it failed): nothing left to drain but the outbox.
            served = &mut server => {
                if let Some(worker) = outbox_worker {
                    worker.shutdown().await;
                }
                return served;
            }
            _ = shutdown_requested(&stop) => {}
        }
        let settings = &state.settings;
        tracing::info!(
            drain_secs = settings.shutdown_drain.as_secs(),
            grace_secs = settings.shutdown_grace.as_secs(),
            "shutdown requested: draining"
        );
        state.start_draining();
        let outbox = async {
            if let Some(worker) = outbox_worker {
                worker.shutdown().await;
            }
        };
        // The server future must keep being polled: it executes the stop command.
        let drained = async {
            futures::join!(outbox, tokio::time::sleep(settings.shutdown_drain));
            handle.stop(true).await;
        };
        let (served, ()) = futures::join!(server, drained);
        tracing::info!("stopped");
        served
    }
}

/// Resolves on SIGTERM, SIGINT (Ctrl-C) or a [`StopHandle::stop`].
async fn shutdown_requested(stop: &Notify) {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error.cause = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        _ = terminate => tracing::info!("SIGTERM received"),
        _ = tokio::signal::ctrl_c() => tracing::info!("SIGINT received"),
        _ = stop.notified() => tracing::info!("stop requested"),
    }
}
