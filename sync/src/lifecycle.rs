//! The end of personal data's life on the employer side: deleting a candidate's submission
//! (by the employer, at the candidate's request, or when the campaign's retention period ends)
//! on this node and, through the roster, on every replica.
//!
//! A deletion is a tombstone in the roster (the candidate's entry turns `deleted`, with when and
//! why: ids only), which replicates like any roster change. Every employer-side node, when it
//! sees a tombstone, removes its copy: the candidate's Submission, Reviews and Contact
//! documents (whole documents, because an Automerge history keeps every old value), the
//! ledger of what they delivered, and, through [`crate::node::Node::purge_recordings`], their
//! recordings from the blob store. A marker in `DATA/deleted/` is written first and the store
//! never saves those documents again, so a session that had one loaded, or a replica that was
//! offline and comes back with an old copy, cannot bring the data back; a deletion interrupted
//! by a crash is finished at the next start.

use std::collections::BTreeSet;

use tracing::{info, warn};

use crate::audit::{self, Action};
use crate::doc::{Deletion, DeletionReason, DocError, EventKind, InviteState, RosterDoc, SubmissionDoc};
use crate::ids::{CampaignId, CandidateId};
use crate::store::{DocKind, Store, StoreError};
use crate::time::Timestamp;

/// Why a deletion was refused.
#[derive(Debug, thiserror::Error)]
pub enum LifecycleError {
    #[error("campaign {campaign} has no candidate {candidate}")]
    UnknownCandidate { campaign: CampaignId, candidate: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("roster of campaign {campaign}: {source}")]
    Doc { campaign: CampaignId, source: DocError },
}

/// What a deletion did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub campaign: CampaignId,
    pub candidate: CandidateId,
    pub deletion: Deletion,
    /// It had been deleted before (this call changed nothing but finishing the local removal).
    pub already: bool,
}

/// Delete a candidate's submission: write the tombstone into the roster, then remove this
/// node's copy. `by` is who acts (this node's endpoint id, hex), for the audit log.
pub fn delete_submission(
    store: &Store,
    campaign: &CampaignId,
    candidate: &str,
    reason: DeletionReason,
    at: Timestamp,
    by: &str,
) -> Result<Deleted, LifecycleError> {
    let doc_err = |source| LifecycleError::Doc { campaign: campaign.clone(), source };
    let mut stored = store.load(DocKind::Roster, campaign.as_str())?;
    let mut roster = RosterDoc::from_automerge(std::mem::take(&mut stored.doc)).map_err(doc_err)?;
    let data = roster.read().map_err(doc_err)?;
    let unknown = || LifecycleError::UnknownCandidate { campaign: campaign.clone(), candidate: candidate.to_owned() };
    let entry = data.candidates.iter().find(|c| c.id.as_str() == candidate).ok_or_else(unknown)?;
    let (deletion, already) = match entry.deleted {
        Some(d) => (d, true),
        None => {
            let deletion = Deletion { at, reason };
            let tombstone =
                crate::doc::Candidate { state: InviteState::Deleted, deleted: Some(deletion), ..entry.clone() };
            roster.put_candidate(&tombstone).map_err(doc_err)?;
            stored.doc = roster.into_automerge();
            store.save(&mut stored)?;
            let detail = Some(reason.as_str().to_owned());
            if let Err(e) = audit::record(
                store.root(),
                &audit::Entry::new(Action::Delete, by, campaign.as_str(), candidate, detail),
            ) {
                warn!(error = %e, "could not write the audit log");
            }
            info!(%campaign, candidate, %reason, "submission deleted");
            (deletion, false)
        }
    };
    purge_local(store, by)?;
    Ok(Deleted { campaign: campaign.clone(), candidate: entry.id.clone(), deletion, already })
}

/// Remove this node's copy of every submission the rosters here mark deleted (and finish any
/// removal a crash interrupted). Returns the candidates whose documents were removed now.
/// Recordings are left to [`crate::node::Node::purge_recordings`], which the marker tells
/// what to remove.
pub fn purge_local(store: &Store, by: &str) -> Result<Vec<CandidateId>, StoreError> {
    let mut removed = Vec::new();
    let mut fresh: Vec<String> = Vec::new();
    for campaign in store.list(DocKind::Roster)? {
        let Ok(campaign) = campaign.parse::<CampaignId>() else { continue };
        let roster = match store.roster_ids(&campaign) {
            Ok(r) => r,
            Err(e) => {
                warn!(%campaign, error = %e, "cannot read the roster to apply deletions");
                continue;
            }
        };
        for c in roster.candidates.iter().filter(|c| c.state == InviteState::Deleted) {
            if store.is_deleted(c.id.as_str()) {
                continue;
            }
            // The recordings to remove, read before the document goes.
            let hashes: Vec<String> = match store.submission(&c.id) {
                Ok(s) => s.referenced_hashes().into_iter().collect(),
                Err(_) => Vec::new(),
            };
            store.mark_deleted(c.id.as_str(), &hashes)?;
            fresh.push(c.id.to_string());
            let reason = c.deleted.map(|d| d.reason.as_str().to_owned());
            if let Err(e) = audit::record(
                store.root(),
                &audit::Entry::new(Action::Purge, by, campaign.as_str(), c.id.as_str(), reason),
            ) {
                warn!(error = %e, "could not write the audit log");
            }
        }
    }
    // Every marked candidate: remove what is still here (all of it the first time; what a crash
    // left, later).
    for (candidate, _) in store.deleted()? {
        let Ok(id) = candidate.parse::<CandidateId>() else { continue };
        let left = DocKind::PER_CANDIDATE.iter().any(|k| store.doc_dir_exists(*k, &candidate));
        if !left && !fresh.contains(&candidate) {
            continue;
        }
        let docs = store.remove_candidate_docs(&candidate)?;
        let ledger = crate::delivered::Ledger::open(store.root());
        ledger.forget(&id).map_err(|source| StoreError::Io { path: store.root().join("delivered"), source })?;
        if docs > 0 {
            info!(candidate, docs, "removed the documents of a deleted submission");
            removed.push(id);
        }
    }
    Ok(removed)
}

