//! Peer-to-peer benchmark: prints, in one run on loopback with relays disabled,
//! - recording transfer throughput (Peerview: iroh-blobs fetched by the employer over the
//!   candidate's connection) against a raw iroh QUIC stream and plain TCP, as ratios;
//! - the time for a fresh reviewer to sync a campaign with N submissions, with the employer's
//!   documents as candidates brought them and after its upkeep packed them;
//! - the time from Stop to "employer holds the verified take" for a 2-minute answer.
//!
//! Run: `cargo run --release -p peerview-sync --example bench_p2p -- [MB] [SUBMISSIONS]`
//! (defaults 200 and 1000).

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use common::start_node;
use iroh::endpoint::presets;
use iroh::{Endpoint, RelayMode};
use peerview_sync::auth::Quota;
use peerview_sync::client;
use peerview_sync::doc::{Answer, AnswerKind, Campaign, MediaKind, Question, SubmissionDoc, Take, TextAnswer};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::Node;
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_sync::{CampaignId, DocKind, Timestamp};

fn campaign() -> Campaign {
    let q = |id: &str, kind| Question {
        id: id.parse().expect("id"),
        prompt: "?".into(),
        kind,
        think_secs: 0,
        answer_limit_secs: 600,
        max_takes: 3,
    };
    Campaign {
        id: CampaignId::random(),
        title: "Bench".into(),
        role: "Bench".into(),
        instructions: String::new(),
        practice: None,
        questions: vec![q("intro", AnswerKind::Video), q("why", AnswerKind::Text)],
        criteria: vec!["Overall".into()],
        deadline: Timestamp::now().plus_secs(86_400),
        created_at: Timestamp::now(),
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: None,
    }
}

fn pseudo_random_file(path: &Path, bytes: usize, seed: u64) -> Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut s = seed | 1;
    let mut chunk = vec![0u8; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        for b in &mut chunk {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            *b = (s >> 24) as u8;
        }
        let n = left.min(chunk.len());
        f.write_all(&chunk[..n])?;
        left -= n;
    }
    f.flush()?;
    Ok(())
}

/// An employer node serving one campaign, and a candidate node that joined it.
struct Pair {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    employer: Node,
    router: iroh::protocol::Router,
    candidate: Node,
    ticket: Ticket,
}

async fn pair() -> Result<Pair> {
    let (edir, cdir) = (tempfile::tempdir()?, tempfile::tempdir()?);
    let employer = start_node(edir.path()).await?;
    let c = campaign();
    employer.store.create_campaign(&c)?;
    let service = EmployerService::new(
        employer.clone(),
        Quota { max_take_bytes: 4 << 30, max_submission_bytes: 8 << 30, max_delivered_bytes: 64 << 30 },
    );
    let router = service.spawn_router();
    let ticket = employer::invite_candidate(&employer.store, &c.id, "Bench", None, vec![employer.ticket_node().await])?;
    let candidate = start_node(cdir.path()).await?;
    client::sync_documents(&candidate, &ticket).await?;
    Ok(Pair { _dirs: (edir, cdir), employer, router, candidate, ticket })
}

/// Stop: the take file exists. Store it, reference it, submit, and deliver it. Returns the
/// whole time and the delivery (sync + transfer + receipt) alone.
async fn stop_to_received(p: &Pair, take: &Path) -> Result<(Duration, Duration)> {
    let t0 = Instant::now();
    let tag = p.candidate.blobs.add_path(take).await.map_err(|e| anyhow!("{e:#}"))?;
    let size = std::fs::metadata(take)?.len();
    let Invitee::Candidate(id) = &p.ticket.invitee else { unreachable!("candidate ticket") };
    let mut stored = p.candidate.store.load(DocKind::Submission, id.as_str())?;
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
    let take = Take {
        hash: tag.hash.to_hex(),
        size_bytes: size,
        duration_ms: 120_000,
        media: MediaKind::Video,
        recorded_at: Timestamp::now(),
        take_number: 1,
    };
    doc.set_answer(&"intro".parse()?, &Answer::Recording(take))?;
    doc.set_answer(&"why".parse()?, &Answer::Text(TextAnswer { text: "bench".into(), written_at: Timestamp::now() }))?;
    doc.mark_submitted(Timestamp::now(), "candidate")?;
    stored.doc = doc.into_automerge();
    p.candidate.store.save(&mut stored)?;
    let t1 = Instant::now();
    client::sync_documents(&p.candidate, &p.ticket).await?;
    client::offer_recordings(&p.candidate, &p.ticket).await?;
    let (elapsed, delivery) = (t0.elapsed(), t1.elapsed());
    let received = p.employer.store.submission(id)?.state() >= peerview_sync::SubmissionState::Received;
    anyhow::ensure!(received, "the employer did not confirm the take");
    Ok((elapsed, delivery))
}

