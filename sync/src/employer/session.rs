//! A sync session with a peer (`peerview/sync/1`, see `crate::protocol`): admitted before it
//! proves anything, resolved to what it may see, then rounds of checked changes until it is
//! done, revoked or over its budget.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Instant;

use automerge::ChangeHash;
use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use iroh::endpoint::{Connection, VarInt};
use tracing::{debug, info, warn};

use super::{EmployerService, PeerGuard, deletion, internal, remote_ip};
use crate::auth::{Access, DocRef, Refusal};
use crate::budget::{
    HELLO_TIMEOUT, MAX_HELLO_BYTES, MAX_INFLATED_BYTES, MAX_WAITING_ROUNDS, SessionBudget, applying_share,
};
use crate::doc::{DeletionReason, ScorecardDoc};
use crate::ids::{CampaignId, CandidateId, ReviewerId};
use crate::node::endpoint_hex;
use crate::protocol::{
    Entry, MAX_FRAME_BYTES, Msg, PROTOCOL_VERSION, READ_TIMEOUT, WireError, close_code, read_frame, write_msg,
};
use crate::store::{DocFiles, DocKind, StoreError, StoredDoc};

impl EmployerService {
    pub(super) async fn serve_sync(self: Arc<Self>, conn: Connection) -> Result<(), WireError> {
        let _counted = PeerGuard::new(&self.peers);
        let peer = endpoint_hex(&conn.remote_id());
        // Before the peer has proved who it is: a place among the unauthenticated (refused at
        // once when its address has too many; given up to a newer connection when all are
        // taken and it has waited longest), one stream, one small Hello, a few seconds.
        let admitted = match self.admission.admit(remote_ip(&conn)) {
            Ok(admitted) => admitted,
            Err(busy) => {
                debug!(%peer, %busy, "connection refused before Hello");
                conn.close(VarInt::from_u32(close_code::REFUSED), crate::client::BUSY_REASON.as_bytes());
                return Ok(());
            }
        };
        let hello = tokio::time::timeout(HELLO_TIMEOUT, async {
            let (send, mut recv) = conn.accept_bi().await.map_err(|e| WireError::Io(e.to_string()))?;
            let (hello, _) = read_frame(&mut recv, MAX_HELLO_BYTES, HELLO_TIMEOUT).await?;
            Ok::<_, WireError>((send, recv, hello))
        });
        let (mut send, mut recv, hello) = tokio::select! {
            hello = hello => hello.map_err(|_| WireError::Timeout)??,
            () = admitted.evicted() => {
                debug!(%peer, "connection gave its place to a newer one before Hello");
                conn.close(VarInt::from_u32(close_code::REFUSED), crate::client::BUSY_REASON.as_bytes());
                return Ok(());
            }
        };
        let claim = match hello {
            Msg::Hello { protocol, claim } if protocol == PROTOCOL_VERSION => claim,
            Msg::Hello { protocol, .. } => {
                return refuse(
                    &conn,
                    &mut send,
                    &peer,
                    format!("protocol version {protocol} is not supported; update Peerview"),
                )
                .await;
            }
            _ => return Err(WireError::Malformed("expected Hello".into())),
        };
        let access = match self.resolve(&peer, claim.as_ref()).await {
            Ok(a) if !a.is_empty() => {
                self.admission.proved(remote_ip(&conn), Instant::now());
                Arc::new(a)
            }
            Ok(_) => {
                return refuse(
                    &conn,
                    &mut send,
                    &peer,
                    "this computer is not invited to any campaign of this employer".into(),
                )
                .await;
            }
            Err(r) => {
                if let Some(deletion) = claim.as_ref().and_then(|c| self.deleted_claim(c)) {
                    return deletion::tell_deleted(&conn, &mut send, &peer, deletion).await;
                }
                return refuse(&conn, &mut send, &peer, r.0).await;
            }
        };
        let scorecards = self.scorecards_by_candidate(&access);
        let visible: Vec<DocRef> = access
            .documents(
                |c| self.candidates_of(c),
                |c| self.store().campaign(c).map_or(true, |c| c.blind_review),
                |c| scorecards.get(c).cloned().unwrap_or_default(),
                |c, r| self.store().scorecard(c, r).is_ok_and(|s| s.submitted_at.is_some()),
            )
            .into_iter()
            .collect();
        // Which of them are here, listed once, a few at a time (a reviewer sees thousands); the
        // listing serves the first round too (`answer_unloaded`).
        let mut listed: HashMap<DocRef, DocFiles> = HashMap::new();
        let pairs = visible.iter().map(|d| (d.kind, d.id.clone())).collect();
        for (doc_ref, files) in visible.into_iter().zip(self.store().files_many(pairs)) {
            match files {
                Ok(Some(files)) => {
                    listed.insert(doc_ref, files);
                }
                Ok(None) => {}
                // Left out of the session, as if it were not here (the rest still syncs).
                Err(e) => warn!(%peer, error = %e, "a document's directory could not be listed"),
            }
        }
        let docs: BTreeSet<DocRef> = listed.keys().cloned().collect();
        info!(%peer, docs = docs.len(), candidate = ?access.candidate_of, reviewer = ?access.reviewer_of, "sync accepted");
        write_msg(&mut send, &Msg::Welcome { docs: docs.iter().cloned().collect() }).await?;
        drop(admitted);
        let mut budget = SessionBudget::new(docs.len(), Instant::now());
        let mut session = SessionDocs {
            states: docs.iter().map(|d| (d.clone(), SyncState::new())).collect(),
            docs,
            listed,
            loaded: HashMap::new(),
            whole: HashMap::new(),
            waiting: HashMap::new(),
        };
        loop {
            let (entries, bytes) = match read_frame(&mut recv, MAX_FRAME_BYTES, READ_TIMEOUT).await {
                Ok((Msg::Round { entries }, bytes)) => (entries, bytes),
                Ok((Msg::Bye, _)) | Err(WireError::Closed) => break,
                // The peer said Bye and closed at once: the close can overtake the Bye. What
                // the session moved is saved round by round, so this is a normal end.
                Err(WireError::Io(_)) if conn.close_reason().is_some() => break,
                Ok(_) => return Err(WireError::Malformed("expected Round".into())),
                Err(e) => return Err(e),
            };
            match budget.round(bytes as u64, Instant::now()) {
                Ok(wait) if wait.is_zero() => {}
                Ok(wait) => tokio::time::sleep(wait).await,
                Err(over) => return refuse(&conn, &mut send, &peer, over.to_string()).await,
            }
            // Revoked since the session began: it ends here, within one round.
            if !still_allowed(&self.index.access(&peer), &access) {
                return refuse(&conn, &mut send, &peer, "this invite was withdrawn by the employer".into()).await;
            }
            // Its share of the bytes applied at once, before any work on it (then the
            // documents it changes: always in this order, so nobody holds one waiting for the other).
            let share = self.applying.clone().acquire_many_owned(applying_share(bytes as u64)).await;
            let share = share.map_err(|_| WireError::Io("the node is shutting down".into()))?;
            let said = match decode_round(entries) {
                Ok(said) => said,
                Err(r) => return refuse(&conn, &mut send, &peer, r.0).await,
            };
            let changing = self.changed_by(&access, &session, &said);
            let sent_changes = !changing.is_empty();
            let held = self.locks.documents(changing).await;
            // On a blocking thread: merging, checking and saving (each save is flushed to disk)
            // would hold up every other connection this runtime serves. The documents stay held
            // until that work ends, even if this session is dropped meanwhile.
            let (service, round_access) = (self.clone(), access.clone());
            let (returned, applied) = tokio::task::spawn_blocking(move || {
                let _held = (share, held);
                let applied = service.apply_round(&round_access, &mut session, said);
                (session, applied)
            })
            .await
            .map_err(|e| WireError::Io(format!("a round could not be applied: {e}")))?;
            session = returned;
            let reply = match applied {
                Ok(reply) => reply,
                Err(r) => return refuse(&conn, &mut send, &peer, r.0).await,
            };
            // A candidate who withdrew: delete now and answer with the receipt.
            if sent_changes && let Some((campaign, candidate)) = self.withdrawn(&access, &session.loaded) {
                drop(session);
                let deleted = {
                    let _guard = self.locks.exclusive().await;
                    self.delete_documents(&campaign, &candidate, DeletionReason::Withdrawn)
                };
                return match deleted {
                    // The receipt first; the recordings follow (the marker finishes it even
                    // after a crash).
                    Ok(d) => {
                        let told = deletion::tell_deleted(&conn, &mut send, &peer, d.deletion).await;
                        let node = self.node.clone();
                        tokio::spawn(async move {
                            if let Err(e) = node.purge_recordings().await {
                                warn!(error = %e, "removing the recordings of a withdrawn submission");
                            }
                        });
                        told
                    }
                    Err(e) => {
                        warn!(%peer, error = %e, "could not delete a withdrawn submission");
                        refuse(
                            &conn,
                            &mut send,
                            &peer,
                            format!("the employer node could not delete the submission: {e}"),
                        )
                        .await
                    }
                };
            }
            write_msg(&mut send, &Msg::Round { entries: reply }).await?;
            // A submission that just became complete (a written answer has no recording to
            // wait for) gets its receipt now, so the next round of this session carries it.
            if sent_changes {
                self.receipts(&peer, &access).await;
            }
        }
        self.receipts(&peer, &access).await;
        let _ = send.finish();
        // A hub may have brought deletions (tombstones in a roster): apply them here too.
        if !access.hub_of.is_empty() {
            self.apply_deletions().await;
        }
        Ok(())
    }

