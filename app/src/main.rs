//! The `peerview` binary: the desktop app (default) and the command line for scripts, servers
//! and tests. The only crate that knows egui, the command line and where data lives on disk.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use peerview::cli::{Command, HubCommand, ReviewerCommand};
use peerview::commands::{self, p2p, record};
use peerview::i18n::{self, Lang};
use peerview::{gui, paths, tr};

fn main() -> ExitCode {
    // The language before the arguments are parsed, so that `--help` speaks it too.
    i18n::set_default(language(early_data_dir().as_deref()));
    let cli = peerview::cli::parse();
    let default_level =
        if matches!(cli.command, Some(Command::Serve { .. } | Command::Relay { .. })) { "info" } else { "warn" };
    init_tracing(default_level);
    let relay = peerview::ops::Net { relay: cli.relay, lan_discovery: cli.lan_discovery, relay_ca: cli.relay_ca };
    let result = paths::data_dir(cli.data_dir).and_then(|data_dir| {
        // Absolute: the recordings store refuses relative paths, and a node must not depend
        // on the directory it was started from.
        let data_dir = std::path::absolute(&data_dir).map_err(|e| {
            anyhow::anyhow!(tr!("cli-data-dir-error", dir = data_dir.display().to_string(), error = e.to_string()))
        })?;
        let d = &data_dir;
        i18n::set_default(language(Some(d)));
        match cli.command {
            None => gui::run(d, relay, None, false, None),
            Some(Command::Gui { ticket, synthetic_devices, bind }) => {
                gui::run(d, relay, ticket, synthetic_devices, bind)
            }
            Some(Command::Campaign(cmd)) => commands::campaign::run(d, cmd),
            Some(Command::Serve { bind, replicate_every }) => {
                p2p::serve(d, relay.clone(), bind, Duration::from_secs(replicate_every.max(1)))
            }
            Some(Command::Relay {
                cert,
                key,
                acme_hostname,
                acme_contact,
                acme_staging,
                http_bind,
                https_bind,
                quic_bind,
            }) => {
                use peerview::ops::relay::{PLAIN_HTTP_PORT, RelayOptions, RelayTls};
                let tls = match (cert, key, acme_contact) {
                    (Some(cert), Some(key), _) => RelayTls::Files { cert, key },
                    (_, _, Some(contact)) if !acme_hostname.is_empty() => RelayTls::Acme {
                        hostnames: acme_hostname,
                        contact,
                        cache: d.join("relay-acme"),
                        staging: acme_staging,
                    },
                    _ => RelayTls::Plain,
                };
                let plain = matches!(tls, RelayTls::Plain);
                let any = |port: u16| SocketAddr::from(([0, 0, 0, 0], port));
                let options = RelayOptions {
                    tls,
                    http_bind: http_bind.unwrap_or_else(|| any(if plain { PLAIN_HTTP_PORT } else { 80 })),
                    https_bind: https_bind.unwrap_or_else(|| any(443)),
                    quic_bind: quic_bind.unwrap_or_else(|| any(iroh_relay::defaults::DEFAULT_RELAY_QUIC_PORT)),
                };
                p2p::relay(&options)
            }
            Some(Command::Invite { campaign, name, email }) => p2p::invite(d, &campaign, &name, email.as_deref()),
            Some(Command::Reviewer(ReviewerCommand::Invite { campaign, name })) => {
                p2p::invite_reviewer(d, &campaign, &name)
            }
            Some(Command::Hub(HubCommand::Invite { campaign, name })) => p2p::invite_hub(d, &campaign, &name),
            Some(Command::Revoke { campaign, invitee }) => p2p::revoke(d, &campaign, &invitee),
            Some(Command::Delete { candidate, campaign }) => {
                commands::lifecycle::delete(d, campaign.as_deref(), &candidate)
            }
            Some(Command::Withdraw { campaign, wait }) => {
                commands::lifecycle::withdraw(d, relay, &campaign, Duration::from_secs(wait))
            }
            Some(Command::Audit) => commands::lifecycle::audit(d),
            Some(Command::Message { target, text, extension, extra_time, extra_takes, wait }) => {
                use peerview_sync::doc::RequestKind;
                let request = match (extension, extra_time, extra_takes) {
                    (Some(days), _, _) => Some(RequestKind::Extension { days }),
                    (None, None, None) => None,
                    (None, p, t) => Some(RequestKind::Accommodation {
                        extra_time_percent: p.unwrap_or(0),
                        extra_takes: t.unwrap_or(0),
                    }),
                };
                commands::messages::message(d, relay, &target, &text, request, Duration::from_secs(wait))
            }
            Some(Command::Grant { candidate, request, days, extra_time, extra_takes, note }) => {
                use peerview_sync::doc::RequestKind;
                let amount = match (days, extra_time, extra_takes) {
                    (Some(days), _, _) => Some(RequestKind::Extension { days }),
                    (None, None, None) => None,
                    (None, p, t) => Some(RequestKind::Accommodation {
                        extra_time_percent: p.unwrap_or(0),
                        extra_takes: t.unwrap_or(0),
                    }),
                };
                commands::messages::answer_request(d, &candidate, request.as_deref(), true, amount, &note)
            }
            Some(Command::Decline { candidate, request, reason }) => {
                commands::messages::answer_request(d, &candidate, request.as_deref(), false, None, &reason)
            }
            Some(Command::Join { ticket }) => p2p::join(d, relay, &ticket),
            Some(Command::Answer { campaign, question, file, text, record, video, audio, seconds }) => {
                let recording = record.then_some(p2p::RecordRequest { video, audio, seconds });
                p2p::answer(d, relay, &campaign, &question, file, text, recording)
            }
            Some(Command::Submit { campaign, wait }) => p2p::submit(d, relay, &campaign, Duration::from_secs(wait)),
            Some(Command::Status) => p2p::status(d),
            Some(Command::Sync { wait, watch }) => p2p::sync(d, relay, Duration::from_secs(wait), watch),
            Some(Command::Review { submission, scores, submit_scores, comment, question, at, decide, message }) => {
                let args = commands::review::ReviewArgs {
                    scores,
                    submit_scores,
                    comment,
                    question,
                    at_secs: at,
                    decide,
                    message,
                };
                commands::review::review(d, &submission, args)
            }
            Some(Command::ExportRecording { hash, out }) => p2p::export_recording(d, &hash, &out),
            Some(Command::Play { file, speed, from, device }) => commands::playback::play(&file, speed, from, device),
            Some(Command::Export { submission, dir }) => commands::playback::export(d, &submission, &dir),
            Some(Command::Devices) => {
                record::devices();
                Ok(())
            }
            Some(Command::Record { video, audio, size, fps, seconds, out }) => {
                let format = peerview_media::source::VideoFormat { width: size.0, height: size.1, fps };
                record::record(d, &video, &audio, format, seconds, &out)
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(code) = p2p::exit_code_for(&e) {
                eprintln!("{}", tr!("cli-not-sent", error = format!("{e:#}")));
                return ExitCode::from(code);
            }
            eprintln!("{}", tr!("cli-error", error = format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The networking crates log what is normal on the internet (no relay reachable while offline,
/// a relay channel closing as a command exits, address publishing failing) at WARN and ERROR.
/// Peerview reports those conditions itself as state ("offline", "not sent yet"), and any real
/// failure comes back to it as an error; so by default they are quiet.
const QUIET_NETWORK_LOGS: &str = "iroh=off,iroh_relay=off,iroh_blobs=error,iroh_mdns_address_lookup=off,noq=off,noq_proto=off,pkarr=off,swarm_discovery=off,portmapper=off,n0_watcher=off";

/// The window stack warns about what is normal on a desktop: a software renderer, a clipboard
/// protocol the compositor lacks (another one is used), a locale it cannot parse ("C").
const QUIET_WINDOW_LOGS: &str =
    "arboard=off,egui_winit::clipboard=error,egui_system_font_provider=error,egui_wgpu=error";

/// Logs go to stderr; `RUST_LOG` (e.g. `RUST_LOG=debug`) overrides the default level.
fn init_tracing(default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new(format!("{default_level},{QUIET_NETWORK_LOGS},{QUIET_WINDOW_LOGS}"))
    });
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).init();
}

/// The language to speak: `PEERVIEW_LANG`, else the one chosen in the app (the data directory's
/// settings), else the system's.
fn language(data_dir: Option<&std::path::Path>) -> Lang {
    if let Some(lang) = std::env::var("PEERVIEW_LANG").ok().as_deref().and_then(Lang::parse) {
        return lang;
    }
    data_dir
        .and_then(|d| peerview::settings::Settings::load(d).ok())
        .and_then(|s| s.language)
        .unwrap_or_else(i18n::system)
}

/// The data directory as the arguments will name it, read before they are parsed (for the
/// language of `--help` and of clap's messages): `--data-dir DIR`, else the default.
fn early_data_dir() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    let mut explicit = None;
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            explicit = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            explicit = Some(PathBuf::from(dir));
        }
    }
    let from_env = std::env::var_os("PEERVIEW_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
    paths::data_dir(explicit.or(from_env)).ok()
}
