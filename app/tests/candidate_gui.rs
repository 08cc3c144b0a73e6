//! The candidate's journey through the real app (egui_kittest, no display): open an invite,
//! check devices with a test recording, practise, answer a video question with a retake (one
//! take stopped by hand, one by the time limit), answer a text question, submit, and watch the
//! submission arrive at an employer node running in this process. The camera and microphone are
//! synthetic; every countdown runs on a fake clock.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peerview::commands::p2p::Net;
use peerview::gui::devices::SyntheticDevices;
use peerview::gui::{AppEnv, PeerviewApp};
use peerview::settings::{Role, Settings};
use peerview_media::player::ManualTime;
use peerview_media::source::VideoFormat;
use peerview_sync::auth::Quota;
use peerview_sync::doc::Answer;
use peerview_sync::employer::{self, EmployerService};
use peerview_sync::node::{Node, NodeConfig, RelaySetting};
use peerview_sync::{CampaignId, Store, Timestamp};

const CAMPAIGN: &str = r#"
title = "Support engineer"
role = "Customer support, second line"
instructions = "Take your time. Speak as you would to a customer."
deadline = 2040-01-01T00:00:00Z
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
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(Store::open(dir.path()).expect("store"));
        let campaign = peerview::campaign_file::parse("campaign.toml", CAMPAIGN, Timestamp::now()).expect("campaign");
        store.create_campaign(&campaign).expect("create campaign");
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let config = NodeConfig {
            relay: RelaySetting::Disabled,
            bind: Some("127.0.0.1:0".parse().expect("addr")),
            lan_discovery: false,
        };
        let node = runtime.block_on(Node::start(store.clone(), &config)).expect("employer node");
        let service = EmployerService::new(node, Quota::default());
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
}

struct Candidate {
    clock: Arc<ManualTime>,
    dir: tempfile::TempDir,
}

fn candidate_app(candidate: &Candidate) -> Harness<'static, PeerviewApp> {
    let store = Arc::new(Store::open(candidate.dir.path()).expect("candidate store"));
    let env = AppEnv {
        data_dir: candidate.dir.path().to_owned(),
        store,
        net: Net { relay: RelaySetting::Disabled, lan_discovery: false },
        devices: Arc::new(SyntheticDevices { format: VideoFormat { width: 320, height: 240, fps: 30 }, camera: true }),
        clock: candidate.clock.clone(),
        sync_every: Duration::from_millis(500),
        ticket: None,
    };
    let settings = Settings { role: Some(Role::Candidate), dark_mode: Some(false) };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| PeerviewApp::new(cc.egui_ctx.clone(), env, settings))
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
        if Instant::now() >= deadline {
            let shown: Vec<String> =
                h.query_all_by(|_| true).filter_map(|n| n.value().or_else(|| n.accesskit_node().label())).collect();
            panic!("{label:?} did not appear within {secs} s; on screen: {shown:#?}");
        }
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

fn take_dirs(data_dir: &Path) -> usize {
    std::fs::read_dir(data_dir.join("takes")).map_or(0, |d| d.count())
}

#[test]
fn the_whole_candidate_journey_with_a_retake_reaches_the_employer() {
    let employer = Employer::start();
    let ticket = employer.invite("Ada Lovelace");
    let candidate = Candidate { clock: Arc::new(ManualTime::default()), dir: tempfile::tempdir().expect("tempdir") };
    let mut h = candidate_app(&candidate);

    // Home, then the invite.
    wait_for(&mut h, "Your interviews", 10);
    wait_for(&mut h, "You have no interviews yet", 10);
    click(&mut h, "Open an invite");
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
    assert!(h.query_by_label_contains("2 questions").is_some());
    assert!(h.query_by_label_contains("video answer, 0:10 to think, up to 0:30, 3 takes").is_some());
    assert!(h.query_by_label_contains("A practice question comes first").is_some());

    // Device check: live preview, level meter, a test recording played back.
    click(&mut h, "Check camera and microphone");
    wait_for(&mut h, "Microphone level", 10);
    wait_for(&mut h, "good", 10);
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
    wait_for(&mut h, "Think time", 10);
    click(&mut h, "Start now");
    run_for(&mut h, Duration::from_millis(1500));
    // The last ten seconds are announced; the limit stops the take.
    candidate.clock.advance(Duration::from_secs(25));
    wait_for(&mut h, "5 seconds left: time to wrap up", 10);
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
    wait_for(&mut h, "[x] Received by the employer", 60);
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
}
