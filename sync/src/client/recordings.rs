//! The recordings side of a ticket: a candidate (or hub) offers its recordings for the
//! employer side to fetch over the candidate's own connection, with the upload's progress kept
//! across restarts; a reviewer (or hub) downloads the recordings of the synced submissions; a
//! hub replicates documents and recordings both ways.

use std::collections::HashSet;
use std::str::FromStr;
use std::sync::Arc;

use iroh_blobs::Hash;
use iroh_blobs::provider::events::{AbortReason, EventMask, EventSender, ProviderMessage, RequestMode, RequestUpdate};
use tracing::{debug, info};

use super::{ClientError, connect, connect_when_free, sync_documents};
use crate::auth::DocRef;
use crate::ids::CandidateId;
use crate::node::Node;
use crate::protocol::{OFFER_ALPN, close_code};
use crate::ticket::{Invitee, Ticket, TicketNode};

/// Candidate: let the employer fetch this submission's recordings over our connection (the
/// candidate dials out, so this works behind NAT). Returns when the employer has them all.
pub async fn offer_recordings(node: &Node, ticket: &Ticket) -> Result<(), ClientError> {
    let allowed = match &ticket.invitee {
        Invitee::Candidate(candidate) => own_hashes(node, candidate)?,
        Invitee::Hub(_) => held_takes(node, &ticket.campaign).await?,
        Invitee::Reviewer(_) => return Ok(()),
    };
    if allowed.is_empty() {
        return Ok(());
    }
    let conn = connect_when_free(node, ticket, OFFER_ALPN).await?;
    let (events, mut rx) = EventSender::channel(
        16,
        EventMask { get: RequestMode::InterceptLog, get_many: RequestMode::Disabled, ..EventMask::DEFAULT },
    );
    let allowed = Arc::new(allowed);
    let store = node.store.clone();
    tokio::spawn(async move {
        while let Some(msg) = rx.recv().await {
            if let ProviderMessage::GetRequestReceived(m) = msg {
                let hash = m.request.hash;
                let ok = m.request.ranges.is_blob() && allowed.contains(&hash);
                debug!(%hash, ok, "employer asks for a recording");
                let _ = m.tx.send(if ok { Ok(()) } else { Err(AbortReason::Permission) }).await;
                if ok {
                    let (store, mut updates) = (store.clone(), m.rx);
                    tokio::spawn(async move {
                        let mut tracker = UploadTracker::new(store, hash);
                        while let Ok(Some(update)) = updates.recv().await {
                            tracker.update(update);
                        }
                        tracker.save();
                    });
                }
            }
        }
    });
    let store: iroh_blobs::api::Store = (*node.blobs).clone();
    iroh_blobs::provider::handle_connection(conn.clone(), store, events).await;
    match conn.close_reason() {
        Some(iroh::endpoint::ConnectionError::ApplicationClosed(c))
            if c.error_code.into_inner() == u64::from(close_code::DONE) =>
        {
            info!("the employer has every recording");
            Ok(())
        }
        Some(iroh::endpoint::ConnectionError::ApplicationClosed(c)) => {
            Err(ClientError::Refused(String::from_utf8_lossy(&c.reason).into_owned()))
        }
        other => Err(ClientError::Interrupted(other.map_or_else(|| "connection lost".to_owned(), |e| e.to_string()))),
    }
}

/// Persists how far the employer got with one recording, a few times a second.
struct UploadTracker {
    store: Arc<crate::store::Store>,
    hash: String,
    size: u64,
    sent: u64,
    saved: u64,
    last_save: std::time::Instant,
}

impl UploadTracker {
    const SAVE_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

    fn new(store: Arc<crate::store::Store>, hash: Hash) -> Self {
        UploadTracker { store, hash: hash.to_hex(), size: 0, sent: 0, saved: 0, last_save: std::time::Instant::now() }
    }

    fn update(&mut self, update: RequestUpdate) {
        match update {
            RequestUpdate::Started(s) => self.size = s.size,
            RequestUpdate::Progress(p) => {
                self.sent = self.sent.max(p.end_offset);
                if self.last_save.elapsed() >= Self::SAVE_EVERY {
                    self.save();
                }
            }
            RequestUpdate::Completed(_) => {
                // The employer asked for what it was missing, and all of it went out.
                self.sent = self.sent.max(self.size);
                self.save();
            }
            RequestUpdate::Aborted(_) => self.save(),
        }
    }

    fn save(&mut self) {
        if self.sent > self.saved {
            if let Err(e) = self.store.record_upload(&self.hash, self.sent) {
                debug!(error = %e, "could not record upload progress");
            }
            self.saved = self.sent;
        }
        self.last_save = std::time::Instant::now();
    }
}

/// How much of a submission's recordings has gone to the employer side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UploadProgress {
    pub sent: u64,
    pub total: u64,
}

impl UploadProgress {
    /// Whole percent, rounded down (100 only when everything went).
    pub fn percent(self) -> u64 {
        (self.sent * 100).checked_div(self.total).map_or(100, |p| p.min(100))
    }
}

/// A submission's upload progress from the bytes recorded per recording hash: each take
/// counts what went as the whole file or as fragments during recording, whichever is more.
pub fn upload_progress(
    submission: &crate::doc::Submission,
    sent: &std::collections::BTreeMap<String, u64>,
) -> UploadProgress {
    let mut progress = UploadProgress::default();
    for (question, take) in submission.takes() {
        let whole = sent.get(&take.hash).copied().unwrap_or(0);
        let fragments: u64 = submission
            .uploads
            .iter()
            .filter(|u| &u.question == question && u.take_number == take.take_number)
            .flat_map(|u| &u.fragments)
            .map(|(hash, size)| sent.get(hash).copied().unwrap_or(0).min(*size))
            .sum();
        progress.total += take.size_bytes;
        progress.sent += whole.max(fragments).min(take.size_bytes);
    }
    progress
}

