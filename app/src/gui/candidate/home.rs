//! The home screen: the interviews this computer joined, each with its deadline and state, and
//! the way in for a new invite (a button, or a paste anywhere on the screen).

use eframe::egui;
use peerview_sync::auth::deadline_for;
use peerview_sync::doc::{EventKind, Verdict};

use super::service::Interview;
use super::{CandidateUi, Screen};
use crate::{fmt, tr};

impl CandidateUi {
    pub(super) fn home_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(tr!("cand-home-title"));
        ui.add_space(8.0);
        if ui.button(tr!("cand-open-invite")).clicked() {
            self.screen = Screen::OpenInvite;
            self.ticket_focused = false;
        }
        ui.label(tr!("cand-home-paste-hint"));
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
            ui.label(tr!("cand-home-empty"));
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
                        ui.label(tr!(
                            "cand-home-deadline",
                            deadline = fmt::deadline(deadline, interview.campaign.time_zone.as_deref()),
                            relative = fmt::relative(now, deadline),
                        ));
                        ui.label(tr!("cand-home-status", state = state_text(interview)));
                        if interview.unread > 0 {
                            let unread = tr!("cand-home-unread", count = interview.unread);
                            ui.label(egui::RichText::new(unread).strong());
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(tr!("cand-home-open", title = interview.campaign.title.as_str())).clicked() {
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
}

/// One line on an interview's state, for the list.
fn state_text(interview: &Interview) -> String {
    let s = &interview.submission;
    let total = interview.campaign.questions.len();
    let decided = s.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Decision { verdict, .. } => Some(*verdict),
        _ => None,
    });
    match decided {
        Some(Verdict::Advance) => return tr!("cand-state-advance"),
        Some(Verdict::Hold) => return tr!("cand-state-hold"),
        Some(Verdict::Reject) => return tr!("cand-state-reject"),
        None => {}
    }
    if s.events.iter().any(|e| e.kind == EventKind::Viewed) {
        return tr!("cand-state-viewed");
    }
    if s.events.iter().any(|e| e.kind == EventKind::Received) {
        return tr!("cand-state-received");
    }
    if s.submitted_at.is_some() {
        let up = interview.total_upload();
        return if up.total > 0 && up.sent < up.total {
            tr!("cand-state-sending", percent = up.percent())
        } else {
            tr!("cand-state-submitted")
        };
    }
    match s.answers.len() {
        0 => tr!("cand-state-not-started"),
        n => tr!("cand-state-answered", answered = n, total = total),
    }
}
