//! Behind two NATs: the employer and the candidate each sit behind a router of their own that
//! masquerades (nftables) on a 20 Mbit/s line, with `peerview relay` on the "public" side: TLS
//! from a certificate signed by the firm's own CA (the nodes are told to trust it with
//! `--relay-ca`) and QUIC address discovery. The candidate joins and submits a 30 MB answer
//! through the relay; `status` and the employer's log say "via relay". Then the test watches
//! whether a direct path opens and prints what it saw (a figure, not a requirement).
//!
//! Needs root, `ip`, `nft` and `openssl`; in CI a missing capability fails the test.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::{Killed, Server, ok, peerview, peerview_bin, start_relay, stderr, stdout, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Night porter"
role = "Night porter"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
"#;

const RELAY_IP: &str = "10.79.0.1";

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program).args(args).output().map_err(|e| format!("cannot run {program}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()))
    }
}

fn ip(args: &[&str]) -> Result<(), String> {
    run("ip", args)
}

fn in_ns(ns: &str, program: &str, args: &[&str]) -> Result<(), String> {
    let mut all = vec!["netns", "exec", ns, program];
    all.extend_from_slice(args);
    run("ip", &all)
}

/// The "internet" (forwarding, with the relay on its loopback) and two private networks, each
/// behind a masquerading router.
struct Nats {
    names: Vec<String>,
    internet: String,
    employer: String,
    candidate: String,
}

impl Nats {
    fn new() -> Result<Nats, String> {
        let tag = format!("pv{}n", std::process::id());
        let internet = format!("{tag}i");
        let mut nats = Nats {
            names: vec![internet.clone()],
            internet: internet.clone(),
            employer: String::new(),
            candidate: String::new(),
        };
        ip(&["netns", "add", &internet])?;
        ip(&["-n", &internet, "link", "set", "lo", "up"])?;
        ip(&["-n", &internet, "addr", "add", &format!("{RELAY_IP}/32"), "dev", "lo"])?;
        in_ns(&internet, "sysctl", &["-qw", "net.ipv4.ip_forward=1"])?;
        for i in 1..=2 {
            let (router, host) = (format!("{tag}r{i}"), format!("{tag}h{i}"));
            for ns in [&router, &host] {
                ip(&["netns", "add", ns])?;
                nats.names.push(ns.clone());
                ip(&["-n", ns, "link", "set", "lo", "up"])?;
            }
            // The router's public side, on the internet.
            ip(&[
                "-n",
                &internet,
                "link",
                "add",
                &format!("w{i}"),
                "type",
                "veth",
                "peer",
                "name",
                "wan",
                "netns",
                &router,
            ])?;
            ip(&["-n", &internet, "addr", "add", &format!("10.79.{i}.1/24"), "dev", &format!("w{i}")])?;
            ip(&["-n", &internet, "link", "set", &format!("w{i}"), "up"])?;
            ip(&["-n", &router, "addr", "add", &format!("10.79.{i}.2/24"), "dev", "wan"])?;
            ip(&["-n", &router, "link", "set", "wan", "up"])?;
            ip(&["-n", &router, "route", "add", "default", "via", &format!("10.79.{i}.1")])?;
            // The private side: one computer behind it.
            ip(&["-n", &router, "link", "add", "lan", "type", "veth", "peer", "name", "eth0", "netns", &host])?;
            ip(&["-n", &router, "addr", "add", &format!("192.168.{i}.1/24"), "dev", "lan"])?;
            ip(&["-n", &router, "link", "set", "lan", "up"])?;
            ip(&["-n", &host, "addr", "add", &format!("192.168.{i}.2/24"), "dev", "eth0"])?;
            ip(&["-n", &host, "link", "set", "eth0", "up"])?;
            ip(&["-n", &host, "route", "add", "default", "via", &format!("192.168.{i}.1")])?;
            in_ns(&router, "sysctl", &["-qw", "net.ipv4.ip_forward=1"])?;
            in_ns(&router, "nft", &["add table ip nat"])?;
            in_ns(&router, "nft", &["add chain ip nat post { type nat hook postrouting priority 100 ; }"])?;
            in_ns(&router, "nft", &["add rule ip nat post oifname \"wan\" masquerade"])?;
            // A home line: 20 Mbit/s, so that an upload lasts long enough to watch its path.
            in_ns(
                &router,
                "tc",
                &["qdisc", "add", "dev", "wan", "root", "tbf", "rate", "20mbit", "burst", "64kbit", "latency", "400ms"],
            )?;
            if i == 1 {
                nats.employer = host;
            } else {
                nats.candidate = host;
            }
        }
        Ok(nats)
    }

    fn command(ns: &str, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", ns]).arg(program);
        peerview_tests::pin_locale(&mut c);
        c
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        for ns in &self.names {
            let _ = ip(&["netns", "del", ns]);
        }
    }
}

