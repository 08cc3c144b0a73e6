//! The `peerview` binary: the desktop app (default) and the command line for scripts, servers
//! and tests. The only crate that knows egui, the command line and where data lives on disk.

mod campaign_file;
mod commands;
mod fmt;
mod gui;
mod paths;
mod settings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Peer-to-peer, local-first one-way video interviews.
///
/// Employers create campaigns and invite candidates; candidates record their answers on their own
/// time, even offline; reviewers watch, rate and decide. With no command, the desktop app opens.
#[derive(Parser, Debug)]
#[command(name = "peerview", version, about, long_about)]
struct Cli {
    /// Where Peerview keeps its data (default: $`XDG_DATA_HOME/peerview` or ~/.local/share/peerview).
    #[arg(long, global = true, env = "PEERVIEW_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Open the desktop app (the default when no command is given).
    Gui,
    /// Create, list, show and export campaigns (employer).
    #[command(subcommand)]
    Campaign(commands::campaign::CampaignCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let result = paths::data_dir(cli.data_dir).and_then(|data_dir| match cli.command {
        None | Some(Command::Gui) => gui::run(&data_dir),
        Some(Command::Campaign(cmd)) => commands::campaign::run(&data_dir, cmd),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr; `RUST_LOG` (e.g. `RUST_LOG=debug`) overrides the default level.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}