async fn bench_peerview_transfer(mb: usize) -> Result<(Duration, Duration)> {
    let p = pair().await?;
    let take = p._dirs.1.path().join("take.mp4");
    pseudo_random_file(&take, mb << 20, 1)?;
    // Import (hashing and copying into the blob store) is timed apart from the delivery.
    let (total, delivery) = stop_to_received(&p, &take).await?;
    let import = total.saturating_sub(delivery);
    p.router.shutdown().await.ok();
    p.candidate.shutdown().await;
    Ok((delivery, import))
}

async fn bench_raw_quic(mb: usize) -> Result<Duration> {
    const ALPN: &[u8] = b"peerview/bench-raw/0";
    let bind =
        |ep: iroh::endpoint::Builder| ep.relay_mode(RelayMode::Disabled).clear_ip_transports().bind_addr("127.0.0.1:0");
    let receiver = bind(Endpoint::builder(presets::Minimal))?.alpns(vec![ALPN.to_vec()]).bind().await?;
    let sender = bind(Endpoint::builder(presets::Minimal))?.bind().await?;
    let addr = receiver.addr();
    let total = mb << 20;
    let recv_task = tokio::spawn(async move {
        let incoming = receiver.accept().await.context("no incoming")?;
        let conn = incoming.accept()?.await?;
        let mut stream = conn.accept_uni().await?;
        let data = stream.read_to_end(usize::MAX).await?;
        anyhow::ensure!(data.len() == total, "received {} bytes", data.len());
        conn.close(0u32.into(), b"done");
        Ok::<_, anyhow::Error>(receiver)
    });
    let chunk = vec![0x5au8; 1 << 20];
    let t0 = Instant::now();
    let conn = sender.connect(addr, ALPN).await?;
    let mut send = conn.open_uni().await?;
    for _ in 0..mb {
        send.write_all(&chunk).await?;
    }
    send.finish()?;
    let receiver = recv_task.await??;
    let elapsed = t0.elapsed();
    sender.close().await;
    receiver.close().await;
    Ok(elapsed)
}

fn bench_tcp(mb: usize) -> Result<Duration> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let reader = std::thread::spawn(move || -> Result<usize> {
        let (mut s, _) = listener.accept()?;
        let mut buf = vec![0u8; 1 << 20];
        let mut n = 0;
        loop {
            let r = s.read(&mut buf)?;
            if r == 0 {
                return Ok(n);
            }
            n += r;
        }
    });
    let chunk = vec![0x5au8; 1 << 20];
    let t0 = Instant::now();
    let mut s = std::net::TcpStream::connect(addr)?;
    for _ in 0..mb {
        s.write_all(&chunk)?;
    }
    drop(s);
    let n = reader.join().map_err(|_| anyhow!("reader panicked"))??;
    anyhow::ensure!(n == mb << 20);
    Ok(t0.elapsed())
}

