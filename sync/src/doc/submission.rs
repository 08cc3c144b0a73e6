//! The Submission document: one per candidate per campaign. The candidate writes the answers
//! (kept takes by hash, text answers) and the submitted time; the employer side writes the
//! accommodations and the receipt/viewed/decision events. Recordings themselves are files in
//! the content-addressed store, referenced here by BLAKE3 hash.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc};

use super::DocError;
use super::fields::{
    check_header, ensure_map, join, list_maps, map_entries, opt_obj, opt_str, opt_time, opt_u64, parse_enum,
    put_if_changed, req_obj, req_str, req_time, req_u32, req_u64, timestamp, write_header,
};
use super::reviews::Verdict;
use crate::ids::{CampaignId, CandidateId, QuestionId};
use crate::time::Timestamp;

const KIND: &str = "submission";

/// What a recording holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// H.264 video with Opus audio.
    Video,
    /// Opus audio only.
    Audio,
}

impl MediaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
        }
    }
}

impl FromStr for MediaKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "video" => Ok(MediaKind::Video),
            "audio" => Ok(MediaKind::Audio),
            _ => Err(()),
        }
    }
}

/// The kept take of a recorded answer: the recording is the blob with this hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Take {
    /// BLAKE3 hash of the whole MP4 file, 64 lowercase hex digits.
    pub hash: String,
    pub size_bytes: u64,
    pub duration_ms: u64,
    pub media: MediaKind,
    pub recorded_at: Timestamp,
    /// 1 for the first take of the question, 2 for the first retake, ...
    pub take_number: u32,
}

/// A written answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextAnswer {
    pub text: String,
    pub written_at: Timestamp,
}

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Recording(Take),
    Text(TextAnswer),
}

/// A take being uploaded fragment by fragment while it is recorded: the fragments, in order,
/// concatenate to the take's file, so the employer can assemble and verify it at Stop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    pub question: QuestionId,
    pub take_number: u32,
    /// (BLAKE3 hex, size) of each fragment, in file order.
    pub fragments: Vec<(String, u64)>,
}

/// Per-candidate accommodations set by the employer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Added to the campaign deadline for this candidate.
    pub extension_secs: u64,
    /// Added to every think time and answer limit, in percent (50 = half as long again).
    pub extra_time_percent: u32,
    /// Added to every question's allowed takes.
    pub extra_takes: u32,
}

impl Overrides {
    /// `secs` lengthened by the extra time.
    pub fn stretch_secs(&self, secs: u32) -> u32 {
        let extra = u64::from(secs) * u64::from(self.extra_time_percent) / 100;
        u32::try_from(u64::from(secs) + extra).unwrap_or(u32::MAX)
    }
}

/// What happened to a submission, in the order the candidate sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The candidate kept a take (or wrote an answer) for a question.
    Recorded { question: QuestionId },
    /// The candidate pressed Submit.
    Submitted,
    /// An employer-side node holds the submission and every recording, verified.
    Received,
    /// A reviewer opened the submission.
    Viewed,
    /// The employer decided, optionally with a message for the candidate.
    Decision { verdict: Verdict, message: Option<String> },
    /// The candidate withdrew and asked the employer side to delete the submission.
    WithdrawalRequested,
    /// The candidate's own record that the employer side deleted the submission (the receipt):
    /// written only on the candidate's computer, from the employer's answer.
    Deleted { reason: super::roster::DeletionReason },
}

impl EventKind {
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Recorded { .. } => "recorded",
            EventKind::Submitted => "submitted",
            EventKind::Received => "received",
            EventKind::Viewed => "viewed",
            EventKind::Decision { .. } => "decision",
            EventKind::WithdrawalRequested => "withdrawal_requested",
            EventKind::Deleted { .. } => "deleted",
        }
    }

    /// Whether only the employer side may write this event.
    pub fn is_employer_event(&self) -> bool {
        matches!(self, EventKind::Received | EventKind::Viewed | EventKind::Decision { .. } | EventKind::Deleted { .. })
    }
}

/// A status event: what, who (a node or person id) and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusEvent {
    pub kind: EventKind,
    pub by: String,
    pub at: Timestamp,
}

/// The furthest stage a submission reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SubmissionState {
    NotStarted,
    Recorded,
    Submitted,
    Received,
    Viewed,
    Decided(Verdict),
    /// The candidate asked for it to be deleted.
    Withdrawn,
    /// The employer side deleted it (the candidate's receipt).
    Deleted,
}

