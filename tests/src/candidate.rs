//! An honest candidate for the load benchmarks, in the test's process with a node and store of
//! its own: it joins, keeps a recording as its answer, submits and waits for the employer's
//! receipt, retrying like the app does.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use peerview_sync::client;
use peerview_sync::doc::{Answer, EventKind, MediaKind, StatusEvent, SubmissionDoc, Take};
use peerview_sync::node::{Node, NodeConfig};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{DocKind, Store, Timestamp};

/// The question the recording answers: the load campaigns ask it.
pub const QUESTION: &str = "intro";

/// A campaign with one video question ([`QUESTION`]).
pub const CAMPAIGN: &str = r#"
title = "Warehouse"
role = "Warehouse"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
"#;

/// A candidate whose submission the employer acknowledged.
#[derive(Clone, Debug)]
pub struct Submitted {
    /// The recording's BLAKE3 hash (hex).
    pub hash: String,
    /// From the first connection to the employer (joining) to the receipt, without starting
    /// the candidate's own node.
    pub took: Duration,
}

/// Join with `ticket` from a node on `bind`, keep `bytes` as the recorded answer, submit, and
/// wait for the receipt.
pub async fn submit_recording(ticket: Ticket, bytes: Vec<u8>, bind: SocketAddr) -> anyhow::Result<Submitted> {
    let dir = tempfile::tempdir()?;
    let store = Arc::new(Store::open(dir.path())?);
    let config = NodeConfig::direct(bind);
    let node = Node::start(store.clone(), &config).await?;
    let result = submit_with(&node, &store, &ticket, bytes).await;
    node.shutdown().await;
    result
}

async fn submit_with(node: &Node, store: &Store, ticket: &Ticket, bytes: Vec<u8>) -> anyhow::Result<Submitted> {
    let started = Instant::now();
    let Invitee::Candidate(me) = &ticket.invitee else { anyhow::bail!("not a candidate ticket") };
    client::sync_documents(node, ticket).await?;
    let size_bytes = bytes.len() as u64;
    let tag = node.blobs.add_bytes(bytes).await?;
    let mut stored = store.load(DocKind::Submission, me.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let question = QUESTION.parse()?;
    let take = Take {
        hash: tag.hash.to_hex(),
        size_bytes,
        duration_ms: 20_000,
        media: MediaKind::Video,
        recorded_at: Timestamp::now(),
        take_number: 1,
    };
    doc.set_answer(&question, &Answer::Recording(take.clone()))?;
    doc.push_event(&StatusEvent {
        kind: EventKind::Recorded { question },
        by: "candidate".into(),
        at: Timestamp::now(),
    })?;
    doc.mark_submitted(Timestamp::now(), "candidate")?;
    stored.doc = doc.into_automerge();
    store.save(&mut stored)?;
    // Retry like the app does: a busy employer may refuse a connection now and then.
    let mut delay = Duration::from_millis(200);
    let mut errors = Vec::new();
    for _ in 0..20 {
        let attempt = async {
            client::sync_documents(node, ticket).await?;
            client::offer_recordings(node, ticket).await?;
            client::sync_documents(node, ticket).await
        }
        .await;
        match attempt {
            Ok(_) if store.submission(me)?.events.iter().any(|e| e.kind == EventKind::Received) => {
                return Ok(Submitted { hash: take.hash, took: started.elapsed() });
            }
            Ok(_) => errors.push("no receipt yet".to_owned()),
            Err(e) => errors.push(format!("{e:#}")),
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
    anyhow::bail!("no receipt after 20 attempts: {errors:?}")
}
