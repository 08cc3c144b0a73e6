//! The Campaign document: one role's interview (questions, rules, deadline), written by the
//! employer side and readable by every invited candidate of the campaign. Who was invited lives
//! in the employer-only Roster document so that candidates never see each other.

use std::fmt;
use std::str::FromStr;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc};

use super::DocError;
use super::fields::{
    check_header, join, list_maps, list_strs, opt_obj, opt_str, opt_u64, parse_enum, put_if_changed, put_opt_str,
    put_str_list, req_obj, req_str, req_time, req_u32, timestamp, write_header,
};
use crate::ids::{CampaignId, QuestionId};
use crate::time::Timestamp;

const KIND: &str = "campaign";

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerKind {
    Video,
    Audio,
    Text,
}

impl AnswerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::Video => "video",
            AnswerKind::Audio => "audio",
            AnswerKind::Text => "text",
        }
    }
}

impl fmt::Display for AnswerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AnswerKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "video" => Ok(AnswerKind::Video),
            "audio" => Ok(AnswerKind::Audio),
            "text" => Ok(AnswerKind::Text),
            _ => Err(()),
        }
    }
}

/// One interview question and its rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub prompt: String,
    pub kind: AnswerKind,
    /// Time to read and think before recording starts by itself.
    pub think_secs: u32,
    /// Hard limit on one take (for text answers: on writing time, 0 = none).
    pub answer_limit_secs: u32,
    /// Takes allowed, the first included (at least 1).
    pub max_takes: u32,
}

/// The campaign as plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Campaign {
    pub id: CampaignId,
    pub title: String,
    /// The role being hired for, as the candidate should read it.
    pub role: String,
    pub instructions: String,
    /// A practice question that never counts.
    pub practice: Option<Question>,
    pub questions: Vec<Question>,
    /// The scorecard's criteria, each rated 1 to 5 by reviewers.
    pub criteria: Vec<String>,
    pub deadline: Timestamp,
    pub created_at: Timestamp,
    /// How long a submission is kept after its decision (or after the deadline, when no
    /// decision was made) before it is deleted everywhere. `None`: kept until deleted by hand.
    pub retention_days: Option<u32>,
    /// Reviewers see an alias instead of candidates' names and emails (which are not even
    /// sent to them) until the employer lifts it.
    pub blind_review: bool,
    /// Reviewers may write in candidates' conversations (they always read them).
    pub reviewers_may_message: bool,
    /// The language of the candidate's screens for this campaign (`de`, `fr`...); `None`: each
    /// candidate's own. The questions are whatever the employer wrote.
    pub language: Option<String>,
    /// The employer's time zone (IANA name, `Europe/Berlin`): the deadline is shown in it, and
    /// in the candidate's own where that differs.
    pub time_zone: Option<String>,
}

impl Campaign {
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id).or(self.practice.as_ref().filter(|p| &p.id == id))
    }
}

/// A campaign held as an Automerge document.
#[derive(Debug)]
pub struct CampaignDoc {
    doc: AutoCommit,
}

