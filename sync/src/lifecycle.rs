//! The end of personal data's life on the employer side: deleting a candidate's submission
//! (by the employer, at the candidate's request, or when the campaign's retention period ends)
//! on this node and, through the roster, on every replica.
//!
//! A deletion is a tombstone in the roster (the candidate's entry turns `deleted`, with when and
//! why: ids only), which replicates like any roster change. Every employer-side node, when it
//! sees a tombstone, removes its copy: the candidate's Submission, Reviews, Contact and
//! Scorecard (one per reviewer) documents (whole documents, because an Automerge history keeps every old value), the
//! ledger of what they delivered, and, through [`crate::node::Node::purge_recordings`], their
//! recordings from the blob store. A marker in `DATA/deleted/` is written first and the store
//! never saves those documents again, so a session that had one loaded, or a replica that was
//! offline and comes back with an old copy, cannot bring the data back; a deletion interrupted
//! by a crash is finished at the next start.

use std::collections::BTreeSet;

use tracing::{debug, info, warn};

use crate::audit::{self, Action};
use crate::doc::{Deletion, DeletionReason, DocError, EventKind, InviteState, RosterDoc, Submission, SubmissionDoc};
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
    /// The recordings this deletion marked for removal from the recordings store.
    pub recordings: usize,
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
    let deleted = tombstone(store, campaign, candidate, reason, at, by)?;
    purge_local(store, by)?;
    Ok(deleted)
}