impl fmt::Display for SubmissionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmissionState::NotStarted => f.write_str("not started"),
            SubmissionState::Recorded => f.write_str("in progress"),
            SubmissionState::Submitted => f.write_str("submitted"),
            SubmissionState::Received => f.write_str("received"),
            SubmissionState::Viewed => f.write_str("viewed"),
            SubmissionState::Decided(v) => write!(f, "decided: {v}"),
            SubmissionState::Withdrawn => f.write_str("withdrawn"),
            SubmissionState::Deleted => f.write_str("deleted"),
        }
    }
}

/// The submission as plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub campaign_id: CampaignId,
    pub candidate_id: CandidateId,
    pub accommodations: Overrides,
    pub answers: BTreeMap<QuestionId, Answer>,
    pub submitted_at: Option<Timestamp>,
    /// In the order they happened.
    pub events: Vec<StatusEvent>,
    /// Takes uploaded during recording, by fragment.
    pub uploads: Vec<Upload>,
    /// The conversation between the candidate and the employer side, in the order written.
    pub messages: Vec<super::messages::Message>,
}

impl Submission {
    pub fn state(&self) -> SubmissionState {
        let mut state = if self.answers.is_empty() { SubmissionState::NotStarted } else { SubmissionState::Recorded };
        if self.submitted_at.is_some() {
            state = state.max(SubmissionState::Submitted);
        }
        for e in &self.events {
            let s = match &e.kind {
                EventKind::Recorded { .. } => SubmissionState::Recorded,
                EventKind::Submitted => SubmissionState::Submitted,
                EventKind::Received => SubmissionState::Received,
                EventKind::Viewed => SubmissionState::Viewed,
                EventKind::Decision { verdict, .. } => SubmissionState::Decided(*verdict),
                EventKind::WithdrawalRequested => SubmissionState::Withdrawn,
                EventKind::Deleted { .. } => SubmissionState::Deleted,
            };
            // The latest decision wins over an earlier one.
            state = match (state, s) {
                (SubmissionState::Decided(_), SubmissionState::Decided(_)) => s,
                _ => state.max(s),
            };
        }
        state
    }

    /// Every recording this submission names: kept takes and the fragments of uploads.
    pub fn referenced_hashes(&self) -> std::collections::BTreeSet<String> {
        let takes = self.takes().map(|(_, t)| t.hash.clone());
        let fragments = self.uploads.iter().flat_map(|u| u.fragments.iter().map(|(h, _)| h.clone()));
        takes.chain(fragments).collect()
    }

    /// Whether the candidate asked for this submission to be deleted.
    pub fn withdrawal_requested(&self) -> bool {
        self.events.iter().any(|e| e.kind == EventKind::WithdrawalRequested)
    }

    /// The recorded takes, by question.
    pub fn takes(&self) -> impl Iterator<Item = (&QuestionId, &Take)> {
        self.answers.iter().filter_map(|(q, a)| match a {
            Answer::Recording(t) => Some((q, t)),
            Answer::Text(_) => None,
        })
    }
}

/// A submission held as an Automerge document.
#[derive(Debug)]
pub struct SubmissionDoc {
    doc: AutoCommit,
}

impl SubmissionDoc {
    /// Created by the employer side when the candidate is invited, so that both sides edit one
    /// document history (two independently created documents would conflict at the root).
    pub fn create(campaign_id: &CampaignId, candidate_id: &CandidateId) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        doc.put(ROOT, "campaign_id", campaign_id.as_str())?;
        doc.put(ROOT, "candidate_id", candidate_id.as_str())?;
        doc.put_object(ROOT, "accommodations", ObjType::Map)?;
        doc.put_object(ROOT, "answers", ObjType::Map)?;
        doc.put_object(ROOT, "events", ObjType::List)?;
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

