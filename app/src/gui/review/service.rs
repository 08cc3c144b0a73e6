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
use crate::tr;

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
            out.send(Event::Error(tr!("rev-node-failed", error = format!("{e:#}"))));
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

    fn saved(&self, what: String) {
        let generation = self.bump();
        self.out.send(Event::Saved { generation, what });
        self.snapshot();
    }

    async fn handle(&self, request: Request) -> Result<()> {
        match request {
            Request::SaveCampaign(c) => self.save_campaign(&c)?,
            Request::InviteCandidates { campaign, people } => self.invite_candidates(campaign, people)?,
            Request::InviteReviewer { campaign, name } => {
                let nodes = self.ticket_nodes(&campaign)?;
                let t = employer::invite_reviewer(&self.store, &campaign, &name, nodes)?;
                self.out.send(Event::Tickets { campaign, tickets: vec![(name, t.encode(), true)] });
                self.saved(tr!("rev-saved-reviewer-invited"));
            }
            Request::Reply { candidate, text } => {
                crate::ops::messages::send_as_employer(&self.store, &candidate, &text, self.clock.now())?;
                self.saved(tr!("rev-saved-message"));
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
                self.saved(if grant { tr!("rev-saved-granted") } else { tr!("rev-saved-declined") });
            }
            Request::MarkRead(candidate) => {
                if let Ok(s) = self.store.submission(&candidate) {
                    crate::ops::messages::mark_read(&self.store, &s)?;
                    self.snapshot();
                }
            }
            Request::Delete { campaign, candidate } => self.delete(&campaign, &candidate).await?,
            Request::SaveInviteDrafts { dir, drafts } => {
                std::fs::create_dir_all(&dir)
                    .with_context(|| tr!("rev-error-creating", path = dir.display().to_string()))?;
                for (file_name, eml) in &drafts {
                    let path = dir.join(file_name);
                    std::fs::write(&path, eml)
                        .with_context(|| tr!("rev-error-writing", path = path.display().to_string()))?;
                }
                let dir = dir.display().to_string();
                self.out.send(Event::Toast(tr!("rev-drafts-saved", count = drafts.len(), dir = dir)));
            }
            Request::Revoke { campaign, invitee } => {
                let name = employer::revoke(&self.store, &campaign, &invitee)?;
                self.saved(tr!("rev-saved-revoked", name = name));
            }
            Request::SetAccommodations { candidate, overrides } => {
                self.edit_submission(&candidate, |doc| doc.set_accommodations(&overrides).map_err(Into::into))?;
                self.saved(tr!("rev-saved-accommodations"));
            }
            Request::MarkViewed(candidate) => {
                if crate::review::mark_viewed(&self.store, &candidate, self.clock.now())? {
                    self.saved(tr!("rev-saved-viewed"));
                }
            }
            Request::Score { candidate, criterion, score } => {
                crate::review::score(&self.store, &candidate, &criterion, score)?;
                self.saved(tr!("rev-saved-score"));
            }
            Request::SubmitScores(candidate) => {
                crate::review::submit_scores(&self.store, &candidate, self.clock.now())?;
                self.saved(tr!("rev-saved-scorecard"));
            }
            Request::Comment { candidate, question, at_ms, text } => {
                crate::review::comment(&self.store, &candidate, question, at_ms, text, self.clock.now())?;
                self.saved(tr!("rev-saved-comment"));
            }
            Request::Decide { candidate, verdict, message } => {
                let sent = crate::review::decide(&self.store, &candidate, verdict, message, self.clock.now())?;
                let verdict = verdict.to_string();
                self.saved(if sent {
                    tr!("rev-saved-decision", verdict = verdict)
                } else {
                    tr!("rev-saved-recommendation", verdict = verdict)
                });
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
            Request::Export { candidate, dir } => self.export(&candidate, &dir)?,
            Request::Join(text) => self.join(&text).await?,
        }
        Ok(())
    }

    /// A new campaign, or the changes to a stored one.
    fn save_campaign(&self, c: &Campaign) -> Result<()> {
        if self.store.exists(DocKind::Campaign, c.id.as_str()) {
            let mut stored = self.store.load(DocKind::Campaign, c.id.as_str())?;
            let mut doc = CampaignDoc::from_automerge(std::mem::take(&mut stored.doc))?;
            doc.update(c)?;
            stored.doc = doc.into_automerge();
            self.store.save(&mut stored)?;
        } else {
            self.store.create_campaign(c)?;
        }
        self.saved(tr!("rev-saved-campaign", title = c.title.as_str()));
        Ok(())
    }

    /// A ticket per person, shown to the employer to hand out.
    fn invite_candidates(&self, campaign: CampaignId, people: Vec<(String, Option<String>)>) -> Result<()> {
        let nodes = self.ticket_nodes(&campaign)?;
        let mut tickets = Vec::new();
        for (name, email) in people {
            let t = employer::invite_candidate(&self.store, &campaign, &name, email.as_deref(), nodes.clone())?;
            tickets.push((name, t.encode(), false));
        }
        self.out.send(Event::Tickets { campaign, tickets });
        self.saved(tr!("rev-saved-invited"));
        Ok(())
    }

    /// Delete a candidate's submission everywhere (here now, elsewhere at the next sync).
    async fn delete(&self, campaign: &CampaignId, candidate: &CandidateId) -> Result<()> {
        let name = self.store.roster(campaign).ok().and_then(|r| r.candidate(candidate).map(|c| c.name.clone()));
        let name = name.unwrap_or_else(|| candidate.to_string());
        let reason = peerview_sync::DeletionReason::Employer;
        // The node in this process holds the recordings store: it deletes.
        if let Some(employer) = &self.employer {
            employer.delete(campaign, candidate, reason).await?;
        } else {
            let entry = self
                .store
                .roster(campaign)?
                .candidate(candidate)
                .cloned()
                .ok_or_else(|| anyhow!(tr!("rev-error-no-candidate", candidate = candidate.as_str())))?;
            crate::ops::lifecycle::delete(&self.store, campaign, &entry, reason, self.clock.now()).await?;
        }
        self.saved(tr!("rev-saved-deleted", name = name));
        Ok(())
    }

    /// A standard MP4 per answer and a summary into `dir`.
    fn export(&self, candidate: &CandidateId, dir: &std::path::Path) -> Result<()> {
        let node = self.node.as_ref().ok_or_else(|| anyhow!(tr!("rev-error-store-closed")))?;
        let report = crate::export::export_submission(&self.store, candidate, dir, |hash, target| {
            let node = node.clone();
            let (hash, target) = (hash.to_owned(), target.to_owned());
            tokio::task::block_in_place(|| {
                tokio::runtime::Handle::current().block_on(export_blob(&node, &hash, &target)).map(|_| ())
            })
        })?;
        let (files, missing, dir) = (report.files.len(), report.missing.len(), dir.display().to_string());
        self.out.send(Event::Toast(if missing == 0 {
            tr!("rev-exported", files = files, dir = dir)
        } else {
            tr!("rev-exported-missing", files = files, dir = dir, missing = missing)
        }));
        Ok(())
    }

    /// A reviewer joins with a ticket: the documents first, then the recordings.
    async fn join(&self, text: &str) -> Result<()> {
        let ticket = Ticket::decode(text).map_err(|e| anyhow!("{e}"))?;
        if !matches!(ticket.invitee, Invitee::Reviewer(_)) {
            bail!(tr!("rev-error-not-reviewer-ticket"));
        }
        let node = self.node.as_ref().ok_or_else(|| anyhow!(tr!("rev-error-store-closed")))?;
        client::sync_documents(node, &ticket).await?;
        self.out.send(Event::Toast(tr!("rev-joined")));
        self.snapshot();
        // What did not arrive now arrives with the next round of syncs.
        if let Err(e) = client::fetch_recordings(node, &ticket).await {
            tracing::info!(error = %e, "recordings not fetched yet");
        }
        self.snapshot();
        Ok(())
    }

    fn ticket_nodes(&self, campaign: &CampaignId) -> Result<Vec<peerview_sync::ticket::TicketNode>> {
        let own = self.store.node_address();
        if own.is_none() {
            bail!(tr!("rev-error-node-not-started"));
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
        let node = self.node.as_ref().ok_or_else(|| anyhow!(tr!("rev-error-store-closed")))?;
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
            (true, Some(path)) => tr!("rev-reach-employer-via", path = path),
            (true, None) => tr!("rev-reach-employer"),
            (false, _) => tr!("rev-reach-offline"),
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
            Some(relay) => tr!("rev-reach-direct-and-relay", addresses = direct.join(", "), relay = relay.to_string()),
            None if direct.is_empty() => tr!("rev-reach-offline"),
            None => tr!("rev-reach-direct", addresses = direct.join(", ")),
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