/// A fresh reviewer's first sync of a campaign with this many submissions: with the employer's
/// documents as candidates brought them (each in its own directory), then after its upkeep
/// packed them (`Store::pack_settled`), each time for a new reviewer. Returns both times, the
/// number of documents and how long setting them up took.
async fn bench_reviewer_sync(submissions: usize) -> Result<(Duration, Duration, usize, Duration)> {
    let edir = tempfile::tempdir()?;
    let setup = Instant::now();
    let campaign = common::populate(edir.path(), submissions)?;
    let setup = setup.elapsed();
    let employer = start_node(edir.path()).await?;
    let service = EmployerService::new(employer.clone(), Quota::default());
    let router = service.spawn_router();
    let addr = employer.ticket_node().await;
    let mut times = Vec::new();
    let mut docs = 0;
    for (packed, name) in [(false, "Rita"), (true, "Rob")] {
        if packed {
            let repacked = employer.store.pack_settled(Duration::ZERO, 1)?.context("nothing to pack")?;
            employer.store.drop_repacked(&repacked)?;
        }
        let ticket = employer::invite_reviewer(&employer.store, &campaign, name, vec![addr.clone()])?;
        let rdir = tempfile::tempdir()?;
        let reviewer = start_node(rdir.path()).await?;
        let t0 = Instant::now();
        let outcome = client::sync_documents(&reviewer, &ticket).await?;
        times.push(t0.elapsed());
        docs = outcome.docs.len();
        reviewer.shutdown().await;
    }
    router.shutdown().await.ok();
    Ok((times[0], times[1], docs, setup))
}

/// Candidates submitting a written answer: `ALONE` of them one after another on the idle
/// employer (the baseline: their median), then `at_once` more all at the same moment, each
/// from a node of its own on a loopback address of its own (as on the internet: the employer
/// limits connections per address). Returns the baseline and each of the crowd's times (sorted), and the
/// crowd's time from start to the last receipt, and the cores this process (employer and
/// candidates) kept busy meanwhile.
async fn bench_candidates_at_once(at_once: usize) -> Result<(Duration, Vec<Duration>, Duration, f64)> {
    const ALONE: usize = 3;
    let edir = tempfile::tempdir()?;
    let employer = start_node(edir.path()).await?;
    let c = common::campaign();
    employer.store.create_campaign(&c)?;
    let service = EmployerService::new(employer.clone(), Quota::default());
    let router = service.spawn_router();
    let addr = employer.ticket_node().await;
    // Joined beforehand, each with its answer written and submitted on its own computer.
    let mut candidates = Vec::new();
    for i in 0..ALONE + at_once {
        let dir = tempfile::tempdir()?;
        let node = common::start_node_on(dir.path(), std::net::Ipv4Addr::new(127, 0, 3, 1 + i as u8)).await?;
        let ticket = employer::invite_candidate(&employer.store, &c.id, &format!("C{i}"), None, vec![addr.clone()])?;
        client::sync_documents(&node, &ticket).await?;
        let Invitee::Candidate(id) = &ticket.invitee else { unreachable!("candidate ticket") };
        let mut stored = node.store.load(DocKind::Submission, id.as_str())?;
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc))?;
        let text = TextAnswer { text: format!("Answer {i}"), written_at: Timestamp::now() };
        doc.set_answer(&"why".parse()?, &Answer::Text(text))?;
        doc.mark_submitted(Timestamp::now(), "candidate")?;
        stored.doc = doc.into_automerge();
        node.store.save(&mut stored)?;
        candidates.push((dir, node, ticket));
    }
    let mut alone = Vec::new();
    for (_, node, ticket) in &candidates[..ALONE] {
        alone.push(submit(node, ticket, &employer).await?);
    }
    alone.sort();
    let (t0, cpu0) = (Instant::now(), cpu_secs());
    let crowd: Vec<_> = candidates[ALONE..]
        .iter()
        .map(|(_, node, ticket)| {
            let (node, ticket, employer) = (node.clone(), ticket.clone(), employer.clone());
            tokio::spawn(async move { submit(&node, &ticket, &employer).await })
        })
        .collect();
    let mut times = Vec::new();
    for task in crowd {
        times.push(task.await??);
    }
    let all = t0.elapsed();
    let cores = (cpu_secs() - cpu0) / all.as_secs_f64();
    times.sort();
    for (_, node, _) in candidates {
        node.shutdown().await;
    }
    router.shutdown().await.ok();
    Ok((alone[ALONE / 2], times, all, cores))
}

/// One candidate's sync of an answer already submitted on its computer, until the receipt.
async fn submit(node: &Node, ticket: &Ticket, employer: &Node) -> Result<Duration> {
    let t0 = Instant::now();
    client::sync_documents(node, ticket).await?;
    let Invitee::Candidate(id) = &ticket.invitee else { unreachable!("candidate ticket") };
    let received = employer.store.submission(id)?.state() >= peerview_sync::SubmissionState::Received;
    anyhow::ensure!(received, "the employer did not confirm the submission");
    Ok(t0.elapsed())
}

