//! A Peerview node: an iroh endpoint with this install's persistent key, tuned to notice a dead
//! peer in about 10 s, and the content-addressed blob store (iroh-blobs) for recordings.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use iroh::endpoint::{QuicTransportConfig, VarInt, presets};
use iroh::{Endpoint, EndpointAddr, EndpointId, RelayMode, RelayUrl, SecretKey, TransportAddr};
use iroh_blobs::store::fs::FsStore;
use tracing::debug;

use crate::store::Store;
use crate::ticket::TicketNode;

/// Idle time after which a silent peer counts as gone.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// Keep-alives keep a healthy but quiet connection from idling out.
pub const KEEP_ALIVE: Duration = Duration::from_secs(2);
/// Bidirectional streams a peer may have open at once on one connection (sync uses one; a
/// recording fetch one per request).
pub const MAX_BIDI_STREAMS: u32 = 16;
/// Bytes a peer may have in flight across all streams of one connection, unread by us. Above
/// one stream's window (1.25 MB, enough for 100 Mbit/s at 100 ms), well below what many
/// connections together could exhaust.
pub const CONNECTION_RECEIVE_WINDOW: u32 = 4 << 20;

/// How long to try to reach a peer before giving up (and retrying later).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How this node uses relays (servers that forward traffic when no direct path exists).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RelaySetting {
    /// iroh's public relays: candidates behind NAT can reach the employer over the internet.
    #[default]
    Default,
    /// No relays: direct addresses only (LAN, tests).
    Disabled,
    /// A self-hosted relay.
    Custom(String),
}

impl FromStr for RelaySetting {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "default" => Ok(RelaySetting::Default),
            "disabled" | "none" => Ok(RelaySetting::Disabled),
            url if url.starts_with("https://") || url.starts_with("http://") => {
                RelayUrl::from_str(url).map_err(|e| format!("{url:?} is not a relay URL: {e}"))?;
                Ok(RelaySetting::Custom(url.to_owned()))
            }
            other => Err(format!("{other:?}: use default, disabled, or a relay URL such as https://relay.example.org")),
        }
    }
}

/// How to run the node.
#[derive(Clone, Debug, Default)]
pub struct NodeConfig {
    pub relay: RelaySetting,
    /// Address to listen on; `None` lets the system choose.
    pub bind: Option<SocketAddr>,
    /// Find and announce Peerview nodes on the local network (mDNS), so that an office
    /// machine whose address changed is still found by its id.
    pub lan_discovery: bool,
    /// A CA certificate file (PEM) trusted for relays, besides the public authorities.
    pub relay_ca: Option<std::path::PathBuf>,
}

impl NodeConfig {
    /// Relays off and no LAN discovery, listening on `bind`: peers reach it only at that
    /// address (tests and benchmarks, on loopback: nothing leaves the machine).
    pub fn direct(bind: SocketAddr) -> Self {
        NodeConfig { relay: RelaySetting::Disabled, bind: Some(bind), lan_discovery: false, relay_ca: None }
    }
}

/// The mDNS service name Peerview nodes announce on the local network.
pub const LAN_SERVICE: &str = "peerview";

#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error(
        "the recordings store in {path} is in use by another running Peerview (the app or `peerview serve`); stop it, or use that one"
    )]
    BlobsInUse { path: String },
    #[error("could not listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error("recording {0} is not (completely) on this computer")]
    NotHere(String),
    #[error("could not open the recordings store in {path}: {reason}")]
    Blobs { path: String, reason: String },
}

/// A running node.
#[derive(Debug, Clone)]
pub struct Node {
    pub endpoint: Endpoint,
    pub blobs: FsStore,
    pub store: Arc<Store>,
    relay: RelaySetting,
    purge: Arc<Purge>,
}

/// What the blob store's garbage collector may remove: nothing, unless a purge of deleted
/// submissions' recordings asked for exactly these hashes. Every other blob is protected, so
/// the collector can never take a recording that is still wanted (or one that is arriving).
#[derive(Debug, Default)]
struct Purge {
    doomed: std::sync::Mutex<std::collections::HashSet<iroh_blobs::Hash>>,
    blobs: std::sync::OnceLock<FsStore>,
    /// One purge at a time.
    running: tokio::sync::Mutex<()>,
}

