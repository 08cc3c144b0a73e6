//! The candidate's journey through the real app (`egui_kittest`, no display): open an invite,
//! check devices with a test recording, practise, answer a video question with a retake (one
//! take stopped by hand, one by the time limit), answer a text question, submit, and watch the
//! submission arrive at an employer node running in this process. The camera and microphone are
//! synthetic; every countdown runs on a fake clock.

#[path = "a11y/mod.rs"]
mod a11y;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peerview::gui::devices::SyntheticDevices;
use peerview::gui::{AppEnv, PeerviewApp};
use peerview::i18n::Lang;
use peerview::ops::Net;
use peerview::settings::{Role, Settings};
use peerview_media::player::ManualTime;
use peerview_media::source::VideoFormat;
use peerview_sync::auth::Quota;
use peerview_sync::doc::{Answer, Overrides, SubmissionDoc};
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::{CampaignId, DocKind, ManualClock, Store, Timestamp};

/// The date every screen sees: snapshots must not depend on the day the tests run.
const TODAY: Timestamp = Timestamp(1_893_456_000_000); // 2030-01-01 00:00 UTC

const CAMPAIGN: &str = r#"
title = "Support engineer"
role = "Customer support, second line"
instructions = "Take your time. Speak as you would to a customer."
deadline = 2099-01-01T00:00:00Z
[practice]
prompt = "Tell us what you had for breakfast."
answer = "video"
think_secs = 5
answer_limit_secs = 20
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
think_secs = 10
answer_limit_secs = 30
max_takes = 3
[[question]]
id = "why"
prompt = "Why this job?"
answer = "text"
"#;

/// An employer node in this process, on loopback, relays disabled.
struct Employer {
    runtime: tokio::runtime::Runtime,
    service: Arc<EmployerService>,
    _router: Box<dyn std::any::Any>,
    store: Arc<Store>,
    campaign: CampaignId,
    _dir: tempfile::TempDir,
}

impl Employer {
    fn start() -> Employer {
        Employer::start_with(CAMPAIGN)
    }

    fn start_with(campaign_toml: &str) -> Employer {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(Store::open(dir.path()).expect("store"));
        // The employer's computer is in UTC: a campaign without a time zone takes its author's,
        // and the screens must not depend on the zone of the computer running the tests.
        peerview::fmt::set_thread_zone(Some(jiff::tz::TimeZone::UTC));
        let campaign = peerview::campaign_file::parse("campaign.toml", campaign_toml, TODAY).expect("campaign");
        store.create_campaign(&campaign).expect("create campaign");
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let config = NodeConfig::direct("127.0.0.1:0".parse().expect("addr"));
        let node = runtime.block_on(Node::start(store.clone(), &config)).expect("employer node");
        let service = EmployerService::with_clock(node, Quota::default(), Arc::new(ManualClock::new(TODAY)));
        let router = {
            let _guard = runtime.enter();
            service.spawn_router()
        };
        Employer { runtime, service, _router: Box::new(router), store, campaign: campaign.id, _dir: dir }
    }

    fn invite(&self, name: &str) -> String {
        let address = self.runtime.block_on(self.service.node.ticket_node());
        employer::invite_candidate(&self.store, &self.campaign, name, None, vec![address]).expect("invite").encode()
    }

    /// Give the (first) invited candidate accommodations, as the employer's screen does.
    fn accommodate(&self, overrides: Overrides) {
        let candidate = self.store.roster(&self.campaign).expect("roster").candidates[0].id.clone();
        let mut stored = self.store.load(DocKind::Submission, candidate.as_str()).expect("submission");
        let mut doc = SubmissionDoc::from_automerge(std::mem::take(&mut stored.doc)).expect("submission doc");
        doc.set_accommodations(&overrides).expect("accommodations");
        stored.doc = doc.into_automerge();
        self.store.save(&mut stored).expect("save");
    }
}

struct Candidate {
    clock: Arc<ManualTime>,
    /// The candidate computer's date, pinned.
    wall_clock: Arc<ManualClock>,
    dir: tempfile::TempDir,
}

