//! The internet path through a relay: the employer, a candidate and a reviewer each in a network
//! namespace of their own with no route between them (as behind routers that let nothing in);
//! the only way between them is `peerview relay` in the middle. The whole journey passes through
//! it: join, an answer recorded with its fragments sent during the take, submit, received and
//! verified, a reviewer pulling the recording; `status` says "via relay".
//!
//! Needs root and `ip` (network namespaces); in CI a missing capability fails the test.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Instant;

use peerview_tests::netns::{Host, Star};
use peerview_tests::{Killed, Server, ok, peerview, peerview_bin, start_relay, stderr, stdout};

const CAMPAIGN: &str = r#"
title = "Night porter"
role = "Night porter"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 60
[[question]]
id = "why"
prompt = "Why nights?"
answer = "text"
"#;

/// `peerview --relay URL` on a host.
fn on(host: &Host, relay: &str, data: &Path, args: &[&str]) -> Output {
    host.command(peerview_bin())
        .args(["--relay", relay, "--data-dir"])
        .arg(data)
        .args(args)
        .env_remove("PEERVIEW_DATA_DIR")
        .env("RUST_LOG", "error")
        .output()
        .expect("run peerview")
}

#[test]
fn the_whole_journey_passes_through_the_relay_when_peers_cannot_reach_each_other() {
    let star = match Star::new(3) {
        Ok(star) => star,
        Err(e) => return peerview_tests::skip(&format!("network namespaces are unavailable ({e})")),
    };
    let (employer_host, candidate_host, reviewer_host) = (&star.hosts[0], &star.hosts[1], &star.hosts[2]);
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let (relay_dir, employer, candidate, reviewer) = (dirs[0].path(), dirs[1].path(), dirs[2].path(), dirs[3].path());
    let _relay = start_relay(
        star.centre.command(peerview_bin()),
        relay_dir,
        &["--http-bind", &format!("{}:3340", Star::CENTRE)],
    );
    let url = format!("http://{}:3340", Star::CENTRE);

    // No route between the hosts: only the relay joins them.
    let ping = candidate_host.command("ping").args(["-c", "1", "-W", "1", &employer_host.ip]).output().expect("ping");
    assert!(!ping.status.success(), "the candidate must not reach the employer directly");

    let campaign = peerview_tests::create_campaign(employer, CAMPAIGN);
    let server = Server::spawn_with_relay(employer_host.command(peerview_bin()), employer, "0.0.0.0:47100", &url, &[]);
    let ticket = ok(&peerview(employer, &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();
    let decoded = peerview_sync::ticket::Ticket::decode(&ticket).expect("ticket");
    assert_eq!(decoded.nodes[0].relay_url.as_deref().map(|u| u.trim_end_matches('/')), Some(url.as_str()));
    let reviewer_ticket =
        ok(&peerview(employer, &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();

    // The candidate joins, records with fragments sent during the take, and submits.
    let started = Instant::now();
    let joined = on(candidate_host, &url, candidate, &["join", &ticket]);
    assert!(joined.status.success(), "join: {}{}\nemployer:\n{}", stdout(&joined), stderr(&joined), server.log());
    let recorded = on(candidate_host, &url, candidate, &["answer", &campaign, "intro", "--record", "--seconds", "2"]);
    assert!(recorded.status.success(), "answer: {}{}", stdout(&recorded), stderr(&recorded));
    ok(&on(candidate_host, &url, candidate, &["answer", &campaign, "why", "--text", "I like the quiet."]));
    let submitted = on(candidate_host, &url, candidate, &["submit", &campaign]);
    assert!(
        stdout(&submitted).contains("received by the employer"),
        "submit: {}{}\nemployer:\n{}",
        stdout(&submitted),
        stderr(&submitted),
        server.log()
    );
    eprintln!("join to received through the relay: {:.1} s", started.elapsed().as_secs_f64());
    assert!(server.log().contains("fragment"), "fragments were fetched during the take:\n{}", server.log());
    assert!(server.log().contains("every recording verified"), "{}", server.log());
    let status = ok(&on(candidate_host, &url, candidate, &["status"]));
    assert!(status.contains(&format!("via relay {url}")), "{status}");

    // A reviewer on a third network pulls the recording through the relay too.
    let joined = on(reviewer_host, &url, reviewer, &["join", &reviewer_ticket]);
    assert!(stdout(&joined).contains("1 recording downloaded"), "{}{}", stdout(&joined), stderr(&joined));
    let out = reviewer.join("export");
    ok(&on(reviewer_host, &url, reviewer, &["export", "Ada Lovelace", out.to_str().expect("utf-8")]));
    let mp4 = std::fs::read_dir(&out)
        .expect("export")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "mp4"))
        .expect("the answer as an MP4");
    assert!(std::fs::metadata(&mp4).expect("mp4").len() > 10_000);
    let status = ok(&on(reviewer_host, &url, reviewer, &["status"]));
    assert!(status.contains("via relay"), "{status}");
    assert!(server.stop().success());
}

/// Limit a host's link to `rate`, both ways (token bucket).
fn shape(centre: &Host, host: &Host, port: &str, rate: &str) {
    for (ns, dev) in [(centre.ns.as_str(), port), (host.ns.as_str(), "eth0")] {
        let out = std::process::Command::new("ip")
            .args(["netns", "exec", ns, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", rate])
            .args(["burst", "64kbit", "latency", "400ms"])
            .output()
            .expect("tc");
        assert!(out.status.success(), "tc: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn an_upload_through_the_relay_survives_the_employer_changing_address() {
    let star = match Star::new(2) {
        Ok(star) => star,
        Err(e) => return peerview_tests::skip(&format!("network namespaces are unavailable ({e})")),
    };
    let (employer_host, candidate_host) = (&star.hosts[0], &star.hosts[1]);
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let (relay_dir, employer, candidate) = (dirs[0].path(), dirs[1].path(), dirs[2].path());
    let _relay = start_relay(
        star.centre.command(peerview_bin()),
        relay_dir,
        &["--http-bind", &format!("{}:3340", Star::CENTRE)],
    );
    let url = format!("http://{}:3340", Star::CENTRE);
    // The employer's line: 20 Mbit/s, so a 30 MB answer takes about 12 s.
    shape(&star.centre, employer_host, "v1", "20mbit");

    let campaign = peerview_tests::create_campaign(employer, CAMPAIGN);
    let server = Server::spawn_with_relay(employer_host.command(peerview_bin()), employer, "0.0.0.0:47100", &url, &[]);
    let ticket = ok(&peerview(employer, &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();
    ok(&on(candidate_host, &url, candidate, &["join", &ticket]));
    let take = candidate.join("take.mp4");
    std::fs::write(&take, peerview_tests::synthetic_mp4(30_000_000, 3, 50)).expect("take");
    ok(&on(candidate_host, &url, candidate, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&on(candidate_host, &url, candidate, &["answer", &campaign, "why", "--text", "Quiet."]));

    let submit = Killed(
        candidate_host
            .command(peerview_bin())
            .args(["--relay", &url, "--data-dir"])
            .arg(candidate)
            .args(["submit", &campaign, "--wait", "120"])
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("submit"),
    );
    server.wait_for_transfer_progress(1, 8 << 20, 60);
    // Mid-upload the employer's network gives it a new address (as DHCP or a new Wi-Fi would).
    let renumber = |args: &[&str]| {
        let out = std::process::Command::new("ip").args(["-n", &employer_host.ns]).args(args).output().expect("ip");
        assert!(out.status.success(), "ip {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    renumber(&["addr", "flush", "dev", "eth0"]);
    renumber(&["addr", "add", "10.79.1.3/24", "dev", "eth0"]);
    renumber(&["route", "add", &format!("{}/32", Star::CENTRE), "via", "10.79.1.1"]);
    let renumbered = Instant::now();

    // Nobody does anything: the same `submit` finishes, and the recording verifies.
    let out = submit.wait_output();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("received by the employer"),
        "submit after the renumbering: {}{}\nemployer:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        server.log()
    );
    eprintln!(
        "FIGURE relay: upload completed {:.1} s after the employer's address changed",
        renumbered.elapsed().as_secs_f64()
    );
    assert!(server.log().contains("every recording verified"), "{}", server.log());
    assert!(server.stop().success());
}

#[test]
fn offline_with_the_default_relays_says_so_once_and_keeps_everything() {
    // A computer with no network at all (a namespace with only loopback), default relays.
    let star = match Star::new(1) {
        Ok(star) => star,
        Err(e) => return peerview_tests::skip(&format!("network namespaces are unavailable ({e})")),
    };
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let (employer, candidate) = (dirs[0].path(), dirs[1].path());
    let campaign = peerview_tests::create_campaign(employer, CAMPAIGN);
    let server = Server::start(employer, "127.0.0.1:0");
    let ticket = ok(&peerview(employer, &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();
    ok(&peerview_tests::peer(candidate, &["join", &ticket]));
    let take = candidate.join("take.mp4");
    std::fs::write(&take, peerview_tests::synthetic_mp4(100_000, 5, 10)).expect("take");
    ok(&peerview_tests::peer(candidate, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    ok(&peerview_tests::peer(candidate, &["answer", &campaign, "why", "--text", "Written offline."]));
    drop(server);

    let offline = star.hosts[0]
        .command(peerview_bin())
        .arg("--data-dir")
        .arg(candidate)
        .args(["submit", &campaign, "--wait", "0"])
        .env_remove("PEERVIEW_RELAY")
        .env_remove("RUST_LOG")
        .output()
        .expect("submit");
    let (out, err) = (stdout(&offline), stderr(&offline));
    assert_eq!(offline.status.code(), Some(2), "exit status 2 means saved but not sent:\n{out}{err}");
    assert_eq!(format!("{out}{err}").matches("could not reach the employer").count(), 1, "{out}{err}");
    assert!(!err.contains("WARN") && !err.contains("ERROR"), "no stream of warnings:\n{err}");
    let status = ok(&peerview(candidate, &["status"]));
    assert!(status.contains("submitted"), "{status}");
}