/// A private CA (`ca.pem`, what the nodes are told to trust) and the relay's certificate for
/// its address signed by it (`cert.pem`, `key.pem`), as a firm with its own CA would have.
fn certificate(dir: &Path) -> Result<(), String> {
    let p = |name: &str| dir.join(name).to_str().expect("utf-8").to_owned();
    let curve = "ec_paramgen_curve:prime256v1";
    run(
        "openssl",
        &["req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-days", "2", "-subj", "/CN=peerview test CA"]
            .into_iter()
            .chain(["-keyout", &p("ca.key"), "-out", &p("ca.pem")])
            .collect::<Vec<_>>(),
    )?;
    run(
        "openssl",
        &["req", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-subj", "/CN=relay"]
            .into_iter()
            .chain(["-keyout", &p("key.pem"), "-out", &p("relay.csr")])
            .collect::<Vec<_>>(),
    )?;
    let ext = format!(
        "basicConstraints=CA:FALSE\nsubjectAltName=IP:{RELAY_IP}\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
    );
    std::fs::write(dir.join("ext.cnf"), ext).map_err(|e| e.to_string())?;
    run(
        "openssl",
        &["x509", "-req", "-days", "2", "-CAcreateserial"]
            .into_iter()
            .chain(["-in", &p("relay.csr"), "-CA", &p("ca.pem"), "-CAkey", &p("ca.key")])
            .chain(["-extfile", &p("ext.cnf"), "-out", &p("cert.pem")])
            .collect::<Vec<_>>(),
    )
}

fn start_relay_with_tls(ns: &str, dir: &Path) -> Killed {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    start_relay(
        Nats::command(ns, peerview_bin()),
        dir,
        &[
            "--cert",
            cert.to_str().expect("utf-8"),
            "--key",
            key.to_str().expect("utf-8"),
            "--http-bind",
            &format!("{RELAY_IP}:80"),
            "--https-bind",
            &format!("{RELAY_IP}:443"),
            "--quic-bind",
            &format!("{RELAY_IP}:7842"),
        ],
    )
}

#[test]
fn behind_two_nats_everything_passes_through_a_tls_relay_with_a_private_ca() {
    let nats = match Nats::new() {
        Ok(n) => n,
        Err(e) => return peerview_tests::skip(&format!("cannot build the NATs ({e})")),
    };
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("tempdir")).collect();
    let (relay_dir, employer, candidate) = (dirs[0].path(), dirs[1].path(), dirs[2].path());
    if let Err(e) = certificate(relay_dir) {
        return peerview_tests::skip(&format!("cannot make a certificate ({e})"));
    }
    let ca = relay_dir.join("ca.pem");
    let ca = ca.to_str().expect("utf-8");
    let _relay = start_relay_with_tls(&nats.internet, relay_dir);
    let url = format!("https://{RELAY_IP}");
    let on = |ns: &str, data: &Path, args: &[&str]| -> Output {
        Nats::command(ns, peerview_bin())
            .args(["--relay", &url, "--relay-ca", ca, "--data-dir"])
            .arg(data)
            .args(args)
            .env_remove("PEERVIEW_DATA_DIR")
            .env("RUST_LOG", std::env::var("PEERVIEW_CLIENT_LOG").unwrap_or_else(|_| "error".into()))
            .output()
            .expect("run peerview")
    };

    let campaign = peerview_tests::create_campaign(employer, CAMPAIGN);
    let server = Server::spawn_with_relay(
        {
            let mut c = Nats::command(&nats.employer, peerview_bin());
            c.args(["--relay-ca", ca]);
            c
        },
        employer,
        "0.0.0.0:47100",
        &url,
        &[],
    );
    let ticket = ok(&peerview(employer, &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();
    let decoded = peerview_sync::ticket::Ticket::decode(&ticket).expect("ticket");
    assert!(decoded.nodes[0].relay_url.is_some(), "the ticket carries the relay: {decoded:?}\n{}", server.log());

    let joined = on(&nats.candidate, candidate, &["join", &ticket]);
    assert!(joined.status.success(), "join: {}{}\nemployer:\n{}", stdout(&joined), stderr(&joined), server.log());
    let take = candidate.join("take.mp4");
    std::fs::write(&take, synthetic_mp4(30_000_000, 7, 120)).expect("take");
    ok(&on(&nats.candidate, candidate, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));

    // The candidate submits: through the relay, at first.
    let submitted = on(&nats.candidate, candidate, &["submit", &campaign]);
    assert!(stdout(&submitted).contains("received by the employer"), "{}{}", stdout(&submitted), stderr(&submitted));
    let status = ok(&on(&nats.candidate, candidate, &["status"]));
    eprintln!("after submit: {}", status.lines().find(|l| l.contains("last reached")).unwrap_or("?"));

    assert!(status.contains(&format!("via relay {url}")), "{status}");
    assert!(server.log().contains("path=via relay"), "{}", server.log());

    // Whether a direct path through both NATs opens: measured, not required. Both nodes learn
    // their public address from the relay (QUIC address discovery) and the candidate tries to
    // punch through, but with Linux masquerading on both sides iroh 1.4.1 stayed on the relay
    // here (measured 2026-11-30: 2 minutes of syncing and a 12 s upload, never direct).
    let started = Instant::now();
    let _watch = Killed(
        Nats::command(&nats.candidate, peerview_bin())
            .args(["--relay", &url, "--relay-ca", ca, "--data-dir"])
            .arg(candidate)
            .args(["sync", "--watch"])
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sync --watch"),
    );
    let mut direct = None;
    while started.elapsed() < Duration::from_secs(15) {
        let status = ok(&on(&nats.candidate, candidate, &["status"]));
        if status.contains("direct (") {
            direct = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    match direct {
        Some(after) => eprintln!("FIGURE nat: relayed, then direct after {:.1} s", after.as_secs_f64()),
        None => eprintln!("FIGURE nat: still relayed after 15 s of syncing (the transfer completed through the relay)"),
    }
    assert!(server.stop().success());
}
