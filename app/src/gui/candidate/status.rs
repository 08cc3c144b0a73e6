//! The status of a submission: a timeline from recorded to the employer's decision, how far
//! each recording has got on its way, the conversation with the employer, and withdrawal.

use eframe::egui;
use peerview_sync::client::UploadProgress;
use peerview_sync::doc::{EventKind, Verdict};
use peerview_sync::{CampaignId, Timestamp};

use super::service::{Connection, Interview};
use super::{CandidateUi, Screen};
use crate::gui::widgets::clock_text;
use crate::{fmt, tr};

/// Upload rate, smoothed, per answer.
#[derive(Clone, Copy, Default)]
pub(super) struct Rate {
    at_ms: u64,
    sent: u64,
    bytes_per_sec: f64,
}

impl CandidateUi {
    /// Follow each upload's rate from the snapshots, smoothed.
    pub(super) fn track_rates(&mut self, list: &[Interview]) {
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

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        if ui.button(tr!("cand-back-home")).clicked() {
            self.screen = Screen::Home;
            return;
        }
        let Some(interview) = self.interview(campaign).cloned() else { return };
        let s = &interview.submission;
        ui.heading(tr!("cand-status-title", title = interview.campaign.title.as_str()));
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
            tr!("cand-status-not-submitted")
        } else if decision.is_some() {
            tr!("cand-status-decided")
        } else if viewed {
            tr!("cand-status-viewed")
        } else if received {
            tr!("cand-status-received")
        } else if sent {
            tr!("cand-status-sent")
        } else {
            tr!("cand-status-sending")
        };
        ui.label(egui::RichText::new(headline).size(18.0));
        ui.add_space(6.0);
        let steps = [
            (tr!("cand-step-recorded"), recorded_at.is_some(), recorded_at),
            (tr!("cand-step-submitted"), s.submitted_at.is_some(), s.submitted_at),
            (tr!("cand-step-sent"), sent, None),
            (tr!("cand-step-received"), received, event_time(&EventKind::Received)),
            (tr!("cand-step-viewed"), viewed, event_time(&EventKind::Viewed)),
            (tr!("cand-step-decision"), decision.is_some(), decided_at),
        ];
        for (name, done, at) in steps {
            timeline_step(ui, &name, done, at);
        }
        if let Some((verdict, message)) = decision {
            let text = match verdict {
                Verdict::Advance => tr!("cand-verdict-advance"),
                Verdict::Reject => tr!("cand-verdict-reject"),
                Verdict::Hold => tr!("cand-verdict-hold"),
            };
            ui.label(egui::RichText::new(text).strong());
            if let Some(m) = message {
                ui.label(tr!("cand-status-employer-message", message = m));
            }
        }
        if !received {
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tr!("cand-status-sending-title")).strong());
            if matches!(self.connection, Connection::Offline(_)) {
                ui.label(tr!("cand-status-offline"));
            }
            for (question, progress) in &interview.uploads {
                let prompt = interview
                    .campaign
                    .questions
                    .iter()
                    .find(|q| &q.id == question)
                    .map_or(question.as_str(), |q| q.prompt.as_str());
                let rate = self.rates.get(&(campaign.clone(), question.clone())).copied().unwrap_or_default();
                upload_row(ui, prompt, *progress, rate);
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
            (true, None) => ui.weak(tr!("cand-step-done")),
            (false, _) => ui.weak(tr!("cand-step-not-yet")),
        };
    });
}

/// How far one recording has got, and at what rate.
fn upload_row(ui: &mut egui::Ui, prompt: &str, progress: UploadProgress, rate: Rate) {
    ui.label(prompt);
    let fraction = if progress.total == 0 { 1.0 } else { progress.sent as f32 / progress.total as f32 };
    let (sent, total) = (fmt::megabytes(progress.sent), fmt::megabytes(progress.total));
    let text = if progress.sent < progress.total && rate.bytes_per_sec > 1.0 {
        let left = (progress.total - progress.sent) as f64 / rate.bytes_per_sec;
        tr!(
            "cand-upload-progress-rate",
            sent = sent,
            total = total,
            rate = fmt::megabytes(rate.bytes_per_sec as u64),
            left = clock_text(left.ceil() as u64),
        )
    } else {
        tr!("cand-upload-progress", sent = sent, total = total)
    };
    ui.add(egui::ProgressBar::new(fraction).desired_width(420.0).text(text));
}
