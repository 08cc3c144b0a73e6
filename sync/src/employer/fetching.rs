//! Fetching recordings: a candidate offers its takes over its own connection (one offer per
//! peer at a time), and the employer's node fetches exactly the recordings its submission
//! references, verified, within the candidate's quota, dropping a transfer that stalls; a hub's
//! takes are fetched the same way. Fragments stream to disk and are assembled into the take.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Instant;

use iroh::endpoint::{Connection, VarInt};
use iroh_blobs::Hash;
use iroh_blobs::api::remote::GetProgressItem;
use iroh_blobs::protocol::GetRequest;
use n0_future::StreamExt;
use tracing::{debug, info, warn};

use super::{EmployerService, PeerGuard, QUOTA_REASON, remote_ip};
use crate::auth::Access;
use crate::doc::{Submission, Take};
use crate::ids::{CandidateId, QuestionId};
use crate::node::endpoint_hex;
use crate::protocol::close_code;
use crate::store::StoreError;

/// A recording fetch that makes no progress for this long is dropped.
const FETCH_STALL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How often (in bytes received) a transfer in progress is logged.
const PROGRESS_STEP_BYTES: u64 = 8 << 20;

/// Why the recordings a peer offered were not all fetched (logged; the peer offers again).
#[derive(Debug, thiserror::Error)]
pub(super) enum FetchError {
    #[error("{0}")]
    Refused(String),
    #[error("{}", QUOTA_REASON)]
    Quota,
    #[error("the recording stopped arriving")]
    Stalled,
    #[error("the recording is larger than declared")]
    LargerThanDeclared,
    #[error("fetching {what}: {reason}")]
    Transfer { what: String, reason: String },
    #[error("{0:?} is not a recording's hash")]
    BadHash(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("saving the delivered-recordings ledger: {0}")]
    Ledger(std::io::Error),
    #[error("assembling a take from its fragments: {0}")]
    Assemble(std::io::Error),
    #[error("the recordings store: {0}")]
    Blobs(String),
    #[error("a lock was poisoned by a panic")]
    Poisoned,
}

/// Who a recording is fetched from, and for which candidate.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// The candidate themself: proves they hold it, counts towards their quota.
    Candidate(&'a CandidateId),
    /// Another employer-side node, trusted like this one, replicating the candidate's take.
    Hub(&'a CandidateId),
}

/// A peer's one offer in progress; its place is freed when dropped.
struct OfferGuard<'a>(&'a std::sync::Mutex<HashMap<String, (u64, Connection)>>, String, u64);

impl Drop for OfferGuard<'_> {
    fn drop(&mut self) {
        if let Ok(mut o) = self.0.lock()
            && o.get(&self.1).is_some_and(|(n, _)| *n == self.2)
        {
            o.remove(&self.1);
        }
    }
}

impl EmployerService {
    /// A candidate offers its recordings: fetch every referenced one that is missing, verified,
    /// within the quota, over the candidate's own connection.
    pub(super) async fn serve_offer(self: Arc<Self>, conn: Connection) -> Result<(), FetchError> {
        let _counted = PeerGuard::new(&self.peers);
        let peer = endpoint_hex(&conn.remote_id());
        let access = self.resolve(&peer, None).await.map_err(|r| FetchError::Refused(r.0))?;
        if access.is_empty() {
            conn.close(VarInt::from_u32(close_code::REFUSED), b"not a candidate of this employer");
            debug!(%peer, "offer refused: unknown peer");
            return Ok(());
        }
        self.admission.proved(remote_ip(&conn), Instant::now());
        // One offer per peer: a newer one replaces the one in progress (the peer restarted, or
        // its old connection is dying), so a peer never has two transfers running here.
        let number = self.offers.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let replaced =
            self.offering.lock().map_err(|_| FetchError::Poisoned)?.insert(peer.clone(), (number, conn.clone()));
        if let Some((_, old)) = replaced {
            old.close(VarInt::from_u32(close_code::REFUSED), b"replaced by a newer offer from the same computer");
            info!(%peer, "an offer replaced the one still in progress");
        }
        let _offering = OfferGuard(&self.offering, peer.clone(), number);
        if !access.hub_of.is_empty() {
            self.fetch_from_hub(&conn, &peer, &access).await;
            conn.close(VarInt::from_u32(close_code::DONE), b"replicated");
            return Ok(());
        }
        if access.candidate_of.is_empty() {
            conn.close(VarInt::from_u32(close_code::REFUSED), b"not a candidate of this employer");
            info!(%peer, "offer refused: unknown peer");
            return Ok(());
        }
        for (_, candidate) in &access.candidate_of {
            let submission = self.store().submission(candidate)?;
            self.fetch_takes(&conn, &peer, &submission).await?;
            self.mark_received_if_complete(candidate).await?;
        }
        conn.close(VarInt::from_u32(close_code::DONE), b"received");
        Ok(())
    }

