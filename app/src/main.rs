//! The `peerview` binary: the desktop app (default) and the command line for scripts, servers
//! and tests. The only crate that knows egui, the command line and where data lives on disk.

use peerview::commands::{self, p2p, record};
use peerview::{gui, paths};

/// `1280x720` -> (1280, 720); even sizes only (the encoder needs them).
fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once('x').ok_or_else(|| format!("{s:?}: use WIDTHxHEIGHT, e.g. 1280x720"))?;
    let (w, h): (u32, u32) =
        (w.parse().map_err(|_| format!("bad width in {s:?}"))?, h.parse().map_err(|_| format!("bad height in {s:?}"))?);
    if w < 16 || h < 16 || w > 3840 || h > 2160 || w % 2 == 1 || h % 2 == 1 {
        return Err(format!("{s:?}: width and height must be even, from 16x16 to 3840x2160"));
    }
    Ok((w, h))
}

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

/// Peer-to-peer, local-first one-way video interviews.
///
/// Employers create campaigns and invite candidates; candidates record their answers on their own
/// time, even offline; reviewers watch, rate and decide. With no command, the desktop app opens.
#[derive(Parser, Debug)]
#[command(name = "peerview", version, about, long_about)]
struct Cli {
    /// Where Peerview keeps its data (default: $`XDG_DATA_HOME/peerview` or ~/.local/share/peerview;
    /// %APPDATA%\Peerview on Windows, ~/Library/Application Support/Peerview on macOS).
    #[arg(long, global = true, env = "PEERVIEW_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Relays: `default` (iroh's public relays), `disabled` (direct addresses only), or a URL.
    #[arg(long, global = true, env = "PEERVIEW_RELAY", value_name = "MODE", default_value = "default")]
    relay: peerview_sync::node::RelaySetting,

    /// Trust this CA certificate (PEM) for the relay: a self-hosted relay whose certificate
    /// was not signed by a public authority.
    #[arg(long, global = true, env = "PEERVIEW_RELAY_CA", value_name = "FILE")]
    relay_ca: Option<PathBuf>,

