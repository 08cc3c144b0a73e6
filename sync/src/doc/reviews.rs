//! The Reviews document: one per submission, employer side only (never sent to a candidate).
//! Each reviewer writes under their own key: timestamped comments on answers and a
//! recommendation. Keys per reviewer make concurrent reviews merge without conflicts.
//!
//! Scores live in one Scorecard document per reviewer (`doc::scorecard`), so that a reviewer
//! receives the others' only after submitting their own; `Store::reviews` fills `scores` and
//! `submitted_at` in from them. What every reviewer does receive is *that* another submitted:
//! submitting a scorecard also marks `submitted_at` in the reviewer's own entry here (once,
//! never taken back: `auth::check_reviewer_reviews`), which is how a reviewer who has not
//! submitted yet can be told "2 others scored" without a score travelling.
//!
//! The `scores` fields here are read for documents written before scorecards existed (`set_score`
//! writes such old-style data, for tests); the employer side moves them into scorecards and
//! rewrites the document without them (`crate::legacy`).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc};

use super::DocError;
use super::fields::{
    check_header, ensure_map, join, list_maps, map_entries, opt_obj, opt_str, opt_time, opt_u64, parse_enum,
    put_if_changed, req_obj, req_str, req_time, req_u64, timestamp, write_header,
};
use crate::ids::{CampaignId, CandidateId, QuestionId, ReviewerId};
use crate::time::Timestamp;

const KIND: &str = "reviews";

/// A decision on a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Advance,
    Hold,
    Reject,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Advance => "advance",
            Verdict::Hold => "hold",
            Verdict::Reject => "reject",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Verdict {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "advance" => Ok(Verdict::Advance),
            "hold" => Ok(Verdict::Hold),
            "reject" => Ok(Verdict::Reject),
            _ => Err(()),
        }
    }
}

/// A comment pinned to a moment of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewComment {
    pub question: QuestionId,
    /// Position in the answer's recording (0 for text answers).
    pub at_ms: u64,
    pub text: String,
    pub written_at: Timestamp,
}

/// A reviewer's recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewDecision {
    pub verdict: Verdict,
    pub note: Option<String>,
    pub decided_at: Timestamp,
}

/// One reviewer's review of one submission.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub reviewer_name: String,
    /// Criterion -> score 1..=5.
    pub scores: BTreeMap<String, u8>,
    pub comments: Vec<ReviewComment>,
    pub decision: Option<ReviewDecision>,
    /// When the reviewer submitted their scorecard; before that, others' scores stay hidden from
    /// them (independent scoring). Written into the Reviews document by the reviewer when
    /// submitting (others see that, not the scores), and read from the scorecard where held.
    pub submitted_at: Option<Timestamp>,
}

/// All reviews of one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviews {
    pub campaign_id: CampaignId,
    pub candidate_id: CandidateId,
    pub by_reviewer: BTreeMap<ReviewerId, Review>,
}

impl Reviews {
    /// Mean score per criterion over the reviewers who scored it.
    pub fn average_scores(&self) -> BTreeMap<String, f32> {
        let mut sums: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for review in self.by_reviewer.values() {
            for (criterion, score) in &review.scores {
                let e = sums.entry(criterion.clone()).or_default();
                e.0 += u32::from(*score);
                e.1 += 1;
            }
        }
        sums.into_iter().map(|(c, (sum, n))| (c, sum as f32 / n as f32)).collect()
    }
}

/// Reviews held as an Automerge document.
#[derive(Debug)]
pub struct ReviewsDoc {
    doc: AutoCommit,
}

impl ReviewsDoc {
    pub fn create(campaign_id: &CampaignId, candidate_id: &CandidateId) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        doc.put(ROOT, "campaign_id", campaign_id.as_str())?;
        doc.put(ROOT, "candidate_id", candidate_id.as_str())?;
        doc.put_object(ROOT, "reviews", ObjType::Map)?;
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

