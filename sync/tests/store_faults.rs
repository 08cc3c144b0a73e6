//! Store faults: a process killed in the middle of saving, and corrupted document files.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use std::{env, fs, thread};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ReadDoc};
use peerview_sync::{DocKind, Store, StoreError};

const CHILD_ENV: &str = "PEERVIEW_STORE_CRASH_CHILD";

fn counter(doc: &AutoCommit) -> i64 {
    match doc.get(ROOT, "n").expect("get") {
        Some((automerge::Value::Scalar(v), _)) => v.as_i64().expect("int"),
        _ => 0,
    }
}

/// Not a test on its own: the body of the child process that `saves_survive_sigkill` kills.
#[test]
fn crash_child() {
    let Ok(dir) = env::var(CHILD_ENV) else { return };
    let store = Store::open(&dir).expect("open");
    let mut stored = match store.load(DocKind::Campaign, "crash") {
        Ok(s) => s,
        Err(StoreError::NotFound { .. }) => {
            store.create(DocKind::Campaign, "crash", AutoCommit::new()).expect("create")
        }
        Err(e) => panic!("{e}"),
    };
    let filler = "x".repeat(20_000);
    loop {
        let n = counter(&stored.doc) + 1;
        stored.doc.put(ROOT, "n", n).expect("put");
        stored.doc.put(ROOT, "filler", format!("{n}{filler}")).expect("put");
        store.save(&mut stored).expect("save");
        println!("saved {n}");
    }
}

fn pseudo_random(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    *seed >> 33
}

#[test]
fn saves_survive_sigkill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut seed = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_nanos() as u64;
    let mut last_saved = 0i64;
    let mut total_saves = 0;
    for round in 0..20 {
        let mut child = Command::new(env::current_exe().expect("exe"))
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("stdout");
        let reader = thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").and_then(|n| n.parse::<i64>().ok()))
                .max()
        });
        thread::sleep(Duration::from_millis(20 + pseudo_random(&mut seed) % 80));
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
        if let Some(n) = reader.join().expect("reader") {
            last_saved = last_saved.max(n);
            total_saves += 1;
        }
        let store = Store::open(dir.path()).expect("reopen after kill");
        assert!(store.problems().is_empty(), "round {round}: {:?}", store.problems());
        if store.exists(DocKind::Campaign, "crash") {
            let doc = store.load(DocKind::Campaign, "crash").expect("load");
            assert!(
                counter(&doc.doc) >= last_saved,
                "round {round}: lost a save ({} < {last_saved})",
                counter(&doc.doc)
            );
        }
    }
    assert!(total_saves > 0, "the child never got to save: the test proved nothing");
}

fn doc_files(root: &std::path::Path, kind: &str, id: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> =
        fs::read_dir(root.join("docs").join(kind).join(id)).expect("ls").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

#[test]
fn corrupt_files_are_reported_by_name_and_kept_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let store = Store::open(dir.path()).expect("open");
        for id in ["good", "bad-increment", "bad-snapshot"] {
            let mut doc = AutoCommit::new();
            doc.put(ROOT, "n", 1i64).expect("put");
            let mut stored = store.create(DocKind::Submission, id, doc).expect("create");
            stored.doc.put(ROOT, "n", 2i64).expect("put");
            store.save(&mut stored).expect("save");
        }
    }
    let inc = doc_files(dir.path(), "submission", "bad-increment")
        .into_iter()
        .find(|p| p.to_string_lossy().contains("inc-"))
        .expect("inc");
    let mut bytes = fs::read(&inc).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    fs::write(&inc, &bytes).expect("corrupt");
    let snap = doc_files(dir.path(), "submission", "bad-snapshot")
        .into_iter()
        .find(|p| p.to_string_lossy().contains("snapshot-"))
        .expect("snap");
    let bytes = fs::read(&snap).expect("read");
    fs::write(&snap, &bytes[..bytes.len() / 2]).expect("truncate");
    let original_corrupt = fs::read(&inc).expect("read");

    let store = Store::open(dir.path()).expect("a corrupt file must not stop the store from opening");
    let problems = store.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for (problem, path) in problems.iter().zip([&inc, &snap]) {
        assert!(problems.iter().any(|p| &p.path == path), "{path:?} not reported: {problems:?}");
        assert!(problem.to_string().contains("is corrupt"), "{problem}");
        let kept = problem.moved_to.as_ref().expect("moved aside");
        assert!(kept.starts_with(dir.path().join("quarantine")), "{kept:?}");
        assert!(kept.exists());
    }
    let kept_inc = problems.iter().find(|p| p.path == inc).and_then(|p| p.moved_to.clone()).expect("kept");
    assert_eq!(fs::read(kept_inc).expect("read kept"), original_corrupt, "the corrupt file is kept as it was");

    assert_eq!(counter(&store.load(DocKind::Submission, "good").expect("good").doc), 2);
    assert_eq!(counter(&store.load(DocKind::Submission, "bad-increment").expect("snapshot survives").doc), 1);
    // The truncated snapshot's increment alone holds the second change, whose dependency is gone.
    let partial = store.load(DocKind::Submission, "bad-snapshot").expect("loads what is left");
    assert_eq!(counter(&partial.doc), 0, "no value is invented from a change whose history is missing");
    // Reopening finds nothing new to complain about.
    assert!(Store::open(dir.path()).expect("open").problems().is_empty());
}

