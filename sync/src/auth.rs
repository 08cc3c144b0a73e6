//! Who may see and change what, decided without I/O: which documents a peer may sync, and
//! whether the changes a peer sent leave the documents in a state that peer was allowed to
//! produce. The employer side runs every incoming change through these checks before applying
//! it (on a copy; the real document only moves forward when the check passes).

use std::collections::BTreeSet;

use crate::doc::{
    Answer, AnswerKind, Campaign, EventKind, MediaKind, Reviews, Roster, Scorecard, StatusEvent, Submission,
};
use crate::ids::{CampaignId, CandidateId, HubId, ReviewerId};
use crate::store::DocKind;
use crate::time::Timestamp;

/// Limits that keep one candidate from filling the employer's disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    /// Largest single recording.
    pub max_take_bytes: u64,
    /// All of one submission's recordings together.
    pub max_submission_bytes: u64,
    /// Every byte ever fetched for one candidate: retakes, fragments, interrupted transfers and
    /// proofs of hashes already held, across restarts.
    pub max_delivered_bytes: u64,
}

impl Default for Quota {
    fn default() -> Self {
        // 720p at ~1.6 Mbit/s is ~12 MB a minute: 1 GiB is over an hour of video.
        Quota { max_take_bytes: 1 << 30, max_submission_bytes: 4 << 30, max_delivered_bytes: 12 << 30 }
    }
}

/// A document a peer may sync.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct DocRef {
    pub kind: DocKind,
    pub id: String,
}

/// What a peer is to this node, from the roster entries bound to its endpoint id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Access {
    pub candidate_of: Vec<(CampaignId, CandidateId)>,
    pub reviewer_of: Vec<(CampaignId, ReviewerId)>,
    /// Another employer-side node of these campaigns: trusted like this node.
    pub hub_of: Vec<(CampaignId, HubId)>,
}

impl Access {
    pub fn is_empty(&self) -> bool {
        self.candidate_of.is_empty() && self.reviewer_of.is_empty() && self.hub_of.is_empty()
    }

    /// Collect the live (not revoked) roster entries bound to `endpoint` (hex endpoint id).
    pub fn from_rosters<'a>(rosters: impl IntoIterator<Item = &'a Roster>, endpoint: &str) -> Access {
        Access::by_endpoint(rosters).remove(endpoint).unwrap_or_default()
    }

    /// Every bound endpoint's access, from the live (not revoked) roster entries, in one pass.
    pub fn by_endpoint<'a>(rosters: impl IntoIterator<Item = &'a Roster>) -> std::collections::HashMap<String, Access> {
        let mut map: std::collections::HashMap<String, Access> = std::collections::HashMap::new();
        let live = |state: crate::doc::InviteState| {
            !matches!(state, crate::doc::InviteState::Revoked | crate::doc::InviteState::Deleted)
        };
        for r in rosters {
            for c in r.candidates.iter().filter(|c| live(c.state)) {
                if let Some(e) = &c.endpoint {
                    map.entry(e.clone()).or_default().candidate_of.push((r.campaign_id.clone(), c.id.clone()));
                }
            }
            for v in r.reviewers.iter().filter(|v| live(v.state)) {
                if let Some(e) = &v.endpoint {
                    map.entry(e.clone()).or_default().reviewer_of.push((r.campaign_id.clone(), v.id.clone()));
                }
            }
            for h in r.hubs.iter().filter(|h| live(h.state)) {
                if let Some(e) = &h.endpoint {
                    map.entry(e.clone()).or_default().hub_of.push((r.campaign_id.clone(), h.id.clone()));
                }
            }
        }
        map
    }

    /// The documents this peer may sync. `submissions_of` lists a campaign's (not deleted)
    /// candidates; `blind` says whether a campaign hides candidates' names from reviewers.
    /// Hubs get candidates' contacts always, reviewers only when the campaign is not blind.
    /// `scorecards_of` lists the reviewers whose scorecard of a submission is held here, and
    /// `submitted` says whether one of them is submitted: a reviewer gets its own scorecard
    /// always and the others' only once its own is submitted (blind scoring, on the wire); a
    /// hub gets them all.
    pub fn documents(
        &self,
        submissions_of: impl Fn(&CampaignId) -> Vec<CandidateId>,
        blind: impl Fn(&CampaignId) -> bool,
        scorecards_of: impl Fn(&CandidateId) -> Vec<ReviewerId>,
        submitted: impl Fn(&CandidateId, &ReviewerId) -> bool,
    ) -> BTreeSet<DocRef> {
        let mut docs = BTreeSet::new();
        let doc = |kind, id: &str| DocRef { kind, id: id.to_owned() };
        for (campaign, candidate) in &self.candidate_of {
            docs.insert(doc(DocKind::Campaign, campaign.as_str()));
            docs.insert(doc(DocKind::Submission, candidate.as_str()));
        }
        for campaign in self.reviewer_of.iter().map(|(c, _)| c).chain(self.hub_of.iter().map(|(c, _)| c)) {
            docs.insert(doc(DocKind::Campaign, campaign.as_str()));
            docs.insert(doc(DocKind::Roster, campaign.as_str()));
            let hub = self.is_hub_of(campaign);
            let contacts = hub || !blind(campaign);
            let me = if hub { None } else { self.reviewer_for(campaign) };
            for candidate in submissions_of(campaign) {
                docs.insert(doc(DocKind::Submission, candidate.as_str()));
                docs.insert(doc(DocKind::Reviews, candidate.as_str()));
                if contacts {
                    docs.insert(doc(DocKind::Contact, candidate.as_str()));
                }
                let cards = scorecards_of(&candidate);
                let all = match me {
                    None => true,
                    Some(me) => cards.contains(me) && submitted(&candidate, me),
                };
                for reviewer in cards.iter().filter(|r| all || Some(*r) == me) {
                    docs.insert(doc(DocKind::Scorecard, &crate::ids::scorecard_id(&candidate, reviewer)));
                }
            }
        }
        docs
    }

    /// Whether this peer may bring a scorecard the employer side does not hold yet: a reviewer
    /// its own, a hub any of its campaigns' (`campaign` is the one of the scorecard's candidate).
    pub fn may_bring_scorecard(&self, campaign: &CampaignId, reviewer: &ReviewerId) -> bool {
        self.is_hub_of(campaign) || self.reviewer_for(campaign) == Some(reviewer)
    }

    pub fn reviewer_for(&self, campaign: &CampaignId) -> Option<&ReviewerId> {
        self.reviewer_of.iter().find(|(c, _)| c == campaign).map(|(_, r)| r)
    }

    pub fn is_hub_of(&self, campaign: &CampaignId) -> bool {
        self.hub_of.iter().any(|(c, _)| c == campaign)
    }

    /// Campaigns whose recordings this peer may download (as a reviewer or a hub).
    pub fn downloads_from(&self) -> impl Iterator<Item = &CampaignId> {
        self.reviewer_of.iter().map(|(c, _)| c).chain(self.hub_of.iter().map(|(c, _)| c))
    }

    pub fn is_candidate(&self, candidate: &CandidateId) -> bool {
        self.candidate_of.iter().any(|(_, c)| c == candidate)
    }
}

