//! Answering one question (or the practice question): think time, recording with a live preview
//! and a hard limit, reviewing the takes (watch, keep, record again), and handing the kept take
//! or the written text to the service. The rules come from [`AnswerMachine`]; this file drives
//! it with the clock and the capture session and draws what it says.

use std::path::PathBuf;

use eframe::egui;
use peerview_media::answer::{self, AnswerMachine, Phase, Rules, StopReason, TakeInfo};
use peerview_sync::CampaignId;
use peerview_sync::doc::{Answer, AnswerKind, MediaKind, Question, Take, TextAnswer};

use super::service::Request;
use super::{CandidateEnv, CandidateUi, Screen};
use crate::gui::announce::{self, Countdown};
use crate::gui::widgets::{Loading, PlayerView, clock_text};
use crate::tr;

/// A take on disk for the question being answered.
#[derive(Clone, Debug)]
pub(super) struct LocalTake {
    pub(super) number: u32,
    pub(super) dir: PathBuf,
    pub(super) duration_ms: u64,
}

/// The question being answered: the data of the answering screen.
pub(super) struct Answering {
    pub(super) campaign: CampaignId,
    /// `None`: the practice question.
    pub(super) index: Option<usize>,
    pub(super) question: Question,
    pub(super) machine: AnswerMachine,
    /// Take numbers continue after the ones already sent for this question.
    first_take_number: u32,
    pub(super) takes: Vec<LocalTake>,
    /// The take being recorded: (the machine's number, its directory).
    pub(super) recording: Option<(u32, PathBuf)>,
    pub(super) text: String,
    pub(super) saving: bool,
    pub(super) error: Option<String>,
    pub(super) player: Option<PlayerView>,
    pub(super) player_loading: Option<Loading<Result<PlayerView, String>>>,
    pub(super) shown_take: Option<u32>,
    /// The answer handed to the service to keep, as the screens show it until the next
    /// snapshot from the store holds it.
    pub(super) kept: Option<Answer>,
}

impl CandidateUi {
    /// Open question `index` of the campaign (`None`: the practice question); the summary when
    /// there is no such question.
    pub(super) fn start_question(&mut self, campaign: &CampaignId, index: Option<usize>) {
        let Some(interview) = self.interview(campaign) else { return };
        let question = match index {
            None => interview.campaign.practice.clone(),
            Some(i) => interview.campaign.questions.get(i).cloned(),
        };
        let Some(question) = question else {
            self.screen = Screen::Submit(campaign.clone());
            return;
        };
        // The employer's accommodations are the candidate's own limits.
        let acc = interview.submission.accommodations;
        let rules = Rules {
            think_secs: acc.stretch_secs(question.think_secs),
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
        self.screen = Screen::Answer(Box::new(Answering {
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
            kept: None,
        }));
    }

    /// Apply what the answer machine asks for.
    pub(super) fn perform(&mut self, actions: Vec<answer::Action>) {
        for action in actions {
            match action {
                answer::Action::StartRecording { take } => self.start_take(take),
                answer::Action::StopRecording { .. } => {
                    if let Some(session) = &self.capture.session {
                        session.stop_take();
                    }
                }
                answer::Action::Answered(outcome) => self.keep(outcome),
            }
        }
    }

    fn start_take(&mut self, machine_take: u32) {
        let now = self.now_ms();
        let Screen::Answer(a) = &mut self.screen else { return };
        let Some(session) = &self.capture.session else {
            a.error = Some(tr!("cand-answer-devices-not-ready"));
            let _ = a.machine.handle(answer::Event::RecorderFailed("devices not ready".into()), now);
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
        let now = self.env.wall_clock.now();
        let Screen::Answer(a) = &mut self.screen else { return };
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
                let media = if a.question.kind == AnswerKind::Video { MediaKind::Video } else { MediaKind::Audio };
                let take_number = a.first_take_number + kept.number - 1;
                a.kept = Some(Answer::Recording(Take {
                    hash: String::new(),
                    size_bytes: 0,
                    duration_ms: kept.duration_ms,
                    media,
                    recorded_at: now,
                    take_number,
                }));
                self.service.send(Request::KeepRecording {
                    candidate,
                    question: a.question.id.clone(),
                    take_number,
                    take_dir: kept.dir,
                    media,
                    discard,
                });
            }
            answer::Outcome::Text(text) => {
                a.kept = Some(Answer::Text(TextAnswer { text: text.clone(), written_at: now }));
                self.service.send(Request::KeepText { candidate, question: a.question.id.clone(), text });
            }
        }
    }

    /// Hand the answer machine an event from the candidate or the clock.
    pub(super) fn handle(&mut self, event: answer::Event) {
        let now = self.now_ms();
        let Screen::Answer(a) = &mut self.screen else { return };
        match a.machine.handle(event, now) {
            Ok(actions) => self.perform(actions),
            Err(e) => a.error = Some(e.to_string()),
        }
    }

