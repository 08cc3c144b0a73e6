//! The employer's and reviewer's background service. On the employer's computer it runs the
//! employer node (the same as `peerview serve`) and writes campaigns, invites and reviews
//! straight into the store that candidates and reviewers sync with. On a reviewer's computer it
//! runs a client node that joins with a reviewer ticket and keeps the campaign's documents and
//! recordings in step. The screens send [`Request`]s and read [`Event`]s; nothing here runs
//! inside a frame.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use peerview_sync::client;
use peerview_sync::doc::{Campaign, CampaignDoc, Overrides, Reviews, Roster, Submission, SubmissionDoc, Verdict};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, endpoint_hex};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, CandidateId, Clock, DocKind, QuestionId, ReviewerId, Store};
use tokio::sync::mpsc::UnboundedReceiver;

use crate::gui::worker::Worker;
use crate::ops::{EmployerNode, Net};

/// Whose computer this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The employer's own node: the hub that candidates and reviewers connect to.
    Employer,
    /// A colleague who joined with a reviewer ticket.
    Reviewer,
}

#[derive(Debug)]
pub enum Request {
    SaveCampaign(Box<Campaign>),
    InviteCandidates {
        campaign: CampaignId,
        people: Vec<(String, Option<String>)>,
    },
    InviteReviewer {
        campaign: CampaignId,
        name: String,
    },
    /// Write invite mail drafts into `dir` (created if needed): (file name, `.eml` text) each.
    SaveInviteDrafts {
        dir: PathBuf,
        drafts: Vec<(String, String)>,
    },
    Revoke {
        campaign: CampaignId,
        invitee: String,
    },
    SetAccommodations {
        candidate: CandidateId,
        overrides: Overrides,
    },
    MarkViewed(CandidateId),
    Score {
        candidate: CandidateId,
        criterion: String,
        score: u8,
    },
    SubmitScores(CandidateId),
    Comment {
        candidate: CandidateId,
        question: QuestionId,
        at_ms: u64,
        text: String,
    },
    Decide {
        candidate: CandidateId,
        verdict: Verdict,
        message: Option<String>,
    },
    /// Make a recording playable: copy it out of the recordings store into the cache.
    Prepare {
        hash: String,
    },
    Export {
        candidate: CandidateId,
        dir: PathBuf,
    },
    /// Reviewer: join with a ticket.
    Join(String),
    /// Write in a candidate's conversation (employer, or a reviewer where allowed).
    Reply {
        candidate: CandidateId,
        text: String,
    },
    /// Employer: grant or decline a candidate's request.
    AnswerRequest {
        candidate: CandidateId,
        request: String,
        grant: bool,
        /// What is granted, if not what was asked.
        amount: Option<peerview_sync::doc::RequestKind>,
        note: String,
    },
    /// This computer has shown the whole conversation.
    MarkRead(CandidateId),
    /// Employer: delete a candidate's submission everywhere.
    Delete {
        campaign: CampaignId,
        candidate: CandidateId,
    },
}

/// A candidate as the inbox shows them.
#[derive(Clone, Debug)]
pub struct Entry {
    pub candidate: peerview_sync::doc::Candidate,
    pub submission: Option<Submission>,
    pub reviews: Option<Reviews>,
    /// Recordings here: (bytes here, bytes referenced).
    pub recordings: (u64, u64),
    /// Messages from the candidate not shown on this computer yet.
    pub unread: usize,
}

#[derive(Clone, Debug)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub roster: Option<Roster>,
    pub entries: Vec<Entry>,
    /// This node's reviewer id for the campaign.
    pub me: ReviewerId,
    pub my_name: String,
}

/// The node's state for the status bar.
#[derive(Clone, Debug, Default)]
pub struct NodeStatus {
    pub id: String,
    pub reachability: String,
    pub peers: usize,
    pub transfers: usize,
}