/// Why a change was refused; sent to the peer as is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

fn refuse<T>(msg: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(msg.into()))
}

/// Messages are only appended: every message of `before` is in `after` unchanged, and each new
/// one passes `check` (who may write it) and the general limits.
fn check_new_messages(
    before: &Submission,
    after: &Submission,
    check: impl Fn(&crate::doc::Message) -> Result<(), String>,
) -> Result<(), Refusal> {
    for m in &before.messages {
        if !after.messages.iter().any(|a| a == m) {
            return refuse("a message once sent cannot be changed or removed");
        }
    }
    let mut ids = std::collections::HashSet::new();
    for m in &after.messages {
        if !ids.insert(m.id.as_str()) {
            return refuse(format!("two messages with the id {}", m.id));
        }
        if before.messages.iter().any(|b| b == m) {
            continue;
        }
        crate::doc::messages::check_message(m)
            .map_err(|e| e.to_string())
            .and_then(|()| check(m))
            .map_err(|e| Refusal(format!("message: {e}")))?;
    }
    Ok(())
}

fn employer_events(s: &Submission) -> Vec<&StatusEvent> {
    s.events.iter().filter(|e| e.kind.is_employer_event()).collect()
}

/// The deadline for this candidate, extension included.
pub fn deadline_for(campaign: &Campaign, submission: &Submission) -> Timestamp {
    campaign.deadline.plus_secs(submission.accommodations.extension_secs)
}

/// Check a candidate's changes to their own submission: `before` is what the employer side had,
/// `after` what it would have with the changes applied.
pub fn check_candidate_submission(
    campaign: &Campaign,
    before: &Submission,
    after: &Submission,
    now: Timestamp,
    quota: Quota,
) -> Result<(), Refusal> {
    if after.campaign_id != before.campaign_id || after.candidate_id != before.candidate_id {
        return refuse("a submission's campaign and candidate cannot be changed");
    }
    if after.accommodations != before.accommodations {
        return refuse("accommodations are set by the employer");
    }
    if employer_events(after) != employer_events(before) {
        return refuse("received, viewed and decision events are written by the employer");
    }
    if before.events.iter().any(|e| !after.events.contains(e)) {
        return refuse("status events cannot be removed");
    }
    // The conversation: allowed at any time (after submitting, after the deadline, after a
    // decision), within the candidate's budget.
    check_new_messages(before, after, |m| {
        if m.from != crate::doc::Side::Candidate {
            return Err("a candidate writes as the candidate only".to_owned());
        }
        if m.at > now.plus_secs(600) {
            return Err("a message dated in the future".to_owned());
        }
        Ok(())
    })?;
    let theirs = |s: &Submission| s.messages.iter().filter(|m| m.from == crate::doc::Side::Candidate).count();
    let new = theirs(after).saturating_sub(theirs(before));
    if new > crate::doc::messages::MAX_CANDIDATE_MESSAGES_PER_DAY
        || theirs(after) > crate::doc::messages::MAX_CANDIDATE_MESSAGES
    {
        return refuse(format!(
            "too many messages: at most {} a day and {} in all",
            crate::doc::messages::MAX_CANDIDATE_MESSAGES_PER_DAY,
            crate::doc::messages::MAX_CANDIDATE_MESSAGES
        ));
    }
    let answers_changed = after.answers != before.answers;
    if before.submitted_at.is_some() {
        if answers_changed || after.submitted_at != before.submitted_at || after.uploads != before.uploads {
            return refuse("the submission was already submitted; its answers can no longer change");
        }
        return Ok(());
    }
    let deadline = deadline_for(campaign, before);
    let submitting = after.submitted_at.is_some();
    let uploads_changed = after.uploads != before.uploads;
    if (answers_changed || submitting || uploads_changed) && now > deadline {
        return refuse(format!("the deadline ({}) has passed", humanize(deadline)));
    }
    let extra_takes = after.accommodations.extra_takes;
    let mut total = 0u64;
    for (question_id, answer) in &after.answers {
        let Some(q) = campaign.questions.iter().find(|q| &q.id == question_id) else {
            return refuse(format!("there is no question {question_id} in this campaign"));
        };
        match (q.kind, answer) {
            (AnswerKind::Text, Answer::Text(t)) => {
                if t.text.len() > 100_000 {
                    return refuse(format!("the answer to {question_id} is too long"));
                }
            }
            (AnswerKind::Video | AnswerKind::Audio, Answer::Recording(take)) => {
                let media_ok = matches!(
                    (q.kind, take.media),
                    (AnswerKind::Video, MediaKind::Video) | (AnswerKind::Audio, MediaKind::Audio)
                );
                if !media_ok {
                    return refuse(format!("question {question_id} needs a {} answer", q.kind));
                }
                if take.take_number == 0 || take.take_number > q.max_takes + extra_takes {
                    return refuse(format!(
                        "take {} of {question_id} exceeds the {} takes allowed",
                        take.take_number,
                        q.max_takes + extra_takes
                    ));
                }
                let limit_ms = u64::from(after.accommodations.stretch_secs(q.answer_limit_secs)) * 1000 + 2_000;
                if take.duration_ms > limit_ms {
                    return refuse(format!("the answer to {question_id} is longer than its time limit"));
                }
                if take.size_bytes > quota.max_take_bytes {
                    return refuse(format!(
                        "the recording for {question_id} is larger than the {} MB allowed",
                        quota.max_take_bytes >> 20
                    ));
                }
                total += take.size_bytes;
            }
            _ => return refuse(format!("question {question_id} needs a {} answer", q.kind)),
        }
    }
    if total > quota.max_submission_bytes {
        return refuse(format!("the recordings together exceed the {} MB allowed", quota.max_submission_bytes >> 20));
    }
    check_uploads(campaign, after, quota)
}