    /// Find and announce Peerview nodes on the local network (mDNS): an office node whose
    /// address changed is still found by its id.
    #[arg(long, global = true, env = "PEERVIEW_LAN_DISCOVERY")]
    lan_discovery: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Open the desktop app (the default when no command is given).
    Gui {
        /// An invite ticket to open (candidates).
        ticket: Option<String>,
        /// Use a test-pattern camera and a tone microphone instead of real devices.
        #[arg(long)]
        synthetic_devices: bool,
        /// Where the employer node listens (default 0.0.0.0:47100).
        #[arg(long, value_name = "ADDR")]
        bind: Option<SocketAddr>,
    },
    /// Create, list, show and export campaigns (employer).
    #[command(subcommand)]
    Campaign(commands::campaign::CampaignCommand),
    /// Run the headless employer node: accepts candidates and reviewers until stopped.
    Serve {
        /// Address to listen on (default 0.0.0.0:47100; e.g. 127.0.0.1:0 for tests).
        #[arg(long, value_name = "ADDR")]
        bind: Option<SocketAddr>,
        /// On a hub (joined with a `pvhub1` ticket): seconds between replications with the
        /// other employer-side nodes.
        #[arg(long, value_name = "SECS", default_value_t = 10)]
        replicate_every: u64,
    },
    /// Run a relay of your own (an iroh relay server): nodes that cannot reach each other
    /// directly meet through it. Every node then uses `--relay URL`; tickets carry it.
    Relay {
        /// A TLS certificate chain (PEM) for the relay's hostname; with --key.
        #[arg(long, value_name = "FILE", requires = "key", conflicts_with = "acme_hostname")]
        cert: Option<PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, value_name = "FILE", requires = "cert")]
        key: Option<PathBuf>,
        /// Get a certificate from Let's Encrypt for this public hostname (ports 80 and 443 must
        /// reach this machine); repeatable.
        #[arg(long = "acme-hostname", value_name = "HOST", requires = "acme_contact")]
        acme_hostname: Vec<String>,
        /// The email address Let's Encrypt may write to about the certificate.
        #[arg(long, value_name = "EMAIL")]
        acme_contact: Option<String>,
        /// Use Let's Encrypt's staging service (for trying it out).
        #[arg(long)]
        acme_staging: bool,
        /// Plain-HTTP address (default 0.0.0.0:3340 without TLS, 0.0.0.0:80 with TLS).
        #[arg(long, value_name = "ADDR")]
        http_bind: Option<SocketAddr>,
        /// HTTPS address, with TLS (default 0.0.0.0:443).
        #[arg(long, value_name = "ADDR")]
        https_bind: Option<SocketAddr>,
        /// QUIC address discovery, with TLS (default 0.0.0.0:7842).
        #[arg(long, value_name = "ADDR")]
        quic_bind: Option<SocketAddr>,
    },
    /// Invite a candidate to a campaign: prints the ticket to send them.
    Invite {
        /// The campaign id (a unique prefix is enough).
        campaign: String,
        /// The candidate's name, as reviewers will see it.
        #[arg(long)]
        name: String,
        /// The candidate's email address, for your records.
        #[arg(long)]
        email: Option<String>,
    },
    /// Reviewer invites.
    #[command(subcommand)]
    Reviewer(ReviewerCommand),
    /// Other employer-side nodes (an office machine, a colleague's laptop) that hold a full
    /// replica and accept candidates when this one is off.
    #[command(subcommand)]
    Hub(HubCommand),
    /// Withdraw a candidate's, reviewer's or hub's invite: their computer is refused from then on.
    Revoke {
        campaign: String,
        /// The candidate, reviewer or hub id (see `campaign show`).
        invitee: String,
    },
    /// Delete a candidate's submission everywhere (employer side): here at once, on hubs and
    /// reviewers' computers at their next sync. Documents, reviews, recordings, name and email
    /// go; only ids stay, so an offline copy cannot come back.
    Delete {
        /// The candidate's id (or a unique prefix), name or email.
        candidate: String,
        /// The campaign (id or prefix), if the candidate is in several.
        #[arg(long)]
        campaign: Option<String>,
    },
    /// Withdraw from a campaign (candidate): asks the employer side to delete your submission
    /// and recordings; `peerview status` shows the receipt when it is done.
    Withdraw {
        campaign: String,
        /// Keep trying to reach the employer for this many seconds before leaving it for the
        /// next sync.
        #[arg(long, value_name = "SECS", default_value_t = 30)]
        wait: u64,
    },
    /// The audit log of this computer: deletions, withdrawals and exports (ids and times only).
    Audit,
    /// Write to the other side. A candidate: `message CAMPAIGN "text"` (with --extension DAYS,
    /// or --extra-time PERCENT / --extra-takes N, it asks for that). The employer side:
    /// `message CANDIDATE "text"` (id, name or email). It goes with the next sync.
    Message {
        /// The campaign (candidate) or the candidate (employer side).
        target: String,
        /// What to say (for a request: why).
        text: String,
        /// Candidate: ask for this many more days before the deadline.
        #[arg(long, value_name = "DAYS", conflicts_with_all = ["extra_time", "extra_takes"])]
        extension: Option<u32>,
        /// Candidate: ask for this much more time to think and answer, in percent.
        #[arg(long, value_name = "PERCENT")]
        extra_time: Option<u32>,
        /// Candidate: ask for this many more takes per question.
        #[arg(long, value_name = "N")]
        extra_takes: Option<u32>,
        /// Keep trying to reach the employer for this many seconds (candidate, reviewer).
        #[arg(long, value_name = "SECS", default_value_t = 30)]
        wait: u64,
    },
    /// Grant a candidate's request (employer side): what was asked is added to their
    /// accommodations and they are told.
    Grant {
        candidate: String,
        /// The request's id (see `peerview status`); needed only if several are open.
        #[arg(long)]
        request: Option<String>,
        /// Grant this many days instead of what was asked (an extension request).
        #[arg(long, value_name = "DAYS", conflicts_with_all = ["extra_time", "extra_takes"])]
        days: Option<u32>,
        /// Grant this much more time, in percent, instead (an accommodation request).
        #[arg(long, value_name = "PERCENT")]
        extra_time: Option<u32>,
        /// Grant this many more takes instead (an accommodation request).
        #[arg(long, value_name = "N")]
        extra_takes: Option<u32>,
        /// Something to say with it.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Decline a candidate's request (employer side), with the reason they will read.
    Decline {
        candidate: String,
        #[arg(long)]
        request: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// Join with an invite ticket (candidate, reviewer or hub): fetches the campaign.
    Join {
        /// The ticket, as received.
        ticket: String,
    },
    /// Keep an answer (candidate): a recording file for video/audio questions, or text.
    Answer {
        campaign: String,
        /// The question's id (shown by `join`).
        question: String,
        /// A recorded take (MP4).
        #[arg(long, value_name = "TAKE.mp4", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// A written answer.
        #[arg(long)]
        text: Option<String>,
        /// Record the take now (headless: test pattern and tone unless told otherwise).
        #[arg(long, conflicts_with_all = ["file", "text"])]
        record: bool,
        /// With --record: test-pattern, camera[:INDEX] or none.
        #[arg(long, requires = "record")]
        video: Option<record::VideoChoice>,
        /// With --record: tone, wav:FILE, mic[:NAME] or none.
        #[arg(long, requires = "record", default_value = "tone")]
        audio: record::AudioChoice,
        /// With --record: seconds to record (at most the question's limit; default the limit).
        #[arg(long, requires = "record")]
        seconds: Option<f64>,
    },
    /// Submit your answers (candidate) and send them to the employer.
    Submit {
        campaign: String,
        /// Keep trying to reach the employer for this many seconds before giving up for now.
        #[arg(long, value_name = "SECS", default_value_t = 30)]
        wait: u64,
    },
    /// The state of the submissions on this computer.
    Status,
    /// Sync once with every employer this computer joined; exits when done.
    Sync {
        /// Keep trying unreachable employers for this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 0)]
        wait: u64,
        /// Keep running: sync every 10 s (backing off while the employer is unreachable).
        #[arg(long)]
        watch: bool,
    },
    /// Record one take headlessly (scripts, tests): fragmented MP4, H.264 + Opus.
    Record {
        /// test-pattern, camera[:INDEX] or none.
        #[arg(long, default_value = "test-pattern")]
        video: record::VideoChoice,
        /// tone, wav:FILE, mic[:NAME] or none.
        #[arg(long, default_value = "tone")]
        audio: record::AudioChoice,
        /// Picture size, e.g. 1280x720.
        #[arg(long, default_value = "1280x720", value_parser = parse_size)]
        size: (u32, u32),
        #[arg(long, default_value_t = 30)]
        fps: u32,
        /// Length of the take.
        #[arg(long)]
        seconds: f64,
        /// The MP4 file to write.
        out: PathBuf,
    },
    /// List the cameras and microphones a take can be recorded from.
    Devices,
    /// Play a recording (MP4) through the speakers, from the command line.
    Play {
        file: PathBuf,
        /// Playback speed: 1, 1.5 or 2 (the voice keeps its pitch).
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
        /// Start this many seconds in.
        #[arg(long, value_name = "SECS", default_value_t = 0.0)]
        from: f64,
        /// An output device by name (default: the system's).
        #[arg(long)]
        device: Option<String>,
    },
    /// Export a submission for someone without Peerview: each answer as a standard MP4, plus
    /// summary.json and summary.md.
    Export {
        /// A candidate id (or unique prefix), a candidate's name, or (candidates) a campaign id.
        submission: String,
        /// The folder to write into (created if needed).
        dir: PathBuf,
    },
    /// Review a submission (employer, or a reviewer who joined): score, comment, decide; shows
    /// every reviewer's review. A reviewer's changes travel with the next `peerview sync`.
    Review {
        /// A candidate id (or unique prefix) or a candidate's name.
        submission: String,
        /// A score, CRITERION=1..5 (repeatable).
        #[arg(long = "score", value_name = "CRITERION=N")]
        scores: Vec<String>,
        /// Hand in your scorecard (reveals the other reviewers' scores to you).
        #[arg(long)]
        submit_scores: bool,
        /// A comment on an answer.
        #[arg(long)]
        comment: Option<String>,
        /// The question the comment is about (default: the first).
        #[arg(long)]
        question: Option<String>,
        /// The moment of the answer the comment is about, in seconds.
        #[arg(long, default_value_t = 0.0)]
        at: f64,
        /// Decide: advance, hold or reject (the candidate sees it).
        #[arg(long)]
        decide: Option<String>,
        /// A message to the candidate with the decision.
        #[arg(long)]
        message: Option<String>,
    },
    /// Copy a recording (by its BLAKE3 hash) out of this computer's store into a file.
    ExportRecording {
        /// The recording's hash, as listed in the submission.
        hash: String,
        /// The file to write.
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum ReviewerCommand {
    /// Invite a colleague to review a campaign: prints their ticket.
    Invite {
        campaign: String,
        /// The reviewer's name.
        #[arg(long, default_value = "Reviewer")]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
enum HubCommand {
    /// Invite another employer-side node: prints the ticket to join it with (`peerview join`),
    /// after which `peerview serve` there keeps both nodes in step.
    Invite {
        campaign: String,
        /// A name for the node, e.g. "Office".
        #[arg(long)]
        name: String,
    },
}

fn main() -> ExitCode {
    // The system's language until the data directory's settings are read (they may choose one).
    peerview::i18n::set_default(peerview::i18n::system());
    let cli = Cli::parse();
    let default_level =
        if matches!(cli.command, Some(Command::Serve { .. } | Command::Relay { .. })) { "info" } else { "warn" };
    init_tracing(default_level);
    let relay = peerview::ops::Net { relay: cli.relay, lan_discovery: cli.lan_discovery, relay_ca: cli.relay_ca };
    let result = paths::data_dir(cli.data_dir).and_then(|data_dir| {
        // Absolute: the recordings store refuses relative paths, and a node must not depend
        // on the directory it was started from.
        let data_dir = std::path::absolute(&data_dir)
            .map_err(|e| anyhow::anyhow!("the data directory {}: {e}", data_dir.display()))?;
        let d = &data_dir;
        if let Some(lang) = peerview::settings::Settings::load(d).ok().and_then(|s| s.language)
            && std::env::var_os("PEERVIEW_LANG").is_none()
        {
            peerview::i18n::set_default(lang);
        }
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
                eprintln!("not sent: {e:#}");
                return ExitCode::from(code);
            }
            eprintln!("error: {e:#}");
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