impl Candidate {
    fn new() -> Candidate {
        Candidate {
            clock: Arc::new(ManualTime::default()),
            wall_clock: Arc::new(ManualClock::new(TODAY)),
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }
}

fn candidate_app(candidate: &Candidate) -> Harness<'static, PeerviewApp> {
    candidate_app_in(candidate, Lang::En)
}

/// The app on a computer whose system language is `language`.
fn candidate_app_in(candidate: &Candidate, language: Lang) -> Harness<'static, PeerviewApp> {
    let store = Arc::new(Store::open(candidate.dir.path()).expect("candidate store"));
    let env = AppEnv {
        data_dir: candidate.dir.path().to_owned(),
        store,
        net: Net { relay: RelaySetting::Disabled, lan_discovery: false, relay_ca: None },
        devices: Arc::new(SyntheticDevices { format: VideoFormat { width: 320, height: 240, fps: 30 }, camera: true }),
        clock: candidate.clock.clone(),
        wall_clock: candidate.wall_clock.clone(),
        sync_every: Duration::from_millis(500),
        ticket: None,
        employer_bind: None,
        time_zone: jiff::tz::TimeZone::UTC,
        system_language: language,
    };
    let settings = Settings { role: Some(Role::Candidate), dark_mode: Some(false), ..Settings::default() };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| PeerviewApp::new(cc.egui_ctx.clone(), env, settings))
}

/// Every label and value on screen, for failure messages.
fn on_screen(h: &Harness<'_, PeerviewApp>) -> Vec<String> {
    h.query_all_by(|_| true).filter_map(|n| n.value().or_else(|| n.accesskit_node().label())).collect()
}