/// Fragments uploaded during recording: only for recorded questions, within takes and quota.
fn check_uploads(campaign: &Campaign, after: &Submission, quota: Quota) -> Result<(), Refusal> {
    let mut total = 0u64;
    for upload in &after.uploads {
        let Some(q) = campaign.questions.iter().find(|q| q.id == upload.question) else {
            return refuse(format!("there is no question {} in this campaign", upload.question));
        };
        if q.kind == AnswerKind::Text {
            return refuse(format!("question {} takes a text answer", upload.question));
        }
        if upload.take_number == 0 || upload.take_number > q.max_takes + after.accommodations.extra_takes {
            return refuse(format!("take {} of {} exceeds the takes allowed", upload.take_number, upload.question));
        }
        if upload.fragments.len() > 10_000 {
            return refuse("too many fragments in one take");
        }
        let take_bytes: u64 = upload.fragments.iter().map(|(_, size)| size).sum();
        if take_bytes > quota.max_take_bytes {
            return refuse(format!(
                "the recording for {} is larger than the {} MB allowed",
                upload.question,
                quota.max_take_bytes >> 20
            ));
        }
        total += take_bytes;
    }
    // Retakes upload too: allow the takes' worth of the submission quota.
    if total > quota.max_submission_bytes.saturating_mul(2) {
        return refuse("the uploaded recordings exceed the quota");
    }
    Ok(())
}

/// Check a reviewer's changes to a submission: only viewed/decision events may be added.
/// A reviewer may mark a submission viewed, under their own name (`reviewer_name`, from the
/// roster). Decisions are the employer's: a reviewer recommends one in their own review.
pub fn check_reviewer_submission(
    reviewer_name: &str,
    may_message: bool,
    before: &Submission,
    after: &Submission,
) -> Result<(), Refusal> {
    check_new_messages(before, after, |m| {
        if !may_message {
            return Err("reviewers read the conversation; the employer decides whether they may write".into());
        }
        if m.from != crate::doc::Side::Employer || m.by != reviewer_name {
            return Err("a reviewer writes under their own name only".into());
        }
        if matches!(m.body, crate::doc::MessageBody::Outcome { .. }) {
            return Err("the employer answers requests".into());
        }
        Ok(())
    })?;
    for e in after.events.iter().filter(|e| !before.events.contains(e)) {
        match &e.kind {
            EventKind::Viewed if e.by == reviewer_name => {}
            EventKind::Viewed => return refuse("a reviewer writes events under their own name only"),
            EventKind::Decision { .. } => {
                return refuse(
                    "reviewers recommend a decision in their review; the employer sends it to the candidate",
                );
            }
            _ => return refuse("reviewers may only mark a submission viewed"),
        }
    }
    let mut stripped = after.clone();
    stripped.events.retain(|e| before.events.contains(e));
    stripped.messages.retain(|m| before.messages.contains(m));
    if &stripped != before && !same_ignoring_event_order(&stripped, before) {
        return refuse("reviewers may only mark a submission viewed");
    }
    Ok(())
}

fn same_ignoring_event_order(a: &Submission, b: &Submission) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    a.events.sort_by_key(|e| (e.at, e.kind.name(), e.by.clone()));
    b.events.sort_by_key(|e| (e.at, e.kind.name(), e.by.clone()));
    a == b
}

/// Check a reviewer's changes to a submission's reviews: only their own entry may change, and
/// not its scores (they live in the reviewer's scorecard, which others receive only once they
/// submitted theirs). The entry's `submitted_at` (that the reviewer submitted their scorecard,
/// which the others may know) is set once and stays as it was set.
///
/// Whether the scorecard really is submitted is not checked here: in one round the reviews
/// may arrive before the scorecard, and a false mark would only tell the others "1 other
/// scored" too early, never a score.
pub fn check_reviewer_reviews(reviewer: &ReviewerId, before: &Reviews, after: &Reviews) -> Result<(), Refusal> {
    let mut a = after.clone();
    let mut b = before.clone();
    let (mine_after, mine_before) = (a.by_reviewer.remove(reviewer), b.by_reviewer.remove(reviewer));
    if a != b {
        return refuse("reviewers may only change their own review");
    }
    let scores = |r: Option<&crate::doc::Review>| r.map(|r| r.scores.clone()).unwrap_or_default();
    if scores(mine_after.as_ref()) != scores(mine_before.as_ref()) {
        return refuse("scores are written in the reviewer's scorecard document, not in the reviews");
    }
    let submitted = |r: Option<&crate::doc::Review>| r.and_then(|r| r.submitted_at);
    match (submitted(mine_before.as_ref()), submitted(mine_after.as_ref())) {
        (Some(was), now) if now != Some(was) => refuse("a submitted scorecard stays submitted, at the time it was"),
        _ => Ok(()),
    }
}

