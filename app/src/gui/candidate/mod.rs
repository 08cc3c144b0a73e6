//! The candidate's screens: the interviews they were invited to, opening an invite, the rules
//! and a device check, the practice question, answering (think time, recording with a live
//! preview and a hard limit, reviewing takes, retakes), the summary and submit, and the status
//! of the submission as it travels to the employer.
//!
//! Frames only read state and send requests: the service ([`service`]) does disk and network
//! work, the capture session (`peerview_media::session`) runs the devices and the encoder, and
//! players decode on their own threads. Time comes from a [`TimeSource`], so tests drive every
//! countdown with a fake clock.

mod conversation;
pub mod service;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use peerview_media::answer::{self, AnswerMachine, Phase, Rules, StopReason, TakeInfo};
use peerview_media::player::TimeSource;
use peerview_media::session::{CaptureSession, SessionEvent};
use peerview_sync::auth::deadline_for;
use peerview_sync::client::UploadProgress;
use peerview_sync::doc::{Answer, AnswerKind, EventKind, MediaKind, Question, Verdict};
use peerview_sync::{CampaignId, Clock, QuestionId, Timestamp};

use self::service::{CandidateService, Connection, Event, Interview, Request};
use super::devices::SharedDevices;
use super::widgets::{Loading, PlayerView, VideoView, clock_text, level_meter};
use crate::fmt;

/// Width of the page column.
const PAGE_WIDTH: f32 = 900.0;

/// Larger text and more air than egui's defaults: the candidate may be nervous, on a small
/// laptop screen, and reading in a second language.
fn calm_style(ui: &mut egui::Ui) {
    let style = ui.style_mut();
    for (text_style, size) in [
        (egui::TextStyle::Body, 16.0),
        (egui::TextStyle::Button, 16.0),
        (egui::TextStyle::Heading, 26.0),
        (egui::TextStyle::Small, 13.0),
    ] {
        if let Some(font) = style.text_styles.get_mut(&text_style) {
            font.size = size;
        }
    }
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style.spacing.button_padding = egui::vec2(12.0, 6.0);
}

/// How long the device check's test recording lasts.
const TEST_RECORDING_SECS: u64 = 5;

/// Where the candidate is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    OpenInvite,
    Overview(CampaignId),
    DeviceCheck(CampaignId),
    /// Answering: the practice question (`None`) or question `Some(i)`.
    Answer(CampaignId, Option<usize>),
    Summary(CampaignId),
    Status(CampaignId),
}

/// A take on disk for the question being answered.
#[derive(Clone, Debug)]
struct LocalTake {
    number: u32,
    dir: PathBuf,
    duration_ms: u64,
}

/// The question being answered.
struct Answering {
    campaign: CampaignId,
    index: Option<usize>,
    question: Question,
    machine: AnswerMachine,
    /// Take numbers continue after the ones already sent for this question.
    first_take_number: u32,
    takes: Vec<LocalTake>,
    recording: Option<(u32, PathBuf)>,
    text: String,
    saving: bool,
    error: Option<String>,
    player: Option<PlayerView>,
    player_loading: Option<Loading<Result<PlayerView, String>>>,
    shown_take: Option<u32>,
}

/// The device check's state.
#[derive(Default)]
struct DeviceCheck {
    mic: Option<String>,
    mics: Option<Vec<peerview_media::source::DeviceInfo>>,
    mics_loading: Option<Loading<Vec<peerview_media::source::DeviceInfo>>>,
    recording_until_ms: Option<u64>,
    test_dir: Option<PathBuf>,
    player: Option<PlayerView>,
    player_loading: Option<Loading<Result<PlayerView, String>>>,
    done: bool,
}

/// Upload rate, smoothed, per answer.
#[derive(Clone, Copy, Default)]
struct Rate {
    at_ms: u64,
    sent: u64,
    bytes_per_sec: f64,
}

/// Everything the candidate screens need from outside.
#[derive(Clone)]
pub struct CandidateEnv {
    pub data_dir: PathBuf,
    pub devices: SharedDevices,
    pub clock: Arc<dyn TimeSource>,
    /// The date and time, for deadlines and their countdowns.
    pub wall_clock: Arc<dyn Clock>,
}

pub struct CandidateUi {
    env: CandidateEnv,
    service: CandidateService,
    pub screen: Screen,
    interviews: Vec<Interview>,
    /// The service's write count when our last change was saved.
    generation: u64,
    loaded: bool,
    connection: Connection,
    ticket_text: String,
    ticket_focused: bool,
    joining: bool,
    join_error: Option<String>,
    notice: Option<String>,
    capture: Option<CaptureSession>,
    capture_loading: Option<Loading<Result<CaptureSession, String>>>,
    capture_wants: Option<(bool, Option<String>)>,
    capture_error: Option<String>,
    preview: VideoView,
    answering: Option<Answering>,
    check: DeviceCheck,
    practiced: Vec<CampaignId>,
    submitting: bool,
    /// Withdraw was clicked once: the second click confirms.
    confirm_withdraw: bool,
    /// The message being written on the status screen, and the request form.
    draft: conversation::Draft,
    /// The conversation (campaign, message count) last reported as read.
    marked_read: Option<(CampaignId, usize)>,
    rates: HashMap<(CampaignId, QuestionId), Rate>,
}

