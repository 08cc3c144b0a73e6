//! Hostile peers against a real `peerview serve`, shared by `hostile_peers.rs` (each attack once,
//! with its verdict) and `load_under_attack.rs` (all of them at once, re-opened as the employer
//! closes them): attacker endpoints on loopback addresses of their own, the single attempts, the
//! continuous campaign ([`Attacks`]), and the employer's memory read from `/proc`.
//!
//! Loopback is all of 127.0.0.0/8 on Linux, so each attacker can have an address of its own and
//! the employer's per-address limit does not help it more than it would against attackers spread
//! over the internet.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use iroh::endpoint::{Connection, RecvStream, SendStream, presets};
use iroh::{Endpoint, RelayMode};
use peerview_sync::DocKind;
use peerview_sync::auth::DocRef;
use peerview_sync::node::endpoint_addr;
use peerview_sync::protocol::{Claim, Entry, Msg, PROTOCOL_VERSION, SYNC_ALPN, read_msg, write_msg};
use peerview_sync::ticket::{Invitee, Ticket};

/// Resident memory of a process, now and at its peak (`VmRSS`, `VmHWM`), in bytes.
pub fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .expect("field in /proc status")
            * 1024
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Bytes as megabytes for a report.
pub fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// The `n`-th address (from 1) of a /24 on loopback: `127.0.<net>.<n>`.
pub fn loopback(net: u8, n: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, net, u8::try_from(n).expect("at most 255 hosts in a /24")))
}

/// An endpoint with a fresh key (unknown to the employer) on `ip`, without relays.
pub async fn attacker(ip: IpAddr) -> Endpoint {
    Endpoint::builder(presets::Minimal)
        .relay_mode(RelayMode::Disabled)
        .clear_ip_transports()
        .bind_addr(SocketAddr::new(ip, 0))
        .expect("bind address")
        .bind()
        .await
        .expect("attacker endpoint")
}

/// Connect on the sync protocol (the handshake only; no stream).
pub async fn connect(ep: &Endpoint, ticket: &Ticket) -> anyhow::Result<Connection> {
    let addr = endpoint_addr(&ticket.nodes[0]).ok_or_else(|| anyhow::anyhow!("no address in the ticket"))?;
    Ok(ep.connect(addr, SYNC_ALPN).await?)
}

/// What a Hello claims for the invite `t`.
pub fn claim_of(t: &Ticket) -> Claim {
    Claim { campaign: t.campaign.clone(), invitee: t.invitee.clone(), secret: t.secret }
}

fn uleb(mut n: u64, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// An Automerge sync message (v1) carrying one compressed change chunk whose DEFLATE data
/// inflates to `inflated` zero bytes: about a thousandth of that on the wire.
pub fn compression_bomb(inflated: usize) -> Vec<u8> {
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..inflated / zeros.len() {
        deflate.write_all(&zeros).expect("deflate");
    }
    let data = deflate.finish().expect("deflate");
    let mut chunk = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2];
    uleb(data.len() as u64, &mut chunk);
    chunk.extend(data);
    let mut message = vec![0x42, 0, 0, 0, 1];
    uleb(chunk.len() as u64, &mut message);
    message.extend(chunk);
    message
}

/// Open `streams` unidirectional streams on `conn` at once and write `bytes` on each (each
/// stream gives up after `patience` without progress). Returns the streams the employer
/// granted and the bytes it took.
pub async fn uni_flood(conn: &Connection, streams: usize, bytes: usize, patience: Duration) -> (u64, u64) {
    let tasks: Vec<_> = (0..streams)
        .map(|_| {
            let conn = conn.clone();
            tokio::spawn(async move {
                let Ok(Ok(mut stream)) = tokio::time::timeout(patience, conn.open_uni()).await else { return (0, 0) };
                let block = vec![0x55u8; 64 << 10];
                let mut sent = 0u64;
                while sent < bytes as u64 {
                    match tokio::time::timeout(patience, stream.write_all(&block)).await {
                        Ok(Ok(())) => sent += block.len() as u64,
                        _ => break,
                    }
                }
                (1, sent)
            })
        })
        .collect();
    let mut total = (0, 0);
    for t in tasks {
        let (granted, sent) = t.await.unwrap_or((0, 0));
        total.0 += granted;
        total.1 += sent;
    }
    total
}

/// Open a stream and announce a frame of `announced` bytes (the start of a Hello).
pub async fn announce_frame(conn: &Connection, announced: u32) -> anyhow::Result<(SendStream, RecvStream)> {
    let (mut send, recv) = conn.open_bi().await?;
    send.write_all(&announced.to_be_bytes()).await?;
    Ok((send, recv))
}

