//! The candidate's and reviewer's side: dial the employer node(s) from a ticket, sync the
//! documents this node may see, offer recordings for the employer to fetch (candidates), and
//! download recordings (reviewers). Every step resumes where it stopped when run again.

use automerge::AutoCommit;
use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use iroh::endpoint::Connection;
use tracing::{debug, info, warn};

use crate::auth::DocRef;
use crate::node::{CONNECT_TIMEOUT, Node, endpoint_addr};
use crate::protocol::{Claim, Entry, Msg, PROTOCOL_VERSION, SYNC_ALPN, WireError, close_code, read_msg, write_msg};
use crate::store::{StoreError, StoredDoc};
use crate::ticket::{Invitee, Ticket};

mod recordings;

pub use recordings::{Replicated, UploadProgress, fetch_recordings, offer_recordings, replicate, upload_progress};

/// Sync rounds after which a session that does not settle is abandoned.
const MAX_ROUNDS: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(
        "could not reach the employer ({0}); everything is kept on this computer and will be sent when the employer is reachable"
    )]
    Unreachable(String),
    #[error("the employer refused: {0}")]
    Refused(String),
    #[error("talking to the employer: {0}")]
    Wire(#[from] WireError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the transfer was interrupted ({0}); it resumes where it stopped next time")]
    Interrupted(String),
    #[error("the employer is busy with many connections at once; try again in a moment")]
    Busy,
    #[error("the employer side deleted this submission ({}) on {}", .0.reason.describe(), crate::auth::humanize(.0.at))]
    Deleted(crate::doc::Deletion),
}

fn deleted(at: i64, reason: &str) -> ClientError {
    match reason.parse() {
        Ok(reason) => ClientError::Deleted(crate::doc::Deletion { at: crate::Timestamp(at), reason }),
        Err(()) => ClientError::Wire(WireError::Malformed(format!("unknown deletion reason {reason:?}"))),
    }
}

/// What the employer's node says when it turns a connection away for a moment.
pub const BUSY_REASON: &str = "busy: try again in a moment";

/// Head start of each node listed in a ticket over the next one.
const CONNECT_STAGGER: std::time::Duration = std::time::Duration::from_millis(400);

/// Dial the employer-side nodes listed in the ticket and use the first that answers. They are
/// tried in the ticket's order, each with a short head start over the next, so an unreachable
/// first node costs a fraction of a second rather than a whole connect timeout.
pub async fn connect(node: &Node, ticket: &Ticket, alpn: &[u8]) -> Result<Connection, ClientError> {
    let mut errors = Vec::new();
    let mut attempts = n0_future::FuturesUnordered::new();
    for (i, target) in ticket.nodes.iter().enumerate() {
        let Some(addr) = endpoint_addr(target) else {
            errors.push("a node in the ticket has an invalid id".to_owned());
            continue;
        };
        let endpoint = node.endpoint.clone();
        let delay = CONNECT_STAGGER * u32::try_from(i).unwrap_or(u32::MAX);
        attempts.push(async move {
            tokio::time::sleep(delay).await;
            match tokio::time::timeout(CONNECT_TIMEOUT, endpoint.connect(addr, alpn)).await {
                Ok(Ok(conn)) => Ok(conn),
                // The employer turns handshakes away from an address that starts too many.
                Ok(Err(e)) if refused_handshake(&e) => Err(format!("{BUSY_REASON} ({e})")),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(format!("no answer within {} s", CONNECT_TIMEOUT.as_secs())),
            }
        });
    }
    while let Some(attempt) = n0_future::StreamExt::next(&mut attempts).await {
        match attempt {
            Ok(conn) => return Ok(conn),
            Err(e) => errors.push(e),
        }
    }
    Err(ClientError::Unreachable(errors.join("; ")))
}

/// Whether the other side refused the connection before its handshake (QUIC's
/// `CONNECTION_REFUSED`), as an employer does to an address that starts too many handshakes
/// (`budget::Admission::handshake`).
fn refused_handshake(e: &iroh::endpoint::ConnectError) -> bool {
    use iroh::endpoint::{ConnectError, ConnectingError, ConnectionError, TransportErrorCode};
    let (ConnectError::Connecting { source: ConnectingError::ConnectionError { source: error, .. }, .. }
    | ConnectError::Connection { source: error, .. }) = e
    else {
        return false;
    };
    matches!(error, ConnectionError::ConnectionClosed(close) if close.error_code == TransportErrorCode::CONNECTION_REFUSED)
}

