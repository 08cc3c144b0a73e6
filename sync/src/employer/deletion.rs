//! The employer node's part in personal data's end: deleting a submission (by the employer, a
//! hub's tombstone, the candidate's withdrawal within their session, or retention), telling a
//! deleted candidate so (their receipt), and the daily upkeep that removes recordings no
//! submission needs. The deletion itself is `crate::lifecycle`.

use std::collections::HashMap;

use iroh::endpoint::{Connection, VarInt};
use tracing::{debug, info, warn};

use super::EmployerService;
use crate::auth::{Access, DocRef};
use crate::doc::{Deletion, DeletionReason, SubmissionDoc};
use crate::ids::{CampaignId, CandidateId};
use crate::node::endpoint_hex;
use crate::protocol::{Claim, Msg, WireError, close_code, write_msg};
use crate::store::{DocKind, StoredDoc};
use crate::ticket::{Invitee, Ticket};

impl EmployerService {
    /// The deletion of the candidate a claim names, if that submission was deleted.
    pub(super) fn deleted_claim(&self, claim: &Claim) -> Option<Deletion> {
        let Invitee::Candidate(id) = &claim.invitee else { return None };
        let roster = self.index.roster(&claim.campaign)?;
        let entry = roster.candidate(id)?;
        // Only to the holder of the invite: the receipt is no one else's business.
        (entry.secret_hash.as_deref() == Some(Ticket::secret_hash(&claim.secret).as_str()))
            .then_some(entry.deleted)
            .flatten()
    }

    /// A submission of this session's candidate that carries a withdrawal request.
    pub(super) fn withdrawn(
        &self,
        access: &Access,
        loaded: &HashMap<DocRef, StoredDoc>,
    ) -> Option<(CampaignId, CandidateId)> {
        access.candidate_of.iter().find_map(|(campaign, candidate)| {
            let doc_ref = DocRef { kind: DocKind::Submission, id: candidate.to_string() };
            let stored = loaded.get(&doc_ref)?;
            let submission = SubmissionDoc::from_automerge(stored.doc.clone()).ok()?.read().ok()?;
            submission.withdrawal_requested().then(|| (campaign.clone(), candidate.clone()))
        })
    }

    /// Delete a submission on this node (the tombstone replicates to the others) and remove
    /// its recordings.
    pub async fn delete(
        &self,
        campaign: &CampaignId,
        candidate: &CandidateId,
        reason: DeletionReason,
    ) -> Result<crate::lifecycle::Deleted, crate::lifecycle::LifecycleError> {
        let deleted = {
            let _guard = self.locks.exclusive().await;
            self.delete_documents(campaign, candidate, reason)?
        };
        if let Err(e) = self.node.purge_recordings().await {
            warn!(error = %e, "removing the recordings of a deleted submission; retried at the next start");
        }
        Ok(deleted)
    }

    /// The documents' part of a deletion (the caller holds every document: `locks.exclusive`);
    /// the recordings are left to `Node::purge_recordings`, which the deletion's marker tells
    /// what to remove.
    pub(super) fn delete_documents(
        &self,
        campaign: &CampaignId,
        candidate: &CandidateId,
        reason: DeletionReason,
    ) -> Result<crate::lifecycle::Deleted, crate::lifecycle::LifecycleError> {
        let me = endpoint_hex(&self.node.id());
        let deleted = crate::lifecycle::delete_submission(
            self.store(),
            campaign,
            candidate.as_str(),
            reason,
            self.clock.now(),
            &me,
        )?;
        self.index.refresh_campaigns([campaign]);
        Ok(deleted)
    }

    /// Apply the deletions the rosters here carry (tombstones from a hub, or written by another
    /// process): remove this node's copies and their recordings. Cheap: one roster read per
    /// campaign and a marker check per deleted candidate.
    pub async fn apply_deletions(&self) {
        let me = endpoint_hex(&self.node.id());
        {
            let _guard = self.locks.exclusive().await;
            if let Err(e) = crate::lifecycle::purge_local(self.store(), &me) {
                warn!(error = %e, "removing deleted submissions");
            }
        }
        self.index.refresh();
        if let Err(e) = self.node.purge_recordings().await {
            warn!(error = %e, "removing the recordings of deleted submissions");
        }
    }

