//! What a peer can make this node spend, and the checks that keep it within budget. Each check
//! runs before the work it guards and costs less than the work: counters in memory, a header
//! parse, an inflate into a capped sink. Decided without I/O, so the limits are unit-tested
//! here; `tests/tests/hostile_peers.rs` measures them against a real node.
//!
//! ```text
//! handshake      Admission::handshake: handshakes per source address (a token bucket, given
//!                back when a connection proves an invite), refused before any TLS work
//! before Hello   QUIC: 0 uni streams, few bi streams, small windows (node.rs)
//!                Admission: unauthenticated connections per source address (refused) and
//!                overall (the longest-waiting one gives way)
//!                HELLO_TIMEOUT from connection to Hello, MAX_HELLO_BYTES for it
//! after Hello    SessionBudget: bytes, rounds, rounds per second per session
//!                inflated_size: compressed Automerge chunks never inflate past a cap
//!                MAX_MISSING_DEPS, MAX_WAITING_ROUNDS: changes whose dependencies never arrive
//! ```

use std::collections::HashMap;
use std::io::Read;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Largest Hello a peer may send before it has proved who it is.
pub const MAX_HELLO_BYTES: usize = 4 << 10;
/// From the connection to a complete Hello; a connection that has not authenticated by then is
/// closed, silent or not.
pub const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections that have not (yet) authenticated, all sources together.
pub const MAX_UNAUTHENTICATED: usize = 32;
/// Connections that have not (yet) authenticated from one IP address.
pub const MAX_UNAUTHENTICATED_PER_ADDR: usize = 8;
/// Handshakes one source address may start in a burst before its connections must prove an
/// invite. A QUIC handshake is the dearest thing an unknown peer can make the node do (key
/// exchange and signature, then about 30 KB of connection state that stays a few seconds after
/// the close); a connection that proves an invite gives its handshake back, so candidates behind
/// one NAT are held back only while their connections have not said Hello yet.
pub const HANDSHAKE_BURST_PER_ADDR: u32 = 16;
/// Handshakes per second one source address may start once its burst is spent, when none of its
/// connections prove an invite. Over it, the attempt is refused before any TLS work (the client
/// is told at once and comes back a moment later, as when the node is busy).
pub const HANDSHAKES_PER_SEC_PER_ADDR: u32 = 2;
/// Source addresses whose handshakes are counted at once; past it, the addresses whose bucket
/// is full again are forgotten, and while all are still spending, a new address is not counted
/// (the limits on unauthenticated connections still hold it).
pub const MAX_COUNTED_ADDRS: usize = 4096;
/// Bytes that the compressed parts of one sync message may inflate to. An honest message is a
/// few kilobytes; a whole submission document with years of history is well under a megabyte.
pub const MAX_INFLATED_BYTES: u64 = 8 << 20;
/// Dependencies a document's held-back changes may wait for (changes that arrived before the
/// changes they build on).
pub const MAX_MISSING_DEPS: usize = 64;
/// Rounds in a row a document may end with changes still held back; then the session is
/// refused. Together with the inflation cap per round, this bounds what waits in memory.
pub const MAX_WAITING_ROUNDS: u32 = 4;
/// Bytes one sync session may send, before the allowance per document it may sync.
pub const SESSION_BASE_BYTES: u64 = 32 << 20;
/// Extra bytes per document the session may sync.
pub const SESSION_BYTES_PER_DOC: u64 = 1 << 20;
/// Rounds in one session: an honest sync settles in a handful.
pub const MAX_SESSION_ROUNDS: u32 = 500;
/// Rounds per second before the session is slowed down to this rate.
pub const MAX_ROUNDS_PER_SEC: u32 = 20;
/// Bytes of peers' rounds (as they came, framed) being applied at once, over every session.
/// What applying a round costs in memory (decoding it, a copy of the document, the changes
/// applied) grows with its size, and sessions writing other documents apply their rounds at
/// the same time: two rounds of the largest size at once, or thousands of honest ones (a few
/// kilobytes each). A round waits for its share before it is decoded.
pub const MAX_APPLYING_BYTES: u64 = 16 << 20;
/// [`MAX_APPLYING_BYTES`] in the units of [`applying_share`] (KiB).
pub const APPLYING_PERMITS: usize = (MAX_APPLYING_BYTES >> 10) as usize;

