//! The conversation of a submission: the candidate asks (a question, or a request for more time
//! or an accommodation), the employer side answers (a reply, or the outcome of a request). It
//! lives in the Submission document, so it travels with the same sync, reaches exactly the
//! people who see the submission, and goes when the submission is deleted. Messages are only
//! ever appended: once sent, nobody changes or removes one.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc};

use super::DocError;
use super::fields::{join, list_maps, opt_obj, opt_str, opt_u64, parse_enum, req_str, req_time, timestamp};
use crate::time::Timestamp;

/// Longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4_000;
/// Messages a candidate may send in any 24 hours.
pub const MAX_CANDIDATE_MESSAGES_PER_DAY: usize = 20;
/// Messages a candidate may send in all (a bound on what backdated ones could add up to).
pub const MAX_CANDIDATE_MESSAGES: usize = 200;
/// Days of extension one request may ask for.
pub const MAX_EXTENSION_DAYS: u32 = 60;

/// Which side wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Candidate,
    /// The employer, a hub, or a reviewer allowed to write.
    Employer,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Candidate => "candidate",
            Side::Employer => "employer",
        }
    }
}

impl std::str::FromStr for Side {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "candidate" => Ok(Side::Candidate),
            "employer" => Ok(Side::Employer),
            _ => Err(()),
        }
    }
}

/// What a candidate may ask for with a button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKind {
    /// More days before the deadline.
    Extension { days: u32 },
    /// Longer think and answer times (percent), and/or more takes.
    Accommodation { extra_time_percent: u32, extra_takes: u32 },
}

/// What a message says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Text(String),
    /// A candidate's request, with the reason in their words.
    Request {
        kind: RequestKind,
        reason: String,
    },
    /// The employer side's answer to request `request` (a message id); `note` is the reason
    /// for a decline, or anything said with a grant.
    Outcome {
        request: String,
        granted: bool,
        note: String,
    },
}

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Random, unique within the conversation (outcomes refer to requests by it).
    pub id: String,
    pub from: Side,
    /// Who wrote it: "candidate", or the employer side's name for itself or the reviewer's name.
    pub by: String,
    pub at: Timestamp,
    pub body: Body,
}

impl Message {
    pub fn new(from: Side, by: &str, at: Timestamp, body: Body) -> Self {
        let mut id = [0u8; 8];
        getrandom::fill(&mut id).expect("the system's random source works");
        Message { id: data_encoding::HEXLOWER.encode(&id), from, by: by.to_owned(), at, body }
    }

    /// The text a person reads (the reason, for a request).
    pub fn text(&self) -> &str {
        match &self.body {
            Body::Text(t) => t,
            Body::Request { reason, .. } => reason,
            Body::Outcome { note, .. } => note,
        }
    }
}

/// Requests that have no outcome yet, oldest first.
pub fn open_requests(messages: &[Message]) -> Vec<&Message> {
    messages
        .iter()
        .filter(|m| matches!(m.body, Body::Request { .. }))
        .filter(|r| !messages.iter().any(|m| matches!(&m.body, Body::Outcome { request, .. } if *request == r.id)))
        .collect()
}

/// The outcome of request `id`, if there is one.
pub fn outcome_of<'a>(messages: &'a [Message], id: &str) -> Option<&'a Message> {
    messages.iter().find(|m| matches!(&m.body, Body::Outcome { request, .. } if request == id))
}

/// Why a message is refused: the app says it in the reader's language, the employer's node in
/// its refusals (`Display`, English).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MessageRefusal {
    #[error("a message is at most {MAX_MESSAGE_CHARS} characters (this one has {chars})")]
    TooLong { chars: usize },
    #[error("a message id is up to 32 letters or digits")]
    BadId,
    #[error("a message's author is at most 200 characters")]
    AuthorTooLong,
    #[error("only the employer side answers requests")]
    OutcomeFromCandidate,
    #[error("requests come from the candidate")]
    RequestFromEmployer,
    #[error("an empty message")]
    Empty,
    #[error("an extension is 1 to {MAX_EXTENSION_DAYS} days")]
    ExtensionOutOfRange,
    #[error("an accommodation is up to {MAX_EXTRA_TIME_PERCENT}% more time and up to {MAX_EXTRA_TAKES} more takes")]
    AccommodationOutOfRange,
    #[error("you have sent the {MAX_CANDIDATE_MESSAGES} messages a submission allows")]
    AllSent,
    #[error("you have sent {MAX_CANDIDATE_MESSAGES_PER_DAY} messages in the last 24 hours; please wait for an answer")]
    DayBudgetSpent,
}

