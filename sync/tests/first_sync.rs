//! A reviewer's first sync on loopback (in this process): every document arrives whole in the
//! first round and is saved as it arrived; the second round only acknowledges it, and the
//! session ends there (it took a third round of nothing before). A later sync with nothing
//! new takes two: each side says what it has. Neither side loads a document that went whole
//! and nobody changed (`peerview_sync::whole`); one changed meanwhile is brought in the same
//! session. (Their speed is measured by `bench_p2p`, not here.)

mod common;

use common::{campaign, claim_of, hello, node};

use automerge::AutoCommit;
use automerge::sync::{Message as SyncMessage, State as SyncState, SyncDoc};
use peerview_sync::DocKind;
use peerview_sync::auth::DocRef;
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::doc::AnswerKind;
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::protocol::{Entry, Msg, read_msg, write_msg};

/// An employer's node serving a campaign with these candidates invited, and a reviewer's ticket.
struct Setup {
    employer: peerview_sync::node::Node,
    campaign: peerview_sync::CampaignId,
    here: Vec<peerview_sync::ticket::TicketNode>,
    ticket: peerview_sync::ticket::Ticket,
    _router: iroh::protocol::Router,
}

async fn employer_with_reviewer(dir: &std::path::Path, candidates: &[String]) -> Setup {
    let employer = node(dir).await;
    let c = campaign(AnswerKind::Text, 1);
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    for name in candidates {
        employer::invite_candidate(&employer.store, &c.id, name, None, here.clone()).expect("candidate");
    }
    let ticket = employer::invite_reviewer(&employer.store, &c.id, "Rita", here.clone()).expect("reviewer");
    Setup { employer, campaign: c.id, here, ticket, _router: router }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_sync_takes_two_rounds_and_saves_each_document_as_it_arrived() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let candidates: Vec<String> = (0..12).map(|i| format!("Candidate {i}")).collect();
    let Setup { employer, ticket, _router, .. } = employer_with_reviewer(dirs[0].path(), &candidates).await;
    let rita = node(dirs[1].path()).await;

    let loads = employer.store.loads();
    let first = client::sync_documents(&rita, &ticket).await.expect("first sync");
    // Each document kept as one snapshot went from its file; what was loaded is the campaign
    // and the roster (read to decide access and bind the invite, the roster kept in many files).
    let loads = employer.store.loads() - loads;
    assert!(loads <= 4, "{loads} documents loaded for {} sent", first.docs.len());
    assert!(first.docs.len() > 24, "{} documents", first.docs.len());
    assert_eq!(first.rounds, 2, "everything in the first round, its acknowledgement in the second");
    // Each new document is one file on disk: the bytes the employer's node sent, which are its
    // whole document as saved (no second encoding here).
    for doc in first.docs.iter().filter(|d| d.kind == DocKind::Submission) {
        let sent = employer.store.load(doc.kind, &doc.id).expect("employer's").doc.save();
        let dir = dirs[1].path().join("docs").join(doc.kind.dir_name()).join(&doc.id);
        let files: Vec<Vec<u8>> = std::fs::read_dir(&dir)
            .expect("document directory")
            .map(|e| std::fs::read(e.expect("entry").path()).expect("read"))
            .collect();
        assert_eq!(files, vec![sent], "{}", doc.id);
    }

    let again = client::sync_documents(&rita, &ticket).await.expect("second sync");
    // Each side says what it has (sync states are not kept between sessions), and that is all.
    assert_eq!((again.rounds, again.changed.len()), (2, 0), "nothing new");

    // A document here that became unreadable (its file damaged) is moved aside, reported, and
    // taken again whole; the sync goes on.
    let damaged = first.docs.iter().find(|d| d.kind == DocKind::Submission).expect("a submission").clone();
    let dir = dirs[1].path().join("docs").join(damaged.kind.dir_name()).join(&damaged.id);
    let file = std::fs::read_dir(&dir).expect("ls").next().expect("a file").expect("entry").path();
    let bytes = std::fs::read(&file).expect("read");
    std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("truncate");
    let mended = client::sync_documents(&rita, &ticket).await.expect("sync after the damage");
    assert_eq!(mended.changed, vec![damaged.clone()]);
    assert_eq!(rita.store.problems().len(), 1, "{:?}", rita.store.problems());
    let back = rita.store.load(damaged.kind, &damaged.id).expect("taken again").doc.save();
    assert_eq!(back, employer.store.load(damaged.kind, &damaged.id).expect("employer's").doc.save());
}

