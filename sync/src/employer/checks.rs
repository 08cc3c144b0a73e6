//! What a peer's changes may do: every incoming sync message is applied to a copy of the
//! document, the copy is checked (its shape, then who may change what: candidates, reviewers,
//! scorecards, hubs), and only then does it replace the document.

use automerge::AutoCommit;
use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};

use super::{EmployerService, internal};
use crate::auth::{
    Access, DocRef, Refusal, check_candidate_submission, check_reviewer_reviews, check_reviewer_submission,
};
use crate::budget::{MAX_MISSING_DEPS, inflated_size};
use crate::doc::{
    CampaignDoc, ContactDoc, DocError, ReadAs, ReviewsDoc, RosterDoc, ScorecardDoc, SubmissionDoc, read_as,
};
use crate::ids::{CampaignId, HubId};
use crate::store::{DocKind, StoredDoc};

impl EmployerService {
    /// Apply one incoming sync message after checking what it would change.
    pub(super) fn apply_checked(
        &self,
        access: &Access,
        doc_ref: &DocRef,
        stored: &mut StoredDoc,
        state: &mut SyncState,
        mut message: SyncMessage,
        inflate_budget: &mut u64,
    ) -> Result<usize, Refusal> {
        // Sized before Automerge inflates anything: a small message must not become gigabytes.
        let inflated = inflated_size(message.changes.iter(), *inflate_budget)
            .map_err(|e| Refusal(format!("changes to the {} document refused: {e}", doc_ref.kind)))?;
        *inflate_budget -= inflated;
        if message.changes.is_empty() {
            // Only what the peer has and needs: the document cannot change, nothing to check
            // (and no copy of it: a first sync sends thousands of these).
            stored
                .doc
                .sync()
                .receive_sync_message(state, message)
                .map_err(|e| Refusal(format!("unusable sync message: {e}")))?;
            return Ok(stored.doc.get_missing_deps(&[]).len());
        }
        // The message without its changes, should they be left out (`crate::legacy`).
        let changes = std::mem::replace(&mut message.changes, Vec::<Vec<u8>>::new().into());
        let heads_only = message.clone();
        message.changes = changes;
        let mut fork = stored.doc.clone();
        let mut fork_state = state.clone();
        fork.sync()
            .receive_sync_message(&mut fork_state, message)
            .map_err(|e| Refusal(format!("unusable changes: {e}")))?;
        if doc_ref.kind == DocKind::Reviews
            && crate::legacy::two_histories(&fork)
            && !crate::legacy::two_histories(&stored.doc)
        {
            return Ok(crate::legacy::keep_our_history(&mut stored.doc, state, heads_only));
        }
        // Changes held back for dependencies that never arrive stay in memory: cap them.
        let missing = fork.get_missing_deps(&[]).len();
        if missing > MAX_MISSING_DEPS {
            return Err(Refusal(format!(
                "changes to the {} document depend on {missing} changes that were never sent (at most {MAX_MISSING_DEPS})",
                doc_ref.kind
            )));
        }
        if fork.get_heads() != stored.doc.get_heads() {
            crate::doc::check_shape(doc_ref.kind, &fork).map_err(|e| Refusal(e.to_string()))?;
            self.check_change(access, doc_ref, &stored.doc, &fork)?;
        }
        stored.doc = fork;
        *state = fork_state;
        Ok(missing)
    }

    fn check_change(
        &self,
        access: &Access,
        doc_ref: &DocRef,
        before: &AutoCommit,
        after: &AutoCommit,
    ) -> Result<(), Refusal> {
        let read_sub =
            |d: &AutoCommit| read_as::<SubmissionDoc>(d).map_err(|e| Refusal(format!("invalid submission: {e}")));
        if doc_ref.kind == DocKind::Scorecard {
            return self.check_scorecard(access, doc_ref, before, after);
        }
        if !access.hub_of.is_empty() {
            let campaign = Self::campaign_of(doc_ref, before)?;
            if let Some((_, hub)) = access.hub_of.iter().find(|(c, _)| *c == campaign) {
                return check_hub_change(doc_ref, before, after, hub);
            }
        }
        match doc_ref.kind {
            DocKind::Campaign | DocKind::Roster | DocKind::Contact => {
                Err(Refusal(format!("the {} document is written by the employer only", doc_ref.kind)))
            }
            DocKind::Submission => {
                let (b, a) = (read_sub(before)?, read_sub(after)?);
                if access.is_candidate(&b.candidate_id) {
                    let campaign = self.store().campaign(&b.campaign_id).map_err(internal)?;
                    check_candidate_submission(&campaign, &b, &a, self.clock.now(), self.quota)
                } else if let Some(reviewer) = access.reviewer_for(&b.campaign_id) {
                    let name = self
                        .index
                        .roster(&b.campaign_id)
                        .and_then(|r| r.reviewer(reviewer).map(|r| r.name.clone()))
                        .ok_or_else(|| Refusal("not a reviewer of this campaign".into()))?;
                    let may_message = self.store().campaign(&b.campaign_id).map_err(internal)?.reviewers_may_message;
                    check_reviewer_submission(&name, may_message, &b, &a)
                } else {
                    Err(Refusal("not your submission".into()))
                }
            }
            DocKind::Reviews => {
                let read =
                    |d: &AutoCommit| read_as::<ReviewsDoc>(d).map_err(|e| Refusal(format!("invalid reviews: {e}")));
                let (b, a) = (read(before)?, read(after)?);
                let reviewer = access
                    .reviewer_for(&b.campaign_id)
                    .ok_or_else(|| Refusal("reviews are written by reviewers only".into()))?;
                check_reviewer_reviews(reviewer, &b, &a)
            }
            DocKind::Scorecard => unreachable!("scorecards are checked by check_scorecard"),
        }
    }

