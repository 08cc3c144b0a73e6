//! Start-up benchmark: an employer node whose campaign has N submitted submissions (written
//! straight into its store) starts, and a candidate joins; prints the time from "start the
//! service" to "the candidate holds the campaign", against the same with one submission (the
//! baseline, same run).
//!
//! Run: `cargo run --release -p peerview-sync --example bench_start -- [N]` (default 10000).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::doc::{
    Answer, AnswerKind, Campaign, Candidate, Contact, ContactDoc, InviteState, Question, ReviewsDoc, RosterDoc,
    SubmissionDoc, TextAnswer,
};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::{CampaignId, CandidateId, DocKind, Store, Timestamp};

fn campaign() -> Campaign {
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

async fn start_node(dir: &Path) -> Result<Node> {
    let store = Arc::new(Store::open(dir)?);
    let config = NodeConfig {
        relay: RelaySetting::Disabled,
        bind: Some("127.0.0.1:0".parse()?),
        lan_discovery: false,
        relay_ca: None,
    };
    Ok(Node::start(store, &config).await?)
}

/// A store holding a campaign with `n` submitted submissions (and their reviews and contacts,
/// and a roster listing them), written in one batch.
fn populate(dir: &Path, n: usize) -> Result<CampaignId> {
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
        new.push((DocKind::Submission, id.to_string(), submission.into_automerge()));
        new.push((DocKind::Reviews, id.to_string(), ReviewsDoc::create(&c.id, &id)?.into_automerge()));
        new.push((DocKind::Contact, id.to_string(), ContactDoc::create(&contact)?.into_automerge()));
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
    store.save_batch(&mut [], new)?;
    roster_stored.doc = roster.into_automerge();
    store.save(&mut roster_stored)?;
    Ok(c.id)
}

/// Start the employer's service on `dir` and time it until a new candidate has joined.
async fn start_and_join(dir: &Path, campaign: &CampaignId) -> Result<Duration> {
    // The ticket is issued before the clock starts, as it would have been days before.
    let node = start_node(dir).await?;
    let address = node.ticket_node().await;
    let ticket = employer::invite_candidate(&node.store, campaign, "Newcomer", None, vec![address])?;
    node.shutdown().await;
    let candidate_dir = tempfile::tempdir()?;
    let candidate = start_node(candidate_dir.path()).await?;
    let t0 = Instant::now();
    let node = start_node(dir).await?;
    let service = EmployerService::new(node, Quota::default());
    let router = service.spawn_router();
    // The ticket names the address the node had; it binds the same port again only by chance,
    // so the candidate is told the new one (as a LAN lookup or a relay would).
    let mut ticket = ticket;
    ticket.nodes = vec![service.node.ticket_node().await];
    client::sync_documents(&candidate, &ticket).await.context("join")?;
    let elapsed = t0.elapsed();
    router.shutdown().await.ok();
    candidate.shutdown().await;
    Ok(elapsed)
}

#[tokio::main]
async fn main() -> Result<()> {
    let n: usize = std::env::args().nth(1).map_or(Ok(10_000), |s| s.parse()).context("N")?;
    println!("Peerview start-up benchmark: loopback, relays disabled, {n} submissions");
    let (small, big) = (tempfile::tempdir()?, tempfile::tempdir()?);
    let c_small = populate(small.path(), 1)?;
    let setup = Instant::now();
    let c_big = populate(big.path(), n)?;
    println!("(writing {n} submissions took {:.1} s)", setup.elapsed().as_secs_f64());
    let base = start_and_join(small.path(), &c_small).await?;
    let with_n = start_and_join(big.path(), &c_big).await?;
    println!(
        "employer starts and a candidate joins: 1 submission (baseline) {:.0} ms; {n} submissions {:.0} ms ({:.1}x)",
        base.as_secs_f64() * 1000.0,
        with_n.as_secs_f64() * 1000.0,
        with_n.as_secs_f64() / base.as_secs_f64()
    );
    Ok(())
}
