//! `peerview delete`, `withdraw` and `audit`: personal data's end (the workflows are
//! `ops::lifecycle`).

use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use peerview_sync::Timestamp;
use peerview_sync::audit::Action;

use super::open_store;
use super::p2p::{NotSent, deliver, membership, runtime, status_of, with_backoff};
use crate::ops::Net;
use crate::{fmt, tr};

pub fn delete(data_dir: &Path, campaign: Option<&str>, who: &str) -> Result<()> {
    let store = open_store(data_dir)?;
    let (campaign, candidate) = crate::ops::lifecycle::find_candidate(&store, campaign, who)?;
    let (deleted, removed) = runtime()?.block_on(crate::ops::lifecycle::delete(
        &store,
        &campaign,
        &candidate,
        peerview_sync::DeletionReason::Employer,
        Timestamp::now(),
    ))?;
    if deleted.already {
        println!(
            "{}",
            tr!("cli-delete-already", id = candidate.id.as_str(), date = fmt::date_time(deleted.deletion.at))
        );
    } else {
        println!("{}", tr!("cli-delete-done", name = candidate.name.as_str(), id = candidate.id.as_str()));
    }
    match removed {
        Some(n) => println!("{}", tr!("cli-delete-recordings-removed", count = n)),
        None => println!("{}", tr!("cli-delete-recordings-later")),
    }
    println!("{}", tr!("cli-delete-copies"));
    Ok(())
}

pub fn withdraw(data_dir: &Path, net: Net, campaign: &str, wait: Duration) -> Result<()> {
    let store = open_store(data_dir)?;
    let ticket = membership(&store, campaign)?;
    if crate::ops::lifecycle::withdraw(&store, &ticket, Timestamp::now())? {
        println!("{}", tr!("cli-withdrawn"));
    }
    drop(store);
    if let Err(e) = with_backoff(wait, || deliver(data_dir, net.clone(), &ticket)) {
        if e.downcast_ref::<NotSent>().is_none() {
            return Err(e);
        }
        println!("{e:#}");
    }
    status_of(data_dir, Some(&ticket.campaign))
}

pub fn audit(data_dir: &Path) -> Result<()> {
    let store = open_store(data_dir)?;
    let (entries, bad) = peerview_sync::audit::read(store.root())?;
    let action_width = [Action::Delete, Action::Purge, Action::Withdrawal, Action::Export]
        .map(|a| action_name(a).chars().count())
        .into_iter()
        .max()
        .unwrap_or(0);
    if entries.is_empty() {
        println!("{}", tr!("cli-audit-empty"));
    }
    for e in &entries {
        let action = action_name(e.action);
        let line = tr!(
            "cli-audit-line",
            campaign = e.campaign.as_str(),
            candidate = e.candidate.as_str(),
            by = e.by.get(..16).unwrap_or(&e.by)
        );
        let detail = e.detail.as_deref().map(|d| format!("  ({d})")).unwrap_or_default();
        println!("{}  {action:<width$}  {line}{detail}", fmt::date_time(Timestamp(e.at)), width = action_width);
    }
    if bad > 0 {
        eprintln!("{}", tr!("cli-audit-unreadable", count = bad));
    }
    Ok(())
}

/// An audit entry's action, as the log's reader reads it.
fn action_name(action: Action) -> String {
    match action {
        Action::Delete => tr!("cli-audit-delete"),
        Action::Purge => tr!("cli-audit-purge"),
        Action::Withdrawal => tr!("cli-audit-withdrawal"),
        Action::Export => tr!("cli-audit-export"),
    }
}
