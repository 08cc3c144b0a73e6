//! What the benchmarks share: a node on loopback with relays disabled, and a campaign with many
//! submissions written straight into a store.

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use peerview_sync::doc::{
    Answer, AnswerKind, Campaign, Candidate, Contact, ContactDoc, InviteState, Question, ReviewsDoc, RosterDoc,
    SubmissionDoc, TextAnswer,
};
use peerview_sync::node::{Node, NodeConfig};
use peerview_sync::store::{NewDoc, PACK_FROM};
use peerview_sync::{CampaignId, CandidateId, DocKind, Store, Timestamp};

pub fn campaign() -> Campaign {
    Campaign {
        id: CampaignId::random(),
        title: "Bench".into(),
        role: "Bench".into(),
        instructions: String::new(),
        practice: None,
        questions: vec![Question {
            id: "why".parse().expect("id"),
            prompt: "?".into(),
            kind: AnswerKind::Text,
            think_secs: 0,
            answer_limit_secs: 0,
            max_takes: 1,
        }],
        criteria: vec!["Overall".into()],
        deadline: Timestamp::now().plus_secs(86_400),
        created_at: Timestamp::now(),
        retention_days: Some(365),
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: None,
    }
}

pub async fn start_node(dir: &Path) -> Result<Node> {
    start_node_on(dir, std::net::Ipv4Addr::LOCALHOST).await
}

/// A node on a loopback address of its own choosing (`127.x.y.z`): the employer counts
/// connections per source address, as it would on the internet.
pub async fn start_node_on(dir: &Path, ip: std::net::Ipv4Addr) -> Result<Node> {
    let store = Arc::new(Store::open(dir)?);
    let config = NodeConfig::direct(std::net::SocketAddr::from((ip, 0)));
    Ok(Node::start(store, &config).await?)
}

/// A store holding a campaign with `n` submitted submissions (and their reviews and contacts,
/// and a roster listing them), written in one batch.
pub fn populate(dir: &Path, n: usize) -> Result<CampaignId> {
    let store = Store::open(dir)?;
    let c = campaign();
    store.create_campaign(&c)?;
    let mut roster_stored = store.load(DocKind::Roster, c.id.as_str())?;
    let mut roster = RosterDoc::from_automerge(std::mem::take(&mut roster_stored.doc))?;
    let mut new = Vec::with_capacity(3 * n);
    for i in 0..n {
        let id = CandidateId::random();
        let mut submission = SubmissionDoc::create(&c.id, &id)?;
        let answer = TextAnswer { text: format!("Answer number {i}, a few words long."), written_at: Timestamp::now() };
        submission.set_answer(&"why".parse()?, &Answer::Text(answer))?;
        submission.mark_submitted(Timestamp::now(), "candidate")?;
        let contact = Contact {
            campaign_id: c.id.clone(),
            candidate_id: id.clone(),
            name: format!("Candidate {i}"),
            email: None,
        };
        new.push(NewDoc::new(DocKind::Submission, id.to_string(), submission.into_automerge()));
        new.push(NewDoc::new(DocKind::Reviews, id.to_string(), ReviewsDoc::create(&c.id, &id)?.into_automerge()));
        new.push(NewDoc::new(DocKind::Contact, id.to_string(), ContactDoc::create(&contact)?.into_automerge()));
        roster.put_candidate(&Candidate {
            id,
            name: String::new(),
            email: None,
            state: InviteState::Joined,
            invited_at: Timestamp::now(),
            secret_hash: None,
            endpoint: Some(format!("{i:064x}")),
            deleted: None,
        })?;
    }
    // Kept each in its own directory, as candidates bring them one at a time (a batch of fewer
    // than `PACK_FROM` is); the upkeep packs them later (`Store::pack_settled`).
    let mut new = new.into_iter().peekable();
    while new.peek().is_some() {
        store.save_batch(&mut [], new.by_ref().take(PACK_FROM - 1).collect())?;
    }
    roster_stored.doc = roster.into_automerge();
    store.save(&mut roster_stored)?;
    Ok(c.id)
}
