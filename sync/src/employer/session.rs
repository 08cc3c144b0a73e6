//! A sync session with a peer (`peerview/sync/1`, see `crate::protocol`): admitted before it
//! proves anything, resolved to what it may see, then rounds of checked changes until it is
//! done, revoked or over its budget.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Instant;

use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use iroh::endpoint::{Connection, VarInt};
use tracing::{debug, info, warn};

use super::{EmployerService, PeerGuard, deletion, internal, remote_ip};
use crate::auth::{Access, DocRef, Refusal};
use crate::budget::{HELLO_TIMEOUT, MAX_HELLO_BYTES, MAX_INFLATED_BYTES, MAX_WAITING_ROUNDS, SessionBudget};
use crate::doc::{DeletionReason, ScorecardDoc};
use crate::ids::{CampaignId, CandidateId, ReviewerId};
use crate::node::endpoint_hex;
use crate::protocol::{
    Entry, MAX_FRAME_BYTES, Msg, PROTOCOL_VERSION, READ_TIMEOUT, WireError, close_code, read_frame, write_msg,
};
use crate::store::{DocKind, StoreError, StoredDoc};

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
                a
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
        let mut docs: BTreeSet<DocRef> = access
            .documents(
                |c| self.candidates_of(c),
                |c| self.store().campaign(c).map_or(true, |c| c.blind_review),
                |c| scorecards.get(c).cloned().unwrap_or_default(),
                |c, r| self.store().scorecard(c, r).is_ok_and(|s| s.submitted_at.is_some()),
            )
            .into_iter()
            .filter(|d| self.store().exists(d.kind, &d.id))
            .collect();
        info!(%peer, docs = docs.len(), candidate = ?access.candidate_of, reviewer = ?access.reviewer_of, "sync accepted");
        write_msg(&mut send, &Msg::Welcome { docs: docs.iter().cloned().collect() }).await?;
        drop(admitted);
        let mut budget = SessionBudget::new(docs.len(), Instant::now());
        let mut states: HashMap<DocRef, SyncState> = docs.iter().map(|d| (d.clone(), SyncState::new())).collect();
        // The documents stay in memory for the whole session (Automerge keeps changes whose
        // dependencies have not arrived yet inside the document, and the sync state counts on
        // them); each round merges what other writers saved meanwhile.
        let mut loaded: HashMap<DocRef, StoredDoc> = HashMap::new();
        // Per document: rounds in a row that ended with changes still waiting for dependencies.
        let mut waiting: HashMap<DocRef, u32> = HashMap::new();
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
            let sent_changes = entries.iter().any(|e| e.message.is_some());
            let guard = self.write_lock.lock().await;
            let applied = self.apply_round(&access, &mut docs, &mut states, &mut loaded, &mut waiting, entries);
            drop(guard);
            let reply = match applied {
                Ok(reply) => reply,
                Err(r) => return refuse(&conn, &mut send, &peer, r.0).await,
            };
            // A candidate who withdrew: delete now and answer with the receipt.
            if sent_changes && let Some((campaign, candidate)) = self.withdrawn(&access, &loaded) {
                drop(loaded);
                let deleted = {
                    let _guard = self.write_lock.lock().await;
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
                for (_, candidate) in &access.candidate_of {
                    if let Err(e) = self.mark_received_if_complete(candidate).await {
                        warn!(%peer, error = %e, "checking whether a submission is complete");
                    }
                }
            }
        }
        for (_, candidate) in &access.candidate_of {
            if let Err(e) = self.mark_received_if_complete(candidate).await {
                warn!(%peer, error = %e, "checking whether a submission is complete");
            }
        }
        let _ = send.finish();
        // A hub may have brought deletions (tombstones in a roster): apply them here too.
        if !access.hub_of.is_empty() {
            self.apply_deletions().await;
        }
        Ok(())
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

    fn apply_round(
        &self,
        access: &Access,
        docs: &mut BTreeSet<DocRef>,
        states: &mut HashMap<DocRef, SyncState>,
        loaded: &mut HashMap<DocRef, StoredDoc>,
        waiting: &mut HashMap<DocRef, u32>,
        entries: Vec<Entry>,
    ) -> Result<Vec<Entry>, Refusal> {
        for entry in &entries {
            if !docs.contains(&entry.doc) && self.may_bring(access, &entry.doc) {
                let stored = if self.store().exists(entry.doc.kind, &entry.doc.id) {
                    self.store().load(entry.doc.kind, &entry.doc.id)
                } else {
                    self.store().unsaved(entry.doc.kind, &entry.doc.id)
                }
                .map_err(internal)?;
                loaded.insert(entry.doc.clone(), stored);
                docs.insert(entry.doc.clone());
            }
        }
        let touched: Vec<DocRef> = entries
            .iter()
            .filter(|e| e.message.is_some() && e.doc.kind == DocKind::Scorecard)
            .map(|e| e.doc.clone())
            .collect();
        let mut missing = Vec::new();
        for doc_ref in docs.iter() {
            match loaded.get_mut(doc_ref) {
                Some(stored) => {
                    self.store().refresh(stored).map_err(internal)?;
                    // Rewritten since this session loaded it (`crate::legacy`): the copy here
                    // holds the old history too; the rewrite alone is served from now on.
                    if doc_ref.kind == DocKind::Reviews && crate::legacy::two_histories(&stored.doc) {
                        let fresh = self.store().load(doc_ref.kind, &doc_ref.id).map_err(internal)?;
                        if !crate::legacy::two_histories(&fresh.doc) {
                            *stored = fresh;
                            states.remove(doc_ref);
                        }
                    }
                }
                None => missing.push((doc_ref.kind, doc_ref.id.clone())),
            }
        }
        for stored in self.store().load_many(&missing) {
            let stored = stored.map_err(internal)?;
            loaded.insert(DocRef { kind: stored.kind, id: stored.id.clone() }, stored);
        }
        // What the compressed changes of this whole round may inflate to.
        let mut inflate_budget = MAX_INFLATED_BYTES;
        for entry in entries {
            if !docs.contains(&entry.doc) {
                return Err(Refusal(format!("no access to {} document {}", entry.doc.kind, entry.doc.id)));
            }
            if let Some(bytes) = entry.message {
                let stored = loaded.get_mut(&entry.doc).expect("every allowed doc is loaded");
                let state = states.entry(entry.doc.clone()).or_default();
                let missing = self.apply_checked(access, &entry.doc, stored, state, &bytes, &mut inflate_budget)?;
                // Changes that arrive before their dependencies wait in memory; the dependencies
                // must follow within a few rounds.
                let rounds = waiting.entry(entry.doc.clone()).or_default();
                *rounds = if missing == 0 { 0 } else { *rounds + 1 };
                if *rounds > MAX_WAITING_ROUNDS {
                    return Err(Refusal(format!(
                        "changes to the {} document wait for {missing} dependencies that were not sent in {MAX_WAITING_ROUNDS} rounds",
                        entry.doc.kind
                    )));
                }
            }
        }
        if !touched.is_empty() {
            self.reveal_scorecards(access, docs, loaded, &touched);
            for doc_ref in docs.iter() {
                if !loaded.contains_key(doc_ref) {
                    let stored = self.store().load(doc_ref.kind, &doc_ref.id).map_err(internal)?;
                    loaded.insert(doc_ref.clone(), stored);
                }
            }
        }
        let mut reply = Vec::new();
        for (doc_ref, stored) in loaded.iter_mut() {
            self.store().save(stored).map_err(internal)?;
            let state = states.entry(doc_ref.clone()).or_default();
            let message = stored.doc.sync().generate_sync_message(state).map(SyncMessage::encode);
            reply.push(Entry { doc: doc_ref.clone(), message });
        }
        Ok(reply)
    }
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