    /// "Received" for the peer's own submissions that are now complete.
    async fn receipts(&self, peer: &str, access: &Access) {
        for (_, candidate) in &access.candidate_of {
            if let Err(e) = self.mark_received_if_complete(candidate).await {
                warn!(%peer, error = %e, "checking whether a submission is complete");
            }
        }
    }

    /// The documents a round's messages change, that the peer may write: only those are held
    /// while the round is applied (`locks`). A round of heads alone (most of a reviewer's, a
    /// candidate's status checks) waits for nobody, and writers of other documents go on
    /// meanwhile.
    fn changed_by(
        &self,
        access: &Access,
        session: &SessionDocs,
        said: &[(DocRef, Option<SyncMessage>)],
    ) -> BTreeSet<DocRef> {
        said.iter()
            .filter(|(doc, message)| {
                message.as_ref().is_some_and(|m| !m.changes.is_empty())
                    && (session.docs.contains(doc) || self.may_bring(access, doc))
            })
            .map(|(doc, _)| doc.clone())
            .collect()
    }

    /// Who has a scorecard here, per candidate, for the peer's campaigns (one listing).
    fn scorecards_by_candidate(&self, access: &Access) -> HashMap<CandidateId, Vec<ReviewerId>> {
        let mut map: HashMap<CandidateId, Vec<ReviewerId>> = HashMap::new();
        if access.reviewer_of.is_empty() && access.hub_of.is_empty() {
            return map;
        }
        match self.store().list(DocKind::Scorecard) {
            Ok(ids) => {
                for (candidate, reviewer) in ids.iter().filter_map(|id| crate::ids::parse_scorecard_id(id)) {
                    map.entry(candidate).or_default().push(reviewer);
                }
            }
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => warn!(error = %e, "listing scorecards"),
        }
        map
    }