fn claim(ticket: &Ticket) -> Claim {
    Claim { campaign: ticket.campaign.clone(), invitee: ticket.invitee.clone(), secret: ticket.secret }
}

/// A document as this node holds it during a sync session.
struct LocalDoc {
    doc_ref: DocRef,
    /// Boxed, as `fresh`: a document is kilobytes inline, and a first sync moves thousands of these.
    stored: Option<Box<StoredDoc>>,
    /// A document new here, created when first needed (each draws a random actor id: a first
    /// sync has thousands that arrive whole and never need one).
    fresh: Option<Box<AutoCommit>>,
    state: SyncState,
    /// Rebuilt on another history (`crate::legacy`): saved whole, replacing the old copy.
    replaced: bool,
    /// A new document as it arrived whole (one message, nothing missing): saved as it is.
    arrived_whole: Option<Vec<u8>>,
    /// Not loaded (`crate::whole`): new here and empty (no heads), or arrived whole (the heads
    /// `arrived_whole` holds); and whether the employer side was told we hold these heads.
    /// Loaded only if the employer side says more than the whole document.
    unloaded: Option<(Vec<automerge::ChangeHash>, bool)>,
}

impl LocalDoc {
    fn new(doc_ref: DocRef, stored: Option<StoredDoc>) -> Self {
        LocalDoc {
            doc_ref,
            fresh: None,
            state: SyncState::new(),
            replaced: false,
            arrived_whole: None,
            unloaded: stored.is_none().then(|| (Vec::new(), false)),
            stored: stored.map(Box::new),
        }
    }

    fn heads(&mut self) -> Vec<automerge::ChangeHash> {
        match &self.unloaded {
            Some((heads, _)) => heads.clone(),
            None => self.doc().get_heads(),
        }
    }

    /// This round's message for the employer side.
    fn message(&mut self) -> Option<SyncMessage> {
        if let Some((heads, told)) = &mut self.unloaded {
            return (!std::mem::replace(told, true)).then(|| crate::whole::holding(heads.clone()));
        }
        let mut state = std::mem::take(&mut self.state);
        let message = self.doc().sync().generate_sync_message(&mut state);
        self.state = state;
        message
    }

    /// Take one message of the employer side's. A document new here that arrives whole is kept
    /// as it arrived, not loaded (a first sync brings thousands); one kept so is loaded when the
    /// employer side has more to say about it.
    fn receive(&mut self, message: SyncMessage) -> Result<(), ClientError> {
        let empty = self.unloaded.as_ref().is_some_and(|(heads, _)| heads.is_empty());
        if empty && let Some((bytes, heads)) = crate::whole::carried(&message) {
            self.arrived_whole = Some(bytes.to_vec());
            self.unloaded = Some((heads, false));
            return Ok(());
        }
        if let Some((heads, _)) = self.unloaded.take()
            && !heads.is_empty()
        {
            let bytes = self.arrived_whole.as_deref().unwrap_or_default();
            self.fresh = Some(Box::new(AutoCommit::load(bytes).map_err(|e| {
                WireError::Malformed(format!("{} {} arrived unusable: {e}", self.doc_ref.kind, self.doc_ref.id))
            })?));
        }
        // A document new here that arrives whole in another form (one message, nothing missing):
        // those bytes are what saving it would write.
        let changes = !message.changes.is_empty();
        let whole = (changes && self.stored.is_none() && self.heads().is_empty())
            .then(|| message.changes.iter().flatten().copied().collect::<Vec<u8>>());
        let mut state = std::mem::take(&mut self.state);
        let result = self.doc().sync().receive_sync_message(&mut state, message);
        self.state = state;
        result.map_err(|e| WireError::Malformed(e.to_string()))?;
        if changes {
            self.arrived_whole = whole.filter(|_| self.doc().get_missing_deps(&[]).is_empty());
        }
        Ok(())
    }

    fn doc(&mut self) -> &mut AutoCommit {
        match &mut self.stored {
            Some(s) => &mut s.doc,
            None => self.fresh.get_or_insert_default(),
        }
    }
}

