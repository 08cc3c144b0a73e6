//! Several employer-side nodes: a second node (a "hub", e.g. a colleague's laptop) joins with a
//! hub ticket and replicates the campaign; tickets issued afterwards list both nodes; while the
//! first node is off, a candidate submits to the hub; when the first node returns, the hub
//! replicates the submission and its recording to it; a revoked hub is refused, and so is the
//! reviewer it invited.

use std::path::Path;
use std::time::{Duration, Instant};

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, stderr, stdout, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Warehouse lead"
role = "Warehouse lead"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
"#;

fn wait_until(what: &str, secs: u64, mut check: impl FnMut() -> Option<String>) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while let Some(last) = check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}; last seen:\n{last}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn show(dir: &Path, campaign: &str) -> String {
    ok(&peerview(dir, &["campaign", "show", campaign]))
}

#[test]
fn a_hub_accepts_a_submission_while_the_office_node_is_off_and_replicates_it_back() {
    let office = tempfile::tempdir().expect("tempdir");
    let file = office.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let office_bind = format!("127.0.0.1:{}", free_udp_port());
    let office_node = Server::start(office.path(), &office_bind);

    // A colleague's laptop becomes a second employer-side node.
    let hub_ticket = ok(&peerview(office.path(), &["hub", "invite", &campaign, "--name", "Laptop"])).trim().to_owned();
    assert!(hub_ticket.starts_with("pvhub1"), "{hub_ticket}");
    let laptop = tempfile::tempdir().expect("tempdir");
    let joined = ok(&peer(laptop.path(), &["join", &hub_ticket]));
    assert!(joined.contains("employer-side node of Warehouse lead"), "{joined}");
    let laptop_node = Server::start_with(laptop.path(), "127.0.0.1:0", &["--replicate-every", "1"]);
    // The laptop reports where candidates can reach it; the office learns it by replication.
    wait_until("the office to learn the laptop's address", 60, || {
        let s = show(office.path(), &campaign);
        (!s.contains("Laptop (joined, at 127.0.0.1:")).then_some(s)
    });

    // New tickets list both nodes.
    let invite = peerview(office.path(), &["invite", &campaign, "--name", "Ada"]);
    let ticket = ok(&invite).trim().to_owned();
    assert!(stderr(&invite).contains("lists 2 employer-side nodes"), "{}", stderr(&invite));

    // The invite reaches the laptop with the next replication; then the office node goes off,
    // and Ada joins and submits to the laptop.
    wait_until("the laptop to learn of Ada's invite", 30, || {
        let s = show(laptop.path(), &campaign);
        (!s.contains("Ada")).then_some(s)
    });
    // The laptop invites a reviewer of its own; the office learns of it by replication.
    let sam_ticket =
        ok(&peerview(laptop.path(), &["reviewer", "invite", &campaign, "--name", "Sam"])).trim().to_owned();
    wait_until("the office to learn of Sam's invite", 30, || {
        let s = show(office.path(), &campaign);
        (!s.contains("Sam")).then_some(s)
    });
    assert!(office_node.stop().success());
    let ada = tempfile::tempdir().expect("tempdir");
    let joined = ok(&peer(ada.path(), &["join", &ticket]));
    assert!(joined.contains("Warehouse lead"), "{joined}");
    let take = ada.path().join("take.mp4");
    let bytes = synthetic_mp4(2_000_000, 7, 30);
    std::fs::write(&take, &bytes).expect("write take");
    let hash = blake3::hash(&bytes).to_hex().to_string();
    ok(&peer(ada.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    let submitted = ok(&peer(ada.path(), &["submit", &campaign]));
    assert!(submitted.contains("received by the employer"), "{submitted}");
    laptop_node.wait_for_log("submission received", 10);

    // The office node returns on its old address; the laptop replicates the submission and the
    // recording to it without anyone doing anything.
    let office_node = Server::start(office.path(), &office_bind);
    office_node.wait_for_log("recording received and verified", 90);
    wait_until("the office to see Ada's submission received", 30, || {
        let s = show(office.path(), &campaign);
        (!(s.contains("Ada") && s.contains("received"))).then_some(s)
    });

    // With the laptop off, a reviewer invited at the office gets the recording from the office.
    assert!(laptop_node.stop().success());
    let rev_ticket =
        ok(&peerview(office.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();
    let rita = tempfile::tempdir().expect("tempdir");
    let joined = ok(&peer(rita.path(), &["join", &rev_ticket]));
    assert!(joined.contains("1 recording downloaded"), "{joined}");
    let out = rita.path().join("got.mp4");
    ok(&peerview(rita.path(), &["export-recording", &hash, out.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&out).expect("exported"), bytes);

    // Ada's status shows the receipt (written by the laptop, replicated everywhere).
    let status = ok(&peer(ada.path(), &["status"]));
    assert!(status.contains("received by the employer"), "{status}");

    // A revoked hub is refused from then on.
    let hub_id = show(office.path(), &campaign)
        .lines()
        .find(|l| l.contains("Laptop ("))
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .expect("hub line");
    ok(&peerview(office.path(), &["revoke", &campaign, &hub_id]));
    let refused = peer(laptop.path(), &["sync"]);
    assert!(!refused.status.success());
    assert!(stdout(&refused).contains("refused"), "{}", stdout(&refused));
    // So is everyone the revoked hub invited: Sam's invite went with it.
    let shown = show(office.path(), &campaign);
    assert!(shown.lines().any(|l| l.contains("Sam") && l.contains("revoked")), "{shown}");
    let sam = tempfile::tempdir().expect("tempdir");
    let out = peer(sam.path(), &["join", &sam_ticket]);
    assert!(!out.status.success() && stderr(&out).contains("withdrawn"), "{}{}", stdout(&out), stderr(&out));
    drop(office_node);
}
