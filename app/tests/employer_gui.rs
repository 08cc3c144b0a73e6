//! The employer's journey through the real app (`egui_kittest`, no display), with the employer
//! node running inside the app: create a campaign in the editor, invite a candidate, receive the
//! submission a candidate node makes (the `peerview` command line, a separate process), review
//! it (comment at a moment, scorecard, decision with a message), and the candidate sees
//! "viewed" and the decision. A second test checks independent scoring.

#[path = "a11y/mod.rs"]
mod a11y;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peerview::gui::devices::SyntheticDevices;
use peerview::gui::{AppEnv, PeerviewApp};
use peerview::ops::Net;
use peerview::settings::{InboxSort, ReviewTab, Role, Settings};
use peerview_media::player::ManualTime;
use peerview_sync::doc::{Answer, SubmissionDoc, TextAnswer};
use peerview_sync::node::RelaySetting;
use peerview_sync::ticket::{Invitee, Ticket, TicketNode};
use peerview_sync::{DocKind, ManualClock, Store, Timestamp};

/// The date every screen sees: snapshots must not depend on the day the tests run.
const TODAY: Timestamp = Timestamp(1_893_456_000_000); // 2030-01-01 00:00 UTC

fn employer_app(dir: &Path) -> Harness<'static, PeerviewApp> {
    app(dir, Role::Employer)
}

fn app(dir: &Path, role: Role) -> Harness<'static, PeerviewApp> {
    let store = Arc::new(Store::open(dir).expect("store"));
    let env = AppEnv {
        data_dir: dir.to_owned(),
        store,
        net: Net { relay: RelaySetting::Disabled, lan_discovery: false, relay_ca: None },
        devices: Arc::new(SyntheticDevices::default()),
        clock: Arc::new(ManualTime::default()),
        wall_clock: Arc::new(ManualClock::new(TODAY)),
        sync_every: Duration::from_millis(300),
        ticket: None,
        employer_bind: Some("127.0.0.1:0".parse().expect("addr")),
        time_zone: jiff::tz::TimeZone::UTC,
        system_language: peerview::i18n::Lang::En,
    };
    // What an earlier start kept there, as the real app reads it.
    let settings = Settings { role: Some(role), dark_mode: Some(false), ..Settings::load(dir).expect("settings") };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| PeerviewApp::new(cc.egui_ctx.clone(), env, settings))
}

fn on_screen(h: &Harness<'_, PeerviewApp>) -> Vec<String> {
    h.query_all_by(|_| true).filter_map(|n| n.value().or_else(|| n.accesskit_node().label())).collect()
}

fn wait_for(h: &mut Harness<'_, PeerviewApp>, label: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        h.step();
        if h.query_all_by_label_contains(label).next().is_some() {
            return;
        }
        assert!(Instant::now() < deadline, "{label:?} did not appear within {secs} s; on screen: {:#?}", on_screen(h));
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Wait until the button `label` can be pressed (it waits for what it depends on).
fn wait_enabled(h: &mut Harness<'_, PeerviewApp>, label: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        h.step();
        if h.query_by_label(label).is_some_and(|n| !n.accesskit_node().is_disabled()) {
            return;
        }
        assert!(Instant::now() < deadline, "{label:?} was not enabled within {secs} s; on screen: {:#?}", on_screen(h));
        std::thread::sleep(Duration::from_millis(30));
    }
}

fn click(h: &mut Harness<'_, PeerviewApp>, label: &str) {
    let node = h.get_by_label(label);
    assert!(h.ctx.content_rect().contains(node.rect().center()), "{label:?} is off screen at {:?}", node.rect());
    node.click();
    h.step();
    h.step();
}

fn type_into(h: &mut Harness<'_, PeerviewApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
}

fn choose(h: &mut Harness<'_, PeerviewApp>, combo: &str, option: &str) {
    click(h, combo);
    click(h, option);
}

/// The `peerview` command line as a candidate on another computer.
fn candidate(dir: &Path, args: &[&str]) -> String {
    cli(dir, args)
}

