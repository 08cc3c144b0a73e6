//! `peerview campaign create|list|show|export`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use peerview_sync::{Campaign, InviteState, Store, StoreError, SubmissionState, Timestamp};

use super::open_store;
use crate::{campaign_file, fmt};

#[derive(Subcommand, Debug)]
pub enum CampaignCommand {
    /// Create a campaign from a TOML file (see examples/campaign.toml); prints its id.
    Create {
        /// The campaign file.
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
    },
    /// List the campaigns on this node.
    List,
    /// Show a campaign: questions, rules, candidates and the state of their submissions.
    Show {
        /// The campaign id (a unique prefix is enough).
        id: String,
    },
    /// Print a campaign in the TOML format, to edit and create again.
    Export {
        /// The campaign id (a unique prefix is enough).
        id: String,
    },
}

pub fn run(data_dir: &Path, cmd: CampaignCommand) -> Result<()> {
    let store = open_store(data_dir)?;
    match cmd {
        CampaignCommand::Create { file } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let campaign = campaign_file::parse(&file.display().to_string(), &text, Timestamp::now())?;
            store.create_campaign(&campaign).context("saving the campaign")?;
            eprintln!(
                "Created campaign \"{}\" with {} questions, deadline {}.",
                campaign.title,
                campaign.questions.len(),
                fmt::date_time(campaign.deadline)
            );
            println!("{}", campaign.id);
        }
        CampaignCommand::List => print!("{}", list(&store)?),
        CampaignCommand::Show { id } => {
            let id = store.resolve_campaign(&id)?;
            print!("{}", show(&store, &store.campaign(&id)?, Timestamp::now())?);
        }
        CampaignCommand::Export { id } => {
            let id = store.resolve_campaign(&id)?;
            print!("{}", campaign_file::export(&store.campaign(&id)?)?);
        }
    }
    Ok(())
}

fn list(store: &Store) -> Result<String> {
    let (campaigns, unreadable) = store.campaigns()?;
    let mut out = String::new();
    if campaigns.is_empty() {
        out.push_str("No campaigns yet. Create one with: peerview campaign create --file campaign.toml\n");
    } else {
        let now = Timestamp::now();
        let _ = writeln!(out, "{:<16}  {:<32}  {:>9}  {:>10}  DEADLINE", "ID", "TITLE", "QUESTIONS", "CANDIDATES");
        for c in &campaigns {
            let candidates = store.roster(&c.id).map_or(0, |r| r.candidates.len());
            let _ = writeln!(
                out,
                "{:<16}  {:<32}  {:>9}  {:>10}  {} ({})",
                c.id,
                truncate(&c.title, 32),
                c.questions.len(),
                candidates,
                fmt::date_time(c.deadline),
                fmt::relative(now, c.deadline)
            );
        }
    }
    for e in unreadable {
        let _ = writeln!(out, "(unreadable: {e})");
    }
    Ok(out)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn show(store: &Store, c: &Campaign, now: Timestamp) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(out, "Campaign {}: {}", c.id, c.title);
    let _ = writeln!(out, "Role:      {}", c.role);
    let _ = writeln!(out, "Deadline:  {} ({})", fmt::date_time(c.deadline), fmt::relative(now, c.deadline));
    let _ = writeln!(out, "Created:   {}", fmt::date_time(c.created_at));
    let _ = writeln!(out, "Scorecard: {}", c.criteria.join(", "));
    if !c.instructions.is_empty() {
        let _ = writeln!(out, "\nInstructions:");
        for line in c.instructions.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    if let Some(p) = &c.practice {
        let _ = writeln!(out, "\nPractice question (never counts): {}\n     {}", fmt::question_rules(p), p.prompt);
    }
    let _ = writeln!(out, "\nQuestions:");
    for (i, q) in c.questions.iter().enumerate() {
        let _ = writeln!(out, "  {}. [{}] {}\n     {}", i + 1, q.id, fmt::question_rules(q), q.prompt);
    }
    let roster = match store.roster(&c.id) {
        Ok(roster) => roster,
        // A candidate's computer holds the campaign and its own submission, never the roster.
        Err(StoreError::NotFound { .. }) => {
            let mine = store.memberships()?.into_iter().find(|t| t.campaign == c.id);
            if let Some(ticket) = mine
                && let Some(s) = store.submission_of(&ticket)?
            {
                let _ = writeln!(
                    out,
                    "\nYour submission: {} ({} of {} answered)",
                    s.state(),
                    s.answers.len(),
                    c.questions.len()
                );
            }
            return Ok(out);
        }
        Err(e) => return Err(e.into()),
    };
    let _ = writeln!(out, "\nCandidates ({}):", roster.candidates.len());
    if roster.candidates.is_empty() {
        let _ = writeln!(out, "  none invited yet");
    }
    for cand in &roster.candidates {
        let state = match store.submission(&cand.id) {
            Ok(s) => s.state().to_string(),
            Err(StoreError::NotFound { .. }) => SubmissionState::NotStarted.to_string(),
            Err(e) => format!("unreadable ({e})"),
        };
        let invite =
            if cand.state == InviteState::Invited { String::new() } else { format!(", invite {}", cand.state) };
        let email = cand.email.as_deref().map(|e| format!(" <{e}>")).unwrap_or_default();
        let _ = writeln!(out, "  {}  {}{email}: {state}{invite}", cand.id, cand.name);
    }
    if !roster.reviewers.is_empty() {
        let _ = writeln!(out, "\nReviewers ({}):", roster.reviewers.len());
        for r in &roster.reviewers {
            let _ = writeln!(out, "  {}  {} ({})", r.id, r.name, r.state);
        }
    }
    if !roster.hubs.is_empty() {
        let _ = writeln!(out, "\nEmployer-side nodes ({}):", roster.hubs.len());
        for h in &roster.hubs {
            let addrs = h.addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let at = if addrs.is_empty() { String::new() } else { format!(", at {addrs}") };
            let _ = writeln!(out, "  {}  {} ({}{at})", h.id, h.name, h.state);
        }
    }
    Ok(out)
}
