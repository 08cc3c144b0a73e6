//! Blind scoring on the wire: an employer and two reviewers on loopback (in this process). A
//! reviewer's computer receives another reviewer's scores only after it submitted its own
//! scorecard, in the session that carries the submission; the employer holds every scorecard
//! all along. That another reviewer submitted (their mark in the Reviews document) travels at
//! once. Scores an older version wrote into the Reviews document move into scorecards at the
//! employer's upkeep, and no copy of the reviews holds them any more, old copies included.

mod common;

use common::node;

use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use peerview_sync::auth::{DocRef, Quota};
use peerview_sync::client;
use peerview_sync::doc::{AnswerKind, Campaign, ReviewsDoc, ScorecardDoc};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, endpoint_addr};
use peerview_sync::protocol::{Claim, Entry, Msg, PROTOCOL_VERSION, SYNC_ALPN, read_msg, write_msg};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, CandidateId, DocKind, ReviewerId, Store, Timestamp, scorecard_id};

/// Blind review, scored on two criteria.
fn campaign() -> Campaign {
    Campaign {
        criteria: vec!["Communication".into(), "Depth".into()],
        blind_review: true,
        ..common::campaign(AnswerKind::Text, 1)
    }
}

fn reviewer_of(ticket: &Ticket) -> ReviewerId {
    match &ticket.invitee {
        Invitee::Reviewer(id) => id.clone(),
        other => panic!("not a reviewer ticket: {other:?}"),
    }
}

/// Score every criterion on this reviewer's computer, and submit the scorecard if asked.
fn score(store: &Store, campaign: &CampaignId, candidate: &CandidateId, me: &ReviewerId, value: u8, submit: bool) {
    let id = scorecard_id(candidate, me);
    let mut stored = if let Ok(stored) = store.load(DocKind::Scorecard, &id) {
        stored
    } else {
        let doc = ScorecardDoc::create(campaign, candidate, me, "Reviewer").expect("doc");
        store.create(DocKind::Scorecard, &id, doc.into_automerge()).expect("create")
    };
    let mut doc = ScorecardDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    for criterion in ["Communication", "Depth"] {
        doc.set_score(criterion, value).expect("score");
    }
    if submit {
        doc.submit(Timestamp::now()).expect("submit");
    }
    stored.doc = doc.into_automerge();
    store.save(&mut stored).expect("save");
    if submit {
        // As the app does: the mark that the others may see at once, in one's own review.
        let mut stored = store.load(DocKind::Reviews, candidate.as_str()).expect("reviews");
        let mut doc = ReviewsDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
        doc.mark_submitted(me, "Reviewer", Timestamp::now()).expect("mark");
        stored.doc = doc.into_automerge();
        store.save(&mut stored).expect("save");
    }
}

/// Run the sync protocol by hand for one document until the employer refuses it.
async fn sync_refused(peer: &Node, ticket: &Ticket, doc: DocRef, mut local: automerge::AutoCommit, why: &str) {
    let addr = endpoint_addr(&ticket.nodes[0]).expect("addr");
    let conn = peer.endpoint.connect(addr, SYNC_ALPN).await.expect("connect");
    let (mut send, mut recv) = conn.open_bi().await.expect("stream");
    let claim = Claim { campaign: ticket.campaign.clone(), invitee: ticket.invitee.clone(), secret: ticket.secret };
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim) }).await.expect("hello");
    let welcome = read_msg(&mut recv).await.expect("welcome");
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
            Msg::Refused { reason } => return assert!(reason.contains(why), "refused for {reason:?}, not {why:?}"),
            other => panic!("{other:?}"),
        }
    }
    panic!("the change to {} {} was not refused", doc.kind, doc.id);
}

/// Run the sync protocol by hand for one document, as an older app would (it merges whatever
/// arrives and sends whatever the other side lacks), until neither side has anything to send.
async fn sync_as_an_older_app(peer: &Node, ticket: &Ticket, doc: DocRef, local: &mut automerge::AutoCommit) {
    let addr = endpoint_addr(&ticket.nodes[0]).expect("addr");
    let conn = peer.endpoint.connect(addr, SYNC_ALPN).await.expect("connect");
    let (mut send, mut recv) = conn.open_bi().await.expect("stream");
    let claim = Claim { campaign: ticket.campaign.clone(), invitee: ticket.invitee.clone(), secret: ticket.secret };
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim) }).await.expect("hello");
    assert!(matches!(read_msg(&mut recv).await.expect("welcome"), Msg::Welcome { .. }));
    sync_as_an_older_app_over(&mut send, &mut recv, doc, local).await;
}