    /// At start and daily: withdrawals and retention periods that ended, the deletions
    /// ([`Self::apply_deletions`]), then the recordings no submitted submission kept (takes
    /// recorded again).
    pub async fn daily_upkeep(&self) {
        let me = endpoint_hex(&self.node.id());
        // Looking costs a read of every submission (seconds in a large campaign): done once for
        // all three questions, without holding documents, on a blocking thread, so that sessions
        // starting meanwhile are served; only when something is due are they all taken (and the
        // look repeated under it, so nothing changed in between is acted on).
        let (store, now) = (self.node.store.clone(), self.clock.now());
        let started = std::time::Instant::now();
        let survey = tokio::task::spawn_blocking(move || crate::lifecycle::survey(&store, now)).await;
        let (due, superseded) = match survey {
            Ok(Ok(s)) => (!s.withdrawals.is_empty() || !s.expired.is_empty(), s.superseded.ok()),
            Ok(Err(e)) => {
                warn!(error = %e, "looking over the submissions for withdrawals and ended retention periods");
                (true, None)
            }
            Err(_) => (true, None),
        };
        debug!(due, millis = started.elapsed().as_millis(), "submissions looked over");
        if due {
            let _guard = self.locks.exclusive().await;
            // Withdrawals that reached this node while it was off, or through a hub.
            match crate::lifecycle::withdrawals(self.store()) {
                Ok(list) => {
                    for (campaign, candidate) in list {
                        if let Err(e) = crate::lifecycle::delete_submission(
                            self.store(),
                            &campaign,
                            candidate.as_str(),
                            DeletionReason::Withdrawn,
                            self.clock.now(),
                            &me,
                        ) {
                            warn!(%candidate, error = %e, "could not delete a withdrawn submission");
                        }
                    }
                }
                Err(e) => warn!(error = %e, "looking for withdrawals"),
            }
            if let Err(e) = crate::lifecycle::expire(self.store(), self.clock.now(), "retention") {
                warn!(error = %e, "applying the retention period");
            }
        }
        self.apply_deletions().await;
        self.migrate_old_reviews().await;
        self.pack_settled().await;
        // Deletions just made may have freed more: then look again.
        let purged = match superseded {
            Some(superseded) if !due => self.node.purge_unneeded(&superseded).await,
            _ => self.node.purge_superseded().await,
        };
        match purged {
            Ok(0) => {}
            Ok(n) => info!(recordings = n, "removed recordings that no submission kept"),
            Err(e) => warn!(error = %e, "removing recordings no submission needs"),
        }
    }
}

impl EmployerService {
    /// Candidates' documents nobody changed for a while go into one pack (`store::pack`): a
    /// new reviewer's first sync then reads one file instead of thousands. Packed without
    /// holding the documents; their files removed holding them all (a session saving meanwhile
    /// keeps its change).
    async fn pack_settled(&self) {
        loop {
            let store = self.node.store.clone();
            let packed =
                tokio::task::spawn_blocking(move || store.pack_settled(SETTLED_FOR, crate::store::PACK_FROM)).await;
            match packed {
                Ok(Ok(Some(repacked))) => {
                    let documents = repacked.documents;
                    let _guard = self.locks.exclusive().await;
                    match self.store().drop_repacked(&repacked) {
                        Ok(()) => info!(documents, "settled documents packed"),
                        Err(e) => {
                            return warn!(error = %e, "removing the files of packed documents; they stay beside the pack");
                        }
                    }
                    // A pack at a time: more may be waiting.
                    if documents < crate::store::PACK_AT_MOST {
                        return;
                    }
                }
                Ok(Ok(None)) | Err(_) => return,
                Ok(Err(e)) => return warn!(error = %e, "packing settled documents; tried again at the next upkeep"),
            }
        }
    }

    /// Reviews documents written before scorecards (`crate::legacy`): looked for without
    /// holding the documents, migrated holding them all.
    /// Once none is left, the node records it and does not look again.
    async fn migrate_old_reviews(&self) {
        if crate::legacy::all_migrated(self.store()) {
            return;
        }
        let store = self.node.store.clone();
        let outdated = match tokio::task::spawn_blocking(move || crate::legacy::outdated(&store)).await {
            Ok(Ok(found)) => found,
            Ok(Err(e)) => return warn!(error = %e, "looking for reviews written before scorecards"),
            Err(_) => return,
        };
        if !outdated.ids.is_empty() {
            let _guard = self.locks.exclusive().await;
            match crate::legacy::migrate(self.store(), &outdated.ids, self.clock.now()) {
                Ok(done) => info!(reviews = done.len(), "reviews written before scorecards migrated"),
                Err(e) => {
                    return warn!(error = %e, "migrating reviews written before scorecards; tried again at the next upkeep");
                }
            }
        }
        if outdated.unread > 0 {
            return;
        }
        if let Err(e) = crate::legacy::record_all_migrated(self.store()) {
            warn!(error = %e, "could not record that the reviews are migrated; they are looked at again next time");
        }
    }
}

/// Tell a deleted candidate's node that its submission is gone (its receipt), and close.
pub(super) async fn tell_deleted(
    conn: &Connection,
    send: &mut iroh::endpoint::SendStream,
    peer: &str,
    deletion: Deletion,
) -> Result<(), WireError> {
    info!(%peer, reason = %deletion.reason, "told a candidate their submission was deleted");
    let _ =
        write_msg(send, &Msg::Deleted { at: deletion.at.millis(), reason: deletion.reason.as_str().to_owned() }).await;
    let _ = send.finish();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), send.stopped()).await;
    conn.close(VarInt::from_u32(close_code::REFUSED), crate::index::DELETED_REASON.as_bytes());
    Ok(())
}

/// How long nobody must have changed a candidate's documents before the upkeep packs them.
const SETTLED_FOR: std::time::Duration = std::time::Duration::from_hours(1);

/// How often retention periods are checked (and at start).
const LIFECYCLE_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// How long after start the first upkeep runs.
const FIRST_UPKEEP_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// At start and daily: finish deletions a crash interrupted, apply withdrawals and
/// tombstones that arrived while the node was off, and delete what the retention period ended.
pub(super) async fn follow_lifecycle(svc: std::sync::Weak<EmployerService>) {
    // The upkeep reads every submission (seconds in a large campaign, on a machine with few
    // cores): a node that just started serves the peers that were waiting for it first.
    tokio::time::sleep(FIRST_UPKEEP_AFTER).await;
    loop {
        let Some(strong) = svc.upgrade() else { return };
        strong.daily_upkeep().await;
        drop(strong);
        tokio::time::sleep(LIFECYCLE_EVERY).await;
    }
}