/// A peer that syncs the way Automerge itself does (as an earlier Peerview did) gets the whole
/// documents in the first round; a document the employer's node changes after sending it whole
/// comes in the second round, and the others need nothing more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_changed_after_it_went_whole_follows_in_the_same_session() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let Setup { employer, ticket, campaign, here, _router } =
        employer_with_reviewer(dirs[0].path(), &["Ann".into()]).await;
    let rita = node(dirs[1].path()).await;

    let (_conn, mut send, mut recv, welcome) = hello(&rita, &ticket, Some(claim_of(&ticket))).await;
    let Msg::Welcome { docs: offered } = welcome else { panic!("{welcome:?}") };
    assert!(offered.iter().any(|d| d.kind == DocKind::Roster), "{offered:?}");
    let mut local: Vec<(DocRef, AutoCommit, SyncState)> =
        offered.into_iter().map(|d| (d, AutoCommit::new(), SyncState::new())).collect();
    let mut round = async |local: &mut Vec<(DocRef, AutoCommit, SyncState)>| -> Vec<Entry> {
        let entries = local
            .iter_mut()
            .map(|(d, doc, state)| Entry {
                doc: d.clone(),
                message: doc.sync().generate_sync_message(state).map(SyncMessage::encode),
            })
            .collect();
        write_msg(&mut send, &Msg::Round { entries }).await.expect("round");
        let Msg::Round { entries } = read_msg(&mut recv).await.expect("reply") else { panic!("expected a round") };
        for entry in &entries {
            let Some(bytes) = &entry.message else { continue };
            let (_, doc, state) = local.iter_mut().find(|(d, _, _)| *d == entry.doc).expect("offered");
            doc.sync().receive_sync_message(state, SyncMessage::decode(bytes).expect("decode")).expect("receive");
        }
        entries
    };

    let first = round(&mut local).await;
    for (doc_ref, doc, _) in &mut local {
        let held = employer.store.load(doc_ref.kind, &doc_ref.id).expect("employer's");
        assert_eq!(doc.get_heads(), held.doc.clone().get_heads(), "{doc_ref:?} arrived whole");
    }
    assert_eq!(first.len(), local.len());
    // A second candidate: the roster changes on the employer's side between the rounds.
    employer::invite_candidate(&employer.store, &campaign, "Ben", None, here).expect("candidate");
    let second = round(&mut local).await;
    let brought: Vec<&DocRef> = second.iter().filter(|e| e.message.is_some()).map(|e| &e.doc).collect();
    assert_eq!(brought.iter().map(|d| d.kind).collect::<Vec<_>>(), vec![DocKind::Roster], "{brought:?}");
    let (_, roster, _) = local.iter_mut().find(|(d, _, _)| d.kind == DocKind::Roster).expect("roster");
    let roster = peerview_sync::RosterDoc::from_automerge(roster.clone()).expect("roster").read().expect("read");
    assert_eq!(roster.candidates.len(), 2, "Ben came in the same session");
}

