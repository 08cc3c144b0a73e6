//! Issuing and withdrawing invites: each a roster entry holding the hash of the ticket's secret,
//! and a ticket naming the nodes that serve the campaign. Run by the command line and the
//! employer's app on the employer's data directory.

use tracing::info;

use super::EmployerError;
use crate::doc::{Candidate, Hub, InviteState, Reviewer, ReviewsDoc, RosterDoc, SubmissionDoc};
use crate::ids::{CampaignId, CandidateId, HubId, ReviewerId};
use crate::node::endpoint_hex;
use crate::store::{DocKind, Store, StoreError, StoredDoc};
use crate::ticket::{Invitee, Ticket, TicketNode};
use crate::time::Timestamp;

pub(super) fn doc_err(kind: DocKind, id: &str) -> impl FnOnce(crate::doc::DocError) -> StoreError + '_ {
    move |source| StoreError::Doc { kind, id: id.to_owned(), source }
}

pub(super) fn load_roster(store: &Store, campaign: &CampaignId) -> Result<(StoredDoc, RosterDoc), StoreError> {
    let mut stored = store.load(DocKind::Roster, campaign.as_str())?;
    let roster = RosterDoc::from_automerge(std::mem::take(&mut stored.doc))
        .map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
    Ok((stored, roster))
}

pub(super) fn save_roster(store: &Store, mut stored: StoredDoc, roster: RosterDoc) -> Result<(), StoreError> {
    stored.doc = roster.into_automerge();
    store.save(&mut stored)
}

/// Load a campaign's roster, change it with `edit`, save it.
fn update_roster(
    store: &Store,
    campaign: &CampaignId,
    edit: impl FnOnce(&mut RosterDoc) -> Result<(), crate::doc::DocError>,
) -> Result<(), StoreError> {
    let (stored, mut roster) = load_roster(store, campaign)?;
    edit(&mut roster).map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
    save_roster(store, stored, roster)
}

fn check_name(name: &str, who: &str) -> Result<(), EmployerError> {
    if name.trim().is_empty() {
        return Err(EmployerError::Invalid(format!("the {who}'s name must not be empty")));
    }
    Ok(())
}

/// What every invite shares: the roster entry `add` writes (given the trimmed name and the
/// secret's hash; only the hash is stored), and the ticket that carries the secret.
fn issue_invite(
    store: &Store,
    campaign: &CampaignId,
    invitee: Invitee,
    name: &str,
    nodes: Vec<TicketNode>,
    add: impl FnOnce(&mut RosterDoc, String, Option<String>) -> Result<(), crate::doc::DocError>,
) -> Result<Ticket, EmployerError> {
    let secret = Ticket::new_secret();
    update_roster(store, campaign, |roster| add(roster, name.trim().to_owned(), Some(Ticket::secret_hash(&secret))))?;
    Ok(Ticket { campaign: campaign.clone(), invitee, secret, nodes })
}

/// Invite a candidate: a roster entry, their (empty) submission and reviews documents, and the
/// ticket to send them. `nodes` are the employer-side nodes the ticket lists.
pub fn invite_candidate(
    store: &Store,
    campaign: &CampaignId,
    name: &str,
    email: Option<&str>,
    nodes: Vec<TicketNode>,
) -> Result<Ticket, EmployerError> {
    check_name(name, "candidate")?;
    store.campaign(campaign)?;
    let id = CandidateId::random();
    let submission = SubmissionDoc::create(campaign, &id).map_err(doc_err(DocKind::Submission, id.as_str()))?;
    let reviews = ReviewsDoc::create(campaign, &id).map_err(doc_err(DocKind::Reviews, id.as_str()))?;
    store.create(DocKind::Submission, id.as_str(), submission.into_automerge())?;
    store.create(DocKind::Reviews, id.as_str(), reviews.into_automerge())?;
    let email = email.map(str::trim).filter(|e| !e.is_empty()).map(ToOwned::to_owned);
    // The personal data in a document of its own, which deletion can remove whole.
    store.put_contact(&crate::doc::Contact {
        campaign_id: campaign.clone(),
        candidate_id: id.clone(),
        name: name.trim().to_owned(),
        email: email.clone(),
    })?;
    issue_invite(store, campaign, Invitee::Candidate(id.clone()), name, nodes, |roster, name, secret_hash| {
        roster.put_candidate(&Candidate {
            id,
            name,
            email,
            state: InviteState::Invited,
            invited_at: Timestamp::now(),
            secret_hash,
            endpoint: None,
            deleted: None,
        })
    })
}

/// This node's endpoint id (hex), derived from the store's key: who issued an invite.
pub fn own_endpoint(store: &Store) -> String {
    endpoint_hex(&iroh::SecretKey::from_bytes(&store.node_secret_key()).public())
}

/// Invite a reviewer to a campaign.
pub fn invite_reviewer(
    store: &Store,
    campaign: &CampaignId,
    name: &str,
    nodes: Vec<TicketNode>,
) -> Result<Ticket, EmployerError> {
    check_name(name, "reviewer")?;
    store.campaign(campaign)?;
    let id = ReviewerId::random();
    issue_invite(store, campaign, Invitee::Reviewer(id.clone()), name, nodes, |roster, name, secret_hash| {
        roster.put_reviewer(&Reviewer {
            id,
            name,
            state: InviteState::Invited,
            invited_at: Timestamp::now(),
            secret_hash,
            endpoint: None,
            invited_by: Some(own_endpoint(store)),
        })
    })
}