/// Step the app (in real time: devices, network and encoders run on their own threads) until
/// `label` is on screen.
fn wait_for(h: &mut Harness<'_, PeerviewApp>, label: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        h.step();
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        assert!(Instant::now() < deadline, "{label:?} did not appear within {secs} s; on screen: {:#?}", on_screen(h));
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Let real time pass while the app keeps drawing (the recorder records in real time).
fn run_for(h: &mut Harness<'_, PeerviewApp>, duration: Duration) {
    let end = Instant::now() + duration;
    while Instant::now() < end {
        h.step();
        std::thread::sleep(Duration::from_millis(30));
    }
}

fn click(h: &mut Harness<'_, PeerviewApp>, label: &str) {
    let node = h.get_by_label(label);
    assert!(h.ctx.content_rect().contains(node.rect().center()), "{label:?} is off screen at {:?}", node.rect());
    node.click();
    // One frame handles the click, the next draws what it led to.
    h.step();
    h.step();
}

/// The level meter's label, in each language a snapshot is taken in.
const METERS: [&str; 2] = ["Microphone level", "Mikrofonpegel"];

/// An image snapshot (lavapipe renders it without a display); `live` names things that change
/// from run to run (camera, meters), masked out of the comparison.
fn snapshot(h: &mut Harness<'_, PeerviewApp>, name: &str, live: &[&str]) {
    h.remove_cursor();
    h.step();
    // Every screen a snapshot is taken of is also one a screen reader can read.
    a11y::assert_all_named(h, name);
    let mut masks = Vec::new();
    for label in live {
        for node in h.query_all_by_label_contains(label) {
            // A meter's bar sits right of its label.
            let extra = if METERS.contains(label) { 400.0 } else { 0.0 };
            masks.push(node.rect().expand2(egui::vec2(0.0, 2.0)).union(node.rect().translate(egui::vec2(extra, 0.0))));
        }
    }
    for rect in masks {
        h.mask(rect);
    }
    h.snapshot(name);
}

fn take_dirs(data_dir: &Path) -> usize {
    std::fs::read_dir(data_dir.join("takes")).map_or(0, std::iter::Iterator::count)
}

#[test]
fn the_whole_candidate_journey_with_a_retake_reaches_the_employer() {
    let employer = Employer::start();
    let ticket = employer.invite("Ada Lovelace");
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);

    // Home, then the invite.
    wait_for(&mut h, "Your interviews", 10);
    wait_for(&mut h, "You have no interviews yet", 10);
    a11y::assert_all_named(&h, "home");
    click(&mut h, "Open an invite");
    a11y::assert_all_named(&h, "open an invite");
    h.get_by_label("Invite ticket").focus();
    h.step();
    h.get_by_label("Invite ticket").type_text("pvinvite1garbage");
    h.step();
    click(&mut h, "Open interview");
    wait_for(&mut h, "the ticket is damaged or incomplete", 10);
    h.get_by_label("Invite ticket").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.step();
    h.get_by_label("Invite ticket").type_text(&ticket);
    h.step();
    click(&mut h, "Open interview");
    wait_for(&mut h, "Take your time. Speak as you would to a customer.", 20);
    snapshot(&mut h, "candidate_overview", &[]);
    assert!(h.query_by_label_contains("2 questions").is_some());
    assert!(h.query_by_label_contains("video answer, 0:10 to think, up to 0:30, 3 takes").is_some());
    assert!(h.query_by_label_contains("A practice question comes first").is_some());

    // Device check: live preview, level meter, a test recording played back.
    click(&mut h, "Check camera and microphone");
    wait_for(&mut h, "Microphone level", 10);
    wait_for(&mut h, "good", 10);
    a11y::assert_all_named(&h, "device check");
    click(&mut h, "Record a 5-second test");
    run_for(&mut h, Duration::from_millis(1200));
    candidate.clock.advance(Duration::from_secs(5));
    wait_for(&mut h, "Play it back", 20);
    click(&mut h, "Continue to the practice question");

    // Practice: start now, stop, keep; nothing of it is kept.
    wait_for(&mut h, "Practice question (it never counts)", 10);
    assert!(h.query_by_label_contains("Think time 0:05").is_some());
    wait_for(&mut h, "Microphone level", 10);
    click(&mut h, "Start now");
    wait_for(&mut h, "Recording 0:20 left", 10);
    run_for(&mut h, Duration::from_millis(800));
    click(&mut h, "Stop recording");
    wait_for(&mut h, "Keep take 1", 20);
    click(&mut h, "Keep take 1");

    // Question 1: the think time runs out and recording starts by itself.
    wait_for(&mut h, "Question 1 of 2", 10);
    wait_for(&mut h, "Think time 0:10", 10);
    candidate.clock.advance(Duration::from_secs(10));
    wait_for(&mut h, "Recording 0:30 left", 10);
    run_for(&mut h, Duration::from_millis(2600));
    candidate.clock.advance(Duration::from_secs(3));
    h.step();
    click(&mut h, "Stop recording");
    wait_for(&mut h, "Keep take 1", 20);
    assert!(h.query_by_label_contains("Record again (2 of 3 takes left)").is_some());
    click(&mut h, "Record again (2 of 3 takes left)");
    wait_for(&mut h, "Think time 0:", 10);
    click(&mut h, "Start now");
    run_for(&mut h, Duration::from_millis(1500));
    // The last ten seconds are announced; the limit stops the take.
    candidate.clock.advance(Duration::from_secs(25));
    wait_for(&mut h, "5 seconds left: time to wrap up", 10);
    snapshot(&mut h, "candidate_recording", &["Camera preview", "Microphone level"]);
    candidate.clock.advance(Duration::from_secs(5));
    wait_for(&mut h, "Keep take 2", 20);
    assert!(h.query_by_label_contains("Record again (1 of 3 takes left)").is_some());
    assert_eq!(take_dirs(candidate.dir.path()), 2, "both takes of question 1 are on disk until one is kept");
    click(&mut h, "Keep take 2");

    // Question 2: a written answer with a character count.
    wait_for(&mut h, "Question 2 of 2", 20);
    candidate.clock.advance(Duration::from_secs(30));
    wait_for(&mut h, "Your answer", 10);
    h.get_by_label("Your answer").focus();
    h.step();
    h.get_by_label("Your answer").type_text("I enjoy solving problems for people.");
    h.step();
    assert!(h.query_by_label("36 characters").is_some());
    click(&mut h, "Save answer");

    // Summary, submit, and the status timeline until the employer's receipt.
    wait_for(&mut h, "Your answers", 20);
    assert!(h.query_by_label_contains("Introduce yourself.: recorded").is_some());
    assert!(h.query_by_label_contains("Why this job?: written (36 characters)").is_some());
    click(&mut h, "Submit");
    wait_for(&mut h, "Support engineer: your submission", 20);
    wait_for(&mut h, "The employer has received your answers.", 60);
    snapshot(&mut h, "candidate_status", &[]);
    assert_eq!(take_dirs(candidate.dir.path()), 0, "kept and discarded takes are cleaned up");

    // The employer holds the kept take (take 2), verified, and the text.
    let roster = employer.store.roster(&employer.campaign).expect("roster");
    let submission = employer.store.submission(&roster.candidates[0].id).expect("submission");
    let Some(Answer::Recording(take)) = submission.answers.get(&"intro".parse().expect("id")) else {
        panic!("no recording for intro: {submission:?}");
    };
    assert_eq!(take.take_number, 2);
    assert!(take.duration_ms >= 1000, "{} ms", take.duration_ms);
    assert!(employer.runtime.block_on(employer.service.node.has_recording(&take.hash)));
    assert!(
        matches!(submission.answers.get(&"why".parse().expect("id")), Some(Answer::Text(t)) if t.text == "I enjoy solving problems for people.")
    );

    // The candidate withdraws (a second click confirms): the employer deletes everything and
    // the candidate's screen shows the receipt.
    let candidate_id = roster.candidates[0].id.clone();
    click(&mut h, "Withdraw my application");
    click(&mut h, "Yes, withdraw");
    wait_for(&mut h, "Your submission was deleted.", 60);
    assert!(h.query_by_label_contains("withdrawn at the candidate's request").is_some());
    assert!(employer.store.submission(&candidate_id).is_err(), "the employer still holds the submission");
    assert!(employer.store.contact(&candidate_id).is_err(), "the employer still holds the name");
    let deadline = Instant::now() + Duration::from_secs(30);
    while employer.runtime.block_on(employer.service.node.has_recording(&take.hash)) {
        assert!(Instant::now() < deadline, "the employer still holds the recording");
        std::thread::sleep(Duration::from_millis(100));
    }
}

