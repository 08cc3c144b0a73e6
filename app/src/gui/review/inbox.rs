//! A campaign's candidates: where each stands, unread messages and open requests, the average
//! score, and Review; filtered by name or status and sorted.

use eframe::egui;
use peerview_sync::doc::{Campaign, EventKind, InviteState};

use super::Command;
use super::service::{CampaignView, Entry};
use crate::settings::InboxSort as Sort;

/// The inbox's filter and order (kept across restarts).
pub(super) struct Inbox {
    pub(super) filter: String,
    pub(super) sort: Sort,
    /// The filter is being typed (it is kept once typing ends).
    pub(super) editing: bool,
}

impl Inbox {
    pub(super) fn new(filter: String, sort: Sort) -> Inbox {
        Inbox { filter, sort, editing: false }
    }
}

pub(super) fn inbox_ui(ui: &mut egui::Ui, view: &CampaignView, inbox: &mut Inbox, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let field = ui.add(egui::TextEdit::singleline(&mut inbox.filter).desired_width(200.0)).labelled_by(label.id);
        inbox.editing = field.has_focus();
        egui::ComboBox::from_label("Sort by")
            .selected_text(match inbox.sort {
                Sort::Name => "name",
                Sort::Status => "status",
                Sort::Submitted => "submitted",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut inbox.sort, Sort::Status, "status");
                ui.selectable_value(&mut inbox.sort, Sort::Name, "name");
                ui.selectable_value(&mut inbox.sort, Sort::Submitted, "submitted");
            });
    });
    let filter = inbox.filter.to_lowercase();
    let mut rows: Vec<&Entry> = view
        .entries
        .iter()
        .filter(|e| {
            filter.is_empty()
                || e.candidate.name.to_lowercase().contains(&filter)
                || status(e, &view.campaign).to_lowercase().contains(&filter)
        })
        .collect();
    match inbox.sort {
        Sort::Name => rows.sort_by_key(|e| e.candidate.name.to_lowercase()),
        Sort::Status => rows.sort_by_key(|e| std::cmp::Reverse(rank(e))),
        Sort::Submitted => {
            rows.sort_by_key(|e| std::cmp::Reverse(e.submission.as_ref().and_then(|s| s.submitted_at)));
        }
    }
    if rows.is_empty() {
        ui.label("No candidates yet. Invite some in the Invites tab.");
    }
    egui::Grid::new("inbox").striped(true).num_columns(5).show(ui, |ui| {
        for e in rows {
            ui.label(&e.candidate.name);
            ui.label(status(e, &view.campaign));
            let open_requests =
                e.submission.as_ref().map_or(0, |s| peerview_sync::doc::messages::open_requests(&s.messages).len());
            let mut note = Vec::new();
            if e.unread > 0 {
                note.push(format!("{} new message(s)", e.unread));
            }
            if open_requests > 0 {
                note.push(format!("{open_requests} open request(s)"));
            }
            ui.label(egui::RichText::new(note.join(", ")).strong());
            let average = e.reviews.as_ref().map(peerview_sync::Reviews::average_scores).filter(|a| !a.is_empty());
            ui.label(average.map_or_else(String::new, |a| {
                let mean = a.values().sum::<f32>() / a.len() as f32;
                format!("{mean:.1} / 5")
            }));
            let has_answers = e.submission.as_ref().is_some_and(|s| !s.answers.is_empty() || !s.messages.is_empty());
            if ui.add_enabled(has_answers, egui::Button::new(format!("Review {}", e.candidate.name))).clicked() {
                commands.push(Command::Open(e.candidate.id.clone()));
            }
            ui.end_row();
        }
    });
}

/// Where a candidate stands, for the inbox.
pub(super) fn status(e: &Entry, campaign: &Campaign) -> String {
    if e.candidate.state == InviteState::Revoked {
        return "revoked".into();
    }
    let Some(s) = &e.submission else { return e.candidate.state.to_string() };
    if let Some(v) = s.events.iter().rev().find_map(|ev| match &ev.kind {
        EventKind::Decision { verdict, .. } => Some(*verdict),
        _ => None,
    }) {
        return format!("decided: {v}");
    }
    let viewed = s.events.iter().any(|ev| ev.kind == EventKind::Viewed);
    if s.submitted_at.is_some() {
        let (here, total) = e.recordings;
        if here < total {
            return format!("receiving {}%", here * 100 / total.max(1));
        }
        return if viewed { "viewed".into() } else { "complete".into() };
    }
    if s.answers.is_empty() {
        return if e.candidate.state == InviteState::Joined { "joined".into() } else { "invited".into() };
    }
    format!("in progress ({} of {})", s.answers.len(), campaign.questions.len())
}

/// The order of the status sort: submitted and undecided first, decided last.
fn rank(e: &Entry) -> u8 {
    let Some(s) = &e.submission else { return 0 };
    if s.events.iter().any(|ev| matches!(ev.kind, EventKind::Decision { .. })) {
        1
    } else if s.submitted_at.is_some() {
        4
    } else if s.answers.is_empty() {
        2
    } else {
        3
    }
}
