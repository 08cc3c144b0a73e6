//! The conversation of a submission, written once for the command line and the app: the
//! candidate asks (a question, more time, an accommodation); the employer side replies and
//! grants or declines requests (a grant writes the accommodation, as the invite screen does);
//! reviewers read, and write where the campaign allows. Messages are saved here first and go
//! with the next sync, like answers. What each reader has seen is kept on their computer only
//! (`read-marks`), for unread counts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use peerview_sync::doc::messages::{self, Body, Message, RequestKind, Side};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CandidateId, DocKind, Overrides, Store, Submission, SubmissionDoc, Timestamp};

use super::describe::message_refusal;
use crate::i18n::{self, Lang};
use crate::tr;

/// The author the employer's own messages carry (a reviewer writes under their roster name).
/// Stored in the document as it is; shown in the reader's language.
const EMPLOYER_AUTHOR: &str = "the employer";

/// Load a submission, change it with `edit`, save it (one place for every message write).
fn edit(
    store: &Store,
    candidate: &CandidateId,
    edit: impl FnOnce(&mut SubmissionDoc, &Submission) -> Result<()>,
) -> Result<()> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let before = doc.read()?;
    edit(&mut doc, &before)?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(())
}

/// Candidate: write to the employer side of `ticket`'s campaign (a question, or a request).
/// Refused, with the reason, past the candidate's budget or over the length limit.
pub fn send_as_candidate(store: &Store, ticket: &Ticket, body: Body, now: Timestamp) -> Result<Message> {
    let Invitee::Candidate(candidate) = &ticket.invitee else {
        bail!(tr!("ops-not-a-candidate"));
    };
    let message = Message::new(Side::Candidate, "candidate", now, body);
    messages::check_message(&message).map_err(|e| anyhow!(message_refusal(&e)))?;
    edit(store, candidate, |doc, s| {
        if s.events.iter().any(|e| matches!(e.kind, peerview_sync::EventKind::Deleted { .. })) {
            bail!(tr!("ops-message-submission-deleted"));
        }
        messages::candidate_may_send(&s.messages, now)
            .map_err(|e| anyhow!(tr!("ops-message-not-sent", reason = message_refusal(&e))))?;
        Ok(doc.push_message(&message)?)
    })
    .with_context(|| tr!("ops-keeping-message"))?;
    Ok(message)
}

/// Who writes on this computer for the employer side of `campaign`: a reviewer under their
/// roster name (if the campaign lets reviewers write), the employer or a hub as "the employer".
fn employer_side_author(store: &Store, campaign: &peerview_sync::CampaignId) -> Result<String> {
    let reviewer = store.memberships()?.into_iter().find_map(|t| match t.invitee {
        Invitee::Reviewer(id) if &t.campaign == campaign => Some(id),
        _ => None,
    });
    match reviewer {
        Some(id) => {
            if !store.campaign(campaign)?.reviewers_may_message {
                bail!(tr!("ops-reviewers-may-not-write"));
            }
            let roster = store.roster(campaign)?;
            Ok(roster.reviewer(&id).map_or_else(|| id.to_string(), |r| r.name.clone()))
        }
        None => Ok(EMPLOYER_AUTHOR.to_owned()),
    }
}

/// Employer side: reply in a candidate's conversation.
pub fn send_as_employer(store: &Store, candidate: &CandidateId, text: &str, now: Timestamp) -> Result<Message> {
    let submission = store.submission(candidate)?;
    let by = employer_side_author(store, &submission.campaign_id)?;
    let message = Message::new(Side::Employer, &by, now, Body::Text(text.trim().to_owned()));
    messages::check_message(&message).map_err(|e| anyhow!(message_refusal(&e)))?;
    edit(store, candidate, |doc, _| Ok(doc.push_message(&message)?))?;
    Ok(message)
}

