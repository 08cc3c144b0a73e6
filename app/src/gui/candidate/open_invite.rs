//! Opening an invite: the ticket or link the employer sent, pasted into a field.

use eframe::egui;

use super::{CandidateUi, Screen};

impl CandidateUi {
    pub(super) fn open_invite_ui(&mut self, ui: &mut egui::Ui) {
        if ui.button("Back").clicked() {
            self.screen = Screen::Home;
        }
        ui.heading("Open an invite");
        ui.label(
            "Paste the invite link or ticket the employer sent you. It starts with \"peerview:join/\" or \"pvinvite1\".",
        );
        let label = ui.label("Invite ticket");
        let edit = egui::TextEdit::singleline(&mut self.ticket_text).desired_width(700.0);
        let response = ui.add(edit).labelled_by(label.id);
        if !self.ticket_focused {
            response.request_focus();
            self.ticket_focused = true;
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ready = !self.ticket_text.trim().is_empty() && !self.joining;
            if ui.add_enabled(ready, egui::Button::new("Open interview")).clicked() || (ready && entered) {
                self.join();
            }
            if self.joining {
                ui.spinner();
                ui.label("Contacting the employer...");
            }
        });
        if let Some(e) = &self.join_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }
}
