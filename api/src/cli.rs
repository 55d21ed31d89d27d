//! Command line of the server binary.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "api", about = "Accoglienza API server", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start the server (the default).
    Serve,
    /// Apply or inspect database migrations.
    Migrate {
        #[arg(value_enum, default_value_t = MigrateAction::Up)]
        action: MigrateAction,
    },
    /// Write the GraphQL schema (SDL) to a file.
    ExportSchema {
        #[arg(long, default_value = "schema.graphql")]
        out: PathBuf,
    },
    /// Load the demo data into an empty database.
    SeedDemo,
    /// Fill an EMPTY database with the demo organisation and realistic data
    /// over a period (see docs/monitoring.md).
    GenerateData {
        /// 1 = the demo organisation (2 regions, 9 offices); 10 = national size
        /// (20 regions, about 100 provincial directorates and 400 offices).
        #[arg(long, default_value_t = 1)]
        scale: u32,
        /// Days of history before `--until`.
        #[arg(long, default_value_t = 365)]
        days: u32,
        /// Seed of the random generator: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// First day of open work (YYYY-MM-DD, Europe/Rome); default today.
        #[arg(long)]
        until: Option<chrono::NaiveDate>,
    },
    /// Benchmark the API against plain SQL on a fresh PostgreSQL database
    /// (see docs/performance.md).
    Bench(crate::bench::BenchOptions),
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Roll back the last migration.
    Down,
    /// List applied and pending migrations.
    Status,
}