    /// A scorecard (possibly new: `before` without history) changed by a reviewer or a hub: of
    /// a submission of the peer's campaign, naming that campaign; a reviewer's own only.
    fn check_scorecard(
        &self,
        access: &Access,
        doc_ref: &DocRef,
        before: &AutoCommit,
        after: &AutoCommit,
    ) -> Result<(), Refusal> {
        let read = |d: &AutoCommit| read_as::<ScorecardDoc>(d).map_err(|e| Refusal(format!("invalid scorecard: {e}")));
        let Some((candidate, _)) = crate::ids::parse_scorecard_id(&doc_ref.id) else {
            return Err(Refusal(format!("{} is not a scorecard id", doc_ref.id)));
        };
        let campaign = self
            .campaign_of_candidate(access, &candidate)
            .ok_or_else(|| Refusal(format!("scorecard {}: not a submission of your campaigns", doc_ref.id)))?;
        let a = read(after)?;
        if a.campaign_id != campaign {
            return Err(Refusal(format!("scorecard {} names another campaign than its submission's", doc_ref.id)));
        }
        let b =
            if automerge::ReadDoc::keys(before, automerge::ROOT).next().is_none() { None } else { Some(read(before)?) };
        if access.is_hub_of(&campaign) {
            let same = |b: &crate::doc::Scorecard| {
                (&b.campaign_id, &b.candidate_id, &b.reviewer_id) == (&a.campaign_id, &a.candidate_id, &a.reviewer_id)
            };
            let named =
                crate::ids::parse_scorecard_id(&doc_ref.id) == Some((a.candidate_id.clone(), a.reviewer_id.clone()));
            return if named && b.as_ref().is_none_or(same) {
                Ok(())
            } else {
                Err(Refusal("a scorecard document's ids cannot be changed".into()))
            };
        }
        let reviewer =
            access.reviewer_for(&campaign).ok_or_else(|| Refusal("scorecards are written by reviewers only".into()))?;
        crate::auth::check_reviewer_scorecard(reviewer, &doc_ref.id, b.as_ref(), &a)
    }

    /// The campaign a document belongs to.
    fn campaign_of(doc_ref: &DocRef, doc: &AutoCommit) -> Result<CampaignId, Refusal> {
        match doc_ref.kind {
            DocKind::Campaign | DocKind::Roster => {
                return doc_ref.id.parse().map_err(|e| Refusal(format!("bad document id: {e}")));
            }
            DocKind::Submission => read_as::<SubmissionDoc>(doc).map(|s| s.campaign_id),
            DocKind::Reviews => read_as::<ReviewsDoc>(doc).map(|r| r.campaign_id),
            DocKind::Contact => read_as::<ContactDoc>(doc).map(|c| c.campaign_id),
            DocKind::Scorecard => read_as::<ScorecardDoc>(doc).map(|c| c.campaign_id),
        }
        .map_err(|e| Refusal(format!("invalid {}: {e}", doc_ref.kind)))
    }
}

/// A hub is trusted like this node, but its changes must still leave a well-formed document
/// of the same campaign and candidate.
pub(super) fn check_hub_change(
    doc_ref: &DocRef,
    before: &AutoCommit,
    after: &AutoCommit,
    hub: &HubId,
) -> Result<(), Refusal> {
    let invalid = |e: DocError| Refusal(format!("the change would damage the {} document: {e}", doc_ref.kind));
    fn both<T: ReadAs>(before: &AutoCommit, after: &AutoCommit) -> Result<(T::Data, T::Data), DocError> {
        Ok((read_as::<T>(before)?, read_as::<T>(after)?))
    }
    let same = match doc_ref.kind {
        DocKind::Campaign => {
            let (b, a) = both::<CampaignDoc>(before, after).map_err(invalid)?;
            b.id == a.id
        }
        DocKind::Roster => {
            let (b, a) = both::<RosterDoc>(before, after).map_err(invalid)?;
            crate::auth::check_hub_roster_change(&b, &a, hub)?;
            b.campaign_id == a.campaign_id
        }
        DocKind::Submission => {
            let (b, a) = both::<SubmissionDoc>(before, after).map_err(invalid)?;
            (b.campaign_id, b.candidate_id) == (a.campaign_id, a.candidate_id)
        }
        DocKind::Reviews => {
            let (b, a) = both::<ReviewsDoc>(before, after).map_err(invalid)?;
            // Scores live in scorecards (`crate::legacy`): a hub of an older version cannot
            // write them back into the reviews every reviewer receives.
            let wrote_scores = a
                .by_reviewer
                .iter()
                .any(|(id, r)| !r.scores.is_empty() && b.by_reviewer.get(id).map(|r| &r.scores) != Some(&r.scores));
            if wrote_scores {
                return Err(Refusal(
                    "scores are written in the reviewer's scorecard document, not in the reviews".into(),
                ));
            }
            (b.campaign_id, b.candidate_id) == (a.campaign_id, a.candidate_id)
        }
        DocKind::Contact => {
            let (b, a) = both::<ContactDoc>(before, after).map_err(invalid)?;
            (b.campaign_id, b.candidate_id) == (a.campaign_id, a.candidate_id)
        }
        DocKind::Scorecard => {
            let (b, a) = both::<ScorecardDoc>(before, after).map_err(invalid)?;
            (b.campaign_id, b.candidate_id, b.reviewer_id) == (a.campaign_id, a.candidate_id, a.reviewer_id)
        }
    };
    if same { Ok(()) } else { Err(Refusal(format!("a {} document's ids cannot be changed", doc_ref.kind))) }
}