#[test]
fn empty_document_file_is_corrupt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("open");
    store.create(DocKind::Campaign, "c", AutoCommit::new()).expect("create");
    let snap = doc_files(dir.path(), "campaign", "c").remove(0);
    fs::write(&snap, b"").expect("empty");
    let store = Store::open(dir.path()).expect("open");
    assert!(matches!(
        store.load(DocKind::Campaign, "c"),
        Err(StoreError::NotFound { .. } | StoreError::AllCorrupt { .. })
    ));
    assert_eq!(store.problems().len(), 1);
    assert!(store.problems()[0].to_string().contains("empty"));
}

/// A reader in another thread (or process) that lists a document's files just before a writer
/// compacts them still sees everything that was saved before it started reading.
#[test]
fn a_load_racing_a_compaction_misses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = std::sync::Arc::new(Store::open(dir.path()).expect("open"));
    let mut stored = store.create(DocKind::Campaign, "race", AutoCommit::new()).expect("create");
    let saved = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (store, saved, done) = (store.clone(), saved.clone(), done.clone());
        thread::spawn(move || {
            let mut loads = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let before = saved.load(std::sync::atomic::Ordering::SeqCst);
                let loaded = store.load(DocKind::Campaign, "race").expect("load");
                let n = counter(&loaded.doc);
                assert!(n >= before, "a load saw {n} but {before} had been saved before it started");
                loads += 1;
            }
            loads
        })
    };
    for n in 1..=400 {
        stored.doc.put(ROOT, "n", n).expect("put");
        store.save(&mut stored).expect("save");
        saved.store(n, std::sync::atomic::Ordering::SeqCst);
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let loads = reader.join().expect("no load missed a change");
    assert!(loads > 10, "the reader raced the writer ({loads} loads)");
}

/// Three documents with a snapshot and an increment each, saved through a store.
fn three_documents(root: &std::path::Path) {
    let store = Store::open(root).expect("open");
    for id in ["a", "b", "c"] {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "n", 1i64).expect("put");
        let mut stored = store.create(DocKind::Submission, id, doc).expect("create");
        stored.doc.put(ROOT, "n", 2i64).expect("put");
        store.save(&mut stored).expect("save");
    }
}

/// Opening a large store must not read every document again: files this store saved, or an
/// earlier open checked, are vouched for by the record of verified files. Without the record
/// (lost, or damaged) every file is checked, and nothing fails.
#[test]
fn a_second_open_reads_no_document_file_checked_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    three_documents(dir.path());
    let store = Store::open(dir.path()).expect("open");
    assert_eq!(store.files_read(), 0, "files saved by the store itself are not read again");
    assert_eq!(counter(&store.load(DocKind::Submission, "b").expect("load").doc), 2);
    assert_eq!(store.files_read(), 2, "a load still reads (and checks) the files");

    let record = dir.path().join("doc-files-verified");
    for damage in [None, Some(&b"\x00\xffnot a record"[..]), Some(&b"submission/a/inc-00.am zz\n"[..])] {
        match damage {
            None => fs::remove_file(&record).expect("remove the record"),
            Some(bytes) => fs::write(&record, bytes).expect("damage the record"),
        }
        let store = Store::open(dir.path()).expect("a lost or damaged record must not stop the store from opening");
        assert_eq!(store.files_read(), 6, "without the record every file is checked ({damage:?})");
        assert!(store.problems().is_empty(), "{:?}", store.problems());
        assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0, "the open wrote the record anew");
    }
}

/// A file the record does not vouch for (written by another program, or by another process
/// whose record lines were lost) is checked at open, and quarantined when corrupt, even in a
/// document whose other files were verified.
#[test]
fn a_corrupt_file_never_verified_is_quarantined_at_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    three_documents(dir.path());
    // Saved an hour ago: the open records the directories too (only settled ones are), and
    // the next open vouches for their files without listing them.
    let hour_ago = SystemTime::now() - Duration::from_hours(1);
    for entry in fs::read_dir(dir.path().join("docs/submission")).expect("ls") {
        fs::File::open(entry.expect("entry").path()).expect("open dir").set_modified(hour_ago).expect("mtime");
    }
    assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0);
    let record = fs::read_to_string(dir.path().join("doc-files-verified")).expect("record");
    assert!(record.lines().any(|l| l.starts_with("submission/b ")), "{record}");
    // Nothing changed since: the open vouches for everything and leaves the record as it is
    // (written anew, it would be a new file).
    let record_file = || {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(dir.path().join("doc-files-verified")).expect("record");
        (meta.ino(), meta.mtime_nsec(), meta.len())
    };
    let before = record_file();
    assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0);
    assert_eq!(record_file(), before, "an open that found nothing new rewrote the record");
    // A file no one verified, and a verified one damaged in place (its directory unchanged).
    let stranger = dir.path().join("docs/submission/b/inc-0123456789abcdef.am");
    fs::write(&stranger, b"not an automerge change").expect("write");
    let rotten = doc_files(dir.path(), "submission", "c")
        .into_iter()
        .find(|p| p.to_string_lossy().contains("inc-"))
        .expect("inc");
    let mut bytes = fs::read(&rotten).expect("read");
    bytes[0] ^= 0xff;
    fs::write(&rotten, &bytes).expect("damage in place");
    let store = Store::open(dir.path()).expect("a corrupt file must not stop the store from opening");
    let mut problems = store.problems();
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!((&problems[0].path, &problems[1].path), (&stranger, &rotten));
    assert!(problems.iter().all(|p| p.moved_to.as_ref().is_some_and(|p| p.exists())), "{problems:?}");
    assert!(!stranger.exists() && !rotten.exists());
    assert_eq!(store.files_read(), 5, "only the documents with a new or changed file are read");
    assert_eq!(counter(&store.load(DocKind::Submission, "b").expect("the rest is usable").doc), 2);
    assert!(Store::open(dir.path()).expect("open").problems().is_empty());
}
