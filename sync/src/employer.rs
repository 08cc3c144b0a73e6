//! The employer side: issuing invites (`invites`), and the protocol handlers of an employer node
//! (`peerview serve`). Every connection is authorised by the peer's TLS-authenticated endpoint
//! id; every change a peer sends is checked on a copy before it touches the real document; the
//! employer fetches exactly the recordings a submission references, within the quota.

use std::collections::HashMap;
use std::sync::Arc;

use iroh::endpoint::{Connection, Incoming, IncomingAddr, VarInt};
use iroh::protocol::{AcceptError, IncomingFilterOutcome, ProtocolHandler, Router};
use iroh_blobs::provider::events::{AbortReason, ConnectMode, EventMask, EventSender, ProviderMessage, RequestMode};
use iroh_blobs::{BlobsProtocol, Hash};
use tracing::{debug, info, warn};

use std::time::Instant;

use crate::auth::{Access, DocRef, Quota, Refusal};
use crate::budget::Admission;
use crate::delivered::Ledger;
use crate::doc::{Candidate, EventKind, Hub, InviteState, Reviewer, RosterDoc, StatusEvent, SubmissionDoc};
use crate::ids::{CampaignId, CandidateId};
use crate::index::{ClaimCheck, ClaimError, HUB_INVITE_EXPIRED, RosterIndex, check_entry, hub_invite_expired};
use crate::node::{Node, endpoint_hex};
use crate::protocol::{Claim, OFFER_ALPN, SYNC_ALPN, close_code};
use crate::store::{DocKind, Store, StoreError};
use crate::ticket::{Invitee, Ticket};
use crate::time::{Clock, SystemClock};

mod checks;
mod deletion;
mod fetching;
mod invites;
mod locks;
mod session;

use invites::doc_err;
pub use invites::{
    invite_candidate, invite_hub, invite_reviewer, own_endpoint, record_hub_address, revoke, ticket_nodes,
};

/// How often the roster index looks for rosters changed by other processes.
const ROSTER_REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Why a candidate's recording was not fetched: they used up their quota (the candidate sees it).
pub const QUOTA_REASON: &str = "your recordings have used up the space the employer allows; ask them for more";

/// Errors of the employer-side operations run from the command line.
#[derive(Debug, thiserror::Error)]
pub enum EmployerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Invalid(String),
}

/// The employer node's shared state.
#[derive(Debug)]
pub struct EmployerService {
    pub node: Node,
    pub quota: Quota,
    /// What time it is, for deadlines and receipts.
    pub clock: Arc<dyn Clock>,
    /// The rosters in memory: who a peer is, checked without disk or lock.
    pub index: RosterIndex,
    /// What each candidate delivered here: recordings verified from them, bytes ever fetched.
    pub delivered: Ledger,
    /// Places for connections that have not authenticated yet.
    admission: Arc<Admission>,
    /// Read-check-write cycles on a document, one at a time within this process (`locks`).
    locks: Arc<locks::WriteLocks>,
    /// Peers' rounds being applied, by size (`budget::MAX_APPLYING_BYTES`).
    applying: Arc<tokio::sync::Semaphore>,
    /// Connections being served right now.
    peers: std::sync::atomic::AtomicUsize,
    /// Recordings being fetched: hash (hex) to bytes received so far.
    receiving: std::sync::Mutex<HashMap<String, u64>>,
    /// The offer being received from each peer: one at a time per peer (the connection, and a
    /// number telling offers apart).
    offering: std::sync::Mutex<HashMap<String, (u64, Connection)>>,
    offers: std::sync::atomic::AtomicU64,
}

/// What the node is doing, for a status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    pub peers: usize,
    /// Recordings being received: hash (hex) to bytes so far.
    pub receiving: HashMap<String, u64>,
}

/// Counts a connection while it is served.
struct PeerGuard<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> PeerGuard<'a> {
    fn new(count: &'a std::sync::atomic::AtomicUsize) -> Self {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        PeerGuard(count)
    }
}