    pub fn read(&self) -> Result<Reviews, DocError> {
        let d = &self.doc;
        let map = req_obj(d, &ROOT, "reviews", ObjType::Map, "")?;
        let mut by_reviewer = BTreeMap::new();
        for (key, obj) in map_entries(d, &map, "reviews")? {
            let path = format!("reviews.{key}");
            let reviewer: ReviewerId = parse_enum(&key, "reviews", &key)?;
            by_reviewer.insert(reviewer, read_review(d, &obj, &path)?);
        }
        Ok(Reviews {
            campaign_id: parse_enum(&req_str(d, &ROOT, "campaign_id", "")?, "", "campaign_id")?,
            candidate_id: parse_enum(&req_str(d, &ROOT, "candidate_id", "")?, "", "candidate_id")?,
            by_reviewer,
        })
    }

    fn review_obj(&mut self, reviewer: &ReviewerId, reviewer_name: &str) -> Result<ObjId, DocError> {
        let reviews = ensure_map(&mut self.doc, &ROOT, "reviews")?;
        let obj = ensure_map(&mut self.doc, &reviews, reviewer.as_str())?;
        put_if_changed(&mut self.doc, &obj, "reviewer_name", reviewer_name)?;
        Ok(obj)
    }

    /// Set one criterion's score (1..=5).
    pub fn set_score(
        &mut self,
        reviewer: &ReviewerId,
        reviewer_name: &str,
        criterion: &str,
        score: u8,
    ) -> Result<(), DocError> {
        if !(1..=5).contains(&score) {
            return Err(DocError::Invalid {
                path: format!("reviews.{reviewer}.scores.{criterion}"),
                reason: format!("score {score} is not between 1 and 5"),
            });
        }
        let obj = self.review_obj(reviewer, reviewer_name)?;
        let scores = ensure_map(&mut self.doc, &obj, "scores")?;
        put_if_changed(&mut self.doc, &scores, criterion, u64::from(score))
    }

    /// Add a comment at a moment of an answer.
    pub fn add_comment(
        &mut self,
        reviewer: &ReviewerId,
        reviewer_name: &str,
        comment: &ReviewComment,
    ) -> Result<(), DocError> {
        let obj = self.review_obj(reviewer, reviewer_name)?;
        let list = match opt_obj(&self.doc, &obj, "comments", ObjType::List, "")? {
            Some(list) => list,
            None => self.doc.put_object(&obj, "comments", ObjType::List)?,
        };
        let at = self.doc.length(&list);
        let c = self.doc.insert_object(&list, at, ObjType::Map)?;
        let d = &mut self.doc;
        d.put(&c, "question", comment.question.as_str())?;
        d.put(&c, "at_ms", comment.at_ms)?;
        d.put(&c, "text", comment.text.as_str())?;
        d.put(&c, "written_at", timestamp(comment.written_at))?;
        Ok(())
    }

    /// Record the reviewer's recommendation.
    pub fn set_decision(
        &mut self,
        reviewer: &ReviewerId,
        reviewer_name: &str,
        decision: &ReviewDecision,
    ) -> Result<(), DocError> {
        let obj = self.review_obj(reviewer, reviewer_name)?;
        let dec = self.doc.put_object(&obj, "decision", ObjType::Map)?;
        let d = &mut self.doc;
        d.put(&dec, "verdict", decision.verdict.as_str())?;
        if let Some(note) = &decision.note {
            d.put(&dec, "note", note.as_str())?;
        }
        d.put(&dec, "decided_at", timestamp(decision.decided_at))?;
        Ok(())
    }

    /// Mark, in the reviewer's own entry, that they submitted their scorecard (once; a later call
    /// keeps the first time). The other reviewers see the mark, never the scores.
    pub fn mark_submitted(
        &mut self,
        reviewer: &ReviewerId,
        reviewer_name: &str,
        at: Timestamp,
    ) -> Result<(), DocError> {
        let obj = self.review_obj(reviewer, reviewer_name)?;
        if self.doc.get(&obj, "submitted_at")?.is_none() {
            self.doc.put(&obj, "submitted_at", timestamp(at))?;
        }
        Ok(())
    }