    pub fn read(&self) -> Result<Submission, DocError> {
        let d = &self.doc;
        let acc = req_obj(d, &ROOT, "accommodations", ObjType::Map, "")?;
        let accommodations = Overrides {
            extension_secs: opt_u64(d, &acc, "extension_secs", "accommodations")?.unwrap_or(0),
            extra_time_percent: opt_u64(d, &acc, "extra_time_percent", "accommodations")?
                .map_or(Ok(0), u32::try_from)
                .map_err(|_| DocError::Invalid {
                    path: "accommodations.extra_time_percent".into(),
                    reason: "too large".into(),
                })?,
            extra_takes: opt_u64(d, &acc, "extra_takes", "accommodations")?.map_or(Ok(0), u32::try_from).map_err(
                |_| DocError::Invalid { path: "accommodations.extra_takes".into(), reason: "too large".into() },
            )?,
        };
        let mut answers = BTreeMap::new();
        let map = req_obj(d, &ROOT, "answers", ObjType::Map, "")?;
        for (key, obj) in map_entries(d, &map, "answers")? {
            let path = format!("answers.{key}");
            let question: QuestionId = parse_enum(&key, "answers", &key)?;
            answers.insert(question, read_answer(d, &obj, &path)?);
        }
        let list = req_obj(d, &ROOT, "events", ObjType::List, "")?;
        let events = list_maps(d, &list, "events")?
            .iter()
            .enumerate()
            .map(|(i, obj)| read_event(d, obj, &format!("events[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Submission {
            campaign_id: parse_enum(&req_str(d, &ROOT, "campaign_id", "")?, "", "campaign_id")?,
            candidate_id: parse_enum(&req_str(d, &ROOT, "candidate_id", "")?, "", "candidate_id")?,
            accommodations,
            answers,
            submitted_at: opt_time(d, &ROOT, "submitted_at", "")?,
            events,
            uploads: read_uploads(d)?,
            messages: super::messages::read_messages(d)?,
        })
    }

    /// Candidate: keep `answer` as the answer to `question` (replacing an earlier one).
    pub fn set_answer(&mut self, question: &QuestionId, answer: &Answer) -> Result<(), DocError> {
        if let Answer::Recording(take) = answer {
            validate_hash(&take.hash)?;
        }
        let answers = ensure_map(&mut self.doc, &ROOT, "answers")?;
        // A new map per answer: the kept take changes as a whole, never field by field.
        let obj = self.doc.put_object(&answers, question.as_str(), ObjType::Map)?;
        let d = &mut self.doc;
        match answer {
            Answer::Recording(t) => {
                d.put(&obj, "type", "recording")?;
                d.put(&obj, "hash", t.hash.as_str())?;
                d.put(&obj, "size_bytes", t.size_bytes)?;
                d.put(&obj, "duration_ms", t.duration_ms)?;
                d.put(&obj, "media", t.media.as_str())?;
                d.put(&obj, "recorded_at", timestamp(t.recorded_at))?;
                d.put(&obj, "take_number", u64::from(t.take_number))?;
            }
            Answer::Text(t) => {
                d.put(&obj, "type", "text")?;
                d.put(&obj, "text", t.text.as_str())?;
                d.put(&obj, "written_at", timestamp(t.written_at))?;
            }
        }
        Ok(())
    }

    /// Candidate: record that fragment `hash` (of `size` bytes) of take `take_number` of
    /// `question` is in the blob store, after the previous ones.
    pub fn add_upload_fragment(
        &mut self,
        question: &QuestionId,
        take_number: u32,
        hash: &str,
        size: u64,
    ) -> Result<(), DocError> {
        validate_hash(hash)?;
        let uploads = ensure_map(&mut self.doc, &ROOT, "uploads")?;
        let key = format!("{question}.{take_number}");
        let entry = ensure_map(&mut self.doc, &uploads, &key)?;
        put_if_changed(&mut self.doc, &entry, "question", question.as_str())?;
        put_if_changed(&mut self.doc, &entry, "take_number", u64::from(take_number))?;
        let list = match opt_obj(&self.doc, &entry, "fragments", ObjType::List, "")? {
            Some(list) => list,
            None => self.doc.put_object(&entry, "fragments", ObjType::List)?,
        };
        let at = self.doc.length(&list);
        let f = self.doc.insert_object(&list, at, ObjType::Map)?;
        self.doc.put(&f, "hash", hash)?;
        self.doc.put(&f, "size_bytes", size)?;
        Ok(())
    }

    /// Candidate: mark the submission as submitted (the first time counts for the deadline).
    pub fn mark_submitted(&mut self, at: Timestamp, by: &str) -> Result<(), DocError> {
        if self.doc.get(ROOT, "submitted_at")?.is_none() {
            self.doc.put(ROOT, "submitted_at", timestamp(at))?;
        }
        self.push_event(&StatusEvent { kind: EventKind::Submitted, by: by.to_owned(), at })
    }

    /// Employer side: set the candidate's accommodations.
    pub fn set_accommodations(&mut self, o: &Overrides) -> Result<(), DocError> {
        let obj = ensure_map(&mut self.doc, &ROOT, "accommodations")?;
        let d = &mut self.doc;
        put_if_changed(d, &obj, "extension_secs", o.extension_secs)?;
        put_if_changed(d, &obj, "extra_time_percent", u64::from(o.extra_time_percent))?;
        put_if_changed(d, &obj, "extra_takes", u64::from(o.extra_takes))?;
        Ok(())
    }

    /// Append a status event.
    /// Append a message to the conversation (checked: length, who may say what).
    pub fn push_message(&mut self, m: &super::messages::Message) -> Result<(), DocError> {
        super::messages::push_message(&mut self.doc, m)
    }

    pub fn push_event(&mut self, e: &StatusEvent) -> Result<(), DocError> {
        let list = match opt_obj(&self.doc, &ROOT, "events", ObjType::List, "")? {
            Some(list) => list,
            None => self.doc.put_object(ROOT, "events", ObjType::List)?,
        };
        let at = self.doc.length(&list);
        let obj = self.doc.insert_object(&list, at, ObjType::Map)?;
        let d = &mut self.doc;
        d.put(&obj, "kind", e.kind.name())?;
        d.put(&obj, "by", e.by.as_str())?;
        d.put(&obj, "at", timestamp(e.at))?;
        match &e.kind {
            EventKind::Recorded { question } => d.put(&obj, "question", question.as_str())?,
            EventKind::Decision { verdict, message } => {
                d.put(&obj, "verdict", verdict.as_str())?;
                if let Some(m) = message {
                    d.put(&obj, "message", m.as_str())?;
                }
            }
            EventKind::Deleted { reason } => d.put(&obj, "reason", reason.as_str())?,
            EventKind::Submitted | EventKind::Received | EventKind::Viewed | EventKind::WithdrawalRequested => {}
        }
        Ok(())
    }
}

fn validate_hash(hash: &str) -> Result<(), DocError> {
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        Ok(())
    } else {
        Err(DocError::Invalid {
            path: "hash".into(),
            reason: format!("{hash:?} is not a BLAKE3 hash in lowercase hex"),
        })
    }
}