/// The `peerview` command line on `dir`, which succeeds; stdout and stderr together.
fn cli(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_peerview"))
        .args(["--relay", "disabled", "--data-dir"])
        .arg(dir)
        .args(args)
        .env_remove("PEERVIEW_DATA_DIR")
        .env("PEERVIEW_LANG", "en")
        .output()
        .expect("run peerview");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "peerview {args:?} failed: {text}");
    text
}

#[test]
fn an_invite_goes_out_as_a_link_or_a_mail_draft() {
    let employer = tempfile::tempdir().expect("tempdir");
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "direct (127.0.0.1", 20);
    click(&mut h, "New campaign");
    wait_for(&mut h, "Title", 5);
    a11y::assert_all_named(&h, "campaign editor");
    type_into(&mut h, "Title", "Barista");
    type_into(&mut h, "Role", "Barista, weekend shifts");
    type_into(&mut h, "Deadline (UTC)", "2099-01-01 17:00");
    click(&mut h, "Save campaign");
    wait_for(&mut h, "Saved \"Barista\"", 10);
    click(&mut h, "Invites");
    type_into(&mut h, "Name", "Ada");
    type_into(&mut h, "Email", "ada@example.org");
    click(&mut h, "Invite");
    wait_for(&mut h, "Copy ticket for Ada", 10);
    assert!(h.query_by_label("Copy link for Ada").is_some() && h.query_by_label("Email invite to Ada").is_some());
    let ticket = on_screen(&h).into_iter().find(|t| t.starts_with("pvinvite1")).expect("the ticket's text");

    // One .eml draft per new invite, for the employer's mail program.
    let drafts = employer.path().join("drafts");
    type_into(&mut h, "Email drafts folder", drafts.to_str().expect("utf-8"));
    click(&mut h, "Save email drafts (.eml)");
    wait_for(&mut h, "1 email draft saved in", 10);
    let eml = std::fs::read_to_string(drafts.join("Invite Ada.eml")).expect("Ada's draft");
    for expected in ["To: ada@example.org\r\n", "Subject: Video interview: Barista\r\n", "2099-01-01 17:00 UTC"] {
        assert!(eml.contains(expected), "{expected:?} missing from {eml}");
    }
    assert!(eml.contains(&format!("peerview:join/{ticket}")), "{eml}");
}

#[test]
fn a_campaign_in_german_with_its_deadline_in_berlin_time() {
    if peerview::fmt::zone("Europe/Berlin").is_none() {
        eprintln!("skipped: this system has no time zone database");
        return;
    }
    let employer = tempfile::tempdir().expect("tempdir");
    let mut h = employer_app(employer.path());
    click(&mut h, "New campaign");
    wait_for(&mut h, "Title", 5);
    // A new campaign starts in the viewer's zone (the tests' is UTC), each candidate's language.
    assert_eq!(h.get_by_label("Time zone").value().as_deref(), Some("UTC"));
    assert_eq!(h.get_by_label("Candidates' language").value().as_deref(), Some("Each candidate's own"));
    type_into(&mut h, "Title", "Konditor");
    choose(&mut h, "Candidates' language", "Deutsch");
    type_into(&mut h, "Time zone", "Europe/Berlin");
    // The deadline's label names the zone it is typed in; beside it, how it reads here.
    type_into(&mut h, "Deadline (Europe/Berlin)", "2030-01-15 17:00");
    wait_for(&mut h, "2030-01-15 17:00 CET (16:00 UTC where you are)", 5);
    a11y::assert_all_named(&h, "campaign editor");
    click(&mut h, "Save campaign");
    wait_for(&mut h, "Saved \"Konditor\"", 10);

    let (campaigns, _) = Store::open(employer.path()).expect("store").campaigns().expect("campaigns");
    let konditor = campaigns.into_iter().find(|c| c.title == "Konditor").expect("the saved campaign");
    assert_eq!(konditor.language.as_deref(), Some("de"));
    assert_eq!(konditor.time_zone.as_deref(), Some("Europe/Berlin"));
    let four_pm_utc = "2030-01-15T16:00:00Z".parse::<jiff::Timestamp>().expect("instant").as_millisecond();
    assert_eq!(konditor.deadline, Timestamp(four_pm_utc), "17:00 in Berlin is 16:00 UTC in winter");

    // Opened again from the store, the editor shows it as it was typed.
    wait_for(&mut h, "Konditor\n", 10);
    h.get_by_label_contains("Konditor\n").click();
    h.step();
    h.step();
    assert_eq!(h.get_by_label("Deadline (Europe/Berlin)").value().as_deref(), Some("2030-01-15 17:00"));
    assert_eq!(h.get_by_label("Candidates' language").value().as_deref(), Some("Deutsch"));
}

