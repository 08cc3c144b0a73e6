//! A reviewer joins a campaign with the ticket the employer sent them.

use eframe::egui;

use super::Command;
use super::service::Request;
use crate::tr;

pub(super) fn join_ui(ui: &mut egui::Ui, join_text: &mut String, commands: &mut Vec<Command>) {
    ui.heading(tr!("rev-join-heading"));
    ui.label(tr!("rev-join-explain"));
    let label = ui.label(tr!("rev-join-ticket"));
    ui.add(egui::TextEdit::singleline(join_text).desired_width(400.0)).labelled_by(label.id);
    if ui.add_enabled(!join_text.trim().is_empty(), egui::Button::new(tr!("rev-join"))).clicked() {
        commands.push(Command::Send(Request::Join(join_text.trim().to_owned())));
        join_text.clear();
    }
}
