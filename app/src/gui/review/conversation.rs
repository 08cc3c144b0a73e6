//! The conversation beside a submission's answers on the review screen.

use eframe::egui;

use super::service::{CampaignView, Entry, Request};
use super::submission::Open;
use crate::fmt;
use crate::tr;

/// The thread beside the answers: messages, a reply box (employer; reviewers where the
/// campaign allows), and each open request with Grant and Decline (employer).
pub(super) fn conversation_ui(
    ui: &mut egui::Ui,
    view: &CampaignView,
    entry: &Entry,
    submission: &peerview_sync::Submission,
    open: &mut Open,
    employer: bool,
    requests: &mut Vec<Request>,
) {
    use peerview_sync::doc::{MessageBody, Side, messages};
    ui.label(egui::RichText::new(tr!("rev-conversation")).strong());
    // Asked once per new message, not every frame.
    if entry.unread > 0 && open.marked_read != submission.messages.len() {
        requests.push(Request::MarkRead(entry.candidate.id.clone()));
        open.marked_read = submission.messages.len();
    }
    if submission.messages.is_empty() {
        ui.weak(tr!("rev-no-messages"));
    }
    for m in &submission.messages {
        let who = match m.from {
            Side::Candidate => entry.candidate.name.clone(),
            Side::Employer => m.by.clone(),
        };
        let text = match &m.body {
            MessageBody::Text(t) => t.clone(),
            MessageBody::Request { kind, reason } => {
                let (kind, days, percent, takes) = request_args(kind);
                tr!(
                    "rev-request-asks",
                    kind = kind,
                    days = days,
                    percent = percent,
                    takes = takes,
                    reason = reason.as_str()
                )
            }
            MessageBody::Outcome { granted: true, note, .. } if note.is_empty() => tr!("rev-granted"),
            MessageBody::Outcome { granted: false, note, .. } if note.is_empty() => tr!("rev-declined"),
            MessageBody::Outcome { granted: true, note, .. } => tr!("rev-granted-note", note = note.as_str()),
            MessageBody::Outcome { granted: false, note, .. } => tr!("rev-declined-note", note = note.as_str()),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(tr!("rev-message-from", name = who)).strong());
            ui.label(text);
            ui.weak(fmt::date_time(m.at));
        });
    }
    if employer {
        for r in messages::open_requests(&submission.messages) {
            let MessageBody::Request { kind, .. } = &r.body else { continue };
            let (k, days, percent, takes) = request_args(kind);
            let open_request = tr!("rev-open-request", kind = k, days = days, percent = percent, takes = takes);
            ui.label(egui::RichText::new(open_request).strong());
            ui.horizontal(|ui| {
                // What to grant: what was asked, unless the employer changes it here.
                let amount = open.grant_amounts.entry(r.id.clone()).or_insert(*kind);
                match amount {
                    peerview_sync::doc::RequestKind::Extension { days } => {
                        let l = ui.label(tr!("rev-grant-days"));
                        ui.add(egui::DragValue::new(days).range(1..=messages::MAX_EXTENSION_DAYS)).labelled_by(l.id);
                    }
                    peerview_sync::doc::RequestKind::Accommodation { extra_time_percent, extra_takes } => {
                        let l = ui.label(tr!("rev-grant-time"));
                        ui.add(egui::DragValue::new(extra_time_percent).range(0..=200)).labelled_by(l.id);
                        let l = ui.label(tr!("rev-grant-takes"));
                        ui.add(egui::DragValue::new(extra_takes).range(0..=5)).labelled_by(l.id);
                    }
                }
                let granted = *amount;
                let (k, days, percent, takes) = request_args(&granted);
                if ui.button(tr!("rev-grant", kind = k, days = days, percent = percent, takes = takes)).clicked() {
                    requests.push(Request::AnswerRequest {
                        candidate: entry.candidate.id.clone(),
                        request: r.id.clone(),
                        grant: true,
                        amount: Some(granted),
                        note: String::new(),
                    });
                }
                let l = ui.label(tr!("rev-decline-reason"));
                ui.add(egui::TextEdit::singleline(&mut open.decline_reason).desired_width(220.0)).labelled_by(l.id);
                let reason = open.decline_reason.trim().to_owned();
                if ui.add_enabled(!reason.is_empty(), egui::Button::new(tr!("rev-decline"))).clicked() {
                    requests.push(Request::AnswerRequest {
                        candidate: entry.candidate.id.clone(),
                        request: r.id.clone(),
                        grant: false,
                        amount: None,
                        note: reason,
                    });
                    open.decline_reason.clear();
                }
            });
        }
    }
    if employer || view.campaign.reviewers_may_message {
        let l = ui.label(tr!("rev-message-to-candidate"));
        ui.add(egui::TextEdit::multiline(&mut open.reply).desired_rows(2).desired_width(500.0)).labelled_by(l.id);
        let chars = open.reply.chars().count();
        let ok = !open.reply.trim().is_empty() && chars <= messages::MAX_MESSAGE_CHARS;
        if ui.add_enabled(ok, egui::Button::new(tr!("rev-send-message"))).clicked() {
            requests.push(Request::Reply { candidate: entry.candidate.id.clone(), text: open.reply.trim().to_owned() });
            open.reply.clear();
        }
    }
}

/// A request's kind (`extension`, `time`, `takes` or `both`, the selector of the messages that
/// describe it) and its figures: days, percent more time, more takes.
fn request_args(kind: &peerview_sync::doc::RequestKind) -> (&'static str, u32, u32, u32) {
    match *kind {
        peerview_sync::doc::RequestKind::Extension { days } => ("extension", days, 0, 0),
        peerview_sync::doc::RequestKind::Accommodation { extra_time_percent, extra_takes } => {
            let kind = match (extra_time_percent, extra_takes) {
                (0, _) => "takes",
                (_, 0) => "time",
                _ => "both",
            };
            (kind, 0, extra_time_percent, extra_takes)
        }
    }
}