/// The share of [`MAX_APPLYING_BYTES`] a round of `bytes` takes while it is applied: a KiB
/// each, started ones counted, at least one, at most all.
pub fn applying_share(bytes: u64) -> u32 {
    let kib = bytes.div_ceil(1 << 10).clamp(1, APPLYING_PERMITS as u64);
    u32::try_from(kib).unwrap_or(u32::MAX)
}

/// Too many connections are waiting to authenticate from this address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("too many unauthenticated connections{}", if *per_address { " from this address" } else { "" })]
pub struct Busy {
    pub per_address: bool,
}

/// Counts connections that have not authenticated yet. Over the limit for one address, a new
/// connection is refused at once, without any other work. Over the overall limit, the new
/// connection takes the place of the one that has waited longest, which is told to close
/// ([`Admitted::evicted`]): an honest peer says Hello one round trip after connecting, so
/// connections that hold their places in silence cannot keep it out, however many they are.
/// (Refusing the newcomer instead let a few hundred silent connections, re-opened as they were
/// closed, take every place the moment it came free; honest candidates got "busy" for minutes.)
///
/// Before that, [`Admission::handshake`] decides whether a connection attempt gets a handshake
/// at all: an address that already has its most unauthenticated connections, or that keeps
/// starting handshakes none of which prove an invite, is refused before any TLS work.
#[derive(Debug)]
pub struct Admission {
    limits: (usize, usize),
    /// Handshakes per address: the burst, and per second after it.
    handshakes: (u32, u32),
    state: Mutex<AdmissionState>,
}

#[derive(Debug, Default)]
struct AdmissionState {
    per_addr: HashMap<IpAddr, usize>,
    /// The places taken, oldest first (numbered in the order they were given).
    waiting: std::collections::BTreeMap<u64, Place>,
    next: u64,
    /// Handshakes each address may still start.
    buckets: HashMap<IpAddr, Bucket>,
}

/// A token bucket: handshakes left, as of `at`.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    /// Refilled at `per_sec` up to `burst`, as of `now`.
    fn refilled(self, now: Instant, (burst, per_sec): (u32, u32)) -> Bucket {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        Bucket { tokens: (self.tokens + elapsed * f64::from(per_sec)).min(f64::from(burst)), at: now.max(self.at) }
    }
}

/// The source address as counted: an IPv6 address by its /64 (a host is usually given a whole
/// /64 and may pick any address in it), an IPv4-mapped IPv6 address as IPv4.
pub fn counted_addr(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from_bits(v6.to_bits() & !u128::from(u64::MAX))),
        },
        v4 @ IpAddr::V4(_) => v4,
    }
}

#[derive(Debug)]
struct Place {
    addr: Option<IpAddr>,
    evicted: Arc<tokio::sync::Notify>,
}

impl AdmissionState {
    /// Give back place `id` (if it is still taken).
    fn free(&mut self, id: u64) -> Option<Place> {
        let place = self.waiting.remove(&id)?;
        if let Some(a) = place.addr
            && let Some(n) = self.per_addr.get_mut(&a)
        {
            *n -= 1;
            if *n == 0 {
                self.per_addr.remove(&a);
            }
        }
        Some(place)
    }
}

/// A connection's place among the unauthenticated ones; given back when dropped (the peer
/// authenticated, or the connection ended).
#[derive(Debug)]
pub struct Admitted {
    admission: Arc<Admission>,
    id: u64,
    evicted: Arc<tokio::sync::Notify>,
}

impl Admitted {
    /// Resolves when a newer connection took this place: close this one.
    pub async fn evicted(&self) {
        self.evicted.notified().await;
    }
}