#[derive(Debug)]
pub enum Event {
    Campaigns {
        generation: u64,
        list: Vec<CampaignView>,
    },
    Node(NodeStatus),
    /// New tickets: (name, ticket text, reviewer?).
    Tickets {
        campaign: CampaignId,
        tickets: Vec<(String, String, bool)>,
    },
    Saved {
        generation: u64,
        what: String,
    },
    /// A recording is ready to play; sound-only ones come with their waveform.
    Prepared {
        hash: String,
        path: PathBuf,
        waveform: Option<Vec<f32>>,
    },
    Toast(String),
    Error(String),
}

/// Handle to the running service (see [`Worker`]).
pub type ReviewService = Worker<Request, Event>;

/// How the service runs.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    pub mode: Mode,
    pub net: Net,
    /// Where the employer node listens (default: all interfaces, port 47100).
    pub bind: Option<SocketAddr>,
    pub refresh_every: Duration,
    /// What time it is, for receipts, views, scores and decisions.
    pub clock: Arc<dyn Clock>,
}

/// Start the employer's or reviewer's service.
pub fn start(
    store: Arc<Store>,
    data_dir: PathBuf,
    config: ServiceConfig,
    notify: impl Fn() + Send + Sync + 'static,
) -> ReviewService {
    Worker::spawn("review-service", notify, Event::Error, move |rx, out| run(store, data_dir, config, rx, out))
}

type Out = crate::gui::worker::Out<Event>;

struct Service {
    store: Arc<Store>,
    data_dir: PathBuf,
    mode: Mode,
    node: Option<Node>,
    employer: Option<Arc<EmployerService>>,
    clock: Arc<dyn Clock>,
    generation: std::sync::atomic::AtomicU64,
    out: Out,
}

async fn run(
    store: Arc<Store>,
    data_dir: PathBuf,
    config: ServiceConfig,
    mut rx: UnboundedReceiver<Request>,
    out: Out,
) {
    // The employer's node is the one `peerview serve` runs, replication with hubs included.
    let started = match config.mode {
        Mode::Employer => {
            EmployerNode::start(store.clone(), &config.net, config.bind, config.refresh_every, config.clock.clone())
                .await
                .map(|e| (e.node.clone(), Some(e)))
        }
        Mode::Reviewer => {
            Node::start(store.clone(), &config.net.config(None)).await.map(|n| (n, None)).map_err(Into::into)
        }
    };
    let (node, employer_node) = match started {
        Ok((node, employer_node)) => (Some(node), employer_node),
        Err(e) => {
            out.send(Event::Error(format!("{e:#}. Reading works; receiving and sending do not.")));
            (None, None)
        }
    };
    // The employer node answers other `peerview` processes itself; a reviewer's node does here.
    let _local = match (&node, config.mode) {
        (Some(node), Mode::Reviewer) => crate::ops::local::serve_or_warn(node).await,
        _ => None,
    };
    if let Some(problem) = employer_node.as_ref().and_then(|e| e.address_problem.clone()) {
        out.send(Event::Error(problem));
    }
    let employer_service = employer_node.as_ref().map(|e| e.service.clone());
    let service = Arc::new(Service {
        store,
        data_dir,
        mode: config.mode,
        node,
        employer: employer_service,
        clock: config.clock.clone(),
        generation: std::sync::atomic::AtomicU64::new(0),
        out,
    });
    service.snapshot();
    let ticker = service.clone();
    let every = config.refresh_every;
    tokio::spawn(async move {
        loop {
            if ticker.mode == Mode::Reviewer {
                ticker.sync_reviewer().await;
            }
            ticker.status();
            ticker.snapshot();
            tokio::time::sleep(every).await;
        }
    });
    while let Some(request) = rx.recv().await {
        let result = service.handle(request).await;
        if let Err(e) = result {
            service.out.send(Event::Error(format!("{e:#}")));
        }
    }
    match employer_node {
        Some(employer) => {
            if let Err(e) = employer.shutdown().await {
                tracing::warn!(error = %e, "closing the employer node");
            }
        }
        None => {
            if let Some(node) = &service.node {
                node.shutdown().await;
            }
        }
    }
}

