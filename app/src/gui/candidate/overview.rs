//! An interview's overview: the role, the employer's instructions, how it works (each
//! question's rules, with the candidate's accommodations applied), the deadline, and the next
//! step.

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::auth::deadline_for;
use peerview_sync::doc::AnswerKind;

use super::{CandidateUi, Screen};
use crate::fmt;
use crate::gui::widgets::clock_text;

impl CandidateUi {
    pub(super) fn overview_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
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
                    self.screen = Screen::DeviceCheck(campaign.clone(), Box::default());
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
}