impl Default for Admission {
    fn default() -> Self {
        Admission::new(MAX_UNAUTHENTICATED, MAX_UNAUTHENTICATED_PER_ADDR)
    }
}

impl Admission {
    pub fn new(total: usize, per_addr: usize) -> Self {
        Admission {
            limits: (total, per_addr),
            handshakes: (HANDSHAKE_BURST_PER_ADDR, HANDSHAKES_PER_SEC_PER_ADDR),
            state: Mutex::new(AdmissionState::default()),
        }
    }

    /// The same with `burst` handshakes per address, then `per_sec`.
    #[must_use]
    pub fn with_handshakes(self, burst: u32, per_sec: u32) -> Self {
        Admission { handshakes: (burst, per_sec), ..self }
    }

    /// Whether a connection attempt from `addr` may have its handshake, decided at `now` before
    /// any TLS work: not when the address already has its most unauthenticated connections (it
    /// would be refused right after the handshake), nor when it has spent its handshakes
    /// ([`HANDSHAKE_BURST_PER_ADDR`], then [`HANDSHAKES_PER_SEC_PER_ADDR`]; a connection that
    /// proves an invite gives one back, [`Admission::proved`]). Relayed attempts have no
    /// address and are not asked.
    pub fn handshake(&self, addr: IpAddr, now: Instant) -> Result<(), Busy> {
        let addr = counted_addr(addr);
        let mut s = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if s.per_addr.get(&addr).copied().unwrap_or(0) >= self.limits.1 {
            return Err(Busy { per_address: true });
        }
        let limits = self.handshakes;
        if !s.buckets.contains_key(&addr) && s.buckets.len() >= MAX_COUNTED_ADDRS {
            // A full bucket is the same as none.
            s.buckets.retain(|_, b| b.refilled(now, limits).tokens < f64::from(limits.0));
            if s.buckets.len() >= MAX_COUNTED_ADDRS {
                return Ok(());
            }
        }
        let bucket = s.buckets.entry(addr).or_insert(Bucket { tokens: f64::from(limits.0), at: now });
        *bucket = bucket.refilled(now, limits);
        if bucket.tokens < 1.0 {
            return Err(Busy { per_address: true });
        }
        bucket.tokens -= 1.0;
        Ok(())
    }

    /// A connection from `addr` proved an invite: the handshake it took is given back.
    pub fn proved(&self, addr: Option<IpAddr>, now: Instant) {
        let Some(addr) = addr.map(counted_addr) else { return };
        let mut s = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let limits = self.handshakes;
        if let Some(bucket) = s.buckets.get_mut(&addr) {
            let refilled = bucket.refilled(now, limits);
            *bucket = Bucket { tokens: (refilled.tokens + 1.0).min(f64::from(limits.0)), ..refilled };
        }
    }

    /// Take a place for a connection from `addr` (`None`: not an IP path, e.g. relayed, which
    /// counts toward the overall limit only), evicting the longest-waiting connection when all
    /// places are taken.
    pub fn admit(self: &Arc<Self>, addr: Option<IpAddr>) -> Result<Admitted, Busy> {
        let addr = addr.map(counted_addr);
        let mut s = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(a) = addr
            && s.per_addr.get(&a).copied().unwrap_or(0) >= self.limits.1
        {
            return Err(Busy { per_address: true });
        }
        while s.waiting.len() >= self.limits.0.max(1) {
            let Some(oldest) = s.waiting.keys().next().copied() else { break };
            if let Some(place) = s.free(oldest) {
                // A permit is kept if the connection is not waiting on it yet.
                place.evicted.notify_one();
            }
        }
        if let Some(a) = addr {
            *s.per_addr.entry(a).or_default() += 1;
        }
        let id = s.next;
        s.next += 1;
        let evicted = Arc::new(tokio::sync::Notify::new());
        s.waiting.insert(id, Place { addr, evicted: evicted.clone() });
        Ok(Admitted { admission: self.clone(), id, evicted })
    }

