//! Peer-to-peer across processes on loopback (relays disabled): invite, join, answer, submit;
//! the employer holds the verified recording; a reviewer syncs it; a second candidate sees
//! nothing of the first; unknown, forged and replayed tickets are refused; a transfer killed on
//! either side resumes and verifies.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, peerview_command, stderr, stdout, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Support engineer"
role = "Support engineer"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
max_takes = 3
[[question]]
id = "why"
prompt = "Why this job?"
answer = "text"
"#;

fn create_campaign(employer: &Path) -> String {
    let file = employer.join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    ok(&peerview(employer, &["campaign", "create", "--file", file.to_str().expect("utf-8")])).trim().to_owned()
}

fn invite(employer: &Path, campaign: &str, name: &str) -> String {
    ok(&peerview(employer, &["invite", campaign, "--name", name])).trim().to_owned()
}

fn answer_and_submit(data: &Path, campaign: &str, take: &Path) -> std::process::Output {
    ok(&peer(data, &["answer", campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peer(data, &["answer", campaign, "why", "--text", "I like helping people."]));
    peer(data, &["submit", campaign])
}

#[test]
fn invite_join_answer_submit_review_and_isolation() {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = create_campaign(employer.path());
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let ticket_ada = invite(employer.path(), &campaign, "Ada Lovelace");
    let ticket_bob = invite(employer.path(), &campaign, "Bob");
    let ticket_rev =
        ok(&peerview(employer.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();

    // Ada joins, answers and submits.
    let ada = tempfile::tempdir().expect("tempdir");
    let joined = ok(&peer(ada.path(), &["join", &ticket_ada]));
    assert!(joined.contains("Support engineer") && joined.contains("[intro]") && joined.contains("[why]"), "{joined}");
    let take = ada.path().join("take.mp4");
    let bytes = synthetic_mp4(3_000_000, 1, 42);
    std::fs::write(&take, &bytes).expect("write take");
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let submitted = ok(&answer_and_submit(ada.path(), &campaign, &take));
    assert!(submitted.contains("received by the employer"), "{submitted}");
    assert!(ok(&peerview(ada.path(), &["status"])).contains("answered intro"));
    // The candidate's computer has no roster: `campaign show` shows the campaign and their own state.
    let shown = ok(&peerview(ada.path(), &["campaign", "show", &campaign]));
    assert!(
        shown.contains("Support engineer") && shown.contains("Your submission: received (2 of 2 answered)"),
        "{shown}"
    );

    // While the node runs it owns the recordings store; other commands reach it through the node.
    let out = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, out.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&out).expect("read"), bytes);
    let show = ok(&peerview(employer.path(), &["campaign", "show", &campaign]));
    assert!(show.contains("Ada Lovelace") && show.contains("received"), "{show}");

    // A reviewer syncs everything of the campaign, recordings included.
    let rita = tempfile::tempdir().expect("tempdir");
    let joined = ok(&peer(rita.path(), &["join", &ticket_rev]));
    assert!(joined.contains("1 recording downloaded"), "{joined}");
    let out = rita.path().join("got.mp4");
    ok(&peerview(rita.path(), &["export-recording", &hash, out.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&out).expect("read"), bytes);
    assert_eq!(std::fs::read_dir(rita.path().join("docs/reviews")).expect("ls").count(), 2, "both candidates' reviews");

    // Bob joins and sees nothing of Ada's: only the campaign and his own submission.
    let bob = tempfile::tempdir().expect("tempdir");
    ok(&peer(bob.path(), &["join", &ticket_bob]));
    let count = |dir: &str| std::fs::read_dir(bob.path().join("docs").join(dir)).map_or(0, std::iter::Iterator::count);
    assert_eq!((count("campaign"), count("submission"), count("roster"), count("reviews")), (1, 1, 0, 0));
    let out = bob.path().join("steal.mp4");
    assert!(!peerview(bob.path(), &["export-recording", &hash, out.to_str().expect("utf-8")]).status.success());

    // Bob records his answer live (720p test pattern and tone) and submits it.
    let recorded = ok(&peer(bob.path(), &["answer", &campaign, "intro", "--record", "--seconds", "2"]));
    assert!(recorded.contains("Saved your answer to intro"), "{recorded}");
    let too_long = peer(bob.path(), &["answer", &campaign, "intro", "--record", "--seconds", "301"]);
    assert!(stderr(&too_long).contains("at most 300 s"), "{}", stderr(&too_long));
    ok(&peer(bob.path(), &["answer", &campaign, "why", "--text", "Recorded live."]));
    assert!(ok(&peer(bob.path(), &["submit", &campaign])).contains("received by the employer"));

    // Ada's ticket replayed from another computer is refused; so is a forged secret.
    let mallory = tempfile::tempdir().expect("tempdir");
    let replay = peer(mallory.path(), &["join", &ticket_ada]);
    assert!(!replay.status.success());
    assert!(stderr(&replay).contains("already used on another computer"), "{}", stderr(&replay));
    let forged = forge_secret(&ticket_bob);
    let out = peer(mallory.path(), &["join", &forged]);
    assert!(stderr(&out).contains("secret does not match"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(mallory.path().join("docs/campaign")).expect("ls").count(),
        0,
        "refused peers get nothing"
    );
    assert!(server.log().contains("refused"), "refusals are logged");

    // Revoking Bob shuts his computer out.
    let roster = ok(&peerview(employer.path(), &["campaign", "show", &campaign]));
    let bob_id = roster
        .lines()
        .find(|l| l.contains("Bob"))
        .and_then(|l| l.split_whitespace().next())
        .expect("bob's id")
        .to_owned();
    ok(&peerview(employer.path(), &["revoke", &campaign, &bob_id]));
    let out = peer(bob.path(), &["sync"]);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("withdrawn by the employer"), "{}", stdout(&out));

    // The employer holds the verified recording, byte for byte.
    assert!(server.stop().success(), "clean shutdown on SIGTERM");
    let out = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, out.to_str().expect("utf-8")]));
    assert_eq!(blake3::hash(&std::fs::read(&out).expect("read")).to_hex().to_string(), hash);
}

