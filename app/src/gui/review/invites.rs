//! A campaign's invites (employer): invite a candidate or several from CSV, invite a
//! reviewer, hand out the new tickets (text, QR code, link, mail draft), and per candidate the
//! accommodations, Revoke and Delete.

use std::collections::HashMap;
use std::path::PathBuf;

use eframe::egui;
use peerview_sync::doc::{InviteState, Overrides};
use peerview_sync::{CampaignId, CandidateId};

use super::Command;
use super::service::{CampaignView, Request};
use super::{counted, inbox::state_name};
use crate::tr;

/// A ticket made in this session, to hand to its person.
#[derive(Clone)]
struct NewTicket {
    campaign: CampaignId,
    name: String,
    text: String,
    reviewer: bool,
}

/// What the invites screen holds between frames.
pub(super) struct Invites {
    name: String,
    email: String,
    csv: String,
    reviewer_name: String,
    /// The newest first.
    tickets: Vec<NewTicket>,
    /// Accommodations being edited, per candidate.
    accommodations: HashMap<CandidateId, Overrides>,
    /// The candidate whose Delete was clicked once: the second click confirms.
    confirm_delete: Option<CandidateId>,
    /// Where `.eml` drafts for the new tickets are saved.
    drafts_dir: String,
}

impl Default for Invites {
    fn default() -> Self {
        Invites {
            name: String::new(),
            email: String::new(),
            csv: String::new(),
            reviewer_name: String::new(),
            tickets: Vec::new(),
            accommodations: HashMap::new(),
            confirm_delete: None,
            drafts_dir: default_drafts_dir(),
        }
    }
}

impl Invites {
    /// New tickets: (name, ticket text, reviewer?) each.
    pub(super) fn add_tickets(&mut self, campaign: &CampaignId, tickets: Vec<(String, String, bool)>) {
        let new = tickets.into_iter().map(|(name, text, reviewer)| NewTicket {
            campaign: campaign.clone(),
            name,
            text,
            reviewer,
        });
        self.tickets.splice(0..0, new).for_each(drop);
    }
}

pub(super) fn invites_ui(ui: &mut egui::Ui, view: &CampaignView, st: &mut Invites, commands: &mut Vec<Command>) {
    let id = &view.campaign.id;
    ui.label(egui::RichText::new(tr!("rev-invite-candidate")).strong());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("rev-invite-name"));
        ui.add(egui::TextEdit::singleline(&mut st.name).desired_width(180.0)).labelled_by(l.id);
        let l = ui.label(tr!("rev-invite-email"));
        ui.add(egui::TextEdit::singleline(&mut st.email).desired_width(220.0)).labelled_by(l.id);
        if ui.add_enabled(!st.name.trim().is_empty(), egui::Button::new(tr!("rev-invite"))).clicked() {
            let email = Some(st.email.trim().to_owned()).filter(|e| !e.is_empty());
            commands.push(Command::Send(Request::InviteCandidates {
                campaign: id.clone(),
                people: vec![(st.name.trim().to_owned(), email)],
            }));
            st.name.clear();
            st.email.clear();
        }
    });
    ui.collapsing(tr!("rev-invite-several"), |ui| {
        let l = ui.label(tr!("rev-invite-csv"));
        ui.add(egui::TextEdit::multiline(&mut st.csv).desired_rows(4).desired_width(500.0)).labelled_by(l.id);
        if ui.button(tr!("rev-invite-all")).clicked() {
            match parse_csv(&st.csv) {
                Ok(people) if !people.is_empty() => {
                    commands.push(Command::Send(Request::InviteCandidates { campaign: id.clone(), people }));
                    st.csv.clear();
                }
                Ok(_) => commands.push(Command::Error(tr!("rev-csv-empty"))),
                Err(e) => commands.push(Command::Error(e)),
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("rev-reviewer-name"));
        ui.add(egui::TextEdit::singleline(&mut st.reviewer_name).desired_width(180.0)).labelled_by(l.id);
        if ui.add_enabled(!st.reviewer_name.trim().is_empty(), egui::Button::new(tr!("rev-invite-reviewer"))).clicked()
        {
            commands.push(Command::Send(Request::InviteReviewer {
                campaign: id.clone(),
                name: st.reviewer_name.trim().to_owned(),
            }));
            st.reviewer_name.clear();
        }
    });
    let tickets: Vec<NewTicket> = st.tickets.iter().filter(|t| &t.campaign == id).cloned().collect();
    if !tickets.is_empty() {
        ui.separator();
        ui.label(egui::RichText::new(tr!("rev-new-tickets")).strong());
        if tickets.iter().any(|t| !t.reviewer) {
            drafts_ui(ui, view, &tickets, &mut st.drafts_dir, commands);
        }
        for t in &tickets {
            ui.horizontal_top(|ui| {
                qr_code(ui, &t.text, 3.0);
                ui.vertical(|ui| {
                    ui.label(if t.reviewer {
                        tr!("rev-ticket-of-reviewer", name = t.name.as_str())
                    } else {
                        t.name.clone()
                    });
                    ui.add(egui::Label::new(egui::RichText::new(&t.text).monospace().size(11.0)).wrap());
                    if ui.button(tr!("rev-copy-ticket", name = t.name.as_str())).clicked() {
                        ui.ctx().copy_text(t.text.clone());
                        commands.push(Command::Toast(tr!("rev-ticket-copied", name = t.name.as_str())));
                    }
                    if !t.reviewer {
                        invite_links_ui(ui, view, &t.name, &t.text, commands);
                    }
                });
            });
        }
    }
    ui.separator();
    candidates_ui(ui, view, st, commands);
    if let Some(roster) = &view.roster
        && !roster.reviewers.is_empty()
    {
        ui.label(egui::RichText::new(tr!("rev-reviewers")).strong());
        for r in &roster.reviewers {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr!("rev-reviewer-state", name = r.name.as_str(), state = r.state.as_str()));
                if r.state != InviteState::Revoked && ui.button(tr!("rev-revoke", name = r.name.as_str())).clicked() {
                    commands.push(Command::Send(Request::Revoke { campaign: id.clone(), invitee: r.id.to_string() }));
                }
            });
        }
    }
}