/// Hashes (hex) referenced by submissions that are still kept here: recordings that must stay.
pub fn kept_hashes(store: &Store) -> Result<BTreeSet<String>, StoreError> {
    let mut kept = BTreeSet::new();
    for id in store.list(DocKind::Submission)? {
        let Ok(candidate) = id.parse::<CandidateId>() else { continue };
        kept.extend(store.submission(&candidate)?.referenced_hashes());
    }
    Ok(kept)
}

/// Submissions whose retention period is over at `now`: decided ones `retention_days` after
/// the (latest) decision, undecided ones that long after the deadline (with the candidate's
/// extension). Campaigns without a retention period keep everything.
pub fn expired(store: &Store, now: Timestamp) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    let mut out = Vec::new();
    let (campaigns, _) = store.campaigns()?;
    for campaign in campaigns {
        let Some(days) = campaign.retention_days else { continue };
        let Ok(roster) = store.roster_ids(&campaign.id) else { continue };
        for c in roster.candidates.iter().filter(|c| c.state != InviteState::Deleted) {
            let Ok(submission) = store.submission(&c.id) else { continue };
            let decided =
                submission.events.iter().filter(|e| matches!(e.kind, EventKind::Decision { .. })).map(|e| e.at).max();
            let start = decided.unwrap_or_else(|| crate::auth::deadline_for(&campaign, &submission));
            if now >= start.plus_secs(u64::from(days) * 86_400) {
                out.push((campaign.id.clone(), c.id.clone()));
            }
        }
    }
    Ok(out)
}

/// Delete every submission whose retention period is over.
pub fn expire(store: &Store, now: Timestamp, by: &str) -> Result<Vec<Deleted>, LifecycleError> {
    let mut deleted = Vec::new();
    for (campaign, candidate) in expired(store, now)? {
        deleted.push(delete_submission(store, &campaign, candidate.as_str(), DeletionReason::Retention, now, by)?);
    }
    Ok(deleted)
}

/// Submissions whose candidate asked for deletion and that are not deleted yet.
pub fn withdrawals(store: &Store) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    let mut out = Vec::new();
    for campaign in store.list(DocKind::Roster)? {
        let Ok(campaign) = campaign.parse::<CampaignId>() else { continue };
        let Ok(roster) = store.roster_ids(&campaign) else { continue };
        for c in roster.candidates.iter().filter(|c| c.state != InviteState::Deleted) {
            if store.submission(&c.id).is_ok_and(|s| s.withdrawal_requested()) {
                out.push((campaign.clone(), c.id.clone()));
            }
        }
    }
    Ok(out)
}

/// Candidate: ask the employer side to delete this submission (sent with the next sync).
pub fn request_withdrawal(store: &Store, candidate: &CandidateId, at: Timestamp, by: &str) -> Result<bool, StoreError> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let doc_err = |source| StoreError::Doc { kind: DocKind::Submission, id: candidate.to_string(), source };
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).map_err(doc_err)?;
    if doc.read().map_err(doc_err)?.withdrawal_requested() {
        return Ok(false);
    }
    doc.push_event(&crate::doc::StatusEvent { kind: EventKind::WithdrawalRequested, by: by.to_owned(), at })
        .map_err(doc_err)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(true)
}

/// Candidate: keep the employer side's answer that the submission was deleted (the receipt),
/// in the candidate's own copy. Written once.
pub fn record_receipt(store: &Store, candidate: &CandidateId, deletion: Deletion, by: &str) -> Result<(), StoreError> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let doc_err = |source| StoreError::Doc { kind: DocKind::Submission, id: candidate.to_string(), source };
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).map_err(doc_err)?;
    if doc.read().map_err(doc_err)?.events.iter().any(|e| matches!(e.kind, EventKind::Deleted { .. })) {
        return Ok(());
    }
    let event = crate::doc::StatusEvent {
        kind: EventKind::Deleted { reason: deletion.reason },
        by: by.to_owned(),
        at: deletion.at,
    };
    doc.push_event(&event).map_err(doc_err)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)
}