    /// Another hub offers what it holds: fetch every take of its campaigns that is missing here
    /// (it may not have them all either), then write receipts that are now due.
    async fn fetch_from_hub(&self, conn: &Connection, peer: &str, access: &Access) {
        for (campaign, _) in &access.hub_of {
            for candidate in self.candidates_of(campaign) {
                let Ok(submission) = self.store().submission(&candidate) else { continue };
                for (question, take) in submission.takes() {
                    if take.size_bytes > self.quota.max_take_bytes || self.delivered_here(&candidate, &take.hash).await
                    {
                        continue;
                    }
                    let from = Source::Hub(&candidate);
                    if let Err(e) =
                        self.fetch_one(conn, peer, question.as_str(), &take.hash, take.size_bytes, from).await
                    {
                        debug!(%peer, %candidate, %question, error = %e, "not fetched from the hub");
                        if conn.close_reason().is_some() {
                            return;
                        }
                    }
                }
                if let Err(e) = self.mark_received_if_complete(&candidate).await {
                    warn!(%candidate, error = %e, "checking whether a submission is complete");
                }
            }
        }
    }

    async fn fetch_takes(&self, conn: &Connection, peer: &str, submission: &Submission) -> Result<(), FetchError> {
        let from = Source::Candidate(&submission.candidate_id);
        // Fragments uploaded while the candidate was recording come first: with them, the
        // finished take can be assembled here and only the last fragment is left after Stop.
        let mut uploaded = 0u64;
        for upload in &submission.uploads {
            for (i, (hash, size)) in upload.fragments.iter().enumerate() {
                uploaded += size;
                if uploaded > self.quota.max_submission_bytes.saturating_mul(2) {
                    warn!(%peer, "uploaded fragments over quota, not fetched");
                    return Ok(());
                }
                let label = format!("{} take {} fragment {i}", upload.question, upload.take_number);
                self.fetch_one(conn, peer, &label, hash, *size, from).await?;
            }
        }
        let mut total = 0u64;
        for (question, take) in submission.takes() {
            total += take.size_bytes;
            if take.size_bytes > self.quota.max_take_bytes || total > self.quota.max_submission_bytes {
                warn!(%peer, %question, size = take.size_bytes, "recording over quota, not fetched");
                continue;
            }
            if self.delivered_here(&submission.candidate_id, &take.hash).await
                || self.assemble_take(submission, question, take).await?
            {
                continue;
            }
            self.fetch_one(conn, peer, question.as_str(), &take.hash, take.size_bytes, from).await?;
        }
        Ok(())
    }

    /// Whether `hash` is here and was delivered by `candidate` (or by a hub for them).
    pub(super) async fn delivered_here(&self, candidate: &CandidateId, hash: &str) -> bool {
        let Ok(h) = Hash::from_str(hash) else { return false };
        self.delivered.get(candidate).hashes.contains(hash) && self.node.blobs.has(h).await.unwrap_or(false)
    }

    /// Fetch one blob over the peer's connection unless this candidate delivered it already,
    /// refusing a sender who sends more than declared. A recording that is here from someone
    /// else is fetched again from this candidate: holding a hash proves nothing about them.
    /// Every byte fetched counts towards the candidate's quota, across restarts.
    async fn fetch_one(
        &self,
        conn: &Connection,
        peer: &str,
        what: &str,
        hash: &str,
        size: u64,
        from: Source<'_>,
    ) -> Result<(), FetchError> {
        let hash = Hash::from_str(hash).map_err(|_| FetchError::BadHash(hash.to_owned()))?;
        let hex = hash.to_hex();
        let (candidate, trusted) = match from {
            Source::Candidate(c) => (c, false),
            Source::Hub(c) => (c, true),
        };
        let delivered = self.delivered.get(candidate);
        let held = self.node.blobs.has(hash).await.unwrap_or(false);
        if held && (trusted || delivered.hashes.contains(hex.as_str())) {
            if !delivered.hashes.contains(hex.as_str()) {
                self.delivered.record(candidate, Some(&hex), 0).map_err(FetchError::Ledger)?;
            }
            return Ok(());
        }
        if !trusted && delivered.bytes.saturating_add(size) > self.quota.max_delivered_bytes {
            warn!(%peer, %candidate, what, fetched = delivered.bytes, "candidate's recording quota used up; not fetched");
            conn.close(VarInt::from_u32(close_code::REFUSED), QUOTA_REASON.as_bytes());
            return Err(FetchError::Quota);
        }
        info!(%peer, what, bytes = size, proof = held, "fetching recording");
        let remote = self.node.blobs.remote();
        let mut progress = if held {
            remote.execute_get(conn.clone(), GetRequest::blob(hash)).stream()
        } else {
            remote.fetch(conn.clone(), hash).stream()
        };
        // The hash fixes the content, not its size: stop a sender who sends more than declared.
        let allowed = size + 64 * 1024;
        let mut next_report = PROGRESS_STEP_BYTES;
        let mut fetched = 0u64;
        self.note_receiving(&hex, Some(0));
        let result = self
            .follow_fetch(conn, peer, what, size, allowed, &hex, &mut next_report, &mut fetched, &mut progress)
            .await;
        self.note_receiving(&hex, None);
        let verified = result.is_ok() && self.node.blobs.has(hash).await.unwrap_or(false);
        if let Err(e) = self.delivered.record(candidate, verified.then_some(hex.as_str()), fetched) {
            warn!(%candidate, error = %e, "could not save the delivered-recordings ledger");
            return Err(FetchError::Ledger(e));
        }
        result
    }

