//! Timed steps that a screen reader announces: the think-time and answer countdowns change every
//! second on screen, which a screen reader must not read out every second. Beside them sits a
//! hidden *live region* whose text changes only at moments worth saying ("Recording. 2 minutes.", "30
//! seconds left", "10 seconds left"), and which screen readers read politely when it changes.

use eframe::egui;

use crate::tr;

/// What is being counted down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    Think,
    Recording,
    Writing,
}

/// The moments announced, in seconds left (besides the start).
const MILESTONES: [u32; 4] = [60, 30, 10, 5];

/// The announcement for `remaining` seconds of a countdown of `total` seconds: the start until
/// the first milestone is reached, then the last milestone passed.
pub fn announcement(kind: Countdown, total: u32, remaining: u32) -> String {
    let passed = MILESTONES.iter().copied().filter(|m| *m < total && remaining <= *m).min();
    match (kind, passed) {
        (Countdown::Think, None) => tr!("a11y-think-started", duration = crate::fmt::secs(total)),
        (Countdown::Recording, None) => tr!("a11y-recording-started", duration = crate::fmt::secs(total)),
        (Countdown::Writing, None) => tr!("a11y-writing-started", duration = crate::fmt::secs(total)),
        (Countdown::Think, Some(left)) => tr!("a11y-think-left", seconds = left),
        (Countdown::Recording | Countdown::Writing, Some(left)) => tr!("a11y-time-left", seconds = left),
    }
}

/// A polite live region holding `text`: screen readers say it when it changes. It takes no
/// room on screen (sighted users read the countdown itself), like a web page's visually hidden
/// live region.
pub fn live_region(ui: &mut egui::Ui, text: String) -> egui::Response {
    // At the cursor, without moving it: nothing below shifts.
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    let response = ui.interact(rect, ui.scope_id().with("live-region"), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_live(egui::accesskit::Live::Polite));
    response
}

/// The live region of a countdown.
pub fn countdown(ui: &mut egui::Ui, kind: Countdown, total: u32, remaining: u32) -> egui::Response {
    live_region(ui, announcement(kind, total, remaining))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announces_the_start_then_each_milestone_once() {
        let said: Vec<String> = (0..=120).rev().map(|left| announcement(Countdown::Recording, 120, left)).collect();
        let mut distinct = said.clone();
        distinct.dedup();
        assert_eq!(
            distinct,
            ["Recording. You have 2 min.", "60 seconds left", "30 seconds left", "10 seconds left", "5 seconds left",]
        );
        // A short think time starts below some milestones: those are not announced as passed.
        assert_eq!(announcement(Countdown::Think, 20, 20), "Think time. Recording starts in 20 s.");
        assert_eq!(announcement(Countdown::Think, 20, 12), "Think time. Recording starts in 20 s.");
        assert_eq!(announcement(Countdown::Think, 20, 9), "Recording starts in 10 seconds");
    }
}
