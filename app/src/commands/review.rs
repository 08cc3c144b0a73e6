//! `peerview review SUBMISSION`: review from the command line, as the employer or as a reviewer
//! who joined: score, comment at a moment, submit the scorecard, decide, and show every
//! reviewer's review. A reviewer's changes reach the employer with the next `peerview sync`.

use std::path::Path;

use anyhow::{Result, anyhow, bail};
use peerview_sync::Timestamp;
use peerview_sync::doc::Verdict;

use super::open_store;
use crate::export::resolve_submission;
use crate::ops::describe;
use crate::{fmt, tr};

/// What to do to the submission.
#[derive(Debug, Default)]
pub struct ReviewArgs {
    /// `criterion=score` (1 to 5).
    pub scores: Vec<String>,
    pub submit_scores: bool,
    pub comment: Option<String>,
    pub question: Option<String>,
    pub at_secs: f64,
    pub decide: Option<String>,
    pub message: Option<String>,
}

pub fn review(data_dir: &Path, submission: &str, args: ReviewArgs) -> Result<()> {
    let store = open_store(data_dir)?;
    let candidate = resolve_submission(&store, submission)?;
    let s = store.submission(&candidate)?;
    let campaign = store.campaign(&s.campaign_id)?;
    crate::review::mark_viewed(&store, &candidate, Timestamp::now())?;
    for pair in &args.scores {
        let (criterion, value) =
            pair.split_once('=').ok_or_else(|| anyhow!(tr!("cli-review-score-syntax", value = pair.as_str())))?;
        if !campaign.criteria.iter().any(|c| c == criterion.trim()) {
            bail!(tr!("cli-review-no-criterion", criterion = criterion, criteria = campaign.criteria.join(", ")));
        }
        let value: u8 =
            value.trim().parse().map_err(|_| anyhow!(tr!("cli-review-score-number", value = pair.as_str())))?;
        crate::review::score(&store, &candidate, criterion.trim(), value)?;
    }
    if args.submit_scores {
        crate::review::submit_scores(&store, &candidate, Timestamp::now())?;
    }
    if let Some(text) = args.comment {
        let question = match &args.question {
            Some(q) => q.parse().map_err(|e| anyhow!("{e}"))?,
            None => campaign
                .questions
                .first()
                .map(|q| q.id.clone())
                .ok_or_else(|| anyhow!(tr!("cli-review-no-questions")))?,
        };
        if !campaign.questions.iter().any(|q| q.id == question) {
            bail!(tr!("cli-no-such-question", question = question.as_str()));
        }
        crate::review::comment(
            &store,
            &candidate,
            question,
            (args.at_secs.max(0.0) * 1000.0) as u64,
            text,
            Timestamp::now(),
        )?;
    }
    if let Some(verdict) = args.decide {
        let verdict: Verdict =
            verdict.parse().map_err(|()| anyhow!(tr!("cli-review-decide-syntax", value = verdict.as_str())))?;
        if !crate::review::decide(&store, &candidate, verdict, args.message, Timestamp::now())? {
            println!("{}", tr!("cli-review-recommended", verdict = describe::verdict(verdict)));
        }
    }
    // Show everyone's review.
    let name = store
        .roster(&campaign.id)
        .ok()
        .and_then(|r| r.candidate(&candidate).map(|c| c.name.clone()))
        .unwrap_or_else(|| candidate.to_string());
    let state = describe::submission_state(store.submission(&candidate)?.state());
    println!("{name} ({}), {state}", campaign.title);
    let reviews = store.reviews(&candidate)?;
    let (me, _) = crate::review::me(&store, &campaign.id);
    let mine_in = reviews.by_reviewer.get(&me).is_some_and(|r| r.submitted_at.is_some());
    for (id, r) in &reviews.by_reviewer {
        // The employer reviews under a fixed name kept in the document; it reads in the reader's language.
        let reviewer = if id.as_str() == crate::review::EMPLOYER_REVIEWER {
            tr!("cli-review-employer")
        } else {
            r.reviewer_name.clone()
        };
        println!("{reviewer}:");
        if *id == me || mine_in {
            for (criterion, score) in &r.scores {
                println!("  {}", tr!("cli-review-score", criterion = criterion.as_str(), score = *score));
            }
        } else if r.submitted_at.is_some() || !r.scores.is_empty() {
            // Another reviewer's scores reach this computer only once one's own are in; that
            // they submitted arrives at once.
            println!("  {}", tr!("cli-review-scores-hidden"));
        }
        for c in &r.comments {
            println!("  [{} {}] {}", c.question, fmt::secs((c.at_ms / 1000) as u32), c.text);
        }
        if let Some(d) = &r.decision {
            let verdict = describe::verdict(d.verdict);
            match d.note.as_deref() {
                Some(note) => println!("  {}", tr!("cli-review-decision-note", verdict = verdict, note = note)),
                None => println!("  {}", tr!("cli-review-decision", verdict = verdict)),
            }
        }
    }
    Ok(())
}