    /// Bring what this document lacks of one reviewer's entry into it: comments it does not
    /// hold, the recommendation when it holds none or an older one, the submission mark when
    /// it holds none. Never scores. Returns whether anything was added. For rebuilding a
    /// document on another history (`crate::legacy`) without losing a reviewer's work.
    pub fn carry_over(&mut self, reviewer: &ReviewerId, review: &Review) -> Result<bool, DocError> {
        let have = self.read()?.by_reviewer.remove(reviewer).unwrap_or_default();
        let name = review.reviewer_name.as_str();
        let mut added = false;
        for comment in review.comments.iter().filter(|c| !have.comments.contains(c)) {
            self.add_comment(reviewer, name, comment)?;
            added = true;
        }
        if let Some(decision) = &review.decision
            && have.decision.as_ref().is_none_or(|d| d.decided_at < decision.decided_at)
        {
            self.set_decision(reviewer, name, decision)?;
            added = true;
        }
        if let Some(at) = review.submitted_at
            && have.submitted_at.is_none()
        {
            self.mark_submitted(reviewer, name, at)?;
            added = true;
        }
        Ok(added)
    }
}

fn read_review(d: &AutoCommit, obj: &ObjId, path: &str) -> Result<Review, DocError> {
    let mut scores = BTreeMap::new();
    if let Some(map) = opt_obj(d, obj, "scores", ObjType::Map, path)? {
        let spath = join(path, "scores");
        for criterion in d.keys(&map) {
            let n = opt_u64(d, &map, &criterion, &spath)?.unwrap_or(0);
            let score = u8::try_from(n).ok().filter(|s| (1..=5).contains(s)).ok_or_else(|| DocError::Invalid {
                path: join(&spath, &criterion),
                reason: format!("score {n} is not between 1 and 5"),
            })?;
            scores.insert(criterion, score);
        }
    }
    let mut comments = Vec::new();
    if let Some(list) = opt_obj(d, obj, "comments", ObjType::List, path)? {
        let cpath = join(path, "comments");
        for (i, c) in list_maps(d, &list, &cpath)?.iter().enumerate() {
            let p = format!("{cpath}[{i}]");
            comments.push(ReviewComment {
                question: parse_enum(&req_str(d, c, "question", &p)?, &p, "question")?,
                at_ms: req_u64(d, c, "at_ms", &p)?,
                text: req_str(d, c, "text", &p)?,
                written_at: req_time(d, c, "written_at", &p)?,
            });
        }
        comments.sort_by(|a, b| (&a.question, a.at_ms, a.written_at).cmp(&(&b.question, b.at_ms, b.written_at)));
    }
    let decision = match opt_obj(d, obj, "decision", ObjType::Map, path)? {
        Some(dec) => {
            let p = join(path, "decision");
            Some(ReviewDecision {
                verdict: parse_enum(&req_str(d, &dec, "verdict", &p)?, &p, "verdict")?,
                note: opt_str(d, &dec, "note", &p)?,
                decided_at: req_time(d, &dec, "decided_at", &p)?,
            })
        }
        None => None,
    };
    Ok(Review {
        reviewer_name: opt_str(d, obj, "reviewer_name", path)?.unwrap_or_default(),
        scores,
        comments,
        decision,
        submitted_at: opt_time(d, obj, "submitted_at", path)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_reviewers_merge_side_by_side() {
        let mut a = ReviewsDoc::create(&CampaignId::random(), &CandidateId::random()).expect("create");
        let mut b = ReviewsDoc::from_automerge(a.automerge_mut().fork()).expect("fork");
        let (ra, rb) = (ReviewerId::random(), ReviewerId::random());
        a.set_score(&ra, "Ann", "Depth", 4).expect("score");
        b.set_score(&rb, "Ben", "Depth", 2).expect("score");
        b.add_comment(
            &rb,
            "Ben",
            &ReviewComment {
                question: "intro".parse().expect("id"),
                at_ms: 12_000,
                text: "Good point".into(),
                written_at: Timestamp(3),
            },
        )
        .expect("comment");
        a.automerge_mut().merge(b.automerge_mut()).expect("merge");
        let reviews = a.read().expect("read");
        assert_eq!(reviews.by_reviewer.len(), 2);
        assert_eq!(reviews.average_scores().get("Depth"), Some(&3.0));
        assert_eq!(reviews.by_reviewer[&rb].comments[0].at_ms, 12_000);
        assert!(a.set_score(&ra, "Ann", "Depth", 6).is_err());
    }
}