const TWO_VIDEO_QUESTIONS: &str = r#"
title = "Warehouse lead"
role = "Warehouse lead"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
think_secs = 10
answer_limit_secs = 30
[[question]]
id = "safety"
prompt = "Tell us about a safety problem you solved."
answer = "video"
think_secs = 10
answer_limit_secs = 30
max_takes = 2
"#;

#[test]
fn deadlines_count_down_and_close_by_the_apps_clock() {
    let employer = Employer::start_with(TWO_VIDEO_QUESTIONS);
    let ticket = employer.invite("Cy");
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    open_invite(&mut h, &ticket);
    wait_for(&mut h, "Check camera and microphone", 20);
    assert!(
        h.query_by_label_contains("Deadline: 2099-01-01 00:00 UTC (in 25202 days)").is_some(),
        "the countdown is from the app's clock (2030-01-01): {:#?}",
        on_screen(&h)
    );
    // A day after the deadline on the candidate's computer: the interview is closed.
    candidate.wall_clock.set(Timestamp(4_070_995_200_000)); // 2099-01-02 00:00 UTC
    wait_for(&mut h, "The deadline passed on 2099-01-01 00:00 UTC", 5);
    assert!(h.query_by_label("Check camera and microphone").is_none(), "no way to start after the deadline");
    assert!(h.query_by_label_contains("(1 day ago)").is_some(), "{:#?}", on_screen(&h));
}

#[test]
fn an_invite_link_pasted_on_the_home_screen_opens_the_interview() {
    let employer = Employer::start();
    let link = format!("peerview:join/{}", employer.invite("Grace"));
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    wait_for(&mut h, "paste the invite link or ticket", 10);
    h.event(egui::Event::Paste(link));
    h.step();
    wait_for(&mut h, "Take your time. Speak as you would to a customer.", 20);
}

