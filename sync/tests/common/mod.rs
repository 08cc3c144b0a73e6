//! What the sync crate's integration tests share: a node on loopback with relays disabled.
#![allow(dead_code)] // each test file uses its own part

use std::sync::Arc;

use peerview_sync::CandidateId;
use peerview_sync::Store;
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::ticket::{Invitee, Ticket};

/// A node on a loopback port of its own over the store in `dir`.
pub async fn node(dir: &std::path::Path) -> Node {
    let store = Arc::new(Store::open(dir).expect("store"));
    let config = NodeConfig {
        relay: RelaySetting::Disabled,
        bind: Some("127.0.0.1:0".parse().expect("addr")),
        lan_discovery: false,
        relay_ca: None,
    };
    Node::start(store, &config).await.expect("node")
}

/// The candidate a candidate's ticket names.
pub fn candidate_of(ticket: &Ticket) -> CandidateId {
    match &ticket.invitee {
        Invitee::Candidate(c) => c.clone(),
        other => panic!("{other:?}"),
    }
}
