//! Opening an invite: the ticket or link the employer sent, pasted into a field, and why it
//! could not be opened if it could not.

use eframe::egui;
use peerview_sync::ticket::TicketError;

use super::service::JoinError;
use super::{CandidateUi, Screen};
use crate::tr;

impl CandidateUi {
    pub(super) fn open_invite_ui(&mut self, ui: &mut egui::Ui) {
        if ui.button(tr!("cand-back")).clicked() {
            self.screen = Screen::Home;
        }
        ui.heading(tr!("cand-open-invite"));
        ui.label(tr!("cand-invite-hint"));
        let label = ui.label(tr!("cand-invite-ticket"));
        let edit = egui::TextEdit::singleline(&mut self.ticket_text).desired_width(700.0);
        let response = ui.add(edit).labelled_by(label.id);
        if !self.ticket_focused {
            response.request_focus();
            self.ticket_focused = true;
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ready = !self.ticket_text.trim().is_empty() && !self.joining;
            if ui.add_enabled(ready, egui::Button::new(tr!("cand-invite-open"))).clicked() || (ready && entered) {
                self.join();
            }
            if self.joining {
                ui.spinner();
                ui.label(tr!("cand-invite-contacting"));
            }
        });
        if let Some(e) = &self.join_error {
            ui.colored_label(ui.visuals().warn_fg_color, join_error_text(e));
        }
    }
}

/// Why the invite could not be opened, for the person who pasted it.
fn join_error_text(e: &JoinError) -> String {
    match e {
        JoinError::Ticket(TicketError::NotATicket) => tr!("cand-join-not-a-ticket"),
        JoinError::Ticket(TicketError::BadCharacters) => tr!("cand-join-bad-characters"),
        JoinError::Ticket(TicketError::Damaged) => tr!("cand-join-damaged"),
        JoinError::Ticket(TicketError::Unsupported) => tr!("cand-join-unsupported"),
        JoinError::NotForCandidates => tr!("cand-join-not-for-candidates"),
        JoinError::NoStore => tr!("cand-join-no-store"),
        JoinError::Unreachable => tr!("cand-join-unreachable"),
        JoinError::Refused(reason) => tr!("cand-join-refused", reason = reason.as_str()),
        JoinError::Other(error) => tr!("cand-join-failed", error = error.as_str()),
    }
}