impl CampaignDoc {
    /// A new document holding `campaign`.
    pub fn create(campaign: &Campaign) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        doc.put(ROOT, "id", campaign.id.as_str())?;
        doc.put(ROOT, "created_at", timestamp(campaign.created_at))?;
        doc.put_object(ROOT, "questions", ObjType::List)?;
        let mut this = Self { doc };
        this.update(campaign)?;
        Ok(this)
    }

    /// Wrap an Automerge document, checking that it is a readable campaign.
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

    pub fn read(&self) -> Result<Campaign, DocError> {
        let d = &self.doc;
        let practice = match opt_obj(d, &ROOT, "practice", ObjType::Map, "")? {
            Some(obj) => Some(read_question(d, &obj, "practice")?),
            None => None,
        };
        let list = req_obj(d, &ROOT, "questions", ObjType::List, "")?;
        let questions = list_maps(d, &list, "questions")?
            .iter()
            .enumerate()
            .map(|(i, obj)| read_question(d, obj, &format!("questions[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let criteria = match opt_obj(d, &ROOT, "criteria", ObjType::List, "")? {
            Some(list) => list_strs(d, &list, "criteria")?,
            None => Vec::new(),
        };
        Ok(Campaign {
            id: parse_enum(&req_str(d, &ROOT, "id", "")?, "", "id")?,
            title: req_str(d, &ROOT, "title", "")?,
            role: req_str(d, &ROOT, "role", "")?,
            instructions: req_str(d, &ROOT, "instructions", "")?,
            practice,
            questions,
            criteria,
            deadline: req_time(d, &ROOT, "deadline", "")?,
            created_at: req_time(d, &ROOT, "created_at", "")?,
            retention_days: opt_u64(d, &ROOT, "retention_days", "")?
                .map(|v| {
                    u32::try_from(v)
                        .map_err(|_| DocError::Invalid { path: "retention_days".into(), reason: "too large".into() })
                })
                .transpose()?,
            blind_review: opt_u64(d, &ROOT, "blind_review", "")?.unwrap_or(0) != 0,
            reviewers_may_message: opt_u64(d, &ROOT, "reviewers_may_message", "")?.unwrap_or(0) != 0,
            language: opt_str(d, &ROOT, "language", "")?,
            time_zone: opt_str(d, &ROOT, "time_zone", "")?,
        })
    }

    /// Change the document to hold `campaign`, touching only fields that differ.
    pub fn update(&mut self, campaign: &Campaign) -> Result<(), DocError> {
        let d = &mut self.doc;
        put_if_changed(d, &ROOT, "title", campaign.title.as_str())?;
        put_if_changed(d, &ROOT, "role", campaign.role.as_str())?;
        put_if_changed(d, &ROOT, "instructions", campaign.instructions.as_str())?;
        put_if_changed(d, &ROOT, "deadline", timestamp(campaign.deadline))?;
        match campaign.retention_days {
            Some(days) => put_if_changed(d, &ROOT, "retention_days", u64::from(days))?,
            None => {
                if d.get(ROOT, "retention_days")?.is_some() {
                    d.delete(ROOT, "retention_days")?;
                }
            }
        }
        if campaign.blind_review || d.get(ROOT, "blind_review")?.is_some() {
            put_if_changed(d, &ROOT, "blind_review", u64::from(campaign.blind_review))?;
        }
        if campaign.reviewers_may_message || d.get(ROOT, "reviewers_may_message")?.is_some() {
            put_if_changed(d, &ROOT, "reviewers_may_message", u64::from(campaign.reviewers_may_message))?;
        }
        put_opt_str(d, &ROOT, "language", campaign.language.as_deref())?;
        put_opt_str(d, &ROOT, "time_zone", campaign.time_zone.as_deref())?;
        put_str_list(d, &ROOT, "criteria", &campaign.criteria)?;
        match &campaign.practice {
            Some(q) => {
                let obj = match opt_obj(d, &ROOT, "practice", ObjType::Map, "")? {
                    Some(obj) => obj,
                    None => d.put_object(ROOT, "practice", ObjType::Map)?,
                };
                write_question(d, &obj, q)?;
            }
            None => {
                if d.get(ROOT, "practice")?.is_some() {
                    d.delete(ROOT, "practice")?;
                }
            }
        }
        let list = match opt_obj(d, &ROOT, "questions", ObjType::List, "")? {
            Some(list) => list,
            None => d.put_object(ROOT, "questions", ObjType::List)?,
        };
        let existing = list_maps(d, &list, "questions")?;
        let existing_ids =
            existing.iter().map(|obj| req_str(d, obj, "id", "questions")).collect::<Result<Vec<_>, _>>()?;
        let same_order = existing_ids.len() == campaign.questions.len()
            && existing_ids.iter().zip(&campaign.questions).all(|(a, q)| a == q.id.as_str());
        if same_order {
            for (obj, q) in existing.iter().zip(&campaign.questions) {
                write_question(d, obj, q)?;
            }
        } else {
            // Added, removed or reordered questions: rewrite the list (campaigns are edited
            // by the employer side only, so this does not fight a candidate's edits).
            for i in (0..existing.len()).rev() {
                d.delete(&list, i)?;
            }
            for (i, q) in campaign.questions.iter().enumerate() {
                let obj = d.insert_object(&list, i, ObjType::Map)?;
                write_question(d, &obj, q)?;
            }
        }
        Ok(())
    }
}

fn read_question(d: &AutoCommit, obj: &ObjId, path: &str) -> Result<Question, DocError> {
    let kind = req_str(d, obj, "kind", path)?;
    let max_takes = req_u32(d, obj, "max_takes", path)?;
    if max_takes == 0 {
        return Err(DocError::Invalid { path: join(path, "max_takes"), reason: "must be at least 1".into() });
    }
    Ok(Question {
        id: parse_enum(&req_str(d, obj, "id", path)?, path, "id")?,
        prompt: req_str(d, obj, "prompt", path)?,
        kind: parse_enum(&kind, path, "kind")?,
        think_secs: req_u32(d, obj, "think_secs", path)?,
        answer_limit_secs: req_u32(d, obj, "answer_limit_secs", path)?,
        max_takes,
    })
}

fn write_question(d: &mut AutoCommit, obj: &ObjId, q: &Question) -> Result<(), DocError> {
    put_if_changed(d, obj, "id", q.id.as_str())?;
    put_if_changed(d, obj, "prompt", q.prompt.as_str())?;
    put_if_changed(d, obj, "kind", q.kind.as_str())?;
    put_if_changed(d, obj, "think_secs", u64::from(q.think_secs))?;
    put_if_changed(d, obj, "answer_limit_secs", u64::from(q.answer_limit_secs))?;
    put_if_changed(d, obj, "max_takes", u64::from(q.max_takes))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Campaign {
        let q = |id: &str, kind| Question {
            id: id.parse().expect("id"),
            prompt: format!("Question {id}?"),
            kind,
            think_secs: 30,
            answer_limit_secs: 120,
            max_takes: 2,
        };
        Campaign {
            id: CampaignId::random(),
            title: "Backend engineer".into(),
            role: "Rust backend engineer".into(),
            instructions: "Take your time.".into(),
            practice: Some(q("practice", AnswerKind::Video)),
            questions: vec![q("intro", AnswerKind::Video), q("voice", AnswerKind::Audio), q("essay", AnswerKind::Text)],
            criteria: vec!["Communication".into(), "Depth".into()],
            deadline: Timestamp(1_800_000_000_000),
            created_at: Timestamp(1_700_000_000_000),
            retention_days: None,
            blind_review: false,
            reviewers_may_message: false,
            language: None,
            time_zone: None,
        }
    }

    #[test]
    fn round_trips_through_save_and_load() {
        let campaign = sample();
        let mut doc = CampaignDoc::create(&campaign).expect("create");
        let bytes = doc.automerge_mut().save();
        let loaded = CampaignDoc::from_automerge(AutoCommit::load(&bytes).expect("load")).expect("typed");
        assert_eq!(loaded.read().expect("read"), campaign);
        assert_eq!(loaded.automerge().get(ROOT, "schema").expect("get").map(|v| v.0.as_u64()), Some(Some(1)));
    }

    #[test]
    fn update_without_changes_makes_no_change() {
        let campaign = sample();
        let mut doc = CampaignDoc::create(&campaign).expect("create");
        let heads = doc.automerge_mut().get_heads();
        doc.update(&campaign).expect("update");
        assert_eq!(doc.automerge_mut().get_heads(), heads);
    }

    #[test]
    fn reorder_and_edit_questions() {
        let mut campaign = sample();
        let mut doc = CampaignDoc::create(&campaign).expect("create");
        campaign.questions.swap(0, 2);
        campaign.questions[1].prompt = "Changed?".into();
        campaign.practice = None;
        doc.update(&campaign).expect("update");
        assert_eq!(doc.read().expect("read"), campaign);
    }

    #[test]
    fn rejects_another_kind_and_newer_schema() {
        let mut other = AutoCommit::new();
        other.put(ROOT, "kind", "submission").expect("put");
        other.put(ROOT, "schema", 1u64).expect("put");
        assert!(matches!(CampaignDoc::from_automerge(other), Err(DocError::WrongKind { .. })));
        let mut doc = CampaignDoc::create(&sample()).expect("create").into_automerge();
        doc.put(ROOT, "schema", 99u64).expect("put");
        assert!(matches!(CampaignDoc::from_automerge(doc), Err(DocError::NewerSchema { found: 99, .. })));
    }
}
