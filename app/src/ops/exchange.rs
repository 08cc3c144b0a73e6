//! One exchange with the employer side, written once for every caller (`peerview submit`,
//! `sync`, the fragments sent while a take is recorded, and the candidate app's sync loop):
//! a candidate syncs its documents, offers its recordings when the submission references any
//! (the employer fetches what it lacks over this connection) and syncs again for the receipt;
//! a reviewer syncs and downloads recordings; an employer-side node replicates.

use peerview_sync::client::{self, ClientError, Replicated, SyncOutcome};
use peerview_sync::node::Node;
use peerview_sync::ticket::{Invitee, Ticket};

use crate::tr;

/// What an exchange moved.
#[derive(Debug)]
pub enum Exchanged {
    Candidate {
        synced: SyncOutcome,
        /// Whether recordings were offered (the submission references some).
        offered: bool,
    },
    Reviewer {
        synced: SyncOutcome,
        recordings: usize,
    },
    Hub(Replicated),
    /// The employer side deleted the candidate's submission; the receipt is kept here.
    Deleted(peerview_sync::Deletion),
}

impl std::fmt::Display for Exchanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Exchanged::Candidate { synced, offered: false } => {
                tr!("ops-exchanged-candidate", documents = synced.docs.len(), changed = synced.changed.len())
            }
            Exchanged::Candidate { synced, offered: true } => {
                tr!("ops-exchanged-candidate-offered", documents = synced.docs.len(), changed = synced.changed.len())
            }
            Exchanged::Reviewer { synced, recordings } => tr!(
                "ops-exchanged-reviewer",
                documents = synced.docs.len(),
                changed = synced.changed.len(),
                recordings = *recordings
            ),
            Exchanged::Deleted(d) => super::describe::deleted_on(d.reason, d.at),
            Exchanged::Hub(r) => {
                tr!("ops-exchanged-hub", changed = r.changed_docs, recordings = r.fetched_recordings)
            }
        };
        f.write_str(&text)
    }
}

impl Exchanged {
    /// How the employer side was reached ("direct (ADDR)", "via relay URL"), when known.
    pub fn path(&self) -> Option<&str> {
        match self {
            Exchanged::Candidate { synced, .. } | Exchanged::Reviewer { synced, .. } => synced.path.as_deref(),
            Exchanged::Hub(_) | Exchanged::Deleted(_) => None,
        }
    }
}

/// Exchange what this node holds for `ticket`'s campaign with the employer side.
pub async fn exchange(node: &Node, ticket: &Ticket) -> Result<Exchanged, ClientError> {
    match &ticket.invitee {
        Invitee::Hub(_) => {
            let own = node.store.node_address();
            Ok(Exchanged::Hub(client::replicate(node, ticket, own.as_ref()).await?))
        }
        Invitee::Reviewer(_) => {
            let synced = client::sync_documents(node, ticket).await?;
            let recordings = client::fetch_recordings(node, ticket).await?;
            Ok(Exchanged::Reviewer { synced, recordings })
        }
        Invitee::Candidate(_) => {
            // Deleted on the employer side: nothing more to send, ever.
            if let Some(receipt) = node.store.submission_of(ticket)?.and_then(|s| deletion_receipt(&s)) {
                return Ok(Exchanged::Deleted(receipt));
            }
            let mut synced = match client::sync_documents(node, ticket).await {
                Err(ClientError::Deleted(d)) => return Ok(Exchanged::Deleted(d)),
                other => other?,
            };
            // A candidate who withdrew sends no recordings.
            let offered = node
                .store
                .submission_of(ticket)?
                .is_some_and(|s| !s.withdrawal_requested() && (s.takes().next().is_some() || !s.uploads.is_empty()));
            if offered {
                client::offer_recordings(node, ticket).await?;
                synced = match client::sync_documents(node, ticket).await {
                    Err(ClientError::Deleted(d)) => return Ok(Exchanged::Deleted(d)),
                    other => other?,
                };
            }
            Ok(Exchanged::Candidate { synced, offered })
        }
    }
}

/// The receipt of a deletion the candidate's copy keeps, if the employer side deleted it.
pub fn deletion_receipt(s: &peerview_sync::Submission) -> Option<peerview_sync::Deletion> {
    s.events.iter().find_map(|e| match e.kind {
        peerview_sync::EventKind::Deleted { reason } => Some(peerview_sync::Deletion { at: e.at, reason }),
        _ => None,
    })
}
