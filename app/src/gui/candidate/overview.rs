//! An interview's overview: the role, the employer's instructions, how it works (each
//! question's rules, with the candidate's accommodations applied), the deadline, and the next
//! step.

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::auth::deadline_for;
use peerview_sync::doc::AnswerKind;

use super::{CandidateUi, Screen};
use crate::gui::widgets::clock_text;
use crate::{fmt, tr};

impl CandidateUi {
    pub(super) fn overview_ui(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        if ui.button(tr!("cand-back-home")).clicked() {
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
            ui.label(egui::RichText::new(tr!("cand-overview-from-employer")).strong());
            ui.label(&c.instructions);
            ui.add_space(6.0);
        }
        ui.label(egui::RichText::new(tr!("cand-overview-how")).strong());
        let deadline = deadline_for(c, &interview.submission);
        let acc = interview.submission.accommodations;
        ui.label(tr!("cand-overview-questions", count = c.questions.len()));
        for (i, q) in c.questions.iter().enumerate() {
            // The candidate's own limits: the employer's accommodations are part of them.
            let think = clock_text(u64::from(acc.stretch_secs(q.think_secs)));
            let limit = clock_text(u64::from(acc.stretch_secs(q.answer_limit_secs)));
            let takes = q.max_takes + acc.extra_takes;
            ui.label(match q.kind {
                AnswerKind::Text => tr!("cand-overview-rule-text", number = i + 1),
                AnswerKind::Video => {
                    tr!("cand-overview-rule-video", number = i + 1, think = think, limit = limit, takes = takes)
                }
                AnswerKind::Audio => {
                    tr!("cand-overview-rule-audio", number = i + 1, think = think, limit = limit, takes = takes)
                }
            });
        }
        if c.practice.is_some() {
            ui.label(tr!("cand-overview-practice"));
        }
        let now = self.env.wall_clock.now();
        let deadline_text = fmt::deadline(deadline, c.time_zone.as_deref());
        ui.label(tr!(
            "cand-overview-deadline",
            deadline = deadline_text.as_str(),
            relative = fmt::relative(now, deadline)
        ));
        ui.add_space(10.0);
        let submitted = interview.submission.submitted_at.is_some();
        let expired = now > deadline;
        // Enter takes the main step on this screen.
        let enter = !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if submitted {
            if ui.button(tr!("cand-overview-see-status")).clicked() || enter {
                self.screen = Screen::Status(campaign.clone());
            }
        } else if expired {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!("cand-overview-deadline-passed", deadline = deadline_text),
            );
        } else {
            let answered = interview.submission.answers.len();
            let label = if answered == 0 {
                tr!("cand-overview-check-devices")
            } else if answered < c.questions.len() {
                tr!("cand-overview-continue", number = answered + 1, total = c.questions.len())
            } else {
                tr!("cand-overview-review-submit")
            };
            if ui.button(label).on_hover_text(tr!("cand-key-enter")).clicked() || enter {
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
            0 => tr!("cand-messages-title"),
            n => tr!("cand-overview-messages-new", count = n),
        };
        ui.add_space(8.0);
        if !submitted && ui.button(messages).clicked() {
            self.screen = Screen::Status(campaign.clone());
        }
    }
}