impl CandidateUi {
    pub fn new(env: CandidateEnv, service: CandidateService, ticket: Option<String>) -> Self {
        let mut ui = CandidateUi {
            env,
            service,
            screen: Screen::Home,
            interviews: Vec::new(),
            generation: 0,
            loaded: false,
            connection: Connection::Unknown,
            ticket_text: String::new(),
            ticket_focused: false,
            joining: false,
            join_error: None,
            notice: None,
            capture: None,
            capture_loading: None,
            capture_wants: None,
            capture_error: None,
            preview: VideoView::default(),
            answering: None,
            check: DeviceCheck::default(),
            practiced: Vec::new(),
            submitting: false,
            confirm_withdraw: false,
            draft: conversation::Draft::default(),
            marked_read: None,
            rates: HashMap::new(),
        };
        if let Some(ticket) = ticket {
            ui.ticket_text = ticket;
            ui.screen = Screen::OpenInvite;
            ui.join();
        }
        ui
    }

    fn now_ms(&self) -> u64 {
        self.env.clock.now_us() / 1000
    }

    fn interview(&self, campaign: &CampaignId) -> Option<&Interview> {
        self.interviews.iter().find(|i| &i.campaign.id == campaign)
    }

    fn join(&mut self) {
        self.joining = true;
        self.join_error = None;
        self.service.send(Request::Join(self.ticket_text.trim().to_owned()));
    }

    /// Take in what the service and the capture session reported.
    fn poll(&mut self, ctx: &egui::Context) {
        while let Some(event) = self.service.try_event() {
            match event {
                Event::Interviews { generation, list } => {
                    // A snapshot read before our last saved answer would take it back.
                    if generation >= self.generation {
                        self.track_rates(&list);
                        // A message that arrived while the candidate looks elsewhere.
                        for i in &list {
                            let before = self.interviews.iter().find(|o| o.campaign.id == i.campaign.id);
                            if before.is_some_and(|b| i.unread > b.unread)
                                && self.screen != Screen::Status(i.campaign.id.clone())
                            {
                                self.notice =
                                    Some(format!("New message from {} about {}", i.campaign.title, i.campaign.role));
                            }
                        }
                        self.interviews = list;
                        self.loaded = true;
                    }
                }
                Event::Joined(campaign) => {
                    self.joining = false;
                    self.ticket_text.clear();
                    self.screen = Screen::Overview(campaign);
                }
                Event::JoinFailed(message) => {
                    self.joining = false;
                    self.join_error = Some(message);
                }
                Event::Saved { question, generation } => {
                    self.generation = self.generation.max(generation);
                    self.answer_saved(&question);
                }
                Event::SaveFailed { question, message } => {
                    if let Some(a) = self.answering.as_mut().filter(|a| a.question.id == question) {
                        a.saving = false;
                        a.error = Some(format!("Your answer could not be saved: {message}"));
                    }
                }
                Event::Submitted { campaign, generation } => {
                    self.generation = self.generation.max(generation);
                    self.submitting = false;
                    self.screen = Screen::Status(campaign);
                }
                Event::SubmitFailed(message) => {
                    self.submitting = false;
                    self.notice = Some(message);
                }
                Event::Connection(c) => self.connection = c,
                Event::Problem(message) => self.notice = Some(message),
                Event::MessageKept => {
                    self.draft = conversation::Draft::default();
                }
                Event::MessageRefused(message) => self.draft.error = Some(message),
                Event::Open(ticket) => {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                    self.ticket_text = ticket;
                    if self.answering.is_some() || self.check.recording_until_ms.is_some() {
                        // Never pull the screen away from a recording.
                        self.notice = Some(
                            "An invite link was opened. Finish this step, then choose \"Open an invite\": the link is filled in there."
                                .into(),
                        );
                    } else {
                        self.screen = Screen::OpenInvite;
                        self.join();
                    }
                }
            }
        }
        if let Some(loading) = &self.capture_loading
            && let Some(result) = loading.poll()
        {
            self.capture_loading = None;
            match result {
                Ok(session) => {
                    self.capture = Some(session);
                    self.capture_error = None;
                }
                Err(e) => self.capture_error = Some(e),
            }
        }
        let mut finished = Vec::new();
        if let Some(session) = &self.capture {
            while let Some(event) = session.try_event() {
                finished.push(event);
            }
        }
        for event in finished {
            self.capture_event(ctx, event);
        }
        for loading in [
            self.answering.as_mut().map(|a| (&mut a.player_loading, &mut a.player, &mut a.error)),
            Some((&mut self.check.player_loading, &mut self.check.player, &mut self.capture_error)),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(result) = loading.0.as_ref().and_then(Loading::poll) {
                *loading.0 = None;
                match result {
                    Ok(p) => *loading.1 = Some(p),
                    Err(e) => *loading.2 = Some(e),
                }
            }
        }
    }

    fn track_rates(&mut self, list: &[Interview]) {
        let now = self.now_ms();
        for interview in list {
            for (question, progress) in &interview.uploads {
                let key = (interview.campaign.id.clone(), question.clone());
                let rate =
                    self.rates.entry(key).or_insert(Rate { at_ms: now, sent: progress.sent, bytes_per_sec: 0.0 });
                let dt = now.saturating_sub(rate.at_ms);
                if dt >= 200 && progress.sent >= rate.sent {
                    let instant = (progress.sent - rate.sent) as f64 * 1000.0 / dt as f64;
                    rate.bytes_per_sec =
                        if rate.bytes_per_sec == 0.0 { instant } else { 0.6 * rate.bytes_per_sec + 0.4 * instant };
                    rate.at_ms = now;
                    rate.sent = progress.sent;
                }
            }
        }
    }

    /// Make sure the camera (if wanted) and microphone run.
    fn ensure_capture(&mut self, ctx: &egui::Context, video: bool) {
        let wants = (video, self.check.mic.clone());
        if self.capture_wants.as_ref() == Some(&wants) && (self.capture.is_some() || self.capture_loading.is_some()) {
            return;
        }
        if self.capture.as_ref().is_some_and(|c| c.recorded_ms() > 0) {
            return; // never switch devices mid-take
        }
        self.capture = None;
        self.capture_wants = Some(wants.clone());
        let devices = self.env.devices.clone();
        let repaint = ctx.clone();
        self.capture_loading = Some(Loading::start(ctx, move || {
            let camera = if video && !devices.cameras().is_empty() {
                Some(devices.open_camera(None).map_err(|e| e.to_string())?)
            } else {
                None
            };
            let mic = devices.open_microphone(wants.1.as_deref()).map_err(|e| e.to_string())?;
            Ok(CaptureSession::start(camera, mic, move || repaint.request_repaint()))
        }));
    }