#[cfg(unix)]
#[test]
fn an_invite_link_opened_elsewhere_is_handed_to_the_running_app() {
    let employer = Employer::start();
    let link = format!("peerview:join/{}", employer.invite("Edsger"));
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    wait_for(&mut h, "You have no interviews yet", 10);
    // What `peerview gui peerview:join/...` (a clicked link) does when the app already runs.
    let handed = peerview::ops::local::hand_over(candidate.dir.path(), &link).expect("the running app answers");
    assert!(handed, "the running app took the invite");
    wait_for(&mut h, "Take your time. Speak as you would to a customer.", 20);
}

/// Open the invite from the home screen.
fn open_invite(h: &mut Harness<'_, PeerviewApp>, ticket: &str) {
    wait_for(h, "Your interviews", 10);
    click(h, "Open an invite");
    h.get_by_label("Invite ticket").type_text(ticket);
    h.step();
    h.key_press(egui::Key::Enter);
    h.step();
}

/// A take interrupted by a crash: whole fragments on disk, a torn one after them, the status
/// still "in progress", and the note of which answer it belongs to.
fn crashed_take(data_dir: &Path, candidate: &str, question: &str) {
    use peerview_media::record::{RecordConfig, TakeRecorder};
    use peerview_media::source::{AudioSource, Pacing, SyntheticAudio, TestPattern, VideoSource};
    let dir = data_dir.join("takes").join("crashed");
    let format = VideoFormat { width: 320, height: 240, fps: 30 };
    let mut recorder = TakeRecorder::create(&dir, RecordConfig::for_format(Some(format))).expect("recorder");
    let mut video = TestPattern::new(format, Pacing::Unpaced);
    let mut audio = SyntheticAudio::tone(440.0, 0.3, Pacing::Unpaced);
    for _ in 0..(5 * 30) {
        recorder.push_video(&video.next_frame().expect("frame")).expect("video");
        recorder.push_audio(&audio.next_chunk().expect("chunk")).expect("audio");
    }
    drop(recorder); // the crash: no finish, status stays in progress
    let file = dir.join(peerview_media::record::TAKE_FILE);
    let mut bytes = std::fs::read(&file).expect("take");
    bytes.extend_from_slice(&[0x42; 777]);
    std::fs::write(&file, bytes).expect("torn tail");
    let meta = format!(r#"{{"candidate":"{candidate}","question":"{question}","take_number":1}}"#);
    std::fs::write(dir.join("answer.json"), meta).expect("meta");
}

#[test]
fn closing_mid_interview_resumes_at_the_first_unanswered_question_and_a_crashed_take_comes_back() {
    let employer = Employer::start_with(TWO_VIDEO_QUESTIONS);
    let ticket = employer.invite("Bo");
    let candidate = Candidate::new();
    {
        let mut h = candidate_app(&candidate);
        open_invite(&mut h, &ticket);
        wait_for(&mut h, "Check camera and microphone", 20);
        click(&mut h, "Check camera and microphone");
        wait_for(&mut h, "Microphone level", 10);
        click(&mut h, "Start the interview");
        wait_for(&mut h, "Question 1 of 2", 10);
        click(&mut h, "Start now");
        run_for(&mut h, Duration::from_millis(1500));
        click(&mut h, "Stop recording");
        wait_for(&mut h, "Keep take 1", 20);
        // Keyboard: K keeps the latest take.
        h.key_press(egui::Key::K);
        h.step();
        wait_for(&mut h, "Question 2 of 2", 20);
        // The window closes here, in the middle of the interview.
    }
    let store = Store::open(candidate.dir.path()).expect("store");
    let membership = store.memberships().expect("memberships").remove(0);
    drop(store);
    crashed_take(candidate.dir.path(), membership.invitee.id(), "safety");

    let mut h = candidate_app(&candidate);
    wait_for(&mut h, "1 of 2 answered", 20);
    click(&mut h, "Open Warehouse lead");
    wait_for(&mut h, "Continue with question 2 of 2", 10);
    click(&mut h, "Continue with question 2 of 2");
    wait_for(&mut h, "Question 2 of 2", 10);
    // The crashed take is back, cut to its whole fragments, ready to keep or redo.
    wait_for(&mut h, "Keep take 1", 10);
    assert!(h.query_by_label_contains("Record again (1 of 2 takes left)").is_some());
    click(&mut h, "Keep take 1");
    wait_for(&mut h, "Your answers", 20);
    click(&mut h, "Submit");
    wait_for(&mut h, "The employer has received your answers.", 60);

    let roster = employer.store.roster(&employer.campaign).expect("roster");
    let submission = employer.store.submission(&roster.candidates[0].id).expect("submission");
    let Some(Answer::Recording(take)) = submission.answers.get(&"safety".parse().expect("id")) else {
        panic!("no recording for the second question: {submission:?}");
    };
    assert!(
        (3000..=5100).contains(&take.duration_ms),
        "the recovered take keeps its whole fragments: {} ms",
        take.duration_ms
    );
    assert!(employer.runtime.block_on(employer.service.node.has_recording(&take.hash)));
}

#[test]
fn an_unreachable_employer_is_explained_and_the_ticket_stays_valid() {
    use peerview_sync::ticket::{Invitee, Ticket, TicketNode};
    // A well-formed ticket for a node nobody runs.
    let port = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let ticket = Ticket {
        campaign: CampaignId::random(),
        invitee: Invitee::Candidate(peerview_sync::CandidateId::random()),
        secret: Ticket::new_secret(),
        nodes: vec![TicketNode {
            endpoint_id: *iroh_key(),
            addrs: vec![format!("127.0.0.1:{port}").parse().expect("addr")],
            relay_url: None,
        }],
    }
    .encode();
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    open_invite(&mut h, &ticket);
    wait_for(&mut h, "could not be reached", 30);
    assert!(h.query_by_label_contains("the ticket stays valid").is_some());
    wait_for(&mut h, "Offline: everything is saved on this computer", 10);
}

/// A valid endpoint id (an ed25519 public key) of a node that is gone: started once, then shut down.
fn iroh_key() -> &'static [u8; 32] {
    static KEY: std::sync::OnceLock<[u8; 32]> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("store");
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        let config = NodeConfig::direct("127.0.0.1:0".parse().expect("addr"));
        let node = runtime.block_on(Node::start(Arc::new(store), &config)).expect("node");
        let id = *node.id().as_bytes();
        runtime.block_on(node.shutdown());
        id
    })
}