/// Write `chunk` zero bytes every `every`, `count` times or until the stream fails.
pub async fn trickle(send: &mut SendStream, chunk: usize, every: Duration, count: usize) {
    let block = vec![0u8; chunk];
    for _ in 0..count {
        if send.write_all(&block).await.is_err() {
            return;
        }
        tokio::time::sleep(every).await;
    }
}

/// As the invited candidate of `ticket`: Hello, then one Round whose change to the candidate's
/// own submission is `bomb`. Returns the employer's answer to the Round.
pub async fn send_bomb(conn: &Connection, ticket: &Ticket, bomb: Vec<u8>) -> anyhow::Result<Msg> {
    let (mut send, mut recv) = conn.open_bi().await?;
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim_of(ticket)) }).await?;
    let docs = match read_msg(&mut recv).await? {
        Msg::Welcome { docs } => docs,
        other => anyhow::bail!("the invite was not welcomed: {other:?}"),
    };
    let Invitee::Candidate(me) = &ticket.invitee else { anyhow::bail!("not a candidate ticket") };
    let submission = DocRef { kind: DocKind::Submission, id: me.to_string() };
    anyhow::ensure!(docs.contains(&submission), "the candidate's own submission was not offered: {docs:?}");
    write_msg(&mut send, &Msg::Round { entries: vec![Entry { doc: submission, message: Some(bomb) }] }).await?;
    Ok(read_msg(&mut recv).await?)
}

/// The four attacks of the load-under-attack benchmark, at full strength.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Connections from unknown keys that never open a stream.
    pub silent: usize,
    /// Unknown connections each opening `uni_streams` unidirectional streams of `uni_bytes`.
    pub uni: usize,
    pub uni_streams: usize,
    pub uni_bytes: usize,
    /// Connections announcing an 8 MiB Hello and trickling 1 KiB/s.
    pub big_hello: usize,
    /// One invited candidate sending compression bombs (`true`) or none.
    pub bomb: bool,
}

impl Plan {
    /// 300 silent connections; 10 with 100 unidirectional streams of 1 MB; 100 announced 8 MiB
    /// Hellos trickled at 1 KiB/s; one invited candidate sending a change inflating to 1 GiB.
    pub const FULL: Plan =
        Plan { silent: 300, uni: 10, uni_streams: 100, uni_bytes: 1 << 20, big_hello: 100, bomb: true };

    /// Only the attacks named in `list` (comma-separated: silent, uni, hello, bomb), for finding
    /// out which one costs what.
    pub fn only(self, list: &str) -> Plan {
        let has = |name: &str| list.split(',').any(|n| n.trim() == name);
        Plan {
            silent: if has("silent") { self.silent } else { 0 },
            uni: if has("uni") { self.uni } else { 0 },
            big_hello: if has("hello") { self.big_hello } else { 0 },
            bomb: self.bomb && has("bomb"),
            ..self
        }
    }
}

impl Tally {
    /// The most frequent reasons connection attempts failed, most frequent first.
    pub fn top_failures(&self, n: usize) -> Vec<(String, u64)> {
        let mut reasons: Vec<(String, u64)> =
            self.failure_reasons.lock().map(|r| r.iter().map(|(k, v)| (k.clone(), *v)).collect()).unwrap_or_default();
        reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
        reasons.truncate(n);
        reasons
    }
}

/// What the attackers managed, counted while they run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Connections the employer completed a handshake for.
    pub connections: AtomicU64,
    /// Connection attempts that failed before the handshake completed.
    pub connect_failures: AtomicU64,
    /// Why they failed: the error's text, and how often.
    pub failure_reasons: std::sync::Mutex<std::collections::HashMap<String, u64>>,
    /// Unidirectional streams granted, and bytes the employer took on them.
    pub uni_streams: AtomicU64,
    pub uni_bytes: AtomicU64,
    /// Compression bombs refused as such, and rounds answered otherwise (or not at all).
    pub bombs_refused: AtomicU64,
    pub bombs_other: AtomicU64,
}

/// All attacks of a [`Plan`], each connection re-opened as soon as the employer closes it (but
/// at most once per [`MIN_CYCLE`]); stopped when dropped.
pub struct Attacks {
    pub tally: Arc<Tally>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    endpoints: Vec<Endpoint>,
}

/// Shortest time between two connections of one attack slot. A slot whose connection is refused
/// at once would otherwise spin on handshakes; on a machine shared with the node it measures
/// the attacker's own CPU as much as the node.
pub const MIN_CYCLE: Duration = Duration::from_millis(250);