fn own_hashes(node: &Node, candidate: &CandidateId) -> Result<HashSet<Hash>, ClientError> {
    let submission = node.store.submission(candidate)?;
    let takes = submission.takes().map(|(_, t)| t.hash.clone());
    let fragments = submission.uploads.iter().flat_map(|u| u.fragments.iter().map(|(h, _)| h.clone()));
    Ok(takes.chain(fragments).filter_map(|h| Hash::from_str(&h).ok()).collect())
}

/// Hub: the takes of the campaign's submissions that this node holds.
async fn held_takes(node: &Node, campaign: &crate::ids::CampaignId) -> Result<HashSet<Hash>, ClientError> {
    let mut held = HashSet::new();
    for c in node.store.roster_ids(campaign)?.candidates {
        let Ok(s) = node.store.submission(&c.id) else { continue };
        for (_, take) in s.takes() {
            if let Ok(hash) = Hash::from_str(&take.hash)
                && node.blobs.has(hash).await.unwrap_or(false)
            {
                held.insert(hash);
            }
        }
    }
    Ok(held)
}

/// What one replication session between two employer-side nodes moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Replicated {
    pub changed_docs: usize,
    pub fetched_recordings: usize,
}

/// Hub: bring this node and the node(s) it joined through into step, both ways: documents
/// (campaign, roster, submissions, reviews), the recordings the other side holds, then the
/// recordings this side holds for the other to fetch, then documents again for the receipts.
/// `own` is where candidates reach this node, recorded in the roster for new tickets.
pub async fn replicate(node: &Node, ticket: &Ticket, own: Option<&TicketNode>) -> Result<Replicated, ClientError> {
    let Invitee::Hub(hub) = &ticket.invitee else {
        return Err(ClientError::Refused("only an employer-side node (hub ticket) replicates".into()));
    };
    if let Some(own) = own
        && node.store.exists(crate::store::DocKind::Roster, ticket.campaign.as_str())
        && let Err(e) = crate::employer::record_hub_address(&node.store, &ticket.campaign, hub, own)
    {
        tracing::warn!(error = %e, "could not record this node's address in the roster");
    }
    let first = sync_documents(node, ticket).await?;
    let fetched_recordings = fetch_recordings(node, ticket).await?;
    offer_recordings(node, ticket).await?;
    let second = sync_documents(node, ticket).await?;
    let mut changed: HashSet<DocRef> = first.changed.into_iter().collect();
    changed.extend(second.changed);
    Ok(Replicated { changed_docs: changed.len(), fetched_recordings })
}

/// Reviewer: download every recording of the synced submissions that is not here yet.
/// Returns how many recordings were fetched.
pub async fn fetch_recordings(node: &Node, ticket: &Ticket) -> Result<usize, ClientError> {
    let roster = node.store.roster_ids(&ticket.campaign)?;
    let mut wanted = Vec::new();
    for c in &roster.candidates {
        if let Ok(s) = node.store.submission(&c.id) {
            for (_, take) in s.takes() {
                if let Ok(hash) = Hash::from_str(&take.hash)
                    && !node.blobs.has(hash).await.unwrap_or(false)
                {
                    wanted.push(hash);
                }
            }
        }
    }
    if wanted.is_empty() {
        return Ok(0);
    }
    let conn = connect(node, ticket, iroh_blobs::ALPN).await?;
    let mut fetched = 0;
    for hash in wanted {
        node.blobs.remote().fetch(conn.clone(), hash).await.map_err(|e| ClientError::Interrupted(e.to_string()))?;
        fetched += 1;
    }
    conn.close(iroh::endpoint::VarInt::from_u32(close_code::DONE), b"bye");
    Ok(fetched)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::doc::{Answer, MediaKind, Overrides, Submission, Take, Upload};
    use crate::ids::{CampaignId, QuestionId};
    use crate::time::Timestamp;

    #[test]
    fn upload_progress_counts_whole_files_and_fragments() {
        let q: QuestionId = "intro".parse().expect("id");
        let take = Take {
            hash: "whole".into(),
            size_bytes: 1000,
            duration_ms: 1,
            media: MediaKind::Video,
            recorded_at: Timestamp(1),
            take_number: 2,
        };
        let submission = Submission {
            campaign_id: CampaignId::random(),
            candidate_id: CandidateId::random(),
            accommodations: Overrides::default(),
            answers: [(q.clone(), Answer::Recording(take))].into_iter().collect(),
            submitted_at: None,
            events: vec![],
            uploads: vec![
                Upload { question: q.clone(), take_number: 1, fragments: vec![("old".into(), 900)] },
                Upload { question: q, take_number: 2, fragments: vec![("f0".into(), 600), ("f1".into(), 400)] },
            ],
            messages: vec![],
        };
        let sent = |pairs: &[(&str, u64)]| -> BTreeMap<String, u64> {
            pairs.iter().map(|(h, n)| ((*h).to_owned(), *n)).collect()
        };
        let at = |pairs: &[(&str, u64)]| upload_progress(&submission, &sent(pairs));
        assert_eq!(at(&[]), UploadProgress { sent: 0, total: 1000 });
        // A fragment of an earlier take does not count for the kept take.
        assert_eq!(at(&[("old", 900)]).sent, 0);
        assert_eq!(at(&[("f0", 600), ("f1", 100)]).sent, 700);
        assert_eq!(at(&[("f0", 600), ("whole", 800)]).sent, 800);
        assert_eq!(at(&[("whole", 5000)]).percent(), 100, "capped at the take's size");
        assert_eq!(at(&[("f0", 600), ("f1", 399)]).percent(), 99, "100 % only when all went");
    }
}