/// What a sync session moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncOutcome {
    pub docs: Vec<DocRef>,
    /// Documents whose contents changed here.
    pub changed: Vec<DocRef>,
    pub rounds: usize,
    /// How the employer side was reached ("direct (ADDR)", "via relay URL").
    pub path: Option<String>,
    /// Nothing of what the employer side offered was here before: all of it came as it keeps
    /// it now (a first sync).
    pub first: bool,
}

/// Sync every document this node may see with the employer (claiming the invite the first
/// time), and save what arrived.
pub async fn sync_documents(node: &Node, ticket: &Ticket) -> Result<SyncOutcome, ClientError> {
    let mut delay = BUSY_FIRST_RETRY;
    let mut attempt = 0;
    loop {
        let mut welcomed = false;
        let result = match connect(node, ticket, SYNC_ALPN).await {
            Ok(conn) => {
                // Read why the employer closed before closing our side (which replaces the reason).
                let result = sync_over(node, ticket, &conn, &mut welcomed)
                    .await
                    .map(|mut outcome| {
                        outcome.path = crate::node::path_of(&conn);
                        if let Some(path) = &outcome.path
                            && let Err(e) = node.store.save_contact(&ticket.campaign, path, crate::Timestamp::now())
                        {
                            debug!(error = %e, "could not note how the employer was reached");
                        }
                        outcome
                    })
                    .map_err(|e| if was_busy(&conn) { ClientError::Busy } else { e });
                conn.close(iroh::endpoint::VarInt::from_u32(close_code::DONE), b"bye");
                after_session(node, ticket, &conn, &result).await;
                result
            }
            Err(ClientError::Unreachable(e)) if e.contains(BUSY_REASON) => Err(ClientError::Busy),
            Err(e) => Err(e),
        };
        // The employer turns connections away at once while too many are waiting to say who
        // they are (many candidates at the same moment): come back a moment later. A connection
        // lost before the employer even answered the Hello is the same situation seen from the
        // network (nothing was exchanged yet), so it is retried the same way.
        let lost_early = !welcomed && matches!(result, Err(ClientError::Wire(WireError::Io(_) | WireError::Timeout)));
        if (matches!(result, Err(ClientError::Busy)) || lost_early) && attempt < BUSY_RETRIES {
            attempt += 1;
            let jitter = {
                let mut b = [0u8; 2];
                getrandom::fill(&mut b).map_or(0, |()| u64::from(u16::from_le_bytes(b)))
            };
            let wait = delay + std::time::Duration::from_millis(jitter % (delay.as_millis() as u64).max(1));
            debug!(attempt, wait_ms = wait.as_millis() as u64, "the employer is busy; trying again");
            tokio::time::sleep(wait).await;
            delay = (delay * 2).min(BUSY_MAX_RETRY);
            continue;
        }
        return result;
    }
}

/// What a finished session leaves to do: a candidate keeps the receipt of a deletion; an
/// employer-side node (reviewer, hub) applies the deletions the roster brought.
async fn after_session(node: &Node, ticket: &Ticket, conn: &Connection, result: &Result<SyncOutcome, ClientError>) {
    match (result, &ticket.invitee) {
        (Err(ClientError::Deleted(deletion)), Invitee::Candidate(candidate)) => {
            let employer = crate::node::endpoint_hex(&conn.remote_id());
            if let Err(e) = crate::lifecycle::record_receipt(&node.store, candidate, *deletion, &employer) {
                tracing::warn!(error = %e, "could not keep the receipt of the deletion");
            }
        }
        // A first sync brought only what the employer side keeps now (it offers no document of a
        // deleted submission) and nothing was here before: nothing to remove.
        (Ok(outcome), Invitee::Reviewer(_) | Invitee::Hub(_)) if !outcome.first => {
            let me = crate::node::endpoint_hex(&node.id());
            match crate::lifecycle::purge_local(&node.store, &me) {
                Ok(removed) if !removed.is_empty() => {
                    tracing::info!(removed = removed.len(), "removed submissions deleted by the employer side");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "removing deleted submissions"),
            }
            if let Err(e) = node.purge_recordings().await {
                tracing::warn!(error = %e, "removing the recordings of deleted submissions");
            }
        }
        _ => {}
    }
}

