//! Load under attack, a benchmark run by `scripts/bench` (ignored by `cargo test`): the employer
//! node (`peerview serve`, its own process) is attacked without pause while 100 honest
//! candidates join, answer and submit a recording at once.
//!
//! The attacks (`peerview_tests::attacks`), each connection re-opened as the employer closes it:
//! 300 connections from unknown keys that never open a stream; 10 unknown connections each
//! opening 100 unidirectional streams and writing 1 MB on each; 100 connections announcing an
//! 8 MiB Hello and trickling 1 KiB/s; one invited candidate sending a Round whose change is a
//! compressed chunk inflating to 1 GiB. Attackers and candidates each have loopback addresses of
//! their own, as they would on the internet.
//!
//! Measured in the same run: a candidate's join, answer and submit on the idle node (the
//! baseline, median of a few); as many candidates at once as will come under attack, without
//! attacks (the control: a crowd at the same moment costs by itself); then the honest
//! candidates' times under attack against both, and the employer's peak memory (`VmHWM`) over
//! the whole run. The goals (peak ≤ 300 MB, submit ≤ 2× idle) are printed as met or not, not
//! asserted: the machines are shared and noisy. Asserted: every honest submission arrives with
//! its recording verified, and nothing of the attacker's reaches the documents.
//!
//! `PEERVIEW_ATTACK_CANDIDATES=N` (default 100) for a shorter run; `PEERVIEW_ATTACKS=silent,uni,
//! hello,bomb` (default all) to find out what one attack costs.

use std::time::{Duration, Instant};

use peerview_sync::ticket::{Invitee, Ticket};
use peerview_tests::attacks::{Attacks, Plan, loopback, mb, memory};
use peerview_tests::candidate::{CAMPAIGN, Submitted, submit_recording};
use peerview_tests::{Server, cpu_secs, ok, peerview, report, synthetic_mp4};

/// The goals.
const RSS_GOAL_BYTES: u64 = 300_000_000;
const SLOWDOWN_GOAL: f64 = 2.0;

/// Candidates measured one at a time on the idle node; the baseline is their median.
const BASELINE_RUNS: usize = 3;
const RECORDING_BYTES: usize = 150_000;
/// Time for the attacks to reach full strength before the honest candidates start.
const RAMP_UP: Duration = Duration::from_secs(3);
/// After the attacks, for the employer to drop their connections (its idle timeout is 10 s).
const SETTLE: Duration = Duration::from_secs(12);

/// Loopback networks (`127.0.<net>.x`) of the baseline and of the honest candidates under attack.
const BASELINE_NET: u8 = 20;
const CROWD_NET: u8 = 21;
const HONEST_NET: u8 = 22;

fn invite(employer: &std::path::Path, campaign: &str, name: &str) -> Ticket {
    Ticket::decode(ok(&peerview(employer, &["invite", campaign, "--name", name])).trim()).expect("ticket")
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

fn median(sorted: &[Duration]) -> Duration {
    sorted[sorted.len() / 2]
}

/// Every candidate of `tickets` at once, each from its own address in `127.0.<net>.x`.
fn crowd(rt: &tokio::runtime::Runtime, tickets: Vec<Ticket>, net: u8, seed: usize) -> Vec<anyhow::Result<Submitted>> {
    rt.block_on(async {
        let tasks: Vec<_> = tickets
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let bind = std::net::SocketAddr::new(loopback(net, i + 1), 0);
                tokio::spawn(submit_recording(t, synthetic_mp4(RECORDING_BYTES, (seed + i) as u64, 20), bind))
            })
            .collect();
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.expect("candidate task"));
        }
        results
    })
}

/// The sorted times of those who got through, and what the others got.
fn times(results: &[anyhow::Result<Submitted>]) -> (Vec<Duration>, Vec<String>) {
    let mut took: Vec<Duration> = results.iter().flatten().map(|s| s.took).collect();
    took.sort();
    (took, results.iter().filter_map(|r| r.as_ref().err().map(|e| format!("{e:#}"))).collect())
}