/// A campaign in German, in Berlin's time zone, for a candidate whose computer is in UTC.
const GERMAN_CAMPAIGN: &str = r#"
title = "Lagerleitung"
role = "Leitung des Lagers, Frühschicht"
instructions = "Nehmen Sie sich Zeit. Sprechen Sie so, wie Sie mit Kundinnen und Kunden sprechen."
language = "de"
time_zone = "Europe/Berlin"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Stellen Sie sich bitte kurz vor."
answer = "video"
think_secs = 10
answer_limit_secs = 30
max_takes = 2
[[question]]
id = "why"
prompt = "Warum möchten Sie bei uns arbeiten?"
answer = "text"
"#;

#[test]
fn a_german_campaign_speaks_german_and_shows_the_candidates_own_limits() {
    let employer = Employer::start_with(GERMAN_CAMPAIGN);
    let ticket = employer.invite("Grete");
    // Half as long again to think and answer, and one more take: the candidate's own limits.
    employer.accommodate(Overrides { extension_secs: 0, extra_time_percent: 50, extra_takes: 1 });
    let candidate = Candidate::new();
    let mut h = candidate_app_in(&candidate, Lang::De);
    wait_for(&mut h, "Ihre Interviews", 10);
    click(&mut h, "Einladung öffnen");
    h.get_by_label("Einladungsticket").type_text(&ticket);
    h.step();
    h.key_press(egui::Key::Enter);
    h.step();
    wait_for(&mut h, "Nehmen Sie sich Zeit.", 20);
    wait_for(&mut h, "Online: direkt mit dem Arbeitgeber verbunden", 10);
    for line in [
        "2 Fragen. Beantworten Sie alles in einem Durchgang",
        "1. Videoantwort, 0:15 Bedenkzeit, bis zu 0:45, 3 Versuche",
        "2. schriftliche Antwort",
        // In the campaign's zone, and in the candidate's, which differs.
        "Frist: 01.01.2099, 01:00 CET (00:00 UTC bei Ihnen) (in 25202 Tagen)",
    ] {
        assert!(h.query_by_label_contains(line).is_some(), "{line:?} is not on screen: {:#?}", on_screen(&h));
    }
    snapshot(&mut h, "candidate_overview_de", &[]);

    click(&mut h, "Kamera und Mikrofon prüfen");
    wait_for(&mut h, "Mikrofonpegel", 10);
    click(&mut h, "Interview beginnen");
    wait_for(&mut h, "Frage 1 von 2", 10);
    wait_for(&mut h, "Bedenkzeit 0:15", 10);
    candidate.clock.advance(Duration::from_secs(15));
    wait_for(&mut h, "Aufnahme: noch 0:45", 10);
    run_for(&mut h, Duration::from_millis(1500));
    candidate.clock.advance(Duration::from_secs(40));
    wait_for(&mut h, "Noch 5 Sekunden: Zeit, zum Schluss zu kommen", 10);
    snapshot(&mut h, "candidate_recording_de", &["Kameravorschau", "Mikrofonpegel"]);
    candidate.clock.advance(Duration::from_secs(5));
    wait_for(&mut h, "Aufnahme 1 behalten", 20);
    assert!(h.query_by_label_contains("Noch einmal aufnehmen (2 von 3 Versuchen übrig)").is_some());
}

