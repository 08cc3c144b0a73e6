//! The employer node, written once for `peerview serve` and the employer's app: the iroh node,
//! the employer's protocols (sync, offers, recordings) behind one router, its address saved for
//! invites, and, on an employer-side node that joined through another (a hub), replication with
//! that node. Both callers start it here, so the app replicates exactly as `serve` does.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::employer::EmployerService;
use peerview_sync::node::Node;
use peerview_sync::ticket::{Invitee, Ticket, TicketNode};
use peerview_sync::{Clock, Store};

use super::Net;
use crate::tr;

/// The employer node's default port: a fixed port keeps tickets valid across restarts.
pub const DEFAULT_PORT: u16 = 47_100;
/// How often a hub replicates with the node it joined through, by default.
pub const REPLICATE_EVERY: Duration = Duration::from_secs(10);
/// Longest pause between two attempts to reach an unreachable node.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// A running employer node.
pub struct EmployerNode {
    pub node: Node,
    pub service: Arc<EmployerService>,
    /// How peers reach this node (as tickets list it).
    pub address: TicketNode,
    /// Why the address could not be saved for invites, if it could not (the node runs anyway).
    pub address_problem: Option<String>,
    /// Other `peerview` processes on this data directory use the recordings store through it.
    local: Option<super::local::LocalChannel>,
    /// Ends the router's task, which shuts the protocols down.
    stop: tokio::sync::oneshot::Sender<()>,
    serving: tokio::task::JoinHandle<Result<(), String>>,
    replication: tokio::task::JoinHandle<()>,
}

impl EmployerNode {
    /// Start the node on `bind` (default: all interfaces, [`DEFAULT_PORT`]), serve the employer's
    /// protocols, and replicate with the nodes this one joined through every `replicate_every`.
    pub async fn start(
        store: Arc<Store>,
        net: &Net,
        bind: Option<SocketAddr>,
        replicate_every: Duration,
        clock: Arc<dyn Clock>,
    ) -> Result<EmployerNode> {
        let bind = bind.unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], DEFAULT_PORT)));
        let node = Node::start(store.clone(), &net.config(Some(bind))).await?;
        let service = EmployerService::with_clock(node.clone(), Quota::default(), clock);
        let router = service.spawn_router();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = tokio::spawn(async move {
            let _ = stopped.await;
            router.shutdown().await.map_err(|e| e.to_string())
        });
        let address = node.ticket_node().await;
        let address_problem =
            store.save_node_address(&address).err().map(|e| tr!("ops-node-address-not-saved", error = e.to_string()));
        let replication = tokio::spawn(replicate_forever(node.clone(), address.clone(), replicate_every));
        let local = super::local::serve_or_warn(&node).await;
        Ok(EmployerNode { node, service, address, address_problem, local, stop, serving, replication })
    }

    /// Stop replicating, close every connection and the recordings store cleanly.
    pub async fn shutdown(self) -> Result<()> {
        drop(self.local);
        self.replication.abort();
        let _ = self.stop.send(());
        let closed = match self.serving.await {
            Ok(result) => result.map_err(|e| anyhow!(tr!("ops-node-shutting-down", error = e))),
            Err(e) => Err(anyhow!(tr!("ops-node-shutting-down", error = e.to_string()))),
        };
        // The router's shutdown closed the recordings store with the blobs protocol (iroh-blobs
        // flushes it there); what is left is the endpoint.
        self.node.endpoint.close().await;
        closed
    }
}

/// On a hub: keep in step with the node(s) it joined through, every `every` when they are
/// reachable, backing off (up to [`MAX_BACKOFF`]) while they are not.
async fn replicate_forever(node: Node, own: TicketNode, every: Duration) {
    let mut delays: HashMap<String, (Duration, Instant)> = HashMap::new();
    loop {
        let hubs: Vec<Ticket> = node
            .store
            .memberships()
            .unwrap_or_default()
            .into_iter()
            .filter(|t| matches!(t.invitee, Invitee::Hub(_)))
            .collect();
        for ticket in hubs {
            let key = ticket.campaign.to_string();
            if delays.get(&key).is_some_and(|(_, next)| Instant::now() < *next) {
                continue;
            }
            match client::replicate(&node, &ticket, Some(&own)).await {
                Ok(r) => {
                    if r.changed_docs > 0 || r.fetched_recordings > 0 {
                        tracing::info!(
                            campaign = %ticket.campaign,
                            documents = r.changed_docs,
                            recordings = r.fetched_recordings,
                            "replicated with the other employer-side node"
                        );
                    }
                    delays.insert(key, (every, Instant::now() + every));
                }
                Err(e) => {
                    let cap = (every * 8).clamp(every, MAX_BACKOFF.max(every));
                    let delay = delays.get(&key).map_or(every, |(d, _)| (*d * 2).min(cap));
                    tracing::info!(campaign = %ticket.campaign, error = %e, retry_in_s = delay.as_secs(), "replication postponed");
                    delays.insert(key, (delay, Instant::now() + delay));
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(500).min(every)).await;
    }
}