/// A first sync that brings many documents keeps them in one pack on the reviewer's side
/// (`store::pack`) instead of a directory and a file each; they load as the employer's node
/// holds them, are checked when the store next opens, and a later change to one of them comes
/// in the next sync and is kept beside the pack.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_documents_arrive_in_one_pack_and_later_changes_follow() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let candidates: Vec<String> = (0..40).map(|i| format!("Candidate {i}")).collect();
    let Setup { employer, ticket, _router, .. } = employer_with_reviewer(dirs[0].path(), &candidates).await;
    let rita = node(dirs[1].path()).await;

    let first = client::sync_documents(&rita, &ticket).await.expect("first sync");
    assert!(first.docs.len() > 64, "{} documents", first.docs.len());
    let packs: Vec<_> = std::fs::read_dir(dirs[1].path().join("docs/packs")).expect("ls").collect();
    assert_eq!(packs.len(), 1, "one pack");
    let submissions = std::fs::read_dir(dirs[1].path().join("docs/submission")).expect("ls").count();
    assert_eq!(submissions, 0, "no directory per submission");
    let same = |doc: &DocRef| {
        let theirs = employer.store.load(doc.kind, &doc.id).expect("employer's").doc.get_heads();
        let ours = rita.store.load(doc.kind, &doc.id).expect("reviewer's").doc.get_heads();
        assert_eq!(ours, theirs, "{doc:?}");
    };
    first.docs.iter().for_each(same);

    // The employer's side changes one submission: it comes in the next sync.
    let changed = first.docs.iter().find(|d| d.kind == DocKind::Submission).expect("a submission").clone();
    let mut stored = employer.store.load(changed.kind, &changed.id).expect("load");
    let mut doc = peerview_sync::SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("submission");
    doc.mark_submitted(peerview_sync::Timestamp::now(), "candidate").expect("submitted");
    stored.doc = doc.into_automerge();
    employer.store.save(&mut stored).expect("save");
    let again = client::sync_documents(&rita, &ticket).await.expect("second sync");
    assert_eq!(again.changed, vec![changed.clone()]);
    same(&changed);
    let dir = dirs[1].path().join("docs").join(changed.kind.dir_name()).join(&changed.id);
    assert_eq!(std::fs::read_dir(&dir).expect("the change, beside the pack").count(), 1);

    // Opened again, the store checks the documents that arrived whole (not loaded when they
    // came): all good, all there.
    let reopened = peerview_sync::store::Store::open(dirs[1].path()).expect("open");
    assert!(reopened.problems().is_empty(), "{:?}", reopened.problems());
    assert!(reopened.files_read() >= 1, "the pack was checked");
    assert_eq!(reopened.list(DocKind::Submission).expect("list").len(), 40);
    let third = client::sync_documents(&rita, &ticket).await.expect("third sync");
    assert!(third.changed.is_empty(), "{:?}", third.changed);
}

/// An employer's node whose documents its upkeep packed (`Store::pack_settled`) sends each one
/// whole from the pack, loading none of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employer_sends_packed_documents_without_loading_them() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let candidates: Vec<String> = (0..30).map(|i| format!("Candidate {i}")).collect();
    let Setup { employer, ticket, _router, .. } = employer_with_reviewer(dirs[0].path(), &candidates).await;
    let repacked = employer.store.pack_settled(std::time::Duration::ZERO, 1).expect("pack").expect("packed");
    assert!(repacked.documents >= 60, "{}", repacked.documents);
    employer.store.drop_repacked(&repacked).expect("drop");
    let rita = node(dirs[1].path()).await;

    let loads = employer.store.loads();
    let first = client::sync_documents(&rita, &ticket).await.expect("first sync");
    let loads = employer.store.loads() - loads;
    assert!(loads <= 4, "{loads} documents loaded for {} sent", first.docs.len());
    assert_eq!(first.rounds, 2);
    for doc in &first.docs {
        let theirs = employer.store.load(doc.kind, &doc.id).expect("employer's").doc.get_heads();
        let ours = rita.store.load(doc.kind, &doc.id).expect("reviewer's").doc.get_heads();
        assert_eq!(ours, theirs, "{doc:?}");
    }
    let again = client::sync_documents(&rita, &ticket).await.expect("second sync");
    assert_eq!((again.rounds, again.changed.len()), (2, 0), "nothing new");
}