    fn stop_capture(&mut self) {
        self.capture = None;
        self.capture_loading = None;
        self.capture_wants = None;
    }

    fn capture_event(&mut self, ctx: &egui::Context, event: SessionEvent) {
        let now = self.now_ms();
        match event {
            SessionEvent::TakeFinished(result) => {
                if self.check.recording_until_ms.is_some() {
                    self.check.recording_until_ms = None;
                    match result {
                        Ok(take) => {
                            self.check.done = true;
                            self.check.player_loading = Some(PlayerView::open(
                                ctx,
                                take.path,
                                "Your test recording".into(),
                                self.env.devices.speakers(),
                                self.env.clock.clone(),
                            ));
                        }
                        Err(e) => self.capture_error = Some(format!("The test recording failed: {e}")),
                    }
                    return;
                }
                let Some(a) = self.answering.as_mut() else { return };
                let Some((number, dir)) = a.recording.take() else { return };
                match result {
                    Ok(take) => {
                        a.takes.push(LocalTake { number, dir, duration_ms: take.duration_ms });
                        a.shown_take = Some(number);
                        a.player = None;
                        a.player_loading = Some(PlayerView::open(
                            ctx,
                            take.path,
                            format!("Take {number}"),
                            self.env.devices.speakers(),
                            self.env.clock.clone(),
                        ));
                    }
                    Err(e) => {
                        a.error = Some(format!("Take {number} could not be recorded: {e}"));
                        let _ = a.machine.handle(answer::Event::RecorderFailed(e.to_string()), now);
                    }
                }
                if a.machine.view(now).phase == Phase::Recording {
                    let _ = a.machine.handle(answer::Event::RecorderFailed("the recording stopped".into()), now);
                }
            }
            SessionEvent::SourceFailed(message) => {
                self.capture_error = Some(format!("{message}. Check the device and try again."));
                self.capture = None;
                self.capture_wants = None;
            }
        }
    }

    fn start_question(&mut self, campaign: &CampaignId, index: Option<usize>) {
        let Some(interview) = self.interview(campaign) else { return };
        let question = match index {
            None => interview.campaign.practice.clone(),
            Some(i) => interview.campaign.questions.get(i).cloned(),
        };
        let Some(question) = question else {
            self.screen = Screen::Summary(campaign.clone());
            return;
        };
        let acc = interview.submission.accommodations;
        let rules = Rules {
            think_secs: question.think_secs,
            answer_limit_secs: acc.stretch_secs(question.answer_limit_secs),
            max_takes: question.max_takes + acc.extra_takes,
            text: question.kind == AnswerKind::Text,
            practice: index.is_none(),
        };
        let first_take_number = match interview.submission.answers.get(&question.id) {
            Some(Answer::Recording(t)) => t.take_number + 1,
            _ => 1,
        };
        // Takes left on disk by a crash (or a closed window) come back for review.
        let pending: Vec<LocalTake> = if index.is_some() {
            interview
                .pending
                .iter()
                .filter(|p| p.question == question.id)
                .map(|p| LocalTake { number: p.take_number, dir: p.dir.clone(), duration_ms: p.duration_ms })
                .collect()
        } else {
            Vec::new()
        };
        let now = self.now_ms();
        let machine = if pending.is_empty() {
            AnswerMachine::new(rules, now)
        } else {
            let infos = pending
                .iter()
                .enumerate()
                .map(|(i, t)| TakeInfo { number: i as u32 + 1, duration_ms: t.duration_ms, stop: StopReason::Stopped })
                .collect();
            AnswerMachine::reviewing(rules, infos)
        };
        let mut takes = pending;
        // The machine numbers takes from 1; keep the candidate-visible numbers in step.
        for (i, t) in takes.iter_mut().enumerate() {
            t.number = i as u32 + 1;
        }
        self.answering = Some(Answering {
            campaign: campaign.clone(),
            index,
            question,
            machine,
            first_take_number,
            takes,
            recording: None,
            text: String::new(),
            saving: false,
            error: None,
            player: None,
            player_loading: None,
            shown_take: None,
        });
        self.screen = Screen::Answer(campaign.clone(), index);
    }

    /// The first question without a saved answer.
    fn next_unanswered(&self, campaign: &CampaignId) -> Option<usize> {
        let interview = self.interview(campaign)?;
        interview.campaign.questions.iter().position(|q| !interview.submission.answers.contains_key(&q.id))
    }

    fn go_on(&mut self, campaign: &CampaignId) {
        if let Some(i) = self.next_unanswered(campaign) {
            self.start_question(campaign, Some(i))
        } else {
            self.answering = None;
            self.stop_capture();
            self.screen = Screen::Summary(campaign.clone());
        }
    }

    fn answer_saved(&mut self, question: &QuestionId) {
        let Some(a) = &self.answering else { return };
        if &a.question.id != question {
            return;
        }
        let campaign = a.campaign.clone();
        // The snapshot with the new answer arrives right after; treat it as answered now.
        if let Some(interview) = self.interviews.iter_mut().find(|i| i.campaign.id == campaign) {
            interview.submission.answers.entry(question.clone()).or_insert(Answer::Text(
                peerview_sync::doc::TextAnswer { text: String::new(), written_at: self.env.wall_clock.now() },
            ));
        }
        self.go_on(&campaign);
    }