    /// The campaign of one of the peer's campaigns that `candidate` belongs to.
    pub(super) fn campaign_of_candidate(&self, access: &Access, candidate: &CandidateId) -> Option<CampaignId> {
        access
            .reviewer_of
            .iter()
            .map(|(c, _)| c)
            .chain(access.hub_of.iter().map(|(c, _)| c))
            .find(|c| self.candidates_of(c).contains(candidate))
            .cloned()
    }

    /// A scorecard the peer brings that this session did not offer: a reviewer's own (new), or
    /// any of a hub's campaigns. Anything else is not this peer's to send.
    fn may_bring(&self, access: &Access, doc_ref: &DocRef) -> bool {
        if doc_ref.kind != DocKind::Scorecard {
            return false;
        }
        let Some((candidate, reviewer)) = crate::ids::parse_scorecard_id(&doc_ref.id) else { return false };
        self.campaign_of_candidate(access, &candidate).is_some_and(|c| access.may_bring_scorecard(&c, &reviewer))
    }

    /// After a reviewer's scorecard changed: once it is submitted, the other reviewers'
    /// scorecards of that submission join the session (they were withheld until then).
    fn reveal_scorecards(
        &self,
        access: &Access,
        docs: &mut BTreeSet<DocRef>,
        loaded: &HashMap<DocRef, StoredDoc>,
        touched: &[DocRef],
    ) {
        for doc_ref in touched {
            let Some((candidate, reviewer)) = crate::ids::parse_scorecard_id(&doc_ref.id) else { continue };
            let Some(campaign) = self.campaign_of_candidate(access, &candidate) else { continue };
            if access.is_hub_of(&campaign) || access.reviewer_for(&campaign) != Some(&reviewer) {
                continue;
            }
            let submitted = loaded.get(doc_ref).is_some_and(|s| {
                ScorecardDoc::from_automerge(s.doc.clone())
                    .and_then(|d| d.read())
                    .is_ok_and(|c| c.submitted_at.is_some())
            });
            if !submitted {
                continue;
            }
            match self.store().scorecards_of(candidate.as_str()) {
                Ok(ids) => docs.extend(ids.into_iter().map(|id| DocRef { kind: DocKind::Scorecard, id })),
                Err(e) => warn!(%candidate, error = %e, "listing the scorecards to reveal"),
            }
        }
    }