/// The same ticket with its secret changed (a valid checksum: someone who knows the format).
fn forge_secret(ticket: &str) -> String {
    let mut t = peerview_sync::ticket::Ticket::decode(ticket).expect("ticket");
    t.secret[0] ^= 0xff;
    t.encode()
}

fn wait_for_exit(child: &mut std::process::Child, secs: u64) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(Instant::now() < deadline, "process did not finish in {secs} s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn killed_transfers_resume_and_verify() {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = create_campaign(employer.path());
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let mut server = Server::start(employer.path(), &bind);
    let ticket = invite(employer.path(), &campaign, "Cleo");
    let cleo = tempfile::tempdir().expect("tempdir");
    ok(&peer(cleo.path(), &["join", &ticket]));
    let bytes = synthetic_mp4(150_000_000, 2, 200);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let take = cleo.path().join("take.mp4");
    std::fs::write(&take, &bytes).expect("write take");
    ok(&peer(cleo.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peer(cleo.path(), &["answer", &campaign, "why", "--text", "Because."]));

    // 1. Kill the candidate in the middle of the upload.
    let mut submit = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(cleo.path())
        .args(["submit", &campaign])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("submit");
    let total = bytes.len() as u64;
    server.wait_for_transfer_progress(1, total / 2, 60);
    submit.kill().expect("SIGKILL the candidate");
    submit.wait().expect("wait");
    // The blob store commits in ~0.5 s batches: let the first half become durable.
    std::thread::sleep(Duration::from_millis(1500));
    // The candidate's status says how far the upload got before it was killed.
    let status = ok(&peerview(cleo.path(), &["status"]));
    let percent: u64 = status
        .split("uploading ")
        .nth(1)
        .and_then(|rest| rest.split('%').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no upload progress in the status:\n{status}"));
    // The candidate records its progress every 250 ms, which at loopback speed is tens of MB
    // behind what the employer logged: the status must show a partial upload, not the exact half.
    assert!((1..100).contains(&percent), "part was sent, status says {percent}%:\n{status}");

    // 2. Kill the employer in the middle of the next attempt.
    let mut again = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(cleo.path())
        .arg("sync")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sync");
    server.wait_for_transfer_progress(2, 8 << 20, 60);
    let first_log = server.log();
    server.child.kill().expect("SIGKILL the employer");
    server.child.wait().expect("wait");
    let _ = wait_for_exit(&mut again, 60);

    // 3. Restart the employer on the same address; the candidate syncs again and it completes.
    let server = Server::start(employer.path(), &bind);
    let out = peer(cleo.path(), &["sync"]);
    assert!(out.status.success(), "{}\n{}\nserver:\n{}", stdout(&out), stderr(&out), server.log());
    let status = ok(&peerview(cleo.path(), &["status"]));
    assert!(status.contains("received by the employer"), "{status}");
    let log = server.log();
    assert!(server.stop().success(), "clean shutdown on SIGTERM");
    let got = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, got.to_str().expect("utf-8")]));
    assert_eq!(blake3::hash(&std::fs::read(&got).expect("read")).to_hex().to_string(), hash, "hash verifies");
    // The last attempt moved less than the whole file: it resumed from what was verified.
    let last = log
        .lines()
        .rfind(|l| l.contains("recording received and verified"))
        .map_or_else(|| panic!("no fetch in the last attempt:\n{log}\nfirst server:\n{first_log}"), ToOwned::to_owned);
    let read = peerview_tests::field(&last, "bytes").expect("bytes");
    assert!(read < bytes.len() as u64, "resumed, not restarted: {read} of {} bytes in the last attempt", bytes.len());
}

