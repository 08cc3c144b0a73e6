//! A hostile peer against a real employer node (in this process, on loopback): every forbidden
//! thing is tried over the wire and refused, and nothing it sent reaches the employer's
//! documents. Unknown endpoint, replayed invite, wrong campaign, another candidate's
//! submission, reviews, editing the questions, writing the employer's status events, an
//! oversized recording, data parked in a field Peerview never reads, garbage instead of a sync
//! message, a document named twice in a round, and downloading recordings.

mod common;

use common::{candidate_of, claim_of, hello, node};

use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use peerview_sync::auth::{DocRef, Quota};
use peerview_sync::client;
use peerview_sync::doc::{
    Answer, AnswerKind, Campaign, CampaignDoc, EventKind, MediaKind, StatusEvent, SubmissionDoc, Take,
};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, endpoint_addr};
use peerview_sync::protocol::{Entry, Msg, read_msg, write_msg};
use peerview_sync::ticket::Ticket;
use peerview_sync::{CampaignId, DocKind, Store, Timestamp};

fn campaign() -> Campaign {
    common::campaign(AnswerKind::Video, 2)
}

fn refused(msg: &Msg, why: &str) {
    match msg {
        Msg::Refused { reason } => assert!(reason.contains(why), "refused, but for {reason:?} instead of {why:?}"),
        other => panic!("expected a refusal ({why}), got {other:?}"),
    }
}

/// Send one round with `entries` and expect a refusal.
async fn round_refused(peer: &Node, ticket: &Ticket, entries: Vec<Entry>, why: &str) {
    let (_conn, mut send, mut recv, welcome) = hello(peer, ticket, Some(claim_of(ticket))).await;
    assert!(matches!(welcome, Msg::Welcome { .. }), "{welcome:?}");
    write_msg(&mut send, &Msg::Round { entries }).await.expect("round");
    refused(&read_msg(&mut recv).await.expect("answer"), why);
}

/// A local copy of a document with a change the peer may not make.
fn edited(
    store: &Store,
    kind: DocKind,
    id: &str,
    edit: impl FnOnce(&mut automerge::AutoCommit),
) -> automerge::AutoCommit {
    let mut stored = store.load(kind, id).expect("load");
    edit(&mut stored.doc);
    stored.doc
}