async fn sync_as_an_older_app_over(
    send: &mut iroh::endpoint::SendStream,
    recv: &mut iroh::endpoint::RecvStream,
    doc: DocRef,
    local: &mut automerge::AutoCommit,
) {
    let mut state = SyncState::new();
    for _ in 0..16 {
        let message = local.sync().generate_sync_message(&mut state).map(SyncMessage::encode);
        let sending = message.is_some();
        write_msg(send, &Msg::Round { entries: vec![Entry { doc: doc.clone(), message }] }).await.expect("round");
        let Msg::Round { entries } = read_msg(recv).await.expect("answer") else { panic!("not a round") };
        let mut received = false;
        for bytes in entries.into_iter().filter(|e| e.doc == doc).filter_map(|e| e.message) {
            let m = SyncMessage::decode(&bytes).expect("message");
            local.sync().receive_sync_message(&mut state, m).expect("apply");
            received = true;
        }
        if !sending && !received {
            return;
        }
    }
}

/// A session that opens before the employer's node migrates and fetches a document after it:
/// the first round says nothing, `meanwhile` runs, then the protocol runs until it settles.
/// Returns what arrived.
async fn fetch_across_a_migration(
    peer: &Node,
    ticket: &Ticket,
    doc: DocRef,
    meanwhile: impl std::future::Future<Output = ()>,
) -> automerge::AutoCommit {
    let addr = endpoint_addr(&ticket.nodes[0]).expect("addr");
    let conn = peer.endpoint.connect(addr, SYNC_ALPN).await.expect("connect");
    let (mut send, mut recv) = conn.open_bi().await.expect("stream");
    let claim = Claim { campaign: ticket.campaign.clone(), invitee: ticket.invitee.clone(), secret: ticket.secret };
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim) }).await.expect("hello");
    assert!(matches!(read_msg(&mut recv).await.expect("welcome"), Msg::Welcome { .. }));
    write_msg(&mut send, &Msg::Round { entries: vec![Entry { doc: doc.clone(), message: None }] })
        .await
        .expect("round");
    assert!(matches!(read_msg(&mut recv).await.expect("answer"), Msg::Round { .. }));
    meanwhile.await;
    let mut local = automerge::AutoCommit::new();
    sync_as_an_older_app_over(&mut send, &mut recv, doc, &mut local).await;
    local
}

