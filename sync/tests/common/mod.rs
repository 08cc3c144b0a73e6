//! What the sync crate's integration tests share: a node on loopback with relays disabled.
#![allow(dead_code)] // each test file uses its own part

use std::sync::Arc;

use iroh::endpoint::{Connection, RecvStream, SendStream};
use peerview_sync::doc::{AnswerKind, Campaign, Question};
use peerview_sync::node::{Node, NodeConfig, endpoint_addr};
use peerview_sync::protocol::{Claim, Msg, PROTOCOL_VERSION, SYNC_ALPN, read_msg, write_msg};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, CandidateId, Store, Timestamp};

/// A node on a loopback port of its own over the store in `dir`.
pub async fn node(dir: &std::path::Path) -> Node {
    let store = Arc::new(Store::open(dir).expect("store"));
    let config = NodeConfig::direct("127.0.0.1:0".parse().expect("addr"));
    Node::start(store, &config).await.expect("node")
}

/// Open a sync session by hand: Hello (with an optional claim), and the employer's answer.
pub async fn hello(peer: &Node, ticket: &Ticket, claim: Option<Claim>) -> (Connection, SendStream, RecvStream, Msg) {
    let addr = endpoint_addr(&ticket.nodes[0]).expect("addr");
    let conn = peer.endpoint.connect(addr, SYNC_ALPN).await.expect("connect");
    let (mut send, mut recv) = conn.open_bi().await.expect("stream");
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim }).await.expect("hello");
    let answer = read_msg(&mut recv).await.expect("answer");
    (conn, send, recv, answer)
}

pub fn claim_of(ticket: &Ticket) -> Claim {
    Claim { campaign: ticket.campaign.clone(), invitee: ticket.invitee.clone(), secret: ticket.secret }
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