#[test]
fn create_invite_receive_review_and_the_candidate_sees_the_decision() {
    let employer = tempfile::tempdir().expect("tempdir");
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "Employer node", 10);
    wait_for(&mut h, "direct (127.0.0.1", 20);

    // A campaign from the editor.
    click(&mut h, "New campaign");
    wait_for(&mut h, "Title", 5);
    type_into(&mut h, "Title", "Barista");
    type_into(&mut h, "Role", "Barista, weekend shifts");
    // Far ahead: the candidate below is the command line, on the computer's own clock.
    type_into(&mut h, "Deadline (UTC)", "2099-01-01 17:00");
    click(&mut h, "Save campaign");
    wait_for(&mut h, "Saved \"Barista\"", 10);

    // An invite, shown as text and as a QR code.
    click(&mut h, "Invites");
    type_into(&mut h, "Name", "Ada");
    click(&mut h, "Invite");
    wait_for(&mut h, "Copy ticket for Ada", 10);
    a11y::assert_all_named(&h, "invites");
    assert!(h.query_by_label("QR code of the ticket").is_some());
    let ticket = on_screen(&h).into_iter().find(|t| t.starts_with("pvinvite1")).expect("the ticket's text");
    let campaign = Ticket::decode(&ticket).expect("a valid ticket").campaign.to_string();

    // The candidate records, answers and submits from their own computer.
    let cand = tempfile::tempdir().expect("tempdir");
    candidate(cand.path(), &["join", &ticket]);
    let take = cand.path().join("take.mp4");
    let take_arg = take.to_str().expect("utf-8");
    candidate(
        cand.path(),
        &["record", "--video", "test-pattern", "--audio", "tone", "--seconds", "3", "--size", "320x240", take_arg],
    );
    candidate(cand.path(), &["answer", &campaign, "q1", "--file", take_arg]);
    let submitted = candidate(cand.path(), &["submit", &campaign]);
    assert!(submitted.contains("received by the employer"), "{submitted}");

    // The inbox shows it complete, with a toast.
    click(&mut h, "Candidates");
    wait_for(&mut h, "complete", 20);
    assert!(h.query_by_label("New submission from Ada").is_some(), "a toast announces the arrival");
    snapshot(&mut h, "employer_inbox", &[]);
    click(&mut h, "Review Ada");
    wait_for(&mut h, "Play", 20);

    // A comment at a moment, the scorecard, the decision.
    type_into(&mut h, "Comment", "Warm and clear");
    click(&mut h, "Comment at 0:00");
    wait_for(&mut h, "0:00 Employer: Warm and clear", 10);
    for criterion in ["Communication", "Relevant experience", "Motivation"] {
        choose(&mut h, criterion, "4 - good");
        wait_for(&mut h, "Score saved", 10);
    }
    wait_enabled(&mut h, "Submit my scorecard", 10);
    click(&mut h, "Submit my scorecard");
    wait_for(&mut h, "Scorecards side by side", 10);
    type_into(&mut h, "Message to the candidate (optional)", "See you on Tuesday");
    click(&mut h, "Send decision");
    wait_for(&mut h, "Sent to the candidate: advance", 10);
    snapshot(&mut h, "employer_review", &["answer 1", "UTC", "Take 1", "Seek", "0:0"]);

    // Export from the app: a standard MP4 per answer and a summary.
    click(&mut h, "Export");
    wait_for(&mut h, "Exported", 20);
    let exported = employer.path().join("exports").join("ada");
    let names: Vec<String> = std::fs::read_dir(&exported)
        .expect("export directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| Path::new(n).extension().is_some_and(|e| e.eq_ignore_ascii_case("mp4")))
            && names.contains(&"summary.md".to_owned()),
        "{names:?}"
    );

    // The command line on the same data directory while the app (and its node) runs: the
    // recordings store is the app's, reached over the local channel; same files as the app's.
    let cli_dir = employer.path().join("cli-export");
    cli(employer.path(), &["export", "Ada", cli_dir.to_str().expect("utf-8")]);
    for name in &names {
        let (app_file, cli_file) = (exported.join(name), cli_dir.join(name));
        assert_eq!(std::fs::read(&app_file).ok(), std::fs::read(&cli_file).ok(), "{name} differs");
    }
    let shown = cli(employer.path(), &["campaign", "show", &campaign]);
    assert!(shown.contains("Ada") && shown.contains("decided"), "{shown}");

    // The candidate's next sync brings "viewed" and the decision with its message.
    candidate(cand.path(), &["sync"]);
    let status = candidate(cand.path(), &["status"]);
    assert!(status.contains("viewed"), "{status}");
    assert!(status.contains("decision: advance") && status.contains("See you on Tuesday"), "{status}");
}

