//! `peerview message`, `grant` and `decline`, and the conversations `status` prints: the
//! candidate asks, the employer side answers (the workflow is `ops::messages`).

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{Store, Timestamp};

use super::open_store;
use super::p2p::{NotSent, deliver, status_of, with_backoff};
use crate::ops::Net;
use crate::tr;

pub fn message(
    data_dir: &Path,
    net: Net,
    target: &str,
    text: &str,
    request: Option<peerview_sync::doc::RequestKind>,
    wait: Duration,
) -> Result<()> {
    use peerview_sync::doc::MessageBody;
    let store = open_store(data_dir)?;
    let now = Timestamp::now();
    let mine: Vec<Ticket> = store
        .memberships()?
        .into_iter()
        .filter(|t| matches!(t.invitee, Invitee::Candidate(_)) && t.campaign.as_str().starts_with(target))
        .collect();
    if let [ticket] = mine.as_slice() {
        let body = match request {
            Some(kind) => MessageBody::Request { kind, reason: text.trim().to_owned() },
            None => MessageBody::Text(text.trim().to_owned()),
        };
        crate::ops::messages::send_as_candidate(&store, ticket, body, now)?;
        println!("{}", tr!("cli-message-kept-sending"));
        drop(store);
        if let Err(e) = with_backoff(wait, || deliver(data_dir, net.clone(), ticket)) {
            if e.downcast_ref::<NotSent>().is_none() {
                return Err(e);
            }
            println!("{e:#}");
        }
        return status_of(data_dir, Some(&ticket.campaign));
    }
    if request.is_some() {
        bail!(tr!("cli-message-only-candidates-ask", target = target));
    }
    let (campaign, candidate) = crate::ops::lifecycle::find_candidate(&store, None, target)?;
    crate::ops::messages::send_as_employer(&store, &candidate.id, text, now)?;
    println!("{}", tr!("cli-message-kept", name = candidate.name.as_str()));
    // A reviewer's computer sends it to the employer side now.
    let reviewer = store.memberships()?.into_iter().find(|t| t.campaign == campaign);
    drop(store);
    if let Some(ticket) = reviewer
        && let Err(e) = with_backoff(wait, || deliver(data_dir, net.clone(), &ticket))
    {
        println!("{e:#}");
    }
    Ok(())
}

pub fn answer_request(
    data_dir: &Path,
    who: &str,
    request: Option<&str>,
    grant: bool,
    amount: Option<peerview_sync::doc::RequestKind>,
    note: &str,
) -> Result<()> {
    let store = open_store(data_dir)?;
    let (_, candidate) = crate::ops::lifecycle::find_candidate(&store, None, who)?;
    let asked =
        crate::ops::messages::answer_request(&store, &candidate.id, request, grant, amount, note, Timestamp::now())?;
    let what = match &asked.body {
        peerview_sync::doc::MessageBody::Request { kind, .. } => crate::ops::messages::describe_request(kind),
        _ => tr!("ops-the-request"),
    };
    let name = candidate.name.as_str();
    if grant {
        println!("{}", tr!("cli-request-granted", name = name, what = what));
    } else {
        println!("{}", tr!("cli-request-declined", name = name, what = what));
    }
    Ok(())
}

/// A submission's conversation and open requests, for `status`.
pub(super) fn conversation(s: &peerview_sync::Submission) {
    if s.messages.is_empty() {
        return;
    }
    println!("  {}", tr!("cli-status-messages"));
    for line in crate::ops::messages::thread_lines(s) {
        println!("    {line}");
    }
    let open = peerview_sync::doc::messages::open_requests(&s.messages);
    if !open.is_empty() {
        println!("  {}", tr!("cli-status-open-requests", count = open.len()));
    }
}

/// Employer side: the conversations of the candidates of campaigns held here (not as a
/// reviewer or candidate), with open requests first.
pub(super) fn employer_conversations(store: &Store, memberships: &[Ticket]) -> Result<()> {
    let (campaigns, _) = store.campaigns()?;
    let marks = crate::ops::messages::ReadMarks::load(store);
    for campaign in campaigns {
        if memberships.iter().any(|t| t.campaign == campaign.id && matches!(t.invitee, Invitee::Candidate(_))) {
            continue;
        }
        let Ok(roster) = store.roster(&campaign.id) else { continue };
        for c in &roster.candidates {
            let Ok(s) = store.submission(&c.id) else { continue };
            if s.messages.is_empty() {
                continue;
            }
            let open = peerview_sync::doc::messages::open_requests(&s.messages).len();
            let unread = marks.unread(&s, peerview_sync::doc::Side::Employer);
            println!(
                "{}",
                tr!(
                    "cli-status-conversation",
                    campaign = campaign.title.as_str(),
                    name = c.name.as_str(),
                    id = c.id.as_str(),
                    messages = s.messages.len(),
                    unread = unread,
                    open = open
                )
            );
            for line in crate::ops::messages::thread_lines(&s) {
                println!("    {line}");
            }
        }
    }
    Ok(())
}
