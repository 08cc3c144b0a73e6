//! Start-up benchmark: an employer node whose campaign has N submitted submissions (written
//! straight into its store) starts, and a candidate joins; prints the time from "start the
//! service" to "the candidate holds the campaign", against the same with one submission (the
//! baseline, same run).
//!
//! Run: `cargo run --release -p peerview-sync --example bench_start -- [N]` (default 10000).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use common::{populate, start_node};
use peerview_sync::CampaignId;
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::employer::{self, EmployerService};

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