    /// Apply what the answer machine asks for.
    fn perform(&mut self, actions: Vec<answer::Action>) {
        for action in actions {
            match action {
                answer::Action::StartRecording { take } => self.start_take(take),
                answer::Action::StopRecording { .. } => {
                    if let Some(session) = &self.capture {
                        session.stop_take();
                    }
                }
                answer::Action::Answered(outcome) => self.keep(outcome),
            }
        }
    }

    fn start_take(&mut self, machine_take: u32) {
        let Some(a) = self.answering.as_mut() else { return };
        let Some(session) = &self.capture else {
            a.error = Some("The camera or microphone is not ready; the take could not start.".into());
            let _ = a
                .machine
                .handle(answer::Event::RecorderFailed("devices not ready".into()), self.env.clock.now_us() / 1000);
            return;
        };
        let dir = crate::ops::takes::new_take_dir(&self.env.data_dir);
        let number = a.first_take_number + machine_take - 1;
        a.recording = Some((machine_take, dir.clone()));
        a.player = None;
        if let (Some(_), Some(interview)) = (a.index, self.interviews.iter().find(|i| i.campaign.id == a.campaign)) {
            let (candidate, question) = (interview.candidate.clone(), a.question.id.clone());
            self.service.send(Request::TakeStarted {
                dir: dir.clone(),
                candidate: candidate.clone(),
                question: question.clone(),
                take_number: number,
            });
            // Each fragment goes to the employer while the candidate is still talking.
            let requests = self.service.sender();
            let file = dir.join(peerview_media::record::TAKE_FILE);
            session.start_take(dir, move |fragment| {
                let _ = requests.send(Request::Fragment {
                    candidate: candidate.clone(),
                    question: question.clone(),
                    take_number: number,
                    file: file.clone(),
                    fragment: fragment.clone(),
                });
            });
        } else {
            session.start_take(dir, |_| {});
        }
    }

    fn keep(&mut self, outcome: answer::Outcome) {
        let Some(a) = self.answering.as_mut() else { return };
        let Some(interview) = self.interviews.iter().find(|i| i.campaign.id == a.campaign) else { return };
        if a.index.is_none() {
            // Practice never counts: throw its takes away and start the real questions.
            self.service.send(Request::Discard(a.takes.iter().map(|t| t.dir.clone()).collect()));
            let campaign = a.campaign.clone();
            self.practiced.push(campaign.clone());
            self.go_on(&campaign);
            return;
        }
        a.saving = true;
        a.error = None;
        let candidate = interview.candidate.clone();
        match outcome {
            answer::Outcome::Take(info) => {
                let Some(kept) = a.takes.iter().find(|t| t.number == info.number).cloned() else { return };
                let discard = a.takes.iter().filter(|t| t.number != info.number).map(|t| t.dir.clone()).collect();
                a.player = None;
                self.service.send(Request::KeepRecording {
                    candidate,
                    question: a.question.id.clone(),
                    take_number: a.first_take_number + kept.number - 1,
                    take_dir: kept.dir,
                    media: if a.question.kind == AnswerKind::Video { MediaKind::Video } else { MediaKind::Audio },
                    discard,
                });
            }
            answer::Outcome::Text(text) => {
                self.service.send(Request::KeepText { candidate, question: a.question.id.clone(), text });
            }
        }
    }

    fn handle(&mut self, event: answer::Event) {
        let now = self.now_ms();
        let Some(a) = self.answering.as_mut() else { return };
        match a.machine.handle(event, now) {
            Ok(actions) => self.perform(actions),
            Err(e) => a.error = Some(e.to_string()),
        }
    }