/// Every scorecard this computer holds, on disk, as (reviewer, score of "Depth").
fn scorecards_on_disk(dir: &std::path::Path, candidate: &CandidateId) -> Vec<(ReviewerId, Option<u8>)> {
    // A fresh `Store` reads what is on disk, not what a running node holds in memory.
    let store = Store::open(dir).expect("store");
    let mut cards: Vec<_> = store
        .list(DocKind::Scorecard)
        .expect("list")
        .into_iter()
        .map(|id| {
            let stored = store.load(DocKind::Scorecard, &id).expect("load");
            let card = ScorecardDoc::from_automerge(stored.doc).expect("doc").read().expect("read");
            assert_eq!(&card.candidate_id, candidate);
            (card.reviewer_id, card.scores.get("Depth").copied())
        })
        .collect();
    cards.sort();
    cards
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reviewer_receives_the_other_scores_only_after_submitting_its_own() {
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Cleo", None, here.clone()).expect("candidate");
    let Invitee::Candidate(cleo) = ticket.invitee.clone() else { panic!("candidate ticket") };
    let ticket_a = employer::invite_reviewer(&employer.store, &c.id, "Ann", here.clone()).expect("Ann");
    let ticket_b = employer::invite_reviewer(&employer.store, &c.id, "Ben", here.clone()).expect("Ben");
    let (ann_id, ben_id) = (reviewer_of(&ticket_a), reviewer_of(&ticket_b));
    let (ann, ben) = (node(dirs[1].path()).await, node(dirs[2].path()).await);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann joins");
    client::sync_documents(&ben, &ticket_b).await.expect("Ben joins");

    // Ann scores and submits; her scorecard reaches the employer.
    score(&ann.store, &c.id, &cleo, &ann_id, 4, true);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann syncs");
    let at_employer = employer.store.scorecard(&cleo, &ann_id).expect("Ann's scorecard at the employer");
    assert_eq!(at_employer.scores.get("Depth"), Some(&4));
    assert!(at_employer.submitted_at.is_some());

    // Ben, not submitted yet, syncs: his computer holds no document with Ann's scores.
    score(&ben.store, &c.id, &cleo, &ben_id, 2, false);
    client::sync_documents(&ben, &ticket_b).await.expect("Ben syncs");
    assert_eq!(scorecards_on_disk(dirs[2].path(), &cleo), vec![(ben_id.clone(), Some(2))], "only Ben's own");
    assert!(!ben.store.exists(DocKind::Scorecard, &scorecard_id(&cleo, &ann_id)));
    let reviews = ben.store.reviews(&cleo).expect("reviews");
    assert!(reviews.by_reviewer.get(&ann_id).is_none_or(|r| r.scores.is_empty()), "{reviews:?}");
    // What Ben may know: that Ann submitted (his "1 other scored").
    assert!(reviews.by_reviewer.get(&ann_id).is_some_and(|r| r.submitted_at.is_some()), "{reviews:?}");
    assert_eq!(employer.store.scorecard(&cleo, &ben_id).expect("Ben's").submitted_at, None);

    // Ben cannot ask for Ann's scorecard, nor write one in her name.
    let anns = DocRef { kind: DocKind::Scorecard, id: scorecard_id(&cleo, &ann_id) };
    sync_refused(&ben, &ticket_b, anns.clone(), automerge::AutoCommit::new(), "no access").await;
    let forged = ScorecardDoc::create(&c.id, &cleo, &ann_id, "Ann").expect("doc").into_automerge();
    let dans = DocRef { kind: DocKind::Scorecard, id: scorecard_id(&cleo, &"dan".parse().expect("id")) };
    sync_refused(&ben, &ticket_b, dans, forged, "no access").await;
    let bens = DocRef { kind: DocKind::Scorecard, id: scorecard_id(&cleo, &ben_id) };
    let mut as_ann = ben.store.load(DocKind::Scorecard, &bens.id).expect("load").doc;
    automerge::transaction::Transactable::put(&mut as_ann, automerge::ROOT, "reviewer_id", ann_id.as_str())
        .expect("put");
    sync_refused(&ben, &ticket_b, bens, as_ann, "its own candidate and reviewer").await;
    assert_eq!(employer.store.scorecards(&cleo).expect("scorecards").len(), 2, "nothing forged arrived");

    // Ben submits: the same session brings Ann's scores.
    score(&ben.store, &c.id, &cleo, &ben_id, 2, true);
    client::sync_documents(&ben, &ticket_b).await.expect("Ben submits");
    assert_eq!(
        scorecards_on_disk(dirs[2].path(), &cleo),
        {
            let mut both = vec![(ann_id.clone(), Some(4)), (ben_id.clone(), Some(2))];
            both.sort();
            both
        },
        "Ann's scores after Ben submitted"
    );
    let averages = ben.store.reviews(&cleo).expect("reviews").average_scores();
    assert_eq!(averages.get("Depth"), Some(&3.0));

    // The employer holds both; Ann, submitted long ago, receives Ben's at her next sync.
    assert_eq!(employer.store.scorecards(&cleo).expect("scorecards").len(), 2);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann syncs again");
    assert_eq!(scorecards_on_disk(dirs[1].path(), &cleo).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hub_receives_every_scorecard_and_passes_a_reviewers_own_on_to_the_employer() {
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Cleo", None, here.clone()).expect("candidate");
    let Invitee::Candidate(cleo) = ticket.invitee.clone() else { panic!("candidate ticket") };
    let ticket_a = employer::invite_reviewer(&employer.store, &c.id, "Ann", here.clone()).expect("Ann");
    let ticket_h = employer::invite_hub(&employer.store, &c.id, "Office", here.clone()).expect("hub");
    let (ann_id, ann, hub) = (reviewer_of(&ticket_a), node(dirs[1].path()).await, node(dirs[2].path()).await);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann joins");
    score(&ann.store, &c.id, &cleo, &ann_id, 4, false);
    client::sync_documents(&ann, &ticket_a).await.expect("Ann syncs");

    // The hub gets Ann's scorecard although nobody there submitted one.
    client::sync_documents(&hub, &ticket_h).await.expect("hub joins");
    assert_eq!(hub.store.scorecard(&cleo, &ann_id).expect("at the hub").scores.get("Depth"), Some(&4));

    // A reviewer who syncs with the hub: its scorecard reaches the employer through the hub.
    let hub_service = EmployerService::new(hub.clone(), Quota::default());
    let _hub_router = hub_service.spawn_router();
    let ticket_b =
        employer::invite_reviewer(&employer.store, &c.id, "Ben", vec![hub.ticket_node().await]).expect("Ben");
    client::sync_documents(&hub, &ticket_h).await.expect("the hub learns of Ben");
    let (ben_id, ben) = (reviewer_of(&ticket_b), node(dirs[3].path()).await);
    client::sync_documents(&ben, &ticket_b).await.expect("Ben joins at the hub");
    assert!(!ben.store.exists(DocKind::Scorecard, &scorecard_id(&cleo, &ann_id)), "the hub keeps scoring blind");
    score(&ben.store, &c.id, &cleo, &ben_id, 2, true);
    client::sync_documents(&ben, &ticket_b).await.expect("Ben submits at the hub");
    assert!(ben.store.exists(DocKind::Scorecard, &scorecard_id(&cleo, &ann_id)), "then he gets Ann's");
    client::sync_documents(&hub, &ticket_h).await.expect("the hub syncs");
    let bens = employer.store.scorecard(&cleo, &ben_id).expect("Ben's scorecard at the employer");
    assert_eq!((bens.scores.get("Depth"), bens.submitted_at.is_some()), (Some(&2), true));
    // His mark that he submitted went the same way, and reaches Ann, who has not submitted.
    client::sync_documents(&ann, &ticket_a).await.expect("Ann syncs");
    let at_ann = ann.store.reviews(&cleo).expect("reviews");
    assert!(at_ann.by_reviewer.get(&ben_id).is_some_and(|r| r.submitted_at.is_some() && r.scores.is_empty()));
}

/// Every state a document ever had, one per change of its history: what a sync could send.
fn every_state(doc: &mut automerge::AutoCommit) -> Vec<peerview_sync::doc::Reviews> {
    let hashes: Vec<automerge::ChangeHash> = doc.get_changes(&[]).iter().map(automerge::Change::hash).collect();
    hashes
        .iter()
        .map(|h| ReviewsDoc::from_automerge(doc.fork_at(&[*h]).expect("fork")).expect("doc").read().expect("read"))
        .collect()
}

/// The reviews of `candidate` as on disk at `dir`: no score in any state of their history.
fn reviews_on_disk_without_scores(dir: &std::path::Path, candidate: &CandidateId) -> peerview_sync::doc::Reviews {
    let store = Store::open(dir).expect("store");
    let mut doc = store.load(DocKind::Reviews, candidate.as_str()).expect("reviews").doc;
    assert!(!peerview_sync::legacy::two_histories(&doc), "one history");
    for state in every_state(&mut doc) {
        assert!(state.by_reviewer.values().all(|r| r.scores.is_empty()), "a score in the history: {state:?}");
    }
    ReviewsDoc::from_automerge(doc).expect("doc").read().expect("read")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scores_written_into_the_reviews_by_an_older_version_move_into_scorecards_and_stop_travelling() {
    let dirs: Vec<tempfile::TempDir> = (0..5).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign();
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let here = vec![employer.ticket_node().await];
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Cleo", None, here.clone()).expect("candidate");
    let Invitee::Candidate(cleo) = ticket.invitee.clone() else { panic!("candidate ticket") };
    let ticket_a = employer::invite_reviewer(&employer.store, &c.id, "Ann", here.clone()).expect("Ann");
    let ticket_b = employer::invite_reviewer(&employer.store, &c.id, "Ben", here.clone()).expect("Ben");
    let ticket_c = employer::invite_reviewer(&employer.store, &c.id, "Cid", here.clone()).expect("Cid");
    let (ann_id, ben_id, cid_id) = (reviewer_of(&ticket_a), reviewer_of(&ticket_b), reviewer_of(&ticket_c));

    // An older version: Ann's scores, and her submitting them, in her entry of the reviews.
    let mut stored = employer.store.load(DocKind::Reviews, cleo.as_str()).expect("reviews");
    let mut doc = ReviewsDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    doc.set_score(&ann_id, "Ann", "Communication", 5).expect("score");
    doc.set_score(&ann_id, "Ann", "Depth", 4).expect("score");
    doc.mark_submitted(&ann_id, "Ann", Timestamp(7)).expect("submitted");
    stored.doc = doc.into_automerge();
    employer.store.save(&mut stored).expect("save");
    // The upgraded node starts on that data (its first upkeep follows a few seconds later).
    let _router = service.spawn_router();
    assert!(!peerview_sync::legacy::all_migrated(&employer.store));
    // Ben synced then (he holds that copy), and comments before his next sync.
    let ben = node(dirs[2].path()).await;
    client::sync_documents(&ben, &ticket_b).await.expect("Ben joins");
    let note = peerview_sync::doc::ReviewComment {
        question: "intro".parse().expect("id"),
        at_ms: 0,
        text: "Clear and short".into(),
        written_at: Timestamp::now(),
    };
    let mut stored = ben.store.load(DocKind::Reviews, cleo.as_str()).expect("reviews");
    let mut doc = ReviewsDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    doc.add_comment(&ben_id, "Ben", &note).expect("comment");
    stored.doc = doc.into_automerge();
    ben.store.save(&mut stored).expect("save");

    // A hub of the campaign synced then too.
    let ticket_h = employer::invite_hub(&employer.store, &c.id, "Office", here.clone()).expect("hub");
    let hub = node(dirs[4].path()).await;
    client::sync_documents(&hub, &ticket_h).await.expect("the hub joins");

    // The upgraded employer node migrates, in its upkeep (at start and daily); Cid's session,
    // open since before, fetches the reviews after it: the rewrite alone.
    let cid = node(dirs[3].path()).await;
    client::sync_documents(&cid, &ticket_c).await.expect("Cid joins");
    std::fs::remove_dir_all(dirs[3].path().join("docs/reviews").join(cleo.as_str())).expect("Cid's copy gone");
    assert!(!peerview_sync::legacy::outdated(&employer.store).expect("outdated").ids.is_empty());
    let reviews_ref = DocRef { kind: DocKind::Reviews, id: cleo.to_string() };
    let mut fetched = fetch_across_a_migration(&cid, &ticket_c, reviews_ref.clone(), service.daily_upkeep()).await;
    assert!(peerview_sync::legacy::outdated(&employer.store).expect("outdated").ids.is_empty());
    assert!(peerview_sync::legacy::all_migrated(&employer.store), "recorded: later upkeeps do not look again");
    assert!(!peerview_sync::legacy::two_histories(&fetched));
    assert!(every_state(&mut fetched).iter().all(|s| s.by_reviewer.values().all(|r| r.scores.is_empty())));
    let anns = employer.store.scorecard(&cleo, &ann_id).expect("Ann's scorecard");
    assert_eq!((anns.scores.get("Depth"), anns.submitted_at), (Some(&4), Some(Timestamp(7))));

    // An app from before the rewrite sends the old history back: it is not taken.
    let mut older = ben.store.load(DocKind::Reviews, cleo.as_str()).expect("reviews").doc.fork();
    sync_as_an_older_app(&ben, &ticket_b, reviews_ref, &mut older).await;
    assert!(peerview_sync::legacy::two_histories(&older), "the older app merged the rewrite into its copy");
    reviews_on_disk_without_scores(dirs[0].path(), &cleo);

    // Ben's old copy meets the rewrite: his comment arrives, the old history does not.
    client::sync_documents(&ben, &ticket_b).await.expect("Ben syncs");
    let at_employer = reviews_on_disk_without_scores(dirs[0].path(), &cleo);
    assert_eq!(at_employer.by_reviewer[&ben_id].comments, vec![note.clone()]);
    assert_eq!(at_employer.by_reviewer[&ann_id].submitted_at, Some(Timestamp(7)));
    let at_ben = reviews_on_disk_without_scores(dirs[2].path(), &cleo);
    assert_eq!(at_ben.by_reviewer[&ben_id].comments, vec![note]);
    client::sync_documents(&ben, &ticket_b).await.expect("Ben syncs again");
    reviews_on_disk_without_scores(dirs[0].path(), &cleo);

    // The hub's old copy is rebuilt on the rewrite too.
    client::sync_documents(&hub, &ticket_h).await.expect("the hub syncs");
    assert_eq!(reviews_on_disk_without_scores(dirs[4].path(), &cleo), at_employer);

    // Cid, new, receives that Ann submitted, not what she scored.
    client::sync_documents(&cid, &ticket_c).await.expect("Cid syncs");
    let at_cid = reviews_on_disk_without_scores(dirs[3].path(), &cleo);
    assert!(at_cid.by_reviewer[&ann_id].submitted_at.is_some());
    assert!(!cid.store.exists(DocKind::Scorecard, &scorecard_id(&cleo, &ann_id)));
    let shown = cid.store.reviews(&cleo).expect("reviews");
    assert!(shown.by_reviewer[&ann_id].scores.is_empty());
    // Once Cid submits, Ann's scores reach him, from her scorecard.
    score(&cid.store, &c.id, &cleo, &cid_id, 3, true);
    client::sync_documents(&cid, &ticket_c).await.expect("Cid submits");
    assert_eq!(cid.store.reviews(&cleo).expect("reviews").by_reviewer[&ann_id].scores.get("Depth"), Some(&4));
}