/// Retries when the employer is busy: the first after about this long, then doubling.
const BUSY_FIRST_RETRY: std::time::Duration = std::time::Duration::from_millis(100);
const BUSY_MAX_RETRY: std::time::Duration = std::time::Duration::from_secs(3);
/// About 40 s of retries in all: a crowd at the same moment clears well within that.
const BUSY_RETRIES: u32 = 16;

/// [`connect`], again a moment later while the employer turns the handshake away as busy.
async fn connect_when_free(node: &Node, ticket: &Ticket, alpn: &[u8]) -> Result<Connection, ClientError> {
    let mut delay = BUSY_FIRST_RETRY;
    for _ in 0..BUSY_RETRIES {
        match connect(node, ticket, alpn).await {
            Err(ClientError::Unreachable(e)) if e.contains(BUSY_REASON) => {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(BUSY_MAX_RETRY);
            }
            other => return other,
        }
    }
    connect(node, ticket, alpn).await
}

/// Whether the employer closed the connection because it was busy (before any Hello was read).
fn was_busy(conn: &Connection) -> bool {
    conn.close_reason().is_some_and(|r| r.to_string().contains(BUSY_REASON))
}

async fn sync_over(
    node: &Node,
    ticket: &Ticket,
    conn: &Connection,
    welcomed: &mut bool,
) -> Result<SyncOutcome, ClientError> {
    let store = &node.store;
    let (mut send, mut recv) = conn.open_bi().await.map_err(|e| ClientError::Unreachable(e.to_string()))?;
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim(ticket)) }).await?;
    let doc_refs = match read_msg(&mut recv).await {
        Ok(Msg::Welcome { docs }) => docs,
        Ok(Msg::Refused { reason }) => return Err(ClientError::Refused(reason)),
        Ok(Msg::Deleted { at, reason }) => return Err(deleted(at, &reason)),
        Ok(_) => return Err(WireError::Malformed("expected Welcome".into()).into()),
        Err(WireError::Closed) => return Err(ClientError::Refused(close_reason(conn))),
        Err(e) => return Err(e.into()),
    };
    *welcomed = true;
    store.save_membership(ticket)?;
    let mut docs = Vec::new();
    // Documents of a submission deleted here: an employer-side node that has not seen the
    // deletion yet may still offer them; they are neither taken nor sent.
    let mut ignored = std::collections::HashSet::new();
    let deleted_candidates: std::collections::HashSet<String> = store.deleted()?.into_iter().map(|(c, _)| c).collect();
    let deleted_here = |d: &DocRef| d.kind.candidate_of(&d.id).is_some_and(|c| deleted_candidates.contains(c));
    let brought = scorecards_to_bring(store, ticket, &doc_refs)?;
    let session: Vec<DocRef> = doc_refs.into_iter().chain(brought).collect();
    // One listing per kind says which documents are here already (a first sync holds none of
    // thousands); only those are loaded.
    let held = held_here(store, &session)?;
    let first = held.is_empty();
    for doc_ref in session {
        if deleted_here(&doc_ref) {
            ignored.insert(doc_ref);
            continue;
        }
        docs.push(if held.contains(&doc_ref) { local_doc(store, doc_ref)? } else { LocalDoc::new(doc_ref, None) });
    }
    let mut heads_before: Vec<_> = docs.iter_mut().map(LocalDoc::heads).collect();
    let mut position: std::collections::HashMap<DocRef, usize> =
        docs.iter().enumerate().map(|(i, d)| (d.doc_ref.clone(), i)).collect();
    let mut rounds = 0;
    loop {
        let mut sent_changes = false;
        let entries: Vec<Entry> = docs
            .iter_mut()
            .map(|d| {
                let message = d.message();
                sent_changes |= message.as_ref().is_some_and(|m| !m.changes.is_empty());
                Entry { doc: d.doc_ref.clone(), message: message.map(SyncMessage::encode) }
            })
            .collect();
        write_msg(&mut send, &Msg::Round { entries }).await?;
        let reply = match read_msg(&mut recv).await {
            Ok(Msg::Round { entries }) => entries,
            Ok(Msg::Refused { reason }) => return Err(ClientError::Refused(reason)),
            Ok(Msg::Deleted { at, reason }) => return Err(deleted(at, &reason)),
            Ok(_) => return Err(WireError::Malformed("expected Round".into()).into()),
            Err(WireError::Closed) => return Err(ClientError::Refused(close_reason(conn))),
            Err(e) => return Err(e.into()),
        };
        let mut messages = Vec::new();
        for entry in reply {
            let Some(bytes) = entry.message else { continue };
            if ignored.contains(&entry.doc) {
                continue;
            }
            let i = match position.get(&entry.doc) {
                Some(&i) => i,
                // Other reviewers' scorecards join a session once ours is submitted.
                None if entry.doc.kind == crate::store::DocKind::Scorecard && !deleted_here(&entry.doc) => {
                    position.insert(entry.doc.clone(), docs.len());
                    docs.push(local_doc(store, entry.doc.clone())?);
                    heads_before.push(Vec::new());
                    docs.len() - 1
                }
                None => {
                    return Err(WireError::Malformed(format!(
                        "a message for {} {} that was not offered",
                        entry.doc.kind, entry.doc.id
                    ))
                    .into());
                }
            };
            let message = SyncMessage::decode(&bytes).map_err(|e| WireError::Malformed(e.to_string()))?;
            messages.push((i, message));
        }
        // Nothing came back, and what went carried no changes (only what this side has and
        // needs): the next round would carry nothing either way.
        let received = !messages.is_empty();
        receive_all(&mut docs, messages)?;
        rebase_rewritten(&mut docs, &heads_before, ticket)?;
        rounds += 1;
        if !sent_changes && !received {
            break;
        }
        if rounds >= MAX_ROUNDS {
            let busy: Vec<String> = docs
                .iter_mut()
                .map(|d| {
                    let heads = d.heads().len();
                    format!("{} {} ({heads} heads)", d.doc_ref.kind, d.doc_ref.id)
                })
                .collect();
            return Err(WireError::Malformed(format!(
                "the sync did not settle after {rounds} rounds (sent: {sent_changes}, received: {received}; {})",
                busy.join(", ")
            ))
            .into());
        }
    }
    let _ = write_msg(&mut send, &Msg::Bye).await;
    let _ = send.finish();
    let mut outcome = SyncOutcome { rounds, first, ..SyncOutcome::default() };
    // One flush of the disk for all of them (a reviewer's first sync brings thousands). Rosters
    // last: on a hub, a roster entry lets a candidate in, so the candidate's documents must
    // already be here when it appears.
    let (rosters, others): (Vec<_>, Vec<_>) =
        docs.into_iter().zip(heads_before).partition(|(d, _)| d.doc_ref.kind == crate::store::DocKind::Roster);
    for group in [others, rosters] {
        let mut changed = Vec::new();
        let mut new = Vec::new();
        for (mut d, before) in group {
            let heads = d.heads();
            if heads != before {
                outcome.changed.push(d.doc_ref.clone());
            }
            outcome.docs.push(d.doc_ref.clone());
            match d.stored.take() {
                Some(mut stored) if d.replaced => store.replace(&mut stored)?,
                Some(stored) => changed.push(*stored),
                None if !heads.is_empty() => new.push(match d.arrived_whole {
                    // Not loaded here: the next open checks it (`NewContents::Unchecked`).
                    Some(bytes) if d.unloaded.is_some() => {
                        crate::store::NewDoc::unchecked(d.doc_ref.kind, d.doc_ref.id, bytes)
                    }
                    Some(bytes) => crate::store::NewDoc::encoded(d.doc_ref.kind, d.doc_ref.id, bytes),
                    None => crate::store::NewDoc::new(d.doc_ref.kind, d.doc_ref.id, *d.fresh.unwrap_or_default()),
                }),
                None => {}
            }
        }
        let mut refs: Vec<&mut crate::store::StoredDoc> = changed.iter_mut().collect();
        store.save_batch(&mut refs, new)?;
    }
    debug!(rounds, changed = outcome.changed.len(), "sync finished");
    Ok(outcome)
}