    /// Draw the candidate screens.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        // Time-driven steps: think time running out, the hard limit, the test recording.
        let now = self.now_ms();
        if let Some(a) = self.answering.as_mut() {
            let actions = a.machine.tick(now);
            if a.machine.writing_time_over(now) && !a.saving {
                let text = a.text.clone();
                self.handle(answer::Event::SubmitText(text));
            }
            self.perform(actions);
        }
        if let Some(until) = self.check.recording_until_ms
            && now >= until
            && let Some(session) = &self.capture
        {
            session.stop_take();
        }
        egui::Panel::bottom("candidate_status").show(ui, |ui| self.status_bar(ui));
        if let Some(notice) = self.notice.clone() {
            egui::Panel::top("candidate_notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, notice);
                    if ui.button("Dismiss").clicked() {
                        self.notice = None;
                    }
                });
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            calm_style(ui);
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                // One readable column, centred, whatever the window's width.
                let width = ui.available_width().min(PAGE_WIDTH);
                let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.horizontal_top(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_max_width(width);
                        ui.add_space(12.0);
                        match self.screen.clone() {
                            Screen::Home => self.home(ui),
                            Screen::OpenInvite => self.open_invite(ui),
                            Screen::Overview(c) => self.overview(ui, &c),
                            Screen::DeviceCheck(c) => self.device_check(ui, &c),
                            Screen::Answer(c, _) => self.answer_screen(ui, &c),
                            Screen::Summary(c) => self.summary(ui, &c),
                            Screen::Status(c) => self.status(ui, &c),
                        }
                    });
                });
            });
        });
        let busy =
            self.answering.as_ref().is_some_and(|a| {
                matches!(a.machine.view(now).phase, Phase::Preparing | Phase::Recording | Phase::Writing)
            }) || self.check.recording_until_ms.is_some();
        if busy {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let text = match &self.connection {
                Connection::Unknown => "Connecting to the employer...".to_owned(),
                Connection::Online(None) => "Online: connected to the employer".to_owned(),
                // "direct" or "via relay" (the address is for `peerview status`, not here).
                Connection::Online(Some(path)) if path.starts_with("via relay") => {
                    "Online: connected to the employer via relay".to_owned()
                }
                Connection::Online(Some(_)) => "Online: connected to the employer, direct".to_owned(),
                Connection::Offline(_) => {
                    "Offline: everything is saved on this computer and will be sent when the employer is reachable"
                        .to_owned()
                }
            };
            ui.label(text);
        });
    }

    fn home(&mut self, ui: &mut egui::Ui) {
        ui.heading("Your interviews");
        ui.add_space(8.0);
        if ui.button("Open an invite").clicked() {
            self.screen = Screen::OpenInvite;
            self.ticket_focused = false;
        }
        ui.label("Or paste the invite link or ticket the employer sent you here (Ctrl+V).");
        // A paste with no text field to take it: the screen itself takes it as an invite.
        let pasted = ui.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.ticket_text = text;
            self.ticket_focused = true;
            self.screen = Screen::OpenInvite;
            self.join();
        }
        ui.add_space(8.0);
        if !self.loaded {
            ui.spinner();
            return;
        }
        if self.interviews.is_empty() {
            ui.label("You have no interviews yet. Open the invite link or ticket the employer sent you.");
        }
        let now = self.env.wall_clock.now();
        let mut open = None;
        for interview in &self.interviews {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.vertical(|ui| {
                        ui.label(egui::RichText::new(&interview.campaign.title).strong().size(17.0));
                        ui.label(&interview.campaign.role);
                        let deadline = deadline_for(&interview.campaign, &interview.submission);
                        ui.label(format!("Deadline {} ({})", fmt::date_time(deadline), fmt::relative(now, deadline)));
                        ui.label(format!("Status: {}", state_text(interview)));
                        if interview.unread > 0 {
                            ui.label(
                                egui::RichText::new(format!("{} new message(s) from the employer", interview.unread))
                                    .strong(),
                            );
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(format!("Open {}", interview.campaign.title)).clicked() {
                            open = Some(interview.campaign.id.clone());
                        }
                    });
                });
            });
        }
        if let Some(c) = open {
            self.screen = Screen::Overview(c);
        }
    }

    fn open_invite(&mut self, ui: &mut egui::Ui) {
        if ui.button("Back").clicked() {
            self.screen = Screen::Home;
        }
        ui.heading("Open an invite");
        ui.label(
            "Paste the invite link or ticket the employer sent you. It starts with \"peerview:join/\" or \"pvinvite1\".",
        );
        let label = ui.label("Invite ticket");
        let edit = egui::TextEdit::singleline(&mut self.ticket_text).desired_width(700.0);
        let response = ui.add(edit).labelled_by(label.id);
        if !self.ticket_focused {
            response.request_focus();
            self.ticket_focused = true;
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ready = !self.ticket_text.trim().is_empty() && !self.joining;
            if ui.add_enabled(ready, egui::Button::new("Open interview")).clicked() || (ready && entered) {
                self.join();
            }
            if self.joining {
                ui.spinner();
                ui.label("Contacting the employer...");
            }
        });
        if let Some(e) = &self.join_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    fn overview(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        if ui.button("Back to your interviews").clicked() {
            self.screen = Screen::Home;
            return;
        }
        let Some(interview) = self.interview(campaign).cloned() else {
            ui.spinner();
            return;
        };
        let c = &interview.campaign;
        ui.heading(&c.title);
        ui.label(&c.role);
        ui.add_space(6.0);
        if !c.instructions.is_empty() {
            ui.label(egui::RichText::new("From the employer").strong());
            ui.label(&c.instructions);
            ui.add_space(6.0);
        }
        ui.label(egui::RichText::new("How it works").strong());
        let deadline = deadline_for(c, &interview.submission);
        let acc = interview.submission.accommodations;
        let count = match c.questions.len() {
            1 => "1 question".to_owned(),
            n => format!("{n} questions"),
        };
        ui.label(format!("{count}. Answer in one sitting or come back later: your answers are saved as you go."));
        for (i, q) in c.questions.iter().enumerate() {
            let rules = match q.kind {
                AnswerKind::Text => "written answer".to_owned(),
                kind => format!(
                    "{kind} answer, {} to think, up to {}, {} take{}",
                    clock_text(u64::from(q.think_secs)),
                    clock_text(u64::from(acc.stretch_secs(q.answer_limit_secs))),
                    q.max_takes + acc.extra_takes,
                    if q.max_takes + acc.extra_takes == 1 { "" } else { "s" }
                ),
            };
            ui.label(format!("{}. {rules}", i + 1));
        }
        if c.practice.is_some() {
            ui.label("A practice question comes first; it never counts.");
        }
        let now = self.env.wall_clock.now();
        ui.label(format!("Deadline: {} ({})", fmt::date_time(deadline), fmt::relative(now, deadline)));
        ui.add_space(10.0);
        let submitted = interview.submission.submitted_at.is_some();
        let expired = now > deadline;
        // Enter takes the main step on this screen.
        let enter = !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if submitted {
            if ui.button("See the status of your submission").clicked() || enter {
                self.screen = Screen::Status(campaign.clone());
            }
        } else if expired {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "The deadline passed on {}. Ask the employer for more time under Messages.",
                    fmt::date_time(deadline)
                ),
            );
        } else {
            let answered = interview.submission.answers.len();
            let label = if answered == 0 {
                "Check camera and microphone".to_owned()
            } else if answered < c.questions.len() {
                format!("Continue with question {} of {}", answered + 1, c.questions.len())
            } else {
                "Review and submit".to_owned()
            };
            if ui.button(label).on_hover_text("Enter").clicked() || enter {
                if answered == 0 {
                    self.screen = Screen::DeviceCheck(campaign.clone());
                } else {
                    self.go_on(campaign);
                }
            }
        }
        // The conversation with the employer is always reachable: questions before starting,
        // more time after the deadline.
        let messages = match interview.unread {
            0 => "Messages with the employer".to_owned(),
            n => format!("Messages with the employer ({n} new)"),
        };
        ui.add_space(8.0);
        if !submitted && ui.button(messages).clicked() {
            self.screen = Screen::Status(campaign.clone());
        }
    }

    fn device_check(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        let Some(interview) = self.interview(campaign).cloned() else { return };
        let wants_video = interview.campaign.questions.iter().any(|q| q.kind == AnswerKind::Video);
        self.ensure_capture(ui.ctx(), wants_video);
        ui.heading("Check your camera and microphone");
        ui.label("Make sure you can be seen and heard. Nothing here is sent to the employer.");
        // Listing devices can take a moment: it happens once, off the UI thread.
        if self.check.mics.is_none() && self.check.mics_loading.is_none() {
            let devices = self.env.devices.clone();
            self.check.mics_loading = Some(Loading::start(ui.ctx(), move || devices.microphones()));
        }
        if let Some(list) = self.check.mics_loading.as_ref().and_then(Loading::poll) {
            self.check.mics = Some(list);
            self.check.mics_loading = None;
        }
        let mics = self.check.mics.clone().unwrap_or_default();
        let current = self.check.mic.clone();
        let name = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| mics.iter().find(|m| &m.id == id))
                .map_or("Default microphone".to_owned(), |m| m.name.clone())
        };
        let mut chosen = current.clone();
        egui::ComboBox::from_label("Microphone").selected_text(name(&current)).show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "Default microphone");
            for m in &mics {
                ui.selectable_value(&mut chosen, Some(m.id.clone()), &m.name);
            }
        });
        if chosen != current {
            self.check.mic = chosen;
            self.ensure_capture(ui.ctx(), wants_video);
        }
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| self.capture_view(ui, wants_video));
            if let Some(player) = &mut self.check.player {
                ui.vertical(|ui| {
                    ui.label("Play it back to check you are seen and heard:");
                    player.show(ui, egui::vec2(400.0, 225.0));
                });
            }
        });
        if let Some(e) = &self.capture_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        ui.add_space(8.0);
        let now = self.now_ms();
        if let Some(until) = self.check.recording_until_ms {
            ui.label(format!("Recording a test... {} s", until.saturating_sub(now).div_ceil(1000)));
        } else {
            let ready = self.capture.is_some();
            if ui.add_enabled(ready, egui::Button::new(format!("Record a {TEST_RECORDING_SECS}-second test"))).clicked()
                && let Some(session) = &self.capture
            {
                if let Some(old) = self.check.test_dir.take() {
                    self.service.send(Request::Discard(vec![old]));
                }
                let dir = crate::ops::takes::new_take_dir(&self.env.data_dir);
                self.check.player = None;
                self.check.test_dir = Some(dir.clone());
                self.check.recording_until_ms = Some(now + TEST_RECORDING_SECS * 1000);
                session.start_take(dir, |_| {});
            }
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Back").clicked() {
                self.screen = Screen::Overview(campaign.clone());
            }
            let next = if interview.campaign.practice.is_some() {
                "Continue to the practice question"
            } else {
                "Start the interview"
            };
            if ui.add_enabled(self.capture.is_some() || !wants_video, egui::Button::new(next)).clicked() {
                self.check.player = None;
                if let Some(dir) = self.check.test_dir.take() {
                    self.service.send(Request::Discard(vec![dir]));
                }
                if interview.campaign.practice.is_some() && !self.practiced.contains(campaign) {
                    self.start_question(campaign, None);
                } else {
                    self.go_on(campaign);
                }
            }
        });
        if !self.check.done {
            ui.weak("Tip: record a short test and play it back before you start.");
        }
    }

    /// The live preview (or, for sound only, the level meter).
    fn capture_view(&mut self, ui: &mut egui::Ui, video: bool) {
        let Some(session) = &self.capture else {
            if self.capture_loading.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Starting the camera and microphone...");
                });
            }
            return;
        };
        if video && session.has_video() {
            let preview = session.preview();
            let latest = preview.as_ref().map(|(serial, f)| (*serial, f.width, f.height, f.rgba.as_slice()));
            self.preview.show(ui, "Camera preview", latest, egui::vec2(480.0, 270.0));
        } else if video {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "No camera found: video answers need one. Connect a camera and come back.",
            );
        }
        level_meter(ui, session.level());
    }

    fn answer_screen(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        let Some(total) = self.interview(campaign).map(|i| i.campaign.questions.len()) else { return };
        let Some(a) = &self.answering else { return };
        let (kind, index) = (a.question.kind, a.index);
        if kind != AnswerKind::Text {
            self.ensure_capture(ui.ctx(), kind == AnswerKind::Video);
        }
        let now = self.now_ms();
        let a = self.answering.as_ref().expect("answering");
        let view = a.machine.view(now);
        ui.label(match index {
            None => "Practice question (it never counts)".to_owned(),
            Some(i) => format!("Question {} of {total}", i + 1),
        });
        ui.label(egui::RichText::new(&a.question.prompt).size(22.0).strong());
        ui.add_space(8.0);
        let keys_free = !ui.ctx().egui_wants_keyboard_input();
        let (space, r_key, k_key) =
            ui.input(|i| (i.key_pressed(egui::Key::Space), i.key_pressed(egui::Key::R), i.key_pressed(egui::Key::K)));
        match view.phase {
            Phase::Preparing => {
                ui.label("Think about your answer. Recording starts when the time is up.");
                ui.label(
                    egui::RichText::new(format!("Think time {}", clock_text(view.remaining_secs.unwrap_or(0))))
                        .size(40.0),
                );
                if kind != AnswerKind::Text {
                    self.capture_view(ui, kind == AnswerKind::Video);
                }
                if ui.button("Start now").on_hover_text("Space").clicked() || (keys_free && space) {
                    self.handle(answer::Event::StartNow);
                }
            }
            Phase::Recording => {
                let remaining = view.remaining_secs.unwrap_or(0);
                let text = egui::RichText::new(format!("Recording {} left", clock_text(remaining))).size(40.0);
                if view.warning {
                    ui.label(text.color(ui.visuals().warn_fg_color));
                    ui.colored_label(ui.visuals().warn_fg_color, format!("{remaining} seconds left: time to wrap up"));
                } else {
                    ui.label(text);
                }
                self.capture_view(ui, kind == AnswerKind::Video);
                if ui.button("Stop recording").on_hover_text("Space").clicked() || (keys_free && space) {
                    self.handle(answer::Event::Stop);
                }
            }
            Phase::Reviewing => self.review_takes(ui, view.takes_left, keys_free && r_key, keys_free && k_key),
            Phase::Writing => self.write_text(ui, view.remaining_secs),
            Phase::Done => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Saving your answer...");
                });
            }
        }
        if let Some(e) = self.answering.as_ref().and_then(|a| a.error.clone()) {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        if let Some(e) = &self.capture_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    fn review_takes(&mut self, ui: &mut egui::Ui, takes_left: u32, retake_key: bool, keep_key: bool) {
        let Some(a) = self.answering.as_mut() else { return };
        ui.label("Watch your take, then keep it or record it again.");
        let mut event = None;
        let mut show = None;
        for take in &a.takes {
            ui.horizontal(|ui| {
                let seen = a.shown_take == Some(take.number);
                ui.label(format!(
                    "Take {} ({}){}",
                    take.number,
                    clock_text(take.duration_ms.div_ceil(1000)),
                    if seen { " (on screen)" } else { "" }
                ));
                if !seen && ui.button(format!("Watch take {}", take.number)).clicked() {
                    show = Some(take.clone());
                }
                if ui.add_enabled(!a.saving, egui::Button::new(format!("Keep take {}", take.number))).clicked() {
                    event = Some(answer::Event::Keep(take.number));
                }
            });
        }
        if keep_key && let Some(last) = a.takes.last() {
            event = Some(answer::Event::Keep(last.number));
        }
        let retake_text = format!("Record again ({takes_left} of {} takes left)", a.machine.rules().max_takes);
        if ui.add_enabled(takes_left > 0 && !a.saving, egui::Button::new(retake_text)).on_hover_text("R").clicked()
            || (retake_key && takes_left > 0)
        {
            event = Some(answer::Event::Retake);
        }
        if takes_left == 0 {
            ui.weak("No takes left: keep the one you like best.");
        }
        if a.saving {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Saving your answer...");
            });
        }
        // The player goes below the buttons, so they stay put while it loads.
        if let Some(player) = &mut a.player {
            player.show(ui, egui::vec2(480.0, 270.0));
        } else if a.player_loading.is_some() {
            ui.spinner();
        }
        if let Some(take) = show {
            a.shown_take = Some(take.number);
            a.player = None;
            a.player_loading = Some(PlayerView::open(
                ui.ctx(),
                take.dir.join(peerview_media::record::TAKE_FILE),
                format!("Take {}", take.number),
                self.env.devices.speakers(),
                self.env.clock.clone(),
            ));
        }
        if let Some(e) = event {
            if matches!(e, answer::Event::Retake) {
                a.player = None;
            }
            self.handle(e);
        }
    }

    fn write_text(&mut self, ui: &mut egui::Ui, remaining: Option<u64>) {
        let Some(a) = self.answering.as_mut() else { return };
        if let Some(left) = remaining {
            ui.label(format!("Time left to write: {}", clock_text(left)));
        }
        let label = ui.label("Your answer");
        ui.add(egui::TextEdit::multiline(&mut a.text).desired_rows(10).desired_width(700.0)).labelled_by(label.id);
        ui.label(format!("{} characters", a.text.chars().count()));
        let ready = !a.text.trim().is_empty() && !a.saving;
        if ui.add_enabled(ready, egui::Button::new("Save answer")).clicked() {
            let text = a.text.clone();
            self.handle(answer::Event::SubmitText(text));
        }
    }

    fn summary(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        let Some(interview) = self.interview(campaign).cloned() else { return };
        ui.heading("Your answers");
        for (i, q) in interview.campaign.questions.iter().enumerate() {
            let answer = match interview.submission.answers.get(&q.id) {
                Some(Answer::Recording(t)) => format!("recorded ({})", clock_text(t.duration_ms.div_ceil(1000))),
                Some(Answer::Text(t)) => format!("written ({} characters)", t.text.chars().count()),
                None => "not answered yet".to_owned(),
            };
            ui.label(format!("{}. {}: {answer}", i + 1, q.prompt));
        }
        ui.add_space(10.0);
        let all = interview.campaign.questions.iter().all(|q| interview.submission.answers.contains_key(&q.id));
        if interview.submission.submitted_at.is_some() {
            self.screen = Screen::Status(campaign.clone());
            return;
        }
        ui.label("Once submitted, answers can no longer change.");
        ui.horizontal(|ui| {
            if ui.add_enabled(all && !self.submitting, egui::Button::new("Submit")).clicked() {
                self.submitting = true;
                self.service.send(Request::Submit(interview.candidate.clone()));
            }
            if self.submitting {
                ui.spinner();
            }
            if !all && ui.button("Answer the remaining questions").clicked() {
                self.go_on(campaign);
            }
        });
    }

    fn status(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        if ui.button("Back to your interviews").clicked() {
            self.screen = Screen::Home;
            return;
        }
        let Some(interview) = self.interview(campaign).cloned() else { return };
        let s = &interview.submission;
        ui.heading(format!("{}: your submission", interview.campaign.title));
        if self.withdrawal_ui(ui, s) {
            self.messages_ui(ui, &interview);
            return;
        }
        let total = interview.total_upload();
        let received = s.events.iter().any(|e| e.kind == EventKind::Received);
        let viewed = s.events.iter().any(|e| e.kind == EventKind::Viewed);
        let decision = s.events.iter().rev().find_map(|e| match &e.kind {
            EventKind::Decision { verdict, message } => Some((*verdict, message.clone())),
            _ => None,
        });
        let sent = received || (total.total > 0 && total.sent >= total.total);
        let event_time = |kind: &EventKind| s.events.iter().find(|e| &e.kind == kind).map(|e| e.at);
        let recorded_at = s.events.iter().find(|e| matches!(e.kind, EventKind::Recorded { .. })).map(|e| e.at);
        let decided_at = s.events.iter().rev().find(|e| matches!(e.kind, EventKind::Decision { .. })).map(|e| e.at);
        let headline = if s.submitted_at.is_none() {
            "You have not submitted your answers yet."
        } else if decision.is_some() {
            "The employer has made a decision."
        } else if viewed {
            "The employer has watched your answers."
        } else if received {
            "The employer has received your answers."
        } else if sent {
            "Your answers are sent; waiting for the employer to confirm."
        } else {
            "Your answers are saved on this computer and are being sent."
        };
        ui.label(egui::RichText::new(headline).size(18.0));
        ui.add_space(6.0);
        let steps = [
            ("Recorded", recorded_at.is_some(), recorded_at),
            ("Submitted", s.submitted_at.is_some(), s.submitted_at),
            ("Sent", sent, None),
            ("Received by the employer", received, event_time(&EventKind::Received)),
            ("Viewed", viewed, event_time(&EventKind::Viewed)),
            ("Decision", decision.is_some(), decided_at),
        ];
        for (name, done, at) in steps {
            timeline_step(ui, name, done, at);
        }
        if let Some((verdict, message)) = decision {
            let text = match verdict {
                Verdict::Advance => "The employer would like to move forward with you.",
                Verdict::Reject => "The employer decided not to move forward this time.",
                Verdict::Hold => "The employer has put your application on hold.",
            };
            ui.label(egui::RichText::new(text).strong());
            if let Some(m) = message {
                ui.label(format!("Message from the employer: {m}"));
            }
        }
        if !received {
            ui.add_space(8.0);
            ui.label(egui::RichText::new("Sending your answers").strong());
            if matches!(self.connection, Connection::Offline(_)) {
                ui.label("You are offline. Your answers are safe on this computer and will be sent when the employer is reachable; you can close Peerview meanwhile.");
            }
            let now = self.now_ms();
            for (question, progress) in &interview.uploads {
                let prompt = interview
                    .campaign
                    .questions
                    .iter()
                    .find(|q| &q.id == question)
                    .map_or(question.as_str(), |q| q.prompt.as_str());
                let rate = self.rates.get(&(campaign.clone(), question.clone())).copied().unwrap_or_default();
                upload_row(ui, prompt, *progress, rate, now);
            }
        }
        self.messages_ui(ui, &interview);
        self.withdraw_button(ui, campaign);
    }
}