/// The invited candidates: accommodations, Revoke, and Delete (confirmed by a second click).
fn candidates_ui(ui: &mut egui::Ui, view: &CampaignView, st: &mut Invites, commands: &mut Vec<Command>) {
    let id = &view.campaign.id;
    ui.label(egui::RichText::new(tr!("rev-invited-candidates")).strong());
    // One wrapped row per candidate (a grid's row cannot wrap: at 200 % text size it ran past
    // the window's edge).
    for e in &view.entries {
        ui.horizontal_wrapped(|ui| {
            let c = &e.candidate;
            ui.label(match c.email.as_deref() {
                Some(email) => format!("{} <{email}>", c.name),
                None => c.name.clone(),
            });
            ui.label(state_name(c.state));
            let current = e.submission.as_ref().map(|s| s.accommodations).unwrap_or_default();
            let o = st.accommodations.entry(c.id.clone()).or_insert(current);
            let mut days = o.extension_secs / 86_400;
            counted(ui, &mut days, 0..=60, |days| tr!("rev-days-later", days = days));
            o.extension_secs = days * 86_400;
            counted(ui, &mut o.extra_time_percent, 0..=200, |percent| tr!("rev-more-time", percent = percent));
            counted(ui, &mut o.extra_takes, 0..=5, |takes| tr!("rev-extra-takes", takes = takes));
            ui.horizontal_wrapped(|ui| {
                if *o != current && ui.button(tr!("rev-save-for", name = c.name.as_str())).clicked() {
                    commands.push(Command::Send(Request::SetAccommodations { candidate: c.id.clone(), overrides: *o }));
                }
                if c.state != InviteState::Revoked && ui.button(tr!("rev-revoke", name = c.name.as_str())).clicked() {
                    commands.push(Command::Send(Request::Revoke { campaign: id.clone(), invitee: c.id.to_string() }));
                }
                if st.confirm_delete.as_ref() == Some(&c.id) {
                    ui.label(egui::RichText::new(tr!("rev-delete-confirm")).strong());
                    if ui.button(tr!("rev-delete-yes", name = c.name.as_str())).clicked() {
                        commands.push(Command::Send(Request::Delete { campaign: id.clone(), candidate: c.id.clone() }));
                        st.confirm_delete = None;
                    }
                    if ui.button(tr!("rev-delete-keep")).clicked() {
                        st.confirm_delete = None;
                    }
                } else if ui
                    .button(tr!("rev-delete", name = c.name.as_str()))
                    .on_hover_text(tr!("rev-delete-hint"))
                    .clicked()
                {
                    st.confirm_delete = Some(c.id.clone());
                }
            });
        });
        ui.separator();
    }
}

