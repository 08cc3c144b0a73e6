//! Reviews documents from before scorecards: older versions wrote each reviewer's scores into
//! their entry of the Reviews document, which every reviewer of the campaign receives, so those
//! scores reached reviewers who had not scored yet. Deleting the `scores` keys would not help:
//! an Automerge history keeps every old value, and sync sends the history.
//!
//! The fix, in three parts:
//!
//! 1. **The employer's node migrates** ([`outdated`], [`migrate`]; at start and daily): each reviewer's
//!    scores move into their Scorecard document, submitted (at the time their entry says they
//!    submitted, else at the migration); a scorecard the reviewer already has is left as it is.
//!    The Reviews document is then written anew, as a *new history* holding only its current
//!    state without scores (comments, recommendations, names, and the submission marks), and
//!    replaces the old one on disk ([`Store::replace`]). Nothing is lost but the scores' copy
//!    in the reviews, now in the scorecards. Only the node that owns the campaign migrates:
//!    hubs and reviewers take the rewrite from it.
//! 2. **The employer side never takes the old history back**: a reviewer (or hub) holding the
//!    old copy sends its old changes in the next sync. Merged, the document would hold both
//!    histories, scores included, and serve them to everyone; so changes that would give a
//!    Reviews document a second history are not applied (the heads and needs of the message
//!    are, so the peer receives the whole new history): see `EmployerService::apply_checked`.
//!    Two histories show as two concurrent values of the header's `kind`, written once when a
//!    document is created ([`two_histories`]). A session that loaded the document before the
//!    rewrite reloads it, so it serves the rewrite alone (`EmployerService::apply_round`).
//! 3. **The reviewer's side rebuilds its copy on the employer side's** ([`rebase_on_theirs`],
//!    during the sync): it keeps only the history the employer side sent and carries over its
//!    own entry (comments, recommendation, submission mark not yet sent); a hub carries every
//!    entry over. Its store replaces the old copy whole.
//!
//! Once a look found nothing left to migrate, the node records it (`DATA/reviews-migrated`)
//! and stops looking: scores cannot enter a Reviews document any more (the checks refuse them
//! from reviewers and hubs alike), so later upkeeps need not read every Reviews document.
//!
//! What stays: a reviewer who received others' old scores before the upgrade still has them
//! (nothing can take back what was sent); a hub that has not synced with the employer's node
//! since the migration still serves the old history to reviewers who sync through it.

use std::collections::HashSet;

use automerge::{AutoCommit, ChangeHash, ROOT, ReadDoc};
use tracing::{info, warn};

use crate::doc::{DocError, Reviews, ReviewsDoc, ScorecardDoc};
use crate::ids::{CampaignId, CandidateId, ReviewerId};
use crate::store::{DocKind, Store, StoreError};
use crate::ticket::Invitee;
use crate::time::Timestamp;

/// Whether the document holds two histories: it was created twice (its header's `kind`, put
/// once at creation, has concurrent values), e.g. rewritten on one side and merged with the old
/// copy of another.
pub fn two_histories(doc: &AutoCommit) -> bool {
    doc.get_all(ROOT, "kind").is_ok_and(|values| values.len() > 1)
}

/// Written in the data directory once no Reviews document needs the migration.
const MIGRATED: &str = "reviews-migrated";

/// Whether an earlier look found every Reviews document migrated.
pub fn all_migrated(store: &Store) -> bool {
    store.root().join(MIGRATED).exists()
}

/// Record that no Reviews document needs the migration (after a look found none, or after
/// [`migrate`] rewrote every one it found).
pub fn record_all_migrated(store: &Store) -> Result<(), StoreError> {
    let path = store.root().join(MIGRATED);
    crate::fsutil::write_atomic(&path, b"Reviews documents hold no scores (see peerview_sync::legacy)\n")
        .map_err(|source| StoreError::Io { path, source })
}

/// Whether a Reviews document needs the rewrite: it holds scores (written before scorecards),
/// or two histories (a rewrite a crash interrupted, or an old copy merged in).
fn needs_rewrite(doc: &AutoCommit, reviews: &Reviews) -> bool {
    two_histories(doc) || reviews.by_reviewer.values().any(|r| !r.scores.is_empty())
}

/// A new history holding `reviews` without scores.
fn rewritten(reviews: &Reviews) -> Result<ReviewsDoc, DocError> {
    let mut doc = ReviewsDoc::create(&reviews.campaign_id, &reviews.candidate_id)?;
    for (reviewer, review) in &reviews.by_reviewer {
        doc.carry_over(reviewer, review)?;
    }
    Ok(doc)
}