#[test]
#[ignore = "a benchmark (several minutes): scripts/bench runs it"]
#[allow(clippy::too_many_lines)] // one story, read top to bottom
fn honest_candidates_submit_while_the_employer_is_attacked() {
    let candidates: usize =
        std::env::var("PEERVIEW_ATTACK_CANDIDATES").ok().and_then(|n| n.parse().ok()).unwrap_or(100).clamp(1, 250);
    let plan = std::env::var("PEERVIEW_ATTACKS").map_or(Plan::FULL, |list| Plan::FULL.only(&list));
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = peerview_tests::create_campaign(employer.path(), CAMPAIGN);
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let pid = server.child.id();
    let baseline_tickets: Vec<Ticket> =
        (0..BASELINE_RUNS).map(|i| invite(employer.path(), &campaign, &format!("Idle {i}"))).collect();
    let crowd_tickets: Vec<Ticket> =
        (0..candidates).map(|i| invite(employer.path(), &campaign, &format!("Crowd {i}"))).collect();
    let honest_tickets: Vec<Ticket> =
        (0..candidates).map(|i| invite(employer.path(), &campaign, &format!("Candidate {i}"))).collect();
    let bomber = invite(employer.path(), &campaign, "Mallory");
    // The candidates and the attackers run on runtimes of their own, so a swamped attacker does
    // not delay a candidate's tasks (both still share the machine's cores with the node).
    let honest_rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let attack_rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");

    // The baseline: one candidate at a time on the idle node.
    let mut submitted: Vec<Submitted> = Vec::new();
    let mut idle: Vec<Duration> = Vec::new();
    for (i, ticket) in baseline_tickets.into_iter().enumerate() {
        let bind = std::net::SocketAddr::new(loopback(BASELINE_NET, i + 1), 0);
        let done = honest_rt
            .block_on(submit_recording(ticket, synthetic_mp4(RECORDING_BYTES, (1000 + i) as u64, 20), bind))
            .unwrap_or_else(|e| panic!("a candidate on the idle node did not get through: {e:#}\n{}", server.log()));
        idle.push(done.took);
        submitted.push(done);
    }
    idle.sort();
    let baseline = median(&idle);

    // The control: as many candidates at once, without attacks. A crowd costs by itself, and the
    // attacks are judged by what they add to it.
    let crowd_results = crowd(&honest_rt, crowd_tickets, CROWD_NET, 2000);
    let (crowd_times, crowd_failed) = times(&crowd_results);
    assert!(
        crowd_failed.is_empty(),
        "candidates without attacks did not get through: {crowd_failed:?}\n{}",
        server.log()
    );
    let crowd_median = median(&crowd_times);
    submitted.extend(crowd_results.into_iter().flatten());
    let (idle_rss, peak_before_attacks) = memory(pid);

    // The attacks, then the honest candidates all at once while they go on.
    let cpu_before = cpu_secs(pid);
    // This process: the attackers and the honest candidates, on the same cores as the node.
    let own_cpu_before = cpu_secs(std::process::id());
    let started = Instant::now();
    let attacks = attack_rt.block_on(Attacks::start(plan, &bomber, &bomber));
    std::thread::sleep(RAMP_UP);
    let honest_started = Instant::now();
    let results = crowd(&honest_rt, honest_tickets, HONEST_NET, 0);
    let honest_elapsed = honest_started.elapsed();
    let (_, peak_rss) = memory(pid);
    let cpu = cpu_secs(pid) - cpu_before;
    let own_cpu = cpu_secs(std::process::id()) - own_cpu_before;
    let elapsed = started.elapsed();
    let tally = attacks.tally.clone();
    let count = |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::Relaxed);
    let attacked = format!(
        "{} attacker connections ({} more failed before the handshake), {} unidirectional streams granted ({}), {} bombs refused, {} answered otherwise",
        count(&tally.connections),
        count(&tally.connect_failures),
        count(&tally.uni_streams),
        mb(count(&tally.uni_bytes)),
        count(&tally.bombs_refused),
        count(&tally.bombs_other),
    );
    attack_rt.block_on(attacks.stop());
    // What stays once the attackers are gone: live state goes with its connections, memory the
    // allocator kept does not.
    std::thread::sleep(SETTLE);
    let (rss_after, _) = memory(pid);

    // The figures first (of those who got through), then the verdict on the others.
    let (under_attack, failed) = times(&results);
    let (median_attacked, max_attacked) = match under_attack.last() {
        Some(max) => (median(&under_attack), *max),
        None => (Duration::MAX, Duration::MAX),
    };
    let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
    let over_crowd = |d: Duration| d.as_secs_f64() / crowd_median.as_secs_f64();

    let attacks_run = format!(
        "{} silent, {}×{} unidirectional streams of {}, {} 8 MiB Hellos at 1 KiB/s, {} bomber",
        plan.silent,
        plan.uni,
        plan.uni_streams,
        mb(plan.uni_bytes as u64),
        plan.big_hello,
        usize::from(plan.bomb)
    );
    report(&format!(
        "FIGURE under attack: idle baseline: a candidate joined, answered and submitted in {} (median of {BASELINE_RUNS}: {})",
        secs(baseline),
        idle.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ")
    ));
    report(&format!(
        "FIGURE under attack: control: {candidates} candidates at once without attacks: submit median {} ({:.1}× idle), max {}",
        secs(crowd_median),
        ratio(crowd_median),
        secs(crowd_times[crowd_times.len() - 1])
    ));
    report(&format!(
        "FIGURE under attack: {candidates} honest candidates at once during the attacks ({attacks_run}): {} got through; submit median {} ({:.1}× idle, {:.1}× the crowd without attacks), max {} ({:.1}× idle); all in {}",
        under_attack.len(),
        secs(median_attacked),
        ratio(median_attacked),
        over_crowd(median_attacked),
        secs(max_attacked),
        ratio(max_attacked),
        secs(honest_elapsed)
    ));
    report(&format!(
        "FIGURE under attack: employer peak RSS {} over the run ({} before the attacks, {} idle after the control, {} {} s after the attacks), CPU {:.1} s in {} under attack ({:.2} cores; attackers and candidates together {:.2} cores)",
        mb(peak_rss),
        mb(peak_before_attacks),
        mb(idle_rss),
        mb(rss_after),
        SETTLE.as_secs(),
        cpu,
        secs(elapsed),
        cpu / elapsed.as_secs_f64(),
        own_cpu / elapsed.as_secs_f64()
    ));
    report(&format!("FIGURE under attack: the attackers made {attacked}"));
    for (reason, n) in tally.top_failures(3) {
        println!("under attack: {n} attacker connection attempts failed: {reason}");
    }
    report(&format!(
        "under attack: goals: employer peak RSS ≤ {}: {} ({}); honest submit ≤ {SLOWDOWN_GOAL}× idle: median {} ({:.1}×), max {} ({:.1}×); against the same crowd without attacks: median {} ({:.1}×)",
        mb(RSS_GOAL_BYTES),
        met(peak_rss <= RSS_GOAL_BYTES),
        mb(peak_rss),
        met(ratio(median_attacked) <= SLOWDOWN_GOAL),
        ratio(median_attacked),
        met(ratio(max_attacked) <= SLOWDOWN_GOAL),
        ratio(max_attacked),
        met(over_crowd(median_attacked) <= SLOWDOWN_GOAL),
        over_crowd(median_attacked)
    ));

    assert!(
        failed.is_empty(),
        "{} of {candidates} honest candidates did not get through the attacks: {failed:?}\n{}",
        failed.len(),
        server.log()
    );
    // Nothing of the attacks broke the node or reached the documents.
    assert!(!server.log().contains("panicked"), "{}", server.log());
    assert!(server.stop().success(), "the employer did not stop cleanly");
    if plan.bomb {
        let store = peerview_sync::Store::open(employer.path()).expect("employer store");
        let Invitee::Candidate(mallory) = &bomber.invitee else { panic!("a candidate ticket") };
        let submission = store.submission(mallory).expect("Mallory's submission");
        assert!(submission.answers.is_empty() && submission.events.is_empty(), "{submission:?}");
        assert!(count(&tally.bombs_refused) > 0, "no bomb reached the employer: {attacked}");
    }
    // Every recording is at the employer, verified (the employer exports it from its store).
    submitted.extend(results.into_iter().flatten());
    for (i, done) in submitted.iter().enumerate() {
        let target = employer.path().join(format!("{i}.mp4"));
        let out = peerview(employer.path(), &["export-recording", &done.hash, target.to_str().expect("utf-8")]);
        assert!(out.status.success(), "recording {i} is missing at the employer: {}", peerview_tests::stderr(&out));
        let got = std::fs::read(&target).expect("read the exported recording");
        assert_eq!(blake3::hash(&got).to_hex().to_string(), done.hash, "recording {i} differs");
    }
}
