//! The command line, as a user runs it: create a campaign from the example file, list it, show
//! it, export it; bad files are rejected with the line and the field named; it speaks the
//! user's language.

use peerview_tests::{peerview, peerview_command, repo_root, stderr, stdout};

#[test]
fn create_list_show_export_the_example_campaign() {
    let data = tempfile::tempdir().expect("tempdir");
    let example = repo_root().join("examples/campaign.toml");
    let out = peerview(data.path(), &["campaign", "create", "--file", example.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert_eq!(id.len(), 16, "create prints the campaign id alone: {id:?}");

    let list = stdout(&peerview(data.path(), &["campaign", "list"]));
    assert!(list.contains(&id) && list.contains("Backend engineer, spring hiring"), "{list}");

    let out = peerview(data.path(), &["campaign", "show", &id[..6]]);
    assert!(out.status.success(), "a unique prefix is enough: {}", stderr(&out));
    let show = stdout(&out);
    for expected in [
        "Backend engineer (Rust, distributed systems)",
        "2030-06-30 17:00 UTC",
        "Practice question (never counts)",
        "[intro] video · think 30 s · answer up to 2 min · 3 takes",
        "[voice] audio",
        "[availability] text",
        "Candidates (0)",
    ] {
        assert!(show.contains(expected), "missing {expected:?} in:\n{show}");
    }

    // Export, create again from the export: the same questions.
    let exported = stdout(&peerview(data.path(), &["campaign", "export", &id]));
    let file = data.path().join("again.toml");
    std::fs::write(&file, exported).expect("write");
    let again = peerview(data.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]);
    assert!(again.status.success(), "{}", stderr(&again));
    let id2 = stdout(&again).trim().to_owned();
    let show2 = stdout(&peerview(data.path(), &["campaign", "show", &id2]));
    let questions =
        |s: &str| s.lines().skip_while(|l| !l.starts_with("Questions")).take(9).collect::<Vec<_>>().join("\n");
    assert_eq!(questions(&show2), questions(&show));
}

#[test]
fn bad_campaign_files_name_the_line_and_the_field() {
    let data = tempfile::tempdir().expect("tempdir");
    let file = data.path().join("bad.toml");
    std::fs::write(
        &file,
        "title = \"T\"\nrole = \"R\"\ndeadline = 2030-01-01T00:00:00Z\n\n[[question]]\nprompt = \"P\"\nanswer = \"video\"\nmax_takes = 99\n",
    )
    .expect("write");
    let out = peerview(data.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("bad.toml:8") && err.contains("question[1].max_takes"), "{err}");
    assert!(stdout(&peerview(data.path(), &["campaign", "list"])).contains("No campaigns yet"), "nothing half-created");
}

#[test]
fn unknown_campaign_and_missing_file_are_clear_errors() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = peerview(data.path(), &["campaign", "show", "nosuchcampaign"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no campaign document with id nosuchcampaign"), "{}", stderr(&out));
    let out = peerview(data.path(), &["campaign", "create", "--file", "/nonexistent/c.toml"]);
    assert!(stderr(&out).contains("reading /nonexistent/c.toml"), "{}", stderr(&out));
}

#[test]
fn without_a_display_the_app_explains_instead_of_crashing() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = peerview(data.path(), &[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("needs a graphical display") && err.contains("peerview serve"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_corrupt_document_is_reported_and_the_rest_still_works() {
    let data = tempfile::tempdir().expect("tempdir");
    let example = repo_root().join("examples/campaign.toml");
    let ids: Vec<String> = (0..2)
        .map(|_| {
            stdout(&peerview(data.path(), &["campaign", "create", "--file", example.to_str().expect("utf-8")]))
                .trim()
                .to_owned()
        })
        .collect();
    let dir = data.path().join("docs/campaign").join(&ids[0]);
    let file = std::fs::read_dir(&dir).expect("ls").next().expect("a file").expect("entry").path();
    std::fs::write(&file, b"definitely not automerge").expect("corrupt");
    let out = peerview(data.path(), &["campaign", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&file.display().to_string()) && err.contains("quarantine"), "names the file: {err}");
    assert!(stdout(&out).contains(&ids[1]), "the other campaign is still listed");
    assert_eq!(std::fs::read_dir(data.path().join("quarantine")).expect("ls").count(), 1, "kept aside");
}

/// With `PEERVIEW_LANG=de` the command line speaks German: what it prints, its errors (its own,
/// and a damaged ticket's), the numbers and the dates.
#[test]
fn the_command_line_speaks_the_users_language() {
    let data = tempfile::tempdir().expect("tempdir");
    let german = |args: &[&str]| {
        peerview_command()
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .env("PEERVIEW_LANG", "de")
            .output()
            .expect("run peerview")
    };
    let example = repo_root().join("examples/campaign.toml");
    let out = german(&["campaign", "create", "--file", example.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let created = stderr(&out);
    assert!(
        created
            .contains("Kampagne „Backend engineer, spring hiring“ mit 4 Fragen angelegt, Frist 30.06.2030, 17:00 UTC."),
        "{created}"
    );
    let id = stdout(&out).trim().to_owned();

    let list = stdout(&german(&["campaign", "list"]));
    for expected in ["TITEL", "FRAGEN", "BEWERBER", "FRIST", &id] {
        assert!(list.contains(expected), "missing {expected:?} in:\n{list}");
    }
    let show = stdout(&german(&["campaign", "show", &id]));
    for expected in ["Frist:", "Übungsfrage (zählt nie)", "Fragen:", "Bewerber (0):", "noch niemand eingeladen"] {
        assert!(show.contains(expected), "missing {expected:?} in:\n{show}");
    }

    let out = german(&["join", "pvinvite1damaged"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.starts_with("Fehler: Dieses Ticket kann nicht verwendet werden: "), "{err}");
    assert!(!err.contains("ticket is"), "no English left: {err}");

    let file = data.path().join("bad.toml");
    let bad = "title = \"T\"\nrole = \"R\"\ndeadline = 2030-01-01T00:00:00Z\n[[question]]\nprompt = \"P\"\nanswer = \"video\"\nmax_takes = 99\n";
    std::fs::write(&file, bad).expect("write");
    let out = german(&["campaign", "create", "--file", file.to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert!(err.contains("bad.toml:7: Feld `question[1].max_takes`: 99 liegt außerhalb des Bereichs"), "{err}");
}