    /// One round: the peer's messages (decoded, each document named once) applied and checked,
    /// the documents saved, and the answer. The caller holds the locks of the documents the
    /// messages change.
    fn apply_round(
        &self,
        access: &Access,
        session: &mut SessionDocs,
        said: Vec<(DocRef, Option<SyncMessage>)>,
    ) -> Result<Vec<Entry>, Refusal> {
        let SessionDocs { docs, states, loaded, .. } = session;
        for (doc_ref, _) in &said {
            if !docs.contains(doc_ref) && self.may_bring(access, doc_ref) {
                let stored = if self.store().exists(doc_ref.kind, &doc_ref.id) {
                    self.store().load(doc_ref.kind, &doc_ref.id)
                } else {
                    self.store().unsaved(doc_ref.kind, &doc_ref.id)
                }
                .map_err(internal)?;
                loaded.insert(doc_ref.clone(), stored);
                docs.insert(doc_ref.clone());
            }
        }
        let touched: Vec<DocRef> = said
            .iter()
            .filter(|(doc_ref, message)| message.is_some() && doc_ref.kind == DocKind::Scorecard)
            .map(|(doc_ref, _)| doc_ref.clone())
            .collect();
        for (doc_ref, stored) in loaded.iter_mut() {
            self.store().refresh(stored).map_err(internal)?;
            // Rewritten since this session loaded it (`crate::legacy`): the copy here holds the
            // old history too; the rewrite alone is served from now on.
            if doc_ref.kind == DocKind::Reviews && crate::legacy::two_histories(&stored.doc) {
                let fresh = self.store().load(doc_ref.kind, &doc_ref.id).map_err(internal)?;
                if !crate::legacy::two_histories(&fresh.doc) {
                    *stored = fresh;
                    states.remove(doc_ref);
                }
            }
        }
        let mut reply = self.answer_unloaded(session, &said)?;
        let SessionDocs { docs, states, loaded, whole, waiting, .. } = session;
        // What the compressed changes of this whole round may inflate to.
        let mut inflate_budget = MAX_INFLATED_BYTES;
        for (doc_ref, message) in said {
            if !docs.contains(&doc_ref) {
                return Err(Refusal(format!("no access to {} document {}", doc_ref.kind, doc_ref.id)));
            }
            if let Some(message) = message.filter(|_| loaded.contains_key(&doc_ref)) {
                let stored = loaded.get_mut(&doc_ref).expect("loaded: just checked");
                let state = states.entry(doc_ref.clone()).or_default();
                let missing = self.apply_checked(access, &doc_ref, stored, state, message, &mut inflate_budget)?;
                // Changes that arrive before their dependencies wait in memory; the dependencies
                // must follow within a few rounds.
                let rounds = waiting.entry(doc_ref.clone()).or_default();
                *rounds = if missing == 0 { 0 } else { *rounds + 1 };
                if *rounds > MAX_WAITING_ROUNDS {
                    return Err(Refusal(format!(
                        "changes to the {} document wait for {missing} dependencies that were not sent in {MAX_WAITING_ROUNDS} rounds",
                        doc_ref.kind
                    )));
                }
            }
        }
        if !touched.is_empty() {
            self.reveal_scorecards(access, docs, loaded, &touched);
            for doc_ref in docs.iter() {
                if !loaded.contains_key(doc_ref) && !whole.contains_key(doc_ref) {
                    let stored = self.store().load(doc_ref.kind, &doc_ref.id).map_err(internal)?;
                    loaded.insert(doc_ref.clone(), stored);
                }
            }
        }
        for (doc_ref, stored) in loaded.iter_mut() {
            self.store().save(stored).map_err(internal)?;
            let state = states.entry(doc_ref.clone()).or_default();
            let message = stored.doc.sync().generate_sync_message(state).map(SyncMessage::encode);
            reply.push(Entry { doc: doc_ref.clone(), message });
        }
        Ok(reply)
    }
}