fn snapshot(h: &mut Harness<'_, PeerviewApp>, name: &str, live: &[&str]) {
    h.remove_cursor();
    h.step();
    // Every screen a snapshot is taken of is also one a screen reader can read.
    a11y::assert_all_named(h, name);
    let mut masks = Vec::new();
    for label in live {
        for node in h.query_all_by_label_contains(label) {
            masks.push(node.rect());
        }
    }
    // The node's status bar names its random id and port.
    for node in h.query_all_by_label_contains("Employer node") {
        let r = node.rect();
        masks.push(egui::Rect::from_min_max(egui::pos2(0.0, r.min.y - 2.0), egui::pos2(1280.0, r.max.y + 2.0)));
    }
    for rect in masks {
        h.mask(rect);
    }
    h.snapshot(name);
}

#[test]
fn other_reviewers_scores_stay_hidden_until_ones_own_scorecard_is_in() {
    let employer = tempfile::tempdir().expect("tempdir");
    // A submitted text answer and another reviewer's submitted scorecard, as replication brings.
    let bea = chef_campaign_with_a_submission(employer.path());
    score_as_another_reviewer(employer.path(), &bea);
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "Review Bea", 20);
    click(&mut h, "Review Bea");
    wait_for(&mut h, "Food brings people together.", 10);
    wait_for(&mut h, "1 other reviewer scored this candidate", 10);
    assert!(h.query_by_label("Rita").is_none(), "Rita's scores are hidden before one's own are in");
    for criterion in peerview::campaign_file::DEFAULT_CRITERIA {
        choose(&mut h, criterion, "4 - good");
        wait_for(&mut h, "Score saved", 10);
    }
    wait_enabled(&mut h, "Submit my scorecard", 10);
    click(&mut h, "Submit my scorecard");
    wait_for(&mut h, "Scorecards side by side", 10);
    assert!(h.query_by_label("Rita").is_some(), "side by side after submitting");
    assert_eq!(h.query_all_by_label("3.0").count(), 3, "the average of 2 and 4 for each criterion");
}

#[test]
fn who_else_submitted_shows_from_their_mark_in_the_reviews_without_their_scorecard() {
    let employer = tempfile::tempdir().expect("tempdir");
    // As on a reviewer's computer: Rita's mark that she submitted arrived, her scorecard did not.
    let bea = chef_campaign_with_a_submission(employer.path());
    let store = Store::open(employer.path()).expect("store");
    let mut stored = store.load(DocKind::Reviews, bea.as_str()).expect("reviews");
    let mut doc = peerview_sync::doc::ReviewsDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    doc.mark_submitted(&"rita".parse().expect("id"), "Rita", TODAY).expect("mark");
    stored.doc = doc.into_automerge();
    store.save(&mut stored).expect("save");
    drop(store);
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "Review Bea", 20);
    click(&mut h, "Review Bea");
    wait_for(&mut h, "Food brings people together.", 10);
    wait_for(&mut h, "1 other reviewer scored this candidate", 10);
    assert!(h.query_by_label("Rita").is_none(), "no scores, no name in a scorecard table");
    drop(h);
    // The command line's listing says the same.
    let listing = cli(employer.path(), &["review", "Bea"]);
    assert!(listing.contains("Rita:\n  scores hidden until you submit your own"), "{listing}");
}

