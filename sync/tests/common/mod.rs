//! What the sync crate's integration tests share: a node on loopback with relays disabled.
#![allow(dead_code)] // each test file uses its own part

use std::sync::Arc;

use peerview_sync::doc::{AnswerKind, Campaign, Question};
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, CandidateId, Store, Timestamp};

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

/// A campaign open for a day, with one question ("intro") answered as `kind` with up to
/// `max_takes` takes, scored on "Communication".
pub fn campaign(kind: AnswerKind, max_takes: u32) -> Campaign {
    Campaign {
        id: CampaignId::random(),
        title: "Porter".into(),
        role: "Porter".into(),
        instructions: String::new(),
        practice: None,
        questions: vec![Question {
            id: "intro".parse().expect("id"),
            prompt: "Introduce yourself.".into(),
            kind,
            think_secs: 10,
            answer_limit_secs: 120,
            max_takes,
        }],
        criteria: vec!["Communication".into()],
        deadline: Timestamp(Timestamp::now().0 + 86_400_000),
        created_at: Timestamp::now(),
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: None,
    }
}
