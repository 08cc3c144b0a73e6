//! The device check before an interview: the live preview and level meter, a choice of
//! microphone, and a short test recording to play back. Nothing here is sent to the employer.

use std::path::PathBuf;

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::doc::AnswerKind;

use super::service::Request;
use super::{CandidateUi, Screen};
use crate::gui::widgets::{Loading, PlayerView};
use crate::{fmt, tr};

/// How long the device check's test recording lasts.
const TEST_RECORDING_SECS: u32 = 5;

/// The device check's own state (the chosen microphone outlives it, in [`CandidateUi`]).
#[derive(Default)]
pub(super) struct DeviceCheck {
    /// While the test recording runs: when it stops (app clock, ms).
    pub(super) recording_until_ms: Option<u64>,
    test_dir: Option<PathBuf>,
    pub(super) player: Option<PlayerView>,
    pub(super) player_loading: Option<Loading<Result<PlayerView, String>>>,
    /// A test was recorded: the tip to record one goes.
    pub(super) done: bool,
}

/// Where the check leads.
enum Leave {
    Back,
    Start,
}

impl CandidateUi {
    pub(super) fn device_check_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        let Some(interview) = self.interview(campaign).cloned() else { return };
        let wants_video = interview.campaign.questions.iter().any(|q| q.kind == AnswerKind::Video);
        self.capture.ensure(ui.ctx(), &self.env.devices, wants_video, self.mic.clone());
        ui.heading(tr!("cand-check-title"));
        ui.label(tr!("cand-check-intro"));
        // Listing devices can take a moment: it happens once, off the UI thread.
        if self.mics.is_none() && self.mics_loading.is_none() {
            let devices = self.env.devices.clone();
            self.mics_loading = Some(Loading::start(ui.ctx(), move || devices.microphones()));
        }
        if let Some(list) = self.mics_loading.as_ref().and_then(Loading::poll) {
            self.mics = Some(list);
            self.mics_loading = None;
        }
        let mics = self.mics.clone().unwrap_or_default();
        let current = self.mic.clone();
        let name = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| mics.iter().find(|m| &m.id == id))
                .map_or_else(|| tr!("cand-check-default-mic"), |m| m.name.clone())
        };
        let mut chosen = current.clone();
        egui::ComboBox::from_label(tr!("cand-check-mic")).selected_text(name(&current)).show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, tr!("cand-check-default-mic"));
            for m in &mics {
                ui.selectable_value(&mut chosen, Some(m.id.clone()), &m.name);
            }
        });
        if chosen != current {
            self.mic = chosen;
            self.capture.ensure(ui.ctx(), &self.env.devices, wants_video, self.mic.clone());
        }
        let now = self.now_ms();
        let Screen::DeviceCheck(_, check) = &mut self.screen else { return };
        let capture = &mut self.capture;
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| capture.ui(ui, wants_video));
            if let Some(player) = &mut check.player {
                ui.vertical(|ui| {
                    ui.label(tr!("cand-check-play-back"));
                    player.show(ui, egui::vec2(400.0, 225.0));
                });
            }
        });
        if let Some(e) = &capture.error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        ui.add_space(8.0);
        if let Some(until) = check.recording_until_ms {
            let left = u32::try_from(until.saturating_sub(now).div_ceil(1000)).unwrap_or(u32::MAX);
            ui.label(tr!("cand-check-recording-test", left = fmt::secs(left)));
        } else {
            let ready = capture.session.is_some();
            let record = tr!("cand-check-record-test", secs = TEST_RECORDING_SECS);
            if ui.add_enabled(ready, egui::Button::new(record)).clicked()
                && let Some(session) = &capture.session
            {
                if let Some(old) = check.test_dir.take() {
                    self.service.send(Request::Discard(vec![old]));
                }
                let dir = crate::ops::takes::new_take_dir(&self.env.data_dir);
                check.player = None;
                check.test_dir = Some(dir.clone());
                check.recording_until_ms = Some(now + u64::from(TEST_RECORDING_SECS) * 1000);
                session.start_take(dir, |_| {});
            }
        }
        ui.add_space(10.0);
        let mut leave = None;
        ui.horizontal(|ui| {
            if ui.button(tr!("cand-back")).clicked() {
                leave = Some(Leave::Back);
            }
            let next = if interview.campaign.practice.is_some() {
                tr!("cand-check-to-practice")
            } else {
                tr!("cand-check-start")
            };
            if ui.add_enabled(capture.session.is_some() || !wants_video, egui::Button::new(next)).clicked() {
                leave = Some(Leave::Start);
            }
        });
        if !check.done {
            ui.weak(tr!("cand-check-tip"));
        }
        let Some(leave) = leave else { return };
        // The test recording was only for the candidate to see; one still running stops here.
        if check.recording_until_ms.is_some()
            && let Some(session) = &capture.session
        {
            session.stop_take();
        }
        if let Some(dir) = check.test_dir.take() {
            self.service.send(Request::Discard(vec![dir]));
        }
        match leave {
            Leave::Back => self.screen = Screen::Overview(campaign.clone()),
            Leave::Start if interview.campaign.practice.is_some() && !self.practiced.contains(campaign) => {
                self.start_question(campaign, None);
            }
            Leave::Start => self.go_on(campaign),
        }
    }
}
