//! The candidate side's background service: it owns the node (iroh endpoint and recordings
//! store) and does every bit of disk and network work for the candidate screens. The UI sends
//! [`Request`]s and reads [`Event`]s; nothing here ever runs inside a frame.
//!
//! It keeps each joined interview in step with the employer by itself: every few seconds it
//! syncs, offers recordings (during and after the interview) and reports fresh snapshots,
//! including how far each recording has got. Offline is a normal state, reported as such.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use peerview_media::record::{FinishedTake, Fragment};
use peerview_sync::client::{self, ClientError, UploadProgress};
use peerview_sync::doc::{Answer, MediaKind, Take, TextAnswer};
use peerview_sync::node::Node;
use peerview_sync::ticket::{Invitee, Ticket, TicketError};
use peerview_sync::{Campaign, CampaignId, CandidateId, Clock, QuestionId, Store, Submission};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use crate::gui::worker::Worker;
use crate::ops::Net;

/// What the candidate screens ask for.
#[derive(Debug)]
pub enum Request {
    /// Open an invite ticket (pasted or passed on the command line).
    Join(String),
    /// A take is about to be recorded into `dir` (remembered, so a crash does not lose it).
    TakeStarted {
        dir: PathBuf,
        candidate: CandidateId,
        question: QuestionId,
        take_number: u32,
    },
    /// A fragment of the take in progress is on disk: send it while recording goes on.
    Fragment {
        candidate: CandidateId,
        question: QuestionId,
        take_number: u32,
        file: PathBuf,
        fragment: Fragment,
    },
    /// Keep the take recorded in `take_dir` as the answer; `discard` lists the take
    /// directories to delete after (the other takes).
    KeepRecording {
        candidate: CandidateId,
        question: QuestionId,
        take_dir: PathBuf,
        take_number: u32,
        media: MediaKind,
        discard: Vec<PathBuf>,
    },
    KeepText {
        candidate: CandidateId,
        question: QuestionId,
        text: String,
    },
    /// Delete take directories that are not needed (practice, device check, discarded takes).
    Discard(Vec<PathBuf>),
    Submit(CandidateId),
    /// Sync now rather than at the next tick.
    SyncNow,
    /// Withdraw from a campaign: ask the employer side to delete the submission.
    Withdraw(CampaignId),
    /// Write to the employer side (a question, or a request).
    Message {
        campaign: CampaignId,
        body: peerview_sync::doc::MessageBody,
    },
    /// The candidate has seen this conversation.
    MarkRead(CampaignId),
}

/// Whether the employer could be reached on the last attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Connection {
    Unknown,
    /// Reached, and how ("direct (ADDR)", "via relay URL") when known.
    Online(Option<String>),
    Offline(String),
}

/// A take recorded but not kept yet, found on disk (e.g. after a crash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingTake {
    pub candidate: CandidateId,
    pub question: QuestionId,
    pub take_number: u32,
    #[serde(skip)]
    pub dir: PathBuf,
    #[serde(skip)]
    pub duration_ms: u64,
}

/// One interview this computer joined, as the screens show it.
#[derive(Clone, Debug)]
pub struct Interview {
    pub ticket: Ticket,
    pub candidate: CandidateId,
    pub campaign: Campaign,
    pub submission: Submission,
    /// Upload progress per recorded answer.
    pub uploads: Vec<(QuestionId, UploadProgress)>,
    pub pending: Vec<PendingTake>,
    /// Messages from the employer side not shown yet.
    pub unread: usize,
}

impl Interview {
    pub fn total_upload(&self) -> UploadProgress {
        self.uploads.iter().fold(UploadProgress::default(), |a, (_, p)| UploadProgress {
            sent: a.sent + p.sent,
            total: a.total + p.total,
        })
    }
}

/// What the service reports.
#[derive(Debug)]
pub enum Event {
    /// Every joined interview, as read from the store when `generation` writes had been made.
    Interviews {
        generation: u64,
        list: Vec<Interview>,
    },
    Joined(CampaignId),
    JoinFailed(JoinError),
    /// The answer is saved; snapshots older than `generation` do not hold it yet.
    Saved {
        question: QuestionId,
        generation: u64,
    },
    SaveFailed {
        question: QuestionId,
        error: SaveError,
    },
    Submitted {
        campaign: CampaignId,
        generation: u64,
    },
    SubmitFailed(String),
    Connection(Connection),
    /// Something the candidate should know that is not tied to an action.
    Problem(Problem),
    /// The message was kept and goes with the next sync.
    MessageKept,
    /// The message was not kept (over the budget, too long); why.
    MessageRefused(String),
    /// An invite ticket or link handed over by another start of Peerview (a clicked link).
    Open(String),
}

