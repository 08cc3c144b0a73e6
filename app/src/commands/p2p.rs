//! The peer-to-peer commands: `serve` (the headless employer node), `invite`, `reviewer invite`,
//! `revoke`, and the candidate's/reviewer's `join`, `answer`, `submit`, `status`, `sync`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use peerview_sync::client::{self, ClientError};
use peerview_sync::doc::{Answer, AnswerKind, MediaKind, Take, TextAnswer};
use peerview_sync::employer;
use peerview_sync::node::{Node, endpoint_hex};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, Store, SubmissionState, SystemClock, Timestamp};

use super::open_store;
use crate::ops::describe::{self, client_error};
use crate::ops::node::MAX_BACKOFF;
use crate::ops::{EmployerNode, Net};
use crate::{fmt, tr};

/// Exit status for "saved here, but not delivered yet" (the employer was unreachable).
pub const EXIT_NOT_SENT: u8 = 2;

/// An outcome that is not an error but should not exit 0 either.
#[derive(Debug)]
pub struct NotSent(pub String);

impl std::fmt::Display for NotSent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for NotSent {}

/// The process's one async runtime, started by the first command that needs it.
pub(super) fn runtime() -> Result<&'static tokio::runtime::Runtime> {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .with_context(|| tr!("cli-starting-runtime"))?;
    Ok(RUNTIME.get_or_init(|| rt))
}

pub fn serve(data_dir: &Path, net: Net, bind: Option<SocketAddr>, replicate_every: Duration) -> Result<()> {
    let store = Arc::new(open_store(data_dir)?);
    runtime()?.block_on(async move {
        let employer = EmployerNode::start(store, &net, bind, replicate_every, Arc::new(SystemClock)).await?;
        if let Some(problem) = &employer.address_problem {
            bail!("{problem}");
        }
        println!("{}", tr!("cli-serve-node", id = endpoint_hex(&employer.node.id())));
        for addr in &employer.address.addrs {
            println!("  {}", tr!("cli-serve-listening", address = addr.to_string()));
        }
        if let Some(relay) = &employer.address.relay_url {
            println!("  {}", tr!("cli-serve-relay", relay = relay.as_str()));
        }
        if net.lan_discovery {
            println!("  {}", tr!("cli-serve-lan"));
        }
        println!("{}", tr!("cli-serve-ready"));
        wait_for_shutdown_signal().await;
        tracing::info!("shutting down");
        employer.shutdown().await
    })
}

/// `peerview relay`: run a relay until stopped.
pub fn relay(options: &crate::ops::relay::RelayOptions) -> Result<()> {
    use crate::ops::relay::RelayTls;
    runtime()?.block_on(async move {
        let mut relay = crate::ops::relay::start(options).await?;
        println!("{}", tr!("cli-relay-running"));
        for (what, addr) in &relay.listening {
            println!("  {}", tr!("cli-relay-listening", what = what.as_str(), address = addr.to_string()));
        }
        match &options.tls {
            RelayTls::Plain => {
                let port = relay.listening.first().map_or(0, |(_, a)| a.port());
                println!("{}", tr!("cli-relay-plain", port = port.to_string()));
                println!("{}", tr!("cli-relay-plain-internet"));
            }
            RelayTls::Files { .. } => println!("{}", tr!("cli-relay-files")),
            RelayTls::Acme { hostnames, .. } => {
                let hostname = hostnames.first().map_or("HOSTNAME", String::as_str);
                println!("{}", tr!("cli-relay-acme", hostname = hostname));
            }
        }
        tokio::select! {
            () = wait_for_shutdown_signal() => {}
            stopped = relay.join() => stopped?,
        }
        tracing::info!("shutting down");
        relay.shutdown().await
    })
}

