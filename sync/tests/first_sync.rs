//! A reviewer's first sync on loopback (in this process): every document arrives whole in the
//! first round and is saved as it arrived; the second round only acknowledges it, and the
//! session ends there (it took a third round of nothing before). A later sync with nothing
//! new takes two: each side says what it has. (Their speed is measured
//! by `bench_p2p`, not here.)

mod common;

use common::{campaign, node};

use peerview_sync::DocKind;
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::doc::AnswerKind;
use peerview_sync::employer::{self, EmployerService};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_sync_takes_two_rounds_and_saves_each_document_as_it_arrived() {
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let employer = node(dirs[0].path()).await;
    let c = campaign(AnswerKind::Text, 1);
    employer.store.create_campaign(&c).expect("campaign");
    let service = EmployerService::new(employer.clone(), Quota::default());
    let _router = service.spawn_router();
    let here = vec![employer.ticket_node().await];
    for i in 0..12 {
        employer::invite_candidate(&employer.store, &c.id, &format!("Candidate {i}"), None, here.clone())
            .expect("candidate");
    }
    let ticket = employer::invite_reviewer(&employer.store, &c.id, "Rita", here).expect("reviewer");
    let rita = node(dirs[1].path()).await;

    let first = client::sync_documents(&rita, &ticket).await.expect("first sync");
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
}
