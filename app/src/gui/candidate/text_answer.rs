//! A written answer: the text box, the characters written, the time left to write (if the
//! question has a limit), and Save.

use eframe::egui;
use peerview_media::answer;

use super::answering::Answering;
use crate::gui::announce::{self, Countdown};
use crate::gui::widgets::clock_text;
use crate::tr;

/// The text box of a written answer; returns the event for the answer machine, if any.
pub(super) fn text_answer_ui(ui: &mut egui::Ui, a: &mut Answering, remaining: Option<u64>) -> Option<answer::Event> {
    if let Some(left) = remaining {
        ui.label(tr!("cand-text-time-left", time = clock_text(left)));
        announce::countdown(ui, Countdown::Writing, a.machine.rules().answer_limit_secs, left as u32);
    }
    let label = ui.label(tr!("cand-text-label"));
    ui.add(egui::TextEdit::multiline(&mut a.text).desired_rows(10).desired_width(700.0)).labelled_by(label.id);
    ui.label(tr!("cand-characters", count = a.text.chars().count()));
    let ready = !a.text.trim().is_empty() && !a.saving;
    ui.add_enabled(ready, egui::Button::new(tr!("cand-text-save")))
        .clicked()
        .then(|| answer::Event::SubmitText(a.text.clone()))
}
