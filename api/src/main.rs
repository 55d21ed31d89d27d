use clap::Parser;

use api::cli::{Cli, Command, MigrateAction};
use api::config::Settings;
use api::startup::Application;
use migration::{Migrator, MigratorTrait};

/// mimalloc instead of glibc's malloc: a profile of the server under the benchmark's load
/// showed `malloc`/`free` at about a fifth of its CPU (docs/performance.md), most of it the
/// many small, short-lived allocations of resolving a GraphQL response.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::from_env()?;
    api::telemetry::init(settings.is_production());
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "Accoglienza is listening");
            app.run_until_stopped().await?;
        }
        Command::Migrate { action } => {
            let db = api::db::connect_owner(&settings).await?;
            match action {
                MigrateAction::Up => Migrator::up(&db, None).await?,
                MigrateAction::Down => Migrator::down(&db, Some(1)).await?,
                MigrateAction::Status => Migrator::status(&db).await?,
            }
        }
        Command::ExportSchema { out } => {
            std::fs::write(&out, api::graphql::sdl())?;
            println!("wrote {}", out.display());
        }
        Command::SeedDemo => {
            let db = api::db::connect_owner(&settings).await?;
            api::db::migrate(&db).await?;
            let loaded = api::seed::demo::seed_if_empty(&db).await?;
            println!("{}", if loaded { "demo data loaded" } else { "database not empty: nothing loaded" });
        }
        Command::GenerateData { scale, days, seed, until } => {
            let db = api::db::connect_owner(&settings).await?;
            api::db::migrate(&db).await?;
            let until = until.unwrap_or_else(|| api::appointments::domain::rome_date(chrono::Utc::now()));
            let started = std::time::Instant::now();
            let opts = api::seed::generate::GenerateOptions { scale, days, seed, until };
            let made = api::seed::generate::generate(&db, &opts).await?;
            println!("{made:?} in {:.1} s", started.elapsed().as_secs_f64());
        }
        Command::Bench(opts) => {
            api::bench::run(settings, opts).await?;
        }
    }
    Ok(())
}