/// Check a reviewer's changes to a scorecard (`before` is `None` when the reviewer brings a new
/// one): only their own, of the submission it names, and once submitted it stays submitted
/// (the others' scores reach the reviewer from then on).
pub fn check_reviewer_scorecard(
    reviewer: &ReviewerId,
    doc_id: &str,
    before: Option<&Scorecard>,
    after: &Scorecard,
) -> Result<(), Refusal> {
    if crate::ids::parse_scorecard_id(doc_id) != Some((after.candidate_id.clone(), after.reviewer_id.clone())) {
        return refuse(format!("scorecard {doc_id} must name its own candidate and reviewer"));
    }
    if after.reviewer_id != *reviewer {
        return refuse(format!("scorecard {doc_id} belongs to another reviewer; a reviewer writes only their own"));
    }
    let Some(before) = before else { return Ok(()) };
    if (&after.campaign_id, &after.candidate_id) != (&before.campaign_id, &before.candidate_id) {
        return refuse("a scorecard's campaign and candidate cannot be changed");
    }
    if let Some(at) = before.submitted_at {
        // Scores may still be corrected afterwards (the review screen allows it).
        if after.submitted_at != Some(at) {
            return refuse("a submitted scorecard stays submitted");
        }
    }
    Ok(())
}

pub(crate) fn humanize(t: Timestamp) -> String {
    humantime_like(t)
}

