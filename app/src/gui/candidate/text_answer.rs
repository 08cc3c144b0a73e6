//! A written answer: the text box, the characters written, the time left to write (if the
//! question has a limit), and Save.

use eframe::egui;
use peerview_media::answer;

use super::answering::Answering;
use crate::gui::widgets::clock_text;

/// The text box of a written answer; returns the event for the answer machine, if any.
pub(super) fn text_answer_ui(ui: &mut egui::Ui, a: &mut Answering, remaining: Option<u64>) -> Option<answer::Event> {
    if let Some(left) = remaining {
        ui.label(format!("Time left to write: {}", clock_text(left)));
    }
    let label = ui.label("Your answer");
    ui.add(egui::TextEdit::multiline(&mut a.text).desired_rows(10).desired_width(700.0)).labelled_by(label.id);
    ui.label(format!("{} characters", a.text.chars().count()));
    let ready = !a.text.trim().is_empty() && !a.saving;
    ui.add_enabled(ready, egui::Button::new("Save answer")).clicked().then(|| answer::Event::SubmitText(a.text.clone()))
}