/// The Reviews documents that need the migration (see the module's header), of the campaigns
/// this node owns (not those it joined as a hub or reviewer). Reads every Reviews document, and
/// writes nothing: run it without holding up sessions, then [`migrate`] what it found. A
/// document that cannot be read is left out (and logged, and counted in `unread`).
pub fn outdated(store: &Store) -> Result<Outdated, StoreError> {
    let joined: HashSet<CampaignId> = store
        .memberships()?
        .into_iter()
        .filter(|t| !matches!(t.invitee, Invitee::Candidate(_)))
        .map(|t| t.campaign)
        .collect();
    let mut found = Outdated::default();
    for id in store.list(DocKind::Reviews)? {
        match load(store, &id) {
            Ok(Some((doc, reviews))) if !joined.contains(&reviews.campaign_id) && needs_rewrite(&doc, &reviews) => {
                found.ids.push(id);
            }
            Ok(_) => {}
            Err(e) => {
                warn!(id, error = %e, "reviews not looked at for old scores");
                found.unread += 1;
            }
        }
    }
    Ok(found)
}

/// What [`outdated`] found.
#[derive(Debug, Default)]
pub struct Outdated {
    /// Reviews documents to migrate.
    pub ids: Vec<String>,
    /// Reviews documents that could not be read (so not known to be migrated).
    pub unread: usize,
}