#[test]
fn a_campaign_in_french_shows_french_while_the_home_list_keeps_the_apps_language() {
    let employer = Employer::start_with(&format!("language = \"fr\"\n{CAMPAIGN}"));
    let ticket = employer.invite("Marie");
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    open_invite(&mut h, &ticket);
    wait_for(&mut h, "Comment ça se passe", 20);
    for line in [
        "Retour à vos entretiens",
        "2 questions. Répondez en une seule fois ou revenez plus tard",
        "1. réponse vidéo, 0:10 de réflexion, jusqu’à 0:30, 3 prises",
        "Une question d’entraînement vient d’abord",
        "Date limite : 01/01/2099 00:00 UTC (dans 25202 jours)",
        "Vérifier la caméra et le micro",
        // The employer's own words stay as written.
        "Take your time. Speak as you would to a customer.",
    ] {
        assert!(h.query_by_label_contains(line).is_some(), "{line:?} is not on screen: {:#?}", on_screen(&h));
    }
    assert!(h.query_by_label_contains("How it works").is_none(), "{:#?}", on_screen(&h));

    click(&mut h, "Retour à vos entretiens");
    wait_for(&mut h, "Your interviews", 10);
    for line in ["Open Support engineer", "Status: not started", "Deadline 2099-01-01 00:00 UTC (in 25202 days)"] {
        assert!(h.query_by_label_contains(line).is_some(), "{line:?} is not on screen: {:#?}", on_screen(&h));
    }
    assert!(h.query_by_label_contains("Vos entretiens").is_none(), "{:#?}", on_screen(&h));
}

/// Press a key (one frame handles it, the next draws what it led to).
fn press(h: &mut Harness<'_, PeerviewApp>, key: egui::Key) {
    h.key_press(key);
    h.step();
    h.step();
}

/// Tab to the control labelled `label` and press Enter on it.
fn activate(h: &mut Harness<'_, PeerviewApp>, label: &str) {
    a11y::tab_to(h, label, 40);
    press(h, egui::Key::Enter);
}

/// Nothing on screen is cut off at the window's right edge (text zoomed to 200 %).
fn assert_fits(h: &mut Harness<'_, PeerviewApp>, screen: &str) {
    h.step();
    let cut = a11y::cut_off(h, 1280.0);
    assert!(cut.is_empty(), "at 200 % on the {screen} screen, cut off: {cut:#?}");
}

