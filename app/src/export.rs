//! Export of a whole submission for someone without Peerview: each recorded answer as a standard
//! MP4 (remuxed to a plain faststart file), and `summary.json` plus `summary.md` with the
//! campaign, the questions, the answers (files, durations, hashes, text), the timeline and the
//! reviews on this computer. Used by `peerview export` and the review screen.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use peerview_media::export::export_mp4;
use peerview_sync::doc::{Answer, AnswerKind, EventKind};
use peerview_sync::{Campaign, CandidateId, DocKind, Store, Submission};
use serde_json::json;

use crate::ops::describe;
use crate::{fmt, tr};

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ExportReport {
    pub files: Vec<PathBuf>,
    /// Recordings not on this computer (not received or synced yet), by question id.
    pub missing: Vec<String>,
}

/// Find a submission by candidate id (or a unique prefix), candidate name, or, on a candidate's
/// computer, by campaign id (their own submission).
pub fn resolve_submission(store: &Store, query: &str) -> Result<CandidateId> {
    let ids = store.list(DocKind::Submission)?;
    let q = query.trim();
    let by_id: Vec<&String> = ids.iter().filter(|id| id.starts_with(q)).collect();
    if by_id.len() == 1 {
        return Ok(by_id[0].parse()?);
    }
    if by_id.len() > 1 && !q.is_empty() {
        bail!(tr!("cli-submission-ambiguous-id", query = q, count = by_id.len()));
    }
    // A candidate's name, through the rosters of the campaigns here.
    let mut by_name = Vec::new();
    for campaign in store.list(DocKind::Roster)? {
        if let Ok(roster) = store.roster(&campaign.parse()?) {
            for c in roster.candidates {
                if c.name.eq_ignore_ascii_case(q) && store.exists(DocKind::Submission, c.id.as_str()) {
                    by_name.push(c.id);
                }
            }
        }
    }
    if by_name.len() == 1 {
        return Ok(by_name.remove(0));
    }
    if by_name.len() > 1 {
        bail!(tr!("cli-submission-ambiguous-name", query = q, count = by_name.len()));
    }
    // The candidate's own submission to a campaign.
    for ticket in store.memberships()? {
        if ticket.campaign.as_str().starts_with(q)
            && let Some(s) = store.submission_of(&ticket)?
        {
            return Ok(s.candidate_id);
        }
    }
    bail!(tr!("cli-no-submission", query = q))
}