async fn wait_for_shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).expect("installing the SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// The employer-side nodes a new ticket lists: this one, then the other hubs.
fn node_addresses(store: &Store, campaign: &CampaignId) -> Result<Vec<peerview_sync::ticket::TicketNode>> {
    let Some(own) = store.node_address() else { bail!(tr!("cli-invite-no-node")) };
    Ok(employer::ticket_nodes(store, campaign, Some(own)))
}

pub fn invite(data_dir: &Path, campaign: &str, name: &str, email: Option<&str>) -> Result<()> {
    let store = open_store(data_dir)?;
    let campaign = store.resolve_campaign(campaign)?;
    let ticket = employer::invite_candidate(&store, &campaign, name, email, node_addresses(&store, &campaign)?)?;
    eprintln!("{}", tr!("cli-invited", name = name, nodes = ticket.nodes.len()));
    eprintln!("{}", tr!("cli-invite-link", link = ticket.link()));
    println!("{ticket}");
    Ok(())
}

pub fn invite_reviewer(data_dir: &Path, campaign: &str, name: &str) -> Result<()> {
    let store = open_store(data_dir)?;
    let campaign = store.resolve_campaign(campaign)?;
    let ticket = employer::invite_reviewer(&store, &campaign, name, node_addresses(&store, &campaign)?)?;
    eprintln!("{}", tr!("cli-invite-reviewer", name = name, nodes = ticket.nodes.len()));
    println!("{ticket}");
    Ok(())
}

pub fn invite_hub(data_dir: &Path, campaign: &str, name: &str) -> Result<()> {
    let store = open_store(data_dir)?;
    let campaign = store.resolve_campaign(campaign)?;
    let ticket = employer::invite_hub(&store, &campaign, name, node_addresses(&store, &campaign)?)?;
    eprintln!("{}", tr!("cli-invite-hub", name = name));
    println!("{ticket}");
    Ok(())
}

pub fn revoke(data_dir: &Path, campaign: &str, invitee: &str) -> Result<()> {
    let store = open_store(data_dir)?;
    let campaign = store.resolve_campaign(campaign)?;
    let name = employer::revoke(&store, &campaign, invitee)?;
    println!("{}", tr!("cli-revoked", name = name.as_str()));
    Ok(())
}

async fn client_node(data_dir: &Path, net: Net) -> Result<Node> {
    let store = Arc::new(open_store(data_dir)?);
    Ok(Node::start(store, &net.config(None)).await?)
}

pub fn join(data_dir: &Path, net: Net, ticket_text: &str) -> Result<()> {
    let ticket = Ticket::decode(ticket_text)
        .map_err(|e| anyhow!(tr!("cli-join-bad-ticket", reason = describe::ticket_error(&e))))?;
    runtime()?.block_on(async move {
        let node = client_node(data_dir, net).await?;
        if let Invitee::Hub(_) = &ticket.invitee {
            let own = node.store.node_address();
            let result = client::replicate(&node, &ticket, own.as_ref()).await;
            node.shutdown().await;
            let replicated = result.map_err(|e| anyhow!(client_error(&e)))?;
            let campaign = node.store.campaign(&ticket.campaign)?;
            println!(
                "{}",
                tr!(
                    "cli-join-hub",
                    title = campaign.title.as_str(),
                    documents = replicated.changed_docs,
                    recordings = replicated.fetched_recordings
                )
            );
            println!("{}", tr!("cli-join-hub-serve"));
            return Ok(());
        }
        let result = client::sync_documents(&node, &ticket).await;
        let outcome = match result {
            Ok(o) => o,
            Err(e) => {
                node.shutdown().await;
                return Err(anyhow!(client_error(&e)));
            }
        };
        let campaign = node.store.campaign(&ticket.campaign)?;
        match &ticket.invitee {
            Invitee::Candidate(_) => {
                println!("{}", tr!("cli-joined", title = campaign.title.as_str(), role = campaign.role.as_str()));
                println!(
                    "{}",
                    tr!(
                        "cli-joined-deadline",
                        deadline = fmt::deadline(campaign.deadline, campaign.time_zone.as_deref())
                    )
                );
                if !campaign.instructions.is_empty() {
                    println!("\n{}\n", campaign.instructions);
                }
                if let Some(p) = &campaign.practice {
                    println!("{}\n     {}", tr!("cli-joined-practice", rules = fmt::question_rules(p)), p.prompt);
                }
                println!("{}", tr!("cli-joined-questions"));
                for (i, q) in campaign.questions.iter().enumerate() {
                    println!("  {}. [{}] {}\n     {}", i + 1, q.id, fmt::question_rules(q), q.prompt);
                }
                println!("\n{}", tr!("cli-joined-answer-with", campaign = campaign.id.as_str()));
            }
            Invitee::Hub(_) => unreachable!("hubs replicate above"),
            Invitee::Reviewer(_) => {
                let fetched = client::fetch_recordings(&node, &ticket).await;
                println!(
                    "{}",
                    tr!("cli-joined-reviewer", title = campaign.title.as_str(), documents = outcome.docs.len())
                );
                match fetched {
                    Ok(n) => println!("{}", tr!("cli-recordings-downloaded", count = n)),
                    Err(e) => println!("{}", tr!("cli-recordings-not-downloaded", error = client_error(&e))),
                }
            }
        }
        node.shutdown().await;
        Ok(())
    })
}

/// The membership (joined ticket) for a campaign id or prefix.
pub(super) fn membership(store: &Store, campaign: &str) -> Result<Ticket> {
    let matches: Vec<Ticket> =
        store.memberships()?.into_iter().filter(|t| t.campaign.as_str().starts_with(campaign)).collect();
    match matches.len() {
        0 => bail!(tr!("cli-not-joined", campaign = campaign)),
        1 => Ok(matches.into_iter().next().expect("one")),
        _ => bail!(tr!("cli-several-campaigns", campaign = campaign)),
    }
}

/// `answer --record`: what to record from and for how long.
#[derive(Debug)]
pub struct RecordRequest {
    pub video: Option<super::record::VideoChoice>,
    pub audio: super::record::AudioChoice,
    pub seconds: Option<f64>,
}

pub fn answer(
    data_dir: &Path,
    net: Net,
    campaign: &str,
    question: &str,
    file: Option<PathBuf>,
    text: Option<String>,
    recording: Option<RecordRequest>,
) -> Result<()> {
    let store = Arc::new(open_store(data_dir)?);
    let ticket = membership(&store, campaign)?;
    let Invitee::Candidate(candidate) = &ticket.invitee else { bail!(tr!("cli-only-candidates-answer")) };
    let campaign = store.campaign(&ticket.campaign)?;
    let question_id = question.parse().map_err(|e| anyhow!("{e}"))?;
    let Some(q) = campaign.questions.iter().find(|q| q.id == question_id) else {
        let ids: Vec<&str> = campaign.questions.iter().map(|q| q.id.as_str()).collect();
        bail!(tr!("cli-no-such-question-list", question = question, questions = ids.join(", ")));
    };
    let before = store.submission(candidate)?;
    let now = Timestamp::now();
    let take_number = crate::candidate::next_take_number(&store, candidate, &question_id)?;
    let mut recorded_take_dir = None;
    let file = match recording {
        Some(request) if q.kind != AnswerKind::Text => {
            let limit = before.accommodations.stretch_secs(q.answer_limit_secs);
            let seconds = request.seconds.unwrap_or(f64::from(limit));
            if seconds > f64::from(limit) {
                bail!(tr!("cli-answer-too-long", question = question, limit = limit));
            }
            let video = request.video.unwrap_or(if q.kind == AnswerKind::Video {
                super::record::VideoChoice::TestPattern
            } else {
                super::record::VideoChoice::None
            });
            println!("{}", tr!("cli-recording", secs = seconds));
            let live = LiveUpload { net, ticket: ticket.clone(), question: question_id.clone(), take_number };
            let take_path = record_with_live_upload(data_dir, &video, &request.audio, seconds, live)?;
            recorded_take_dir = take_path.parent().map(Path::to_path_buf);
            Some(take_path)
        }
        Some(_) => bail!(tr!("cli-answer-needs-text", question = question)),
        None => file,
    };
    let answer = match (q.kind, file, text) {
        (AnswerKind::Text, None, Some(text)) => Answer::Text(TextAnswer { text, written_at: now }),
        (AnswerKind::Text, Some(_), _) => bail!(tr!("cli-answer-needs-text", question = question)),
        (AnswerKind::Video | AnswerKind::Audio, Some(path), None) => {
            let media = if q.kind == AnswerKind::Video { MediaKind::Video } else { MediaKind::Audio };
            Answer::Recording(import_recording(&store, &path, media, take_number, now)?)
        }
        (AnswerKind::Video | AnswerKind::Audio, None, Some(_)) => {
            bail!(tr!("cli-answer-needs-file", question = question, kind = fmt::kind(q.kind)))
        }
        _ => bail!(tr!("cli-answer-file-or-text")),
    };
    crate::candidate::keep_answer(&store, candidate, &question_id, &answer, now)?;
    // The blob store holds the take now.
    if let Some(dir) = recorded_take_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    println!("{}", tr!("cli-answer-saved", question = question, campaign = campaign.id.as_str()));
    Ok(())
}

/// Where fragments recorded during a take go, as they are written.
struct LiveUpload {
    net: Net,
    ticket: Ticket,
    question: peerview_sync::QuestionId,
    take_number: u32,
}

/// Record a take while its fragments go to the employer as they are written (when the employer
/// is reachable), so that after Stop only the last fragment is left to send.
fn record_with_live_upload(
    data_dir: &Path,
    video: &super::record::VideoChoice,
    audio: &super::record::AudioChoice,
    seconds: f64,
    live: LiveUpload,
) -> Result<PathBuf> {
    let rt = runtime()?;
    let node = rt.block_on(client_node(data_dir, live.net.clone()))?;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<peerview_media::record::Fragment>();
    let dir = crate::ops::takes::new_take_dir(data_dir);
    let (done_tx, done_rx) = tokio::sync::watch::channel(false);
    let uploader = rt.spawn(live_upload(node.clone(), live, dir.join(peerview_media::record::TAKE_FILE), rx, done_rx));
    let take = super::record::record_into_takes(
        dir,
        video,
        audio,
        peerview_media::source::VideoFormat::HD720,
        seconds,
        move |f| {
            let _ = tx.send(f.clone());
        },
    );
    // Stop: an upload attempt in flight is abandoned (submit sends the rest), but every
    // fragment still gets registered.
    let _ = done_tx.send(true);
    let _ = rt.block_on(uploader);
    rt.block_on(node.shutdown());
    Ok(take?.path)
}

async fn live_upload(
    node: Node,
    live: LiveUpload,
    file: PathBuf,
    mut fragments: tokio::sync::mpsc::UnboundedReceiver<peerview_media::record::Fragment>,
    mut done: tokio::sync::watch::Receiver<bool>,
) {
    let Invitee::Candidate(candidate) = &live.ticket.invitee else { return };
    while let Some(first) = fragments.recv().await {
        let mut batch = vec![first];
        while let Ok(more) = fragments.try_recv() {
            batch.push(more);
        }
        for f in batch {
            if let Err(e) =
                crate::candidate::register_fragment(&node, candidate, &live.question, live.take_number, &file, &f).await
            {
                tracing::warn!(error = %e, "could not prepare a fragment for upload; the whole take will be sent after Stop");
                return;
            }
        }
        if !*done.borrow() {
            // Best effort: offline is normal, the fragments wait in the store.
            let attempt = crate::ops::exchange::exchange(&node, &live.ticket);
            tokio::select! {
                _ = attempt => {}
                _ = done.wait_for(|stopped| *stopped) => {}
            }
        }
    }
}

fn import_recording(
    store: &Arc<Store>,
    path: &Path,
    media: MediaKind,
    take_number: u32,
    now: Timestamp,
) -> Result<Take> {
    let path =
        std::fs::canonicalize(path).with_context(|| tr!("cli-reading-file", file = path.display().to_string()))?;
    let bytes = std::fs::read(&path).with_context(|| tr!("cli-reading-file", file = path.display().to_string()))?;
    let info = peerview_media::probe::probe_mp4(&bytes)
        .map_err(|e| anyhow!(tr!("cli-not-a-recording", file = path.display().to_string(), error = e.to_string())))?;
    if media == MediaKind::Video && !info.has_video {
        bail!(tr!("cli-no-video-track", file = path.display().to_string()));
    }
    let hash = runtime()?.block_on(crate::ops::recordings::add(store, &path))?;
    anyhow::ensure!(hash == blake3::hash(&bytes).to_hex().to_string(), tr!("cli-recording-changed"));
    Ok(Take {
        hash,
        size_bytes: bytes.len() as u64,
        duration_ms: info.duration_ms,
        media,
        recorded_at: now,
        take_number,
    })
}

/// Retry `attempt` with exponential backoff while it fails with [`NotSent`] and `wait` allows.
pub(super) fn with_backoff(wait: Duration, mut attempt: impl FnMut() -> Result<()>) -> Result<()> {
    let start = Instant::now();
    let mut delay = Duration::from_secs(1);
    loop {
        match attempt() {
            Err(e) if e.downcast_ref::<NotSent>().is_some() && start.elapsed() + delay <= wait => {
                eprintln!("{e:#}\n{}", tr!("cli-retrying", secs = delay.as_secs()));
                std::thread::sleep(delay);
                delay = (delay * 2).min(MAX_BACKOFF);
            }
            other => return other,
        }
    }
}

pub fn submit(data_dir: &Path, net: Net, campaign: &str, wait: Duration) -> Result<()> {
    let store = open_store(data_dir)?;
    let ticket = membership(&store, campaign)?;
    let Invitee::Candidate(candidate) = &ticket.invitee else { bail!(tr!("cli-only-candidates-submit")) };
    if crate::candidate::mark_submitted(&store, candidate, Timestamp::now())? {
        println!("{}", tr!("cli-submitted-sending"));
    }
    drop(store);
    with_backoff(wait, || deliver(data_dir, net.clone(), &ticket))?;
    status_of(data_dir, Some(&ticket.campaign))
}

/// Sync documents, let the employer fetch recordings, sync again for the receipt.
pub(super) fn deliver(data_dir: &Path, net: Net, ticket: &Ticket) -> Result<()> {
    runtime()?.block_on(async {
        let node = client_node(data_dir, net).await?;
        let result = crate::ops::exchange::exchange(&node, ticket).await;
        node.shutdown().await;
        match result {
            Ok(_) => Ok(()),
            Err(e @ (ClientError::Unreachable(_) | ClientError::Interrupted(_) | ClientError::Busy)) => {
                Err(anyhow::Error::new(NotSent(tr!("cli-not-sent-try-again", reason = client_error(&e)))))
            }
            Err(e) => Err(anyhow!(client_error(&e))),
        }
    })
}

/// `peerview sync`: once (retrying for up to `wait`), or with `watch` every few seconds until
/// interrupted. Watching keeps one node (and its knowledge of paths to the employer, which lets
/// a connection move from a relay to a direct path) for as long as it runs.
pub fn sync(data_dir: &Path, net: Net, wait: Duration, watch: bool) -> Result<()> {
    if !watch {
        return with_backoff(wait, || sync_once(data_dir, net.clone()));
    }
    runtime()?.block_on(async {
        let node = client_node(data_dir, net).await?;
        let mut delay = WATCH_INTERVAL;
        loop {
            match sync_all(&node).await {
                Ok(()) => delay = WATCH_INTERVAL,
                Err(e) if e.downcast_ref::<NotSent>().is_some() => {
                    eprintln!("{e:#}");
                    delay = (delay * 2).min(MAX_BACKOFF);
                }
                Err(e) => {
                    node.shutdown().await;
                    return Err(e);
                }
            }
            tokio::time::sleep(delay).await;
        }
    })
}

/// How often `sync --watch` syncs when all is well.
const WATCH_INTERVAL: Duration = Duration::from_secs(10);

fn sync_once(data_dir: &Path, net: Net) -> Result<()> {
    runtime()?.block_on(async {
        let node = client_node(data_dir, net).await?;
        let result = sync_all(&node).await;
        node.shutdown().await;
        result
    })
}

/// One exchange with the employer side of every campaign this computer joined.
async fn sync_all(node: &Node) -> Result<()> {
    let tickets = node.store.memberships()?;
    if tickets.is_empty() {
        println!("{}", tr!("cli-sync-nothing"));
        return Ok(());
    }
    let mut failures = Vec::new();
    for ticket in &tickets {
        match crate::ops::exchange::exchange(node, ticket).await {
            Ok(summary) => println!("{}: {summary}", ticket.campaign),
            Err(e) => {
                println!("{}: {}", ticket.campaign, client_error(&e));
                failures.push(e);
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(anyhow::Error::new(NotSent(tr!("cli-sync-failures", failed = failures.len(), total = tickets.len()))))
    }
}

pub fn export_recording(data_dir: &Path, hash: &str, out: &Path) -> Result<()> {
    let store = open_store(data_dir)?;
    let out = if out.is_absolute() { out.to_owned() } else { std::env::current_dir()?.join(out) };
    let size = runtime()?.block_on(crate::ops::recordings::export(&store, hash, &out))?;
    let owner = store.list(peerview_sync::DocKind::Submission)?.into_iter().find_map(|id| {
        let s = store.submission(&id.parse().ok()?).ok()?;
        s.referenced_hashes().contains(hash).then(|| (s.campaign_id.to_string(), id))
    });
    let (campaign, candidate) = owner.unwrap_or_default();
    crate::ops::lifecycle::audit_export(&store, &campaign, &candidate, &format!("recording {hash}"));
    println!("{}", tr!("cli-wrote-bytes", file = out.display().to_string(), bytes = size));
    Ok(())
}

pub fn status(data_dir: &Path) -> Result<()> {
    status_of(data_dir, None)
}

pub(super) fn status_of(data_dir: &Path, only: Option<&CampaignId>) -> Result<()> {
    let store = open_store(data_dir)?;
    let tickets = store.memberships()?;
    let own_campaigns = only.is_none() && !store.list(peerview_sync::DocKind::Roster)?.is_empty();
    if tickets.is_empty() && !own_campaigns {
        println!("{}", tr!("cli-status-not-joined"));
    }
    if only.is_none() {
        super::messages::employer_conversations(&store, &tickets)?;
    }
    let contacts = store.contacts();
    // How the employer side was last reached: direct, or through a relay (behind NATs).
    let contact = |ticket: &Ticket| {
        if let Some((at, path)) = contacts.get(ticket.campaign.as_str()) {
            println!(
                "  {}",
                tr!("cli-status-last-reached", date = fmt::date_time(Timestamp(*at)), path = path.as_str())
            );
        }
    };
    for ticket in tickets.iter().filter(|t| only.is_none_or(|c| &t.campaign == c)) {
        let title = store.campaign(&ticket.campaign).map_or_else(|_| ticket.campaign.to_string(), |c| c.title);
        match &ticket.invitee {
            Invitee::Candidate(_) => {
                let Some(s) = store.submission_of(ticket)? else {
                    println!("{}", tr!("cli-status-not-synced", title = title.as_str()));
                    continue;
                };
                let upload = client::upload_progress(&s, &store.upload_progress());
                let answers = s.answers.len();
                let state = match s.state() {
                    SubmissionState::NotStarted => tr!("cli-status-not-started"),
                    SubmissionState::Recorded if upload.sent > 0 => {
                        tr!("cli-status-in-progress-sending", answers = answers, percent = upload.percent())
                    }
                    SubmissionState::Recorded => tr!("cli-status-in-progress", answers = answers),
                    SubmissionState::Submitted if upload.total > 0 && upload.sent >= upload.total => {
                        tr!("cli-status-submitted-all-sent")
                    }
                    SubmissionState::Submitted if upload.sent == 0 && upload.total > 0 => {
                        tr!("cli-status-submitted-waiting", size = fmt::megabytes(upload.total))
                    }
                    SubmissionState::Submitted if upload.total > 0 => tr!(
                        "cli-status-submitted-uploading",
                        percent = upload.percent(),
                        sent = fmt::megabytes(upload.sent),
                        total = fmt::megabytes(upload.total)
                    ),
                    SubmissionState::Submitted => tr!("cli-status-submitted"),
                    SubmissionState::Received => tr!("cli-status-received"),
                    SubmissionState::Viewed => tr!("cli-status-viewed"),
                    SubmissionState::Decided(v) => tr!("cli-status-decided", verdict = describe::verdict(v)),
                    SubmissionState::Withdrawn => tr!("cli-status-withdrawn"),
                    SubmissionState::Deleted => tr!("cli-status-deleted"),
                };
                println!("{title}: {state}");
                contact(ticket);
                super::messages::conversation(&s);
                for e in &s.events {
                    println!("  {}  {}", fmt::date_time(e.at), describe::event(&e.kind));
                }
            }
            Invitee::Reviewer(_) => {
                println!("{}", tr!("cli-status-reviewer", title = title.as_str()));
                contact(ticket);
            }
            Invitee::Hub(_) => println!("{}", tr!("cli-status-hub", title = title.as_str())),
        }
    }
    Ok(())
}

/// Where a `NotSent` outcome maps to its exit status.
pub fn exit_code_for(e: &anyhow::Error) -> Option<u8> {
    e.downcast_ref::<NotSent>().map(|_| EXIT_NOT_SENT)
}