    /// Unauthenticated connections right now.
    pub fn waiting(&self) -> usize {
        self.state.lock().map_or(0, |s| s.waiting.len())
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut s = self.admission.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        s.free(self.id);
    }
}

/// Why a session went over its budget.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OverBudget {
    #[error("this session sent more than {0} bytes; sync again later")]
    Bytes(u64),
    #[error("this session took more than {0} rounds without settling")]
    Rounds(u32),
}

/// What one authenticated session has spent.
#[derive(Debug)]
pub struct SessionBudget {
    max_bytes: u64,
    bytes: u64,
    rounds: u32,
    /// When the current one-second window of rounds started, and the rounds in it.
    window: (Instant, u32),
}

impl SessionBudget {
    /// The budget of a session that may sync `docs` documents.
    pub fn new(docs: usize, now: Instant) -> Self {
        let max_bytes = SESSION_BASE_BYTES.saturating_add(SESSION_BYTES_PER_DOC.saturating_mul(docs as u64));
        SessionBudget { max_bytes, bytes: 0, rounds: 0, window: (now, 0) }
    }

    /// Count a received round of `bytes`; returns how long to wait before handling it (the
    /// rate limit), or the refusal when the session is over budget.
    pub fn round(&mut self, bytes: u64, now: Instant) -> Result<Duration, OverBudget> {
        self.bytes = self.bytes.saturating_add(bytes);
        self.rounds += 1;
        if self.bytes > self.max_bytes {
            return Err(OverBudget::Bytes(self.max_bytes));
        }
        if self.rounds > MAX_SESSION_ROUNDS {
            return Err(OverBudget::Rounds(MAX_SESSION_ROUNDS));
        }
        let (start, count) = &mut self.window;
        let elapsed = now.saturating_duration_since(*start);
        if elapsed >= Duration::from_secs(1) {
            *start = now;
            *count = 1;
            return Ok(Duration::ZERO);
        }
        *count += 1;
        if *count > MAX_ROUNDS_PER_SEC {
            // Over the rate: wait for the window to end; the next round opens a new one.
            let wait = Duration::from_secs(1).saturating_sub(elapsed);
            *start = now + wait;
            *count = 1;
            return Ok(wait);
        }
        Ok(Duration::ZERO)
    }
}

/// Why the changes of a sync message were refused before Automerge saw them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    #[error("a change inflates to more than {MAX_INFLATED_BYTES} bytes")]
    TooLarge,
    #[error("a change is malformed: {0}")]
    Malformed(&'static str),
}

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const CHUNK_DOCUMENT: u8 = 0;
const CHUNK_CHANGE: u8 = 1;
const CHUNK_COMPRESSED: u8 = 2;
const CHUNK_BUNDLE: u8 = 3;
/// The column-spec bit that marks a DEFLATE-compressed column of a document chunk.
const COLUMN_DEFLATE: u64 = 0b1000;

/// How many bytes the Automerge chunks in `changes` (the `changes` of a sync message) take once
/// inflated, refusing as soon as the total passes `limit`. Automerge inflates compressed change
/// chunks and compressed document columns without a bound; this walks the chunk headers and
/// inflates into a counting sink that stops at the limit, so a 1 MB bomb costs at most `limit`
/// bytes of work and none of memory.
pub fn inflated_size<'a>(changes: impl IntoIterator<Item = &'a [u8]>, limit: u64) -> Result<u64, ChunkError> {
    let mut total = 0u64;
    for bytes in changes {
        let mut r = Reader(bytes);
        while !r.0.is_empty() {
            if r.take(4)? != MAGIC {
                return Err(ChunkError::Malformed("no chunk header"));
            }
            r.take(4)?; // checksum, verified by Automerge
            let kind = r.take(1)?[0];
            let len = usize::try_from(r.uleb()?).map_err(|_| ChunkError::Malformed("length"))?;
            let data = r.take(len)?;
            let remaining = limit.saturating_sub(total);
            total += match kind {
                CHUNK_CHANGE | CHUNK_BUNDLE => {
                    // Parsed as they are: Automerge refuses compressed columns in these.
                    if len as u64 > remaining {
                        return Err(ChunkError::TooLarge);
                    }
                    len as u64
                }
                CHUNK_COMPRESSED => inflate_capped(data, remaining)?,
                CHUNK_DOCUMENT => document_size(data, remaining)?,
                _ => return Err(ChunkError::Malformed("unknown chunk type")),
            };
        }
    }
    Ok(total)
}