    #[allow(clippy::too_many_arguments)]
    async fn follow_fetch(
        &self,
        conn: &Connection,
        peer: &str,
        what: &str,
        size: u64,
        allowed: u64,
        hex: &str,
        next_report: &mut u64,
        fetched: &mut u64,
        progress: &mut (impl n0_future::Stream<Item = GetProgressItem> + Unpin),
    ) -> Result<(), FetchError> {
        loop {
            // A sender that stops sending (or trickles below one progress report a while) is
            // dropped; the candidate resumes later from what arrived.
            let item = match tokio::time::timeout(FETCH_STALL_TIMEOUT, progress.next()).await {
                Ok(Some(item)) => item,
                Ok(None) => break,
                Err(_) => {
                    warn!(%peer, what, "recording stopped arriving; fetch dropped");
                    conn.close(VarInt::from_u32(close_code::REFUSED), b"the recording stopped arriving");
                    return Err(FetchError::Stalled);
                }
            };
            match item {
                GetProgressItem::Progress(bytes) if bytes > allowed => {
                    warn!(%peer, what, "recording larger than declared; fetch aborted");
                    conn.close(VarInt::from_u32(close_code::REFUSED), b"recording larger than declared");
                    return Err(FetchError::LargerThanDeclared);
                }
                GetProgressItem::Progress(bytes) => {
                    *fetched = bytes;
                    self.note_receiving(hex, Some(bytes));
                    if bytes >= *next_report {
                        info!(%peer, what, bytes, total = size, "recording transfer progress");
                        *next_report = bytes + PROGRESS_STEP_BYTES;
                    }
                }
                GetProgressItem::Done(stats) => {
                    *fetched = (*fetched).max(stats.payload_bytes_read);
                    let path = crate::node::path_of(conn).unwrap_or_default();
                    info!(%peer, what, bytes = stats.payload_bytes_read, %path, "recording received and verified");
                    break;
                }
                GetProgressItem::Error(e) => {
                    return Err(FetchError::Transfer { what: what.to_owned(), reason: e.to_string() });
                }
            }
        }
        Ok(())
    }

    /// If every fragment of this take is here, join them and check the whole-file hash; the
    /// take is then stored without moving it again. Returns whether the take is here.
    pub(super) async fn assemble_take(
        &self,
        submission: &Submission,
        question: &QuestionId,
        take: &Take,
    ) -> Result<bool, FetchError> {
        let Ok(take_hash) = Hash::from_str(&take.hash) else { return Ok(false) };
        let Some(upload) =
            submission.uploads.iter().find(|u| &u.question == question && u.take_number == take.take_number)
        else {
            return Ok(false);
        };
        if upload.fragments.iter().map(|(_, size)| size).sum::<u64>() != take.size_bytes {
            return Ok(false);
        }
        // Only fragments this candidate delivered prove they hold the take.
        let delivered = self.delivered.get(&submission.candidate_id);
        if !upload.fragments.iter().all(|(hash, _)| delivered.hashes.contains(hash)) {
            return Ok(false);
        }
        let tmp = self.store().root().join(format!(".assemble-{}", take.hash));
        let result = async {
            let mut file = std::fs::File::create(&tmp).map_err(FetchError::Assemble)?;
            let mut hasher = blake3::Hasher::new();
            for (hash, _) in &upload.fragments {
                let Ok(h) = Hash::from_str(hash) else { return Ok(false) };
                if !self.node.blobs.has(h).await.unwrap_or(false) {
                    return Ok(false);
                }
                let bytes = self.node.blobs.get_bytes(h).await.map_err(|e| FetchError::Blobs(e.to_string()))?;
                hasher.update(&bytes);
                std::io::Write::write_all(&mut file, &bytes).map_err(FetchError::Assemble)?;
            }
            file.sync_all().map_err(FetchError::Assemble)?;
            if hasher.finalize().to_hex().as_str() != take.hash {
                warn!(%question, "fragments do not add up to the take; fetching the whole take instead");
                return Ok(false);
            }
            let tag = self.node.blobs.add_path(&tmp).await.map_err(|e| FetchError::Blobs(format!("{e:#}")))?;
            info!(%question, bytes = take.size_bytes, "take assembled from fragments uploaded during recording, hash verified");
            if tag.hash != take_hash {
                return Ok(false);
            }
            self.delivered.record(&submission.candidate_id, Some(&take.hash), 0).map_err(FetchError::Ledger)?;
            Ok(true)
        }
        .await;
        let _ = std::fs::remove_file(&tmp);
        result
    }
}