/// Why an invite could not be opened (the screens say it in the candidate's language).
#[derive(Debug)]
pub enum JoinError {
    Ticket(TicketError),
    /// A reviewer's or an employer node's ticket.
    NotForCandidates,
    /// The recordings store could not be opened, so nothing can be downloaded.
    NoStore,
    /// The employer's computer could not be reached; the ticket stays valid.
    Unreachable,
    /// The employer refused, and why.
    Refused(String),
    /// Anything else, as the network layer put it.
    Other(String),
}

/// Why an answer could not be saved.
#[derive(Debug)]
pub enum SaveError {
    /// The recordings store could not be opened.
    NoStore,
    /// The take on disk changed between recording and keeping it: it must be recorded again.
    TakeChanged,
    /// Anything else, as the store put it.
    Other(String),
}

impl From<anyhow::Error> for SaveError {
    fn from(e: anyhow::Error) -> Self {
        SaveError::Other(format!("{e:#}"))
    }
}

/// Something the candidate should know that is not tied to an action.
#[derive(Debug)]
pub enum Problem {
    /// The node did not start (why): interviews can be read, but not answered or sent.
    NodeFailed(String),
    /// A take's directory could not be prepared.
    TakeNotPrepared {
        dir: PathBuf,
        error: String,
    },
    /// The employer refused a sync, and why.
    Refused(String),
    WithdrawFailed(String),
    /// The service could not start at all, as the worker put it.
    Start(String),
}

/// Handle to the running service. Dropping it stops the service and waits until the node has
/// closed the recordings store (so the next start, or a command, can open it).
pub type CandidateService = Worker<Request, Event>;

/// How often interviews are synced with the employer when nothing else happens.
pub const SYNC_EVERY: Duration = Duration::from_secs(10);

const META_FILE: &str = "answer.json";

/// Start the candidate service: it owns the node and keeps the interviews in step.
pub fn start(
    store: Arc<Store>,
    data_dir: PathBuf,
    net: Net,
    sync_every: Duration,
    clock: Arc<dyn Clock>,
    notify: impl Fn() + Send + Sync + 'static,
) -> CandidateService {
    Worker::spawn(
        "candidate-service",
        notify,
        |e| Event::Problem(Problem::Start(e)),
        move |rx, out| run(store, data_dir, net, sync_every, clock, rx, out),
    )
}

type Out = crate::gui::worker::Out<Event>;

struct Service {
    /// Counts the service's own writes, so the screens can tell a snapshot read before a
    /// write from one read after it.
    generation: std::sync::atomic::AtomicU64,
    store: Arc<Store>,
    data_dir: PathBuf,
    node: Option<Node>,
    clock: Arc<dyn Clock>,
    out: Out,
}