#[test]
fn the_employer_deletes_a_submission_after_confirming_and_it_is_gone() {
    let employer = tempfile::tempdir().expect("tempdir");
    let bea = chef_campaign_with_a_submission(employer.path());
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "Review Bea", 20);
    click(&mut h, "Invites");
    click(&mut h, "Delete Bea");
    // Nothing happens until the second click.
    assert!(Store::open(employer.path()).expect("store").submission(&bea).is_ok());
    click(&mut h, "Yes, delete Bea");
    wait_for(&mut h, "Deleted the submission of Bea", 20);
    let store = Store::open(employer.path()).expect("store");
    assert!(store.submission(&bea).is_err() && store.contact(&bea).is_err() && store.reviews(&bea).is_err());
    click(&mut h, "Candidates");
    for _ in 0..20 {
        h.step();
    }
    assert!(h.query_by_label_contains("Review Bea").is_none(), "a deleted submission is not in the inbox");
    click(&mut h, "Invites");
    for _ in 0..5 {
        h.step();
    }
    assert!(h.query_by_label_contains("Delete Bea").is_none(), "{:#?}", on_screen(&h));
}

#[test]
fn the_chosen_campaign_tab_filter_and_sort_are_kept_across_restarts() {
    let employer = tempfile::tempdir().expect("tempdir");
    chef_campaign_with_a_submission(employer.path());
    // A newer campaign, which the list shows first and a first start chooses.
    let store = Store::open(employer.path()).expect("store");
    let text = "title = \"Baker\"\nrole = \"Baker\"\ndeadline = 2099-01-01T00:00:00Z\n[[question]]\nprompt = \"Why bread?\"\nanswer = \"text\"\n";
    let baker = peerview::campaign_file::parse("c.toml", text, Timestamp(TODAY.0 + 1000)).expect("campaign");
    store.create_campaign(&baker).expect("create");
    drop(store);
    {
        let mut h = employer_app(employer.path());
        wait_for(&mut h, "Chef\n", 20);
        assert!(h.query_by_label("Baker").is_some(), "the newest campaign is chosen at first");
        h.get_by_label_contains("Chef\n").click();
        wait_for(&mut h, "Review Bea", 10);
        type_into(&mut h, "Filter", "bea");
        choose(&mut h, "Sort by", "name");
        click(&mut h, "Invites");
    }
    let place = Settings::load(employer.path()).expect("settings").review;
    assert_eq!((place.tab, place.filter.as_str(), place.sort), (ReviewTab::Invites, "bea", InboxSort::Name));

    // The next start is where the last one ended.
    let mut h = employer_app(employer.path());
    wait_for(&mut h, "Invite reviewer", 20);
    assert!(h.query_by_label("Chef").is_some() && h.query_by_label("Baker").is_none(), "{:#?}", on_screen(&h));
    click(&mut h, "Candidates");
    wait_for(&mut h, "Review Bea", 10);
    assert_eq!(h.get_by_label("Filter").value().as_deref(), Some("bea"));
    assert_eq!(h.get_by_label("Sort by").value().as_deref(), Some("name"));
}