/// Apply the employer's messages (each for the document at its index), a few threads at once
/// when there are many: a first sync brings thousands of documents whole.
fn receive_all(docs: &mut [LocalDoc], mut messages: Vec<(usize, SyncMessage)>) -> Result<(), ClientError> {
    // Each document with the messages for it (in the order they came), so that threads get
    // documents of their own.
    messages.sort_by_key(|(i, _)| *i);
    let mut pending = messages.into_iter().peekable();
    let mut work = Vec::new();
    for (i, d) in docs.iter_mut().enumerate() {
        let mut mine = Vec::new();
        while let Some((_, message)) = pending.next_if(|(j, _)| *j == i) {
            mine.push(message);
        }
        if !mine.is_empty() {
            work.push((d, mine));
        }
    }
    crate::parallel::runs(work, |part| {
        part.into_iter().try_for_each(|(d, mine)| mine.into_iter().try_for_each(|message| d.receive(message)))
    })
    .into_iter()
    .collect()
}

/// Reviews documents the employer side rewrote (`crate::legacy`), whose old copy here just
/// met the new history: rebuilt on the employer side's history alone, carrying over what this
/// computer wrote (a reviewer its own entry, a hub every entry), before the next round could
/// send the old history back. The sync of that document starts again from the rebuilt copy.
fn rebase_rewritten(
    docs: &mut [LocalDoc],
    heads_before: &[Vec<automerge::ChangeHash>],
    ticket: &Ticket,
) -> Result<(), ClientError> {
    let mine = match &ticket.invitee {
        Invitee::Reviewer(me) => Some(me),
        Invitee::Hub(_) => None,
        Invitee::Candidate(_) => return Ok(()),
    };
    for (d, ours) in docs.iter_mut().zip(heads_before) {
        if d.doc_ref.kind != crate::store::DocKind::Reviews || d.stored.is_none() {
            continue;
        }
        let Some(theirs) = d.state.their_heads.clone() else { continue };
        let rebuilt = crate::legacy::rebase_on_theirs(d.doc(), ours, &theirs, mine)
            .map_err(|e| WireError::Malformed(format!("reviews {}: {e}", d.doc_ref.id)))?;
        if let Some(rebuilt) = rebuilt {
            info!(id = d.doc_ref.id, "the employer side rewrote these reviews; our copy is rebuilt on theirs");
            *d.doc() = rebuilt;
            d.state = SyncState::new();
            d.replaced = true;
        }
    }
    Ok(())
}