/// Extra time one accommodation request may ask for, in percent.
pub const MAX_EXTRA_TIME_PERCENT: u32 = 200;
/// Extra takes per question one accommodation request may ask for.
pub const MAX_EXTRA_TAKES: u32 = 5;

/// Check a message before it is written (on the writer's side) or accepted (on the receiver's).
pub fn check_message(m: &Message) -> Result<(), MessageRefusal> {
    let chars = m.text().chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Err(MessageRefusal::TooLong { chars });
    }
    if m.id.is_empty() || m.id.len() > 32 || !m.id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(MessageRefusal::BadId);
    }
    if m.by.chars().count() > 200 {
        return Err(MessageRefusal::AuthorTooLong);
    }
    match (&m.from, &m.body) {
        (Side::Candidate, Body::Outcome { .. }) => Err(MessageRefusal::OutcomeFromCandidate),
        (Side::Employer, Body::Request { .. }) => Err(MessageRefusal::RequestFromEmployer),
        (_, Body::Text(t)) if t.trim().is_empty() => Err(MessageRefusal::Empty),
        (_, Body::Request { kind: RequestKind::Extension { days }, .. })
            if *days == 0 || *days > MAX_EXTENSION_DAYS =>
        {
            Err(MessageRefusal::ExtensionOutOfRange)
        }
        (_, Body::Request { kind: RequestKind::Accommodation { extra_time_percent, extra_takes }, .. })
            if *extra_time_percent > MAX_EXTRA_TIME_PERCENT
                || *extra_takes > MAX_EXTRA_TAKES
                || (*extra_time_percent == 0 && *extra_takes == 0) =>
        {
            Err(MessageRefusal::AccommodationOutOfRange)
        }
        _ => Ok(()),
    }
}

/// A candidate's budget: whether they may send one more message at `now`, given the
/// conversation so far. The error says why not, for the candidate to read.
pub fn candidate_may_send(messages: &[Message], now: Timestamp) -> Result<(), MessageRefusal> {
    let mine: Vec<&Message> = messages.iter().filter(|m| m.from == Side::Candidate).collect();
    if mine.len() >= MAX_CANDIDATE_MESSAGES {
        return Err(MessageRefusal::AllSent);
    }
    let day_ago = Timestamp(now.0 - 86_400_000);
    let today = mine.iter().filter(|m| m.at > day_ago).count();
    if today >= MAX_CANDIDATE_MESSAGES_PER_DAY {
        return Err(MessageRefusal::DayBudgetSpent);
    }
    Ok(())
}

pub(super) fn read_messages(d: &AutoCommit) -> Result<Vec<Message>, DocError> {
    let Some(list) = opt_obj(d, &ROOT, "messages", ObjType::List, "")? else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (i, obj) in list_maps(d, &list, "messages")?.iter().enumerate() {
        let path = format!("messages[{i}]");
        out.push(read_message(d, obj, &path)?);
    }
    Ok(out)
}

fn read_message(d: &AutoCommit, obj: &ObjId, path: &str) -> Result<Message, DocError> {
    let u32_of = |key: &str| -> Result<u32, DocError> {
        let v = opt_u64(d, obj, key, path)?.unwrap_or(0);
        u32::try_from(v).map_err(|_| DocError::Invalid { path: join(path, key), reason: "too large".into() })
    };
    let text = opt_str(d, obj, "text", path)?.unwrap_or_default();
    let body = match req_str(d, obj, "kind", path)?.as_str() {
        "text" => Body::Text(text),
        "request" => {
            let kind = match req_str(d, obj, "request", path)?.as_str() {
                "extension" => RequestKind::Extension { days: u32_of("days")? },
                "accommodation" => RequestKind::Accommodation {
                    extra_time_percent: u32_of("extra_time_percent")?,
                    extra_takes: u32_of("extra_takes")?,
                },
                other => {
                    return Err(DocError::Invalid {
                        path: join(path, "request"),
                        reason: format!("unknown request {other:?}"),
                    });
                }
            };
            Body::Request { kind, reason: text }
        }
        "outcome" => Body::Outcome {
            request: req_str(d, obj, "request_id", path)?,
            granted: opt_u64(d, obj, "granted", path)?.unwrap_or(0) != 0,
            note: text,
        },
        other => {
            return Err(DocError::Invalid { path: join(path, "kind"), reason: format!("unknown message {other:?}") });
        }
    };
    Ok(Message {
        id: req_str(d, obj, "id", path)?,
        from: parse_enum(&req_str(d, obj, "from", path)?, path, "from")?,
        by: req_str(d, obj, "by", path)?,
        at: req_time(d, obj, "at", path)?,
        body,
    })
}