/// The whole journey by keyboard alone (Tab to move, Enter to press, Space to start and stop,
/// typing into fields), with the text zoomed to 200 % in a 1280×720 window, where nothing may be
/// cut off; a screen reader hears the countdowns at their start and as time runs out.
#[test]
fn the_whole_journey_by_keyboard_alone_at_200_percent() {
    let employer = Employer::start();
    let ticket = employer.invite("Ada Lovelace");
    let candidate = Candidate::new();
    let mut h = candidate_app(&candidate);
    h.ctx.set_zoom_factor(2.0);

    wait_for(&mut h, "You have no interviews yet", 10);
    assert_fits(&mut h, "home");
    activate(&mut h, "Open an invite");
    wait_for(&mut h, "Invite ticket", 10);
    assert_fits(&mut h, "open an invite");
    a11y::tab_to(&mut h, "Invite ticket", 40);
    h.event(egui::Event::Text(ticket.clone()));
    h.step();
    press(&mut h, egui::Key::Enter);
    wait_for(&mut h, "Take your time. Speak as you would to a customer.", 20);
    assert_fits(&mut h, "overview");

    // Enter takes the main step, Tab reaches every other.
    activate(&mut h, "Check camera and microphone");
    wait_for(&mut h, "Microphone level", 10);
    assert_fits(&mut h, "device check");
    activate(&mut h, "Continue to the practice question");

    // Practice: Space starts and stops; the countdowns are announced.
    wait_for(&mut h, "Practice question (it never counts)", 10);
    assert_fits(&mut h, "think time");
    assert_eq!(live_regions(&h), ["Think time. Recording starts in 5 s."]);
    press(&mut h, egui::Key::Space);
    wait_for(&mut h, "Recording 0:20 left", 10);
    assert_eq!(live_regions(&h), ["Recording. You have 20 s."]);
    assert_fits(&mut h, "recording");
    run_for(&mut h, Duration::from_millis(800));
    candidate.clock.advance(Duration::from_secs(12));
    wait_for(&mut h, "Recording 0:08 left", 10);
    assert_eq!(live_regions(&h), ["10 seconds left"]);
    press(&mut h, egui::Key::Space);
    wait_for(&mut h, "Keep take 1", 20);
    assert_fits(&mut h, "review takes");
    activate(&mut h, "Keep take 1");

    // Question 1: the think time runs out, recording starts by itself, Space stops it.
    wait_for(&mut h, "Question 1 of 2", 10);
    candidate.clock.advance(Duration::from_secs(10));
    wait_for(&mut h, "Recording 0:30 left", 10);
    run_for(&mut h, Duration::from_millis(1500));
    candidate.clock.advance(Duration::from_secs(2));
    h.step();
    press(&mut h, egui::Key::Space);
    wait_for(&mut h, "Keep take 1", 20);
    activate(&mut h, "Keep take 1");

    // Question 2, written: Tab into the box, type, Tab to Save.
    wait_for(&mut h, "Question 2 of 2", 20);
    candidate.clock.advance(Duration::from_secs(30));
    wait_for(&mut h, "Your answer", 10);
    assert_fits(&mut h, "written answer");
    a11y::tab_to(&mut h, "Your answer", 40);
    h.event(egui::Event::Text("Typed without a mouse.".into()));
    h.step();
    activate(&mut h, "Save answer");

    wait_for(&mut h, "Your answers", 20);
    assert_fits(&mut h, "summary");
    activate(&mut h, "Submit");
    wait_for(&mut h, "The employer has received your answers.", 60);
    assert_fits(&mut h, "status");
    let roster = employer.store.roster(&employer.campaign).expect("roster");
    let submission = employer.store.submission(&roster.candidates[0].id).expect("submission");
    assert!(submission.submitted_at.is_some());
    assert!(
        matches!(submission.answers.get(&"why".parse().expect("id")), Some(Answer::Text(t)) if t.text == "Typed without a mouse.")
    );
}

/// The texts of the live regions on screen (what a screen reader announces when they change).
fn live_regions(h: &Harness<'_, PeerviewApp>) -> Vec<String> {
    // (Children inherit a region's liveness: the region is the outermost live node.)
    let polite = |n: &egui_kittest::kittest::AccessKitNode<'_>| n.live() == egui::accesskit::Live::Polite;
    h.query_all_by(|n| polite(n) && !n.parent().is_some_and(|p| polite(&p)))
        .map(|n| n.accesskit_node().label().or_else(|| n.value()).unwrap_or_default())
        .collect()
}