fn load(store: &Store, id: &str) -> Result<Option<(AutoCommit, Reviews)>, StoreError> {
    let stored = match store.load(DocKind::Reviews, id) {
        Ok(s) => s,
        Err(StoreError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let reviews = ReviewsDoc::from_automerge(stored.doc.clone())
        .and_then(|d| d.read())
        .map_err(|source| StoreError::Doc { kind: DocKind::Reviews, id: id.to_owned(), source })?;
    Ok(Some((stored.doc, reviews)))
}

/// Move the scores of these Reviews documents (ids from [`outdated`]) into scorecards and
/// rewrite the documents without them. Returns the candidates whose reviews were rewritten.
pub fn migrate(store: &Store, ids: &[String], now: Timestamp) -> Result<Vec<CandidateId>, StoreError> {
    let mut rewritten_for = Vec::new();
    for id in ids {
        let mut stored = match store.load(DocKind::Reviews, id) {
            Ok(s) => s,
            Err(StoreError::NotFound { .. }) => continue,
            Err(e) => return Err(e),
        };
        let doc_err = |source| StoreError::Doc { kind: DocKind::Reviews, id: id.clone(), source };
        let mut reviews = ReviewsDoc::from_automerge(stored.doc.clone()).and_then(|d| d.read()).map_err(doc_err)?;
        if !needs_rewrite(&stored.doc, &reviews) {
            continue;
        }
        let candidate = reviews.candidate_id.clone();
        for (reviewer, review) in &mut reviews.by_reviewer {
            if review.scores.is_empty() {
                continue;
            }
            let card_id = crate::ids::scorecard_id(&candidate, reviewer);
            let submitted_at = if store.exists(DocKind::Scorecard, &card_id) {
                // Scored again since: the scorecard is what counts.
                store.scorecard(&candidate, reviewer).ok().and_then(|c| c.submitted_at)
            } else {
                let card_err = |source| StoreError::Doc { kind: DocKind::Scorecard, id: card_id.clone(), source };
                let mut card = ScorecardDoc::create(&reviews.campaign_id, &candidate, reviewer, &review.reviewer_name)
                    .map_err(card_err)?;
                for (criterion, score) in &review.scores {
                    card.set_score(criterion, *score).map_err(card_err)?;
                }
                let at = review.submitted_at.unwrap_or(now);
                card.submit(at).map_err(card_err)?;
                store.create(DocKind::Scorecard, &card_id, card.into_automerge())?;
                Some(at)
            };
            review.submitted_at = review.submitted_at.or(submitted_at);
        }
        stored.doc = rewritten(&reviews).map_err(doc_err)?.into_automerge();
        store.replace(&mut stored)?;
        info!(%candidate, "reviews written before scorecards: scores moved into scorecards, the reviews rewritten without them");
        rewritten_for.push(candidate);
    }
    Ok(rewritten_for)
}

/// On the employer side, for a sync message whose changes would give a Reviews document a
/// second history (the peer's copy predates a rewrite): the changes are left out, the rest of
/// the message (the peer's heads, what it has and needs) is taken, so that the peer receives
/// the whole of our history and rebuilds its copy on it ([`rebase_on_theirs`]). Returns the
/// changes held back for missing dependencies (none: nothing was applied).
pub(crate) fn keep_our_history(
    doc: &mut AutoCommit,
    state: &mut automerge::sync::State,
    heads_only: automerge::sync::Message,
) -> usize {
    use automerge::sync::SyncDoc;
    if let Err(e) = doc.sync().receive_sync_message(state, heads_only) {
        tracing::debug!(error = %e, "an old copy's sync message could not be read for its heads");
    }
    tracing::debug!("changes of a copy from before the reviews were rewritten were left out");
    0
}

/// On a reviewer's or hub's computer, after the employer side's changes to a Reviews document
/// arrived: if they are another history than this computer's copy (the employer side rewrote
/// the document), the copy rebuilt on the employer side's history alone, with what this
/// computer had of `mine`'s entry carried over (a hub: every entry). `ours` are the copy's
/// heads before the session, `theirs` the employer side's heads. `None` when there is nothing
/// to rebuild, or not yet (some of their changes still missing).
pub fn rebase_on_theirs(
    doc: &mut AutoCommit,
    ours: &[ChangeHash],
    theirs: &[ChangeHash],
    mine: Option<&ReviewerId>,
) -> Result<Option<AutoCommit>, DocError> {
    if ours.is_empty() || theirs.is_empty() || !two_histories(doc) {
        return Ok(None);
    }
    if theirs.iter().any(|h| doc.get_change_by_hash(h).is_none()) {
        return Ok(None);
    }
    let theirs = doc.fork_at(theirs)?;
    if two_histories(&theirs) {
        // The employer side holds both histories itself: there is nothing to choose.
        return Ok(None);
    }
    let old = ReviewsDoc::from_automerge(doc.fork_at(ours)?)?.read()?;
    let mut new = ReviewsDoc::from_automerge(theirs)?;
    for (reviewer, review) in old.by_reviewer.iter().filter(|(r, _)| mine.is_none_or(|m| m == *r)) {
        new.carry_over(reviewer, review)?;
    }
    Ok(Some(new.into_automerge()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::ReviewComment;

    /// Every state the document ever had, one per change: what sync could send.
    fn every_state(doc: &mut AutoCommit) -> Vec<Reviews> {
        let hashes: Vec<ChangeHash> = doc.get_changes(&[]).iter().map(automerge::Change::hash).collect();
        hashes
            .iter()
            .map(|h| ReviewsDoc::from_automerge(doc.fork_at(&[*h]).expect("fork")).expect("doc").read().expect("read"))
            .collect()
    }

    fn comment(text: &str) -> ReviewComment {
        ReviewComment {
            question: "intro".parse().expect("id"),
            at_ms: 1_000,
            text: text.into(),
            written_at: Timestamp(3),
        }
    }

    /// A store holding reviews written by an older version: Ann scored and submitted, Ben
    /// scored without submitting and commented, Cid only commented.
    fn old_style(store: &Store) -> (CandidateId, [ReviewerId; 3]) {
        let (campaign, candidate) = (CampaignId::random(), CandidateId::random());
        let ids = [ReviewerId::random(), ReviewerId::random(), ReviewerId::random()];
        let [ann, ben, cid] = ids.clone();
        let mut doc = ReviewsDoc::create(&campaign, &candidate).expect("doc");
        doc.set_score(&ann, "Ann", "Punctuality", 4).expect("score");
        doc.mark_submitted(&ann, "Ann", Timestamp(5)).expect("submit");
        doc.set_score(&ben, "Ben", "Punctuality", 2).expect("score");
        doc.set_score(&ben, "Ben", "Punctuality", 3).expect("score again");
        doc.add_comment(&ben, "Ben", &comment("Clear")).expect("comment");
        doc.add_comment(&cid, "Cid", &comment("Warm")).expect("comment");
        store.create(DocKind::Reviews, candidate.as_str(), doc.into_automerge()).expect("create");
        (candidate, ids)
    }

    #[test]
    fn old_scores_move_into_submitted_scorecards_and_no_state_of_the_reviews_holds_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let (candidate, [ann, ben, cid]) = old_style(&store);
        let ids = outdated(&store).expect("outdated").ids;
        assert_eq!(migrate(&store, &ids, Timestamp(9)).expect("migrate"), vec![candidate.clone()]);

        let card = |r: &ReviewerId| store.scorecard(&candidate, r).expect("scorecard");
        assert_eq!((card(&ann).scores["Punctuality"], card(&ann).submitted_at), (4, Some(Timestamp(5))));
        assert_eq!((card(&ben).scores["Punctuality"], card(&ben).submitted_at), (3, Some(Timestamp(9))));
        assert!(!store.exists(DocKind::Scorecard, &crate::ids::scorecard_id(&candidate, &cid)), "Cid never scored");

        // What is on disk, read afresh: the comments and marks, and no score in any state.
        let mut doc =
            Store::open(dir.path()).expect("store").load(DocKind::Reviews, candidate.as_str()).expect("load").doc;
        let reviews = ReviewsDoc::from_automerge(doc.clone()).expect("doc").read().expect("read");
        assert_eq!(reviews.by_reviewer[&ben].comments, vec![comment("Clear")]);
        assert_eq!(reviews.by_reviewer[&cid].comments, vec![comment("Warm")]);
        let marks: Vec<Option<Timestamp>> =
            [&ann, &ben, &cid].iter().map(|r| reviews.by_reviewer[*r].submitted_at).collect();
        assert_eq!(marks, [Some(Timestamp(5)), Some(Timestamp(9)), None]);
        for state in every_state(&mut doc) {
            assert!(state.by_reviewer.values().all(|r| r.scores.is_empty()), "{state:?}");
        }
        let bytes = doc.save_nocompress();
        assert!(!bytes.windows(b"Punctuality".len()).any(|w| w == b"Punctuality"), "no score's criterion in the bytes");
        // What the store reads for the employer: the scores, from the scorecards.
        let average = store.reviews(&candidate).expect("reviews").average_scores()["Punctuality"];
        assert!((average - 3.5).abs() < 1e-6, "{average}");
        assert!(outdated(&store).expect("outdated").ids.is_empty(), "done once");
    }

    #[test]
    fn a_copy_with_the_old_history_is_rebuilt_on_the_rewrite_keeping_its_own_unsent_work() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let (candidate, [ann, ben, cid]) = old_style(&store);
        // Cid's computer holds the old copy, and comments there before the next sync.
        let cids = store.load(DocKind::Reviews, candidate.as_str()).expect("load").doc.fork();
        let mut edit = ReviewsDoc::from_automerge(cids).expect("doc");
        edit.add_comment(&cid, "Cid", &comment("Offline note")).expect("comment");
        edit.set_decision(
            &ann,
            "Ann",
            &crate::doc::ReviewDecision { verdict: crate::doc::Verdict::Reject, note: None, decided_at: Timestamp(8) },
        )
        .expect("someone else's entry, which the employer would refuse anyway");
        let mut cids = edit.into_automerge();
        let ours = cids.get_heads();
        migrate(&store, &outdated(&store).expect("outdated").ids, Timestamp(9)).expect("migrate");
        let mut employers = store.load(DocKind::Reviews, candidate.as_str()).expect("load").doc;
        let theirs = employers.get_heads();

        // The sync merges the two histories on Cid's computer; it is rebuilt on the employer's.
        assert!(rebase_on_theirs(&mut cids, &ours, &theirs, Some(&cid)).expect("rebase").is_none(), "not merged yet");
        cids.merge(&mut employers).expect("merge");
        assert!(two_histories(&cids));
        let mut rebuilt = rebase_on_theirs(&mut cids, &ours, &theirs, Some(&cid)).expect("rebase").expect("rebuilt");
        assert!(!two_histories(&rebuilt));
        let reviews = ReviewsDoc::from_automerge(rebuilt.clone()).expect("doc").read().expect("read");
        assert_eq!(reviews.by_reviewer[&cid].comments, vec![comment("Warm"), comment("Offline note")]);
        assert_eq!(reviews.by_reviewer[&ann].decision, None, "only one's own entry is carried over");
        assert_eq!(reviews.by_reviewer[&ben].comments, vec![comment("Clear")]);
        for state in every_state(&mut rebuilt) {
            assert!(state.by_reviewer.values().all(|r| r.scores.is_empty()), "{state:?}");
        }
        // The rebuilt copy continues the employer's history: merging it there adds Cid's note only.
        employers.merge(&mut rebuilt).expect("merge");
        assert!(!two_histories(&employers));
        // A hub carries every entry over.
        let hubs = rebase_on_theirs(&mut cids, &ours, &theirs, None).expect("rebase").expect("rebuilt");
        let reviews = ReviewsDoc::from_automerge(hubs).expect("doc").read().expect("read");
        assert!(reviews.by_reviewer[&ann].decision.is_some());
    }
}