/// A file-name-safe short form of a question's prompt.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Export `candidate`'s submission into `dir` (created if needed). `fetch_blob(hash, target)`
/// copies a recording out of the blob store; it fails if the recording is not here.
pub fn export_submission(
    store: &Store,
    candidate: &CandidateId,
    dir: &Path,
    mut fetch_blob: impl FnMut(&str, &Path) -> Result<()>,
) -> Result<ExportReport> {
    let submission = store.submission(candidate).with_context(|| tr!("cli-reading-submission"))?;
    let campaign = store.campaign(&submission.campaign_id).with_context(|| tr!("cli-reading-campaign"))?;
    let name = store
        .roster(&submission.campaign_id)
        .ok()
        .and_then(|r| r.candidates.into_iter().find(|c| &c.id == candidate))
        .map(|c| c.name);
    std::fs::create_dir_all(dir).with_context(|| tr!("ops-creating-dir", dir = dir.display().to_string()))?;
    crate::ops::lifecycle::audit_export(store, submission.campaign_id.as_str(), candidate.as_str(), "submission");
    let mut report = ExportReport::default();
    let mut answers = Vec::new();
    for (n, q) in campaign.questions.iter().enumerate() {
        let mut entry = json!({
            "question_id": q.id.as_str(),
            "prompt": q.prompt,
            "kind": kind_name(q.kind),
        });
        match submission.answers.get(&q.id) {
            None => entry["answer"] = json!(null),
            Some(Answer::Text(t)) => {
                entry["answer"] = json!({ "text": t.text, "written_at": iso(t.written_at) });
            }
            Some(Answer::Recording(take)) => {
                let file_name = format!("{:02}-{}.mp4", n + 1, slug(&q.prompt));
                let target = dir.join(&file_name);
                let raw = dir.join(format!(".{}.download", &take.hash[..16.min(take.hash.len())]));
                let exported = fetch_blob(&take.hash, &raw).and_then(|()| {
                    export_mp4(&raw, &target, std::time::Duration::from_millis(take.recorded_at.0.max(0) as u64))
                        .with_context(|| tr!("cli-export-converting", question = q.id.as_str()))
                });
                let _ = std::fs::remove_file(&raw);
                match exported {
                    Ok(_) => report.files.push(target),
                    Err(e) => {
                        tracing::warn!("answer {}: {e:#}", q.id);
                        report.missing.push(q.id.to_string());
                    }
                }
                entry["answer"] = json!({
                    "file": report.files.last().filter(|f| f.ends_with(&file_name)).map(|_| file_name.clone()),
                    "blake3": take.hash,
                    "size_bytes": take.size_bytes,
                    "duration_ms": take.duration_ms,
                    "take_number": take.take_number,
                    "recorded_at": iso(take.recorded_at),
                });
            }
        }
        answers.push(entry);
    }
    let reviews = store.reviews(candidate).ok();
    let review_json: Vec<_> = reviews
        .iter()
        .flat_map(|r| r.by_reviewer.values())
        .map(|r| {
            json!({
                "reviewer": r.reviewer_name,
                "scores": r.scores,
                "comments": r.comments.iter().map(|c| json!({
                    "question_id": c.question.as_str(), "at_ms": c.at_ms, "text": c.text,
                })).collect::<Vec<_>>(),
                "decision": r.decision.as_ref().map(|d| json!({
                    "verdict": d.verdict.to_string(), "note": d.note, "decided_at": iso(d.decided_at),
                })),
            })
        })
        .collect();
    let summary = json!({
        "format": "peerview-submission-export/1",
        "campaign": { "id": campaign.id.as_str(), "title": campaign.title, "role": campaign.role,
                      "deadline": iso(campaign.deadline) },
        "candidate": { "id": candidate.as_str(), "name": name },
        "state": submission.state().to_string(),
        "submitted_at": submission.submitted_at.map(iso),
        "answers": answers,
        "timeline": submission.events.iter().map(|e| json!({
            "event": event_json(&e.kind), "at": iso(e.at),
        })).collect::<Vec<_>>(),
        "reviews": review_json,
    });
    let json_path = dir.join("summary.json");
    write_atomic(&json_path, serde_json::to_string_pretty(&summary)?.as_bytes())?;
    report.files.push(json_path);
    let md_path = dir.join("summary.md");
    write_atomic(&md_path, markdown(&campaign, &submission, name.as_deref(), &summary).as_bytes())?;
    report.files.push(md_path);
    Ok(report)
}

fn iso(t: peerview_sync::Timestamp) -> String {
    humantime::format_rfc3339_seconds(t.to_system_time()).to_string()
}

fn kind_name(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Video => "video",
        AnswerKind::Audio => "audio",
        AnswerKind::Text => "text",
    }
}

/// An event as `summary.json` names it (English, for programs; `summary.md` says it in words).
fn event_json(kind: &EventKind) -> String {
    match kind {
        EventKind::Recorded { question } => format!("answered {question}"),
        EventKind::Decision { verdict, message } => {
            format!("decision: {verdict}{}", message.as_deref().map(|m| format!(" — {m}")).unwrap_or_default())
        }
        other => other.name().to_owned(),
    }
}