fn read_answer(d: &AutoCommit, obj: &ObjId, path: &str) -> Result<Answer, DocError> {
    match req_str(d, obj, "type", path)?.as_str() {
        "recording" => {
            let hash = req_str(d, obj, "hash", path)?;
            validate_hash(&hash)
                .map_err(|_| DocError::Invalid { path: join(path, "hash"), reason: "not a BLAKE3 hash".into() })?;
            Ok(Answer::Recording(Take {
                hash,
                size_bytes: req_u64(d, obj, "size_bytes", path)?,
                duration_ms: req_u64(d, obj, "duration_ms", path)?,
                media: parse_enum(&req_str(d, obj, "media", path)?, path, "media")?,
                recorded_at: req_time(d, obj, "recorded_at", path)?,
                take_number: req_u32(d, obj, "take_number", path)?,
            }))
        }
        "text" => Ok(Answer::Text(TextAnswer {
            text: req_str(d, obj, "text", path)?,
            written_at: req_time(d, obj, "written_at", path)?,
        })),
        other => Err(DocError::Invalid { path: join(path, "type"), reason: format!("unknown answer type {other:?}") }),
    }
}

fn read_uploads(d: &AutoCommit) -> Result<Vec<Upload>, DocError> {
    let Some(map) = opt_obj(d, &ROOT, "uploads", ObjType::Map, "")? else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (key, obj) in map_entries(d, &map, "uploads")? {
        let path = format!("uploads.{key}");
        let mut fragments = Vec::new();
        if let Some(list) = opt_obj(d, &obj, "fragments", ObjType::List, &path)? {
            for (i, f) in list_maps(d, &list, &path)?.iter().enumerate() {
                let p = format!("{path}.fragments[{i}]");
                let hash = req_str(d, f, "hash", &p)?;
                validate_hash(&hash)
                    .map_err(|_| DocError::Invalid { path: join(&p, "hash"), reason: "not a BLAKE3 hash".into() })?;
                fragments.push((hash, req_u64(d, f, "size_bytes", &p)?));
            }
        }
        out.push(Upload {
            question: parse_enum(&req_str(d, &obj, "question", &path)?, &path, "question")?,
            take_number: req_u32(d, &obj, "take_number", &path)?,
            fragments,
        });
    }
    Ok(out)
}