async fn run(
    store: Arc<Store>,
    data_dir: PathBuf,
    net: Net,
    sync_every: Duration,
    clock: Arc<dyn Clock>,
    mut requests: UnboundedReceiver<Request>,
    out: Out,
) {
    // Takes a crash left in progress are cut back to their whole fragments; they come back
    // for review when their question is opened.
    for recovered in crate::ops::takes::recover(&data_dir) {
        tracing::warn!("{recovered}");
    }
    let node = match Node::start(store.clone(), &net.config(None)).await {
        Ok(node) => Some(node),
        Err(e) => {
            out.send(Event::Problem(Problem::NodeFailed(e.to_string())));
            None
        }
    };
    // Other `peerview` processes (e.g. `peerview answer --file`) use the store through it, and
    // a clicked invite link hands its ticket over through it.
    let opener = {
        let out = out.clone();
        Arc::new(move |ticket| out.send(Event::Open(ticket))) as crate::ops::local::Opener
    };
    let _local = match &node {
        Some(node) => crate::ops::local::serve_or_warn_opening(node, Some(opener)).await,
        None => None,
    };
    let service =
        Arc::new(Service { generation: std::sync::atomic::AtomicU64::new(0), store, data_dir, node, clock, out });
    service.snapshot();
    let (kick_tx, mut kick_rx) = unbounded_channel::<()>();
    // The sync loop: on a timer, and when a request asks for it.
    let syncer = service.clone();
    tokio::spawn(async move {
        loop {
            syncer.sync_all().await;
            tokio::select! {
                () = tokio::time::sleep(sync_every) => {}
                Some(()) = kick_rx.recv() => {
                    while kick_rx.try_recv().is_ok() {}
                }
            }
        }
    });
    // Progress reports while uploads run.
    let reporter = service.clone();
    tokio::spawn(async move {
        let mut last = BTreeMap::new();
        loop {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let now = reporter.store.upload_progress();
            if now != last {
                reporter.snapshot();
                last = now;
            }
        }
    });
    while let Some(request) = requests.recv().await {
        let kick = service.handle(request).await;
        if kick {
            let _ = kick_tx.send(());
        }
    }
    if let Some(node) = &service.node {
        node.shutdown().await;
    }
}

impl Service {
    fn node(&self) -> Result<&Node> {
        self.node.as_ref().ok_or_else(|| anyhow!("the recordings store could not be opened"))
    }

    /// Handle one request; returns whether a sync should follow right away.
    async fn handle(&self, request: Request) -> bool {
        match request {
            Request::Join(text) => {
                match self.join(&text).await {
                    Ok(campaign) => self.out.send(Event::Joined(campaign)),
                    Err(message) => self.out.send(Event::JoinFailed(message)),
                }
                self.snapshot();
                false
            }
            Request::TakeStarted { dir, candidate, question, take_number } => {
                let meta = PendingTake { candidate, question, take_number, dir: PathBuf::new(), duration_ms: 0 };
                let write = std::fs::create_dir_all(&dir)
                    .and_then(|()| std::fs::write(dir.join(META_FILE), serde_json::to_vec(&meta).unwrap_or_default()));
                if let Err(e) = write {
                    self.out.send(Event::Problem(Problem::TakeNotPrepared { dir, error: e.to_string() }));
                }
                false
            }
            Request::Fragment { candidate, question, take_number, file, fragment } => {
                let Ok(node) = self.node() else { return false };
                match crate::candidate::register_fragment(node, &candidate, &question, take_number, &file, &fragment)
                    .await
                {
                    Ok(()) => true,
                    Err(e) => {
                        tracing::warn!(error = %e, "a fragment could not be prepared for sending; the whole take goes later");
                        false
                    }
                }
            }
            Request::KeepRecording { candidate, question, take_dir, take_number, media, mut discard } => {
                let result = match finished_take(&take_dir) {
                    Ok(take) => self.keep_recording(&candidate, &question, &take, take_number, media).await,
                    Err(e) => Err(e.into()),
                };
                // The recordings store holds the kept take now; its recording directory goes too.
                discard.push(take_dir);
                self.after_keep(question, result, &discard)
            }
            Request::KeepText { candidate, question, text } => {
                let now = self.clock.now();
                let answer = Answer::Text(TextAnswer { text, written_at: now });
                let result = crate::candidate::keep_answer(&self.store, &candidate, &question, &answer, now);
                self.after_keep(question, result, &[])
            }
            Request::Discard(dirs) => {
                remove_dirs(&dirs);
                self.snapshot();
                false
            }
            Request::Submit(candidate) => {
                match crate::candidate::mark_submitted(&self.store, &candidate, self.clock.now()) {
                    Ok(_) => {
                        let generation = self.bump();
                        let campaign = self.store.submission(&candidate).map(|s| s.campaign_id);
                        if let Ok(campaign) = campaign {
                            self.out.send(Event::Submitted { campaign, generation });
                        }
                    }
                    Err(e) => self.out.send(Event::SubmitFailed(format!("{e:#}"))),
                }
                self.snapshot();
                true
            }
            Request::SyncNow => true,
            Request::Message { campaign, body } => {
                let ticket = self.store.memberships().unwrap_or_default().into_iter().find(|t| t.campaign == campaign);
                let result = match ticket {
                    Some(ticket) => {
                        crate::ops::messages::send_as_candidate(&self.store, &ticket, body, self.clock.now())
                            .map(|_| ())
                    }
                    None => Err(anyhow::anyhow!("this computer has not joined that interview")),
                };
                match result {
                    Ok(()) => self.out.send(Event::MessageKept),
                    Err(e) => self.out.send(Event::MessageRefused(format!("{e:#}"))),
                }
                self.bump();
                self.snapshot();
                true
            }
            Request::MarkRead(campaign) => {
                let ticket = self.store.memberships().unwrap_or_default().into_iter().find(|t| t.campaign == campaign);
                if let Some(Ok(Some(s))) = ticket.map(|t| self.store.submission_of(&t))
                    && let Err(e) = crate::ops::messages::mark_read(&self.store, &s)
                {
                    tracing::warn!(error = %format!("{e:#}"), "could not note the messages as read");
                }
                self.snapshot();
                false
            }
            Request::Withdraw(campaign) => {
                let ticket = self.store.memberships().unwrap_or_default().into_iter().find(|t| t.campaign == campaign);
                let result = match ticket {
                    Some(ticket) => crate::ops::lifecycle::withdraw(&self.store, &ticket, self.clock.now()).map(|_| ()),
                    None => Err(anyhow::anyhow!("this computer has not joined that interview")),
                };
                if let Err(e) = result {
                    self.out.send(Event::Problem(Problem::WithdrawFailed(format!("{e:#}"))));
                }
                self.bump();
                self.snapshot();
                true
            }
        }
    }

