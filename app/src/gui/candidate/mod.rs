//! The candidate's screens: the interviews they were invited to, opening an invite, the rules
//! and a device check, the practice question, answering (think time, recording with a live
//! preview and a hard limit, reviewing takes, retakes), the summary and submit, and the status
//! of the submission as it travels to the employer.
//!
//! This file holds the state machine: which [`Screen`] is shown (each with its own data), what
//! the service and the capture session report, and the dispatch to one file per screen. Frames
//! only read state and send requests: the service ([`service`]) does disk and network work, the
//! capture session (`peerview_media::session`) runs the devices and the encoder, and players
//! decode on their own threads. Time comes from a [`TimeSource`], so tests drive every
//! countdown with a fake clock.

mod answering;
mod capture;
mod conversation;
mod device_check;
mod home;
mod open_invite;
mod overview;
pub mod service;
mod status;
mod submit;
mod text_answer;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use peerview_media::answer::Phase;
use peerview_media::player::TimeSource;
use peerview_media::session::SessionEvent;
use peerview_sync::doc::Answer;
use peerview_sync::{CampaignId, Clock, QuestionId};

use self::answering::{Answering, LocalTake};
use self::capture::Capture;
use self::device_check::DeviceCheck;
use self::service::{CandidateService, Connection, Event, Interview, JoinError, Problem, Request, SaveError};
use self::status::Rate;
use super::devices::SharedDevices;
use super::widgets::{Loading, PlayerView};
use crate::i18n::{self, Lang};
use crate::tr;

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

/// Where the candidate is, with what that screen alone needs.
enum Screen {
    Home,
    OpenInvite,
    Overview(CampaignId),
    DeviceCheck(CampaignId, Box<DeviceCheck>),
    /// Answering the practice question or one of the questions.
    Answer(Box<Answering>),
    /// The answers at a glance, and Submit.
    Submit(CampaignId),
    Status(CampaignId),
}

impl Screen {
    /// The campaign the screen belongs to, if it belongs to one.
    fn campaign(&self) -> Option<&CampaignId> {
        match self {
            Screen::Home | Screen::OpenInvite => None,
            Screen::Overview(c) | Screen::DeviceCheck(c, _) | Screen::Submit(c) | Screen::Status(c) => Some(c),
            Screen::Answer(a) => Some(&a.campaign),
        }
    }
}

/// Something the candidate should know, shown above the screen until dismissed; put in words
/// when shown, in the language of the screen.
enum Notice {
    NewMessage {
        title: String,
        role: String,
    },
    /// An invite link arrived while a recording may run.
    InviteWhileRecording,
    SubmitFailed(String),
    Problem(Problem),
}

impl Notice {
    fn text(&self) -> String {
        match self {
            Notice::NewMessage { title, role } => {
                tr!("cand-notice-new-message", title = title.as_str(), role = role.as_str())
            }
            Notice::InviteWhileRecording => tr!("cand-notice-invite-later"),
            Notice::SubmitFailed(error) => tr!("cand-submit-failed", error = error.as_str()),
            Notice::Problem(Problem::NodeFailed(error)) => tr!("cand-problem-node", error = error.as_str()),
            Notice::Problem(Problem::TakeNotPrepared { dir, error }) => {
                tr!("cand-problem-take-dir", dir = dir.display().to_string(), error = error.as_str())
            }
            Notice::Problem(Problem::Refused(reason)) => tr!("cand-problem-refused", reason = reason.as_str()),
            Notice::Problem(Problem::WithdrawFailed(error)) => tr!("cand-problem-withdraw", error = error.as_str()),
            // The worker's own words: the service never started, before any language mattered.
            Notice::Problem(Problem::Start(error)) => error.clone(),
        }
    }
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
    screen: Screen,
    interviews: Vec<Interview>,
    /// The service's write count when our last change was saved.
    generation: u64,
    loaded: bool,
    connection: Connection,
    ticket_text: String,
    ticket_focused: bool,
    joining: bool,
    join_error: Option<JoinError>,
    notice: Option<Notice>,
    capture: Capture,
    /// The microphone chosen in the device check (`None`: the default), for every recording.
    mic: Option<String>,
    /// The microphones found, listed once.
    mics: Option<Vec<peerview_media::source::DeviceInfo>>,
    mics_loading: Option<Loading<Vec<peerview_media::source::DeviceInfo>>>,
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
            capture: Capture::default(),
            mic: None,
            mics: None,
            mics_loading: None,
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