/// What a session keeps of each document between rounds.
pub(super) struct SessionDocs {
    /// What the peer may see (grows when scorecards are revealed or brought).
    docs: BTreeSet<DocRef>,
    states: HashMap<DocRef, SyncState>,
    /// Listed when the session began and not sent or loaded yet.
    listed: HashMap<DocRef, DocFiles>,
    /// Loaded documents stay in memory for the whole session (Automerge keeps changes whose
    /// dependencies have not arrived yet inside the document, and the sync state counts on
    /// them); each round merges what other writers saved meanwhile.
    loaded: HashMap<DocRef, StoredDoc>,
    /// Sent whole and not loaded (`crate::whole`).
    whole: HashMap<DocRef, Whole>,
    /// Rounds in a row that ended with changes still waiting for dependencies.
    waiting: HashMap<DocRef, u32>,
}

/// A document this session sent whole from its snapshot and has not loaded (`crate::whole`):
/// the heads sent, and what its directory held then.
pub(super) struct Whole {
    heads: Vec<ChangeHash>,
    files: DocFiles,
}

impl EmployerService {
    /// Load these documents for a session; a roster as the index holds it when that is what is
    /// on disk (loading the roster of 10,000 candidates takes a tenth of a second).
    fn load_many(&self, docs: &[(DocKind, String)]) -> Vec<Result<StoredDoc, StoreError>> {
        let (rosters, others): (Vec<_>, Vec<_>) = docs.iter().cloned().partition(|(kind, _)| *kind == DocKind::Roster);
        let mut loaded = self.store().load_many(&others);
        for (kind, id) in rosters {
            let copy = id.parse::<CampaignId>().ok().and_then(|campaign| {
                let files = self.store().revision(kind, &id).ok()?;
                self.index.roster_copy(&campaign, &files)
            });
            loaded.push(copy.map_or_else(|| self.store().load(kind, &id), |(stored, _)| Ok(stored)));
        }
        loaded
    }

