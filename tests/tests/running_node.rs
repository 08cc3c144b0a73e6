//! Every employer command works the same while `peerview serve` runs on the data directory as
//! when it is stopped: the recordings store is the node's, and other processes reach it over the
//! local channel (a Unix socket only the data directory's owner can open).

use std::path::Path;

use peerview_tests::{Server, create_campaign, ok, peer, peerview, stderr};

const CAMPAIGN: &str = r#"
title = "Night porter"
role = "Night porter"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
[[question]]
id = "why"
prompt = "Why nights?"
answer = "text"
"#;

/// Outputs that depend on where they were written, made comparable.
fn normalise(text: &str, dirs: &[&Path]) -> String {
    let mut text = text.to_owned();
    for dir in dirs {
        text = text.replace(dir.to_str().expect("utf-8"), "DIR");
    }
    text
}

/// The files of an export: name and content (text files as text, recordings by their hash).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("export directory")
        .map(|e| {
            let e = e.expect("entry");
            let bytes = std::fs::read(e.path()).expect("read");
            let name = e.file_name().to_string_lossy().into_owned();
            let content = if name.ends_with(".mp4") {
                format!("{} bytes, BLAKE3 {}", bytes.len(), blake3::hash(&bytes).to_hex())
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            (name, content)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_command_gives_the_same_result_with_the_node_running_or_stopped() {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = create_campaign(employer.path(), CAMPAIGN);
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Ada Lovelace"])).trim().to_owned();

    // A real take, recorded and submitted by a candidate on another computer.
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&peer(ada.path(), &["join", &ticket]));
    ok(&peer(ada.path(), &["answer", &campaign, "intro", "--record", "--seconds", "1"]));
    ok(&peer(ada.path(), &["answer", &campaign, "why", "--text", "I sleep by day."]));
    assert!(ok(&peer(ada.path(), &["submit", &campaign])).contains("received by the employer"));
    let probe = employer.path().join("probe");
    ok(&peerview(employer.path(), &["export", "Ada Lovelace", probe.to_str().expect("utf-8")]));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(probe.join("summary.json")).expect("summary")).expect("json");
    let hash = summary["answers"]
        .as_array()
        .and_then(|a| a.iter().find_map(|e| e["answer"]["blake3"].as_str()))
        .expect("the take's hash in the summary")
        .to_owned();

    // The socket is private to the data directory's owner.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode =
            std::fs::metadata(employer.path().join("node.sock")).expect("the node's socket").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "socket mode {mode:o}");
    }

    // Read-only commands, run twice: while the node runs, and after it stopped.
    let run_all = |tag: &str| -> Vec<(String, String)> {
        let dir = employer.path().join(format!("export-{tag}"));
        let rec = employer.path().join(format!("take-{tag}.mp4"));
        let commands: Vec<Vec<String>> = vec![
            vec!["campaign".into(), "list".into()],
            vec!["campaign".into(), "show".into(), campaign.clone()],
            vec!["status".into()],
            vec!["export".into(), "Ada Lovelace".into(), dir.to_str().expect("utf-8").into()],
            vec!["export-recording".into(), hash.clone(), rec.to_str().expect("utf-8").into()],
        ];
        let mut outputs = Vec::new();
        for args in commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = peerview(employer.path(), &args);
            let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
            assert!(out.status.success(), "peerview {args:?} ({tag}) failed: {text}");
            outputs.push((args.join(" "), normalise(&text, &[&dir, &rec])));
        }
        assert_eq!(blake3::hash(&std::fs::read(&rec).expect("exported take")).to_hex().as_str(), hash);
        outputs
    };
    let before_changes = run_all("first");
    assert!(before_changes[1].1.contains("Ada Lovelace"), "{before_changes:?}");

    // Commands that change something, while the node runs: the node picks the changes up.
    let bob = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Bob"])).trim().to_owned();
    assert!(bob.starts_with("pvinvite1"), "{bob}");
    let rita = ok(&peerview(employer.path(), &["reviewer", "invite", &campaign, "--name", "Rita"])).trim().to_owned();
    let reviewed = ok(&peerview(
        employer.path(),
        &["review", "Ada Lovelace", "--comment", "Calm voice", "--at", "1", "--question", "intro"],
    ));
    assert!(reviewed.contains("Calm voice"), "{reviewed}");
    let shown = ok(&peerview(employer.path(), &["campaign", "show", &campaign]));
    let bob_id = shown
        .lines()
        .find(|l| l.contains("Bob"))
        .and_then(|l| l.split_whitespace().next())
        .expect("Bob's id")
        .to_owned();
    ok(&peerview(employer.path(), &["revoke", &campaign, &bob_id]));
    // The running node refuses Bob at once, and still serves the reviewer it was told of.
    let bob_dir = tempfile::tempdir().expect("tempdir");
    let refused = peer(bob_dir.path(), &["join", &bob]);
    assert!(!refused.status.success() && stderr(&refused).contains("withdrawn"), "{}", stderr(&refused));
    let rita_dir = tempfile::tempdir().expect("tempdir");
    assert!(ok(&peer(rita_dir.path(), &["join", &rita])).contains("1 recording downloaded"));
    // An unknown request on the socket gets an answer, not a crash.
    #[cfg(unix)]
    {
        use std::io::{Read, Write};
        let mut socket = std::os::unix::net::UnixStream::connect(employer.path().join("node.sock")).expect("connect");
        socket.write_all(b"{\"delete_everything\":{}}\n").expect("write");
        let mut reply = String::new();
        socket.read_to_string(&mut reply).expect("read");
        assert!(reply.contains("not a request"), "{reply}");
    }

    let running = run_all("running");
    assert!(server.stop().success(), "clean shutdown");
    assert!(!employer.path().join("node.sock").exists(), "the socket goes with the node");
    let stopped = run_all("stopped");
    for ((command, while_running), (_, while_stopped)) in running.iter().zip(&stopped) {
        assert_eq!(while_running, while_stopped, "`peerview {command}` differs with the node running");
    }
    assert_eq!(files(&employer.path().join("export-running")), files(&employer.path().join("export-stopped")));
    let shown = ok(&peerview(employer.path(), &["campaign", "show", &campaign]));
    assert!(shown.contains("Bob") && shown.contains("revoked") && shown.contains("Rita"), "{shown}");
    let reviewed = ok(&peerview(employer.path(), &["review", "Ada Lovelace"]));
    assert!(reviewed.contains("Calm voice"), "{reviewed}");
}
