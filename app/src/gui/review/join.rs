//! A reviewer joins a campaign with the ticket the employer sent them.

use eframe::egui;

use super::Command;
use super::service::Request;

pub(super) fn join_ui(ui: &mut egui::Ui, join_text: &mut String, commands: &mut Vec<Command>) {
    ui.heading("Join as a reviewer");
    ui.label("Paste the reviewer ticket the employer sent you (it starts with \"pvreview1\").");
    let label = ui.label("Reviewer ticket");
    ui.add(egui::TextEdit::singleline(join_text).desired_width(400.0)).labelled_by(label.id);
    if ui.add_enabled(!join_text.trim().is_empty(), egui::Button::new("Join")).clicked() {
        commands.push(Command::Send(Request::Join(join_text.trim().to_owned())));
        join_text.clear();
    }
}
