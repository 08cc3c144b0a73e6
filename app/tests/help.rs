//! `peerview --help` lists the subcommands, in the user's language. (Also makes `cargo test`
//! build the `peerview` binary that the end-to-end tests in `tests/` run.)

use std::process::Command;

#[test]
fn help_lists_the_subcommands() {
    let out = Command::new(env!("CARGO_BIN_EXE_peerview"))
        .arg("--help")
        .env("PEERVIEW_LANG", "en")
        .output()
        .expect("run peerview --help");
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

#[test]
fn help_speaks_the_users_language() {
    let help = |lang: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_peerview"))
            .args(args)
            .env("PEERVIEW_LANG", lang)
            .output()
            .expect("run peerview --help");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let german = help("de", &["--help"]);
    for expected in [
        "Einseitige Video-Interviews",
        "Einen Bewerber zu einer Kampagne einladen",
        "Wo Peerview seine Daten ablegt",
        "Hilfe anzeigen",
        "Version anzeigen",
    ] {
        assert!(german.contains(expected), "{expected:?} missing from:\n{german}");
    }
    let invite = help("de", &["invite", "--help"]);
    assert!(invite.contains("Die E-Mail-Adresse des Bewerbers"), "{invite}");
    let english = help("en", &["invite", "--help"]);
    assert!(english.contains("The candidate's email address, for your records."), "{english}");
    assert!(help("fr", &["--help"]).contains("Inviter un candidat"));
    assert!(help("es", &["--help"]).contains("Invitar a un candidato"));
}
