//! `peerview delete`, `withdraw` and `audit`: personal data's end (the workflows are
//! `ops::lifecycle`).

use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use peerview_sync::Timestamp;

use super::open_store;
use super::p2p::{NotSent, deliver, membership, runtime, status_of, with_backoff};
use crate::fmt;
use crate::ops::Net;

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
    let who = if deleted.already { candidate.id.to_string() } else { format!("{} ({})", candidate.name, candidate.id) };
    if deleted.already {
        println!("The submission of {who} was already deleted ({}).", fmt::date_time(deleted.deletion.at));
    } else {
        println!("Deleted the submission of {who}: documents, reviews, name and email are gone from this computer.");
    }
    match removed {
        Some(n) => println!("{n} recordings removed from the recordings store."),
        None => println!("The recordings go when the running node next starts (it did not answer)."),
    }
    println!("Hubs and reviewers delete their copies at their next sync; only the ids stay, so no copy comes back.");
    Ok(())
}

pub fn withdraw(data_dir: &Path, net: Net, campaign: &str, wait: Duration) -> Result<()> {
    let store = open_store(data_dir)?;
    let ticket = membership(&store, campaign)?;
    if crate::ops::lifecycle::withdraw(&store, &ticket, Timestamp::now())? {
        println!("Withdrawn. Asking the employer to delete your submission and recordings...");
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
    if entries.is_empty() {
        println!("Nothing in the audit log: no deletion, withdrawal or export on this computer.");
    }
    for e in &entries {
        let action =
            serde_json::to_value(e.action).ok().and_then(|v| v.as_str().map(ToOwned::to_owned)).unwrap_or_default();
        println!(
            "{}  {action:<10}  campaign {}  candidate {}  by {}{}",
            fmt::date_time(Timestamp(e.at)),
            e.campaign,
            e.candidate,
            e.by.get(..16).unwrap_or(&e.by),
            e.detail.as_deref().map(|d| format!("  ({d})")).unwrap_or_default()
        );
    }
    if bad > 0 {
        eprintln!("{bad} lines of the audit log could not be read.");
    }
    Ok(())
}