    fn bump(&self) -> u64 {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    fn after_keep(&self, question: QuestionId, result: Result<(), impl Into<SaveError>>, discard: &[PathBuf]) -> bool {
        match result {
            Ok(()) => {
                remove_dirs(discard);
                let generation = self.bump();
                self.out.send(Event::Saved { question, generation });
                self.snapshot();
                true
            }
            Err(e) => {
                self.out.send(Event::SaveFailed { question, error: e.into() });
                false
            }
        }
    }

    async fn keep_recording(
        &self,
        candidate: &CandidateId,
        question: &QuestionId,
        take: &FinishedTake,
        take_number: u32,
        media: MediaKind,
    ) -> Result<(), SaveError> {
        let node = self.node().map_err(|_| SaveError::NoStore)?;
        let tag = node.blobs.add_path(&take.path).await.map_err(|e| anyhow!("storing the take: {e:#}"))?;
        if tag.hash.to_hex() != take.hash {
            return Err(SaveError::TakeChanged);
        }
        let answer = Answer::Recording(Take {
            hash: take.hash.clone(),
            size_bytes: take.size_bytes,
            duration_ms: take.duration_ms,
            media,
            recorded_at: self.clock.now(),
            take_number,
        });
        Ok(crate::candidate::keep_answer(&self.store, candidate, question, &answer, self.clock.now())?)
    }

    async fn join(&self, text: &str) -> Result<CampaignId, JoinError> {
        let ticket = Ticket::decode(text).map_err(JoinError::Ticket)?;
        let Invitee::Candidate(_) = &ticket.invitee else {
            return Err(JoinError::NotForCandidates);
        };
        if self.store.memberships().unwrap_or_default().iter().any(|t| t == &ticket) {
            return Ok(ticket.campaign);
        }
        let node = self.node().map_err(|_| JoinError::NoStore)?;
        match client::sync_documents(node, &ticket).await {
            Ok(outcome) => {
                self.out.send(Event::Connection(Connection::Online(outcome.path)));
                Ok(ticket.campaign)
            }
            Err(ClientError::Unreachable(_) | ClientError::Busy) => {
                self.out.send(Event::Connection(Connection::Offline("the employer is not reachable".into())));
                Err(JoinError::Unreachable)
            }
            Err(ClientError::Refused(reason)) => Err(JoinError::Refused(reason)),
            Err(e) => Err(JoinError::Other(e.to_string())),
        }
    }

    /// Sync every joined interview; send what recordings are ready. Offline is reported, not
    /// raised.
    async fn sync_all(&self) {
        let Some(node) = &self.node else { return };
        let tickets: Vec<Ticket> = self
            .store
            .memberships()
            .unwrap_or_default()
            .into_iter()
            .filter(|t| matches!(t.invitee, Invitee::Candidate(_)))
            .collect();
        if tickets.is_empty() {
            return;
        }
        let mut reached = false;
        let mut path = None;
        let mut last_error = None;
        for ticket in &tickets {
            let result = crate::ops::exchange::exchange(node, ticket).await;
            match result {
                Ok(exchanged) => {
                    reached = true;
                    path = path.or_else(|| exchanged.path().map(str::to_owned));
                }
                Err(ClientError::Refused(r)) => {
                    reached = true;
                    self.out.send(Event::Problem(Problem::Refused(r)));
                }
                Err(e) => last_error = Some(e.to_string()),
            }
        }
        let connection = match (reached, last_error) {
            (true, _) => Connection::Online(path),
            (false, Some(e)) => Connection::Offline(e),
            (false, None) => Connection::Unknown,
        };
        self.out.send(Event::Connection(connection));
        self.snapshot();
    }

    /// Read every joined interview from the store and send it to the screens.
    fn snapshot(&self) {
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        let progress = self.store.upload_progress();
        let marks = crate::ops::messages::ReadMarks::load(&self.store);
        let pending = pending_takes(&self.data_dir);
        let mut interviews = Vec::new();
        for ticket in self.store.memberships().unwrap_or_default() {
            let Invitee::Candidate(candidate) = &ticket.invitee else { continue };
            let (Ok(campaign), Ok(submission)) =
                (self.store.campaign(&ticket.campaign), self.store.submission(candidate))
            else {
                continue;
            };
            let uploads = submission
                .takes()
                .map(|(q, _)| {
                    let mut one = submission.clone();
                    one.answers.retain(|question, _| question == q);
                    (q.clone(), client::upload_progress(&one, &progress))
                })
                .collect();
            let pending = pending
                .iter()
                .filter(|p| &p.candidate == candidate && !answered_with(&submission, p))
                .cloned()
                .collect();
            let unread = marks.unread(&submission, peerview_sync::doc::Side::Candidate);
            interviews.push(Interview {
                unread,
                ticket: ticket.clone(),
                candidate: candidate.clone(),
                campaign,
                submission,
                uploads,
                pending,
            });
        }
        self.out.send(Event::Interviews { generation, list: interviews });
    }
}

/// Whether the submission already holds this take (or a later one) for the question.
fn answered_with(submission: &Submission, p: &PendingTake) -> bool {
    matches!(submission.answers.get(&p.question), Some(Answer::Recording(t)) if t.take_number >= p.take_number)
}

fn remove_dirs(dirs: &[PathBuf]) {
    for dir in dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Takes on disk that belong to an answer and are complete (recovered ones included).
fn pending_takes(data_dir: &std::path::Path) -> Vec<PendingTake> {
    let root = crate::ops::takes::takes_dir(data_dir);
    let Ok(entries) = std::fs::read_dir(&root) else { return Vec::new() };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        let Ok(bytes) = std::fs::read(dir.join(META_FILE)) else { continue };
        let Ok(mut meta) = serde_json::from_slice::<PendingTake>(&bytes) else { continue };
        if peerview_media::record::read_status(&dir) != Some(peerview_media::record::TakeStatus::Complete) {
            continue;
        }
        let file = dir.join(peerview_media::record::TAKE_FILE);
        let Ok(recording) = peerview_media::demux::Recording::open(&file) else { continue };
        meta.duration_ms = recording.duration_us / 1000;
        meta.dir = dir;
        out.push(meta);
    }
    out.sort_by_key(|p| p.take_number);
    out
}

/// Describe a finished take on disk: its hash, size and duration, read from the file itself.
pub fn finished_take(dir: &std::path::Path) -> Result<FinishedTake> {
    let path = dir.join(peerview_media::record::TAKE_FILE);
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let recording = peerview_media::demux::Recording::open(&path).map_err(|e| anyhow!("{e}"))?;
    Ok(FinishedTake {
        hash: blake3::hash(&bytes).to_hex().to_string(),
        size_bytes: bytes.len() as u64,
        duration_ms: recording.duration_us / 1000,
        fragments: Vec::new(),
        video_frames: recording.video.as_ref().map_or(0, |v| v.samples.len() as u64),
        path,
    })
}
