//! A bad link: 20 Mbit/s, 40 ms delay each way and 1 % loss each way between a candidate and
//! the employer. This kernel has no `netem`, so the delay and loss come from a small UDP
//! forwarder in a namespace between the two (rate limited with `tbf`); the candidate and the
//! employer are on different subnets with no route between them, so every packet goes through
//! the forwarder. The recording still arrives and verifies.
//! Skips with a message where network namespaces are unavailable.

use std::process::{Command, Stdio};

use peerview_sync::ticket::Ticket;
use peerview_tests::{Killed, Server, ok, peerview, peerview_bin, stderr, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Rural office"
role = "Rural office"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
"#;

/// Forwards UDP from LISTEN to TARGET and back, each datagram delayed and sometimes dropped.
const IMPAIR: &str = r#"
import asyncio, random, sys
listen = (sys.argv[1], int(sys.argv[2])); target = (sys.argv[3], int(sys.argv[4]))
delay = float(sys.argv[5]); loss = float(sys.argv[6]); count = [0, 0]
loop = asyncio.new_event_loop(); asyncio.set_event_loop(loop)
class Back(asyncio.DatagramProtocol):
    def __init__(self, client, front): self.client, self.front = client, front
    def datagram_received(self, data, addr):
        if random.random() < loss: count[1] += 1; return
        count[0] += 1
        loop.call_later(delay, self.front.transport.sendto, data, self.client)
class Front(asyncio.DatagramProtocol):
    def __init__(self): self.backs = {}
    def connection_made(self, t): self.transport = t
    def datagram_received(self, data, addr):
        if random.random() < loss: count[1] += 1; return
        count[0] += 1
        if addr not in self.backs:
            self.backs[addr] = asyncio.ensure_future(
                loop.create_datagram_endpoint(lambda: Back(addr, self), remote_addr=target))
        back = self.backs[addr]
        async def send():
            await asyncio.sleep(delay)
            t, _ = await back
            t.sendto(data)
        asyncio.ensure_future(send())
async def report():
    while True:
        await asyncio.sleep(1); print(f"forwarded {count[0]} dropped {count[1]}", flush=True)
loop.run_until_complete(loop.create_datagram_endpoint(Front, local_addr=listen))
loop.create_task(report()); loop.run_forever()
"#;

fn ip(args: &[&str]) -> Result<(), String> {
    let out = Command::new("ip").args(args).output().map_err(|e| format!("cannot run ip: {e}"))?;
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).trim().to_owned()) }
}

/// Employer — forwarder — candidate, on two subnets with no route between the ends.
struct Path3 {
    names: [String; 3],
}

impl Path3 {
    fn new() -> Result<Path3, String> {
        let tag = format!("pvi{}", std::process::id());
        let names = [format!("{tag}e"), format!("{tag}p"), format!("{tag}c")];
        let path = Path3 { names: names.clone() };
        let [e, p, c] = &names;
        for n in &names {
            ip(&["netns", "add", n])?;
            ip(&["-n", n, "link", "set", "lo", "up"])?;
        }
        ip(&["-n", e, "link", "add", "eth0", "type", "veth", "peer", "name", "toe", "netns", p])?;
        ip(&["-n", c, "link", "add", "eth0", "type", "veth", "peer", "name", "toc", "netns", p])?;
        for (ns, dev, addr) in [
            (e, "eth0", "10.80.1.1/24"),
            (p, "toe", "10.80.1.2/24"),
            (p, "toc", "10.80.2.1/24"),
            (c, "eth0", "10.80.2.2/24"),
        ] {
            ip(&["-n", ns, "addr", "add", addr, "dev", dev])?;
            ip(&["-n", ns, "link", "set", dev, "up"])?;
        }
        // 20 Mbit/s each way, on the forwarder's two sides.
        for dev in ["toe", "toc"] {
            let out = Command::new("ip")
                .args(["netns", "exec", p, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", "20mbit"])
                .args(["burst", "64kbit", "latency", "400ms"])
                .output()
                .map_err(|e| e.to_string())?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
        }
        Ok(path)
    }

    fn command(&self, which: usize, program: &str) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.names[which], program]);
        peerview_tests::pin_locale(&mut c);
        c
    }
}

impl Drop for Path3 {
    fn drop(&mut self) {
        for n in &self.names {
            let _ = ip(&["netns", "del", n]);
        }
    }
}

#[test]
fn a_recording_arrives_over_a_slow_lossy_delayed_link() {
    let path = match Path3::new() {
        Ok(p) => p,
        Err(e) => {
            peerview_tests::skip(&format!("network namespaces are unavailable ({e})"));
            return;
        }
    };
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = peerview_tests::create_campaign(employer.path(), CAMPAIGN);
    let server = Server::spawn(
        {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", &path.names[0]]).arg(peerview_bin());
            c
        },
        employer.path(),
        "10.80.1.1:47100",
        &[],
    );
    let forwarder = Killed(
        path.command(1, "python3")
            .args(["-c", IMPAIR, "10.80.2.1", "47100", "10.80.1.1", "47100", "0.040", "0.01"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("forwarder"),
    );
    // The ticket names the employer's own address; the candidate reaches it via the forwarder.
    let mut ticket =
        Ticket::decode(ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Gus"])).trim()).expect("ticket");
    ticket.nodes[0].addrs = vec!["10.80.2.1:47100".parse().expect("addr")];
    let ticket = ticket.encode();

    let gus = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        let mut c = path.command(2, peerview_bin().to_str().expect("utf-8"));
        c.args(["--relay", "disabled", "--data-dir"]).arg(gus.path()).args(args).env("RUST_LOG", "error");
        c.output().expect("run peerview")
    };
    ok(&run(&["join", &ticket]));
    let bytes = synthetic_mp4(4_000_000, 12, 60);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let take = gus.path().join("take.mp4");
    std::fs::write(&take, &bytes).expect("write");
    ok(&run(&["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    let submitted = run(&["submit", &campaign, "--wait", "120"]);
    assert!(ok(&submitted).contains("received by the employer"), "{}", stderr(&submitted));
    // Every packet went through the forwarder, and some were dropped on the way.
    let mut forwarder = forwarder;
    let _ = forwarder.0.kill();
    let mut out = String::new();
    if let Some(mut pipe) = forwarder.0.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut pipe, &mut out);
    }
    let last = out.lines().last().unwrap_or_default().to_owned();
    let numbers: Vec<u64> = last.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(numbers.len() == 2 && numbers[0] > 2000 && numbers[1] > 0, "the forwarder carried the traffic: {last:?}");
    assert!(server.stop().success());
    let got = employer.path().join("got.mp4");
    ok(&peerview(employer.path(), &["export-recording", &hash, got.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&got).expect("read"), bytes, "the recording verifies");
}