/// `summary.md`, for people: in the current language, times in the campaign's zone.
fn markdown(campaign: &Campaign, submission: &Submission, name: Option<&str>, summary: &serde_json::Value) -> String {
    use std::fmt::Write as _;
    let mut md = String::new();
    let zone = campaign.time_zone.as_deref();
    let who = name.map_or_else(|| submission.candidate_id.to_string(), str::to_owned);
    let _ = writeln!(md, "# {} — {who}\n", campaign.title);
    let _ = writeln!(md, "- {}", tr!("cli-export-md-role", role = campaign.role.as_str()));
    let _ = writeln!(md, "- {}", tr!("cli-export-md-state", state = describe::submission_state(submission.state())));
    if let Some(t) = submission.submitted_at {
        let _ = writeln!(md, "- {}", tr!("cli-export-md-submitted", at = fmt::in_campaign_zone(t, zone)));
    }
    let _ = writeln!(
        md,
        "- {}\n",
        tr!("cli-export-md-deadline", deadline = fmt::in_campaign_zone(campaign.deadline, zone))
    );
    for (n, (q, a)) in campaign.questions.iter().zip(summary["answers"].as_array().into_iter().flatten()).enumerate() {
        let _ = writeln!(md, "## {}. {}\n", n + 1, q.prompt);
        let answer = &a["answer"];
        if answer.is_null() {
            let _ = writeln!(md, "_{}_\n", tr!("cli-export-md-no-answer"));
        } else if let Some(text) = answer["text"].as_str() {
            let _ = writeln!(md, "{text}\n");
        } else {
            let secs = describe::one_decimal(answer["duration_ms"].as_u64().unwrap_or(0) as f64 / 1000.0);
            match answer["file"].as_str() {
                Some(file) => {
                    let take = answer["take_number"].as_u64().unwrap_or(1);
                    let _ = writeln!(md, "{}\n", tr!("cli-export-md-recording", file = file, secs = secs, take = take));
                }
                None => {
                    let _ = writeln!(md, "_{}_\n", tr!("cli-export-md-recording-missing", secs = secs));
                }
            }
        }
    }
    if !submission.events.is_empty() {
        let _ = writeln!(md, "## {}\n", tr!("cli-export-md-timeline"));
        for e in &submission.events {
            let _ = writeln!(md, "- {} — {}", fmt::in_campaign_zone(e.at, zone), describe::event(&e.kind));
        }
        md.push('\n');
    }
    if let Some(reviews) = summary["reviews"].as_array().filter(|r| !r.is_empty()) {
        let _ = writeln!(md, "## {}\n", tr!("cli-export-md-reviews"));
        for r in reviews {
            let reviewer = r["reviewer"].as_str().map_or_else(|| tr!("cli-export-md-reviewer"), str::to_owned);
            let _ = writeln!(md, "### {reviewer}\n");
            if let Some(scores) = r["scores"].as_object() {
                for (criterion, score) in scores {
                    let score = score.as_u64().unwrap_or(0);
                    let _ =
                        writeln!(md, "- {}", tr!("cli-export-md-score", criterion = criterion.as_str(), score = score));
                }
            }
            for c in r["comments"].as_array().into_iter().flatten() {
                let at = c["at_ms"].as_u64().unwrap_or(0) / 1000;
                let _ = writeln!(
                    md,
                    "- {}",
                    tr!(
                        "cli-export-md-comment",
                        question = c["question_id"].as_str().unwrap_or(""),
                        at = format!("{}:{:02}", at / 60, at % 60),
                        text = c["text"].as_str().unwrap_or("")
                    )
                );
            }
            if let Some(v) = r["decision"]["verdict"].as_str() {
                let verdict = v.parse().map_or_else(|()| v.to_owned(), describe::verdict);
                let _ = writeln!(md, "- {}", tr!("cli-export-md-decision", verdict = verdict));
            }
            md.push('\n');
        }
    }
    md
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes).with_context(|| tr!("cli-writing-file", file = tmp.display().to_string()))?;
    std::fs::rename(&tmp, path).with_context(|| tr!("cli-writing-file", file = path.display().to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_short_and_safe() {
        assert_eq!(
            slug("Tell us about a time you disagreed — with your manager!"),
            "tell-us-about-a-time-you-disagreed-with"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("¿Qué?"), "qu");
    }
}
