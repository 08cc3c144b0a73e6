//! The candidate's side of the conversation and of withdrawal, on the status screen: the
//! thread with the employer, a message box, requests for more time or an accommodation, the
//! Withdraw button, and the receipt once the employer side deleted the submission.

use eframe::egui;
use peerview_sync::CampaignId;
use peerview_sync::doc::{DeletionReason, RequestKind};

use super::CandidateUi;
use super::service::{Connection, Interview, Request};
use crate::{fmt, tr};

/// What the candidate is writing to the employer.
#[derive(Debug)]
pub(super) struct Draft {
    text: String,
    days: u32,
    extra_time: u32,
    extra_takes: u32,
    pub(super) error: Option<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft { text: String::new(), days: 3, extra_time: 0, extra_takes: 0, error: None }
    }
}

impl CandidateUi {
    /// Withdrawal and deletion: the receipt once the employer side deleted the submission, or
    /// the pending request after withdrawing. Returns true when the submission is gone or going
    /// (nothing else to show).
    pub(super) fn withdrawal_ui(&mut self, ui: &mut egui::Ui, s: &peerview_sync::Submission) -> bool {
        if let Some(receipt) = crate::ops::exchange::deletion_receipt(s) {
            ui.label(egui::RichText::new(tr!("cand-deleted-title")).size(18.0));
            let reason = match receipt.reason {
                DeletionReason::Employer => tr!("cand-deletion-by-employer"),
                DeletionReason::Withdrawn => tr!("cand-deletion-withdrawn"),
                DeletionReason::Retention => tr!("cand-deletion-retention"),
            };
            ui.label(tr!("cand-deleted-receipt", date = fmt::date_time(receipt.at), reason = reason));
            ui.label(tr!("cand-deleted-own-recordings"));
            return true;
        }
        if s.withdrawal_requested() {
            ui.label(egui::RichText::new(tr!("cand-withdrawn-title")).size(18.0));
            ui.label(tr!("cand-withdrawn-pending"));
            if matches!(self.connection, Connection::Offline(_)) {
                ui.label(tr!("cand-withdrawn-offline"));
            }
            return true;
        }
        false
    }