/// Invite another employer-side node (an office machine, a colleague's laptop) to hold a full
/// replica of the campaign and accept candidates too.
pub fn invite_hub(
    store: &Store,
    campaign: &CampaignId,
    name: &str,
    nodes: Vec<TicketNode>,
) -> Result<Ticket, EmployerError> {
    check_name(name, "node")?;
    store.campaign(campaign)?;
    let id = HubId::random();
    issue_invite(store, campaign, Invitee::Hub(id.clone()), name, nodes, |roster, name, secret_hash| {
        roster.put_hub(&Hub {
            id,
            name,
            state: InviteState::Invited,
            invited_at: Timestamp::now(),
            secret_hash,
            endpoint: None,
            addrs: vec![],
            relay_url: None,
            invited_by: Some(own_endpoint(store)),
        })
    })
}

/// The employer-side nodes a new ticket for `campaign` lists: this node first, then the other
/// hubs that reported an address, then the node(s) this one joined through.
pub fn ticket_nodes(store: &Store, campaign: &CampaignId, own: Option<TicketNode>) -> Vec<TicketNode> {
    let mut nodes: Vec<TicketNode> = own.into_iter().collect();
    let add = |node: TicketNode, nodes: &mut Vec<TicketNode>| {
        let reachable = !node.addrs.is_empty() || node.relay_url.is_some();
        if reachable && !nodes.iter().any(|n| n.endpoint_id == node.endpoint_id) {
            nodes.push(node);
        }
    };
    if let Ok(roster) = store.roster_ids(campaign) {
        for hub in roster.hubs.iter().filter(|h| h.state == InviteState::Joined) {
            let Some(id) = hub.endpoint.as_deref().and_then(|e| data_encoding::HEXLOWER.decode(e.as_bytes()).ok())
            else {
                continue;
            };
            let Ok(endpoint_id) = <[u8; 32]>::try_from(id.as_slice()) else { continue };
            add(TicketNode { endpoint_id, addrs: hub.addrs.clone(), relay_url: hub.relay_url.clone() }, &mut nodes);
        }
    }
    for ticket in store.memberships().unwrap_or_default() {
        if ticket.campaign == *campaign && matches!(ticket.invitee, Invitee::Hub(_)) {
            for node in ticket.nodes {
                add(node, &mut nodes);
            }
        }
    }
    nodes
}

/// A hub records where candidates can reach it, so that new tickets list it.
pub fn record_hub_address(
    store: &Store,
    campaign: &CampaignId,
    hub: &HubId,
    address: &TicketNode,
) -> Result<bool, StoreError> {
    let (stored, mut roster) = load_roster(store, campaign)?;
    let data = roster.read().map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
    let Some(entry) = data.hub(hub) else { return Ok(false) };
    if entry.addrs == address.addrs && entry.relay_url == address.relay_url {
        return Ok(false);
    }
    let updated = Hub { addrs: address.addrs.clone(), relay_url: address.relay_url.clone(), ..entry.clone() };
    roster.put_hub(&updated).map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
    save_roster(store, stored, roster)?;
    Ok(true)
}

/// Withdraw an invite (candidate, reviewer or hub id). The bound node is refused from then on.
pub fn revoke(store: &Store, campaign: &CampaignId, invitee: &str) -> Result<String, EmployerError> {
    let (stored, mut roster) = load_roster(store, campaign)?;
    let data = roster.read().map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
    let name = if let Some(c) = data.candidates.iter().find(|c| c.id.as_str() == invitee) {
        roster
            .put_candidate(&Candidate { state: InviteState::Revoked, ..c.clone() })
            .map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
        c.name.clone()
    } else if let Some(r) = data.reviewers.iter().find(|r| r.id.as_str() == invitee) {
        roster
            .put_reviewer(&Reviewer { state: InviteState::Revoked, ..r.clone() })
            .map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
        r.name.clone()
    } else if let Some(h) = data.hubs.iter().find(|h| h.id.as_str() == invitee) {
        // The hub goes, and with it every reviewer and hub it invited (and theirs, in turn):
        // what a node that is no longer trusted granted is withdrawn with it.
        let mut revoked_nodes: Vec<String> = Vec::new();
        let mut queue = vec![h.clone()];
        while let Some(hub) = queue.pop() {
            roster
                .put_hub(&Hub { state: InviteState::Revoked, ..hub.clone() })
                .map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
            let Some(node) = hub.endpoint.clone() else { continue };
            if revoked_nodes.contains(&node) {
                continue;
            }
            for r in data.reviewers.iter().filter(|r| r.invited_by.as_deref() == Some(&node)) {
                if r.state != InviteState::Revoked {
                    roster
                        .put_reviewer(&Reviewer { state: InviteState::Revoked, ..r.clone() })
                        .map_err(doc_err(DocKind::Roster, campaign.as_str()))?;
                    info!(reviewer = %r.id, hub = %hub.id, "revoked with the hub that invited them");
                }
            }
            queue.extend(
                data.hubs
                    .iter()
                    .filter(|x| x.invited_by.as_deref() == Some(&node) && x.state != InviteState::Revoked)
                    .cloned(),
            );
            revoked_nodes.push(node);
        }
        h.name.clone()
    } else {
        return Err(EmployerError::Invalid(format!("no candidate, reviewer or node {invitee} in campaign {campaign}")));
    };
    save_roster(store, stored, roster)?;
    Ok(name)
}