/// One step of the status timeline: a filled dot when done, a hollow one while waiting.
fn timeline_step(ui: &mut egui::Ui, name: &str, done: bool, at: Option<Timestamp>) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
        let color = if done { egui::Color32::from_rgb(46, 139, 87) } else { ui.visuals().weak_text_color() };
        if done {
            ui.painter().circle_filled(rect.center(), 7.0, color);
        } else {
            ui.painter().circle_stroke(rect.center(), 7.0, egui::Stroke::new(1.5, color));
        }
        let text = egui::RichText::new(name);
        ui.label(if done { text.strong() } else { text.weak() });
        match (done, at) {
            (true, Some(t)) => ui.weak(fmt::date_time(t)),
            (true, None) => ui.weak("done"),
            (false, _) => ui.weak("not yet"),
        };
    });
}

fn upload_row(ui: &mut egui::Ui, prompt: &str, progress: UploadProgress, rate: Rate, _now: u64) {
    ui.label(prompt);
    let fraction = if progress.total == 0 { 1.0 } else { progress.sent as f32 / progress.total as f32 };
    let mut text = format!("{} of {}", fmt::megabytes(progress.sent), fmt::megabytes(progress.total));
    if progress.sent < progress.total && rate.bytes_per_sec > 1.0 {
        let left = (progress.total - progress.sent) as f64 / rate.bytes_per_sec;
        text.push_str(&format!(
            ", {}/s, about {} left",
            fmt::megabytes(rate.bytes_per_sec as u64),
            clock_text(left.ceil() as u64)
        ));
    }
    ui.add(egui::ProgressBar::new(fraction).desired_width(420.0).text(text));
}

/// One line on an interview's state, for the list.
fn state_text(interview: &Interview) -> String {
    let s = &interview.submission;
    let total = interview.campaign.questions.len();
    let decided = s.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Decision { verdict, .. } => Some(*verdict),
        _ => None,
    });
    if let Some(v) = decided {
        return format!("decided ({v})");
    }
    if s.events.iter().any(|e| e.kind == EventKind::Viewed) {
        return "viewed by the employer".into();
    }
    if s.events.iter().any(|e| e.kind == EventKind::Received) {
        return "received by the employer".into();
    }
    if s.submitted_at.is_some() {
        let up = interview.total_upload();
        return if up.total > 0 && up.sent < up.total {
            format!("submitted, sending {}%", up.percent())
        } else {
            "submitted".into()
        };
    }
    match s.answers.len() {
        0 => "not started".into(),
        n => format!("{n} of {total} answered"),
    }
}