#[test]
fn offline_submission_is_kept_and_delivered_when_the_employer_returns() {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = create_campaign(employer.path());
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let server = Server::start(employer.path(), &bind);
    let ticket = invite(employer.path(), &campaign, "Dana");
    let dana = tempfile::tempdir().expect("tempdir");
    ok(&peer(dana.path(), &["join", &ticket]));
    assert!(server.stop().success());

    // The employer is offline: answers are kept, submit says so and exits 2.
    let take = dana.path().join("take.mp4");
    std::fs::write(&take, synthetic_mp4(200_000, 3, 30)).expect("write");
    ok(&peer(dana.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peer(dana.path(), &["answer", &campaign, "why", "--text", "Offline answer."]));
    let out = peer(dana.path(), &["submit", &campaign, "--wait", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("kept on this computer"), "{}", stderr(&out));
    let status = ok(&peerview(dana.path(), &["status"]));
    assert!(status.contains("submitted, waiting to send 0.2 MB"), "{status}");

    // A waiting sync delivers by itself once the employer is back.
    let mut sync = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(dana.path())
        .args(["sync", "--wait", "120"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sync");
    std::thread::sleep(Duration::from_secs(2));
    let server = Server::start(employer.path(), &bind);
    let status = wait_for_exit(&mut sync, 150);
    assert!(status.success(), "sync gave up: {:?}\n{}", status, server.log());
    assert!(ok(&peerview(dana.path(), &["status"])).contains("received by the employer"));
    assert!(server.stop().success());
}

#[test]
fn fragments_reach_the_employer_during_the_take() {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = create_campaign(employer.path());
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let ticket = invite(employer.path(), &campaign, "Finn");
    let finn = tempfile::tempdir().expect("tempdir");
    ok(&peer(finn.path(), &["join", &ticket]));
    // 7 s in real time: fragments are cut at ~2, 4 and 6 s and sent while recording goes on.
    ok(&peer(finn.path(), &["answer", &campaign, "intro", "--record", "--seconds", "7"]));
    let during = server.log();
    assert!(
        during.matches("recording received and verified").count() >= 3,
        "fragments arrived during the take:\n{during}"
    );
    ok(&peer(finn.path(), &["answer", &campaign, "why", "--text", "Live."]));
    assert!(ok(&peer(finn.path(), &["submit", &campaign])).contains("received by the employer"));
    let log = server.log();
    assert!(log.contains("take assembled from fragments"), "{log}");
    let fetches: Vec<&str> = log.lines().filter(|l| l.contains("fetching recording")).collect();
    assert!(
        fetches.iter().all(|l| l.contains("fragment")),
        "after Stop only fragments moved, never the whole take: {fetches:#?}"
    );
    assert!(server.stop().success());

    // The employer exports the submission for someone without Peerview.
    let out = employer.path().join("export");
    let exported = ok(&peerview(employer.path(), &["export", "Finn", out.to_str().expect("utf-8")]));
    assert!(exported.contains("summary.md"), "{exported}");
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).expect("summary.json")).expect("json");
    assert_eq!(summary["candidate"]["name"], "Finn");
    assert_eq!(summary["answers"][1]["answer"]["text"], "Live.");
    let file = summary["answers"][0]["answer"]["file"].as_str().expect("a video file").to_owned();
    let md = std::fs::read_to_string(out.join("summary.md")).expect("summary.md");
    assert!(md.contains(&file) && md.contains("Live."), "{md}");
    if Command::new("ffprobe").arg("-version").output().is_ok_and(|o| o.status.success()) {
        let probe = Command::new("ffprobe")
            .args(["-v", "error", "-show_entries", "format=format_name,duration:stream=codec_name", "-of", "csv=p=0"])
            .arg(out.join(&file))
            .output()
            .expect("ffprobe");
        let text = String::from_utf8_lossy(&probe.stdout);
        assert!(probe.status.success() && text.contains("h264") && text.contains("opus"), "{text}");
    }
    // Asking for a submission that is not there says so.
    let missing = peerview(employer.path(), &["export", "Nobody", out.to_str().expect("utf-8")]);
    assert!(!missing.status.success() && stderr(&missing).contains("no submission matches"), "{}", stderr(&missing));
}