/// `2026-12-15T17:00:00Z`, without pulling a date library into this crate.
fn humantime_like(t: Timestamp) -> String {
    let secs = t.millis().div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// What a hub may do to the roster: invite reviewers and hubs in its own name (`invited_by` is
/// the hub itself), never change who invited an existing entry, and never bring back an entry
/// that was revoked (itself included).
pub fn check_hub_roster_change(
    before: &crate::doc::Roster,
    after: &crate::doc::Roster,
    hub: &HubId,
) -> Result<(), Refusal> {
    let Some(hub) = before.hub(hub).and_then(|h| h.endpoint.clone()) else {
        return Err(Refusal(format!("node {hub} is not bound to a computer here")));
    };
    let hub = hub.as_str();
    let entries = |r: &crate::doc::Roster| -> Vec<(String, crate::doc::InviteState, Option<String>)> {
        r.reviewers
            .iter()
            .map(|x| (format!("reviewer {}", x.id), x.state, x.invited_by.clone()))
            .chain(r.hubs.iter().map(|x| (format!("node {}", x.id), x.state, x.invited_by.clone())))
            .collect()
    };
    // A deletion is final: a hub may delete (it acts for the employer), never bring back.
    for c in &before.candidates {
        match after.candidate(&c.id) {
            None => return Err(Refusal(format!("candidate {}: roster entries are never removed", c.id))),
            Some(a)
                if c.state == crate::doc::InviteState::Deleted && (a.state != c.state || a.deleted != c.deleted) =>
            {
                return Err(Refusal(format!("candidate {} was deleted and stays deleted", c.id)));
            }
            Some(_) => {}
        }
    }
    let old = entries(before);
    for (id, state, invited_by) in entries(after) {
        match old.iter().find(|(o, _, _)| *o == id) {
            None if invited_by.as_deref() != Some(hub) => {
                return Err(Refusal(format!("{id}: a node may only invite in its own name")));
            }
            Some((_, _, old_by)) if *old_by != invited_by => {
                return Err(Refusal(format!("{id}: who invited it cannot be changed")));
            }
            Some((_, crate::doc::InviteState::Revoked, _)) if state != crate::doc::InviteState::Revoked => {
                return Err(Refusal(format!("{id} was revoked by the employer and stays revoked")));
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Overrides, Question, Take, TextAnswer};

    fn campaign() -> Campaign {
        let q = |id: &str, kind| Question {
            id: id.parse().expect("id"),
            prompt: "?".into(),
            kind,
            think_secs: 5,
            answer_limit_secs: 60,
            max_takes: 2,
        };
        Campaign {
            id: CampaignId::random(),
            title: "T".into(),
            role: "R".into(),
            instructions: String::new(),
            practice: None,
            questions: vec![q("v", AnswerKind::Video), q("a", AnswerKind::Audio), q("t", AnswerKind::Text)],
            criteria: vec![],
            deadline: Timestamp(10_000_000),
            created_at: Timestamp(0),
            retention_days: None,
            blind_review: false,
            reviewers_may_message: false,
            language: None,
            time_zone: None,
        }
    }

    fn empty(c: &Campaign) -> Submission {
        Submission {
            campaign_id: c.id.clone(),
            candidate_id: CandidateId::random(),
            accommodations: Overrides::default(),
            answers: Default::default(),
            submitted_at: None,
            events: vec![],
            uploads: vec![],
            messages: vec![],
        }
    }

    fn take(media: MediaKind, n: u32, size: u64, secs: u64) -> Answer {
        Answer::Recording(Take {
            hash: "0".repeat(64),
            size_bytes: size,
            duration_ms: secs * 1000,
            media,
            recorded_at: Timestamp(1),
            take_number: n,
        })
    }

    /// Each case: a change to an empty submission and whether a candidate may make it.
    #[test]
    fn candidate_changes_table() {
        let c = campaign();
        let before = empty(&c);
        let now = Timestamp(5_000_000);
        type Edit = fn(&mut Submission);
        let cases: &[(&str, Edit, bool)] = &[
            (
                "video answer",
                |s| {
                    s.answers.insert("v".parse().expect("id"), take(MediaKind::Video, 1, 1000, 30));
                },
                true,
            ),
            (
                "text answer",
                |s| {
                    s.answers.insert(
                        "t".parse().expect("id"),
                        Answer::Text(TextAnswer { text: "hi".into(), written_at: Timestamp(1) }),
                    );
                },
                true,
            ),
            ("submit", |s| s.submitted_at = Some(Timestamp(4)), true),
            (
                "unknown question",
                |s| {
                    s.answers.insert("nope".parse().expect("id"), take(MediaKind::Video, 1, 1, 1));
                },
                false,
            ),
            (
                "audio for video",
                |s| {
                    s.answers.insert("v".parse().expect("id"), take(MediaKind::Audio, 1, 1, 1));
                },
                false,
            ),
            (
                "text for video",
                |s| {
                    s.answers.insert(
                        "v".parse().expect("id"),
                        Answer::Text(TextAnswer { text: "x".into(), written_at: Timestamp(1) }),
                    );
                },
                false,
            ),
            (
                "too many takes",
                |s| {
                    s.answers.insert("v".parse().expect("id"), take(MediaKind::Video, 3, 1, 1));
                },
                false,
            ),
            (
                "too long",
                |s| {
                    s.answers.insert("v".parse().expect("id"), take(MediaKind::Video, 1, 1, 120));
                },
                false,
            ),
            (
                "too big",
                |s| {
                    s.answers.insert("v".parse().expect("id"), take(MediaKind::Video, 1, 2 << 30, 1));
                },
                false,
            ),
            ("own accommodations", |s| s.accommodations.extra_takes = 5, false),
            (
                "fake receipt",
                |s| s.events.push(StatusEvent { kind: EventKind::Received, by: "me".into(), at: Timestamp(1) }),
                false,
            ),
            (
                "fake decision",
                |s| {
                    s.events.push(StatusEvent {
                        kind: EventKind::Decision { verdict: crate::doc::Verdict::Advance, message: None },
                        by: "me".into(),
                        at: Timestamp(1),
                    });
                },
                false,
            ),
            ("other candidate", |s| s.candidate_id = CandidateId::random(), false),
        ];
        for (name, edit, allowed) in cases {
            let mut after = before.clone();
            edit(&mut after);
            let result = check_candidate_submission(&c, &before, &after, now, Quota::default());
            assert_eq!(result.is_ok(), *allowed, "{name}: {result:?}");
        }
    }

    #[test]
    fn extra_takes_and_extension_count() {
        let c = campaign();
        let mut before = empty(&c);
        before.accommodations = Overrides { extension_secs: 3600, extra_time_percent: 100, extra_takes: 1 };
        let mut after = before.clone();
        after.answers.insert("v".parse().expect("id"), take(MediaKind::Video, 3, 1, 110));
        after.submitted_at = Some(Timestamp(1));
        let late_but_extended = Timestamp(10_000_000 + 1_000_000);
        assert_eq!(check_candidate_submission(&c, &before, &after, late_but_extended, Quota::default()), Ok(()));
        let too_late = Timestamp(10_000_000 + 3_601_000);
        let err = check_candidate_submission(&c, &before, &after, too_late, Quota::default()).expect_err("late");
        assert!(err.0.contains("deadline (1970-01-01T03:46:40Z) has passed"), "{err}");
        // Fragments of a take count as answering: none after the deadline either.
        let mut uploading = before.clone();
        uploading.uploads.push(crate::doc::Upload {
            question: "v".parse().expect("id"),
            take_number: 1,
            fragments: vec![("a".repeat(64), 1000)],
        });
        assert_eq!(check_candidate_submission(&c, &before, &uploading, late_but_extended, Quota::default()), Ok(()));
        let err =
            check_candidate_submission(&c, &before, &uploading, too_late, Quota::default()).expect_err("late upload");
        assert!(err.0.contains("has passed"), "{err}");
    }

    #[test]
    fn nothing_changes_after_submitting() {
        let c = campaign();
        let mut before = empty(&c);
        before.submitted_at = Some(Timestamp(5));
        let mut after = before.clone();
        after.answers.insert(
            "t".parse().expect("id"),
            Answer::Text(TextAnswer { text: "late edit".into(), written_at: Timestamp(6) }),
        );
        assert!(check_candidate_submission(&c, &before, &after, Timestamp(6), Quota::default()).is_err());
        assert!(check_candidate_submission(&c, &before, &before.clone(), Timestamp(6), Quota::default()).is_ok());
    }

    #[test]
    fn candidates_write_messages_at_any_time_within_their_budget_and_never_rewrite_them() {
        use crate::doc::messages::{MAX_CANDIDATE_MESSAGES_PER_DAY, MAX_MESSAGE_CHARS};
        use crate::doc::{Message, MessageBody, RequestKind, Side};
        let c = campaign();
        let mut before = empty(&c);
        before.submitted_at = Some(Timestamp(1));
        let now = Timestamp(c.deadline.0 + 1_000_000);
        let check = |b: &Submission, a: &Submission| check_candidate_submission(&c, b, a, now, Quota::default());
        let msg = |from, body| Message::new(from, "candidate", Timestamp(now.0 - 10), body);
        let mut asked = before.clone();
        asked.messages.push(msg(Side::Candidate, MessageBody::Text("Is there parking?".into())));
        asked.messages.push(msg(
            Side::Candidate,
            MessageBody::Request { kind: RequestKind::Extension { days: 2 }, reason: "ill".into() },
        ));
        assert_eq!(check(&before, &asked), Ok(()), "after submitting and after the deadline");
        let why = |r: Result<(), Refusal>| r.expect_err("refused").0;
        // Not as the employer, not an outcome, not too long, not too many.
        let mut forged = before.clone();
        forged.messages.push(msg(Side::Employer, MessageBody::Text("You are hired".into())));
        assert!(why(check(&before, &forged)).contains("as the candidate only"));
        let mut granted = before.clone();
        granted.messages.push(msg(
            Side::Candidate,
            MessageBody::Outcome { request: asked.messages[1].id.clone(), granted: true, note: String::new() },
        ));
        assert!(why(check(&before, &granted)).contains("employer side answers"));
        let mut long = before.clone();
        long.messages.push(msg(Side::Candidate, MessageBody::Text("x".repeat(MAX_MESSAGE_CHARS + 1))));
        assert!(why(check(&before, &long)).contains("4000 characters"));
        let mut flood = before.clone();
        for _ in 0..=MAX_CANDIDATE_MESSAGES_PER_DAY {
            flood.messages.push(msg(Side::Candidate, MessageBody::Text("hello?".into())));
        }
        assert!(why(check(&before, &flood)).contains("too many messages"));
        // Once sent, a message stays as it was.
        let mut edited = asked.clone();
        edited.messages[0].body = MessageBody::Text("Never mind".into());
        assert!(why(check(&asked, &edited)).contains("cannot be changed"));
        let mut removed = asked.clone();
        removed.messages.remove(0);
        assert!(why(check(&asked, &removed)).contains("cannot be changed"));
    }

    #[test]
    fn reviewers_touch_only_their_own_review_and_status() {
        let c = campaign();
        let before = empty(&c);
        let mut viewed = before.clone();
        viewed.events.push(StatusEvent { kind: EventKind::Viewed, by: "Rita".into(), at: Timestamp(3) });
        assert!(check_reviewer_submission("Rita", false, &before, &viewed).is_ok());
        let why = |r: Result<(), Refusal>| r.expect_err("refused").0;
        assert!(why(check_reviewer_submission("Ron", false, &before, &viewed)).contains("own name"), "as someone else");
        let mut decided = before.clone();
        decided.events.push(StatusEvent {
            kind: EventKind::Decision { verdict: crate::doc::Verdict::Reject, message: Some("no".into()) },
            by: "Rita".into(),
            at: Timestamp(4),
        });
        assert!(why(check_reviewer_submission("Rita", false, &before, &decided)).contains("employer sends it"));
        let mut received = before.clone();
        received.events.push(StatusEvent { kind: EventKind::Received, by: "Rita".into(), at: Timestamp(4) });
        assert!(check_reviewer_submission("Rita", false, &before, &received).is_err());
        let mut answered = before.clone();
        answered
            .answers
            .insert("t".parse().expect("id"), Answer::Text(TextAnswer { text: "x".into(), written_at: Timestamp(1) }));
        assert!(check_reviewer_submission("Rita", false, &before, &answered).is_err());

        // Reviewers read the conversation; they write only where the employer allows it, and
        // under their own name.
        use crate::doc::{Message, MessageBody, Side};
        let mut said = before.clone();
        said.messages.push(Message::new(Side::Employer, "Rita", Timestamp(5), MessageBody::Text("Welcome!".into())));
        assert!(why(check_reviewer_submission("Rita", false, &before, &said)).contains("employer decides"));
        assert!(check_reviewer_submission("Rita", true, &before, &said).is_ok());
        assert!(why(check_reviewer_submission("Ron", true, &before, &said)).contains("own name"));

        let (me, other) = (ReviewerId::random(), ReviewerId::random());
        let reviews = Reviews {
            campaign_id: c.id.clone(),
            candidate_id: before.candidate_id.clone(),
            by_reviewer: Default::default(),
        };
        let mut mine = reviews.clone();
        mine.by_reviewer.insert(me.clone(), crate::doc::Review::default());
        assert!(check_reviewer_reviews(&me, &reviews, &mine).is_ok());
        assert!(check_reviewer_reviews(&other, &reviews, &mine).is_err());
    }

    #[test]
    fn access_follows_live_roster_entries_and_hubs_see_everything_of_their_campaign() {
        use crate::doc::{Hub, InviteState, Roster};
        let campaign = CampaignId::random();
        let candidate = CandidateId::random();
        let hub = |endpoint: &str, state| Hub {
            id: HubId::random(),
            name: "Office".into(),
            state,
            invited_at: Timestamp(1),
            secret_hash: None,
            endpoint: Some(endpoint.into()),
            addrs: vec![],
            relay_url: None,
            invited_by: None,
        };
        let roster = Roster {
            campaign_id: campaign.clone(),
            candidates: vec![crate::doc::Candidate {
                id: candidate.clone(),
                name: "Ada".into(),
                email: None,
                state: InviteState::Joined,
                invited_at: Timestamp(1),
                secret_hash: None,
                endpoint: Some("cand".into()),
                deleted: None,
            }],
            reviewers: vec![],
            hubs: vec![hub("hub", InviteState::Joined), hub("gone", InviteState::Revoked)],
        };
        let access = Access::from_rosters([&roster], "hub");
        assert!(access.is_hub_of(&campaign) && access.candidate_of.is_empty());
        let no_cards = |_: &CandidateId| Vec::new();
        let docs = access.documents(|_| vec![candidate.clone()], |_| false, no_cards, |_, _| false);
        let kinds: Vec<DocKind> = docs.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [DocKind::Campaign, DocKind::Roster, DocKind::Submission, DocKind::Reviews, DocKind::Contact]
        );
        // A reviewer of a blind campaign never receives candidates' contacts; a hub does.
        let reviewer = Access { reviewer_of: vec![(campaign.clone(), ReviewerId::random())], ..Access::default() };
        let blind: Vec<DocKind> = reviewer
            .documents(|_| vec![candidate.clone()], |_| true, no_cards, |_, _| false)
            .iter()
            .map(|d| d.kind)
            .collect();
        assert_eq!(blind, [DocKind::Campaign, DocKind::Roster, DocKind::Submission, DocKind::Reviews]);
        assert_eq!(access.documents(|_| vec![candidate.clone()], |_| true, no_cards, |_, _| false).len(), 5);
        assert!(Access::from_rosters([&roster], "gone").is_empty(), "a revoked hub gets nothing");
        assert!(Access::from_rosters([&roster], "stranger").is_empty());
        let cand = Access::from_rosters([&roster], "cand");
        assert!(cand.downloads_from().next().is_none(), "candidates download nothing");
    }

    #[test]
    fn a_reviewer_receives_the_other_scorecards_only_once_its_own_is_submitted() {
        type Case<'a> = (&'a str, &'a Access, Vec<&'a ReviewerId>, bool, Vec<&'a ReviewerId>);
        let campaign = CampaignId::random();
        let candidate = CandidateId::random();
        let (me, ann, ben) = (ReviewerId::random(), ReviewerId::random(), ReviewerId::random());
        let reviewer = Access { reviewer_of: vec![(campaign.clone(), me.clone())], ..Access::default() };
        let hub = Access { hub_of: vec![(campaign.clone(), HubId::random())], ..Access::default() };
        let card = |r: &ReviewerId| crate::ids::scorecard_id(&candidate, r);
        // (who, scorecards held, is mine submitted, scorecards offered)
        let cases: Vec<Case<'_>> = vec![
            ("nobody scored", &reviewer, vec![], false, vec![]),
            ("others scored, I did not", &reviewer, vec![&ann, &ben], false, vec![]),
            ("mine in progress", &reviewer, vec![&me, &ann], false, vec![&me]),
            ("mine submitted", &reviewer, vec![&me, &ann, &ben], true, vec![&me, &ann, &ben]),
            ("a hub gets all", &hub, vec![&ann, &ben], false, vec![&ann, &ben]),
        ];
        for (what, access, held, submitted, offered) in cases {
            let held: Vec<ReviewerId> = held.into_iter().cloned().collect();
            let docs =
                access.documents(|_| vec![candidate.clone()], |_| true, |_| held.clone(), |_, r| submitted && *r == me);
            let cards: BTreeSet<String> =
                docs.iter().filter(|d| d.kind == DocKind::Scorecard).map(|d| d.id.clone()).collect();
            let expected: BTreeSet<String> = offered.into_iter().map(card).collect();
            assert_eq!(cards, expected, "{what}");
        }
        assert!(reviewer.may_bring_scorecard(&campaign, &me));
        assert!(!reviewer.may_bring_scorecard(&campaign, &ann), "not another reviewer's");
        assert!(!reviewer.may_bring_scorecard(&CampaignId::random(), &me), "not in another campaign");
        assert!(hub.may_bring_scorecard(&campaign, &ann));
    }

    #[test]
    fn a_reviewer_writes_only_its_own_scorecard_and_it_stays_submitted() {
        use crate::doc::Scorecard;
        type Case<'a> = (&'a str, &'a str, Option<Scorecard>, Scorecard, Option<&'a str>);
        let (campaign, candidate) = (CampaignId::random(), CandidateId::random());
        let (me, other) = (ReviewerId::random(), ReviewerId::random());
        let card = |r: &ReviewerId| Scorecard {
            campaign_id: campaign.clone(),
            candidate_id: candidate.clone(),
            reviewer_id: r.clone(),
            reviewer_name: "Rita".into(),
            scores: [("Depth".to_owned(), 4)].into(),
            submitted_at: None,
        };
        let mine_id = crate::ids::scorecard_id(&candidate, &me);
        let theirs_id = crate::ids::scorecard_id(&candidate, &other);
        let submitted = Scorecard { submitted_at: Some(Timestamp(5)), ..card(&me) };
        let cases: Vec<Case<'_>> = vec![
            ("a new one of my own", &mine_id, None, card(&me), None),
            (
                "scoring",
                &mine_id,
                Some(card(&me)),
                Scorecard { scores: [("Depth".to_owned(), 2)].into(), ..card(&me) },
                None,
            ),
            ("submitting", &mine_id, Some(card(&me)), submitted.clone(), None),
            (
                "correcting after submitting",
                &mine_id,
                Some(submitted.clone()),
                Scorecard { scores: std::collections::BTreeMap::default(), ..submitted.clone() },
                None,
            ),
            ("another's, new", &theirs_id, None, card(&other), Some("belongs to another reviewer")),
            (
                "another's, changed",
                &theirs_id,
                Some(card(&other)),
                Scorecard { scores: std::collections::BTreeMap::default(), ..card(&other) },
                Some("belongs to another reviewer"),
            ),
            ("mine under another's id", &theirs_id, None, card(&me), Some("its own candidate and reviewer")),
            ("unsubmitting", &mine_id, Some(submitted.clone()), card(&me), Some("stays submitted")),
            (
                "moved to another campaign",
                &mine_id,
                Some(card(&me)),
                Scorecard { campaign_id: CampaignId::random(), ..card(&me) },
                Some("cannot be changed"),
            ),
        ];
        for (what, id, before, after, refused) in cases {
            let result = check_reviewer_scorecard(&me, id, before.as_ref(), &after);
            match refused {
                None => assert!(result.is_ok(), "{what}: {result:?}"),
                Some(why) => assert!(result.as_ref().is_err_and(|r| r.0.contains(why)), "{what}: {result:?}"),
            }
        }
    }

    #[test]
    fn a_reviewer_marks_once_in_its_own_review_that_it_submitted_and_never_writes_scores_there() {
        use crate::doc::Review;
        type Case<'a> = (&'a str, Vec<(&'a ReviewerId, Review)>, Vec<(&'a ReviewerId, Review)>, Option<&'a str>);
        let (me, other) = (ReviewerId::random(), ReviewerId::random());
        let at = |t: i64| Review { submitted_at: Some(Timestamp(t)), ..Review::default() };
        let scored = Review { scores: [("Depth".to_owned(), 4)].into(), ..Review::default() };
        let commented = Review {
            comments: vec![crate::doc::ReviewComment {
                question: "q".parse().expect("id"),
                at_ms: 0,
                text: "Clear".into(),
                written_at: Timestamp(2),
            }],
            ..at(5)
        };
        // (what, my entries before, after, refused because)
        let cases: Vec<Case<'_>> = vec![
            ("marking a new entry submitted", vec![], vec![(&me, at(5))], None),
            ("marking an existing entry submitted", vec![(&me, Review::default())], vec![(&me, at(5))], None),
            ("commenting after submitting", vec![(&me, at(5))], vec![(&me, commented)], None),
            ("marking again, same time", vec![(&me, at(5))], vec![(&me, at(5))], None),
            ("moving the time", vec![(&me, at(5))], vec![(&me, at(9))], Some("stays submitted")),
            ("taking it back", vec![(&me, at(5))], vec![(&me, Review::default())], Some("stays submitted")),
            ("removing the entry", vec![(&me, at(5))], vec![], Some("stays submitted")),
            ("marking another's", vec![], vec![(&other, at(5))], Some("own review")),
            ("unmarking another's", vec![(&other, at(5))], vec![(&other, Review::default())], Some("own review")),
            ("scores in the reviews", vec![], vec![(&me, scored.clone())], Some("scorecard document")),
            (
                "scores with the mark",
                vec![],
                vec![(&me, Review { submitted_at: Some(Timestamp(5)), ..scored })],
                Some("scorecard document"),
            ),
        ];
        for (what, before, after, refused) in cases {
            let reviews = |entries: Vec<(&ReviewerId, Review)>| Reviews {
                campaign_id: CampaignId::random(),
                candidate_id: CandidateId::random(),
                by_reviewer: entries.into_iter().map(|(r, e)| (r.clone(), e)).collect(),
            };
            let (b, mut a) = (reviews(before), reviews(after));
            (a.campaign_id, a.candidate_id) = (b.campaign_id.clone(), b.candidate_id.clone());
            let result = check_reviewer_reviews(&me, &b, &a);
            match refused {
                None => assert!(result.is_ok(), "{what}: {result:?}"),
                Some(why) => assert!(result.as_ref().is_err_and(|r| r.0.contains(why)), "{what}: {result:?}"),
            }
        }
    }

    #[test]
    fn a_hub_invites_only_in_its_own_name_and_cannot_undo_a_revocation() {
        let c = CampaignId::random();
        let hub = HubId::random();
        use crate::doc::{Hub, InviteState, Reviewer, Roster};
        let entry = |name: &str, state, by: Option<&str>| Reviewer {
            id: ReviewerId::random(),
            name: name.into(),
            state,
            invited_at: Timestamp(1),
            secret_hash: None,
            endpoint: None,
            invited_by: by.map(Into::into),
        };
        let me = Hub {
            id: hub.clone(),
            name: "Office".into(),
            state: InviteState::Joined,
            invited_at: Timestamp(1),
            secret_hash: None,
            endpoint: Some("0ff1ce".into()),
            addrs: vec![],
            relay_url: None,
            invited_by: None,
        };
        let gone = entry("Gone", InviteState::Revoked, Some("e0"));
        let before = Roster {
            campaign_id: c.clone(),
            candidates: vec![],
            reviewers: vec![gone.clone()],
            hubs: vec![me.clone()],
        };
        let with = |extra: Vec<Reviewer>| Roster { reviewers: extra, ..before.clone() };
        let cases: Vec<(&str, Roster, Option<&str>)> = vec![
            ("own invite", with(vec![gone.clone(), entry("New", InviteState::Invited, Some("0ff1ce"))]), None),
            (
                "in another's name",
                with(vec![gone.clone(), entry("New", InviteState::Invited, Some("e0"))]),
                Some("own name"),
            ),
            ("no name", with(vec![gone.clone(), entry("New", InviteState::Invited, None)]), Some("own name")),
            (
                "rewritten inviter",
                with(vec![Reviewer { invited_by: Some("0ff1ce".into()), ..gone.clone() }]),
                Some("cannot be changed"),
            ),
            (
                "revocation undone",
                with(vec![Reviewer { state: InviteState::Joined, ..gone.clone() }]),
                Some("stays revoked"),
            ),
        ];
        for (what, after, refused) in cases {
            let result = check_hub_roster_change(&before, &after, &hub);
            match refused {
                None => assert!(result.is_ok(), "{what}: {result:?}"),
                Some(why) => assert!(result.as_ref().is_err_and(|r| r.0.contains(why)), "{what}: {result:?}"),
            }
        }
        let _ = me;
    }
}
