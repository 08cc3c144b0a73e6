//! Personal data's end, across real processes: the employer deletes a candidate's submission
//! while its node runs; a reviewer who syncs and a hub that was off during the deletion remove
//! their copies; a search of every employer-side data directory for the candidate's name, email
//! and the bytes of their recording finds nothing, and the stale hub coming back does not bring
//! the submission back. The candidate's status shows the deletion. A second candidate withdraws
//! and gets the receipt. Deletions from the wrong place, or of no one, are refused and change
//! nothing. The audit log holds ids only.

use std::path::Path;
use std::time::{Duration, Instant};

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, stderr, stdout, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Night shift lead"
role = "Night shift lead"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
[[question]]
id = "why"
prompt = "Why this job?"
answer = "text"
"#;

fn wait_until(what: &str, secs: u64, mut check: impl FnMut() -> Option<String>) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while let Some(last) = check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}; last seen:\n{last}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Files under `dir` that contain `needle` (every byte of every file, recursively).
fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path)
                && bytes.windows(needle.len()).any(|w| w == needle)
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

/// What of Ada is left in a data directory: her name, email, text answer or recording bytes.
fn traces(dir: &Path, recording: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (what, needle) in [
        ("name", b"Ada Lovelace".as_slice()),
        ("email", b"ada@example.org".as_slice()),
        ("text answer", b"I like quiet nights".as_slice()),
        // A stretch from the middle of the recording (its payload is random, so unique).
        ("recording", &recording[recording.len() / 2..recording.len() / 2 + 4096]),
    ] {
        for f in files_containing(dir, needle) {
            found.push(format!("{what} in {f}"));
        }
    }
    found
}

