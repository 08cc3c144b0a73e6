//! The operations layer: workflows written once, which the command line (`commands/`) and the
//! app (`gui/`) both call. It knows the data directory, the network settings and the nodes; it
//! prints nothing (each caller tells its user in its own way) and logs with `tracing`.
//! `commands/` and `gui/` never import each other: what they share lives here.

pub mod describe;
pub mod exchange;
pub mod lifecycle;
pub mod local;
pub mod messages;
pub mod node;
pub mod recordings;
pub mod relay;
pub mod takes;

use std::net::SocketAddr;
use std::path::Path;

use anyhow::{Context, Result};
use peerview_sync::Store;
use peerview_sync::node::{NodeConfig, RelaySetting};

pub use node::{DEFAULT_PORT, EmployerNode};

/// How this computer's node reaches peers: relays, and discovery on the local network.
#[derive(Clone, Debug, Default)]
pub struct Net {
    pub relay: RelaySetting,
    pub lan_discovery: bool,
    /// A CA certificate (PEM) to trust for a self-hosted relay whose certificate is not signed
    /// by a public authority.
    pub relay_ca: Option<std::path::PathBuf>,
}

impl Net {
    pub fn config(&self, bind: Option<SocketAddr>) -> NodeConfig {
        NodeConfig {
            relay: self.relay.clone(),
            bind,
            lan_discovery: self.lan_discovery,
            relay_ca: self.relay_ca.clone(),
        }
    }
}

/// Open the data directory's store. Corrupt files it set aside are in `Store::problems` for the
/// caller to report; takes a crash left behind are repaired separately ([`takes::recover`]).
pub fn open_store(data_dir: &Path) -> Result<Store> {
    Store::open(data_dir).with_context(|| crate::tr!("ops-opening-data-dir", dir = data_dir.display().to_string()))
}
