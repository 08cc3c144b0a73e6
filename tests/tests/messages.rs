//! Two-way, still asynchronous, across processes over loopback: a candidate asks a question and
//! the employer answers; a candidate past the deadline asks for more time, the employer grants
//! it, and the candidate's answer is accepted past the old deadline; a reviewer reads the
//! thread but may not write unless the campaign allows; a candidate flooding messages is
//! refused past the budget, while their answers still sync.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, peerview_command, stderr, stdout};

/// A campaign whose deadline is a day away (the test moves the clocks past it).
fn campaign_file(dir: &Path) -> std::path::PathBuf {
    let deadline = std::time::SystemTime::now() + Duration::from_secs(86_400);
    let deadline = humantime::format_rfc3339_seconds(deadline);
    let text = format!(
        "title = \"Harbour pilot\"\nrole = \"Harbour pilot\"\ndeadline = {deadline}\n\
         [[question]]\nid = \"why\"\nprompt = \"Why the sea?\"\nanswer = \"text\"\n"
    );
    let file = dir.join("campaign.toml");
    std::fs::write(&file, text).expect("write campaign");
    file
}

/// Run with the clock set to `at` (libfaketime; an absolute time, so it holds whatever clock
/// the test itself runs on), or the real clock.
fn clock_at(command: &mut Command, at: Option<std::time::SystemTime>) {
    if let Some(at) = at {
        let text = humantime::format_rfc3339_seconds(at).to_string().replace('T', " ").replace('Z', "");
        command
            .env("LD_PRELOAD", libfaketime().expect("libfaketime"))
            .env("FAKETIME", format!("@{text}"))
            .env("TZ", "UTC")
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
}

/// `peerview --relay disabled` with the clock at `at`.
fn peer_at(dir: &Path, at: Option<std::time::SystemTime>, args: &[&str]) -> Output {
    let mut command = peerview_command();
    clock_at(&mut command, at);
    command.args(["--relay", "disabled", "--data-dir"]).arg(dir).args(args).env_remove("PEERVIEW_DATA_DIR");
    command.output().expect("run peerview")
}

fn libfaketime() -> Option<std::path::PathBuf> {
    ["/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

#[test]
fn a_candidate_asks_the_employer_answers_and_a_granted_extension_lets_them_answer_late() {
    if libfaketime().is_none() {
        peerview_tests::skip("libfaketime is not installed (Debian package faketime)");
        return;
    }
    let office = tempfile::tempdir().expect("tempdir");
    let file = campaign_file(office.path());
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let node = Server::start(office.path(), &bind);
    let ticket = ok(&peerview(office.path(), &["invite", &campaign, "--name", "Ada"])).trim().to_owned();
    let rita_ticket =
        ok(&peerview(office.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&peer(ada.path(), &["join", &ticket]));

    // A question, and the answer.
    let asked = ok(&peer(ada.path(), &["message", &campaign, "Is the role based in the harbour office?"]));
    assert!(asked.contains("candidate: Is the role based in the harbour office?"), "{asked}");
    let status = ok(&peerview(office.path(), &["status"]));
    assert!(status.contains("Ada") && status.contains("1 unread"), "{status}");
    assert!(status.contains("Is the role based in the harbour office?"), "{status}");
    ok(&peerview(office.path(), &["message", "Ada", "Yes, at pier 4."]));
    ok(&peer(ada.path(), &["sync"]));
    let status = ok(&peer(ada.path(), &["status"]));
    assert!(status.contains("the employer: Yes, at pier 4."), "{status}");

    // The reviewer reads the thread, and may not write (the campaign does not allow it).
    let rita = tempfile::tempdir().expect("tempdir");
    ok(&peer(rita.path(), &["join", &rita_ticket]));
    let read = ok(&peer(rita.path(), &["status"]));
    assert!(read.contains("Yes, at pier 4."), "{read}");
    let written = peer(rita.path(), &["message", "Ada", "Hello from Rita"]);
    assert!(!written.status.success() && stderr(&written).contains("employer decides"), "{}", stderr(&written));

    // Two days on, the deadline has passed: the answer is refused until the employer grants
    // the extension Ada asks for.
    assert!(node.stop().success());
    let late = Some(std::time::SystemTime::now() + Duration::from_secs(2 * 86_400));
    let node = {
        let mut command = peerview_command();
        clock_at(&mut command, late);
        Server::spawn(command, office.path(), &bind, &[])
    };
    let refused = peer_at(ada.path(), late, &["answer", &campaign, "why", "--text", "The sea is calm at night."]);
    let said = format!("{}{}", stdout(&refused), stderr(&refused));
    assert!(said.contains("deadline"), "{said}");
    let request = ok(&peer_at(ada.path(), late, &["message", &campaign, "I was in hospital.", "--extension", "5"]));
    assert!(request.contains("REQUEST 5 more days before the deadline"), "{request}");
    let status = ok(&peerview(office.path(), &["status"]));
    assert!(status.contains("1 open request"), "{status}");
    let granted = ok(&peerview(office.path(), &["grant", "Ada", "--note", "Get well soon."]));
    assert!(granted.contains("Granted Ada's request for 5 more days"), "{granted}");
    ok(&peer_at(ada.path(), late, &["sync"]));
    let status = ok(&peer_at(ada.path(), late, &["status"]));
    assert!(status.contains("GRANTED: 5 more days before the deadline — Get well soon."), "{status}");
    ok(&peer_at(ada.path(), late, &["answer", &campaign, "why", "--text", "The sea is calm at night."]));
    let submitted = ok(&peer_at(ada.path(), late, &["submit", &campaign]));
    assert!(submitted.contains("received by the employer"), "{submitted}");
    drop(node);
}

#[test]
fn a_flood_of_messages_is_refused_past_the_budget_while_answers_still_sync() {
    let office = tempfile::tempdir().expect("tempdir");
    let file = campaign_file(office.path());
    let campaign = ok(&peerview(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let node = Server::start(office.path(), "127.0.0.1:0");
    let ticket = ok(&peerview(office.path(), &["invite", &campaign, "--name", "Bob"])).trim().to_owned();
    let bob = tempfile::tempdir().expect("tempdir");
    ok(&peer(bob.path(), &["join", &ticket]));
    let budget = 20;
    for i in 0..budget {
        ok(&peer(bob.path(), &["message", &campaign, &format!("Hello? ({i})"), "--wait", "0"]));
    }
    let over = peer(bob.path(), &["message", &campaign, "Hello?? (over)", "--wait", "0"]);
    assert!(!over.status.success(), "the message over the budget was kept");
    assert!(stderr(&over).contains("in the last 24 hours"), "{}", stderr(&over));
    let long = "x".repeat(4_001);
    let too_long = peer(bob.path(), &["message", &campaign, &long, "--wait", "0"]);
    assert!(!too_long.status.success() && stderr(&too_long).contains("4000 characters"), "{}", stderr(&too_long));
    // The answers still go through, and the employer holds exactly the budget's messages.
    ok(&peer(bob.path(), &["answer", &campaign, "why", "--text", "Salt air."]));
    assert!(ok(&peer(bob.path(), &["submit", &campaign])).contains("received by the employer"));
    let status = ok(&peerview(office.path(), &["status"]));
    assert!(status.contains(&format!("{budget} messages")), "{status}");
    assert!(!status.contains("(over)"), "{status}");
    drop(node);
}