/// Employer side: grant or decline a request (`request`: its id, or `None` for the only open
/// one). A grant adds what was asked (or `amount`, the employer's own figure of the same kind)
/// to the candidate's accommodations; a decline needs a reason. Returns the request answered.
pub fn answer_request(
    store: &Store,
    candidate: &CandidateId,
    request: Option<&str>,
    grant: bool,
    amount: Option<RequestKind>,
    note: &str,
    now: Timestamp,
) -> Result<Message> {
    let submission = store.submission(candidate)?;
    let by = employer_side_author(store, &submission.campaign_id)?;
    if by != EMPLOYER_AUTHOR {
        bail!(tr!("ops-employer-answers-requests"));
    }
    let open = messages::open_requests(&submission.messages);
    let asked = match request {
        Some(id) => {
            (*open.iter().find(|m| m.id == id).ok_or_else(|| anyhow!(tr!("ops-no-open-request", id = id)))?).clone()
        }
        None => match open.as_slice() {
            [one] => (*one).clone(),
            [] => bail!(tr!("ops-no-open-requests")),
            _ => bail!(tr!("ops-several-open-requests")),
        },
    };
    if !grant && note.trim().is_empty() {
        bail!(tr!("ops-decline-needs-reason"));
    }
    let Body::Request { kind: asked_kind, .. } = &asked.body else { bail!(tr!("ops-not-a-request")) };
    let granted = match amount {
        Some(a) if std::mem::discriminant(&a) != std::mem::discriminant(asked_kind) => {
            bail!(tr!("ops-grant-same-kind", asked = describe_request(asked_kind)))
        }
        Some(a) => a,
        None => *asked_kind,
    };
    let probe = Message::new(Side::Candidate, "check", now, Body::Request { kind: granted, reason: String::new() });
    messages::check_message(&probe).map_err(|e| anyhow!(message_refusal(&e)))?;
    // The candidate reads what was granted when it differs from what they asked, in the
    // campaign's language (the note is kept in the document as written).
    let language = store.campaign(&submission.campaign_id)?.language.as_deref().and_then(Lang::parse);
    let note = i18n::with_lang(language, || match (grant, granted != *asked_kind, note.trim()) {
        (true, true, "") => tr!("ops-granted-note", what = describe_request(&granted)),
        (true, true, n) => tr!("ops-granted-note-with", what = describe_request(&granted), note = n),
        (_, _, n) => n.to_owned(),
    });
    let outcome =
        Message::new(Side::Employer, &by, now, Body::Outcome { request: asked.id.clone(), granted: grant, note });
    edit(store, candidate, |doc, s| {
        if grant {
            let kind = &granted;
            let mut o: Overrides = s.accommodations;
            match kind {
                RequestKind::Extension { days } => o.extension_secs += u64::from(*days) * 86_400,
                RequestKind::Accommodation { extra_time_percent, extra_takes } => {
                    o.extra_time_percent += extra_time_percent;
                    o.extra_takes += extra_takes;
                }
            }
            doc.set_accommodations(&o)?;
        }
        Ok(doc.push_message(&outcome)?)
    })?;
    Ok(asked)
}

/// How a request reads, for people.
pub fn describe_request(kind: &RequestKind) -> String {
    match kind {
        RequestKind::Extension { days } => tr!("ops-request-extension", days = *days),
        RequestKind::Accommodation { extra_time_percent, extra_takes } => match (*extra_time_percent, *extra_takes) {
            (0, takes) => tr!("ops-request-takes", takes = takes),
            (percent, 0) => tr!("ops-request-time", percent = percent),
            (percent, takes) => tr!("ops-request-time-and-takes", percent = percent, takes = takes),
        },
    }
}

fn marks_path(store: &Store) -> PathBuf {
    store.root().join("read-marks")
}

/// What this computer has shown of each conversation (message counts by candidate id), read
/// once per screen refresh.
#[derive(Debug, Default)]
pub struct ReadMarks(BTreeMap<String, usize>);

impl ReadMarks {
    pub fn load(store: &Store) -> ReadMarks {
        let marks = std::fs::read_to_string(marks_path(store))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let (id, n) = l.split_once(' ')?;
                Some((id.to_owned(), n.parse().ok()?))
            })
            .collect();
        ReadMarks(marks)
    }

    /// Messages of this conversation from the other side that this computer has not shown yet.
    pub fn unread(&self, submission: &Submission, reader: Side) -> usize {
        let seen = self.0.get(submission.candidate_id.as_str()).copied().unwrap_or(0);
        submission.messages.iter().skip(seen).filter(|m| m.from != reader).count()
    }
}

/// The reader has seen the whole conversation.
pub fn mark_read(store: &Store, submission: &Submission) -> Result<()> {
    let ReadMarks(mut marks) = ReadMarks::load(store);
    if marks.get(submission.candidate_id.as_str()) == Some(&submission.messages.len()) {
        return Ok(());
    }
    marks.insert(submission.candidate_id.to_string(), submission.messages.len());
    let text: String = marks.iter().map(|(id, n)| format!("{id} {n}\n")).collect();
    let path = marks_path(store);
    peerview_sync::fsutil::write_atomic(&path, text.as_bytes())
        .with_context(|| tr!("ops-writing-file", file = path.display().to_string()))
}

