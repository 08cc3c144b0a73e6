//! Load: 100 candidates (endpoints in this process, each with its own node and store) join,
//! answer and submit at the same time to one employer node (`peerview serve`, its own process).
//! Every submission must be received with its recording verified. Prints the employer's peak
//! memory and CPU time; with `PEERVIEW_BENCH_OUT=FILE` the figures are also appended there for
//! `scripts/bench`. (Figures, not assertions: the machines are shared and noisy.)

use std::time::Instant;

use peerview_sync::ticket::Ticket;
use peerview_tests::attacks::memory;
use peerview_tests::candidate::{CAMPAIGN, submit_recording};
use peerview_tests::{Server, cpu_secs, peerview, report, stdout, synthetic_mp4};

const CANDIDATES: usize = 100;

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
    let cpu_before = cpu_secs(pid);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let started = Instant::now();
    let results = runtime.block_on(async {
        let tasks: Vec<_> = tickets
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let bind = "127.0.0.1:0".parse().expect("address");
                tokio::spawn(submit_recording(t, synthetic_mp4(150_000, i as u64, 20), bind))
            })
            .collect();
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.expect("task"));
        }
        results
    });
    let elapsed = started.elapsed();
    let ((_, peak_bytes), cpu_after) = (memory(pid), cpu_secs(pid));
    let failed: Vec<String> = results.iter().filter_map(|r| r.as_ref().err().map(|e| format!("{e:#}"))).collect();
    assert!(failed.is_empty(), "{} of {CANDIDATES} did not complete: {failed:?}\n{}", failed.len(), server.log());
    let cpu = cpu_after - cpu_before;
    let line = format!(
        "load: {CANDIDATES} candidates submitted at once (150 kB each) in {:.1} s; employer peak RSS {} MB, CPU {:.1} s ({:.2} cores on average)",
        elapsed.as_secs_f64(),
        peak_bytes >> 20,
        cpu,
        cpu / elapsed.as_secs_f64()
    );
    report(&line);
    // Every recording is at the employer, verified (the employer exports it from its store).
    assert!(server.stop().success());
    for (i, hash) in results.into_iter().map(|r| r.expect("checked above").hash).enumerate().step_by(9) {
        let target = employer.path().join(format!("{i}.mp4"));
        let out = peerview(employer.path(), &["export-recording", &hash, target.to_str().expect("utf-8")]);
        assert!(out.status.success(), "recording {i} is missing at the employer");
        let got = std::fs::read(&target).expect("read");
        assert_eq!(blake3::hash(&got).to_hex().to_string(), hash);
    }
}
