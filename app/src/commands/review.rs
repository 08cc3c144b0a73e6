//! `peerview review SUBMISSION`: review from the command line, as the employer or as a reviewer
//! who joined: score, comment at a moment, submit the scorecard, decide, and show every
//! reviewer's review. A reviewer's changes reach the employer with the next `peerview sync`.

use std::path::Path;

use anyhow::{Result, anyhow, bail};
use peerview_sync::Timestamp;
use peerview_sync::doc::Verdict;

use super::open_store;
use crate::export::resolve_submission;
use crate::fmt;

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
        let (criterion, value) = pair
            .split_once('=')
            .ok_or_else(|| anyhow!("--score {pair:?}: write it as CRITERION=SCORE, e.g. Communication=4"))?;
        if !campaign.criteria.iter().any(|c| c == criterion.trim()) {
            bail!("{criterion:?} is not a criterion of this campaign ({})", campaign.criteria.join(", "));
        }
        let value: u8 =
            value.trim().parse().map_err(|_| anyhow!("--score {pair:?}: the score is a number from 1 to 5"))?;
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
                .ok_or_else(|| anyhow!("the campaign has no questions"))?,
        };
        if !campaign.questions.iter().any(|q| q.id == question) {
            bail!("there is no question {question} in this campaign");
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
            verdict.parse().map_err(|()| anyhow!("--decide {verdict:?}: use advance, hold or reject"))?;
        if !crate::review::decide(&store, &candidate, verdict, args.message, Timestamp::now())? {
            println!("Recommended: {verdict}. The employer sends the decision to the candidate.");
        }
    }
    // Show everyone's review.
    let name = store
        .roster(&campaign.id)
        .ok()
        .and_then(|r| r.candidate(&candidate).map(|c| c.name.clone()))
        .unwrap_or_else(|| candidate.to_string());
    println!("{name} ({}), {}", campaign.title, store.submission(&candidate)?.state());
    let reviews = store.reviews(&candidate)?;
    let (me, _) = crate::review::me(&store, &campaign.id);
    let mine_in = reviews.by_reviewer.get(&me).is_some_and(|r| r.submitted_at.is_some());
    for (id, r) in &reviews.by_reviewer {
        println!("{}:", r.reviewer_name);
        if *id == me || mine_in {
            for (criterion, score) in &r.scores {
                println!("  {criterion}: {score}/5");
            }
        } else if !r.scores.is_empty() {
            println!("  scores hidden until you submit your own (--submit-scores)");
        }
        for c in &r.comments {
            println!("  [{} {}] {}", c.question, fmt::secs((c.at_ms / 1000) as u32), c.text);
        }
        if let Some(d) = &r.decision {
            println!("  decision: {}{}", d.verdict, d.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default());
        }
    }
    Ok(())
}
