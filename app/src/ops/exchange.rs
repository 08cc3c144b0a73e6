//! One exchange with the employer side, written once for every caller (`peerview submit`,
//! `sync`, the fragments sent while a take is recorded, and the candidate app's sync loop):
//! a candidate syncs its documents, offers its recordings when the submission references any
//! (the employer fetches what it lacks over this connection) and syncs again for the receipt;
//! a reviewer syncs and downloads recordings; an employer-side node replicates.

use peerview_sync::client::{self, ClientError, Replicated, SyncOutcome};
use peerview_sync::node::Node;
use peerview_sync::ticket::{Invitee, Ticket};

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
}

impl std::fmt::Display for Exchanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exchanged::Candidate { synced, offered } => {
                write!(f, "synced {} documents ({} changed)", synced.docs.len(), synced.changed.len())?;
                if *offered { f.write_str("; recordings offered") } else { Ok(()) }
            }
            Exchanged::Reviewer { synced, recordings } => write!(
                f,
                "synced {} documents ({} changed), {recordings} recordings downloaded",
                synced.docs.len(),
                synced.changed.len()
            ),
            Exchanged::Hub(r) => {
                write!(
                    f,
                    "replicated ({} documents changed, {} recordings copied)",
                    r.changed_docs, r.fetched_recordings
                )
            }
        }
    }
}

impl Exchanged {
    /// How the employer side was reached ("direct (ADDR)", "via relay URL"), when known.
    pub fn path(&self) -> Option<&str> {
        match self {
            Exchanged::Candidate { synced, .. } | Exchanged::Reviewer { synced, .. } => synced.path.as_deref(),
            Exchanged::Hub(_) => None,
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
            let mut synced = client::sync_documents(node, ticket).await?;
            let offered =
                node.store.submission_of(ticket)?.is_some_and(|s| s.takes().next().is_some() || !s.uploads.is_empty());
            if offered {
                client::offer_recordings(node, ticket).await?;
                synced = client::sync_documents(node, ticket).await?;
            }
            Ok(Exchanged::Candidate { synced, offered })
        }
    }
}
