//! The command line's shape (clap derive) and its help in the user's language: every command's
//! and argument's help is a message in `cli.ftl` (`cli-help-<command path>[-<argument>]`), set on
//! the derived command before it parses. The doc comments below are for developers; clap's own
//! fixed words ("Usage", "Options") and its parse errors stay as clap writes them.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::tr;

/// `1280x720` -> (1280, 720); even sizes only (the encoder needs them).
fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once('x').ok_or_else(|| tr!("cli-size-syntax", value = s))?;
    let (w, h): (u32, u32) = (
        w.parse().map_err(|_| tr!("cli-size-bad-width", value = s))?,
        h.parse().map_err(|_| tr!("cli-size-bad-height", value = s))?,
    );
    if w < 16 || h < 16 || w > 3840 || h > 2160 || w % 2 == 1 || h % 2 == 1 {
        return Err(tr!("cli-size-range", value = s));
    }
    Ok((w, h))
}

/// Peer-to-peer, local-first one-way video interviews.
///
/// Employers create campaigns and invite candidates; candidates record their answers on their own
/// time, even offline; reviewers watch, rate and decide. With no command, the desktop app opens.
#[derive(Parser, Debug)]
#[command(name = "peerview", version, about, long_about)]
pub struct Cli {
    /// Where Peerview keeps its data (default: $`XDG_DATA_HOME/peerview` or ~/.local/share/peerview;
    /// %APPDATA%\Peerview on Windows, ~/Library/Application Support/Peerview on macOS).
    #[arg(long, global = true, env = "PEERVIEW_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Relays: `default` (iroh's public relays), `disabled` (direct addresses only), or a URL.
    #[arg(long, global = true, env = "PEERVIEW_RELAY", value_name = "MODE", default_value = "default")]
    pub relay: peerview_sync::node::RelaySetting,

    /// Trust this CA certificate (PEM) for the relay: a self-hosted relay whose certificate
    /// was not signed by a public authority.
    #[arg(long, global = true, env = "PEERVIEW_RELAY_CA", value_name = "FILE")]
    pub relay_ca: Option<PathBuf>,

    /// Find and announce Peerview nodes on the local network (mDNS): an office node whose
    /// address changed is still found by its id.
    #[arg(long, global = true, env = "PEERVIEW_LAN_DISCOVERY")]
    pub lan_discovery: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    Campaign(crate::commands::campaign::CampaignCommand),
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
        video: Option<crate::commands::record::VideoChoice>,
        /// With --record: tone, wav:FILE, mic[:NAME] or none.
        #[arg(long, requires = "record", default_value = "tone")]
        audio: crate::commands::record::AudioChoice,
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
        video: crate::commands::record::VideoChoice,
        /// tone, wav:FILE, mic[:NAME] or none.
        #[arg(long, default_value = "tone")]
        audio: crate::commands::record::AudioChoice,
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
pub enum ReviewerCommand {
    /// Invite a colleague to review a campaign: prints their ticket.
    Invite {
        campaign: String,
        /// The reviewer's name.
        #[arg(long, default_value = "Reviewer")]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum HubCommand {
    /// Invite another employer-side node: prints the ticket to join it with (`peerview join`),
    /// after which `peerview serve` there keeps both nodes in step.
    Invite {
        campaign: String,
        /// A name for the node, e.g. "Office".
        #[arg(long)]
        name: String,
    },
}

/// Parse the process's arguments, with help and messages in the current language; exits with
/// clap's message on a usage error (and after printing `--help` or `--version`).
pub fn parse() -> Cli {
    let mut command = command();
    let mut matches = command.get_matches_mut();
    Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut command).exit())
}

/// The command line as clap sees it, its help in the current language.
pub fn command() -> clap::Command {
    let mut command = localise(Cli::command(), "");
    // Building adds clap's own `--help`, `--version` and `help`, localised next.
    command.build();
    localise_builtins(command)
}

/// The key of a command (`campaign-create`; the root is `peerview`) or of one of its arguments
/// (`invite-email`).
fn help_key(path: &str, arg: Option<&clap::Arg>) -> String {
    let command = if path.is_empty() { "peerview" } else { path };
    match arg {
        Some(arg) => format!("{command}-{}", arg.get_id().as_str().replace('_', "-")),
        None => command.to_owned(),
    }
}