impl Service {
    fn bump(&self) -> u64 {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    fn saved(&self, what: impl Into<String>) {
        let generation = self.bump();
        self.out.send(Event::Saved { generation, what: what.into() });
        self.snapshot();
    }

    async fn handle(&self, request: Request) -> Result<()> {
        match request {
            Request::SaveCampaign(c) => {
                if self.store.exists(DocKind::Campaign, c.id.as_str()) {
                    let mut stored = self.store.load(DocKind::Campaign, c.id.as_str())?;
                    let mut doc = CampaignDoc::from_automerge(std::mem::take(&mut stored.doc))?;
                    doc.update(&c)?;
                    stored.doc = doc.into_automerge();
                    self.store.save(&mut stored)?;
                } else {
                    self.store.create_campaign(&c)?;
                }
                self.saved(format!("Saved \"{}\"", c.title));
            }
            Request::InviteCandidates { campaign, people } => {
                let nodes = self.ticket_nodes(&campaign)?;
                let mut tickets = Vec::new();
                for (name, email) in people {
                    let t = employer::invite_candidate(&self.store, &campaign, &name, email.as_deref(), nodes.clone())?;
                    tickets.push((name, t.encode(), false));
                }
                self.out.send(Event::Tickets { campaign, tickets });
                self.saved("Invited");
            }
            Request::InviteReviewer { campaign, name } => {
                let nodes = self.ticket_nodes(&campaign)?;
                let t = employer::invite_reviewer(&self.store, &campaign, &name, nodes)?;
                self.out.send(Event::Tickets { campaign, tickets: vec![(name, t.encode(), true)] });
                self.saved("Reviewer invited");
            }
            Request::Reply { candidate, text } => {
                crate::ops::messages::send_as_employer(&self.store, &candidate, &text, self.clock.now())?;
                self.saved("Message kept; the candidate receives it at their next sync");
            }
            Request::AnswerRequest { candidate, request, grant, amount, note } => {
                crate::ops::messages::answer_request(
                    &self.store,
                    &candidate,
                    Some(&request),
                    grant,
                    amount,
                    &note,
                    self.clock.now(),
                )?;
                self.saved(if grant { "Request granted" } else { "Request declined" });
            }
            Request::MarkRead(candidate) => {
                if let Ok(s) = self.store.submission(&candidate) {
                    crate::ops::messages::mark_read(&self.store, &s)?;
                    self.snapshot();
                }
            }
            Request::Delete { campaign, candidate } => {
                let name =
                    self.store.roster(&campaign).ok().and_then(|r| r.candidate(&candidate).map(|c| c.name.clone()));
                let name = name.unwrap_or_else(|| candidate.to_string());
                match &self.employer {
                    // The node in this process holds the recordings store: it deletes.
                    Some(employer) => {
                        employer.delete(&campaign, &candidate, peerview_sync::DeletionReason::Employer).await?;
                    }
                    None => {
                        let entry = self
                            .store
                            .roster(&campaign)?
                            .candidate(&candidate)
                            .cloned()
                            .ok_or_else(|| anyhow::anyhow!("no candidate {candidate} in this campaign"))?;
                        crate::ops::lifecycle::delete(
                            &self.store,
                            &campaign,
                            &entry,
                            peerview_sync::DeletionReason::Employer,
                            self.clock.now(),
                        )
                        .await?;
                    }
                }
                self.saved(format!(
                    "Deleted the submission of {name} here; hubs and reviewers delete theirs at their next sync"
                ));
            }
            Request::SaveInviteDrafts { dir, drafts } => {
                std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
                for (file_name, eml) in &drafts {
                    let path = dir.join(file_name);
                    std::fs::write(&path, eml).with_context(|| format!("writing {}", path.display()))?;
                }
                self.out.send(Event::Toast(format!(
                    "{} email drafts saved in {}: open each in your mail program and send it",
                    drafts.len(),
                    dir.display()
                )));
            }
            Request::Revoke { campaign, invitee } => {
                let name = employer::revoke(&self.store, &campaign, &invitee)?;
                self.saved(format!("Revoked the invite of {name}"));
            }
            Request::SetAccommodations { candidate, overrides } => {
                self.edit_submission(&candidate, |doc| doc.set_accommodations(&overrides).map_err(Into::into))?;
                self.saved("Accommodations saved");
            }
            Request::MarkViewed(candidate) => {
                if crate::review::mark_viewed(&self.store, &candidate, self.clock.now())? {
                    self.saved("Marked viewed");
                }
            }
            Request::Score { candidate, criterion, score } => {
                crate::review::score(&self.store, &candidate, &criterion, score)?;
                self.saved("Score saved");
            }
            Request::SubmitScores(candidate) => {
                crate::review::submit_scores(&self.store, &candidate, self.clock.now())?;
                self.saved("Scorecard submitted");
            }
            Request::Comment { candidate, question, at_ms, text } => {
                crate::review::comment(&self.store, &candidate, question, at_ms, text, self.clock.now())?;
                self.saved("Comment added");
            }
            Request::Decide { candidate, verdict, message } => {
                if crate::review::decide(&self.store, &candidate, verdict, message, self.clock.now())? {
                    self.saved(format!("Decision sent: {verdict}"));
                } else {
                    self.saved(format!("Recommended: {verdict} (the employer sends the decision)"));
                }
            }
            Request::Prepare { hash } => {
                let path = self.prepare(&hash).await?;
                let sound_only = peerview_media::demux::Recording::open(&path).is_ok_and(|r| r.video.is_none());
                let waveform = if sound_only {
                    let file = path.clone();
                    tokio::task::spawn_blocking(move || peerview_media::decode::waveform(&file, 240).ok())
                        .await
                        .ok()
                        .flatten()
                } else {
                    None
                };
                self.out.send(Event::Prepared { hash, path, waveform });
            }
            Request::Export { candidate, dir } => {
                let node = self.node.as_ref().ok_or_else(|| anyhow!("the recordings store is not open"))?;
                let report = crate::export::export_submission(&self.store, &candidate, &dir, |hash, target| {
                    let node = node.clone();
                    let (hash, target) = (hash.to_owned(), target.to_owned());
                    tokio::task::block_in_place(|| {
                        tokio::runtime::Handle::current().block_on(export_blob(&node, &hash, &target)).map(|_| ())
                    })
                })?;
                let missing = if report.missing.is_empty() {
                    String::new()
                } else {
                    format!(" ({} recordings not here yet)", report.missing.len())
                };
                self.out.send(Event::Toast(format!(
                    "Exported {} files to {}{missing}",
                    report.files.len(),
                    dir.display()
                )));
            }
            Request::Join(text) => {
                let ticket = Ticket::decode(&text).map_err(|e| anyhow!("{e}"))?;
                if !matches!(ticket.invitee, Invitee::Reviewer(_)) {
                    bail!("this is not a reviewer ticket");
                }
                let node = self.node.as_ref().ok_or_else(|| anyhow!("the recordings store is not open"))?;
                client::sync_documents(node, &ticket).await?;
                self.out.send(Event::Toast("Joined: the campaign's submissions are arriving".into()));
                self.snapshot();
                let _ = client::fetch_recordings(node, &ticket).await;
                self.snapshot();
            }
        }
        Ok(())
    }

    fn ticket_nodes(&self, campaign: &CampaignId) -> Result<Vec<peerview_sync::ticket::TicketNode>> {
        let own = self.store.node_address();
        if own.is_none() {
            bail!("the employer node has not started, so a ticket cannot say where to connect");
        }
        Ok(employer::ticket_nodes(&self.store, campaign, own))
    }

    fn edit_submission(&self, candidate: &CandidateId, f: impl FnOnce(&mut SubmissionDoc) -> Result<()>) -> Result<()> {
        let mut stored = self.store.load(DocKind::Submission, candidate.as_str())?;
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
        f(&mut doc)?;
        stored.doc = doc.into_automerge();
        self.store.save(&mut stored)?;
        Ok(())
    }

    /// Copy a recording out of the blob store into the cache (once) so a player can open it.
    async fn prepare(&self, hash: &str) -> Result<PathBuf> {
        let node = self.node.as_ref().ok_or_else(|| anyhow!("the recordings store is not open"))?;
        let dir = self.data_dir.join("cache");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{hash}.mp4"));
        if !path.exists() {
            export_blob(node, hash, &path).await?;
        }
        Ok(path)
    }

    async fn sync_reviewer(&self) {
        let Some(node) = &self.node else { return };
        let mut ok = false;
        let mut path = None;
        for t in self.store.memberships().unwrap_or_default() {
            if !matches!(t.invitee, Invitee::Reviewer(_)) {
                continue;
            }
            if let Ok(exchanged) = crate::ops::exchange::exchange(node, &t).await {
                ok = true;
                path = path.or_else(|| exchanged.path().map(str::to_owned));
            }
        }
        let reachability = match (ok, path) {
            (true, Some(path)) => format!("connected to the employer, {path}"),
            (true, None) => "connected to the employer".into(),
            (false, _) => "offline".into(),
        };
        let status = NodeStatus { id: endpoint_hex(&node.id()), reachability, peers: usize::from(ok), transfers: 0 };
        self.out.send(Event::Node(status));
    }

    fn status(&self) {
        let (Some(node), Some(service)) = (&self.node, &self.employer) else { return };
        let activity = service.activity();
        let addr = node.endpoint.addr();
        let direct: Vec<String> = addr.ip_addrs().map(ToString::to_string).collect();
        let reachability = match addr.relay_urls().next() {
            Some(relay) => format!("direct ({}) and via relay {relay}", direct.join(", ")),
            None if direct.is_empty() => "offline".to_owned(),
            None => format!("direct ({})", direct.join(", ")),
        };
        self.out.send(Event::Node(NodeStatus {
            id: endpoint_hex(&node.id()),
            reachability,
            peers: activity.peers,
            transfers: activity.receiving.len(),
        }));
    }

    fn snapshot(&self) {
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        let receiving = self.employer.as_ref().map(|e| e.activity().receiving).unwrap_or_default();
        let mut list = Vec::new();
        let campaigns = match self.mode {
            Mode::Employer => self.store.campaigns().map(|(c, _)| c).unwrap_or_default(),
            Mode::Reviewer => self
                .store
                .memberships()
                .unwrap_or_default()
                .iter()
                .filter(|t| matches!(t.invitee, Invitee::Reviewer(_)))
                .filter_map(|t| self.store.campaign(&t.campaign).ok())
                .collect(),
        };
        for campaign in campaigns {
            let roster = self.store.roster(&campaign.id).ok();
            let mut entries = Vec::new();
            let marks = crate::ops::messages::ReadMarks::load(&self.store);
            // Deleted submissions are gone: only their tombstone (ids) is in the roster.
            for c in roster
                .iter()
                .flat_map(|r| r.candidates.iter())
                .filter(|c| c.state != peerview_sync::InviteState::Deleted)
            {
                let submission = self.store.submission(&c.id).ok();
                let reviews = self.store.reviews(&c.id).ok();
                let recordings = submission.as_ref().map_or((0, 0), |s| self.recordings_here(s, &receiving));
                let unread = submission.as_ref().map_or(0, |s| marks.unread(s, peerview_sync::doc::Side::Employer));
                entries.push(Entry { candidate: c.clone(), submission, reviews, recordings, unread });
            }
            let (me, my_name) = crate::review::me(&self.store, &campaign.id);
            list.push(CampaignView { campaign, roster, entries, me, my_name });
        }
        self.out.send(Event::Campaigns { generation, list });
    }

    /// Bytes of a submission's recordings that are here (or arriving), and the total.
    fn recordings_here(&self, s: &Submission, receiving: &HashMap<String, u64>) -> (u64, u64) {
        let mut here = 0;
        let mut total = 0;
        for (_, take) in s.takes() {
            total += take.size_bytes;
            if let Some(bytes) = receiving.get(&take.hash) {
                here += (*bytes).min(take.size_bytes);
            } else if self.has(&take.hash) {
                here += take.size_bytes;
            }
        }
        (here, total)
    }

    fn has(&self, hash: &str) -> bool {
        let Some(node) = &self.node else { return false };
        tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(node.has_recording(hash)))
    }
}

async fn export_blob(node: &Node, hash: &str, target: &std::path::Path) -> Result<u64> {
    node.export_recording(hash, target).await.map_err(|e| anyhow!("{e}"))
}