/// How often the collector asks whether there is anything to remove (a check in memory).
const GC_POLL: Duration = Duration::from_secs(1);
/// How long a purge waits for the collector to remove the recordings.
const PURGE_TIMEOUT: Duration = Duration::from_secs(60);

impl Purge {
    fn protect_callback(self: &Arc<Self>) -> iroh_blobs::store::ProtectCb {
        let purge = Arc::downgrade(self);
        Arc::new(move |live: &mut std::collections::HashSet<iroh_blobs::Hash>| {
            let purge = purge.clone();
            Box::pin(async move {
                use iroh_blobs::store::ProtectOutcome;
                let Some(purge) = purge.upgrade() else { return ProtectOutcome::Abort };
                let doomed = purge.doomed.lock().map(|d| d.clone()).unwrap_or_default();
                let Some(blobs) = purge.blobs.get().cloned().filter(|_| !doomed.is_empty()) else {
                    return ProtectOutcome::Abort;
                };
                // Every blob stays but the doomed ones (listed on a task: the collector wants
                // a future that is Sync).
                match tokio::spawn(async move { blobs.list().hashes().await }).await {
                    Ok(Ok(all)) => {
                        live.extend(all.into_iter().filter(|h| !doomed.contains(h)));
                        ProtectOutcome::Continue
                    }
                    _ => ProtectOutcome::Abort,
                }
            })
        })
    }
}

impl Node {
    pub async fn start(store: Arc<Store>, config: &NodeConfig) -> Result<Node, NodeError> {
        let secret = SecretKey::from_bytes(&store.node_secret_key());
        // What any peer may make us buffer, authenticated or not: no unidirectional streams (no
        // protocol of ours uses them), a few bidirectional ones, and a bounded window across a
        // connection's streams (the default is unlimited).
        let transport = QuicTransportConfig::builder()
            .max_idle_timeout(Some(IDLE_TIMEOUT.try_into().expect("10 s is a valid idle timeout")))
            .keep_alive_interval(KEEP_ALIVE)
            .max_concurrent_uni_streams(VarInt::from_u32(0))
            .max_concurrent_bidi_streams(VarInt::from_u32(MAX_BIDI_STREAMS))
            .receive_window(VarInt::from_u32(CONNECTION_RECEIVE_WINDOW))
            .build();
        let builder = match &config.relay {
            RelaySetting::Default => Endpoint::builder(presets::N0),
            RelaySetting::Disabled => Endpoint::builder(presets::Minimal).relay_mode(RelayMode::Disabled),
            RelaySetting::Custom(url) => {
                let url = RelayUrl::from_str(url)
                    .map_err(|e| NodeError::Bind { addr: url.clone(), reason: e.to_string() })?;
                Endpoint::builder(presets::Minimal).relay_mode(RelayMode::custom([url]))
            }
        };
        let mut builder = builder.secret_key(secret).transport_config(transport);
        if let Some(ca) = &config.relay_ca {
            builder = builder.ca_tls_config(relay_ca(ca)?);
        }
        if config.lan_discovery {
            builder = builder
                .address_lookup(iroh_mdns_address_lookup::MdnsAddressLookup::builder().service_name(LAN_SERVICE));
        }
        if let Some(addr) = config.bind {
            builder = builder
                .clear_ip_transports()
                .bind_addr(addr)
                .map_err(|e| NodeError::Bind { addr: addr.to_string(), reason: e.to_string() })?;
        }
        let endpoint = builder.bind().await.map_err(|e| NodeError::Bind {
            addr: config.bind.map_or_else(|| "any address".to_owned(), |a| a.to_string()),
            reason: e.to_string(),
        })?;
        let blobs_dir = store.blobs_dir();
        let purge = Arc::new(Purge::default());
        let gc = iroh_blobs::store::GcConfig { interval: GC_POLL, add_protected: Some(purge.protect_callback()) };
        let blobs = open_blobs_with(&blobs_dir, Some(gc)).await?;
        let _ = purge.blobs.set(blobs.clone());
        debug!(id = %endpoint.id(), sockets = ?endpoint.bound_sockets(), "node started");
        Ok(Node { endpoint, blobs, store, relay: config.relay.clone(), purge })
    }

