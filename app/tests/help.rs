//! `peerview --help` lists the subcommands. (Also makes `cargo test` build the `peerview`
//! binary that the end-to-end tests in `tests/` run.)

use std::process::Command;

#[test]
fn help_lists_the_subcommands() {
    let out = Command::new(env!("CARGO_BIN_EXE_peerview")).arg("--help").output().expect("run peerview --help");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "campaign",
        "serve",
        "invite",
        "reviewer",
        "revoke",
        "join",
        "answer",
        "submit",
        "status",
        "sync",
        "export-recording",
    ] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(cmd)), "{cmd} missing from:\n{help}");
    }
}
