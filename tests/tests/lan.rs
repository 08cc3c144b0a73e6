//! Local-network discovery on a real (namespaced) network: the office node moves to a new
//! address, as with DHCP, so tickets issued before carry a stale address. With `--lan-discovery`
//! the candidate still finds the node by its id; without it the ticket's address is a dead end.
//! Skips with a message where network namespaces are unavailable (not root, no `ip`).

use std::path::Path;

use peerview_tests::netns::Lan;
use peerview_tests::{Server, ok, peerview, peerview_bin, stderr};

const CAMPAIGN: &str = r#"
title = "Office manager"
role = "Office manager"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "text"
"#;

fn join(lan: &peerview_tests::netns::Host, data: &Path, ticket: &str, discovery: bool) -> std::process::Output {
    let mut c = lan.command(peerview_bin());
    c.args(["--relay", "disabled", "--data-dir"]).arg(data);
    if discovery {
        c.arg("--lan-discovery");
    }
    c.args(["join", ticket]).env("RUST_LOG", "error").output().expect("run peerview join")
}

#[test]
fn lan_discovery_finds_an_office_node_whose_address_changed() {
    let lan = match Lan::new(2) {
        Ok(lan) => lan,
        Err(e) => {
            peerview_tests::skip(&format!("network namespaces are unavailable ({e})"));
            return;
        }
    };
    let (office, candidate) = (&lan.hosts[0], &lan.hosts[1]);
    let employer = tempfile::tempdir().expect("tempdir");
    let file = employer.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(employer.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let serve = |addr: &str| {
        Server::spawn(office.command(peerview_bin()), employer.path(), &format!("{addr}:47100"), &["--lan-discovery"])
    };
    let server = serve(&office.ip);
    let kim = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Kim"])).trim().to_owned();
    let lee = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Lee"])).trim().to_owned();
    assert!(server.stop().success());

    // The office machine comes back on another address; the tickets still name the old one.
    office.set_address("10.77.0.99").expect("new address");
    let _server = serve("10.77.0.99");

    let without = tempfile::tempdir().expect("tempdir");
    let out = join(candidate, without.path(), &lee, false);
    assert!(!out.status.success() && stderr(&out).contains("could not reach the employer"), "{}", stderr(&out));

    let with = tempfile::tempdir().expect("tempdir");
    let joined = ok(&join(candidate, with.path(), &kim, true));
    assert!(joined.contains("Office manager"), "{joined}");
}