fn localise(command: clap::Command, path: &str) -> clap::Command {
    let mut command = match help(&help_key(path, None)) {
        Some(about) => command.about(about),
        None => command,
    };
    command = match help("peerview-long") {
        Some(long) if path.is_empty() => command.long_about(long),
        _ => command.long_about(None::<&'static str>),
    };
    command
        .mut_args(|arg| match help(&help_key(path, Some(&arg))) {
            Some(text) => arg.help(text).long_help(None::<&'static str>),
            None => arg,
        })
        .mut_subcommands(|sub| {
            let sub_path =
                if path.is_empty() { sub.get_name().to_owned() } else { format!("{path}-{}", sub.get_name()) };
            localise(sub, &sub_path)
        })
}

/// clap's own `--help`, `--version` and `help`, which exist once the command is built.
fn localise_builtins(command: clap::Command) -> clap::Command {
    command
        .mut_args(|arg| match arg.get_id().as_str() {
            "help" if arg.get_long_help().is_some() => {
                arg.help(tr!("cli-help-flag-help-more")).long_help(tr!("cli-help-flag-help-summary"))
            }
            "help" => arg.help(tr!("cli-help-flag-help")),
            "version" => arg.help(tr!("cli-help-flag-version")),
            _ => arg,
        })
        .mut_subcommands(|sub| {
            if sub.get_name() == "help" {
                sub.about(tr!("cli-help-subcommand-help"))
                    .mut_args(|arg| arg.help(tr!("cli-help-subcommand-help-args")))
            } else {
                localise_builtins(sub)
            }
        })
}

/// The help text under `key` ([`help_key`]); `None` for a command or argument that has none
/// (a test keeps that from happening). A table, one line per command and argument, so that
/// every key is a literal the completeness test finds.
#[allow(clippy::too_many_lines)]
fn help(key: &str) -> Option<String> {
    Some(match key {
        "peerview" => tr!("cli-help-peerview"),
        "peerview-long" => tr!("cli-help-peerview-long"),
        "peerview-data-dir" => tr!("cli-help-peerview-data-dir"),
        "peerview-relay" => tr!("cli-help-peerview-relay"),
        "peerview-relay-ca" => tr!("cli-help-peerview-relay-ca"),
        "peerview-lan-discovery" => tr!("cli-help-peerview-lan-discovery"),
        "gui" => tr!("cli-help-gui"),
        "gui-ticket" => tr!("cli-help-gui-ticket"),
        "gui-synthetic-devices" => tr!("cli-help-gui-synthetic-devices"),
        "gui-bind" => tr!("cli-help-gui-bind"),
        "campaign" => tr!("cli-help-campaign"),
        "campaign-create" => tr!("cli-help-campaign-create"),
        "campaign-create-file" => tr!("cli-help-campaign-create-file"),
        "campaign-list" => tr!("cli-help-campaign-list"),
        "campaign-show" => tr!("cli-help-campaign-show"),
        "campaign-show-id" => tr!("cli-help-campaign-show-id"),
        "campaign-export" => tr!("cli-help-campaign-export"),
        "campaign-export-id" => tr!("cli-help-campaign-export-id"),
        "serve" => tr!("cli-help-serve"),
        "serve-bind" => tr!("cli-help-serve-bind"),
        "serve-replicate-every" => tr!("cli-help-serve-replicate-every"),
        "relay" => tr!("cli-help-relay"),
        "relay-cert" => tr!("cli-help-relay-cert"),
        "relay-key" => tr!("cli-help-relay-key"),
        "relay-acme-hostname" => tr!("cli-help-relay-acme-hostname"),
        "relay-acme-contact" => tr!("cli-help-relay-acme-contact"),
        "relay-acme-staging" => tr!("cli-help-relay-acme-staging"),
        "relay-http-bind" => tr!("cli-help-relay-http-bind"),
        "relay-https-bind" => tr!("cli-help-relay-https-bind"),
        "relay-quic-bind" => tr!("cli-help-relay-quic-bind"),
        "invite" => tr!("cli-help-invite"),
        "invite-campaign" => tr!("cli-help-invite-campaign"),
        "invite-name" => tr!("cli-help-invite-name"),
        "invite-email" => tr!("cli-help-invite-email"),
        "reviewer" => tr!("cli-help-reviewer"),
        "reviewer-invite" => tr!("cli-help-reviewer-invite"),
        "reviewer-invite-campaign" => tr!("cli-help-reviewer-invite-campaign"),
        "reviewer-invite-name" => tr!("cli-help-reviewer-invite-name"),
        "hub" => tr!("cli-help-hub"),
        "hub-invite" => tr!("cli-help-hub-invite"),
        "hub-invite-campaign" => tr!("cli-help-hub-invite-campaign"),
        "hub-invite-name" => tr!("cli-help-hub-invite-name"),
        "revoke" => tr!("cli-help-revoke"),
        "revoke-campaign" => tr!("cli-help-revoke-campaign"),
        "revoke-invitee" => tr!("cli-help-revoke-invitee"),
        "delete" => tr!("cli-help-delete"),
        "delete-candidate" => tr!("cli-help-delete-candidate"),
        "delete-campaign" => tr!("cli-help-delete-campaign"),
        "withdraw" => tr!("cli-help-withdraw"),
        "withdraw-campaign" => tr!("cli-help-withdraw-campaign"),
        "withdraw-wait" => tr!("cli-help-withdraw-wait"),
        "audit" => tr!("cli-help-audit"),
        "message" => tr!("cli-help-message"),
        "message-target" => tr!("cli-help-message-target"),
        "message-text" => tr!("cli-help-message-text"),
        "message-extension" => tr!("cli-help-message-extension"),
        "message-extra-time" => tr!("cli-help-message-extra-time"),
        "message-extra-takes" => tr!("cli-help-message-extra-takes"),
        "message-wait" => tr!("cli-help-message-wait"),
        "grant" => tr!("cli-help-grant"),
        "grant-candidate" => tr!("cli-help-grant-candidate"),
        "grant-request" => tr!("cli-help-grant-request"),
        "grant-days" => tr!("cli-help-grant-days"),
        "grant-extra-time" => tr!("cli-help-grant-extra-time"),
        "grant-extra-takes" => tr!("cli-help-grant-extra-takes"),
        "grant-note" => tr!("cli-help-grant-note"),
        "decline" => tr!("cli-help-decline"),
        "decline-candidate" => tr!("cli-help-decline-candidate"),
        "decline-request" => tr!("cli-help-decline-request"),
        "decline-reason" => tr!("cli-help-decline-reason"),
        "join" => tr!("cli-help-join"),
        "join-ticket" => tr!("cli-help-join-ticket"),
        "answer" => tr!("cli-help-answer"),
        "answer-campaign" => tr!("cli-help-answer-campaign"),
        "answer-question" => tr!("cli-help-answer-question"),
        "answer-file" => tr!("cli-help-answer-file"),
        "answer-text" => tr!("cli-help-answer-text"),
        "answer-record" => tr!("cli-help-answer-record"),
        "answer-video" => tr!("cli-help-answer-video"),
        "answer-audio" => tr!("cli-help-answer-audio"),
        "answer-seconds" => tr!("cli-help-answer-seconds"),
        "submit" => tr!("cli-help-submit"),
        "submit-campaign" => tr!("cli-help-submit-campaign"),
        "submit-wait" => tr!("cli-help-submit-wait"),
        "status" => tr!("cli-help-status"),
        "sync" => tr!("cli-help-sync"),
        "sync-wait" => tr!("cli-help-sync-wait"),
        "sync-watch" => tr!("cli-help-sync-watch"),
        "record" => tr!("cli-help-record"),
        "record-video" => tr!("cli-help-record-video"),
        "record-audio" => tr!("cli-help-record-audio"),
        "record-size" => tr!("cli-help-record-size"),
        "record-fps" => tr!("cli-help-record-fps"),
        "record-seconds" => tr!("cli-help-record-seconds"),
        "record-out" => tr!("cli-help-record-out"),
        "devices" => tr!("cli-help-devices"),
        "play" => tr!("cli-help-play"),
        "play-file" => tr!("cli-help-play-file"),
        "play-speed" => tr!("cli-help-play-speed"),
        "play-from" => tr!("cli-help-play-from"),
        "play-device" => tr!("cli-help-play-device"),
        "export" => tr!("cli-help-export"),
        "export-submission" => tr!("cli-help-export-submission"),
        "export-dir" => tr!("cli-help-export-dir"),
        "review" => tr!("cli-help-review"),
        "review-submission" => tr!("cli-help-review-submission"),
        "review-scores" => tr!("cli-help-review-scores"),
        "review-submit-scores" => tr!("cli-help-review-submit-scores"),
        "review-comment" => tr!("cli-help-review-comment"),
        "review-question" => tr!("cli-help-review-question"),
        "review-at" => tr!("cli-help-review-at"),
        "review-decide" => tr!("cli-help-review-decide"),
        "review-message" => tr!("cli-help-review-message"),
        "export-recording" => tr!("cli-help-export-recording"),
        "export-recording-hash" => tr!("cli-help-export-recording-hash"),
        "export-recording-out" => tr!("cli-help-export-recording-out"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// Every command and argument the derive declares, by its help key.
    fn keys(command: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(help_key(path, None));
        for arg in command.get_arguments() {
            out.push(help_key(path, Some(arg)));
        }
        for sub in command.get_subcommands() {
            let sub_path =
                if path.is_empty() { sub.get_name().to_owned() } else { format!("{path}-{}", sub.get_name()) };
            keys(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_help() {
        let mut all = vec![];
        keys(&Cli::command(), "", &mut all);
        let missing: Vec<_> = all.iter().filter(|k| help(k).is_none()).collect();
        assert!(missing.is_empty(), "no cli-help-… message for: {missing:?}");
        command().debug_assert();
    }

    #[test]
    fn help_is_in_the_current_language() {
        let about = |lang| {
            with_lang(Some(lang), || {
                let command = command();
                let invite = command.find_subcommand("invite").expect("invite");
                let email = invite.get_arguments().find(|a| a.get_id() == "email").expect("--email");
                (invite.get_about().map(ToString::to_string), email.get_help().map(ToString::to_string))
            })
        };
        let (en, de) = (about(Lang::En), about(Lang::De));
        assert_eq!(en.0.as_deref(), Some("Invite a candidate to a campaign: prints the ticket to send them."));
        assert_ne!(en, de);
        assert!(de.0.as_deref().is_some_and(|t| t.contains("Bewerber")), "{de:?}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1280x720"), Ok((1280, 720)));
        assert!(parse_size("1281x720").is_err());
        assert!(parse_size("big").expect_err("no x").contains("WIDTHxHEIGHT"));
    }
}