/// A document chunk: actors, heads, the change and op column metadata, then the columns, some
/// of which may be compressed.
fn document_size(data: &[u8], limit: u64) -> Result<u64, ChunkError> {
    let mut r = Reader(data);
    for _ in 0..r.uleb()? {
        let len = usize::try_from(r.uleb()?).map_err(|_| ChunkError::Malformed("actor"))?;
        r.take(len)?;
    }
    let heads = usize::try_from(r.uleb()?).map_err(|_| ChunkError::Malformed("heads"))?;
    r.take(heads.checked_mul(32).ok_or(ChunkError::Malformed("heads"))?)?;
    let mut columns = Vec::new();
    for _ in 0..2 {
        for _ in 0..r.uleb()? {
            let spec = r.uleb()?;
            let len = usize::try_from(r.uleb()?).map_err(|_| ChunkError::Malformed("column"))?;
            columns.push((spec & COLUMN_DEFLATE != 0, len));
        }
    }
    let mut total = r.0.len() as u64; // everything but the columns is taken as it is
    for (deflated, len) in columns {
        let column = r.take(len)?;
        total -= len as u64;
        let remaining = limit.saturating_sub(total);
        total += if deflated { inflate_capped(column, remaining)? } else { len as u64 };
    }
    if total > limit { Err(ChunkError::TooLarge) } else { Ok(total) }
}

/// The heads recorded in `bytes` when they are exactly one Automerge document chunk (what
/// `save` writes), read from its header without loading anything; `None` for anything else.
/// The checksum and the columns are Automerge's to check when the document is loaded.
pub(crate) fn document_heads(bytes: &[u8]) -> Option<Vec<automerge::ChangeHash>> {
    let mut r = Reader(bytes);
    if r.take(4).ok()? != MAGIC {
        return None;
    }
    r.take(4).ok()?; // checksum
    if r.take(1).ok()?[0] != CHUNK_DOCUMENT {
        return None;
    }
    let len = usize::try_from(r.uleb().ok()?).ok()?;
    if len != r.0.len() {
        return None; // more than one chunk, or truncated
    }
    for _ in 0..r.uleb().ok()? {
        let len = usize::try_from(r.uleb().ok()?).ok()?;
        r.take(len).ok()?;
    }
    let count = usize::try_from(r.uleb().ok()?).ok()?;
    let mut heads = Vec::with_capacity(count.min(r.0.len() / 32));
    for _ in 0..count {
        let hash: [u8; 32] = r.take(32).ok()?.try_into().ok()?;
        heads.push(automerge::ChangeHash(hash));
    }
    Some(heads)
}

