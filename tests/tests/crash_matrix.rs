//! Crashes at several points: one upload is interrupted three times by SIGKILL of the candidate
//! and three times by SIGKILL of the employer, alternately, each time after more of the
//! recording has arrived. Every restart resumes from what was verified (each attempt moves less
//! than the whole file), the submission is received, and the hash verifies. (Kills mid-take are
//! in `record_crash.rs`.)

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, peerview_command, stderr, stdout, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Driver"
role = "Driver"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 600
"#;

fn candidate_sync(dir: &std::path::Path) -> Child {
    peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(dir)
        .args(["sync", "--wait", "300"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sync")
}

fn kill(child: &mut Child) {
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
}

#[test]
fn an_upload_killed_on_either_side_six_times_resumes_each_time_and_verifies() {
    let employer = tempfile::tempdir().expect("tempdir");
    let file = employer.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write");
    let campaign = ok(&peerview(employer.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let mut server = Server::start(employer.path(), &bind);
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Flo"])).trim().to_owned();
    let flo = tempfile::tempdir().expect("tempdir");
    ok(&peer(flo.path(), &["join", &ticket]));
    let bytes = synthetic_mp4(120_000_000, 6, 500);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let take = flo.path().join("take.mp4");
    std::fs::write(&take, &bytes).expect("write");
    ok(&peer(flo.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    // Each node instance numbers its transfer attempts from one.
    for round in 0..3 {
        // The candidate dies after 8 MB more have arrived (the first time in `submit`)...
        let mut candidate = if round == 0 {
            peerview_command()
                .args(["--relay", "disabled", "--data-dir"])
                .arg(flo.path())
                .args(["submit", &campaign])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("submit")
        } else {
            candidate_sync(flo.path())
        };
        server.wait_for_transfer_progress(1, 8 << 20, 120);
        kill(&mut candidate);
        // The recordings store commits in ~0.5 s batches: let what arrived become durable.
        std::thread::sleep(Duration::from_millis(1500));
        // ...then the employer, in the middle of the next attempt.
        let mut candidate = candidate_sync(flo.path());
        server.wait_for_transfer_progress(2, 8 << 20, 120);
        server.child.kill().expect("SIGKILL the employer");
        server.child.wait().expect("wait");
        kill_if_running(&mut candidate);
        server = Server::start(employer.path(), &bind);
    }

    // The last attempt completes; it moved less than the whole file.
    let started = Instant::now();
    let out = peer(flo.path(), &["sync", "--wait", "120"]);
    assert!(out.status.success(), "{}\n{}\n{}", stdout(&out), stderr(&out), server.log());
    assert!(ok(&peerview(flo.path(), &["status"])).contains("received by the employer"));
    let log = server.log();
    let last = log.lines().rfind(|l| l.contains("recording received and verified")).expect("verified").to_owned();
    let read = peerview_tests::field(&last, "bytes").expect("bytes");
    assert!(read < bytes.len() as u64 * 3 / 4, "the last attempt resumed: {read} bytes of {}", bytes.len());
    eprintln!("the last attempt moved {read} of {} bytes in {:.1} s", bytes.len(), started.elapsed().as_secs_f64());
    assert!(server.stop().success());
    let got = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, got.to_str().expect("utf-8")]));
    assert_eq!(blake3::hash(&std::fs::read(&got).expect("read")).to_hex().to_string(), hash);
}

fn kill_if_running(child: &mut Child) {
    if child.try_wait().ok().flatten().is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
}