impl Drop for PeerGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl EmployerService {
    pub fn new(node: Node, quota: Quota) -> Arc<Self> {
        Self::with_clock(node, quota, Arc::new(SystemClock))
    }

    /// A service that asks `clock` what time it is (tests pin the date).
    pub fn with_clock(node: Node, quota: Quota, clock: Arc<dyn Clock>) -> Arc<Self> {
        let index = RosterIndex::new(node.store.clone());
        let delivered = Ledger::open(node.store.root());
        Arc::new(EmployerService {
            delivered,
            node,
            quota,
            clock,
            index,
            admission: Arc::new(Admission::default()),
            locks: Arc::default(),
            applying: Arc::new(tokio::sync::Semaphore::new(crate::budget::APPLYING_PERMITS)),
            peers: std::sync::atomic::AtomicUsize::new(0),
            receiving: std::sync::Mutex::new(HashMap::new()),
            offering: std::sync::Mutex::new(HashMap::new()),
            offers: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Connections served and recordings being received right now.
    pub fn activity(&self) -> Activity {
        Activity {
            peers: self.peers.load(std::sync::atomic::Ordering::Relaxed),
            receiving: self.receiving.lock().map(|r| r.clone()).unwrap_or_default(),
        }
    }

    fn note_receiving(&self, hash: &str, bytes: Option<u64>) {
        if let Ok(mut r) = self.receiving.lock() {
            match bytes {
                Some(b) => {
                    r.insert(hash.to_owned(), b);
                }
                None => {
                    r.remove(hash);
                }
            }
        }
    }

    fn store(&self) -> &Store {
        &self.node.store
    }

    /// Register the protocols and start accepting connections.
    pub fn spawn_router(self: &Arc<Self>) -> Router {
        let (events, rx) = EventSender::channel(
            64,
            EventMask {
                connected: ConnectMode::Intercept,
                get: RequestMode::Intercept,
                get_many: RequestMode::Disabled,
                push: RequestMode::Disabled,
                ..EventMask::DEFAULT
            },
        );
        tokio::spawn(authorise_blob_requests(self.clone(), rx));
        tokio::spawn(follow_rosters(Arc::downgrade(self)));
        tokio::spawn(deletion::follow_lifecycle(Arc::downgrade(self)));
        tokio::spawn(return_freed_memory(Arc::downgrade(self)));
        let blobs = BlobsProtocol::new(&self.node.blobs, Some(events));
        let admission = self.admission.clone();
        Router::builder(self.node.endpoint.clone())
            .incoming_filter(Arc::new(move |incoming: &Incoming| handshake_filter(&admission, incoming)))
            .accept(SYNC_ALPN, SyncHandler(self.clone()))
            .accept(OFFER_ALPN, OfferHandler(self.clone()))
            .accept(iroh_blobs::ALPN, blobs)
            .spawn()
    }

    /// What the peer with this endpoint id may do; with a claim, binds an unused invite to it.
    /// Checked in memory; only a valid claim for an unused invite writes (binding it).
    async fn resolve(&self, peer: &str, claim: Option<&Claim>) -> Result<Access, Refusal> {
        // A peer the index knows (it proved an invite before): make sure a change made a moment
        // ago by another process, such as a revocation, counts. One directory listing per
        // campaign of that peer; unknown peers are answered from memory alone.
        let known = self.index.access(peer);
        if !known.is_empty() {
            let campaigns: Vec<CampaignId> = known
                .candidate_of
                .iter()
                .map(|(c, _)| c.clone())
                .chain(known.reviewer_of.iter().map(|(c, _)| c.clone()))
                .chain(known.hub_of.iter().map(|(c, _)| c.clone()))
                .chain(claim.map(|c| c.campaign.clone()))
                .collect();
            self.index.refresh_campaigns(&campaigns);
        }
        if let Some(claim) = claim {
            let seen = self.index.forced_refreshes();
            let now = self.clock.now();
            let check = match self.index.check_claim(peer, claim, now) {
                // Perhaps issued a moment ago by `peerview invite` in another process.
                Err(ClaimError::Unknown) => {
                    self.index.refresh_after(seen).await;
                    self.index.check_claim(peer, claim, now)
                }
                other => other,
            }?;
            if check == ClaimCheck::Unbound {
                let _guard =
                    self.locks.document(DocRef { kind: DocKind::Roster, id: claim.campaign.as_str().to_owned() }).await;
                self.bind_claim(peer, claim)?;
            }
        }
        Ok(self.index.access(peer))
    }

    fn bind_claim(&self, peer: &str, claim: &Claim) -> Result<(), Refusal> {
        let not_found = || Refusal("this invite is not known to the employer (was the campaign deleted?)".into());
        // Taken before loading: if anyone saves the roster meanwhile, the index reads it anew.
        let files_before = self.store().revision(DocKind::Roster, claim.campaign.as_str()).ok();
        // The index's copy when it holds the roster as it is on disk, else read from disk.
        let copy = files_before.as_deref().and_then(|f| self.index.roster_copy(&claim.campaign, f));
        let (mut stored, mut roster, data) = if let Some((mut stored, data)) = copy {
            let roster = RosterDoc::read_before(std::mem::take(&mut stored.doc));
            (stored, roster, data)
        } else {
            let mut stored = self.store().load(DocKind::Roster, claim.campaign.as_str()).map_err(|_| not_found())?;
            let (roster, data) =
                RosterDoc::from_automerge_read(std::mem::take(&mut stored.doc)).map_err(|_| not_found())?;
            (stored, roster, data)
        };
        let hash = Ticket::secret_hash(&claim.secret);
        // Checked again on what is on disk now, holding the roster: the index may be a moment old.
        let check = |state: InviteState, secret_hash: &Option<String>, endpoint: &Option<String>| {
            check_entry(peer, &hash, state, secret_hash.as_deref(), endpoint.as_deref())
                .map(|c| c == ClaimCheck::Unbound)
        };
        let changed = match &claim.invitee {
            Invitee::Candidate(id) => {
                let c = data.candidate(id).ok_or_else(not_found)?;
                if check(c.state, &c.secret_hash, &c.endpoint)? {
                    let bound = Candidate { state: InviteState::Joined, endpoint: Some(peer.to_owned()), ..c.clone() };
                    roster.put_candidate(&bound).map_err(internal)?;
                    Some(Box::new(move |r: &mut crate::doc::Roster| {
                        r.candidates.iter_mut().filter(|x| x.id == bound.id).for_each(|x| *x = bound.clone());
                    }) as Box<dyn FnOnce(&mut crate::doc::Roster)>)
                } else {
                    None
                }
            }
            Invitee::Reviewer(id) => {
                let r = data.reviewer(id).ok_or_else(not_found)?;
                if check(r.state, &r.secret_hash, &r.endpoint)? {
                    let bound = Reviewer { state: InviteState::Joined, endpoint: Some(peer.to_owned()), ..r.clone() };
                    roster.put_reviewer(&bound).map_err(internal)?;
                    Some(Box::new(move |r: &mut crate::doc::Roster| {
                        r.reviewers.iter_mut().filter(|x| x.id == bound.id).for_each(|x| *x = bound.clone());
                    }) as Box<dyn FnOnce(&mut crate::doc::Roster)>)
                } else {
                    None
                }
            }
            Invitee::Hub(id) => {
                let h = data.hub(id).ok_or_else(not_found)?;
                if hub_invite_expired(h, self.clock.now()) {
                    return Err(Refusal(HUB_INVITE_EXPIRED.into()));
                }
                if check(h.state, &h.secret_hash, &h.endpoint)? {
                    let bound = Hub { state: InviteState::Joined, endpoint: Some(peer.to_owned()), ..h.clone() };
                    roster.put_hub(&bound).map_err(internal)?;
                    Some(Box::new(move |r: &mut crate::doc::Roster| {
                        r.hubs.iter_mut().filter(|x| x.id == bound.id).for_each(|x| *x = bound.clone());
                    }) as Box<dyn FnOnce(&mut crate::doc::Roster)>)
                } else {
                    None
                }
            }
        };
        if let Some(bind) = changed {
            stored.doc = roster.into_automerge();
            self.store().save(&mut stored).map_err(internal)?;
            info!(%peer, campaign = %claim.campaign, "invite claimed and bound to the peer's node");
            // The index takes the roster as it now is, instead of reading it again (a second
            // for a roster of 10,000 candidates, while the new peer waits).
            if let Some(files_before) = files_before {
                let mut data = data;
                bind(&mut data);
                self.index.adopt_saved(&claim.campaign, &files_before, data, stored);
            }
        }
        Ok(())
    }

    fn candidates_of(&self, campaign: &CampaignId) -> Vec<CandidateId> {
        self.index.candidates_of(campaign)
    }

    /// Write the "received" event once a submitted submission's recordings are all here.
    pub async fn mark_received_if_complete(&self, candidate: &CandidateId) -> Result<bool, StoreError> {
        let submission = self.store().submission(candidate)?;
        if submission.submitted_at.is_none() || submission.events.iter().any(|e| e.kind == EventKind::Received) {
            return Ok(false);
        }
        for (question, take) in submission.takes() {
            if !self.delivered_here(candidate, &take.hash).await
                && !self.assemble_take(&submission, question, take).await.unwrap_or(false)
            {
                return Ok(false);
            }
        }
        // The blob store commits in batches: make the recordings durable before telling the
        // candidate they arrived (the candidate may then drop its copy).
        if let Err(e) = self.node.blobs.sync_db().await {
            warn!(%candidate, error = %e, "could not flush the recordings store; receipt postponed");
            return Ok(false);
        }
        let _guard = self.locks.document(DocRef { kind: DocKind::Submission, id: candidate.as_str().to_owned() }).await;
        let mut stored = self.store().load(DocKind::Submission, candidate.as_str())?;
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))
            .map_err(doc_err(DocKind::Submission, candidate.as_str()))?;
        // Written meanwhile by another look at this submission (a recording that arrived, the
        // end of another session)?
        let now = doc.read().map_err(doc_err(DocKind::Submission, candidate.as_str()))?;
        if now.events.iter().any(|e| e.kind == EventKind::Received) {
            return Ok(false);
        }
        let event = StatusEvent { kind: EventKind::Received, by: endpoint_hex(&self.node.id()), at: self.clock.now() };
        doc.push_event(&event).map_err(doc_err(DocKind::Submission, candidate.as_str()))?;
        stored.doc = doc.into_automerge();
        self.store().save(&mut stored)?;
        info!(%candidate, "submission received: every recording verified");
        Ok(true)
    }

    /// May this peer download this recording? (Reviewers and hubs, for the campaigns they are on.)
    /// Who the peer is comes from memory; only a reviewer's or hub's request reads submissions.
    fn may_download(&self, peer: &str, hash: &Hash) -> bool {
        let access = self.index.access(peer);
        let campaigns: Vec<&CampaignId> = access.downloads_from().collect();
        if campaigns.is_empty() {
            return false;
        }
        let hex = hash.to_hex();
        campaigns
            .into_iter()
            .flat_map(|c| self.candidates_of(c))
            .any(|c| self.store().submission(&c).is_ok_and(|s| s.takes().any(|(_, t)| t.hash == hex)))
    }
}

fn internal(e: impl std::fmt::Display) -> Refusal {
    Refusal(format!("the employer node could not process this: {e}"))
}

/// Before any TLS work, for every protocol: a connection attempt from an address that may not
/// have a handshake now ([`Admission::handshake`]) is refused; the client hears so at once and
/// comes back a moment later. Relayed attempts have no address and go on to the handshake.
fn handshake_filter(admission: &Admission, incoming: &Incoming) -> IncomingFilterOutcome {
    let IncomingAddr::Ip(addr) = incoming.remote_addr() else { return IncomingFilterOutcome::Accept };
    match admission.handshake(addr.ip(), Instant::now()) {
        Ok(()) => IncomingFilterOutcome::Accept,
        Err(busy) => {
            debug!(%addr, %busy, "handshake refused");
            IncomingFilterOutcome::Reject
        }
    }
}

/// The peer's IP address on the connection's selected path (`None` when relayed).
fn remote_ip(conn: &Connection) -> Option<std::net::IpAddr> {
    let paths = conn.paths();
    let path = paths.iter().find(iroh::endpoint::Path::is_selected).or_else(|| paths.iter().next())?;
    match path.remote_addr() {
        iroh::TransportAddr::Ip(addr) => Some(addr.ip()),
        _ => None,
    }
}

/// Keep the roster index in step with saves by other processes (`peerview invite` while the
/// node runs), until the service is gone.
async fn follow_rosters(svc: std::sync::Weak<EmployerService>) {
    loop {
        tokio::time::sleep(ROSTER_REFRESH_EVERY).await;
        let Some(svc) = svc.upgrade() else { return };
        if tokio::task::spawn_blocking(move || svc.index.refresh()).await.is_err() {
            return;
        }
    }
}

/// Now and then, while the service lives, give memory freed since back to the system (see
/// [`crate::memory`]).
async fn return_freed_memory(svc: std::sync::Weak<EmployerService>) {
    loop {
        tokio::time::sleep(crate::memory::RETURN_FREED_EVERY).await;
        if svc.upgrade().is_none() {
            return;
        }
        if !tokio::task::spawn_blocking(crate::memory::return_freed).await.unwrap_or(false) {
            return;
        }
    }
}

async fn authorise_blob_requests(svc: Arc<EmployerService>, mut rx: tokio::sync::mpsc::Receiver<ProviderMessage>) {
    let mut peers: HashMap<u64, String> = HashMap::new();
    while let Some(msg) = rx.recv().await {
        match msg {
            ProviderMessage::ClientConnected(m) => {
                let peer = m.endpoint_id.map(|id| endpoint_hex(&id));
                let access = peer.as_deref().map(|p| svc.index.access(p)).unwrap_or_default();
                let ok = access.downloads_from().next().is_some();
                if ok {
                    peers.insert(m.connection_id, peer.clone().unwrap_or_default());
                } else {
                    info!(peer = ?peer, "recording download refused: not a reviewer or hub");
                }
                let _ = m.tx.send(if ok { Ok(()) } else { Err(AbortReason::Permission) }).await;
            }
            ProviderMessage::ConnectionClosed(m) => {
                peers.remove(&m.connection_id);
            }
            ProviderMessage::GetRequestReceived(m) => {
                let ok = m.request.ranges.is_blob()
                    && peers.get(&m.connection_id).is_some_and(|p| svc.may_download(p, &m.request.hash));
                debug!(hash = %m.request.hash, ok, "recording request");
                let _ = m.tx.send(if ok { Ok(()) } else { Err(AbortReason::Permission) }).await;
            }
            _ => {}
        }
    }
}

#[derive(Debug, Clone)]
struct SyncHandler(Arc<EmployerService>);

impl ProtocolHandler for SyncHandler {
    async fn accept(&self, connection: Connection) -> Result<(), AcceptError> {
        let peer = endpoint_hex(&connection.remote_id());
        if let Err(e) = self.0.clone().serve_sync(connection.clone()).await {
            info!(%peer, error = %e, "sync ended with an error");
            connection.close(VarInt::from_u32(close_code::PROTOCOL), e.to_string().as_bytes());
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
struct OfferHandler(Arc<EmployerService>);

impl ProtocolHandler for OfferHandler {
    async fn accept(&self, connection: Connection) -> Result<(), AcceptError> {
        let peer = endpoint_hex(&connection.remote_id());
        if let Err(e) = self.0.clone().serve_offer(connection.clone()).await {
            info!(%peer, error = %e, "recording transfer interrupted; the candidate will resume it");
            connection.close(VarInt::from_u32(close_code::INTERNAL), e.to_string().as_bytes());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::checks::check_hub_change;
    use super::invites::{load_roster, save_roster};
    use super::*;
    use crate::auth::DocRef;
    use crate::doc::ReviewsDoc;
    use crate::ids::{HubId, ReviewerId};
    use crate::time::Timestamp;

    fn bound(store: &Store, campaign: &CampaignId, invitee: &Invitee, node: &str) {
        let (stored, mut roster) = load_roster(store, campaign).expect("roster");
        let data = roster.read().expect("read");
        match invitee {
            Invitee::Reviewer(id) => {
                let r = data.reviewer(id).expect("reviewer").clone();
                roster
                    .put_reviewer(&Reviewer { state: InviteState::Joined, endpoint: Some(node.into()), ..r })
                    .expect("put");
            }
            Invitee::Hub(id) => {
                let h = data.hub(id).expect("hub").clone();
                roster.put_hub(&Hub { state: InviteState::Joined, endpoint: Some(node.into()), ..h }).expect("put");
            }
            Invitee::Candidate(_) => unreachable!(),
        }
        save_roster(store, stored, roster).expect("save");
    }

    /// An invite written as if by the hub bound to `node` (what replication brings in).
    fn invited_by(store: &Store, campaign: &CampaignId, ticket: &Ticket, node: &str) {
        let (stored, mut roster) = load_roster(store, campaign).expect("roster");
        let data = roster.read().expect("read");
        match &ticket.invitee {
            Invitee::Reviewer(id) => {
                let r = data.reviewer(id).expect("reviewer").clone();
                roster.put_reviewer(&Reviewer { invited_by: Some(node.into()), ..r }).expect("put");
            }
            Invitee::Hub(id) => {
                let h = data.hub(id).expect("hub").clone();
                roster.put_hub(&Hub { invited_by: Some(node.into()), ..h }).expect("put");
            }
            Invitee::Candidate(_) => unreachable!(),
        }
        save_roster(store, stored, roster).expect("save");
    }

    /// A campaign without questions, open for ever.
    pub(super) fn campaign() -> crate::doc::Campaign {
        crate::doc::Campaign {
            id: CampaignId::random(),
            title: "Porter".into(),
            role: "Porter".into(),
            instructions: String::new(),
            practice: None,
            questions: vec![],
            criteria: vec![],
            deadline: Timestamp(i64::MAX / 2),
            created_at: Timestamp(1),
            retention_days: None,
            blind_review: false,
            reviewers_may_message: false,
            language: None,
            time_zone: None,
        }
    }

    /// Binding an invite starts from the index's copy of the roster only while that copy holds
    /// exactly the roster's files on disk; a save by anyone else makes it read the disk.
    #[test]
    fn the_index_lends_its_roster_only_while_it_is_current() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(Store::open(dir.path()).expect("store"));
        let c = campaign();
        store.create_campaign(&c).expect("campaign");
        invite_candidate(&store, &c.id, "Ada", None, vec![]).expect("invite");
        let index = RosterIndex::new(store.clone());
        let files = store.revision(DocKind::Roster, c.id.as_str()).expect("files");
        let (mut copy, roster) = index.roster_copy(&c.id, &files).expect("current");
        assert_eq!(copy.doc.get_heads(), store.load(DocKind::Roster, c.id.as_str()).expect("load").doc.get_heads());
        assert_eq!(roster.candidates.len(), 1);
        // Another process invites someone: the copy no longer matches the files.
        let other = Store::open(dir.path()).expect("another process");
        invite_candidate(&other, &c.id, "Grace", None, vec![]).expect("invite");
        let now = store.revision(DocKind::Roster, c.id.as_str()).expect("files");
        assert_ne!(now, files);
        assert!(index.roster_copy(&c.id, &now).is_none(), "a copy older than the disk was lent");
        index.refresh();
        let (mut copy, roster) = index.roster_copy(&c.id, &now).expect("current again");
        assert_eq!(roster.candidates.len(), 2);
        assert_eq!(copy.doc.get_heads(), store.load(DocKind::Roster, c.id.as_str()).expect("load").doc.get_heads());
    }

    #[test]
    fn a_hub_cannot_write_scores_into_the_reviews() {
        let c = campaign();
        let candidate = CandidateId::random();
        let (ann, hub) = (ReviewerId::random(), HubId::random());
        let doc_ref = DocRef { kind: DocKind::Reviews, id: candidate.to_string() };
        let mut reviews = ReviewsDoc::create(&c.id, &candidate).expect("reviews");
        reviews
            .add_comment(
                &ann,
                "Ann",
                &crate::doc::ReviewComment {
                    question: "intro".parse().expect("id"),
                    at_ms: 1,
                    text: "clear".into(),
                    written_at: Timestamp(2),
                },
            )
            .expect("comment");
        let before = reviews.automerge().clone();
        // A comment, a recommendation, a mark: what a hub relays.
        let mut relayed = ReviewsDoc::from_automerge(before.clone()).expect("doc");
        relayed.mark_submitted(&ann, "Ann", Timestamp(3)).expect("mark");
        check_hub_change(&doc_ref, &before, relayed.automerge(), &hub).expect("relayed");
        // Scores (an older version's Reviews): refused, naming where scores belong.
        let mut scored = ReviewsDoc::from_automerge(before.clone()).expect("doc");
        scored.set_score(&ann, "Ann", "Overall", 4).expect("score");
        let err = check_hub_change(&doc_ref, &before, scored.automerge(), &hub).expect_err("scores");
        assert!(err.0.contains("scorecard"), "{err:?}");
    }

    #[test]
    fn revoking_a_hub_revokes_what_it_invited_and_their_invites_in_turn() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let c = campaign();
        store.create_campaign(&c).expect("campaign");
        let own = own_endpoint(&store);
        let office = invite_hub(&store, &c.id, "Office", vec![]).expect("hub");
        bound(&store, &c.id, &office.invitee, "0ff1ce");
        // The office hub invites a reviewer and another hub, which invites a reviewer too.
        let rita = invite_reviewer(&store, &c.id, "Rita", vec![]).expect("reviewer");
        invited_by(&store, &c.id, &rita, "0ff1ce");
        let laptop = invite_hub(&store, &c.id, "Laptop", vec![]).expect("hub");
        invited_by(&store, &c.id, &laptop, "0ff1ce");
        bound(&store, &c.id, &laptop.invitee, "1a9709");
        let sam = invite_reviewer(&store, &c.id, "Sam", vec![]).expect("reviewer");
        invited_by(&store, &c.id, &sam, "1a9709");
        // One the employer invited stays.
        let eve = invite_reviewer(&store, &c.id, "Eve", vec![]).expect("reviewer");
        let roster = store.roster(&c.id).expect("roster");
        assert_eq!(roster.reviewers.iter().find(|r| r.name == "Eve").and_then(|r| r.invited_by.clone()), Some(own));

        let Invitee::Hub(office_id) = &office.invitee else { unreachable!() };
        revoke(&store, &c.id, office_id.as_str()).expect("revoke");
        let roster = store.roster(&c.id).expect("roster");
        let state = |name: &str| {
            roster
                .reviewers
                .iter()
                .find(|r| r.name == name)
                .map(|r| r.state)
                .or_else(|| roster.hubs.iter().find(|h| h.name == name).map(|h| h.state))
                .expect(name)
        };
        for name in ["Office", "Laptop", "Rita", "Sam"] {
            assert_eq!(state(name), InviteState::Revoked, "{name}");
        }
        assert_eq!(state("Eve"), InviteState::Invited);
        let _ = eve;
        // Tickets issued afterwards no longer list the revoked hubs.
        assert!(ticket_nodes(&store, &c.id, None).is_empty());
    }
}