fn local_doc(store: &crate::store::Store, doc_ref: DocRef) -> Result<LocalDoc, ClientError> {
    let stored = match store.load(doc_ref.kind, &doc_ref.id) {
        Ok(s) => Some(s),
        Err(StoreError::NotFound { .. }) => None,
        // Every file of it was damaged (moved to quarantine and reported): taken again whole.
        Err(e @ StoreError::AllCorrupt { .. }) => {
            warn!(error = %e, "a document held here is unreadable; taking it again from the employer side");
            None
        }
        Err(e) => return Err(e.into()),
    };
    Ok(LocalDoc::new(doc_ref, stored))
}

/// Which of these documents this store holds (one listing per kind).
fn held_here(
    store: &crate::store::Store,
    offered: &[DocRef],
) -> Result<std::collections::HashSet<DocRef>, ClientError> {
    let kinds: std::collections::BTreeSet<crate::store::DocKind> = offered.iter().map(|d| d.kind).collect();
    let mut held = std::collections::HashSet::new();
    for kind in kinds {
        let ids: std::collections::HashSet<String> = match store.list(kind) {
            Ok(ids) => ids.into_iter().collect(),
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e.into()),
        };
        held.extend(offered.iter().filter(|d| d.kind == kind && ids.contains(&d.id)).cloned());
    }
    Ok(held)
}