pub(super) fn push_message(d: &mut AutoCommit, m: &Message) -> Result<(), DocError> {
    check_message(m).map_err(|reason| DocError::Invalid { path: "messages".into(), reason: reason.to_string() })?;
    let list = match opt_obj(d, &ROOT, "messages", ObjType::List, "")? {
        Some(list) => list,
        None => d.put_object(ROOT, "messages", ObjType::List)?,
    };
    let at = d.length(&list);
    let obj = d.insert_object(&list, at, ObjType::Map)?;
    d.put(&obj, "id", m.id.as_str())?;
    d.put(&obj, "from", m.from.as_str())?;
    d.put(&obj, "by", m.by.as_str())?;
    d.put(&obj, "at", timestamp(m.at))?;
    d.put(&obj, "text", m.text())?;
    match &m.body {
        Body::Text(_) => d.put(&obj, "kind", "text")?,
        Body::Request { kind, .. } => {
            d.put(&obj, "kind", "request")?;
            match kind {
                RequestKind::Extension { days } => {
                    d.put(&obj, "request", "extension")?;
                    d.put(&obj, "days", u64::from(*days))?;
                }
                RequestKind::Accommodation { extra_time_percent, extra_takes } => {
                    d.put(&obj, "request", "accommodation")?;
                    d.put(&obj, "extra_time_percent", u64::from(*extra_time_percent))?;
                    d.put(&obj, "extra_takes", u64::from(*extra_takes))?;
                }
            }
        }
        Body::Outcome { request, granted, .. } => {
            d.put(&obj, "kind", "outcome")?;
            d.put(&obj, "request_id", request.as_str())?;
            d.put(&obj, "granted", u64::from(*granted))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(from: Side, at: i64, t: &str) -> Message {
        Message::new(from, from.as_str(), Timestamp(at), Body::Text(t.into()))
    }

    #[test]
    fn messages_round_trip_and_requests_close_with_their_outcome() {
        let mut d = AutoCommit::new();
        let ask = Message::new(
            Side::Candidate,
            "candidate",
            Timestamp(1),
            Body::Request { kind: RequestKind::Extension { days: 3 }, reason: "I am moving house".into() },
        );
        let hi = text(Side::Candidate, 2, "Is the role remote?");
        push_message(&mut d, &ask).expect("push");
        push_message(&mut d, &hi).expect("push");
        let read = read_messages(&d).expect("read");
        assert_eq!(read, vec![ask.clone(), hi]);
        assert_eq!(open_requests(&read), vec![&ask]);
        let yes = Message::new(
            Side::Employer,
            "Office",
            Timestamp(3),
            Body::Outcome { request: ask.id.clone(), granted: true, note: String::new() },
        );
        push_message(&mut d, &yes).expect("push");
        let read = read_messages(&d).expect("read");
        assert!(open_requests(&read).is_empty());
        assert_eq!(outcome_of(&read, &ask.id), Some(&yes));
    }

    #[test]
    fn limits_are_checked_and_named() {
        let long = text(Side::Candidate, 1, &"x".repeat(MAX_MESSAGE_CHARS + 1));
        assert!(check_message(&long).expect_err("too long").to_string().contains("at most 4000 characters"));
        assert!(
            check_message(&text(Side::Candidate, 1, &"é".repeat(MAX_MESSAGE_CHARS))).is_ok(),
            "characters, not bytes"
        );
        let forged = Message::new(
            Side::Candidate,
            "candidate",
            Timestamp(1),
            Body::Outcome { request: "ab".into(), granted: true, note: String::new() },
        );
        assert!(check_message(&forged).is_err(), "a candidate cannot answer their own request");
        let greedy = Message::new(
            Side::Candidate,
            "candidate",
            Timestamp(1),
            Body::Request { kind: RequestKind::Extension { days: 365 }, reason: String::new() },
        );
        assert!(check_message(&greedy).is_err());
        let day = 86_400_000;
        let mut sent: Vec<Message> =
            (0..MAX_CANDIDATE_MESSAGES_PER_DAY).map(|i| text(Side::Candidate, day + i as i64, "hello")).collect();
        let refusal = candidate_may_send(&sent, Timestamp(day + 100)).expect_err("over the day's budget");
        assert!(refusal.to_string().contains("last 24 hours"), "{refusal}");
        assert!(candidate_may_send(&sent, Timestamp(3 * day)).is_ok(), "a day later");
        sent.push(text(Side::Employer, day + 50, "replies do not count"));
        assert!(candidate_may_send(&sent[1..], Timestamp(day + 100)).is_ok());
    }
}