/// Run the sync protocol for one changed document until the employer refuses it.
async fn sync_refused(peer: &Node, ticket: &Ticket, doc: DocRef, mut local: automerge::AutoCommit, why: &str) {
    let (_conn, mut send, mut recv, welcome) = hello(peer, ticket, Some(claim_of(ticket))).await;
    assert!(matches!(welcome, Msg::Welcome { .. }), "{welcome:?}");
    let mut state = SyncState::new();
    for _ in 0..16 {
        let message = local.sync().generate_sync_message(&mut state).map(SyncMessage::encode);
        write_msg(&mut send, &Msg::Round { entries: vec![Entry { doc: doc.clone(), message }] }).await.expect("round");
        match read_msg(&mut recv).await.expect("answer") {
            Msg::Round { entries } => {
                for e in entries.into_iter().filter(|e| e.doc == doc) {
                    if let Some(bytes) = e.message {
                        let m = SyncMessage::decode(&bytes).expect("message");
                        local.sync().receive_sync_message(&mut state, m).expect("apply");
                    }
                }
            }
            other => return refused(&other, why),
        }
    }
    panic!("the change to {} {} was not refused", doc.kind, doc.id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_forbidden_thing_is_refused_over_the_wire() {
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let quota = Quota { max_take_bytes: 1_000_000, max_submission_bytes: 2_000_000, max_delivered_bytes: 8_000_000 };
    let service = EmployerService::new(employer.clone(), quota);
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let ticket_a = employer::invite_candidate(&employer.store, &c.id, "Ann", None, here.clone()).expect("invite");
    let ticket_b = employer::invite_candidate(&employer.store, &c.id, "Ben", None, here.clone()).expect("invite");
    let (ann, ben, eve) = (node(dirs[1].path()).await, node(dirs[2].path()).await, node(dirs[3].path()).await);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann joins");
    client::sync_documents(&ben, &ticket_b).await.expect("Ben joins");
    let (a, b) = (candidate_of(&ticket_a), candidate_of(&ticket_b));

    // An unknown endpoint without a claim gets nothing.
    let (_c, _s, _r, answer) = hello(&eve, &ticket_a, None).await;
    refused(&answer, "not invited");
    // Ann's ticket from another computer: the invite is bound to Ann's node.
    let (_c, _s, _r, answer) = hello(&eve, &ticket_a, Some(claim_of(&ticket_a))).await;
    refused(&answer, "already used on another computer");
    // A claim for a campaign that does not exist.
    let mut wrong = claim_of(&ticket_a);
    wrong.campaign = CampaignId::random();
    let (_c, _s, _r, answer) = hello(&ann, &ticket_a, Some(wrong)).await;
    refused(&answer, "not known");
    // Ann asks for Ben's submission, and for her own reviews.
    let (_c, _s, _r, welcome) = hello(&ann, &ticket_a, Some(claim_of(&ticket_a))).await;
    let Msg::Welcome { docs } = welcome else { panic!("{welcome:?}") };
    assert!(!docs.iter().any(|d| d.id == b.as_str()), "Ben's submission is not offered to Ann");
    assert!(!docs.iter().any(|d| d.kind == DocKind::Reviews || d.kind == DocKind::Roster), "{docs:?}");
    let hers = ann.store.load(DocKind::Submission, a.as_str()).expect("load");
    let message = hers.doc.clone().sync().generate_sync_message(&mut SyncState::new()).map(SyncMessage::encode);
    let bens = DocRef { kind: DocKind::Submission, id: b.to_string() };
    round_refused(&ann, &ticket_a, vec![Entry { doc: bens, message: message.clone() }], "no access").await;
    let reviews = DocRef { kind: DocKind::Reviews, id: a.to_string() };
    round_refused(&ann, &ticket_a, vec![Entry { doc: reviews, message }], "no access").await;

    // Editing the questions.
    let campaign_ref = DocRef { kind: DocKind::Campaign, id: c.id.to_string() };
    let changed = edited(&ann.store, DocKind::Campaign, c.id.as_str(), |doc| {
        let mut d = CampaignDoc::from_automerge(std::mem::take(doc)).expect("doc");
        let mut longer = d.read().expect("read");
        longer.questions[0].answer_limit_secs = 3600;
        d.update(&longer).expect("update");
        *doc = d.into_automerge();
    });
    sync_refused(&ann, &ticket_a, campaign_ref, changed, "employer only").await;

    // Writing the employer's "received" event, and a recording over the quota.
    let submission_ref = DocRef { kind: DocKind::Submission, id: a.to_string() };
    let received = edited(&ann.store, DocKind::Submission, a.as_str(), |doc| {
        let mut d = SubmissionDoc::from_automerge(std::mem::take(doc)).expect("doc");
        d.push_event(&StatusEvent { kind: EventKind::Received, by: "ann".into(), at: Timestamp::now() })
            .expect("event");
        *doc = d.into_automerge();
    });
    sync_refused(&ann, &ticket_a, submission_ref.clone(), received, "written by the employer").await;
    let huge = edited(&ann.store, DocKind::Submission, a.as_str(), |doc| {
        let mut d = SubmissionDoc::from_automerge(std::mem::take(doc)).expect("doc");
        let take = Take {
            hash: "a".repeat(64),
            size_bytes: 50_000_000,
            duration_ms: 60_000,
            media: MediaKind::Video,
            recorded_at: Timestamp::now(),
            take_number: 1,
        };
        d.set_answer(&"intro".parse().expect("id"), &Answer::Recording(take)).expect("answer");
        *doc = d.into_automerge();
    });
    sync_refused(&ann, &ticket_a, submission_ref.clone(), huge, "larger than").await;

    // Parking data in a field Peerview never reads: refused, naming the field.
    let parked = edited(&ann.store, DocKind::Submission, a.as_str(), |doc| {
        use automerge::transaction::Transactable;
        doc.put(automerge::ROOT, "stash", "x".repeat(50_000)).expect("put");
    });
    sync_refused(&ann, &ticket_a, submission_ref.clone(), parked, "field `stash` is not part of this document").await;

    // Garbage instead of a sync message.
    round_refused(
        &ann,
        &ticket_a,
        vec![Entry { doc: submission_ref.clone(), message: Some(vec![0x42; 300]) }],
        "malformed",
    )
    .await;
    // The same document twice in one round (which of its messages would count?).
    let twice =
        vec![Entry { doc: submission_ref.clone(), message: None }, Entry { doc: submission_ref, message: None }];
    round_refused(&ann, &ticket_a, twice, "names the submission document").await;

    // Recordings: neither a candidate nor a stranger may download from the employer.
    for who in [&ann, &eve] {
        let addr = endpoint_addr(&ticket_a.nodes[0]).expect("addr");
        let conn = who.endpoint.connect(addr, iroh_blobs::ALPN).await;
        if let Ok(conn) = conn {
            let hash = iroh_blobs::Hash::new(b"anything");
            let got = who.blobs.remote().fetch(conn, hash).await;
            assert!(got.is_err(), "a download by a non-reviewer must fail");
        }
    }

    // Nothing of it reached the employer's documents.
    let theirs = employer.store.campaign(&c.id).expect("campaign");
    assert_eq!(theirs.questions, c.questions, "the questions are unchanged");
    let s = employer.store.submission(&a).expect("submission");
    assert!(s.answers.is_empty() && !s.events.iter().any(|e| e.kind == EventKind::Received), "{s:?}");
    let roster = employer.store.roster(&c.id).expect("roster");
    let ann_entry = roster.candidate(&a).expect("Ann");
    assert_eq!(ann_entry.endpoint.as_deref(), Some(peerview_sync::node::endpoint_hex(&ann.id()).as_str()));
    for n in [&ann, &ben, &eve, &employer] {
        n.shutdown().await;
    }
}

/// A change can arrive before the change it depends on (Automerge's sync may skip a change
/// after a Bloom-filter false positive, and asks for it in the next round). The employer keeps
/// the early change across rounds, so once its dependency arrives both are applied and the
/// session settles. (When the employer reloaded its documents every round, the early change was
/// dropped and the session never settled.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_that_arrives_before_its_dependency_is_kept_until_it_can_apply() {
    use automerge::sync::{ChunkList, MessageVersion};
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let _router = service.spawn_router();
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Ann", None, vec![employer.ticket_node().await])
        .expect("invite");
    let ann = node(dirs[1].path()).await;
    client::sync_documents(&ann, &ticket).await.expect("join");
    let a = candidate_of(&ticket);

    // Two changes on Ann's side, the second depending on the first.
    let mut doc = ann.store.load(DocKind::Submission, a.as_str()).expect("load").doc;
    let mut changes = Vec::new();
    for n in 0..2 {
        let mut d = SubmissionDoc::from_automerge(std::mem::take(&mut doc)).expect("doc");
        let kind = EventKind::Recorded { question: "intro".parse().expect("id") };
        d.push_event(&StatusEvent { kind, by: format!("ann {n}"), at: Timestamp::now() }).expect("event");
        doc = d.into_automerge();
        let head = doc.get_heads()[0];
        changes.push(doc.get_change_by_hash(&head).expect("change").raw_bytes().to_vec());
    }
    let heads = doc.get_heads();
    let message = |chunk: Vec<u8>| {
        SyncMessage {
            heads: heads.clone(),
            need: vec![],
            have: vec![],
            changes: ChunkList::from(chunk),
            flags: None,
            version: MessageVersion::V1,
        }
        .encode()
    };
    let submission_ref = DocRef { kind: DocKind::Submission, id: a.to_string() };
    let (_conn, mut send, mut recv, welcome) = hello(&ann, &ticket, Some(claim_of(&ticket))).await;
    assert!(matches!(welcome, Msg::Welcome { .. }));
    // Round 1: the dependent change alone. Round 2: its dependency.
    for chunk in [changes[1].clone(), changes[0].clone()] {
        let entries = vec![Entry { doc: submission_ref.clone(), message: Some(message(chunk)) }];
        write_msg(&mut send, &Msg::Round { entries }).await.expect("round");
        let answer = read_msg(&mut recv).await.expect("answer");
        assert!(matches!(answer, Msg::Round { .. }), "{answer:?}");
    }
    write_msg(&mut send, &Msg::Bye).await.expect("bye");
    let s = employer.store.submission(&a).expect("submission");
    let ours: Vec<&str> = s.events.iter().map(|e| e.by.as_str()).filter(|b| b.starts_with("ann")).collect();
    assert_eq!(ours, ["ann 0", "ann 1"], "both changes are at the employer");
    ann.shutdown().await;
    employer.shutdown().await;
}

/// One candidate, two sessions at once (two connections from her node, as two devices or a
/// crafted client would open): each session's changes are within the quota alone, together
/// they are not. The employer checks each against the document as the other left it, so one is
/// refused; checked both against the document as it was before either, both would pass and the
/// quota would be broken. Tried a few times, the sessions' changes arriving together each time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_sessions_of_one_candidate_cannot_together_pass_a_limit_each_keeps() {
    const MB: u64 = 1_000_000;
    let dirs: Vec<tempfile::TempDir> = (0..7).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    // Uploads may reach twice the submission's quota (retakes): 10 MB here.
    let quota = Quota { max_take_bytes: 10 * MB, max_submission_bytes: 5 * MB, max_delivered_bytes: 100 * MB };
    let service = EmployerService::new(employer.clone(), quota);
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let intro = "intro".parse().expect("id");
    let fragment = |n: u64| blake3::hash(&n.to_le_bytes()).to_hex().to_string();
    for attempt in 0..6u64 {
        let ann = node(dirs[1 + attempt as usize].path()).await;
        let ticket = employer::invite_candidate(&employer.store, &c.id, "Ann", None, here.clone()).expect("invite");
        client::sync_documents(&ann, &ticket).await.expect("Ann joins");
        let a = candidate_of(&ticket);
        let doc_ref = DocRef { kind: DocKind::Submission, id: a.to_string() };
        // Both takes begun (1 MB each) and at the employer: 2 MB of the 10.
        let mut base =
            SubmissionDoc::from_automerge(ann.store.load(DocKind::Submission, a.as_str()).expect("load").doc)
                .expect("doc");
        for take in 1..=2 {
            base.add_upload_fragment(&intro, take, &fragment(attempt * 100 + u64::from(take)), MB).expect("upload");
        }
        let mut stored = ann.store.load(DocKind::Submission, a.as_str()).expect("load");
        stored.doc = base.into_automerge();
        ann.store.save(&mut stored).expect("save");
        client::sync_documents(&ann, &ticket).await.expect("Ann sends her first fragments");
        // Each session adds 5 MB to one take: 7 MB, within the 10; both would make 12.
        let sessions: Vec<(automerge::AutoCommit, Session)> = {
            let mut out = Vec::new();
            for take in 1..=2u32 {
                // Another actor each, as two devices are.
                let mut d = SubmissionDoc::from_automerge(stored.doc.fork()).expect("doc");
                d.add_upload_fragment(&intro, take, &fragment(attempt * 100 + 10 + u64::from(take)), 5 * MB)
                    .expect("upload");
                let (conn, send, recv, welcome) = hello(&ann, &ticket, Some(claim_of(&ticket))).await;
                assert!(matches!(welcome, Msg::Welcome { .. }), "{welcome:?}");
                out.push((
                    d.into_automerge(),
                    Session { _conn: conn, send, recv, state: SyncState::new(), refused: None },
                ));
            }
            out
        };
        let mut sessions = sessions;
        // Rounds in step: both sessions send, then both read their answers. A moment between
        // rounds: a session sees another's save by its directory's time, which the file system
        // keeps in steps of a few milliseconds (while the directory changed in the last two
        // seconds it lists it anyway, but the suite's second pass moves the clock six years
        // ahead and leaves file times as they are, so nothing looks recent).
        for _ in 0..8 {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            for (doc, s) in sessions.iter_mut().filter(|(_, s)| s.refused.is_none()) {
                let message = doc.sync().generate_sync_message(&mut s.state).map(SyncMessage::encode);
                let entries = vec![Entry { doc: doc_ref.clone(), message }];
                write_msg(&mut s.send, &Msg::Round { entries }).await.expect("round");
            }
            for (doc, s) in sessions.iter_mut().filter(|(_, s)| s.refused.is_none()) {
                match read_msg(&mut s.recv).await.expect("answer") {
                    Msg::Round { entries } => {
                        for m in entries.into_iter().filter(|e| e.doc == doc_ref).filter_map(|e| e.message) {
                            let m = SyncMessage::decode(&m).expect("message");
                            doc.sync().receive_sync_message(&mut s.state, m).expect("apply");
                        }
                    }
                    Msg::Refused { reason } => s.refused = Some(reason),
                    other => panic!("{other:?}"),
                }
            }
        }
        let refusals: Vec<&String> = sessions.iter().filter_map(|(_, s)| s.refused.as_ref()).collect();
        let at_employer = employer.store.submission(&a).expect("submission");
        let uploaded: u64 = at_employer.uploads.iter().flat_map(|u| &u.fragments).map(|(_, size)| size).sum();
        assert!(uploaded <= 10 * MB, "attempt {attempt}: {uploaded} bytes of uploads accepted, over the 10 MB quota");
        assert_eq!(uploaded, 7 * MB, "attempt {attempt}: one session's changes are taken");
        assert_eq!(refusals.len(), 1, "attempt {attempt}: {refusals:?}");
        assert!(refusals[0].contains("exceed the quota"), "{refusals:?}");
        drop(sessions);
        ann.shutdown().await;
    }
    employer.shutdown().await;
}

/// One of [`two_sessions_of_one_candidate_cannot_together_pass_a_limit_each_keeps`]'s sessions.
struct Session {
    _conn: iroh::endpoint::Connection,
    send: iroh::endpoint::SendStream,
    recv: iroh::endpoint::RecvStream,
    state: SyncState,
    refused: Option<String>,
}