    /// Whether a recording (a take or the device check's test) may be under way: nothing may
    /// pull the screen away then.
    fn recording_may_run(&self) -> bool {
        match &self.screen {
            Screen::Answer(_) => true,
            Screen::DeviceCheck(_, check) => check.recording_until_ms.is_some(),
            _ => false,
        }
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
                            let reading = matches!(&self.screen, Screen::Status(c) if *c == i.campaign.id);
                            if before.is_some_and(|b| i.unread > b.unread) && !reading {
                                self.notice = Some(Notice::NewMessage {
                                    title: i.campaign.title.clone(),
                                    role: i.campaign.role.clone(),
                                });
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
                Event::JoinFailed(error) => {
                    self.joining = false;
                    self.join_error = Some(error);
                }
                Event::Saved { question, generation } => {
                    self.generation = self.generation.max(generation);
                    self.answer_saved(&question);
                }
                Event::SaveFailed { question, error } => {
                    if let Screen::Answer(a) = &mut self.screen
                        && a.question.id == question
                    {
                        a.saving = false;
                        a.error = Some(match error {
                            SaveError::NoStore => tr!("cand-save-no-store"),
                            SaveError::TakeChanged => tr!("cand-save-take-changed"),
                            SaveError::Other(error) => tr!("cand-save-failed", error = error),
                        });
                    }
                }
                Event::Submitted { campaign, generation } => {
                    self.generation = self.generation.max(generation);
                    self.submitting = false;
                    self.screen = Screen::Status(campaign);
                }
                Event::SubmitFailed(message) => {
                    self.submitting = false;
                    self.notice = Some(Notice::SubmitFailed(message));
                }
                Event::Connection(c) => self.connection = c,
                Event::Problem(problem) => self.notice = Some(Notice::Problem(problem)),
                Event::MessageKept => {
                    self.draft = conversation::Draft::default();
                }
                Event::MessageRefused(error) => self.draft.error = Some(tr!("cand-message-refused", error = error)),
                Event::Open(ticket) => {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                    self.ticket_text = ticket;
                    if self.recording_may_run() {
                        self.notice = Some(Notice::InviteWhileRecording);
                    } else {
                        self.screen = Screen::OpenInvite;
                        self.join();
                    }
                }
            }
        }
        for event in self.capture.poll() {
            self.capture_event(ctx, event);
        }
        let loading = match &mut self.screen {
            Screen::Answer(a) => Some((&mut a.player_loading, &mut a.player, &mut a.error)),
            Screen::DeviceCheck(_, check) => {
                Some((&mut check.player_loading, &mut check.player, &mut self.capture.error))
            }
            _ => None,
        };
        if let Some((loading, player, error)) = loading
            && let Some(result) = loading.as_ref().and_then(Loading::poll)
        {
            *loading = None;
            match result {
                Ok(p) => *player = Some(p),
                Err(e) => *error = Some(e),
            }
        }
    }

    fn capture_event(&mut self, ctx: &egui::Context, event: SessionEvent) {
        let now = self.now_ms();
        match event {
            SessionEvent::TakeFinished(result) => match &mut self.screen {
                Screen::DeviceCheck(_, check) if check.recording_until_ms.is_some() => {
                    check.recording_until_ms = None;
                    match result {
                        Ok(take) => {
                            check.done = true;
                            check.player_loading = Some(PlayerView::open(
                                ctx,
                                take.path,
                                tr!("cand-check-test-recording"),
                                self.env.devices.speakers(),
                                self.env.clock.clone(),
                            ));
                        }
                        Err(e) => self.capture.error = Some(tr!("cand-check-test-failed", error = e.to_string())),
                    }
                }
                Screen::Answer(a) => {
                    let Some((number, dir)) = a.recording.take() else { return };
                    match result {
                        Ok(take) => {
                            a.takes.push(LocalTake { number, dir, duration_ms: take.duration_ms });
                            a.shown_take = Some(number);
                            a.player = None;
                            a.player_loading = Some(PlayerView::open(
                                ctx,
                                take.path,
                                tr!("cand-take", number = number),
                                self.env.devices.speakers(),
                                self.env.clock.clone(),
                            ));
                        }
                        Err(e) => {
                            a.error = Some(tr!("cand-take-failed", number = number, error = e.to_string()));
                            let _ = a.machine.handle(peerview_media::answer::Event::RecorderFailed(e.to_string()), now);
                        }
                    }
                    if a.machine.view(now).phase == Phase::Recording {
                        let _ = a
                            .machine
                            .handle(peerview_media::answer::Event::RecorderFailed("the recording stopped".into()), now);
                    }
                }
                _ => {}
            },
            SessionEvent::SourceFailed(message) => {
                self.capture.failed(tr!("cand-device-failed", error = message));
            }
        }
    }

    /// The first question without a saved answer.
    fn next_unanswered(&self, campaign: &CampaignId) -> Option<usize> {
        let interview = self.interview(campaign)?;
        interview.campaign.questions.iter().position(|q| !interview.submission.answers.contains_key(&q.id))
    }

    /// On to the first unanswered question, or to the summary when all are answered.
    fn go_on(&mut self, campaign: &CampaignId) {
        if let Some(i) = self.next_unanswered(campaign) {
            self.start_question(campaign, Some(i));
        } else {
            self.capture.stop();
            self.screen = Screen::Submit(campaign.clone());
        }
    }

    fn answer_saved(&mut self, question: &QuestionId) {
        let Screen::Answer(a) = &self.screen else { return };
        if &a.question.id != question {
            return;
        }
        let campaign = a.campaign.clone();
        // The snapshot with the new answer arrives right after; until then, show what was kept.
        let kept = a.kept.clone().unwrap_or_else(|| {
            Answer::Text(peerview_sync::doc::TextAnswer { text: String::new(), written_at: self.env.wall_clock.now() })
        });
        if let Some(interview) = self.interviews.iter_mut().find(|i| i.campaign.id == campaign) {
            interview.submission.answers.entry(question.clone()).or_insert(kept);
        }
        self.go_on(&campaign);
    }

    /// The language of the screen shown: its campaign's, if it names one Peerview speaks;
    /// `None` (the app's) for the screens that belong to no campaign.
    fn screen_lang(&self) -> Option<Lang> {
        let campaign = self.screen.campaign()?;
        self.interview(campaign)?.campaign.language.as_deref().and_then(Lang::parse)
    }

    /// Draw the candidate screens, in the language of the screen shown.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        i18n::with_lang(self.screen_lang(), || self.poll(&ctx));
        // What was reported may have led to another screen, in another language.
        i18n::with_lang(self.screen_lang(), || self.frame_ui(ui, &ctx));
    }

    fn frame_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        // Time-driven steps: think time running out, the hard limit, the test recording.
        let now = self.now_ms();
        if let Screen::Answer(a) = &mut self.screen {
            let actions = a.machine.tick(now);
            if a.machine.writing_time_over(now) && !a.saving {
                let text = a.text.clone();
                self.handle(peerview_media::answer::Event::SubmitText(text));
            }
            self.perform(actions);
        }
        if let Screen::DeviceCheck(_, check) = &self.screen
            && let Some(until) = check.recording_until_ms
            && now >= until
            && let Some(session) = &self.capture.session
        {
            session.stop_take();
        }
        egui::Panel::bottom("candidate_status").show(ui, |ui| self.status_bar(ui));
        if let Some(notice) = self.notice.as_ref().map(Notice::text) {
            egui::Panel::top("candidate_notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, notice);
                    if ui.button(tr!("app-dismiss")).clicked() {
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
                        self.screen_ui(ui);
                    });
                });
            });
        });
        let busy = match &self.screen {
            Screen::Answer(a) => {
                matches!(a.machine.view(now).phase, Phase::Preparing | Phase::Recording | Phase::Writing)
            }
            Screen::DeviceCheck(_, check) => check.recording_until_ms.is_some(),
            _ => false,
        };
        if busy {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// The screen's own content.
    fn screen_ui(&mut self, ui: &mut egui::Ui) {
        let campaign = self.screen.campaign().cloned();
        match (&self.screen, campaign) {
            (Screen::Home, _) => self.home_ui(ui),
            (Screen::OpenInvite, _) => self.open_invite_ui(ui),
            (Screen::Overview(_), Some(c)) => self.overview_ui(ui, &c),
            (Screen::DeviceCheck(..), Some(c)) => self.device_check_ui(ui, &c),
            (Screen::Answer(_), _) => self.answer_ui(ui),
            (Screen::Submit(_), Some(c)) => self.submit_ui(ui, &c),
            (Screen::Status(_), Some(c)) => self.status_ui(ui, &c),
            _ => {}
        }
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let text = match &self.connection {
                Connection::Unknown => tr!("cand-connecting"),
                Connection::Online(None) => tr!("cand-online"),
                // "direct" or "via relay" (the address is for `peerview status`, not here).
                Connection::Online(Some(path)) if path.starts_with("via relay") => tr!("cand-online-relay"),
                Connection::Online(Some(_)) => tr!("cand-online-direct"),
                Connection::Offline(_) => tr!("cand-offline"),
            };
            ui.label(text);
        });
    }
}