    /// The documents of the session not loaded yet, before the round loads them: one the peer
    /// has none of goes whole from its snapshot, and one that went so is left alone while the
    /// peer holds just that and nobody changed it here. Neither is loaded: a reviewer's first
    /// sync asks for thousands. Returns those answers, after loading every other one (and the
    /// whole ones the peer or a writer here moved on: they start again from the document).
    fn answer_unloaded(
        &self,
        session: &mut SessionDocs,
        said: &[(DocRef, Option<SyncMessage>)],
    ) -> Result<Vec<Entry>, Refusal> {
        let SessionDocs { docs, states, loaded, listed, whole, .. } = session;
        let said: HashMap<&DocRef, &SyncMessage> =
            said.iter().filter_map(|(doc_ref, message)| Some((doc_ref, message.as_ref()?))).collect();
        let mut reply = Vec::new();
        let mut to_load = Vec::new();
        let mut to_send = Vec::new();
        // Sent whole, and the peer says it holds just that.
        let mut holding = std::collections::HashSet::new();
        for doc_ref in docs.iter().filter(|d| !loaded.contains_key(*d)) {
            let message = said.get(doc_ref);
            if let Some(sent) = whole.get(doc_ref) {
                if message.is_none_or(|m| crate::whole::peer_holds(m, &sent.heads)) {
                    holding.insert(doc_ref);
                } else {
                    to_load.push(doc_ref.clone());
                }
            } else if message.is_some_and(|m| crate::whole::peer_has_nothing(m)) {
                to_send.push(doc_ref.clone());
            } else {
                to_load.push(doc_ref.clone());
            }
        }
        // Nothing to say about those unless someone changed them here.
        let mut held: Vec<(&DocRef, &mut Whole)> = whole.iter_mut().filter(|(d, _)| holding.contains(d)).collect();
        let checks = held.iter_mut().map(|(d, sent)| (d.kind, d.id.as_str(), &mut sent.files)).collect();
        let unchanged = self.store().unchanged_many(checks).map_err(internal)?;
        for ((doc_ref, _), unchanged) in held.into_iter().zip(unchanged) {
            if unchanged {
                reply.push(Entry { doc: doc_ref.clone(), message: None });
            } else {
                to_load.push(doc_ref.clone());
            }
        }
        // Those sent whole start again from the document.
        for doc_ref in &to_load {
            if whole.remove(doc_ref).is_some() {
                states.remove(doc_ref);
            }
        }
        // Read as they are (`Store::snapshots`). Listed when the session began (or now, for one
        // that joined it since).
        let mut sending: Vec<(DocRef, DocFiles)> = Vec::new();
        for doc_ref in to_send {
            match listed.remove(&doc_ref) {
                Some(files) => sending.push((doc_ref, files)),
                None => match self.store().files(doc_ref.kind, &doc_ref.id).map_err(internal)? {
                    Some(files) => sending.push((doc_ref, files)),
                    None => to_load.push(doc_ref),
                },
            }
        }
        let read = self.store().snapshots(sending.iter().map(|(d, files)| (d.kind, d.id.as_str(), files)).collect());
        for ((doc_ref, files), snapshot) in sending.into_iter().zip(read) {
            let snapshot = snapshot.map_err(internal)?.map(|bytes| (bytes, files));
            let heads = snapshot.as_ref().and_then(|(bytes, _)| crate::budget::document_heads(bytes));
            match (snapshot, heads) {
                (Some((bytes, files)), Some(heads)) if !heads.is_empty() => {
                    let message = crate::whole::message(bytes, heads.clone()).encode();
                    reply.push(Entry { doc: doc_ref.clone(), message: Some(message) });
                    whole.insert(doc_ref, Whole { heads, files });
                }
                _ => to_load.push(doc_ref),
            }
        }
        let to_load: Vec<(DocKind, String)> = to_load
            .into_iter()
            .map(|d| {
                listed.remove(&d);
                (d.kind, d.id)
            })
            .collect();
        for stored in self.load_many(&to_load) {
            let stored = stored.map_err(internal)?;
            loaded.insert(DocRef { kind: stored.kind, id: stored.id.clone() }, stored);
        }
        Ok(reply)
    }
}

/// A round's messages decoded, once; a document named twice is refused.
fn decode_round(entries: Vec<Entry>) -> Result<Vec<(DocRef, Option<SyncMessage>)>, Refusal> {
    let mut named = std::collections::HashSet::new();
    if let Some(twice) = entries.iter().find(|e| !named.insert(&e.doc)) {
        return Err(Refusal(format!("a round names the {} document {} twice", twice.doc.kind, twice.doc.id)));
    }
    entries
        .into_iter()
        .map(|Entry { doc, message }| {
            let message = message
                .map(|bytes| SyncMessage::decode(&bytes))
                .transpose()
                .map_err(|e| Refusal(format!("malformed sync message: {e}")))?;
            Ok((doc, message))
        })
        .collect()
}

