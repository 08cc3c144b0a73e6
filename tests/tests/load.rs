//! Load: 100 candidates (endpoints in this process, each with its own node and store) join,
//! answer and submit at the same time to one employer node (`peerview serve`, its own process).
//! Every submission must be received with its recording verified. Prints the employer's peak
//! memory and CPU time; with `PEERVIEW_BENCH_OUT=FILE` the figures are also appended there for
//! `scripts/bench`. (Figures, not assertions: the machines are shared and noisy.)

use std::sync::Arc;
use std::time::{Duration, Instant};

use peerview_sync::client;
use peerview_sync::doc::{Answer, EventKind, MediaKind, StatusEvent, SubmissionDoc, Take};
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{DocKind, Store, Timestamp};
use peerview_tests::{Server, peerview, stdout, synthetic_mp4};

const CANDIDATES: usize = 100;

const CAMPAIGN: &str = r#"
title = "Warehouse"
role = "Warehouse"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
"#;

/// Peak resident memory (kB) and CPU time (s) of a process, from /proc.
fn usage(pid: u32) -> (u64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    (hwm, ticks as f64 / 100.0)
}

/// One candidate: join, keep a recording as the answer, submit, wait for the receipt.
async fn candidate(ticket: Ticket, bytes: Vec<u8>) -> anyhow::Result<String> {
    let dir = tempfile::tempdir()?;
    let store = Arc::new(Store::open(dir.path())?);
    let config = NodeConfig {
        relay: RelaySetting::Disabled,
        bind: Some("127.0.0.1:0".parse()?),
        lan_discovery: false,
        relay_ca: None,
    };
    let node = Node::start(store.clone(), &config).await?;
    let Invitee::Candidate(me) = &ticket.invitee else { anyhow::bail!("not a candidate ticket") };
    client::sync_documents(&node, &ticket).await?;
    let tag = node.blobs.add_bytes(bytes.clone()).await?;
    let mut stored = store.load(DocKind::Submission, me.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let question = "intro".parse()?;
    let take = Take {
        hash: tag.hash.to_hex(),
        size_bytes: bytes.len() as u64,
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
    for _ in 0..20 {
        let attempt = async {
            client::sync_documents(&node, &ticket).await?;
            client::offer_recordings(&node, &ticket).await?;
            client::sync_documents(&node, &ticket).await
        }
        .await;
        if attempt.is_ok() && store.submission(me)?.events.iter().any(|e| e.kind == EventKind::Received) {
            node.shutdown().await;
            return Ok(take.hash);
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
    node.shutdown().await;
    anyhow::bail!("no receipt after 20 attempts")
}

#[test]
fn a_hundred_candidates_submit_at_once() {
    let employer = tempfile::tempdir().expect("tempdir");
    let file = employer.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write");
    let out = peerview(employer.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]);
    let campaign = stdout(&out).trim().to_owned();
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let tickets: Vec<Ticket> = (0..CANDIDATES)
        .map(|i| {
            let out = peerview(employer.path(), &["invite", &campaign, "--name", &format!("Candidate {i}")]);
            Ticket::decode(stdout(&out).trim()).expect("ticket")
        })
        .collect();
    let pid = server.child.id();
    let (_, cpu_before) = usage(pid);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let started = Instant::now();
    let results = runtime.block_on(async {
        let tasks: Vec<_> = tickets
            .into_iter()
            .enumerate()
            .map(|(i, t)| tokio::spawn(candidate(t, synthetic_mp4(150_000, i as u64, 20))))
            .collect();
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.expect("task"));
        }
        results
    });
    let elapsed = started.elapsed();
    let (peak_kb, cpu_after) = usage(pid);
    let failed: Vec<String> = results.iter().filter_map(|r| r.as_ref().err().map(|e| format!("{e:#}"))).collect();
    assert!(failed.is_empty(), "{} of {CANDIDATES} did not complete: {failed:?}\n{}", failed.len(), server.log());
    let cpu = cpu_after - cpu_before;
    let report = format!(
        "load: {CANDIDATES} candidates submitted at once (150 kB each) in {:.1} s; employer peak RSS {} MB, CPU {:.1} s ({:.2} cores on average)",
        elapsed.as_secs_f64(),
        peak_kb / 1024,
        cpu,
        cpu / elapsed.as_secs_f64()
    );
    eprintln!("{report}");
    if let Ok(path) = std::env::var("PEERVIEW_BENCH_OUT")
        && let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path)
    {
        let _ = std::io::Write::write_all(&mut f, format!("{report}\n").as_bytes());
    }
    // Every recording is at the employer, verified (the employer exports it from its store).
    assert!(server.stop().success());
    for (i, hash) in results.into_iter().map(Result::unwrap).enumerate().step_by(9) {
        let target = employer.path().join(format!("{i}.mp4"));
        let out = peerview(employer.path(), &["export-recording", &hash, target.to_str().expect("utf-8")]);
        assert!(out.status.success(), "recording {i} is missing at the employer");
        let got = std::fs::read(&target).expect("read");
        assert_eq!(blake3::hash(&got).to_hex().to_string(), hash);
    }
}
