//! The status of a submission: a timeline from recorded to the employer's decision, how far
//! each recording has got on its way, the conversation with the employer, and withdrawal.

use eframe::egui;
use peerview_sync::client::UploadProgress;
use peerview_sync::doc::{EventKind, Verdict};
use peerview_sync::{CampaignId, Timestamp};

use super::service::{Connection, Interview};
use super::{CandidateUi, Screen};
use crate::fmt;
use crate::gui::widgets::clock_text;

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
            (true, None) => ui.weak("done"),
            (false, _) => ui.weak("not yet"),
        };
    });
}

/// How far one recording has got, and at what rate.
fn upload_row(ui: &mut egui::Ui, prompt: &str, progress: UploadProgress, rate: Rate) {
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