/// [`delete_submission`] but for removing this node's copy: the tombstone in the roster, the
/// marker and the audit entry.
fn tombstone(
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
    let mut recordings = 0;
    let (deletion, already) = match entry.deleted {
        Some(d) => (d, true),
        None => {
            let deletion = Deletion { at, reason };
            let tombstone =
                crate::doc::Candidate { state: InviteState::Deleted, deleted: Some(deletion), ..entry.clone() };
            roster.put_candidate(&tombstone).map_err(doc_err)?;
            stored.doc = roster.into_automerge();
            store.save(&mut stored)?;
            // Marked here (with the recordings to remove), so the purge below logs no second
            // entry for it.
            if !store.is_deleted(candidate) {
                let hashes: Vec<String> = match store.submission(&entry.id) {
                    Ok(s) => s.referenced_hashes().into_iter().collect(),
                    Err(_) => Vec::new(),
                };
                store.mark_deleted(candidate, &hashes)?;
                recordings = hashes.len();
            }
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
    Ok(Deleted { campaign: campaign.clone(), candidate: entry.id.clone(), deletion, already, recordings })
}

/// Remove this node's copy of every submission the rosters here mark deleted (and finish any
/// removal a crash interrupted). Returns the candidates whose documents were removed now.
/// Recordings are left to [`crate::node::Node::purge_recordings`], which the marker tells
/// what to remove.
pub fn purge_local(store: &Store, by: &str) -> Result<Vec<CandidateId>, StoreError> {
    let mut removed = Vec::new();
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
    // All at once: a pack holding some of them is written again once.
    let mut doomed = Vec::new();
    for (candidate, _) in store.deleted()? {
        if let Ok(id) = candidate.parse::<CandidateId>()
            && store.has_candidate_docs(&candidate)
        {
            doomed.push(id);
        }
    }
    if doomed.is_empty() {
        return Ok(removed);
    }
    let docs = store.remove_candidates_docs(&doomed.iter().map(CandidateId::as_str).collect::<Vec<_>>())?;
    let ledger = crate::delivered::Ledger::open(store.root());
    for id in doomed {
        ledger.forget(&id).map_err(|source| StoreError::Io { path: store.root().join("delivered"), source })?;
        info!(candidate = %id, "removed the documents of a deleted submission");
        removed.push(id);
    }
    debug!(docs, "files and packed documents removed");
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

/// Recordings (BLAKE3 hex) that no submission here will need again: in submitted submissions
/// (whose answers can no longer change), every take and fragment this node received that is
/// not the kept take of its question or one of that take's fragments (takes recorded again, a
/// different take kept). Anything a submission still names as kept, anywhere, stays; nothing of
/// a submission still being answered is touched (its takes may yet be kept).
pub fn superseded_hashes(store: &Store) -> Result<BTreeSet<String>, StoreError> {
    let mut submissions = Vec::new();
    for id in store.list(DocKind::Submission)? {
        let Ok(candidate) = id.parse::<CandidateId>() else { continue };
        let s = store.submission(&candidate)?;
        submissions.push((candidate, s));
    }
    Ok(superseded_in(store, submissions.iter().map(|(c, s)| (c, s))))
}

/// [`superseded_hashes`] of these submissions (every one kept here).
fn superseded_in<'a>(
    store: &Store,
    submissions: impl Iterator<Item = (&'a CandidateId, &'a Submission)>,
) -> BTreeSet<String> {
    let ledger = crate::delivered::Ledger::open(store.root());
    let mut keep = BTreeSet::new();
    let mut gone = BTreeSet::new();
    for (candidate, s) in submissions {
        if s.submitted_at.is_none() {
            keep.extend(s.referenced_hashes());
            continue;
        }
        let kept: std::collections::BTreeMap<_, _> = s.takes().collect();
        keep.extend(kept.values().map(|t| t.hash.clone()));
        for u in &s.uploads {
            let is_kept = kept.get(&u.question).is_some_and(|t| t.take_number == u.take_number);
            for (hash, _) in &u.fragments {
                if is_kept {
                    keep.insert(hash.clone());
                } else {
                    gone.insert(hash.clone());
                }
            }
        }
        gone.extend(ledger.get(candidate).hashes);
    }
    gone.difference(&keep).cloned().collect()
}

/// Submissions whose retention period is over at `now`: decided ones `retention_days` after
/// the (latest) decision, undecided ones that long after the deadline (with the candidate's
/// extension). Campaigns without a retention period keep everything.
pub fn expired(store: &Store, now: Timestamp) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    expired_in(store, now, |id| store.submission(id).ok())
}

fn expired_in(
    store: &Store,
    now: Timestamp,
    mut submission_of: impl FnMut(&CandidateId) -> Option<Submission>,
) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    let mut out = Vec::new();
    let (campaigns, _) = store.campaigns()?;
    for campaign in campaigns {
        let Some(days) = campaign.retention_days else { continue };
        let Ok(roster) = store.roster_ids(&campaign.id) else { continue };
        for c in roster.candidates.iter().filter(|c| c.state != InviteState::Deleted) {
            let Some(submission) = submission_of(&c.id) else { continue };
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

/// Delete every submission whose retention period is over (this node's copies removed once
/// all are marked: often many at once).
pub fn expire(store: &Store, now: Timestamp, by: &str) -> Result<Vec<Deleted>, LifecycleError> {
    let mut deleted = Vec::new();
    for (campaign, candidate) in expired(store, now)? {
        deleted.push(tombstone(store, &campaign, candidate.as_str(), DeletionReason::Retention, now, by)?);
    }
    if !deleted.is_empty() {
        purge_local(store, by)?;
    }
    Ok(deleted)
}

/// Submissions whose candidate asked for deletion and that are not deleted yet.
pub fn withdrawals(store: &Store) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    withdrawals_in(store, |id| store.submission(id).ok())
}

fn withdrawals_in(
    store: &Store,
    mut submission_of: impl FnMut(&CandidateId) -> Option<Submission>,
) -> Result<Vec<(CampaignId, CandidateId)>, StoreError> {
    let mut out = Vec::new();
    for campaign in store.list(DocKind::Roster)? {
        let Ok(campaign) = campaign.parse::<CampaignId>() else { continue };
        let Ok(roster) = store.roster_ids(&campaign) else { continue };
        for c in roster.candidates.iter().filter(|c| c.state != InviteState::Deleted) {
            if submission_of(&c.id).is_some_and(|s| s.withdrawal_requested()) {
                out.push((campaign.clone(), c.id.clone()));
            }
        }
    }
    Ok(out)
}

/// What the employer's upkeep finds to do, from one read of every submission (reading them is
/// most of its cost: seconds for 10,000).
#[derive(Debug)]
pub struct Survey {
    /// As [`withdrawals`].
    pub withdrawals: Vec<(CampaignId, CandidateId)>,
    /// As [`expired`].
    pub expired: Vec<(CampaignId, CandidateId)>,
    /// As [`superseded_hashes`]; an error when a submission could not be read (its takes
    /// might be among them).
    pub superseded: Result<BTreeSet<String>, StoreError>,
}

/// [`withdrawals`], [`expired`] and [`superseded_hashes`] at once, each submission read once.
pub fn survey(store: &Store, now: Timestamp) -> Result<Survey, StoreError> {
    let mut submissions = std::collections::BTreeMap::new();
    let mut unreadable = None;
    for id in store.list(DocKind::Submission)? {
        let Ok(candidate) = id.parse::<CandidateId>() else { continue };
        match store.submission(&candidate) {
            Ok(s) => {
                submissions.insert(candidate, s);
            }
            Err(e) => {
                unreadable.get_or_insert(e);
            }
        }
    }
    Ok(Survey {
        withdrawals: withdrawals_in(store, |c| submissions.get(c).cloned())?,
        expired: expired_in(store, now, |c| submissions.get(c).cloned())?,
        superseded: match unreadable {
            Some(e) => Err(e),
            None => Ok(superseded_in(store, submissions.iter())),
        },
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Campaign, StatusEvent, Verdict};

    const DAY_MS: i64 = 86_400_000;

    fn setup(retention_days: Option<u32>) -> (tempfile::TempDir, Store, CampaignId) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let campaign = Campaign {
            id: CampaignId::random(),
            title: "Porter".into(),
            role: "Porter".into(),
            instructions: String::new(),
            practice: None,
            questions: vec![],
            criteria: vec![],
            deadline: Timestamp(100 * DAY_MS),
            created_at: Timestamp(1),
            retention_days,
            blind_review: false,
            reviewers_may_message: false,
            language: None,
            time_zone: None,
        };
        store.create_campaign(&campaign).expect("campaign");
        (dir, store, campaign.id)
    }

    fn invite(store: &Store, campaign: &CampaignId, name: &str) -> CandidateId {
        let ticket =
            crate::employer::invite_candidate(store, campaign, name, Some("x@example.org"), vec![]).expect("invite");
        match ticket.invitee {
            crate::ticket::Invitee::Candidate(id) => id,
            _ => unreachable!(),
        }
    }

    fn event(store: &Store, candidate: &CandidateId, kind: EventKind, at: Timestamp) {
        let mut stored = store.load(DocKind::Submission, candidate.as_str()).expect("load");
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
        doc.push_event(&StatusEvent { kind, by: "employer".into(), at }).expect("event");
        stored.doc = doc.into_automerge();
        store.save(&mut stored).expect("save");
    }

    #[test]
    fn retention_counts_from_the_decision_or_else_from_the_deadline() {
        let (_dir, store, campaign) = setup(Some(30));
        let decided = invite(&store, &campaign, "Ada");
        let undecided = invite(&store, &campaign, "Bob");
        let decision = EventKind::Decision { verdict: Verdict::Reject, message: None };
        event(&store, &decided, decision, Timestamp(10 * DAY_MS));
        let at = |days: i64| expired(&store, Timestamp(days * DAY_MS)).expect("expired");
        assert_eq!(at(39), vec![]);
        assert_eq!(at(40), vec![(campaign.clone(), decided.clone())]);
        assert_eq!(at(129), vec![(campaign.clone(), decided.clone())]);
        assert_eq!(at(130).len(), 2, "the undecided one 30 days after the deadline (day 100)");
        assert!(at(130).contains(&(campaign.clone(), undecided.clone())));
        let gone = expire(&store, Timestamp(130 * DAY_MS), "retention").expect("expire");
        assert!(gone.iter().all(|d| d.deletion.reason == DeletionReason::Retention && !d.already));
        assert_eq!(at(200), vec![], "nothing is deleted twice");
        // Without a retention period nothing expires.
        let (_dir, store, campaign) = setup(None);
        invite(&store, &campaign, "Cy");
        assert_eq!(expired(&store, Timestamp(i64::MAX / 4)).expect("expired"), vec![]);
    }

    #[test]
    fn a_deletion_removes_every_document_of_the_candidate_and_keeps_only_ids() {
        let (dir, store, campaign) = setup(None);
        let ada = invite(&store, &campaign, "Ada Lovelace");
        let bob = invite(&store, &campaign, "Bob");
        let rita: crate::ReviewerId = "rita".parse().expect("id");
        for candidate in [&ada, &bob] {
            let card = crate::doc::ScorecardDoc::create(&campaign, candidate, &rita, "Rita").expect("scorecard");
            store
                .create(DocKind::Scorecard, &crate::ids::scorecard_id(candidate, &rita), card.into_automerge())
                .expect("create");
        }
        // Another process had Ada's submission loaded before the deletion.
        let mut stale = store.load(DocKind::Submission, ada.as_str()).expect("load");
        let deleted = delete_submission(&store, &campaign, ada.as_str(), DeletionReason::Employer, Timestamp(5), "me")
            .expect("delete");
        assert!(!deleted.already);
        let id_of = |kind: DocKind, candidate: &CandidateId| match kind {
            DocKind::Scorecard => crate::ids::scorecard_id(candidate, &rita),
            _ => candidate.to_string(),
        };
        for kind in DocKind::PER_CANDIDATE {
            assert!(!store.doc_dir_exists(kind, &id_of(kind, &ada)), "{kind} left");
            assert!(store.doc_dir_exists(kind, &id_of(kind, &bob)), "{kind} of someone else removed");
        }
        assert!(!store.has_candidate_docs(ada.as_str()) && store.has_candidate_docs(bob.as_str()));
        // The stale copy cannot be saved back, nor a new one created.
        event(&store, &bob, EventKind::Viewed, Timestamp(6));
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stale.doc)).expect("doc");
        doc.push_event(&StatusEvent { kind: EventKind::Viewed, by: "x".into(), at: Timestamp(7) }).expect("event");
        stale.doc = doc.into_automerge();
        assert!(matches!(store.save(&mut stale), Err(StoreError::Deleted { .. })));
        let fresh = SubmissionDoc::create(&campaign, &ada).expect("doc").into_automerge();
        assert!(matches!(store.create(DocKind::Submission, ada.as_str(), fresh), Err(StoreError::Deleted { .. })));
        // The roster keeps the tombstone and no name; a second deletion changes nothing.
        let roster = store.roster(&campaign).expect("roster");
        let entry = roster.candidate(&ada).expect("tombstone");
        assert_eq!(entry.state, InviteState::Deleted);
        assert_eq!(entry.name, crate::doc::Candidate::alias(&ada));
        let again = delete_submission(&store, &campaign, ada.as_str(), DeletionReason::Retention, Timestamp(9), "me")
            .expect("again");
        assert!(again.already && again.deletion.reason == DeletionReason::Employer);
        // Unknown candidates are refused.
        assert!(matches!(
            delete_submission(&store, &campaign, "nobody", DeletionReason::Employer, Timestamp(9), "me"),
            Err(LifecycleError::UnknownCandidate { .. })
        ));
        // The audit log has ids only.
        let (entries, _) = audit::read(dir.path()).expect("audit");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].candidate, ada.as_str());
        let log = std::fs::read_to_string(dir.path().join("audit.log")).expect("log");
        assert!(!log.contains("Ada") && !log.contains("example.org"), "{log}");
    }

    #[test]
    fn takes_not_kept_are_superseded_once_the_submission_is_submitted() {
        let (_dir, store, campaign) = setup(None);
        let ada = invite(&store, &campaign, "Ada");
        let h = |n: u8| blake3::hash(&[n]).to_hex().to_string();
        let q: crate::ids::QuestionId = "intro".parse().expect("id");
        let mut stored = store.load(DocKind::Submission, ada.as_str()).expect("load");
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
        for (take, hashes) in [(1u32, [1u8, 2]), (2, [3, 4])] {
            for n in hashes {
                doc.add_upload_fragment(&q, take, &h(n), 10).expect("fragment");
            }
        }
        let kept = crate::doc::Take {
            hash: h(9),
            size_bytes: 20,
            duration_ms: 1000,
            media: crate::doc::MediaKind::Video,
            recorded_at: Timestamp(1),
            take_number: 2,
        };
        doc.set_answer(&q, &crate::doc::Answer::Recording(kept)).expect("answer");
        stored.doc = doc.into_automerge();
        store.save(&mut stored).expect("save");
        // Still being answered: take 1 may yet be kept.
        assert_eq!(superseded_hashes(&store).expect("superseded"), BTreeSet::new());
        let mut stored = store.load(DocKind::Submission, ada.as_str()).expect("load");
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
        doc.mark_submitted(Timestamp(2), "candidate").expect("submit");
        stored.doc = doc.into_automerge();
        store.save(&mut stored).expect("save");
        // An earlier kept take, replaced, is known from the ledger of what Ada delivered.
        crate::delivered::Ledger::open(store.root()).record(&ada, Some(&h(8)), 10).expect("ledger");
        let expected: BTreeSet<String> = [h(1), h(2), h(8)].into_iter().collect();
        assert_eq!(superseded_hashes(&store).expect("superseded"), expected);
    }

    /// The upkeep's single look finds what the three separate ones find, and finds nothing
    /// superseded when a submission cannot be read (its kept takes are unknown).
    #[test]
    fn the_survey_finds_what_each_look_finds() {
        let (dir, store, campaign) = setup(Some(30));
        let (ada, bob, cy) =
            (invite(&store, &campaign, "Ada"), invite(&store, &campaign, "Bob"), invite(&store, &campaign, "Cy"));
        let decision = EventKind::Decision { verdict: Verdict::Reject, message: None };
        event(&store, &ada, decision, Timestamp(10 * DAY_MS));
        assert!(request_withdrawal(&store, &bob, Timestamp(11 * DAY_MS), "candidate").expect("withdraw"));
        let now = Timestamp(40 * DAY_MS);
        let found = survey(&store, now).expect("survey");
        assert_eq!(found.withdrawals, vec![(campaign.clone(), bob.clone())]);
        assert_eq!(found.withdrawals, withdrawals(&store).expect("withdrawals"));
        assert_eq!(found.expired, vec![(campaign.clone(), ada.clone())]);
        assert_eq!(found.expired, expired(&store, now).expect("expired"));
        assert_eq!(found.superseded.expect("superseded"), superseded_hashes(&store).expect("superseded"));
        let cy_dir = dir.path().join("docs/submission").join(cy.as_str());
        for file in std::fs::read_dir(&cy_dir).expect("ls") {
            std::fs::write(file.expect("entry").path(), b"rot").expect("damage");
        }
        let found = survey(&store, now).expect("survey");
        assert!(found.superseded.is_err(), "nothing may be found superseded while a submission is unreadable");
        assert_eq!(found.withdrawals, vec![(campaign.clone(), bob)]);
    }

    #[test]
    fn a_crash_between_the_tombstone_and_the_removal_is_finished_later() {
        let (_dir, store, campaign) = setup(None);
        let ada = invite(&store, &campaign, "Ada");
        // The tombstone reached the roster (e.g. by replication), nothing was removed yet.
        let mut stored = store.load(DocKind::Roster, campaign.as_str()).expect("load");
        let mut roster = RosterDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("roster");
        let entry = roster.read().expect("read").candidate(&ada).expect("ada").clone();
        let deletion = Some(Deletion { at: Timestamp(3), reason: DeletionReason::Withdrawn });
        roster
            .put_candidate(&crate::doc::Candidate { state: InviteState::Deleted, deleted: deletion, ..entry })
            .expect("put");
        stored.doc = roster.into_automerge();
        store.save(&mut stored).expect("save");
        assert!(store.doc_dir_exists(DocKind::Contact, ada.as_str()));
        assert_eq!(purge_local(&store, "me").expect("purge"), vec![ada.clone()]);
        assert!(!store.doc_dir_exists(DocKind::Contact, ada.as_str()));
        assert_eq!(purge_local(&store, "me").expect("purge"), vec![], "idempotent");
    }
}
