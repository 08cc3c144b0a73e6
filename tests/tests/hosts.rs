//! The whole journey across hosts: the employer node, two candidates and a reviewer each in
//! their own network namespace on one bridge, relays disabled, direct addresses only. One
//! candidate's link is shaped to 20 Mbit/s. Then a partition: the reviewer is cut off, both the
//! employer and the reviewer comment on the same submission, the link heals, and both sides end
//! up with both comments. A second test cuts a candidate's link for 60 s in the middle of an
//! upload: the upload resumes by itself and the recording verifies.
//!
//! Skips with a message where network namespaces are unavailable (not root, no `ip`). This
//! kernel has no `netem`, so links are shaped for rate with `tbf` (delay and loss are not).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::netns::{Host, Lan};
use peerview_tests::{Server, ok, peerview, peerview_bin, synthetic_mp4};

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
"#;

/// `peerview` on a host, relays disabled.
fn on(host: &Host, data: &Path, args: &[&str]) -> Output {
    host.command(peerview_bin())
        .args(["--relay", "disabled", "--data-dir"])
        .arg(data)
        .args(args)
        .env_remove("PEERVIEW_DATA_DIR")
        .env("RUST_LOG", "error")
        .output()
        .expect("run peerview")
}

/// Limit the rate of a host's link, both ways (token bucket: `netem` is not in this kernel).
fn shape(lan: &Lan, host: &Host, rate: &str) {
    let (switch, port) = lan.switch_port(host);
    for (ns, dev) in [(switch.as_str(), port.as_str()), (host.ns.as_str(), "eth0")] {
        let out = Command::new("ip")
            .args(["netns", "exec", ns, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", rate])
            .args(["burst", "64kbit", "latency", "400ms"])
            .output()
            .expect("tc");
        assert!(out.status.success(), "tc: {}", String::from_utf8_lossy(&out.stderr));
    }
}

fn lan(n: usize) -> Option<Lan> {
    match Lan::new(n) {
        Ok(lan) => Some(lan),
        Err(e) => {
            peerview_tests::skip(&format!("network namespaces are unavailable ({e})"));
            None
        }
    }
}

fn setup(employer: &Path) -> String {
    let file = employer.join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    ok(&peerview(employer, &["campaign", "create", "--file", file.to_str().expect("utf-8")])).trim().to_owned()
}

#[test]
fn employer_two_candidates_and_a_reviewer_on_separate_hosts() {
    let Some(lan) = lan(4) else { return };
    let (office, ada_host, bo_host, rita_host) = (&lan.hosts[0], &lan.hosts[1], &lan.hosts[2], &lan.hosts[3]);
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = setup(employer.path());
    let server = Server::spawn(office.command(peerview_bin()), employer.path(), &format!("{}:47100", office.ip), &[]);
    let ticket_ada = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Ada"])).trim().to_owned();
    let ticket_bo = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Bo"])).trim().to_owned();
    let ticket_rita =
        ok(&peerview(employer.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();
    shape(&lan, bo_host, "20mbit");

    // Ada records with the real pipeline (synthetic camera and microphone) and submits.
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&on(ada_host, ada.path(), &["join", &ticket_ada]));
    let take = ada.path().join("take.mp4");
    let take_arg = take.to_str().expect("utf-8");
    ok(&on(
        ada_host,
        ada.path(),
        &["record", "--video", "test-pattern", "--audio", "tone", "--seconds", "3", "--size", "640x360", take_arg],
    ));
    ok(&on(ada_host, ada.path(), &["answer", &campaign, "intro", "--file", take_arg]));
    assert!(ok(&on(ada_host, ada.path(), &["submit", &campaign])).contains("received by the employer"));

    // Bo, on the slow link, sends a bigger recording.
    let bo = tempfile::tempdir().expect("tempdir");
    ok(&on(bo_host, bo.path(), &["join", &ticket_bo]));
    let bytes = synthetic_mp4(6_000_000, 9, 60);
    let bo_hash = blake3::hash(&bytes).to_hex().to_string();
    let bo_take = bo.path().join("take.mp4");
    std::fs::write(&bo_take, &bytes).expect("write take");
    ok(&on(bo_host, bo.path(), &["answer", &campaign, "intro", "--file", bo_take.to_str().expect("utf-8")]));
    let started = Instant::now();
    assert!(ok(&on(bo_host, bo.path(), &["submit", &campaign])).contains("received by the employer"));
    assert!(started.elapsed() >= Duration::from_secs(2), "6 MB over 20 Mbit/s takes over 2 s: the link was shaped");

    // Rita, the reviewer, syncs both submissions and their recordings.
    let rita = tempfile::tempdir().expect("tempdir");
    assert!(ok(&on(rita_host, rita.path(), &["join", &ticket_rita])).contains("2 recordings downloaded"));
    let got = rita.path().join("bo.mp4");
    ok(&on(rita_host, rita.path(), &["export-recording", &bo_hash, got.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&got).expect("read"), bytes, "the recording verifies at the reviewer");

    // The employer decides; Ada sees it.
    ok(&peerview(employer.path(), &["review", "Ada", "--decide", "advance", "--message", "Welcome aboard"]));
    ok(&on(ada_host, ada.path(), &["sync"]));
    let status = ok(&on(ada_host, ada.path(), &["status"]));
    assert!(
        status.contains("viewed") && status.contains("decision: advance") && status.contains("Welcome aboard"),
        "{status}"
    );

    // Partition: Rita is cut off; both sides comment on Bo's submission; the link heals.
    lan.set_link(rita_host, false).expect("cut");
    ok(&peerview(employer.path(), &["review", "Bo", "--comment", "Clear answer", "--at", "12"]));
    ok(&on(rita_host, rita.path(), &["review", "Bo", "--comment", "Needs more detail", "--at", "30"]));
    let offline = on(rita_host, rita.path(), &["sync", "--wait", "0"]);
    assert!(!offline.status.success(), "the sync cannot get through while the link is down");
    lan.set_link(rita_host, true).expect("heal");
    ok(&on(rita_host, rita.path(), &["sync", "--wait", "60"]));
    for side in [ok(&peerview(employer.path(), &["review", "Bo"])), ok(&on(rita_host, rita.path(), &["review", "Bo"]))]
    {
        assert!(side.contains("Clear answer") && side.contains("Needs more detail"), "converged:\n{side}");
    }
    drop(server);
}

#[test]
fn an_upload_cut_off_for_a_minute_resumes_by_itself() {
    let Some(lan) = lan(2) else { return };
    let (office, home) = (&lan.hosts[0], &lan.hosts[1]);
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = setup(employer.path());
    let server = Server::spawn(office.command(peerview_bin()), employer.path(), &format!("{}:47100", office.ip), &[]);
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Cy"])).trim().to_owned();
    shape(&lan, home, "20mbit");
    let cy = tempfile::tempdir().expect("tempdir");
    ok(&on(home, cy.path(), &["join", &ticket]));
    let bytes = synthetic_mp4(40_000_000, 4, 200);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let take = cy.path().join("take.mp4");
    std::fs::write(&take, &bytes).expect("write take");
    ok(&on(home, cy.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));

    let mut submit = home
        .command(peerview_bin())
        .args(["--relay", "disabled", "--data-dir"])
        .arg(cy.path())
        .args(["submit", &campaign, "--wait", "600"])
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("submit");
    server.wait_for_transfer_progress(1, 8 << 20, 60);
    lan.set_link(home, false).expect("cut");
    std::thread::sleep(Duration::from_secs(60));
    lan.set_link(home, true).expect("reconnect");
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(status) = submit.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "the upload did not finish after the link came back:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(500));
    };
    let out = submit.wait_with_output().expect("output");
    assert!(
        status.success(),
        "submit: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(ok(&on(home, cy.path(), &["status"])).contains("received by the employer"));
    let log = server.log();
    let last =
        log.lines().rfind(|l| l.contains("recording received and verified")).expect("a verified recording").to_owned();
    let read = peerview_tests::field(&last, "bytes").expect("bytes");
    assert!(read < bytes.len() as u64, "resumed, not restarted: {read} of {} bytes after the cut", bytes.len());
    assert!(server.stop().success());
    let got = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, got.to_str().expect("utf-8")]));
    assert_eq!(blake3::hash(&std::fs::read(&got).expect("read")).to_hex().to_string(), hash);
}
