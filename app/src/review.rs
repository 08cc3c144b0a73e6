//! What a reviewer (or the employer, reviewing under the id `employer`) does to a submission,
//! shared by the app and `peerview review`: mark it viewed, score, comment at a moment,
//! submit the scorecard, decide. Each is a small edit of the documents in the local store;
//! on a reviewer's computer they travel to the employer with the next sync.

use anyhow::Result;
use peerview_sync::doc::{
    EventKind, ReviewComment, ReviewDecision, ReviewsDoc, ScorecardDoc, StatusEvent, SubmissionDoc, Verdict,
};
use peerview_sync::ticket::Invitee;
use peerview_sync::{CampaignId, CandidateId, DocKind, QuestionId, ReviewerId, Store, StoreError, Timestamp};

/// The employer's own reviewer identity in reviews documents.
pub const EMPLOYER_REVIEWER: &str = "employer";

/// Who this computer reviews as for a campaign: the reviewer it joined as, else the employer.
pub fn me(store: &Store, campaign: &CampaignId) -> (ReviewerId, String) {
    for t in store.memberships().unwrap_or_default() {
        if &t.campaign == campaign
            && let Invitee::Reviewer(id) = &t.invitee
        {
            let name = store
                .roster(campaign)
                .ok()
                .and_then(|r| r.reviewer(id).map(|r| r.name.clone()))
                .unwrap_or_else(|| "Reviewer".into());
            return (id.clone(), name);
        }
    }
    (EMPLOYER_REVIEWER.parse().expect("a valid id"), "Employer".into())
}

fn my_name_for(store: &Store, candidate: &CandidateId) -> String {
    store.submission(candidate).map(|s| me(store, &s.campaign_id).1).unwrap_or_else(|_| "Employer".into())
}

fn edit_submission(
    store: &Store,
    candidate: &CandidateId,
    f: impl FnOnce(&mut SubmissionDoc) -> Result<()>,
) -> Result<()> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    f(&mut doc)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(())
}

fn edit_reviews(
    store: &Store,
    candidate: &CandidateId,
    f: impl FnOnce(&mut ReviewsDoc, &ReviewerId, &str) -> Result<()>,
) -> Result<()> {
    let campaign = store.submission(candidate)?.campaign_id;
    let (reviewer, name) = me(store, &campaign);
    let mut stored = match store.load(DocKind::Reviews, candidate.as_str()) {
        Ok(s) => s,
        Err(StoreError::NotFound { .. }) => {
            let doc = ReviewsDoc::create(&campaign, candidate)?;
            store.create(DocKind::Reviews, candidate.as_str(), doc.into_automerge())?
        }
        Err(e) => return Err(e.into()),
    };
    let mut doc = ReviewsDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    f(&mut doc, &reviewer, &name)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(())
}

/// Mark a submitted submission viewed (once). Returns whether it was marked now.
pub fn mark_viewed(store: &Store, candidate: &CandidateId, now: Timestamp) -> Result<bool> {
    let s = store.submission(candidate)?;
    if s.submitted_at.is_none() || s.events.iter().any(|e| e.kind == EventKind::Viewed) {
        return Ok(false);
    }
    let by = my_name_for(store, candidate);
    edit_submission(store, candidate, |doc| {
        doc.push_event(&StatusEvent { kind: EventKind::Viewed, by, at: now }).map_err(Into::into)
    })?;
    Ok(true)
}

/// Scores go into this reviewer's own scorecard document (created on the first score), which
/// the employer side sends other reviewers only once they submitted theirs.
fn edit_scorecard(
    store: &Store,
    candidate: &CandidateId,
    f: impl FnOnce(&mut ScorecardDoc) -> Result<()>,
) -> Result<()> {
    let campaign = store.submission(candidate)?.campaign_id;
    let (reviewer, name) = me(store, &campaign);
    let id = peerview_sync::scorecard_id(candidate, &reviewer);
    let mut stored = match store.load(DocKind::Scorecard, &id) {
        Ok(s) => s,
        Err(StoreError::NotFound { .. }) => {
            let doc = ScorecardDoc::create(&campaign, candidate, &reviewer, &name)?;
            store.create(DocKind::Scorecard, &id, doc.into_automerge())?
        }
        Err(e) => return Err(e.into()),
    };
    let mut doc = ScorecardDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    f(&mut doc)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(())
}

pub fn score(store: &Store, candidate: &CandidateId, criterion: &str, value: u8) -> Result<()> {
    edit_scorecard(store, candidate, |doc| doc.set_score(criterion, value).map_err(Into::into))
}

/// Submit this reviewer's scorecard, and mark in their own review that they did: the other
/// reviewers receive the scorecard only once they submitted theirs, the mark (their "N others
/// scored") at once. The scorecard first, so that a mark never stands for a scorecard that is not
/// submitted; the mark keeps the scorecard's time.
pub fn submit_scores(store: &Store, candidate: &CandidateId, now: Timestamp) -> Result<()> {
    edit_scorecard(store, candidate, |doc| doc.submit(now).map_err(Into::into))?;
    let campaign = store.submission(candidate)?.campaign_id;
    let at = store.scorecard(candidate, &me(store, &campaign).0)?.submitted_at.unwrap_or(now);
    edit_reviews(store, candidate, |doc, me, name| doc.mark_submitted(me, name, at).map_err(Into::into))
}

pub fn comment(
    store: &Store,
    candidate: &CandidateId,
    question: QuestionId,
    at_ms: u64,
    text: String,
    now: Timestamp,
) -> Result<()> {
    let comment = ReviewComment { question, at_ms, text, written_at: now };
    edit_reviews(store, candidate, |doc, me, name| doc.add_comment(me, name, &comment).map_err(Into::into))
}

/// Record the decision as this reviewer's recommendation. On the employer's side (the employer,
/// or a hub acting for it) it is also sent to the candidate's status timeline, with the message
/// if any; a reviewer only recommends (the employer node refuses decisions from reviewers).
/// Returns whether the decision went to the candidate.
pub fn decide(
    store: &Store,
    candidate: &CandidateId,
    verdict: Verdict,
    message: Option<String>,
    now: Timestamp,
) -> Result<bool> {
    let decision = ReviewDecision { verdict, note: message.clone(), decided_at: now };
    edit_reviews(store, candidate, |doc, me, name| doc.set_decision(me, name, &decision).map_err(Into::into))?;
    let campaign = store.submission(candidate)?.campaign_id;
    if me(store, &campaign).0.as_str() != EMPLOYER_REVIEWER {
        return Ok(false);
    }
    let by = my_name_for(store, candidate);
    edit_submission(store, candidate, |doc| {
        doc.push_event(&StatusEvent { kind: EventKind::Decision { verdict, message }, by, at: now }).map_err(Into::into)
    })?;
    Ok(true)
}
