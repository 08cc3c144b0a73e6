//! What a candidate does to their own submission, shared by the command line and the app:
//! keep an answer (checked by the same rules the employer applies), and submit.

use anyhow::{Result, anyhow, bail};
use peerview_sync::auth::{Quota, check_candidate_submission, deadline_for};
use peerview_sync::doc::{Answer, EventKind, StatusEvent, SubmissionDoc};
use peerview_sync::{CandidateId, DocKind, QuestionId, Store, Timestamp};

use crate::{fmt, tr};

/// Keep `answer` as the answer to `question` in the candidate's submission, recording a
/// "recorded" event. Refused (nothing saved) if the employer would refuse it: wrong kind, too
/// long, too many takes, after the deadline or after submitting.
pub fn keep_answer(
    store: &Store,
    candidate: &CandidateId,
    question: &QuestionId,
    answer: &Answer,
    now: Timestamp,
) -> Result<()> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let before = doc.read()?;
    let campaign = store.campaign(&before.campaign_id)?;
    doc.set_answer(question, answer)?;
    doc.push_event(&StatusEvent {
        kind: EventKind::Recorded { question: question.clone() },
        by: "candidate".into(),
        at: now,
    })?;
    let after = doc.read()?;
    // The same rules the employer applies: better to hear them now than at upload time.
    check_candidate_submission(&campaign, &before, &after, now, Quota::default())
        .map_err(|r| anyhow!(tr!("cli-answer-refused", reason = r.to_string())))?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(())
}

/// The take number the next recorded answer to `question` gets.
pub fn next_take_number(store: &Store, candidate: &CandidateId, question: &QuestionId) -> Result<u32> {
    let submission = store.submission(candidate)?;
    Ok(match submission.answers.get(question) {
        Some(Answer::Recording(t)) => t.take_number + 1,
        _ => 1,
    })
}

/// Mark the submission submitted, once every question is answered and before the deadline.
/// Returns `false` if it was submitted already.
pub fn mark_submitted(store: &Store, candidate: &CandidateId, now: Timestamp) -> Result<bool> {
    let mut stored = store.load(DocKind::Submission, candidate.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let before = doc.read()?;
    let campaign = store.campaign(&before.campaign_id)?;
    let missing: Vec<&str> =
        campaign.questions.iter().filter(|q| !before.answers.contains_key(&q.id)).map(|q| q.id.as_str()).collect();
    if !missing.is_empty() {
        bail!(tr!("cli-submit-unanswered", questions = missing.join(", ")));
    }
    if before.submitted_at.is_some() {
        return Ok(false);
    }
    let deadline = deadline_for(&campaign, &before);
    if now > deadline {
        bail!(tr!("cli-submit-deadline-passed", deadline = fmt::deadline(deadline, campaign.time_zone.as_deref())));
    }
    doc.mark_submitted(now, "candidate")?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    Ok(true)
}

/// A fragment of a take being recorded is on disk: put it in the blob store and list it in the
/// submission (`uploads`), so the employer can fetch it while the candidate is still recording.
pub async fn register_fragment(
    node: &peerview_sync::node::Node,
    candidate: &CandidateId,
    question: &QuestionId,
    take_number: u32,
    file: &std::path::Path,
    f: &peerview_media::record::Fragment,
) -> Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut bytes = vec![0u8; usize::try_from(f.len)?];
    let mut take = std::fs::File::open(file)?;
    take.seek(SeekFrom::Start(f.offset))?;
    take.read_exact(&mut bytes)?;
    let tag = node.blobs.add_bytes(bytes).await.map_err(|e| anyhow!("{e:#}"))?;
    anyhow::ensure!(tag.hash.to_hex() == f.hash, tr!("cli-fragment-changed", index = f.index));
    let mut stored = node.store.load(DocKind::Submission, candidate.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    doc.add_upload_fragment(question, take_number, &f.hash, f.len)?;
    stored.doc = doc.into_automerge();
    node.store.save(&mut stored)?;
    Ok(())
}