async fn refuse(
    conn: &Connection,
    send: &mut iroh::endpoint::SendStream,
    peer: &str,
    reason: String,
) -> Result<(), WireError> {
    info!(%peer, %reason, "refused");
    let _ = write_msg(send, &Msg::Refused { reason: reason.clone() }).await;
    let _ = send.finish();
    // Give the refusal a moment to arrive before the connection goes.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), send.stopped()).await;
    conn.close(VarInt::from_u32(close_code::REFUSED), reason.as_bytes());
    Ok(())
}

/// Whether a session may go on: every role it started with is still granted (not revoked).
fn still_allowed(now: &Access, session: &Access) -> bool {
    session.candidate_of.iter().all(|x| now.candidate_of.contains(x))
        && session.reviewer_of.iter().all(|x| now.reviewer_of.contains(x))
        && session.hub_of.iter().all(|x| now.hub_of.contains(x))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::auth::Quota;
    use crate::doc::{Answer, SubmissionDoc, TextAnswer};
    use crate::node::{Node, NodeConfig};
    use crate::store::Store;
    use crate::ticket::Invitee;
    use crate::time::Timestamp;

    async fn node(dir: &std::path::Path) -> Node {
        let config = NodeConfig::direct("127.0.0.1:0".parse().expect("addr"));
        Node::start(Arc::new(Store::open(dir).expect("store")), &config).await.expect("node")
    }

    /// While the bytes applied at once are all taken, a peer's round waits (nothing of it is
    /// decoded or applied); once they are given back, it goes through.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_round_waits_for_its_share_of_the_bytes_applied_at_once() {
        let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
        let employer = node(dirs[0].path()).await;
        let mut c = super::super::tests::campaign();
        c.questions.push(crate::doc::Question {
            id: "why".parse().expect("id"),
            prompt: "Why?".into(),
            kind: crate::doc::AnswerKind::Text,
            think_secs: 0,
            answer_limit_secs: 0,
            max_takes: 1,
        });
        employer.store.create_campaign(&c).expect("campaign");
        let service = EmployerService::new(employer.clone(), Quota::default());
        let _router = service.spawn_router();
        let ticket =
            super::super::invite_candidate(&employer.store, &c.id, "Ann", None, vec![employer.ticket_node().await])
                .expect("invite");
        let ann = node(dirs[1].path()).await;
        crate::client::sync_documents(&ann, &ticket).await.expect("Ann joins");
        let Invitee::Candidate(a) = ticket.invitee.clone() else { unreachable!("a candidate's ticket") };
        let mut stored = ann.store.load(DocKind::Submission, a.as_str()).expect("load");
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
        let answer = TextAnswer { text: "Because.".into(), written_at: Timestamp::now() };
        doc.set_answer(&"why".parse().expect("id"), &Answer::Text(answer)).expect("answer");
        stored.doc = doc.into_automerge();
        ann.store.save(&mut stored).expect("save");

        let all = service
            .applying
            .clone()
            .acquire_many_owned(crate::budget::APPLYING_PERMITS as u32)
            .await
            .expect("the budget");
        let syncing = {
            let (ann, ticket) = (ann.clone(), ticket.clone());
            tokio::spawn(async move { crate::client::sync_documents(&ann, &ticket).await })
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(!syncing.is_finished(), "the round went on without its share");
        assert!(employer.store.submission(&a).expect("submission").answers.is_empty(), "applied without its share");
        drop(all);
        tokio::time::timeout(Duration::from_secs(15), syncing)
            .await
            .expect("the round goes on once the budget is back")
            .expect("no panic")
            .expect("sync");
        assert_eq!(employer.store.submission(&a).expect("submission").answers.len(), 1);
        ann.shutdown().await;
        employer.shutdown().await;
    }
}