    /// The conversation with the employer side: the thread, a message box, and requests for
    /// more time or an accommodation.
    pub(super) fn messages_ui(&mut self, ui: &mut egui::Ui, interview: &Interview) {
        use peerview_sync::doc::{MessageBody, Side, messages};
        let s = &interview.submission;
        ui.add_space(12.0);
        ui.label(egui::RichText::new(tr!("cand-messages-title")).strong());
        // Asked once per new message, not every frame.
        let seen = (interview.campaign.id.clone(), s.messages.len());
        if interview.unread > 0 && self.marked_read.as_ref() != Some(&seen) {
            self.service.send(Request::MarkRead(interview.campaign.id.clone()));
            self.marked_read = Some(seen);
        }
        if s.messages.is_empty() {
            ui.label(tr!("cand-messages-empty"));
        }
        for m in &s.messages {
            let who = match m.from {
                Side::Candidate => tr!("cand-messages-from-you"),
                Side::Employer => tr!("cand-messages-from-employer"),
            };
            let text = match &m.body {
                MessageBody::Text(t) => t.clone(),
                MessageBody::Request { kind, reason } => {
                    let what = request_text(kind);
                    let reason = reason.as_str();
                    match messages::outcome_of(&s.messages, &m.id) {
                        Some(peerview_sync::doc::Message {
                            body: MessageBody::Outcome { granted: true, .. }, ..
                        }) => tr!("cand-request-granted", what = what, reason = reason),
                        Some(_) => tr!("cand-request-declined", what = what, reason = reason),
                        None => tr!("cand-request-waiting", what = what, reason = reason),
                    }
                }
                MessageBody::Outcome { granted, note, .. } => match (granted, note.is_empty()) {
                    (true, true) => tr!("cand-outcome-granted"),
                    (true, false) => tr!("cand-outcome-granted-note", note = note.as_str()),
                    (false, true) => tr!("cand-outcome-declined"),
                    (false, false) => tr!("cand-outcome-declined-note", note = note.as_str()),
                },
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(who).strong());
                ui.label(text);
                ui.weak(fmt::date_time(m.at));
            });
        }
        if crate::ops::exchange::deletion_receipt(s).is_some() {
            return;
        }
        let d = &mut self.draft;
        let l = ui.label(tr!("cand-messages-label"));
        ui.add(egui::TextEdit::multiline(&mut d.text).desired_rows(2).desired_width(600.0)).labelled_by(l.id);
        let chars = d.text.chars().count();
        ui.horizontal(|ui| {
            ui.weak(tr!("cand-messages-count", count = chars, max = messages::MAX_MESSAGE_CHARS));
            let ok = !d.text.trim().is_empty() && chars <= messages::MAX_MESSAGE_CHARS;
            if ui.add_enabled(ok, egui::Button::new(tr!("cand-messages-send"))).clicked() {
                let body = MessageBody::Text(d.text.trim().to_owned());
                self.service.send(Request::Message { campaign: interview.campaign.id.clone(), body });
            }
        });
        ui.horizontal(|ui| {
            ui.label(tr!("cand-ask-for"));
            let days = tr!("cand-ask-days-suffix", days = d.days);
            ui.add(egui::DragValue::new(&mut d.days).range(1..=messages::MAX_EXTENSION_DAYS).suffix(days));
            if ui
                .add_enabled(!d.text.trim().is_empty(), egui::Button::new(tr!("cand-ask-more-time")))
                .on_hover_text(tr!("cand-ask-reason-hint"))
                .clicked()
            {
                let body = MessageBody::Request {
                    kind: RequestKind::Extension { days: d.days },
                    reason: d.text.trim().to_owned(),
                };
                self.service.send(Request::Message { campaign: interview.campaign.id.clone(), body });
            }
        });
        ui.horizontal(|ui| {
            ui.label(tr!("cand-ask-for"));
            ui.add(egui::DragValue::new(&mut d.extra_time).range(0..=200).suffix(tr!("cand-ask-time-suffix")));
            let takes = tr!("cand-ask-takes-suffix", takes = d.extra_takes);
            ui.add(egui::DragValue::new(&mut d.extra_takes).range(0..=5).suffix(takes));
            let ok = !d.text.trim().is_empty() && (d.extra_time > 0 || d.extra_takes > 0);
            if ui
                .add_enabled(ok, egui::Button::new(tr!("cand-ask-accommodation")))
                .on_hover_text(tr!("cand-ask-reason-hint"))
                .clicked()
            {
                let kind = RequestKind::Accommodation { extra_time_percent: d.extra_time, extra_takes: d.extra_takes };
                let body = MessageBody::Request { kind, reason: d.text.trim().to_owned() };
                self.service.send(Request::Message { campaign: interview.campaign.id.clone(), body });
            }
        });
        if let Some(e) = &self.draft.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    }

    /// At the foot of the status page: withdraw (a second click confirms).
    pub(super) fn withdraw_button(&mut self, ui: &mut egui::Ui, campaign: &CampaignId) {
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if self.confirm_withdraw {
                ui.label(egui::RichText::new(tr!("cand-withdraw-confirm")).strong());
                if ui.button(tr!("cand-withdraw-yes")).clicked() {
                    self.service.send(Request::Withdraw(campaign.clone()));
                    self.confirm_withdraw = false;
                }
                if ui.button(tr!("cand-withdraw-stay")).clicked() {
                    self.confirm_withdraw = false;
                }
            } else if ui.button(tr!("cand-withdraw")).on_hover_text(tr!("cand-withdraw-hint")).clicked() {
                self.confirm_withdraw = true;
            }
        });
    }
}

/// What a request asks for, in the candidate's words.
fn request_text(kind: &RequestKind) -> String {
    match *kind {
        RequestKind::Extension { days } => tr!("cand-request-days", days = days),
        RequestKind::Accommodation { extra_time_percent: 0, extra_takes } => {
            tr!("cand-request-takes", takes = extra_takes)
        }
        RequestKind::Accommodation { extra_time_percent, extra_takes: 0 } => {
            tr!("cand-request-time", percent = extra_time_percent)
        }
        RequestKind::Accommodation { extra_time_percent, extra_takes } => {
            tr!("cand-request-time-takes", percent = extra_time_percent, takes = extra_takes)
        }
    }
}
