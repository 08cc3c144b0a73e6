//! The conversation beside a submission's answers on the review screen.

use eframe::egui;

use super::service::{CampaignView, Entry, Request};
use super::submission::Open;
use crate::fmt;

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
    ui.label(egui::RichText::new("Conversation with the candidate").strong());
    // Asked once per new message, not every frame.
    if entry.unread > 0 && open.marked_read != submission.messages.len() {
        requests.push(Request::MarkRead(entry.candidate.id.clone()));
        open.marked_read = submission.messages.len();
    }
    if submission.messages.is_empty() {
        ui.weak("No messages.");
    }
    for m in &submission.messages {
        let who = match m.from {
            Side::Candidate => entry.candidate.name.clone(),
            Side::Employer => m.by.clone(),
        };
        let text = match &m.body {
            MessageBody::Text(t) => t.clone(),
            MessageBody::Request { kind, reason } => {
                format!("asks for {}: {reason}", crate::ops::messages::describe_request(kind))
            }
            MessageBody::Outcome { granted, note, .. } => {
                let verb = if *granted { "Granted" } else { "Declined" };
                if note.is_empty() { verb.to_owned() } else { format!("{verb}: {note}") }
            }
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{who}:")).strong());
            ui.label(text);
            ui.weak(fmt::date_time(m.at));
        });
    }
    if employer {
        for r in messages::open_requests(&submission.messages) {
            let MessageBody::Request { kind, .. } = &r.body else { continue };
            let what = crate::ops::messages::describe_request(kind);
            ui.label(egui::RichText::new(format!("Open request: {what}")).strong());
            ui.horizontal(|ui| {
                // What to grant: what was asked, unless the employer changes it here.
                let amount = open.grant_amounts.entry(r.id.clone()).or_insert(*kind);
                match amount {
                    peerview_sync::doc::RequestKind::Extension { days } => {
                        let l = ui.label("Days to grant");
                        ui.add(egui::DragValue::new(days).range(1..=messages::MAX_EXTENSION_DAYS)).labelled_by(l.id);
                    }
                    peerview_sync::doc::RequestKind::Accommodation { extra_time_percent, extra_takes } => {
                        let l = ui.label("More time to grant (%)");
                        ui.add(egui::DragValue::new(extra_time_percent).range(0..=200)).labelled_by(l.id);
                        let l = ui.label("More takes to grant");
                        ui.add(egui::DragValue::new(extra_takes).range(0..=5)).labelled_by(l.id);
                    }
                }
                let granted = *amount;
                if ui.button(format!("Grant {}", crate::ops::messages::describe_request(&granted))).clicked() {
                    requests.push(Request::AnswerRequest {
                        candidate: entry.candidate.id.clone(),
                        request: r.id.clone(),
                        grant: true,
                        amount: Some(granted),
                        note: String::new(),
                    });
                }
                let l = ui.label("Reason to decline");
                ui.add(egui::TextEdit::singleline(&mut open.decline_reason).desired_width(220.0)).labelled_by(l.id);
                let reason = open.decline_reason.trim().to_owned();
                if ui.add_enabled(!reason.is_empty(), egui::Button::new("Decline")).clicked() {
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
        let l = ui.label("Message to the candidate");
        ui.add(egui::TextEdit::multiline(&mut open.reply).desired_rows(2).desired_width(500.0)).labelled_by(l.id);
        let chars = open.reply.chars().count();
        let ok = !open.reply.trim().is_empty() && chars <= messages::MAX_MESSAGE_CHARS;
        if ui.add_enabled(ok, egui::Button::new("Send message")).clicked() {
            requests.push(Request::Reply { candidate: entry.candidate.id.clone(), text: open.reply.trim().to_owned() });
            open.reply.clear();
        }
    }
}