/// Scorecards held here that the employer side did not offer (it may not have them yet): a
/// reviewer brings its own, a hub every one, of the submissions offered.
fn scorecards_to_bring(
    store: &crate::store::Store,
    ticket: &Ticket,
    offered: &[DocRef],
) -> Result<Vec<DocRef>, ClientError> {
    use crate::store::DocKind;
    let me = match &ticket.invitee {
        Invitee::Reviewer(me) => Some(me),
        Invitee::Hub(_) => None,
        Invitee::Candidate(_) => return Ok(Vec::new()),
    };
    let submissions: std::collections::HashSet<&str> =
        offered.iter().filter(|d| d.kind == DocKind::Submission).map(|d| d.id.as_str()).collect();
    let ids = match store.list(DocKind::Scorecard) {
        Ok(ids) => ids,
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    Ok(ids
        .into_iter()
        .filter(|id| {
            crate::ids::parse_scorecard_id(id).is_some_and(|(candidate, reviewer)| {
                submissions.contains(candidate.as_str()) && me.is_none_or(|me| *me == reviewer)
            })
        })
        .map(|id| DocRef { kind: DocKind::Scorecard, id })
        .filter(|d| !offered.contains(d))
        .collect())
}

fn close_reason(conn: &Connection) -> String {
    match conn.close_reason() {
        Some(iroh::endpoint::ConnectionError::ApplicationClosed(c)) => String::from_utf8_lossy(&c.reason).into_owned(),
        Some(other) => other.to_string(),
        None => "the connection closed".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::{ROOT, ReadDoc};

    use super::*;

    /// The employer side's document, and ours after its first message and the whole document
    /// in answer; with the bytes and heads that arrived.
    fn arrived_whole() -> (AutoCommit, LocalDoc, Vec<u8>, Vec<automerge::ChangeHash>) {
        let mut theirs = AutoCommit::new();
        theirs.put(ROOT, "n", 1).expect("put");
        let (saved, heads) = (theirs.save(), theirs.get_heads());
        let mut d = LocalDoc::new(DocRef { kind: crate::store::DocKind::Roster, id: "r".into() }, None);
        let first = d.message().expect("a first message");
        assert!(crate::whole::peer_has_nothing(&first));
        d.receive(crate::whole::message(saved.clone(), heads.clone())).expect("receive");
        (theirs, d, saved, heads)
    }

    /// A document new here that arrives whole is kept as its bytes and not loaded; the next
    /// message says we hold its heads, and after that there is nothing to say.
    #[test]
    fn a_whole_document_is_kept_unloaded_and_acknowledged_once() {
        let (_, mut d, saved, heads) = arrived_whole();
        assert!(d.fresh.is_none(), "not loaded");
        assert_eq!((d.heads(), d.arrived_whole.as_ref()), (heads.clone(), Some(&saved)));
        assert!(crate::whole::peer_holds(&d.message().expect("an acknowledgement"), &heads));
        assert!(d.message().is_none(), "nothing more to say");
    }

    /// When the employer side says more about a document kept unloaded, it is loaded from the
    /// bytes that arrived and the rest applies on top: saved then as a whole new encoding.
    #[test]
    fn more_changes_after_a_whole_document_load_it() {
        let (mut theirs, mut d, _, heads) = arrived_whole();
        // The employer side changed it meanwhile and answers our acknowledgement.
        theirs.put(ROOT, "n", 2).expect("put");
        let mut their_state = SyncState::new();
        theirs.sync().receive_sync_message(&mut their_state, d.message().expect("ack")).expect("receive");
        let more = theirs.sync().generate_sync_message(&mut their_state).expect("their changes");
        d.receive(more).expect("receive");
        // Automerge may need one more exchange to send the change itself.
        for _ in 0..3 {
            if let Some(m) = d.message() {
                theirs.sync().receive_sync_message(&mut their_state, m).expect("receive");
            }
            if let Some(m) = theirs.sync().generate_sync_message(&mut their_state) {
                d.receive(m).expect("receive");
            }
        }
        assert!(d.fresh.is_some(), "loaded");
        assert_eq!(d.heads(), theirs.get_heads());
        assert_eq!(d.doc().get(ROOT, "n").expect("get").map(|(v, _)| v.as_i64()), Some(Some(2)));
        assert_eq!(d.arrived_whole, None, "saved from the document, not the first bytes");
        // Garbage where a whole document was expected is an error, not a panic.
        let mut bad = LocalDoc::new(d.doc_ref.clone(), None);
        bad.message();
        let garbage = [&[0x85, 0x6f, 0x4a, 0x83][..], b"garbage"].concat();
        assert!(matches!(bad.receive(crate::whole::message(garbage, heads)), Err(ClientError::Wire(_))));
    }
}
