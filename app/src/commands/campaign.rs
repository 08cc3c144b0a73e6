//! `peerview campaign create|list|show|export`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use peerview_sync::{Campaign, InviteState, Store, StoreError, SubmissionState, Timestamp};

use super::open_store;
use crate::ops::describe;
use crate::{campaign_file, fmt, tr};

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
            let text = std::fs::read_to_string(&file)
                .with_context(|| tr!("cli-reading-file", file = file.display().to_string()))?;
            let campaign = campaign_file::parse(&file.display().to_string(), &text, Timestamp::now())?;
            store.create_campaign(&campaign).with_context(|| tr!("cli-saving-campaign"))?;
            eprintln!(
                "{}",
                tr!(
                    "cli-campaign-created",
                    title = campaign.title.as_str(),
                    questions = campaign.questions.len(),
                    deadline = fmt::date_time(campaign.deadline)
                )
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
        out.push_str(&tr!("cli-campaign-list-empty"));
        out.push('\n');
    } else {
        let now = Timestamp::now();
        let headers = [
            tr!("cli-campaign-list-id"),
            tr!("cli-campaign-list-title"),
            tr!("cli-campaign-list-questions"),
            tr!("cli-campaign-list-candidates"),
            tr!("cli-campaign-list-deadline"),
        ];
        // Columns as wide as their heading in this language, the id and the title at least as
        // wide as an id and a shortened title.
        let width = |i: usize, at_least: usize| headers[i].chars().count().max(at_least);
        let (id_w, title_w, questions_w, candidates_w) = (width(0, 16), width(1, 32), width(2, 5), width(3, 5));
        let _ = writeln!(
            out,
            "{:<id_w$}  {:<title_w$}  {:>questions_w$}  {:>candidates_w$}  {}",
            headers[0], headers[1], headers[2], headers[3], headers[4]
        );
        for c in &campaigns {
            let candidates = store.roster(&c.id).map_or(0, |r| r.candidates.len());
            let _ = writeln!(
                out,
                "{:<id_w$}  {:<title_w$}  {:>questions_w$}  {:>candidates_w$}  {} ({})",
                c.id,
                truncate(&c.title, title_w),
                c.questions.len(),
                candidates,
                fmt::date_time(c.deadline),
                fmt::relative(now, c.deadline)
            );
        }
    }
    for e in unreadable {
        let _ = writeln!(out, "{}", tr!("cli-campaign-unreadable", error = e.to_string()));
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

/// `Label:  value` lines, the values aligned however long the labels are in this language.
fn fields(out: &mut String, rows: &[(String, String)]) {
    let width = rows.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0) + 1;
    for (label, value) in rows {
        let _ = writeln!(out, "{:<width$} {value}", format!("{label}:"));
    }
}

fn show(store: &Store, c: &Campaign, now: Timestamp) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(out, "{}", tr!("cli-campaign-show-heading", id = c.id.as_str(), title = c.title.as_str()));
    let deadline = fmt::date_time(c.deadline);
    fields(
        &mut out,
        &[
            (tr!("cli-campaign-show-role"), c.role.clone()),
            (tr!("cli-campaign-show-deadline"), format!("{deadline} ({})", fmt::relative(now, c.deadline))),
            (tr!("cli-campaign-show-created"), fmt::date_time(c.created_at)),
            (tr!("cli-campaign-show-scorecard"), c.criteria.join(", ")),
        ],
    );
    if !c.instructions.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("cli-campaign-show-instructions"));
        for line in c.instructions.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    if let Some(p) = &c.practice {
        let _ =
            writeln!(out, "\n{}\n     {}", tr!("cli-campaign-show-practice", rules = fmt::question_rules(p)), p.prompt);
    }
    let _ = writeln!(out, "\n{}", tr!("cli-campaign-show-questions"));
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
                    "\n{}",
                    tr!(
                        "cli-campaign-show-your-submission",
                        state = describe::submission_state(s.state()),
                        answered = s.answers.len(),
                        questions = c.questions.len()
                    )
                );
            }
            return Ok(out);
        }
        Err(e) => return Err(e.into()),
    };
    let _ = writeln!(out, "\n{}", tr!("cli-campaign-show-candidates", count = roster.candidates.len()));
    if roster.candidates.is_empty() {
        let _ = writeln!(out, "  {}", tr!("cli-campaign-show-none-invited"));
    }
    for cand in &roster.candidates {
        let state = match store.submission(&cand.id) {
            Ok(s) => describe::submission_state(s.state()),
            Err(StoreError::NotFound { .. }) => describe::submission_state(SubmissionState::NotStarted),
            Err(e) => tr!("cli-campaign-show-unreadable", error = e.to_string()),
        };
        let who = match cand.email.as_deref() {
            Some(email) => format!("{} <{email}>", cand.name),
            None => cand.name.clone(),
        };
        let line = if cand.state == InviteState::Invited {
            tr!("cli-campaign-show-candidate", id = cand.id.as_str(), who = who, state = state)
        } else {
            tr!(
                "cli-campaign-show-candidate-invite",
                id = cand.id.as_str(),
                who = who,
                state = state,
                invite = describe::invite_state(cand.state)
            )
        };
        let _ = writeln!(out, "  {line}");
    }
    if !roster.reviewers.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("cli-campaign-show-reviewers", count = roster.reviewers.len()));
        for r in &roster.reviewers {
            let _ = writeln!(out, "  {}  {} ({})", r.id, r.name, describe::invite_state(r.state));
        }
    }
    if !roster.hubs.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("cli-campaign-show-hubs", count = roster.hubs.len()));
        for h in &roster.hubs {
            let addrs = h.addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let state = describe::invite_state(h.state);
            let detail = if addrs.is_empty() {
                state
            } else {
                tr!("cli-campaign-show-hub-at", state = state, addresses = addrs)
            };
            let _ = writeln!(out, "  {}  {} ({detail})", h.id, h.name);
        }
    }
    Ok(out)
}