/// One `.eml` mail draft per new candidate ticket, into a folder the employer chooses.
fn drafts_ui(
    ui: &mut egui::Ui,
    view: &CampaignView,
    tickets: &[NewTicket],
    drafts_dir: &mut String,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("rev-drafts-folder"));
        ui.add(egui::TextEdit::singleline(drafts_dir).desired_width(320.0)).labelled_by(l.id);
        let ready = !drafts_dir.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new(tr!("rev-save-drafts"))).clicked() {
            let drafts = tickets
                .iter()
                .filter(|t| !t.reviewer)
                .filter_map(|t| {
                    let ticket = peerview_sync::ticket::Ticket::decode(&t.text).ok()?;
                    let email = candidate_email(view, &ticket);
                    let mail = crate::invite_mail::InviteMail::new(&view.campaign, &t.name, email.as_deref(), &ticket);
                    Some((crate::invite_mail::InviteMail::file_name(&t.name), mail.eml()))
                })
                .collect();
            commands.push(Command::Send(Request::SaveInviteDrafts { dir: PathBuf::from(drafts_dir.trim()), drafts }));
        }
    });
}

/// A candidate's invite as a link: copied, or in a mail draft with everything they need.
fn invite_links_ui(ui: &mut egui::Ui, view: &CampaignView, name: &str, ticket_text: &str, commands: &mut Vec<Command>) {
    let Ok(ticket) = peerview_sync::ticket::Ticket::decode(ticket_text) else { return };
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("rev-copy-link", name = name)).clicked() {
            ui.ctx().copy_text(ticket.link());
            commands.push(Command::Toast(tr!("rev-link-copied", name = name)));
        }
        if ui.button(tr!("rev-email-invite", name = name)).clicked() {
            let email = candidate_email(view, &ticket);
            let url = crate::invite_mail::InviteMail::mailto(&view.campaign, name, email.as_deref(), &ticket);
            commands.push(match crate::desktop::open_url(&url) {
                Ok(()) => Command::Toast(tr!("rev-mail-draft-opens", name = name)),
                Err(e) => Command::Error(tr!("rev-mail-program-failed", error = e.to_string())),
            });
        }
    });
}

/// `name, email` lines; a header line and blank lines are skipped.
pub(super) fn parse_csv(text: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.to_lowercase().starts_with("name")) {
            continue;
        }
        let mut fields = line.split([',', ';', '\t']).map(|f| f.trim().trim_matches('"').trim());
        let name = fields.next().unwrap_or_default();
        if name.is_empty() {
            return Err(tr!("rev-csv-no-name", line = i + 1));
        }
        let email = fields.next().filter(|e| !e.is_empty()).map(ToOwned::to_owned);
        if let Some(e) = &email
            && !e.contains('@')
        {
            return Err(tr!("rev-csv-bad-email", line = i + 1, email = e.as_str()));
        }
        out.push((name.to_owned(), email));
    }
    Ok(out)
}

/// The email address the employer gave for the ticket's candidate, if any.
fn candidate_email(view: &CampaignView, ticket: &peerview_sync::ticket::Ticket) -> Option<String> {
    view.entries.iter().find(|e| e.candidate.id.as_str() == ticket.invitee.id()).and_then(|e| e.candidate.email.clone())
}

/// `Peerview invites` (in the user's language) in the user's home folder.
fn default_drafts_dir() -> String {
    ["HOME", "USERPROFILE"]
        .iter()
        .find_map(|v| std::env::var_os(v).filter(|h| !h.is_empty()))
        .map(|home| PathBuf::from(home).join(tr!("rev-drafts-default-folder")).display().to_string())
        .unwrap_or_default()
}

/// Draw a ticket's QR code (black modules on white, with the quiet zone).
fn qr_code(ui: &mut egui::Ui, text: &str, module: f32) {
    let Ok(qr) = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium) else {
        ui.label(tr!("rev-qr-too-long"));
        return;
    };
    let n = qr.size();
    let side = (n + 8) as f32 * module;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("rev-qr-code")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                let min = rect.min + egui::vec2((x + 4) as f32 * module, (y + 4) as f32 * module);
                painter.rect_filled(
                    egui::Rect::from_min_size(min, egui::vec2(module, module)),
                    0.0,
                    egui::Color32::BLACK,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_become_invites_and_mistakes_are_named() {
        let people =
            parse_csv("name,email\nAda Lovelace, ada@example.org\n\n\"Bo\";\nCy\tcy@example.org\n").expect("csv");
        assert_eq!(
            people,
            vec![
                ("Ada Lovelace".into(), Some("ada@example.org".into())),
                ("Bo".into(), None),
                ("Cy".into(), Some("cy@example.org".into())),
            ]
        );
        assert_eq!(parse_csv("Ada, not-an-email"), Err("line 1: \"not-an-email\" is not an email address".into()));
        assert_eq!(parse_csv(", x@y.z"), Err("line 1: the name is empty".into()));
    }
}
