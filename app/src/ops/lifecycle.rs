//! Personal data's end, written once for the command line and the app: the employer side
//! deletes a submission (`peerview delete`, the review screen's Delete), a candidate withdraws
//! (`peerview withdraw`, the status screen's Withdraw). The documents are changed by this
//! process (every process may save them); the recordings leave the blob store here, or through
//! the running node (the app or `peerview serve`) that holds it.

use anyhow::{Result, anyhow, bail};
use peerview_sync::audit::{self, Action};
use peerview_sync::lifecycle::{self, Deleted};
use peerview_sync::node::{self, NodeError};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, Candidate, DeletionReason, InviteState, Store, Timestamp};

use super::local::{self, Request};
use crate::tr;

/// This data directory's node identity (hex endpoint id): who acts, for the audit log.
pub fn own_id(store: &Store) -> String {
    peerview_sync::employer::own_endpoint(store)
}

/// Find a candidate by id (or a unique prefix of it), name or email, in one campaign or in all
/// the campaigns here. Deleted candidates are found by id only (their name is gone).
pub fn find_candidate(store: &Store, campaign: Option<&str>, who: &str) -> Result<(CampaignId, Candidate)> {
    let campaigns = match campaign {
        Some(c) => vec![store.resolve_campaign(c)?],
        None => store.campaigns()?.0.into_iter().map(|c| c.id).collect(),
    };
    let who = who.trim();
    if who.is_empty() {
        bail!(tr!("ops-which-candidate"));
    }
    let mut found = Vec::new();
    for id in campaigns {
        let Ok(roster) = store.roster(&id) else { continue };
        for c in roster.candidates {
            let by_id = c.id.as_str() == who || (who.len() >= 4 && c.id.as_str().starts_with(who));
            let by_name = c.state != InviteState::Deleted
                && (c.name.eq_ignore_ascii_case(who)
                    || c.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(who)));
            if by_id || by_name {
                found.push((id.clone(), c));
            }
        }
    }
    match found.len() {
        0 => bail!(tr!("ops-no-such-candidate", who = who)),
        1 => Ok(found.pop().expect("one")),
        _ => bail!(tr!(
            "ops-several-candidates",
            who = who,
            ids = found.iter().map(|(_, c)| c.id.to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Delete a candidate's submission here and, through the tombstone that replicates, on every
/// employer-side node and reviewer; then remove its recordings from the blob store. Returns
/// what was deleted and how many recordings left the store now (`None`: left for the running
/// node that could not be asked, which removes them at its next start).
pub async fn delete(
    store: &Store,
    campaign: &CampaignId,
    candidate: &Candidate,
    reason: DeletionReason,
    now: Timestamp,
) -> Result<(Deleted, Option<usize>)> {
    if !store.exists(peerview_sync::DocKind::Roster, campaign.as_str()) {
        bail!(tr!("ops-campaign-not-here", campaign = campaign.as_str()));
    }
    if store.memberships()?.iter().any(|t| t.campaign == *campaign && matches!(t.invitee, Invitee::Reviewer(_))) {
        bail!(tr!("ops-only-employer-deletes"));
    }
    let deleted = lifecycle::delete_submission(store, campaign, candidate.id.as_str(), reason, now, &own_id(store))?;
    // The running node may remove this deletion's recordings itself a moment before it is asked
    // (its upkeep, a hub's session ending): they are gone all the same.
    let removed = purge_recordings(store).await?.map(|n| n.max(deleted.recordings));
    Ok((deleted, removed))
}

/// Remove the recordings of deleted submissions, here or through the running node.
pub async fn purge_recordings(store: &Store) -> Result<Option<usize>> {
    match node::purge_recordings_here(store).await {
        Err(NodeError::BlobsInUse { .. }) => match local::ask(store.root(), &Request::Purge).await? {
            Some((removed, _)) => Ok(Some(removed as usize)),
            None => Ok(None),
        },
        other => Ok(Some(other?)),
    }
}

/// Candidate: withdraw from `ticket`'s campaign, asking the employer side to delete the
/// submission. The request goes with the next sync. Returns false if it was already asked.
pub fn withdraw(store: &Store, ticket: &Ticket, now: Timestamp) -> Result<bool> {
    let Invitee::Candidate(candidate) = &ticket.invitee else {
        bail!(tr!("ops-only-candidate-withdraws"));
    };
    let submission =
        store.submission(candidate).map_err(|e| anyhow!(tr!("ops-withdraw-sync-first", error = e.to_string())))?;
    if submission.events.iter().any(|e| matches!(e.kind, peerview_sync::EventKind::Deleted { .. })) {
        bail!(tr!("ops-already-deleted"));
    }
    let asked = lifecycle::request_withdrawal(store, candidate, now, &own_id(store))?;
    if asked {
        let entry =
            audit::Entry::new(Action::Withdrawal, &own_id(store), ticket.campaign.as_str(), candidate.as_str(), None);
        if let Err(e) = audit::record(store.root(), &entry) {
            tracing::warn!(error = %e, "could not write the audit log");
        }
    }
    Ok(asked)
}

/// Note an export in the audit log (what: "summary", or a recording's hash).
pub fn audit_export(store: &Store, campaign: &str, candidate: &str, what: &str) {
    let entry = audit::Entry::new(Action::Export, &own_id(store), campaign, candidate, Some(what.to_owned()));
    if let Err(e) = audit::record(store.root(), &entry) {
        tracing::warn!(error = %e, "could not write the audit log");
    }
}