    pub(super) fn answer_ui(&mut self, ui: &mut egui::Ui) {
        let now = self.now_ms();
        let Screen::Answer(a) = &mut self.screen else { return };
        let Some(interview) = self.interviews.iter().find(|i| i.campaign.id == a.campaign) else { return };
        let total = interview.campaign.questions.len();
        let kind = a.question.kind;
        let video = kind == AnswerKind::Video;
        if kind != AnswerKind::Text {
            self.capture.ensure(ui.ctx(), &self.env.devices, video, self.mic.clone());
        }
        let view = a.machine.view(now);
        ui.label(match a.index {
            None => tr!("cand-answer-practice"),
            Some(i) => tr!("cand-answer-question", number = i + 1, total = total),
        });
        ui.label(egui::RichText::new(&a.question.prompt).size(22.0).strong());
        ui.add_space(8.0);
        let keys_free = !ui.ctx().egui_wants_keyboard_input();
        let (space, r_key, k_key) =
            ui.input(|i| (i.key_pressed(egui::Key::Space), i.key_pressed(egui::Key::R), i.key_pressed(egui::Key::K)));
        let mut event = None;
        match view.phase {
            Phase::Preparing => {
                ui.label(if kind == AnswerKind::Text {
                    tr!("cand-answer-think-hint-text")
                } else {
                    tr!("cand-answer-think-hint")
                });
                let think = tr!("cand-answer-think-time", time = clock_text(view.remaining_secs.unwrap_or(0)));
                ui.label(egui::RichText::new(think).size(40.0));
                let total = a.machine.rules().think_secs;
                announce::countdown(ui, Countdown::Think, total, view.remaining_secs.unwrap_or(0) as u32);
                if kind != AnswerKind::Text {
                    self.capture.ui(ui, video);
                }
                if ui.button(tr!("cand-answer-start-now")).on_hover_text(tr!("cand-key-space")).clicked()
                    || (keys_free && space)
                {
                    event = Some(answer::Event::StartNow);
                }
            }
            Phase::Recording => {
                let remaining = view.remaining_secs.unwrap_or(0);
                let text =
                    egui::RichText::new(tr!("cand-answer-recording-left", time = clock_text(remaining))).size(40.0);
                if view.warning {
                    ui.label(text.color(ui.visuals().warn_fg_color));
                    ui.colored_label(ui.visuals().warn_fg_color, tr!("cand-answer-wrap-up", secs = remaining));
                } else {
                    ui.label(text);
                }
                announce::countdown(ui, Countdown::Recording, a.machine.rules().answer_limit_secs, remaining as u32);
                self.capture.ui(ui, video);
                if ui.button(tr!("cand-answer-stop")).on_hover_text(tr!("cand-key-space")).clicked()
                    || (keys_free && space)
                {
                    event = Some(answer::Event::Stop);
                }
            }
            Phase::Reviewing => {
                event = review_takes_ui(ui, a, &self.env, view.takes_left, keys_free && r_key, keys_free && k_key);
            }
            Phase::Writing => event = super::text_answer::text_answer_ui(ui, a, view.remaining_secs),
            Phase::Done => saving_ui(ui),
        }
        if let Some(e) = &a.error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        if let Some(e) = &self.capture.error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        if let Some(e) = event {
            self.handle(e);
        }
    }
}

fn saving_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(tr!("cand-answer-saving"));
    });
}

/// The takes recorded so far: watch one, keep one, or record again while takes are left.
fn review_takes_ui(
    ui: &mut egui::Ui,
    a: &mut Answering,
    env: &CandidateEnv,
    takes_left: u32,
    retake_key: bool,
    keep_key: bool,
) -> Option<answer::Event> {
    ui.label(tr!("cand-review-hint"));
    let mut event = None;
    let mut show = None;
    for take in &a.takes {
        ui.horizontal(|ui| {
            let seen = a.shown_take == Some(take.number);
            let duration = clock_text(take.duration_ms.div_ceil(1000));
            ui.label(if seen {
                tr!("cand-review-take-on-screen", number = take.number, duration = duration)
            } else {
                tr!("cand-review-take", number = take.number, duration = duration)
            });
            if !seen && ui.button(tr!("cand-review-watch", number = take.number)).clicked() {
                show = Some(take.clone());
            }
            if ui.add_enabled(!a.saving, egui::Button::new(tr!("cand-review-keep", number = take.number))).clicked() {
                event = Some(answer::Event::Keep(take.number));
            }
        });
    }
    if keep_key && let Some(last) = a.takes.last() {
        event = Some(answer::Event::Keep(last.number));
    }
    let retake_text = tr!("cand-review-retake", left = takes_left, max = a.machine.rules().max_takes);
    if ui.add_enabled(takes_left > 0 && !a.saving, egui::Button::new(retake_text)).on_hover_text("R").clicked()
        || (retake_key && takes_left > 0)
    {
        event = Some(answer::Event::Retake);
    }
    if takes_left == 0 {
        ui.weak(tr!("cand-review-no-takes-left"));
    }
    if a.saving {
        saving_ui(ui);
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
            tr!("cand-take", number = take.number),
            env.devices.speakers(),
            env.clock.clone(),
        ));
    }
    if matches!(event, Some(answer::Event::Retake)) {
        a.player = None;
    }
    event
}