/// Wait until `label` shows on `h`, stepping `other` too (two apps that talk to each other).
fn wait_for_either(h: &mut Harness<'_, PeerviewApp>, other: &mut Harness<'_, PeerviewApp>, label: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.query_by_label_contains(label).is_none() {
        assert!(Instant::now() < deadline, "{what}: {:#?}", on_screen(h));
        h.step();
        other.step();
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A campaign with one written question, and Bea's submitted answer.
fn chef_campaign_with_a_submission(dir: &Path) -> peerview_sync::CandidateId {
    let store = Store::open(dir).expect("store");
    let text = "title = \"Chef\"\nrole = \"Chef\"\ndeadline = 2099-01-01T00:00:00Z\n[[question]]\nid = \"why\"\nprompt = \"Why cook?\"\nanswer = \"text\"\n";
    let campaign = peerview::campaign_file::parse("c.toml", text, TODAY).expect("campaign");
    store.create_campaign(&campaign).expect("create");
    let node = TicketNode { endpoint_id: [1; 32], addrs: vec!["127.0.0.1:1".parse().expect("addr")], relay_url: None };
    let ticket =
        peerview_sync::employer::invite_candidate(&store, &campaign.id, "Bea", None, vec![node]).expect("invite");
    let Invitee::Candidate(bea) = ticket.invitee else { panic!("a candidate ticket") };
    let mut stored = store.load(DocKind::Submission, bea.as_str()).expect("submission");
    let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("doc");
    let answer = Answer::Text(TextAnswer { text: "Food brings people together.".into(), written_at: TODAY });
    doc.set_answer(&"why".parse().expect("id"), &answer).expect("answer");
    doc.mark_submitted(TODAY, "candidate").expect("submit");
    stored.doc = doc.into_automerge();
    store.save(&mut stored).expect("save");
    bea
}

fn score_as_another_reviewer(dir: &Path, candidate: &peerview_sync::CandidateId) {
    let store = Store::open(dir).expect("store");
    let campaign = store.submission(candidate).expect("submission").campaign_id;
    let rita = "rita".parse().expect("id");
    let mut doc = peerview_sync::ScorecardDoc::create(&campaign, candidate, &rita, "Rita").expect("doc");
    for criterion in peerview::campaign_file::DEFAULT_CRITERIA {
        doc.set_score(criterion, 2).expect("score");
    }
    doc.submit(TODAY).expect("submit");
    let id = peerview_sync::scorecard_id(candidate, &rita);
    store.create(DocKind::Scorecard, &id, doc.into_automerge()).expect("create");
}

/// Score every criterion and hand the scorecard in.
fn score_all(h: &mut Harness<'_, PeerviewApp>, option: &str) {
    for criterion in peerview::campaign_file::DEFAULT_CRITERIA {
        choose(h, criterion, option);
        wait_for(h, "Score saved", 10);
    }
    wait_enabled(h, "Submit my scorecard", 10);
    click(h, "Submit my scorecard");
    wait_for(h, "Scorecards side by side", 10);
}

#[test]
fn a_reviewer_on_another_computer_joins_scores_and_the_scorecards_merge() {
    let employer = tempfile::tempdir().expect("tempdir");
    chef_campaign_with_a_submission(employer.path());
    let mut boss = employer_app(employer.path());
    wait_for(&mut boss, "direct (127.0.0.1", 20);
    click(&mut boss, "Invites");
    type_into(&mut boss, "Reviewer name", "Rita");
    click(&mut boss, "Invite reviewer");
    wait_for(&mut boss, "Copy ticket for Rita", 10);
    let ticket = on_screen(&boss).into_iter().find(|t| t.starts_with("pvreview1")).expect("the reviewer ticket");

    // Rita, on her own computer, joins and scores first.
    let reviewer_dir = tempfile::tempdir().expect("tempdir");
    let mut rita = app(reviewer_dir.path(), Role::Reviewer);
    wait_for(&mut rita, "Join as a reviewer", 10);
    type_into(&mut rita, "Reviewer ticket", &ticket);
    click(&mut rita, "Join");
    wait_for(&mut rita, "Review Bea", 30);
    click(&mut rita, "Review Bea");
    wait_for(&mut rita, "Food brings people together.", 10);
    score_all(&mut rita, "2 - weak");

    // The employer sees that someone scored, but not what, until scoring too.
    click(&mut boss, "Candidates");
    wait_for(&mut boss, "Review Bea", 10);
    click(&mut boss, "Review Bea");
    wait_for(&mut boss, "1 other reviewer scored this candidate", 30);
    assert!(boss.query_by_label("Rita").is_none());
    score_all(&mut boss, "4 - good");
    assert!(boss.query_by_label("Rita").is_some());
    // The averages follow the snapshot that carries the last score (a moment after the toast).
    let deadline = Instant::now() + Duration::from_secs(10);
    while boss.query_all_by_label("3.0").count() != 3 {
        assert!(Instant::now() < deadline, "the averages are not 3.0 for each criterion: {:#?}", on_screen(&boss));
        boss.step();
        std::thread::sleep(Duration::from_millis(30));
    }
    // And Rita's screen shows both after her next sync.
    let deadline = Instant::now() + Duration::from_secs(30);
    while rita.query_all_by_label("3.0").count() < 3 {
        assert!(Instant::now() < deadline, "the employer's scores did not reach Rita: {:#?}", on_screen(&rita));
        rita.step();
        boss.step();
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `peerview serve` in its own process, stopped when dropped.
struct Serve(std::process::Child);

impl Serve {
    fn start(dir: &Path) -> Serve {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_peerview"))
            .args(["--relay", "disabled", "--data-dir"])
            .arg(dir)
            .args(["serve", "--bind", "127.0.0.1:0", "--replicate-every", "1"])
            .env_remove("PEERVIEW_DATA_DIR")
            .env("PEERVIEW_LANG", "en")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start peerview serve");
        let stdout = child.stdout.take().expect("stdout");
        let ready = BufReader::new(stdout).lines().map_while(Result::ok).any(|l| l.starts_with("Ready"));
        assert!(ready, "peerview serve did not start");
        Serve(child)
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_employer_app_on_a_hub_replicates_with_the_office_node() {
    // The office runs `peerview serve`; a colleague's laptop joined it as an employer-side node
    // and uses the app, with no `serve` of its own.
    let office = tempfile::tempdir().expect("tempdir");
    let file = office.path().join("c.toml");
    std::fs::write(&file, "title = \"Florist\"\nrole = \"Florist\"\ndeadline = 2099-01-01T00:00:00Z\n[[question]]\nid = \"why\"\nprompt = \"Why flowers?\"\nanswer = \"text\"\n").expect("write");
    let created = candidate(office.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]);
    let campaign = created
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 16 && l.chars().all(|c| c.is_ascii_alphanumeric()))
        .expect("the campaign id")
        .to_owned();
    let _office_node = Serve::start(office.path());
    let hub_ticket = candidate(office.path(), &["hub", "invite", &campaign, "--name", "Laptop"]);
    let hub_ticket = hub_ticket.lines().find(|l| l.starts_with("pvhub1")).expect("a hub ticket").to_owned();
    let laptop = tempfile::tempdir().expect("tempdir");
    candidate(laptop.path(), &["join", &hub_ticket]);
    // Invited before the laptop's node ever ran, so the ticket lists the office node only.
    let invite = candidate(office.path(), &["invite", &campaign, "--name", "Zoe"]);
    let invite = invite.lines().find(|l| l.starts_with("pvinvite1")).expect("an invite").to_owned();
    assert_eq!(Ticket::decode(&invite).expect("ticket").nodes.len(), 1);
    let mut h = employer_app(laptop.path());
    wait_for(&mut h, "direct (127.0.0.1", 20);

    // The candidate submits to the office node.
    let zoe = tempfile::tempdir().expect("tempdir");
    candidate(zoe.path(), &["join", &invite]);
    candidate(zoe.path(), &["answer", &campaign, "why", "--text", "They say what words cannot."]);
    let submitted = candidate(zoe.path(), &["submit", &campaign]);
    assert!(submitted.contains("received by the employer"), "{submitted}");

    // The laptop's app gets it by replication, as `serve` would.
    wait_for(&mut h, "complete", 30);
    click(&mut h, "Review Zoe");
    wait_for(&mut h, "They say what words cannot.", 20);
}

#[test]
fn a_candidate_asks_the_employer_is_told_replies_and_grants_more_time() {
    let employer = tempfile::tempdir().expect("tempdir");
    let store = Store::open(employer.path()).expect("store");
    let text = "title = \"Baker\"\nrole = \"Baker\"\ndeadline = 2099-01-01T00:00:00Z\n[[question]]\nid = \"why\"\nprompt = \"Why bread?\"\nanswer = \"text\"\n";
    let campaign = peerview::campaign_file::parse("c.toml", text, TODAY).expect("campaign");
    store.create_campaign(&campaign).expect("create");
    drop(store);
    let mut boss = employer_app(employer.path());
    wait_for(&mut boss, "direct (127.0.0.1", 20);
    // Dan is invited (the command line, while the app's node runs) and joins.
    let invite = cli(employer.path(), &["invite", campaign.id.as_str(), "--name", "Dan"]);
    let ticket = invite.split_whitespace().find(|w| w.starts_with("pvinvite1")).expect("a ticket").to_owned();
    let cand = tempfile::tempdir().expect("tempdir");
    candidate(cand.path(), &["join", &ticket]);
    let mut dan = app(cand.path(), Role::Candidate);
    wait_for(&mut dan, "Open Baker", 20);
    click(&mut dan, "Open Baker");
    click(&mut dan, "Messages with the employer");

    // Dan asks; the employer's app announces it and counts it unread.
    type_into(&mut dan, "Your message", "Do I need my own apron?");
    click(&mut dan, "Send message");
    wait_for(&mut dan, "0 / 4000 characters", 10);
    click(&mut boss, "Candidates");
    wait_for_either(&mut boss, &mut dan, "1 new message", "no unread message at the employer");
    // A toast announces it (an egui area shows from the frame after it appears).
    wait_for(&mut boss, "New message from Dan", 5);
    click(&mut boss, "Review Dan");
    wait_for(&mut boss, "Do I need my own apron?", 10);
    type_into(&mut boss, "Message to the candidate", "No, we have aprons.");
    click(&mut boss, "Send message");
    wait_for(&mut boss, "Message kept", 10);

    // Dan sees the reply, then asks for more time; the employer grants it with one click.
    wait_for_either(&mut dan, &mut boss, "No, we have aprons.", "the reply did not reach Dan");
    type_into(&mut dan, "Your message", "My oven broke.");
    click(&mut dan, "Ask for more time");
    wait_for_either(&mut boss, &mut dan, "Grant 3 more days", "the request did not reach the employer");
    click(&mut boss, "Grant 3 more days before the deadline");
    wait_for(&mut boss, "Request granted", 10);
    wait_for_either(&mut dan, &mut boss, "(granted)", "the grant did not reach Dan");
    // The grant is Dan's own extension now.
    let dan_store = Store::open(cand.path()).expect("store");
    let ticket = Ticket::decode(&ticket).expect("ticket");
    let s = dan_store.submission_of(&ticket).expect("read").expect("submission");
    assert_eq!(s.accommodations.extension_secs, 3 * 86_400);
}

/// The employer's screens with the text zoomed to 200 % in a 1280×720 window: nothing is cut off
/// at the right edge (what is taller than the window scrolls).
#[test]
fn the_employers_screens_fit_at_200_percent() {
    let employer = tempfile::tempdir().expect("tempdir");
    chef_campaign_with_a_submission(employer.path());
    let mut h = employer_app(employer.path());
    h.ctx.set_zoom_factor(2.0);
    let fits = |h: &mut Harness<'_, PeerviewApp>, screen: &str| {
        for _ in 0..3 {
            h.step();
        }
        let cut = a11y::cut_off(h, 1280.0);
        assert!(cut.is_empty(), "at 200 % on the {screen} screen, cut off: {cut:#?}");
    };
    wait_for(&mut h, "Review Bea", 20);
    fits(&mut h, "inbox");
    click(&mut h, "Invites");
    fits(&mut h, "invites");
    click(&mut h, "Campaign");
    fits(&mut h, "campaign editor");
    click(&mut h, "Candidates");
    click(&mut h, "Review Bea");
    wait_for(&mut h, "Food brings people together.", 20);
    fits(&mut h, "submission");
}
