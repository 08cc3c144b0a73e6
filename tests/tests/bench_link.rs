//! Benchmarks on a shaped link and of the app's start, run by `scripts/bench` (ignored by
//! `cargo test`: they print figures, they do not judge them). Each figure comes with its
//! baseline measured in the same run:
//! - bulk transfer of a recording over a 20 Mbit/s link, against the link rate and against a
//!   plain TCP upload (curl to a local HTTP server) of the same bytes on the same link;
//! - Stop-to-employer latency of a recorded answer whose fragments went during the take,
//!   against sending the whole take after Stop on the same link;
//! - the app's start-up to its first frame, and its idle memory;
//! - through a relay (`peerview relay`, no route between the peers) on the same 20 Mbit/s
//!   link: the transfer rate against the same link direct, and Stop-to-employer of a 2-minute
//!   answer.
//!
//! With `PEERVIEW_BENCH_OUT=FILE` the lines are appended to FILE.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::netns::{Host, Lan, Star};
use peerview_tests::{Server, ok, peerview, peerview_bin, peerview_command, synthetic_mp4};

const LINK_MBIT: f64 = 20.0;

fn report(line: &str) {
    println!("{line}");
    if let Ok(path) = std::env::var("PEERVIEW_BENCH_OUT")
        && let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

fn on(host: &Host, data: &Path, args: &[&str]) -> Output {
    host.command(peerview_bin())
        .args(["--relay", "disabled", "--data-dir"])
        .arg(data)
        .args(args)
        .env("RUST_LOG", "error")
        .output()
        .expect("run peerview")
}

fn shape(lan: &Lan, host: &Host) {
    let (switch, port) = lan.switch_port(host);
    for (ns, dev) in [(switch.as_str(), port.as_str()), (host.ns.as_str(), "eth0")] {
        let rate = format!("{LINK_MBIT}mbit");
        let out = Command::new("ip")
            .args(["netns", "exec", ns, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", &rate])
            .args(["burst", "64kbit", "latency", "400ms"])
            .output()
            .expect("tc");
        assert!(out.status.success(), "tc: {}", String::from_utf8_lossy(&out.stderr));
    }
}

const CAMPAIGN: &str = r#"
title = "Bench"
role = "Bench"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 600
max_takes = 5
"#;

/// A one-file HTTP server that accepts an upload (PUT) and answers when it has it all.
const HTTP_SINK: &str = r#"
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_PUT(self):
        n = int(self.headers['Content-Length']); left = n
        while left > 0:
            left -= len(self.rfile.read(min(left, 1 << 16)))
        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')
    def log_message(self, *a): pass
http.server.HTTPServer((sys.argv[1], 8000), H).serve_forever()
"#;

#[test]
#[ignore = "a benchmark: run by scripts/bench"]
fn shaped_link() {
    let lan = match Lan::new(2) {
        Ok(l) => l,
        Err(e) => {
            report(&format!("shaped link: skipped ({e})"));
            return;
        }
    };
    let (office, home) = (&lan.hosts[0], &lan.hosts[1]);
    shape(&lan, home);
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = peerview_tests::create_campaign(employer.path(), CAMPAIGN);
    let server = Server::spawn(office.command(peerview_bin()), employer.path(), &format!("{}:47100", office.ip), &[]);

    // Baseline: curl uploads the same bytes over the same link.
    let bytes = synthetic_mp4(20_000_000, 1, 300);
    let cand = tempfile::tempdir().expect("tempdir");
    let take = cand.path().join("bulk.mp4");
    std::fs::write(&take, &bytes).expect("write");
    let mut sink =
        office.command("python3").args(["-c", HTTP_SINK, &office.ip]).stdout(Stdio::null()).spawn().expect("http sink");
    let url = format!("http://{}:8000/bulk", office.ip);
    let ready = Instant::now() + Duration::from_secs(30);
    while !home.command("curl").args(["-s", "-o", "/dev/null", &url]).status().is_ok_and(|s| s.success()) {
        assert!(Instant::now() < ready, "the HTTP sink did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
    let started = Instant::now();
    let curl = home.command("curl").args(["-s", "-o", "/dev/null", "-T"]).arg(&take).arg(&url).output().expect("curl");
    let tcp_secs = started.elapsed().as_secs_f64();
    let _ = sink.kill();
    assert!(curl.status.success(), "curl: {}", String::from_utf8_lossy(&curl.stderr));

    // Peerview: the same recording as an answer, submitted.
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Bulk"])).trim().to_owned();
    ok(&on(home, cand.path(), &["join", &ticket]));
    ok(&on(home, cand.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    let started = Instant::now();
    assert!(ok(&on(home, cand.path(), &["submit", &campaign])).contains("received by the employer"));
    let pv_secs = started.elapsed().as_secs_f64();
    let mb = bytes.len() as f64 / 1e6;
    let link = LINK_MBIT / 8.0;
    report(&format!(
        "shaped link {LINK_MBIT} Mbit/s ({link:.2} MB/s): plain TCP upload (curl) {:.2} MB/s = {:.2} of the link; Peerview submit {:.2} MB/s = {:.2} of the link, {:.2} of TCP",
        mb / tcp_secs,
        mb / tcp_secs / link,
        mb / pv_secs,
        mb / pv_secs / link,
        tcp_secs / pv_secs
    ));

    // Stop-to-employer: a 20 s recorded answer sends its fragments during the take.
    let live = tempfile::tempdir().expect("tempdir");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Live"])).trim().to_owned();
    ok(&on(home, live.path(), &["join", &ticket]));
    ok(&on(home, live.path(), &["answer", &campaign, "intro", "--record", "--seconds", "20"]));
    let started = Instant::now();
    assert!(ok(&on(home, live.path(), &["submit", &campaign])).contains("received by the employer"));
    let after_stop = started.elapsed().as_secs_f64();
    let status = ok(&on(home, live.path(), &["status"]));
    let take_mb = take_size_mb(employer.path(), &campaign);
    let whole_secs = take_mb / (mb / tcp_secs);
    report(&format!(
        "Stop to employer, 20 s 720p answer ({take_mb:.1} MB) on the shaped link: {after_stop:.2} s after Stop (fragments sent during the take); sending the whole take after Stop would take {whole_secs:.2} s at the TCP rate: ratio {:.2}",
        after_stop / whole_secs
    ));
    assert!(status.contains("received"), "{status}");
    drop(server);
}

/// The size of the last recorded take in the campaign, from the employer's documents.
fn take_size_mb(employer: &Path, campaign: &str) -> f64 {
    let store = peerview_sync::Store::open(employer).expect("store");
    let campaign: peerview_sync::CampaignId = campaign.parse().expect("id");
    let roster = store.roster(&campaign).expect("roster");
    let last = roster.candidates.last().expect("a candidate");
    let s = store.submission(&last.id).expect("submission");
    s.takes().map(|(_, t)| t.size_bytes).sum::<u64>() as f64 / 1e6
}

#[test]
#[ignore = "a benchmark: run by scripts/bench"]
fn app_start_and_idle_memory() {
    let Ok(mut xvfb) = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        report("app start: skipped (no Xvfb)");
        return;
    };
    let mut number = String::new();
    {
        use std::io::Read;
        let mut out = xvfb.stdout.take().expect("stdout");
        let mut byte = [0u8; 1];
        while out.read(&mut byte).expect("display") == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
    }
    let display = format!(":{}", number.trim());
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(data.path().join("settings.toml"), "role = \"candidate\"\n").expect("settings");
    let started = Instant::now();
    let mut app = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(data.path())
        .args(["gui", "--synthetic-devices"])
        .env("DISPLAY", &display)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("peerview gui");
    let mut shown = None;
    while started.elapsed() < Duration::from_secs(60) {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "Peerview"])
            .env("DISPLAY", &display)
            .output();
        if found.is_ok_and(|o| o.status.success()) {
            shown = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_secs(5));
    let status = std::fs::read_to_string(format!("/proc/{}/status", app.id())).unwrap_or_default();
    let rss_kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let _ = app.kill();
    let _ = app.wait();
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    match shown {
        Some(t) => report(&format!(
            "app start-up to first frame (window shown, candidate home): {:.2} s; idle RSS after 5 s: {} MB",
            t.as_secs_f64(),
            rss_kb / 1024
        )),
        None => report("app start-up: the window did not appear within 60 s"),
    }
}

fn peerview_on(host: &Host, relay: &str, data: &Path, args: &[&str]) -> Output {
    host.command(peerview_bin())
        .args(["--relay", relay, "--data-dir"])
        .arg(data)
        .args(args)
        .env("RUST_LOG", "error")
        .output()
        .expect("run peerview")
}

fn tc(ns: &str, dev: &str) {
    let rate = format!("{LINK_MBIT}mbit");
    let out = Command::new("ip")
        .args(["netns", "exec", ns, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", &rate])
        .args(["burst", "64kbit", "latency", "400ms"])
        .output()
        .expect("tc");
    assert!(out.status.success(), "tc: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
#[ignore = "a benchmark: run by scripts/bench"]
fn relayed_link() {
    let star = match Star::new(2) {
        Ok(s) => s,
        Err(e) => {
            report(&format!("relayed link: skipped ({e})"));
            return;
        }
    };
    let (office, home) = (&star.hosts[0], &star.hosts[1]);
    tc(&star.centre.ns, "v2");
    tc(&home.ns, "eth0");
    let relay_dir = tempfile::tempdir().expect("tempdir");
    let relay = peerview_tests::start_relay(
        star.centre.command(peerview_bin()),
        relay_dir.path(),
        &["--http-bind", &format!("{}:3340", Star::CENTRE)],
    );
    let url = format!("http://{}:3340", Star::CENTRE);
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = peerview_tests::create_campaign(employer.path(), CAMPAIGN);
    let server = Server::spawn_with_relay(office.command(peerview_bin()), employer.path(), "0.0.0.0:47100", &url, &[]);
    let bytes = synthetic_mp4(20_000_000, 9, 300);
    let mb = bytes.len() as f64 / 1e6;

    // One submission of the same 20 MB, returning the seconds it took and how it went.
    let submit = |name: &str| -> (f64, String) {
        let cand = tempfile::tempdir().expect("tempdir");
        let take = cand.path().join("bulk.mp4");
        std::fs::write(&take, &bytes).expect("write");
        let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", name])).trim().to_owned();
        ok(&peerview_on(home, &url, cand.path(), &["join", &ticket]));
        ok(&peerview_on(
            home,
            &url,
            cand.path(),
            &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")],
        ));
        let started = Instant::now();
        assert!(ok(&peerview_on(home, &url, cand.path(), &["submit", &campaign])).contains("received by the employer"));
        let secs = started.elapsed().as_secs_f64();
        let status = ok(&peerview_on(home, &url, cand.path(), &["status"]));
        let path = status.lines().find_map(|l| l.split_once(", ").map(|(_, p)| p.to_owned())).unwrap_or_default();
        (secs, path)
    };
    let (relayed_secs, relayed_path) = submit("Through the relay");

    // Stop to employer for a 2-minute answer, through the relay.
    let live = tempfile::tempdir().expect("tempdir");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Live"])).trim().to_owned();
    ok(&peerview_on(home, &url, live.path(), &["join", &ticket]));
    ok(&peerview_on(home, &url, live.path(), &["answer", &campaign, "intro", "--record", "--seconds", "120"]));
    let started = Instant::now();
    assert!(ok(&peerview_on(home, &url, live.path(), &["submit", &campaign])).contains("received by the employer"));
    let after_stop = started.elapsed().as_secs_f64();
    let take_mb = take_size_mb(employer.path(), &campaign);

    // The same link direct: the middle now routes between the two networks.
    let sysctl = Command::new("ip")
        .args(["netns", "exec", &star.centre.ns, "sysctl", "-qw", "net.ipv4.ip_forward=1"])
        .status()
        .expect("sysctl");
    assert!(sysctl.success());
    for (host, other) in [(office, "10.79.2.0/24"), (home, "10.79.1.0/24")] {
        let via = host.ip.rsplit_once('.').map(|(net, _)| format!("{net}.1")).expect("gateway");
        let out = Command::new("ip").args(["-n", &host.ns, "route", "add", other, "via", &via]).output().expect("ip");
        assert!(out.status.success(), "route: {}", String::from_utf8_lossy(&out.stderr));
    }
    let (direct_secs, direct_path) = submit("Direct");
    let link = LINK_MBIT / 8.0;
    report(&format!(
        "relayed link {LINK_MBIT} Mbit/s: through peerview relay {:.2} MB/s ({relayed_path}) = {:.2} of the link; the same link direct {:.2} MB/s ({direct_path}); relayed/direct rate {:.2}",
        mb / relayed_secs,
        mb / relayed_secs / link,
        mb / direct_secs,
        direct_secs / relayed_secs
    ));
    report(&format!(
        "Stop to employer through the relay, 2-minute 720p answer ({take_mb:.1} MB): {after_stop:.2} s after Stop (fragments sent during the take); the whole take after Stop at the relayed rate would take {:.2} s: ratio {:.3}",
        take_mb / (mb / relayed_secs),
        after_stop / (take_mb / (mb / relayed_secs))
    ));
    drop(server);
    drop(relay);
}