    /// Remove from the blob store the recordings of submissions deleted here (the markers in
    /// `DATA/deleted/` list them), except any that a kept submission also names. Finishes a
    /// purge that a crash interrupted. Returns how many recordings were removed.
    pub async fn purge_recordings(&self) -> Result<usize, NodeError> {
        purge_with(&self.store, &self.blobs, &self.purge, &std::collections::BTreeSet::new()).await
    }

    /// Employer side: remove from the blob store the recordings that submitted submissions no
    /// longer name (takes recorded again, a different take kept), with those of deleted
    /// submissions. Returns how many recordings were removed.
    pub async fn purge_superseded(&self) -> Result<usize, NodeError> {
        let blobs_err =
            |reason: String| NodeError::Blobs { path: self.store.blobs_dir().display().to_string(), reason };
        // Reads every submission (seconds in a large campaign): not on the runtime's threads,
        // which serve the peers meanwhile.
        let store = self.store.clone();
        let superseded = tokio::task::spawn_blocking(move || crate::lifecycle::superseded_hashes(&store))
            .await
            .map_err(|e| blobs_err(e.to_string()))?
            .map_err(|e| blobs_err(e.to_string()))?;
        self.purge_unneeded(&superseded).await
    }

    /// As [`Self::purge_superseded`], with the superseded recordings already found
    /// ([`crate::lifecycle::superseded_hashes`] or [`crate::lifecycle::survey`]).
    pub async fn purge_unneeded(&self, superseded: &std::collections::BTreeSet<String>) -> Result<usize, NodeError> {
        purge_with(&self.store, &self.blobs, &self.purge, superseded).await
    }

    pub fn id(&self) -> EndpointId {
        self.endpoint.id()
    }

    /// How peers can reach this node: direct addresses, and the relay if one is in use. With
    /// relays enabled, waits a little for the relay connection (never with relays disabled,
    /// where it would wait forever).
    pub async fn ticket_node(&self) -> TicketNode {
        if self.relay != RelaySetting::Disabled {
            let _ = tokio::time::timeout(Duration::from_secs(5), self.endpoint.online()).await;
        }
        let addr = self.endpoint.addr();
        let mut addrs: Vec<SocketAddr> = addr.ip_addrs().copied().collect();
        for s in self.endpoint.bound_sockets() {
            if !s.ip().is_unspecified() && !addrs.contains(&s) {
                addrs.push(s);
            }
        }
        TicketNode {
            endpoint_id: *self.id().as_bytes(),
            addrs,
            relay_url: addr.relay_urls().next().map(ToString::to_string),
        }
    }

