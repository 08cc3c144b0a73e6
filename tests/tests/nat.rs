//! Behind two NATs: the employer and the candidate each sit behind a router of their own on a
//! 20 Mbit/s line, with `peerview relay` on the "public" side: TLS from a certificate signed by
//! the firm's own CA (the nodes are told to trust it with `--relay-ca`) and QUIC address
//! discovery. The candidate joins and submits a 30 MB answer; the first contact goes through
//! the relay, then the connection becomes direct through both NATs (required within 60 s; the
//! time is printed as a figure: 0.1 to 1.2 s here).
//!
//! Each router is configured like a home router (nftables): `masquerade` out of `wan` (Linux
//! keeps the source port when it can), and a firewall that drops whatever arrives unsolicited
//! on `wan`, whether addressed to the router itself (input) or to the computer behind it
//! (forward; only established and related traffic comes in). The input rule matters: without
//! it, a peer's punch that reaches the router before its own host has sent anything becomes a
//! confirmed conntrack entry (peer -> router:port, for the router itself), so the host's
//! packet to that peer can no longer keep its port and masquerade gives it another one; the
//! port the peer punched towards is then never the one traffic comes from, and the connection
//! stays relayed. (Measured: without it, conntrack on the employer's router showed
//! `src=10.79.2.2 dst=10.79.1.2 sport=P dport=47100 [UNREPLIED]` first and then the employer's
//! own packets to 10.79.2.2:P leaving as 10.79.1.2:7219; with it, they leave as
//! 10.79.1.2:47100 and the punch meets: a packet the filter drops never gets its conntrack entry
//! confirmed, so the early punch leaves nothing behind.)
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

/// The generous bound on relayed becoming direct (measured: about a second).
const DIRECT_WITHIN: Duration = Duration::from_mins(1);

/// From a candidate process's log (iroh's `conn::connected` and `path::selected` events): the
/// first path it selected, and how long after its first connection it first selected a direct
/// (IP) path.
fn paths_of(log: &str) -> (Option<String>, Option<Duration>) {
    let at = |line: &str| humantime::parse_rfc3339(line.split_whitespace().next()?).ok();
    let connected = log.lines().find(|l| l.contains("iroh::_events::conn::connected")).and_then(at);
    let selected = |line: &str| Some(line.split(" network_path=").nth(1)?.split(' ').next()?.to_owned());
    let mut paths = log.lines().filter(|l| l.contains("iroh::_events::path::selected"));
    let first = paths.clone().next().and_then(selected);
    let direct = paths.find(|l| selected(l).is_some_and(|p| p.starts_with("Ip("))).and_then(at);
    (first, connected.zip(direct).and_then(|(c, d)| d.duration_since(c).ok()))
}

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
            // A home router's firewall: nothing unsolicited from the internet, neither to the
            // router itself nor through it. (Without it, a peer's punch that arrives before
            // our host has sent out becomes a conntrack entry for the router itself, and our
            // host's own packet to that peer then leaves on another port: see the doc comment.)
            for rule in [
                "add table inet filter",
                "add chain inet filter input { type filter hook input priority 0 ; policy accept ; }",
                "add rule inet filter input iifname \"wan\" ct state established,related accept",
                "add rule inet filter input iifname \"wan\" drop",
                "add chain inet filter forward { type filter hook forward priority 0 ; policy drop ; }",
                "add rule inet filter forward ct state established,related accept",
                "add rule inet filter forward iifname \"lan\" oifname \"wan\" accept",
            ] {
                in_ns(&router, "nft", &[rule])?;
            }
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
fn behind_two_nats_a_connection_through_a_tls_relay_with_a_private_ca_becomes_direct() {
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
    // Which path each connection took, from iroh's structured events (DEBUG events under
    // `iroh::_events`, meant for tools), besides whatever PEERVIEW_CLIENT_LOG asks for.
    let client_log = format!(
        "{},iroh::_events::conn::connected=debug,iroh::_events::path::selected=debug",
        std::env::var("PEERVIEW_CLIENT_LOG").unwrap_or_else(|_| "error".into())
    );
    let on = |ns: &str, data: &Path, args: &[&str]| -> Output {
        Nats::command(ns, peerview_bin())
            .args(["--relay", &url, "--relay-ca", ca, "--data-dir"])
            .arg(data)
            .args(args)
            .env_remove("PEERVIEW_DATA_DIR")
            .env("RUST_LOG", &client_log)
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
    // The first contact can only go through the relay: neither router lets an unsolicited
    // packet in, so it is the relay that tells each side about the other.
    let (first_path, _) = paths_of(&stderr(&joined));
    assert_eq!(first_path.as_deref().map(|p| p.starts_with("Relay(")), Some(true), "join: {}", stderr(&joined));
    let take = candidate.join("take.mp4");
    std::fs::write(&take, synthetic_mp4(30_000_000, 7, 120)).expect("take");
    ok(&on(&nats.candidate, candidate, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));

    // The candidate submits: a fresh process, whose first contact is relayed again.
    let submit_started = Instant::now();
    let submitted = on(&nats.candidate, candidate, &["submit", &campaign]);
    let submit_secs = submit_started.elapsed().as_secs_f64();
    assert!(stdout(&submitted).contains("received by the employer"), "{}{}", stdout(&submitted), stderr(&submitted));
    let (first_path, direct_after) = paths_of(&stderr(&submitted));
    assert_eq!(first_path.as_deref().map(|p| p.starts_with("Relay(")), Some(true), "submit: {}", stderr(&submitted));
    let log = server.log();
    let arrived = log.lines().find(|l| l.contains("recording received")).and_then(|l| l.split(" path=").nth(1));
    eprintln!("the recording arrived {}", arrived.unwrap_or("?"));

    // Then the path becomes direct: both nodes learn their public address from the relay (QUIC
    // address discovery), exchange them over the relayed connection and punch through. `status`
    // shows the path of the last sync; `sync --watch` keeps syncing (every 10 s) meanwhile.
    let watch_log = candidate.join("watch.log");
    let _watch = Killed(
        Nats::command(&nats.candidate, peerview_bin())
            .args(["--relay", &url, "--relay-ca", ca, "--data-dir"])
            .arg(candidate)
            .args(["sync", "--watch"])
            .env("RUST_LOG", &client_log)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&watch_log).expect("watch log"))
            .spawn()
            .expect("sync --watch"),
    );
    loop {
        let status = ok(&on(&nats.candidate, candidate, &["status"]));
        // Direct to the employer router's public address.
        if status.contains("direct (10.79.1.2:") {
            eprintln!("status: {}", status.lines().find(|l| l.contains("last reached")).unwrap_or("?").trim());
            break;
        }
        assert!(
            submit_started.elapsed() < DIRECT_WITHIN,
            "not direct {} s after the submit began:\n{status}\nsubmit:\n{}\nsync --watch:\n{}\nemployer:\n{}",
            DIRECT_WITHIN.as_secs(),
            stderr(&submitted),
            std::fs::read_to_string(&watch_log).unwrap_or_default(),
            server.log()
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    match direct_after {
        Some(after) => eprintln!(
            "FIGURE nat: relayed, then direct after {:.1} s (from the submit's first connection; the 30 MB submit took {submit_secs:.1} s)",
            after.as_secs_f64()
        ),
        None => eprintln!(
            "FIGURE nat: the submit stayed relayed ({submit_secs:.1} s); direct after {:.1} s of the submit and sync --watch",
            submit_started.elapsed().as_secs_f64()
        ),
    }
    assert!(server.stop().success());
}
