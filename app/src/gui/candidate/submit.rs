//! The answers at a glance before submitting, and Submit (after which they can no longer change).

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::doc::Answer;

use super::service::Request;
use super::{CandidateUi, Screen};
use crate::gui::widgets::clock_text;

impl CandidateUi {
    pub(super) fn submit_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
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
}
