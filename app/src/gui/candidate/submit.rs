//! The answers at a glance before submitting, and Submit (after which they can no longer change).

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::doc::Answer;

use super::service::Request;
use super::{CandidateUi, Screen};
use crate::gui::widgets::clock_text;
use crate::tr;

impl CandidateUi {
    pub(super) fn submit_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        let Some(interview) = self.interview(campaign).cloned() else { return };
        ui.heading(tr!("cand-summary-title"));
        for (i, q) in interview.campaign.questions.iter().enumerate() {
            let (number, prompt) = (i + 1, q.prompt.as_str());
            ui.label(match interview.submission.answers.get(&q.id) {
                Some(Answer::Recording(t)) => {
                    let duration = clock_text(t.duration_ms.div_ceil(1000));
                    tr!("cand-summary-recorded", number = number, prompt = prompt, duration = duration)
                }
                Some(Answer::Text(t)) => {
                    tr!("cand-summary-written", number = number, prompt = prompt, count = t.text.chars().count())
                }
                None => tr!("cand-summary-missing", number = number, prompt = prompt),
            });
        }
        ui.add_space(10.0);
        let all = interview.campaign.questions.iter().all(|q| interview.submission.answers.contains_key(&q.id));
        if interview.submission.submitted_at.is_some() {
            self.screen = Screen::Status(campaign.clone());
            return;
        }
        ui.label(tr!("cand-summary-final"));
        ui.horizontal(|ui| {
            if ui.add_enabled(all && !self.submitting, egui::Button::new(tr!("cand-summary-submit"))).clicked() {
                self.submitting = true;
                self.service.send(Request::Submit(interview.candidate.clone()));
            }
            if self.submitting {
                ui.spinner();
            }
            if !all && ui.button(tr!("cand-summary-remaining")).clicked() {
                self.go_on(campaign);
            }
        });
    }
}
