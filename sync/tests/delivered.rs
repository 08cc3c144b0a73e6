//! What a candidate delivered is what counts: a hash the employer already holds (from another
//! candidate) is fetched again from the candidate who names it, and "received" waits for it;
//! every byte fetched for a candidate counts towards their quota, kept on disk for the next start.

mod common;

use common::{candidate_of, node};
use std::time::Duration;

use peerview_sync::auth::Quota;
use peerview_sync::client::{self, ClientError};
use peerview_sync::doc::{Answer, AnswerKind, Campaign, MediaKind, SubmissionDoc, Take};
use peerview_sync::employer::{self, EmployerService, QUOTA_REASON};
use peerview_sync::node::Node;
use peerview_sync::ticket::Ticket;
use peerview_sync::{CandidateId, DocKind, EventKind, Store, Timestamp};

fn campaign() -> Campaign {
    common::campaign(AnswerKind::Video, 3)
}

/// Keep `bytes` as the candidate's answer (stored in their blobs only if `hold`), and submit
/// if `submit`.
async fn answer(peer: &Node, ticket: &Ticket, bytes: &[u8], take_number: u32, hold: bool, submit: bool) -> String {
    let hash = if hold {
        peer.blobs.add_slice(bytes).await.expect("add").hash.to_hex().to_string()
    } else {
        blake3::hash(bytes).to_hex().to_string()
    };
    let candidate = candidate_of(ticket);
    let mut stored = peer.store.load(DocKind::Submission, candidate.as_str()).expect("load");
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    let take = Take {
        hash: hash.clone(),
        size_bytes: bytes.len() as u64,
        duration_ms: 5_000,
        media: MediaKind::Video,
        recorded_at: Timestamp::now(),
        take_number,
    };
    doc.set_answer(&"intro".parse().expect("id"), &Answer::Recording(take)).expect("answer");
    if submit {
        doc.mark_submitted(Timestamp::now(), "candidate").expect("submit");
    }
    stored.doc = doc.into_automerge();
    peer.store.save(&mut stored).expect("save");
    hash
}

/// Sync, offer what is held, sync again: what `peerview submit` does.
async fn deliver(peer: &Node, ticket: &Ticket) -> Result<(), ClientError> {
    client::sync_documents(peer, ticket).await?;
    let offered = client::offer_recordings(peer, ticket).await;
    client::sync_documents(peer, ticket).await?;
    offered
}

fn received(store: &Store, candidate: &CandidateId) -> bool {
    store.submission(candidate).expect("submission").events.iter().any(|e| e.kind == EventKind::Received)
}

fn pattern(seed: u8, len: usize) -> Vec<u8> {
    (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hash_held_from_someone_else_is_fetched_again_from_the_candidate_who_names_it() {
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let ticket_a = employer::invite_candidate(&employer.store, &c.id, "Ann", None, here.clone()).expect("invite");
    let ticket_b = employer::invite_candidate(&employer.store, &c.id, "Ben", None, here).expect("invite");
    let (ann, ben) = (node(dirs[1].path()).await, node(dirs[2].path()).await);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann joins");
    client::sync_documents(&ben, &ticket_b).await.expect("Ben joins");
    let (a, b) = (candidate_of(&ticket_a), candidate_of(&ticket_b));

    let bytes = pattern(7, 300_000);
    answer(&ann, &ticket_a, &bytes, 1, true, true).await;
    deliver(&ann, &ticket_a).await.expect("Ann delivers");
    assert!(received(&employer.store, &a));

    // Ben names Ann's recording (its hash is no secret) without having it.
    answer(&ben, &ticket_b, &bytes, 1, false, true).await;
    let _ = deliver(&ben, &ticket_b).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!received(&employer.store, &b), "a hash Ben does not hold is not received from him");
    assert_eq!(service.delivered.get(&b).hashes.len(), 0);

    // Once he holds the same bytes, they are fetched from him and verified: then it is received.
    ben.blobs.add_slice(&bytes).await.expect("add");
    deliver(&ben, &ticket_b).await.expect("Ben delivers");
    assert!(received(&employer.store, &b), "{:?}", employer.store.submission(&b).expect("s").events);
    let his = service.delivered.get(&b);
    assert!(his.hashes.contains(blake3::hash(&bytes).to_hex().as_str()));
    assert!(his.bytes >= bytes.len() as u64, "the proof was a real transfer: {} bytes", his.bytes);
    employer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_byte_ever_fetched_counts_towards_the_quota_and_is_kept_on_disk() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    // Each take fits the per-take and per-submission limits; three of them do not fit the
    // candidate's lifetime quota.
    let quota = Quota { max_take_bytes: 400_000, max_submission_bytes: 400_000, max_delivered_bytes: 700_000 };
    let service = EmployerService::new(employer.clone(), quota);
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Ann", None, here).expect("invite");
    let ann = node(dirs[1].path()).await;
    client::sync_documents(&ann, &ticket).await.expect("Ann joins");
    let a = candidate_of(&ticket);

    answer(&ann, &ticket, &pattern(1, 300_000), 1, true, false).await;
    deliver(&ann, &ticket).await.expect("first take");
    assert!(service.delivered.get(&a).bytes >= 300_000);

    answer(&ann, &ticket, &pattern(2, 300_000), 2, true, false).await;
    deliver(&ann, &ticket).await.expect("second take");
    let after_two = service.delivered.get(&a).bytes;
    assert!(after_two >= 600_000, "{after_two}");
    // What a restarted node reads: the ledger on disk.
    assert_eq!(peerview_sync::delivered::Ledger::open(dirs[0].path()).get(&a).bytes, after_two);

    // A third take is over the lifetime quota: refused with a reason the candidate reads,
    // nothing fetched, the submission still says what it said.
    answer(&ann, &ticket, &pattern(3, 300_000), 3, true, false).await;
    let err = deliver(&ann, &ticket).await.expect_err("over quota");
    assert!(err.to_string().contains(QUOTA_REASON), "{err}");
    assert_eq!(service.delivered.get(&a).bytes, after_two, "nothing more was fetched");
    let third = blake3::hash(&pattern(3, 300_000)).to_hex().to_string();
    assert!(!employer.blobs.has(third.parse::<iroh_blobs::Hash>().expect("hash")).await.expect("has"));
    employer.shutdown().await;
}