/// The conversation as text lines (for `peerview status` and the command line).
pub fn thread_lines(submission: &Submission) -> Vec<String> {
    let mut out = Vec::new();
    for m in &submission.messages {
        let who = match m.from {
            Side::Candidate => tr!("ops-thread-candidate"),
            Side::Employer if m.by == EMPLOYER_AUTHOR => tr!("ops-thread-employer"),
            Side::Employer => m.by.clone(),
        };
        let text = match &m.body {
            Body::Text(t) => t.clone(),
            Body::Request { kind, reason } => {
                let what = describe_request(kind);
                let (id, reason) = (m.id.as_str(), reason.as_str());
                match messages::outcome_of(&submission.messages, &m.id) {
                    Some(Message { body: Body::Outcome { granted: true, .. }, .. }) => {
                        tr!("ops-thread-request-granted", what = what, id = id, reason = reason)
                    }
                    Some(_) => tr!("ops-thread-request-declined", what = what, id = id, reason = reason),
                    None => tr!("ops-thread-request-open", what = what, id = id, reason = reason),
                }
            }
            Body::Outcome { request, granted, note } => {
                let asked = submission.messages.iter().find(|r| &r.id == request);
                let what = match asked.map(|r| &r.body) {
                    Some(Body::Request { kind, .. }) => describe_request(kind),
                    _ => tr!("ops-the-request"),
                };
                match (*granted, note.is_empty()) {
                    (true, true) => tr!("ops-thread-granted", what = what),
                    (true, false) => tr!("ops-thread-granted-note", what = what, note = note.as_str()),
                    (false, true) => tr!("ops-thread-declined", what = what),
                    (false, false) => tr!("ops-thread-declined-note", what = what, note = note.as_str()),
                }
            }
        };
        out.push(tr!("ops-thread-line", at = crate::fmt::date_time(m.at), who = who, text = text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_gives_what_was_asked_or_the_employers_own_figure_of_the_same_kind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let text = "title = \"T\"\nrole = \"T\"\ndeadline = 2099-01-01T00:00:00Z\n[[question]]\nid = \"q\"\nprompt = \"?\"\nanswer = \"text\"\n";
        let campaign = crate::campaign_file::parse("c.toml", text, Timestamp(0)).expect("campaign");
        store.create_campaign(&campaign).expect("create");
        let ticket =
            peerview_sync::employer::invite_candidate(&store, &campaign.id, "Ada", None, vec![]).expect("invite");
        let Invitee::Candidate(ada) = ticket.invitee.clone() else { panic!("a candidate") };
        let ask = |kind| {
            send_as_candidate(&store, &ticket, Body::Request { kind, reason: "please".into() }, Timestamp(1))
                .expect("asked")
        };
        let five = ask(RequestKind::Extension { days: 5 });
        let wrong = answer_request(
            &store,
            &ada,
            Some(&five.id),
            true,
            Some(RequestKind::Accommodation { extra_time_percent: 50, extra_takes: 0 }),
            "",
            Timestamp(2),
        );
        assert!(wrong.expect_err("another kind").to_string().contains("grant that kind"));
        answer_request(&store, &ada, Some(&five.id), true, Some(RequestKind::Extension { days: 2 }), "", Timestamp(3))
            .expect("granted");
        let s = store.submission(&ada).expect("submission");
        assert_eq!(s.accommodations.extension_secs, 2 * 86_400, "the employer's figure");
        assert!(s.messages.iter().any(|m| m.text() == "2 more days before the deadline granted"), "{:?}", s.messages);
        let more = ask(RequestKind::Accommodation { extra_time_percent: 25, extra_takes: 1 });
        answer_request(&store, &ada, None, true, None, "", Timestamp(4)).expect("granted as asked");
        let s = store.submission(&ada).expect("submission");
        assert_eq!((s.accommodations.extra_time_percent, s.accommodations.extra_takes), (25, 1));
        assert!(messages::open_requests(&s.messages).is_empty(), "{more:?} answered");
        assert!(answer_request(&store, &ada, None, false, None, " ", Timestamp(5)).is_err(), "nothing open");
    }
}