    /// Whether this node holds the complete recording with this BLAKE3 hash (hex).
    pub async fn has_recording(&self, hash: &str) -> bool {
        match iroh_blobs::Hash::from_str(hash) {
            Ok(h) => self.blobs.has(h).await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// Copy a complete recording out of this node's store to `target` (absolute path).
    pub async fn export_recording(&self, hash: &str, target: &std::path::Path) -> Result<u64, NodeError> {
        let h = iroh_blobs::Hash::from_str(hash)
            .map_err(|e| NodeError::Blobs { path: hash.to_owned(), reason: e.to_string() })?;
        if !self.blobs.has(h).await.unwrap_or(false) {
            return Err(NodeError::NotHere(hash.to_owned()));
        }
        self.blobs
            .export(h, target)
            .await
            .map_err(|e| NodeError::Blobs { path: target.display().to_string(), reason: format!("{e:#}") })
    }

    /// Close connections and the blob store cleanly (no half-written files).
    pub async fn shutdown(&self) {
        self.endpoint.close().await;
        if let Err(e) = self.blobs.shutdown().await {
            tracing::warn!(error = %e, "closing the recordings store");
        }
    }
}

/// The public authorities plus the CA certificate(s) in `file` (PEM).
fn relay_ca(file: &std::path::Path) -> Result<iroh::tls::CaTlsConfig, NodeError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let bad = |reason: String| NodeError::Bind { addr: file.display().to_string(), reason };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(file)
        .map_err(|e| bad(format!("reading the relay CA certificate: {e}")))?
        .collect::<Result<_, _>>()
        .map_err(|e| bad(format!("not a PEM certificate: {e}")))?;
    if certs.is_empty() {
        return Err(bad("no certificate in the file".into()));
    }
    Ok(iroh::tls::CaTlsConfig::default().with_extra_roots(certs))
}

/// Remove the recordings of deleted submissions (see [`Node::purge_recordings`]).
/// `superseded`: recordings no submission here needs any more (see
/// [`crate::lifecycle::superseded_hashes`]), removed with the deleted ones.
async fn purge_with(
    store: &Store,
    blobs: &FsStore,
    purge: &Purge,
    superseded: &std::collections::BTreeSet<String>,
) -> Result<usize, NodeError> {
    let _one = purge.running.lock().await;
    let blobs_err = |reason: String| NodeError::Blobs { path: store.blobs_dir().display().to_string(), reason };
    let pending: Vec<(String, Vec<String>)> =
        store.deleted().map_err(|e| blobs_err(e.to_string()))?.into_iter().filter(|(_, h)| !h.is_empty()).collect();
    let mut doomed: std::collections::HashSet<iroh_blobs::Hash> = std::collections::HashSet::new();
    if !pending.is_empty() {
        let kept = crate::lifecycle::kept_hashes(store).map_err(|e| blobs_err(e.to_string()))?;
        doomed.extend(
            pending
                .iter()
                .flat_map(|(_, hashes)| hashes.iter())
                .filter(|h| !kept.contains(*h))
                .filter_map(|h| iroh_blobs::Hash::from_str(h).ok()),
        );
    }
    for h in superseded.iter().filter_map(|h| iroh_blobs::Hash::from_str(h).ok()) {
        if !matches!(blobs.status(h).await, Ok(iroh_blobs::api::proto::BlobStatus::NotFound)) {
            doomed.insert(h);
        }
    }
    if doomed.is_empty() && pending.is_empty() {
        return Ok(0);
    }
    // The tags that keep them (every recording added from a file has one).
    let mut tags = blobs.tags().list().await.map_err(|e| blobs_err(e.to_string()))?;
    let mut names = Vec::new();
    while let Some(tag) = n0_future::StreamExt::next(&mut tags).await {
        let tag = tag.map_err(|e| blobs_err(e.to_string()))?;
        if doomed.contains(&tag.hash) {
            names.push(tag.name);
        }
    }
    for name in names {
        blobs.tags().delete(name).await.map_err(|e| blobs_err(e.to_string()))?;
    }
    if let Ok(mut d) = purge.doomed.lock() {
        d.clone_from(&doomed);
    }
    let started = std::time::Instant::now();
    let result = loop {
        let mut left = 0;
        for h in &doomed {
            if !matches!(blobs.status(*h).await, Ok(iroh_blobs::api::proto::BlobStatus::NotFound)) {
                left += 1;
            }
        }
        if left == 0 {
            break Ok(doomed.len());
        }
        if started.elapsed() > PURGE_TIMEOUT {
            break Err(blobs_err(format!("{left} recordings of deleted submissions are still in the store")));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    if let Ok(mut d) = purge.doomed.lock() {
        d.clear();
    }
    let removed = result?;
    blobs.sync_db().await.map_err(|e| blobs_err(e.to_string()))?;
    for (candidate, _) in pending {
        store.mark_deleted(&candidate, &[]).map_err(|e| blobs_err(e.to_string()))?;
    }
    debug!(removed, "recordings of deleted submissions removed");
    Ok(removed)
}

/// For a process that does not run the node: remove the recordings of deleted submissions,
/// opening the blob store itself (`BlobsInUse` while the app or `peerview serve` holds it).
pub async fn purge_recordings_here(store: &Store) -> Result<usize, NodeError> {
    if store.deleted().map_or(true, |d| d.iter().all(|(_, h)| h.is_empty())) {
        return Ok(0);
    }
    let purge = Arc::new(Purge::default());
    let gc = iroh_blobs::store::GcConfig { interval: GC_POLL, add_protected: Some(purge.protect_callback()) };
    let blobs = open_blobs_with(&store.blobs_dir(), Some(gc)).await?;
    let _ = purge.blobs.set(blobs.clone());
    let result = purge_with(store, &blobs, &purge, &std::collections::BTreeSet::new()).await;
    let _ = blobs.shutdown().await;
    result
}

async fn open_blobs(dir: &std::path::Path) -> Result<FsStore, NodeError> {
    open_blobs_with(dir, None).await
}

/// Open the blob store. Recordings are always files of their own, never inlined in the
/// database, so removing one removes its bytes from the disk.
async fn open_blobs_with(dir: &std::path::Path, gc: Option<iroh_blobs::store::GcConfig>) -> Result<FsStore, NodeError> {
    let mut options = iroh_blobs::store::fs::options::Options::new(dir);
    options.inline.max_data_inlined = 0;
    options.gc = gc;
    FsStore::load_with_opts(dir.join("blobs.db"), options).await.map_err(|e| {
        let reason = format!("{e:#}");
        if reason.contains("already open") {
            NodeError::BlobsInUse { path: dir.display().to_string() }
        } else {
            NodeError::Blobs { path: dir.display().to_string(), reason }
        }
    })
}

/// Copy a finished recording into the blob store (absolute path); returns its BLAKE3 hash (hex).
pub async fn add_file_to_blobs(store: &Store, path: &std::path::Path) -> Result<String, NodeError> {
    let blobs = open_blobs(&store.blobs_dir()).await?;
    let added = blobs.add_path(path).await;
    let _ = blobs.shutdown().await;
    let tag = added.map_err(|e| NodeError::Blobs { path: path.display().to_string(), reason: format!("{e:#}") })?;
    Ok(tag.hash.to_hex())
}

/// Copy a complete recording out of the blob store to `target` (absolute path); returns its size.
pub async fn export_blob(store: &Store, hash: &str, target: &std::path::Path) -> Result<u64, NodeError> {
    let hash = iroh_blobs::Hash::from_str(hash)
        .map_err(|e| NodeError::Blobs { path: hash.to_owned(), reason: e.to_string() })?;
    let blobs = open_blobs(&store.blobs_dir()).await?;
    let result = if blobs.has(hash).await.unwrap_or(false) {
        blobs
            .export(hash, target)
            .await
            .map_err(|e| NodeError::Blobs { path: target.display().to_string(), reason: format!("{e:#}") })
    } else {
        Err(NodeError::NotHere(hash.to_string()))
    };
    let _ = blobs.shutdown().await;
    result
}

/// How a connection reaches its peer right now, for people: "direct (ADDR)" or
/// "via relay URL". `None` before a path is chosen.
pub fn path_of(conn: &iroh::endpoint::Connection) -> Option<String> {
    let paths = conn.paths();
    let path = paths.iter().find(|p| p.is_selected())?;
    Some(match path.remote_addr() {
        TransportAddr::Ip(addr) => format!("direct ({addr})"),
        TransportAddr::Relay(url) => format!("via relay {}", url.as_str().trim_end_matches('/')),
        other => format!("via {other:?}"),
    })
}

/// The iroh address of a node listed in a ticket.
pub fn endpoint_addr(node: &TicketNode) -> Option<EndpointAddr> {
    let id = EndpointId::from_bytes(&node.endpoint_id).ok()?;
    let mut addrs: Vec<TransportAddr> = node.addrs.iter().copied().map(TransportAddr::Ip).collect();
    if let Some(url) = node.relay_url.as_deref().and_then(|u| RelayUrl::from_str(u).ok()) {
        addrs.push(TransportAddr::Relay(url));
    }
    Some(EndpointAddr::from_parts(id, addrs))
}

/// An endpoint id as stored in rosters: lowercase hex.
pub fn endpoint_hex(id: &EndpointId) -> String {
    data_encoding::HEXLOWER.encode(id.as_bytes())
}