/// Inflate raw DEFLATE `data`, counting the output and stopping past `limit`.
fn inflate_capped(data: &[u8], limit: u64) -> Result<u64, ChunkError> {
    let decoder = flate2::bufread::DeflateDecoder::new(data);
    let mut sink = std::io::sink();
    let inflated = std::io::copy(&mut decoder.take(limit.saturating_add(1)), &mut sink)
        .map_err(|_| ChunkError::Malformed("bad compressed data"))?;
    if inflated > limit { Err(ChunkError::TooLarge) } else { Ok(inflated) }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ChunkError> {
        if n > self.0.len() {
            return Err(ChunkError::Malformed("truncated"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn uleb(&mut self) -> Result<u64, ChunkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ChunkError::Malformed("number too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).expect("deflate");
        e.finish().expect("deflate")
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

    fn chunk(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut c = MAGIC.to_vec();
        c.extend([0; 4]);
        c.push(kind);
        uleb(data.len() as u64, &mut c);
        c.extend(data);
        c
    }

    #[test]
    fn admission_limits_per_address_and_overall_evicts_the_longest_waiting() {
        let a = Arc::new(Admission::new(3, 2));
        let ip = |n: u8| Some(IpAddr::from([10, 0, 0, n]));
        let first = a.admit(ip(1)).expect("1st");
        let second = a.admit(ip(1)).expect("2nd");
        assert_eq!(a.admit(ip(1)).expect_err("over the per-address limit"), Busy { per_address: true });
        let third = a.admit(ip(2)).expect("another address");
        let is_evicted = |p: &Admitted| {
            let waiting = std::pin::pin!(p.evicted());
            let waker = std::task::Waker::noop();
            waiting.poll(&mut std::task::Context::from_waker(waker)).is_ready()
        };
        assert!(![&first, &second, &third].into_iter().any(is_evicted), "nobody is evicted below the limit");
        let fourth = a.admit(None).expect("over the overall limit, the oldest gives way");
        assert!(is_evicted(&first), "the longest-waiting connection is told to close");
        assert!(![&second, &third, &fourth].into_iter().any(is_evicted));
        assert_eq!(a.waiting(), 3);
        let again = a.admit(ip(1)).expect("the evicted connection's place at its address came free");
        assert!(is_evicted(&second));
        drop(first);
        assert_eq!(a.waiting(), 3, "an evicted connection's drop gives back nothing twice");
        drop((second, third, fourth));
        assert_eq!(a.waiting(), 1);
        drop(again);
        assert_eq!(a.waiting(), 0);
        assert!(a.admit(ip(1)).is_ok() && a.admit(ip(1)).is_ok(), "every place came free");
    }

    #[test]
    fn handshakes_per_address_are_a_bucket_that_proof_refills() {
        #[derive(Clone, Copy)]
        enum Step {
            /// A handshake from the address at the millisecond: allowed or not.
            Handshake(&'static str, u64, bool),
            /// A connection from the address proved an invite.
            Proved(&'static str, u64),
            /// A connection from the address waits to authenticate.
            Admit(&'static str),
        }
        use Step::{Admit, Handshake, Proved};
        // A burst of 4, then 2 a second; at most 2 unauthenticated connections per address.
        let steps: &[(&str, Vec<Step>)] = &[
            ("the burst", vec![Handshake("10.0.0.1", 0, true); 4]),
            ("then refused", vec![Handshake("10.0.0.1", 0, false), Handshake("10.0.0.1", 10, false)]),
            ("another address has its own", vec![Handshake("10.0.0.2", 10, true); 2]),
            ("the same, IPv4-mapped", {
                let mut v = vec![Handshake("::ffff:10.0.0.2", 10, true); 2];
                v.push(Handshake("10.0.0.2", 10, false));
                v
            }),
            ("refilled at 2 a second", vec![Handshake("10.0.0.1", 499, false), Handshake("10.0.0.1", 500, true)]),
            ("a proof gives one back", vec![Proved("10.0.0.1", 500), Handshake("10.0.0.1", 500, true)]),
            ("only one", vec![Handshake("10.0.0.1", 500, false)]),
            ("a proof never fills past the burst", {
                let mut v = vec![Proved("10.0.0.1", 600); 10];
                v.extend([Handshake("10.0.0.1", 600, true); 4]);
                v.push(Handshake("10.0.0.1", 600, false));
                v
            }),
            ("an IPv6 /64 is one address", {
                let mut v = vec![Handshake("2001:db8::1", 0, true); 2];
                v.extend([Handshake("2001:db8::ffff:2", 0, true), Handshake("2001:db8::3", 0, true)]);
                v.extend([Handshake("2001:db8::4", 0, false), Handshake("2001:db8:0:1::1", 0, true)]);
                v
            }),
            ("an address at its most unauthenticated connections", {
                vec![
                    Admit("10.0.0.3"),
                    Handshake("10.0.0.3", 0, true),
                    Admit("10.0.0.3"),
                    Handshake("10.0.0.3", 0, false),
                ]
            }),
        ];
        let a = Arc::new(Admission::new(100, 2).with_handshakes(4, 2));
        let t0 = Instant::now();
        let mut admitted = Vec::new();
        for (name, steps) in steps {
            for (i, step) in steps.iter().enumerate() {
                match *step {
                    Handshake(addr, ms, allowed) => assert_eq!(
                        a.handshake(addr.parse().expect("address"), t0 + Duration::from_millis(ms)).is_ok(),
                        allowed,
                        "{name}: step {i}"
                    ),
                    Proved(addr, ms) => a.proved(addr.parse().ok(), t0 + Duration::from_millis(ms)),
                    Admit(addr) => admitted.push(a.admit(addr.parse().ok()).expect("admitted")),
                }
            }
        }
        // Relayed connections have no address: a proof from one changes nothing.
        a.proved(None, t0);
    }

    #[test]
    fn handshakes_are_counted_for_a_bounded_number_of_addresses() {
        let a = Admission::new(100, 8).with_handshakes(2, 1);
        let t0 = Instant::now();
        let addr = |n: usize| IpAddr::from([10, (n >> 16) as u8, (n >> 8) as u8, n as u8]);
        for n in 0..MAX_COUNTED_ADDRS {
            assert!(a.handshake(addr(n), t0).is_ok());
        }
        let newcomer = addr(MAX_COUNTED_ADDRS);
        for _ in 0..5 {
            assert!(a.handshake(newcomer, t0).is_ok(), "past the count, a new address is not held back");
        }
        // A second later every bucket is full again: forgotten, and the newcomer is counted.
        let later = t0 + Duration::from_secs(1);
        assert!(a.handshake(newcomer, later).is_ok() && a.handshake(newcomer, later).is_ok());
        assert!(a.handshake(newcomer, later).is_err());
        assert_eq!(a.state.lock().expect("state").buckets.len(), 1);
    }

    #[test]
    fn sessions_are_capped_in_bytes_and_rounds_and_slowed_to_the_rate() {
        let t0 = Instant::now();
        let mut b = SessionBudget::new(0, t0);
        assert_eq!(b.round(SESSION_BASE_BYTES, t0), Ok(Duration::ZERO));
        assert_eq!(b.round(1, t0), Err(OverBudget::Bytes(SESSION_BASE_BYTES)), "one byte more");

        let mut b = SessionBudget::new(1, t0);
        let mut waited = Duration::ZERO;
        let mut now = t0;
        for _ in 0..MAX_ROUNDS_PER_SEC * 3 {
            let wait = b.round(10, now).expect("within budget");
            now += wait;
            waited += wait;
        }
        assert!(waited >= Duration::from_millis(1900), "60 rounds at once are spread over 2 s or more: {waited:?}");
        let mut b = SessionBudget::new(1, t0);
        let mut now = t0;
        for _ in 0..MAX_SESSION_ROUNDS {
            now += b.round(1, now).expect("within budget");
        }
        assert_eq!(b.round(1, now), Err(OverBudget::Rounds(MAX_SESSION_ROUNDS)));
    }

    #[test]
    fn a_round_takes_its_size_of_the_bytes_applied_at_once() {
        for (bytes, share) in [
            (0, 1),
            (1, 1),
            (1024, 1),
            (1025, 2),
            (4_000, 4),
            (crate::protocol::MAX_FRAME_BYTES as u64, 8192),
            (MAX_APPLYING_BYTES, 16_384),
            (u64::MAX, 16_384),
        ] {
            assert_eq!(applying_share(bytes), share, "{bytes} bytes");
        }
        // Two rounds of the largest size fit at once, not three.
        assert_eq!(APPLYING_PERMITS as u32 / applying_share(crate::protocol::MAX_FRAME_BYTES as u64), 2);
    }

    #[test]
    fn chunks_are_sized_before_automerge_inflates_them() {
        type Case = (&'static str, Vec<u8>, u64, Result<u64, ChunkError>);
        let bomb = deflate(&vec![0u8; 4 << 20]);
        let honest = deflate(b"a small change");
        let cases: Vec<Case> = vec![
            ("plain change", chunk(CHUNK_CHANGE, &[7; 100]), 1000, Ok(100)),
            ("compressed change", chunk(CHUNK_COMPRESSED, &honest), 1000, Ok(14)),
            ("bomb under the limit", chunk(CHUNK_COMPRESSED, &bomb), 4 << 20, Ok(4 << 20)),
            ("bomb one byte over", chunk(CHUNK_COMPRESSED, &bomb), (4 << 20) - 1, Err(ChunkError::TooLarge)),
            (
                "two chunks add up",
                [chunk(CHUNK_CHANGE, &[1; 60]), chunk(CHUNK_CHANGE, &[1; 60])].concat(),
                100,
                Err(ChunkError::TooLarge),
            ),
            ("garbage", vec![1, 2, 3, 4, 5], 1000, Err(ChunkError::Malformed("no chunk header"))),
            ("truncated", chunk(CHUNK_CHANGE, &[7; 100])[..50].to_vec(), 1000, Err(ChunkError::Malformed("truncated"))),
            ("unknown type", chunk(9, &[0; 4]), 1000, Err(ChunkError::Malformed("unknown chunk type"))),
            (
                "bad deflate",
                chunk(CHUNK_COMPRESSED, &[0xff; 16]),
                1000,
                Err(ChunkError::Malformed("bad compressed data")),
            ),
        ];
        for (name, bytes, limit, expected) in cases {
            assert_eq!(inflated_size([bytes.as_slice()], limit), expected, "{name}");
        }
    }

    #[test]
    fn compressed_document_columns_count_inflated() {
        let column = deflate(&vec![0u8; 1 << 20]);
        let mut doc = Vec::new();
        uleb(0, &mut doc); // actors
        uleb(0, &mut doc); // heads
        uleb(1, &mut doc); // one change column, deflated
        uleb(0b1000 | (1 << 4), &mut doc);
        uleb(column.len() as u64, &mut doc);
        uleb(0, &mut doc); // no op columns
        doc.extend(&column);
        let bytes = chunk(CHUNK_DOCUMENT, &doc);
        assert_eq!(inflated_size([bytes.as_slice()], 2 << 20), Ok(1 << 20));
        assert_eq!(inflated_size([bytes.as_slice()], (1 << 20) - 1), Err(ChunkError::TooLarge));
    }

    /// What Automerge itself sends is measured, not refused: a real document's sync messages.
    #[test]
    fn real_automerge_messages_pass() {
        use automerge::sync::{State, SyncDoc};
        use automerge::transaction::Transactable;
        let mut doc = automerge::AutoCommit::new();
        for i in 0..200 {
            doc.put(automerge::ROOT, format!("k{i}"), "a value that repeats a value that repeats").expect("put");
            doc.commit();
        }
        let mut state = State::new();
        let mut total = 0;
        let mut peer = automerge::AutoCommit::new();
        let mut peer_state = State::new();
        for _ in 0..4 {
            if let Some(m) = doc.sync().generate_sync_message(&mut state) {
                let decoded = automerge::sync::Message::decode(&m.clone().encode()).expect("decode");
                total += inflated_size(decoded.changes.iter(), MAX_INFLATED_BYTES).expect("an honest message");
                peer.sync().receive_sync_message(&mut peer_state, m).expect("apply");
            }
            if let Some(m) = peer.sync().generate_sync_message(&mut peer_state) {
                doc.sync().receive_sync_message(&mut state, m).expect("apply");
            }
        }
        assert!(total > 0, "the changes were seen");
    }
}