fn read_event(d: &AutoCommit, obj: &ObjId, path: &str) -> Result<StatusEvent, DocError> {
    let kind = match req_str(d, obj, "kind", path)?.as_str() {
        "recorded" => {
            EventKind::Recorded { question: parse_enum(&req_str(d, obj, "question", path)?, path, "question")? }
        }
        "submitted" => EventKind::Submitted,
        "received" => EventKind::Received,
        "viewed" => EventKind::Viewed,
        "withdrawal_requested" => EventKind::WithdrawalRequested,
        "deleted" => EventKind::Deleted { reason: parse_enum(&req_str(d, obj, "reason", path)?, path, "reason")? },
        "decision" => EventKind::Decision {
            verdict: parse_enum(&req_str(d, obj, "verdict", path)?, path, "verdict")?,
            message: opt_str(d, obj, "message", path)?,
        },
        other => {
            return Err(DocError::Invalid { path: join(path, "kind"), reason: format!("unknown event {other:?}") });
        }
    };
    Ok(StatusEvent { kind, by: req_str(d, obj, "by", path)?, at: req_time(d, obj, "at", path)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn take(n: u32) -> Take {
        Take {
            hash: blake3::hash(&n.to_le_bytes()).to_hex().to_string(),
            size_bytes: 1000 + u64::from(n),
            duration_ms: 61_500,
            media: MediaKind::Video,
            recorded_at: Timestamp(1_000 * i64::from(n)),
            take_number: n,
        }
    }

    #[test]
    fn answers_events_and_state() {
        let mut doc = SubmissionDoc::create(&CampaignId::random(), &CandidateId::random()).expect("create");
        assert_eq!(doc.read().expect("read").state(), SubmissionState::NotStarted);
        let intro: QuestionId = "intro".parse().expect("id");
        doc.set_answer(&intro, &Answer::Recording(take(1))).expect("answer");
        doc.set_answer(&intro, &Answer::Recording(take(2))).expect("retake kept");
        doc.set_answer(
            &"essay".parse().expect("id"),
            &Answer::Text(TextAnswer { text: "Hi".into(), written_at: Timestamp(5) }),
        )
        .expect("answer");
        doc.push_event(&StatusEvent {
            kind: EventKind::Recorded { question: intro.clone() },
            by: "cand".into(),
            at: Timestamp(6),
        })
        .expect("event");
        doc.mark_submitted(Timestamp(7), "cand").expect("submit");
        doc.mark_submitted(Timestamp(9), "cand").expect("submit again");
        let s = doc.read().expect("read");
        assert_eq!(s.answers.get(&intro), Some(&Answer::Recording(take(2))));
        assert_eq!(s.submitted_at, Some(Timestamp(7)), "the first submit counts for the deadline");
        assert_eq!(s.state(), SubmissionState::Submitted);
        doc.push_event(&StatusEvent {
            kind: EventKind::Decision { verdict: Verdict::Advance, message: Some("See you!".into()) },
            by: "emp".into(),
            at: Timestamp(8),
        })
        .expect("event");
        assert_eq!(doc.read().expect("read").state(), SubmissionState::Decided(Verdict::Advance));
    }

    #[test]
    fn rejects_bad_hash() {
        let mut doc = SubmissionDoc::create(&CampaignId::random(), &CandidateId::random()).expect("create");
        let mut t = take(1);
        t.hash = "not-a-hash".into();
        assert!(doc.set_answer(&"q".parse().expect("id"), &Answer::Recording(t)).is_err());
    }

    #[test]
    fn accommodations_stretch_time() {
        let o = Overrides { extension_secs: 0, extra_time_percent: 50, extra_takes: 1 };
        assert_eq!(o.stretch_secs(120), 180);
        let mut doc = SubmissionDoc::create(&CampaignId::random(), &CandidateId::random()).expect("create");
        doc.set_accommodations(&o).expect("set");
        assert_eq!(doc.read().expect("read").accommodations, o);
    }
}
