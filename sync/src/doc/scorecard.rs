//! The Scorecard document: one reviewer's scores of one submission (criterion -> 1..=5) and when
//! they submitted them. One document per (submission, reviewer), id `<candidate>.<reviewer>`,
//! written by that reviewer only, so that blind scoring holds on the wire: the employer side
//! sends a reviewer the other reviewers' scorecards of a submission only once the reviewer's
//! own is submitted (`auth::Access::documents`). Comments and recommendations stay in the
//! Reviews document.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ReadDoc};

use super::DocError;
use super::fields::{
    check_header, ensure_map, join, opt_obj, opt_str, opt_time, opt_u64, parse_enum, put_if_changed, req_str,
    timestamp, write_header,
};
use crate::ids::{CampaignId, CandidateId, ReviewerId};
use crate::time::Timestamp;

const KIND: &str = "scorecard";

/// One reviewer's scorecard of one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    pub campaign_id: CampaignId,
    pub candidate_id: CandidateId,
    pub reviewer_id: ReviewerId,
    pub reviewer_name: String,
    /// Criterion -> score 1..=5.
    pub scores: BTreeMap<String, u8>,
    /// When the reviewer submitted their scores; before that, others' scorecards are not sent
    /// to them.
    pub submitted_at: Option<Timestamp>,
}

/// A scorecard held as an Automerge document.
#[derive(Debug)]
pub struct ScorecardDoc {
    doc: AutoCommit,
}

impl ScorecardDoc {
    pub fn create(
        campaign_id: &CampaignId,
        candidate_id: &CandidateId,
        reviewer_id: &ReviewerId,
        reviewer_name: &str,
    ) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        doc.put(ROOT, "campaign_id", campaign_id.as_str())?;
        doc.put(ROOT, "candidate_id", candidate_id.as_str())?;
        doc.put(ROOT, "reviewer_id", reviewer_id.as_str())?;
        doc.put(ROOT, "reviewer_name", reviewer_name)?;
        doc.put_object(ROOT, "scores", ObjType::Map)?;
        Ok(Self { doc })
    }

    pub fn from_automerge(doc: AutoCommit) -> Result<Self, DocError> {
        check_header(&doc, KIND)?;
        let this = Self { doc };
        this.read()?;
        Ok(this)
    }

    pub fn automerge(&self) -> &AutoCommit {
        &self.doc
    }

    pub fn automerge_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    pub fn into_automerge(self) -> AutoCommit {
        self.doc
    }

    pub fn read(&self) -> Result<Scorecard, DocError> {
        let d = &self.doc;
        let mut scores = BTreeMap::new();
        if let Some(map) = opt_obj(d, &ROOT, "scores", ObjType::Map, "")? {
            for criterion in d.keys(&map) {
                let n = opt_u64(d, &map, &criterion, "scores")?.unwrap_or(0);
                let score = u8::try_from(n).ok().filter(|s| (1..=5).contains(s)).ok_or_else(|| DocError::Invalid {
                    path: join("scores", &criterion),
                    reason: format!("score {n} is not between 1 and 5"),
                })?;
                scores.insert(criterion, score);
            }
        }
        Ok(Scorecard {
            campaign_id: parse_enum(&req_str(d, &ROOT, "campaign_id", "")?, "", "campaign_id")?,
            candidate_id: parse_enum(&req_str(d, &ROOT, "candidate_id", "")?, "", "candidate_id")?,
            reviewer_id: parse_enum(&req_str(d, &ROOT, "reviewer_id", "")?, "", "reviewer_id")?,
            reviewer_name: opt_str(d, &ROOT, "reviewer_name", "")?.unwrap_or_default(),
            scores,
            submitted_at: opt_time(d, &ROOT, "submitted_at", "")?,
        })
    }

    /// Set one criterion's score (1..=5).
    pub fn set_score(&mut self, criterion: &str, score: u8) -> Result<(), DocError> {
        if !(1..=5).contains(&score) {
            return Err(DocError::Invalid {
                path: join("scores", criterion),
                reason: format!("score {score} is not between 1 and 5"),
            });
        }
        let scores = ensure_map(&mut self.doc, &ROOT, "scores")?;
        put_if_changed(&mut self.doc, &scores, criterion, u64::from(score))
    }

    /// Mark the scorecard submitted (once): from then on the employer side sends this reviewer
    /// the other reviewers' scorecards of the submission.
    pub fn submit(&mut self, at: Timestamp) -> Result<(), DocError> {
        if self.doc.get(ROOT, "submitted_at")?.is_none() {
            self.doc.put(ROOT, "submitted_at", timestamp(at))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scorecard_holds_scores_and_when_they_were_submitted() {
        let (campaign, candidate, reviewer) = (CampaignId::random(), CandidateId::random(), ReviewerId::random());
        let mut doc = ScorecardDoc::create(&campaign, &candidate, &reviewer, "Ann").expect("create");
        doc.set_score("Depth", 4).expect("score");
        assert!(doc.set_score("Depth", 6).is_err());
        doc.submit(Timestamp(7)).expect("submit");
        doc.submit(Timestamp(9)).expect("submit again");
        let read = ScorecardDoc::from_automerge(doc.into_automerge()).expect("doc").read().expect("read");
        assert_eq!((read.candidate_id, read.reviewer_id), (candidate, reviewer));
        assert_eq!(read.scores.get("Depth"), Some(&4));
        assert_eq!(read.submitted_at, Some(Timestamp(7)));
    }
}