/// Loopback networks of each attack (`127.0.<net>.x`), apart from each other and from the
/// honest candidates'.
const SILENT_NET: u8 = 11;
const UNI_NET: u8 = 12;
const HELLO_NET: u8 = 13;
const BOMB_NET: u8 = 14;
/// Connections per attacker endpoint (one key and one address for that many slots).
const SLOTS_PER_ENDPOINT: usize = 15;

impl Attacks {
    /// Start `plan` against the employer of `target` (any ticket of it: only its address is
    /// used by the unknown attackers); `bomber` is an invited candidate's ticket. Runs on the
    /// current runtime.
    pub async fn start(plan: Plan, target: &Ticket, bomber: &Ticket) -> Attacks {
        let tally = Arc::new(Tally::default());
        let mut attacks = Attacks { tally: tally.clone(), tasks: Vec::new(), endpoints: Vec::new() };
        let silent_eps = attacks.endpoints(SILENT_NET, plan.silent.div_ceil(SLOTS_PER_ENDPOINT)).await;
        for i in 0..plan.silent {
            let ep = silent_eps[i / SLOTS_PER_ENDPOINT].clone();
            attacks.slot(ep, target, |conn, _| async move {
                conn.closed().await;
            });
        }
        let uni_eps = attacks.endpoints(UNI_NET, plan.uni).await;
        for ep in uni_eps {
            attacks.slot(ep, target, move |conn, tally| async move {
                let (streams, bytes) =
                    uni_flood(&conn, plan.uni_streams, plan.uni_bytes, Duration::from_secs(10)).await;
                tally.uni_streams.fetch_add(streams, Ordering::Relaxed);
                tally.uni_bytes.fetch_add(bytes, Ordering::Relaxed);
                conn.closed().await;
            });
        }
        let hello_eps = attacks.endpoints(HELLO_NET, plan.big_hello.div_ceil(SLOTS_PER_ENDPOINT)).await;
        for i in 0..plan.big_hello {
            let ep = hello_eps[i / SLOTS_PER_ENDPOINT].clone();
            attacks.slot(ep, target, |conn, _| async move {
                if let Ok((mut send, _recv)) = announce_frame(&conn, 8 << 20).await {
                    trickle(&mut send, 1 << 10, Duration::from_secs(1), 8 << 10).await;
                }
                conn.closed().await;
            });
        }
        if plan.bomb {
            let bomb = Arc::new(compression_bomb(1 << 30));
            let ep = attacks.endpoints(BOMB_NET, 1).await.remove(0);
            let ticket = bomber.clone();
            attacks.slot(ep, target, move |conn, tally| {
                let (ticket, bomb) = (ticket.clone(), bomb.clone());
                async move {
                    match send_bomb(&conn, &ticket, bomb.to_vec()).await {
                        Ok(Msg::Refused { reason }) if reason.contains("inflates to more than") => {
                            tally.bombs_refused.fetch_add(1, Ordering::Relaxed);
                        }
                        _ => {
                            tally.bombs_other.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    conn.closed().await;
                }
            });
        }
        attacks
    }

    async fn endpoints(&mut self, net: u8, n: usize) -> Vec<Endpoint> {
        let mut eps = Vec::new();
        for i in 1..=n {
            eps.push(attacker(loopback(net, i)).await);
        }
        self.endpoints.extend(eps.iter().cloned());
        eps
    }

    /// One attack slot: connect, run `attack` on the connection, again when it is over.
    fn slot<F, Fut>(&mut self, ep: Endpoint, target: &Ticket, attack: F)
    where
        F: Fn(Connection, Arc<Tally>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let tally = self.tally.clone();
        let target = target.clone();
        self.tasks.push(tokio::spawn(async move {
            loop {
                let started = Instant::now();
                match connect(&ep, &target).await {
                    Ok(conn) => {
                        tally.connections.fetch_add(1, Ordering::Relaxed);
                        attack(conn, tally.clone()).await;
                    }
                    Err(e) => {
                        tally.connect_failures.fetch_add(1, Ordering::Relaxed);
                        if let Ok(mut reasons) = tally.failure_reasons.lock() {
                            *reasons.entry(format!("{e:#}")).or_default() += 1;
                        }
                    }
                }
                tokio::time::sleep_until((started + MIN_CYCLE).into()).await;
            }
        }));
    }

    /// Stop every attack and close the attackers' endpoints.
    pub async fn stop(mut self) {
        for t in self.tasks.drain(..) {
            t.abort();
        }
        for ep in self.endpoints.drain(..) {
            ep.close().await;
        }
    }
}

impl Drop for Attacks {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}