#[test]
fn a_deletion_reaches_every_copy_and_a_stale_replica_does_not_bring_it_back() {
    let office = tempfile::tempdir().expect("tempdir");
    let file = office.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    std::fs::remove_file(&file).expect("remove the campaign file");
    let office_bind = format!("127.0.0.1:{}", free_udp_port());
    let office_node = Server::start(office.path(), &office_bind);

    // A hub (a colleague's laptop), two reviewers, two candidates.
    let hub_ticket = ok(&peerview(office.path(), &["hub", "invite", &campaign, "--name", "Laptop"])).trim().to_owned();
    let laptop = tempfile::tempdir().expect("tempdir");
    ok(&peer(laptop.path(), &["join", &hub_ticket]));
    let laptop_node = Server::start_with(laptop.path(), "127.0.0.1:0", &["--replicate-every", "1"]);
    let invite = |name: &str, email: &str| {
        ok(&peerview(office.path(), &["invite", &campaign, "--name", name, "--email", email])).trim().to_owned()
    };
    let ada_ticket = invite("Ada Lovelace", "ada@example.org");
    let bob_ticket = invite("Bob Builder", "bob@example.org");
    let rita_ticket =
        ok(&peerview(office.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();
    let stan_ticket =
        ok(&peerview(office.path(), &["reviewer", "invite", &campaign, "--name", "Stan"])).trim().to_owned();

    // Ada answers (a recording and a text) and submits.
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&peer(ada.path(), &["join", &ada_ticket]));
    let take = ada.path().join("take.mp4");
    let recording = synthetic_mp4(1_500_000, 41, 30);
    std::fs::write(&take, &recording).expect("write take");
    ok(&peer(ada.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peer(ada.path(), &["answer", &campaign, "why", "--text", "I like quiet nights."]));
    let submitted = ok(&peer(ada.path(), &["submit", &campaign]));
    assert!(submitted.contains("received by the employer"), "{submitted}");

    // Every replica gets a copy: the hub by replication, both reviewers by syncing.
    wait_until("the laptop to hold Ada's recording", 60, || {
        let t = traces(laptop.path(), &recording);
        (!t.iter().any(|t| t.starts_with("recording"))).then(|| t.join("\n"))
    });
    let rita = tempfile::tempdir().expect("tempdir");
    assert!(ok(&peer(rita.path(), &["join", &rita_ticket])).contains("1 recording downloaded"));
    let stan = tempfile::tempdir().expect("tempdir");
    assert!(ok(&peer(stan.path(), &["join", &stan_ticket])).contains("1 recording downloaded"));
    for dir in [office.path(), laptop.path(), rita.path(), stan.path()] {
        let t = traces(dir, &recording);
        assert!(t.iter().any(|t| t.starts_with("name")), "the search must see the name before: {t:?}");
        assert!(t.iter().any(|t| t.starts_with("recording")), "and the recording: {t:?}");
    }

    // Exports the app makes land in the data directory (the GUI's Export button): they are
    // copies of the submission and go with it.
    // (The synthetic recording is no MP4 an export can convert, so only the summaries, with
    // her name and answers, are written: enough to show they go.)
    for dir in [office.path(), rita.path()] {
        let into = dir.join("exports").join("ada-lovelace");
        let _ = peerview(dir, &["export", "Ada Lovelace", into.to_str().expect("utf-8")]);
        let summary = std::fs::read_to_string(into.join("summary.md")).expect("an export summary");
        assert!(summary.contains("Ada Lovelace"), "{summary}");
    }

    // The laptop goes off (it is the replica that misses the deletion), and so is Stan.
    assert!(laptop_node.stop().success());

    // Refused and harmless: no such candidate; a reviewer deleting.
    let nobody = peerview(office.path(), &["delete", "Nobody Here"]);
    assert!(!nobody.status.success() && stderr(&nobody).contains("no candidate"), "{}", stderr(&nobody));
    let by_reviewer = peer(rita.path(), &["delete", "Ada Lovelace"]);
    assert!(!by_reviewer.status.success(), "a reviewer must not delete");
    assert!(stderr(&by_reviewer).contains("only the employer side"), "{}", stderr(&by_reviewer));
    assert!(!traces(rita.path(), &recording).is_empty(), "a refused deletion changes nothing");

    // The employer deletes Ada's submission while the office node runs.
    let deleted = ok(&peerview(office.path(), &["delete", "Ada Lovelace"]));
    assert!(deleted.contains("Deleted the submission of Ada Lovelace"), "{deleted}");
    assert!(deleted.contains("1 recording removed"), "{deleted}");
    assert_eq!(traces(office.path(), &recording), Vec::<String>::new(), "the office still holds Ada's data");
    let shown = ok(&peerview(office.path(), &["campaign", "show", &campaign]));
    assert!(shown.contains("deleted") && !shown.contains("Ada"), "{shown}");

    // Rita syncs: her copy goes.
    ok(&peer(rita.path(), &["sync"]));
    assert_eq!(traces(rita.path(), &recording), Vec::<String>::new(), "Rita still holds Ada's data");

    // The laptop comes back with its stale copy and replicates with the office: its copy goes,
    // and the office does not get Ada back.
    let laptop_node = Server::start_with(laptop.path(), "127.0.0.1:0", &["--replicate-every", "1"]);
    wait_until("the laptop to remove Ada's data", 60, || {
        let t = traces(laptop.path(), &recording);
        (!t.is_empty()).then(|| t.join("\n"))
    });
    // A few more rounds of replication both ways.
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(traces(office.path(), &recording), Vec::<String>::new(), "the stale laptop brought Ada back");
    assert_eq!(traces(laptop.path(), &recording), Vec::<String>::new());
    // Restarting the stale replica again changes nothing.
    assert!(laptop_node.stop().success());
    let laptop_node = Server::start_with(laptop.path(), "127.0.0.1:0", &["--replicate-every", "1"]);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(traces(laptop.path(), &recording), Vec::<String>::new());
    assert_eq!(traces(office.path(), &recording), Vec::<String>::new());

    // Stan, offline all along, syncs at last: his copy goes too.
    ok(&peer(stan.path(), &["sync"]));
    assert_eq!(traces(stan.path(), &recording), Vec::<String>::new(), "Stan still holds Ada's data");

    // Ada learns of it (her own computer keeps her own recording).
    let synced = peer(ada.path(), &["sync"]);
    assert!(synced.status.success(), "{}{}", stdout(&synced), stderr(&synced));
    assert!(stdout(&synced).contains("deleted this submission"), "{}", stdout(&synced));
    let status = ok(&peer(ada.path(), &["status"]));
    assert!(status.contains("deleted by the employer side"), "{status}");
    assert!(status.contains("deletion receipt"), "{status}");

    // Bob withdraws after submitting: the employer side deletes it and he gets the receipt.
    let bob = tempfile::tempdir().expect("tempdir");
    ok(&peer(bob.path(), &["join", &bob_ticket]));
    let bob_take = bob.path().join("take.mp4");
    std::fs::write(&bob_take, synthetic_mp4(200_000, 42, 10)).expect("write take");
    ok(&peer(bob.path(), &["answer", &campaign, "intro", "--file", bob_take.to_str().expect("utf-8")]));
    ok(&peer(bob.path(), &["answer", &campaign, "why", "--text", "Bob can fix it."]));
    ok(&peer(bob.path(), &["submit", &campaign]));
    let withdrawn = ok(&peer(bob.path(), &["withdraw", &campaign]));
    assert!(withdrawn.contains("withdrawn at the candidate's request"), "{withdrawn}");
    assert!(withdrawn.contains("deletion receipt"), "{withdrawn}");
    for dir in [office.path(), laptop.path()] {
        wait_until("Bob's data to leave the employer side", 30, || {
            let found: Vec<String> = files_containing(dir, b"Bob Builder")
                .into_iter()
                .chain(files_containing(dir, b"Bob can fix it"))
                .collect();
            (!found.is_empty()).then(|| found.join("\n"))
        });
    }

    // The audit log says what happened, by ids, and nothing personal.
    let audit = ok(&peerview(office.path(), &["audit"]));
    assert!(audit.contains("delete") && audit.contains("employer") && audit.contains("withdrawn"), "{audit}");
    let log = std::fs::read_to_string(office.path().join("audit.log")).expect("audit log");
    assert!(!log.contains("Ada") && !log.contains("Bob") && !log.contains("example.org"), "{log}");
    drop(laptop_node);
    drop(office_node);
}

/// libfaketime (Debian package faketime), preloaded into a process to move its clock.
fn libfaketime() -> Option<std::path::PathBuf> {
    ["/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

#[test]
fn the_retention_period_deletes_a_decided_submission_when_the_node_starts_after_it() {
    let Some(faketime) = libfaketime() else {
        peerview_tests::skip("libfaketime is not installed (Debian package faketime)");
        return;
    };
    let office = tempfile::tempdir().expect("tempdir");
    let file = office.path().join("campaign.toml");
    // Top-level keys go before the first [[question]] table.
    std::fs::write(&file, CAMPAIGN.replacen("[[question]]", "retention_days = 30\n[[question]]", 1)).expect("write");
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let node = Server::start(office.path(), &bind);
    let ticket = ok(&peerview(office.path(), &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&peer(ada.path(), &["join", &ticket]));
    let take = ada.path().join("take.mp4");
    let recording = synthetic_mp4(300_000, 43, 10);
    std::fs::write(&take, &recording).expect("write take");
    ok(&peer(ada.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peer(ada.path(), &["answer", &campaign, "why", "--text", "I like quiet nights."]));
    assert!(ok(&peer(ada.path(), &["submit", &campaign])).contains("received by the employer"));
    assert!(node.stop().success());
    ok(&peerview(office.path(), &["review", "Ada Lovelace", "--decide", "reject"]));
    assert!(!traces(office.path(), &recording).is_empty());

    // Twenty days on, nothing happens; eleven years on (past any clock the suite fakes), the
    // node deletes the submission as it starts.
    // (Preloaded rather than through the `faketime` wrapper, so SIGTERM reaches the node.)
    let at = |offset: &str| {
        let mut command = peerview_tests::peerview_command();
        command.env("LD_PRELOAD", &faketime).env("FAKETIME", offset).env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        command
    };
    let early = Server::spawn(at("+20d"), office.path(), &bind, &[]);
    std::thread::sleep(Duration::from_secs(2));
    assert!(early.stop().success());
    assert!(!traces(office.path(), &recording).is_empty(), "deleted before its time");
    let late = Server::spawn(at("+4000d"), office.path(), &bind, &[]);
    late.wait_for_log("submission deleted", 30);
    wait_until("the recording to leave the store", 30, || {
        let t = traces(office.path(), &recording);
        (!t.is_empty()).then(|| t.join("\n"))
    });
    assert!(late.stop().success());
    let audit = ok(&peerview(office.path(), &["audit"]));
    assert!(audit.contains("delete") && audit.contains("retention"), "{audit}");
}

#[test]
fn a_take_recorded_again_leaves_the_employers_store_once_the_submission_is_in() {
    let office = tempfile::tempdir().expect("tempdir");
    let file = office.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let node = Server::start(office.path(), &bind);
    let ticket = ok(&peerview(office.path(), &["invite", &campaign, "--name", "Cy"])).trim().to_owned();
    let cy = tempfile::tempdir().expect("tempdir");
    ok(&peer(cy.path(), &["join", &ticket]));
    // Two takes recorded with the fragments sent while recording; the second is kept.
    // (Lengths differ: the test pattern is the same every time, so equal takes would share
    // every fragment.)
    for seconds in ["3", "5"] {
        ok(&peer(
            cy.path(),
            &["answer", &campaign, "intro", "--record", "--video", "test-pattern", "--seconds", seconds],
        ));
    }
    ok(&peer(cy.path(), &["answer", &campaign, "why", "--text", "Stars."]));
    assert!(ok(&peer(cy.path(), &["submit", &campaign])).contains("received by the employer"));
    let store = peerview_sync::Store::open(cy.path()).expect("store");
    let submission = store
        .memberships()
        .expect("memberships")
        .iter()
        .find_map(|t| store.submission_of(t).ok().flatten())
        .expect("submission");
    let fragments = |take: u32| -> Vec<String> {
        submission
            .uploads
            .iter()
            .filter(|u| u.take_number == take)
            .flat_map(|u| u.fragments.iter().map(|(h, _)| h.clone()))
            .collect()
    };
    let (first, second) = (fragments(1), fragments(2));
    // What only the first take has (the takes share identical fragments: the init segment,
    // and the first seconds of the test pattern).
    let first: Vec<String> = first.into_iter().filter(|h| !second.contains(h)).collect();
    assert!(!first.is_empty() && !second.is_empty(), "{:?}", submission.uploads);
    let kept = submission.takes().next().expect("a kept take").1.hash.clone();
    let here = |hash: &str| {
        let out = office.path().join("probe.bin");
        let found = peerview(office.path(), &["export-recording", hash, out.to_str().expect("utf-8")]).status.success();
        let _ = std::fs::remove_file(&out);
        found
    };
    assert!(here(&first[0]), "the employer received the first take's fragments");
    // At its next start the employer removes what no submission kept.
    assert!(node.stop().success());
    let node = Server::start(office.path(), &bind);
    node.wait_for_log("removed recordings that no submission kept", 30);
    assert!(first.iter().all(|h| !here(h)), "the first take is still there");
    assert!(here(&kept), "the kept take went too");
    assert!(second.iter().all(|h| here(h)), "the kept take's fragments went too");
    drop(node);
}