/// CPU time (user and system) this process has used so far, in seconds (`/proc`, Linux).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|t| t.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb: usize = args.first().map_or(Ok(200), |s| s.parse()).context("MB")?;
    let submissions: usize = args.get(1).map_or(Ok(1000), |s| s.parse()).context("SUBMISSIONS")?;
    println!("Peerview p2p benchmark: loopback, relays disabled, {mb} MiB recording, {submissions} submissions");

    // MB 0: only the reviewer sync (for profiling it).
    if mb > 0 {
        let tcp = bench_tcp(mb)?;
        let quic = bench_raw_quic(mb).await?;
        let (peerview, import) = bench_peerview_transfer(mb).await?;
        let rate = |d: Duration| mb as f64 / d.as_secs_f64();
        println!("\n{:<46} {:>10} {:>12}", "transfer of one recording", "MiB/s", "vs baseline");
        println!("{:<46} {:>10.0} {:>12}", "plain TCP (baseline)", rate(tcp), "1.00");
        println!("{:<46} {:>10.0} {:>12.2}", "raw iroh QUIC stream", rate(quic), rate(quic) / rate(tcp));
        println!(
            "{:<46} {:>10.0} {:>12.2}  ({:.2} of raw QUIC)",
            "Peerview (sync + verified iroh-blobs fetch)",
            rate(peerview),
            rate(peerview) / rate(tcp),
            rate(peerview) / rate(quic)
        );
        println!(
            "{:<46} {:>10.0}",
            "  import into the blob store (BLAKE3 + copy; not in the line above)",
            mb as f64 / import.as_secs_f64()
        );
    }

    let (loose, packed, docs, setup) = bench_reviewer_sync(submissions).await?;
    println!(
        "\nfresh reviewer syncs {submissions} submissions ({docs} documents; setting them up took {:.1} s):",
        setup.as_secs_f64()
    );
    println!(
        "  employer's documents as candidates brought them      {:>7.1} ms ({:.3} ms per submission)",
        loose.as_secs_f64() * 1000.0,
        loose.as_secs_f64() * 1000.0 / submissions as f64
    );
    println!(
        "  after the employer's upkeep packed them (goal 100 ms) {:>7.1} ms ({:.2}x the line above)",
        packed.as_secs_f64() * 1000.0,
        packed.as_secs_f64() / loose.as_secs_f64()
    );

    let at_once = 32;
    let (alone, crowd, all, cores) = bench_candidates_at_once(at_once).await?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\n{at_once} candidates submit a written answer at once, each from its own node:");
    println!("  one candidate alone on the idle employer (baseline)   {:>7.1} ms", ms(alone));
    println!(
        "  each of {at_once} at once: median                         {:>7.1} ms ({:.1}x alone), slowest {:.1} ms",
        ms(crowd[crowd.len() / 2]),
        crowd[crowd.len() / 2].as_secs_f64() / alone.as_secs_f64(),
        ms(crowd[crowd.len() - 1]),
    );
    println!(
        "  all {at_once} in {:.1} ms ({:.1} ms per candidate); employer and candidates kept {cores:.1} cores busy",
        ms(all),
        ms(all) / at_once as f64
    );

    if mb > 0 {
        // A 2-minute answer at 720p, ~1.6 Mbit/s video + 48 kbit/s audio: ~24 MiB.
        let p = pair().await?;
        let take = p._dirs.1.path().join("answer.mp4");
        pseudo_random_file(&take, 24 << 20, 2)?;
        let (stop, _) = stop_to_received(&p, &take).await?;
        p.router.shutdown().await.ok();
        p.candidate.shutdown().await;
        println!(
            "\nStop -> employer holds the verified take, 2-minute answer (24 MiB, whole file after Stop): {:.2} s ({:.2}x the 120 s answer)",
            stop.as_secs_f64(),
            stop.as_secs_f64() / 120.0
        );
    }
    Ok(())
}
