//! The candidate's side of the conversation and of withdrawal, on the status screen: the
//! thread with the employer, a message box, requests for more time or an accommodation, the
//! Withdraw button, and the receipt once the employer side deleted the submission.

use eframe::egui;
use peerview_sync::CampaignId;

use super::CandidateUi;
use super::service::{Connection, Interview, Request};
use crate::fmt;

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
            ui.label(egui::RichText::new("Your submission was deleted.").size(18.0));
            ui.label(format!(
                "Deletion receipt: on {} the employer side deleted your answers, recordings, name and email from its computers ({}).",
                fmt::date_time(receipt.at),
                receipt.reason.describe()
            ));
            ui.label("Your own recordings on this computer are still yours.");
            return true;
        }
        if s.withdrawal_requested() {
            ui.label(egui::RichText::new("You withdrew from this interview.").size(18.0));
            ui.label("Your request to delete your submission goes to the employer with the next sync; the receipt appears here when it is done.");
            if matches!(self.connection, Connection::Offline(_)) {
                ui.label("You are offline: the request waits on this computer.");
            }
            return true;
        }
        false
    }

    /// The conversation with the employer side: the thread, a message box, and requests for
    /// more time or an accommodation.
    pub(super) fn messages_ui(&mut self, ui: &mut egui::Ui, interview: &Interview) {
        use peerview_sync::doc::{MessageBody, RequestKind, Side, messages};
        let s = &interview.submission;
        ui.add_space(12.0);
        ui.label(egui::RichText::new("Messages with the employer").strong());
        // Asked once per new message, not every frame.
        let seen = (interview.campaign.id.clone(), s.messages.len());
        if interview.unread > 0 && self.marked_read.as_ref() != Some(&seen) {
            self.service.send(Request::MarkRead(interview.campaign.id.clone()));
            self.marked_read = Some(seen);
        }
        if s.messages.is_empty() {
            ui.label(
                "Questions about the role, the rules or a technical problem? Ask here; the employer answers here.",
            );
        }
        for m in &s.messages {
            let who = match m.from {
                Side::Candidate => "You".to_owned(),
                Side::Employer => "Employer".to_owned(),
            };
            let text = match &m.body {
                MessageBody::Text(t) => t.clone(),
                MessageBody::Request { kind, reason } => {
                    let state = match messages::outcome_of(&s.messages, &m.id) {
                        Some(peerview_sync::doc::Message {
                            body: MessageBody::Outcome { granted: true, .. }, ..
                        }) => "granted",
                        Some(_) => "declined",
                        None => "waiting for an answer",
                    };
                    format!("Request: {} ({state}). {reason}", crate::ops::messages::describe_request(kind))
                }
                MessageBody::Outcome { granted, note, .. } => {
                    let verb = if *granted { "Request granted" } else { "Request declined" };
                    if note.is_empty() { verb.to_owned() } else { format!("{verb}: {note}") }
                }
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{who}:")).strong());
                ui.label(text);
                ui.weak(fmt::date_time(m.at));
            });
        }
        if crate::ops::exchange::deletion_receipt(s).is_some() {
            return;
        }
        let d = &mut self.draft;
        let l = ui.label("Your message");
        ui.add(egui::TextEdit::multiline(&mut d.text).desired_rows(2).desired_width(600.0)).labelled_by(l.id);
        let chars = d.text.chars().count();
        ui.horizontal(|ui| {
            ui.weak(format!("{chars} / {} characters", messages::MAX_MESSAGE_CHARS));
            let ok = !d.text.trim().is_empty() && chars <= messages::MAX_MESSAGE_CHARS;
            if ui.add_enabled(ok, egui::Button::new("Send message")).clicked() {
                let body = MessageBody::Text(d.text.trim().to_owned());
                self.service.send(Request::Message { campaign: interview.campaign.id.clone(), body });
            }
        });
        ui.horizontal(|ui| {
            ui.label("Ask for");
            ui.add(egui::DragValue::new(&mut d.days).range(1..=messages::MAX_EXTENSION_DAYS).suffix(" more days"));
            if ui
                .add_enabled(!d.text.trim().is_empty(), egui::Button::new("Ask for more time"))
                .on_hover_text("Your message above is the reason")
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
            ui.label("Ask for");
            ui.add(egui::DragValue::new(&mut d.extra_time).range(0..=200).suffix("% more time"));
            ui.add(egui::DragValue::new(&mut d.extra_takes).range(0..=5).suffix(" more takes"));
            let ok = !d.text.trim().is_empty() && (d.extra_time > 0 || d.extra_takes > 0);
            if ui
                .add_enabled(ok, egui::Button::new("Ask for an accommodation"))
                .on_hover_text("Your message above is the reason")
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
                ui.label(egui::RichText::new("Withdraw, and have the employer delete your submission?").strong());
                if ui.button("Yes, withdraw").clicked() {
                    self.service.send(Request::Withdraw(campaign.clone()));
                    self.confirm_withdraw = false;
                }
                if ui.button("Stay in").clicked() {
                    self.confirm_withdraw = false;
                }
            } else if ui
                .button("Withdraw my application")
                .on_hover_text("Asks the employer to delete your answers, recordings, name and email")
                .clicked()
            {
                self.confirm_withdraw = true;
            }
        });
    }
}
