//! Builds the application: database, migrations, demo data, state, HTTP server.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use tracing_actix_web::TracingLogger;

use crate::config::Settings;
use crate::graphql::build_schema;
use crate::state::AppState;
use crate::outbox::worker::WorkerHandle;
use crate::{db, http, outbox, seed};

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    outbox_worker: Option<WorkerHandle>,
}

impl Application {
    /// Connects, migrates, seeds (when asked) and binds; `BIND_ADDR` with port 0
    /// picks a free port (tests read it back with [`Application::port`]).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        outbox::transport::webhook::install_crypto_provider();
        let (db, statement_count) = db::connect_counted(&settings).await?;
        db::migrate(&db).await?;
        if settings.seed_demo {
            seed::demo::seed_if_empty(&db).await?;
        }
        let workers = settings.http_workers;
        let listener = TcpListener::bind(&settings.bind_addr)?;
        let port = listener.local_addr()?.port();
        let state = AppState::new(settings, db).await?.with_statement_counter(statement_count);
        // Announces procure about to expire or expired (idempotent across instances).
        crate::procure::expiry::spawn(state.db.clone());
        let schema = build_schema(Some(state.clone()), state.settings.is_production());
        let app_state = state.clone();
        let mut server = HttpServer::new(move || {
            App::new()
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
        .shutdown_timeout(10);
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
        Ok(Application { port, server: server.run(), state, outbox_worker })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGINT/SIGTERM, then lets in-flight requests finish and
    /// the outbox worker record the attempts it has in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        if let Some(worker) = self.outbox_worker {
            worker.shutdown().await;
        }
        served
    }
}
