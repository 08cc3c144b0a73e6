//! A campaign's candidates: where each stands, unread messages and open requests, the average
//! score, and Review; filtered by name or status and sorted.

use eframe::egui;
use peerview_sync::doc::{Campaign, EventKind, InviteState};

use super::Command;
use super::service::{CampaignView, Entry};
use crate::settings::InboxSort as Sort;
use crate::tr;

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
        let label = ui.label(tr!("rev-filter"));
        let field = ui.add(egui::TextEdit::singleline(&mut inbox.filter).desired_width(200.0)).labelled_by(label.id);
        inbox.editing = field.has_focus();
        egui::ComboBox::from_label(tr!("rev-sort-by")).selected_text(sort_name(inbox.sort)).show_ui(ui, |ui| {
            for sort in [Sort::Status, Sort::Name, Sort::Submitted] {
                ui.selectable_value(&mut inbox.sort, sort, sort_name(sort));
            }
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
        ui.label(tr!("rev-no-candidates"));
    }
    egui::Grid::new("inbox").striped(true).num_columns(5).show(ui, |ui| {
        for e in rows {
            ui.label(&e.candidate.name);
            ui.label(status(e, &view.campaign));
            let open_requests =
                e.submission.as_ref().map_or(0, |s| peerview_sync::doc::messages::open_requests(&s.messages).len());
            ui.horizontal(|ui| {
                if e.unread > 0 {
                    ui.label(egui::RichText::new(tr!("rev-new-messages", count = e.unread)).strong());
                }
                if open_requests > 0 {
                    ui.label(egui::RichText::new(tr!("rev-open-requests", count = open_requests)).strong());
                }
            });
            let average = e.reviews.as_ref().map(peerview_sync::Reviews::average_scores).filter(|a| !a.is_empty());
            ui.label(average.map_or_else(String::new, |a| {
                let mean = a.values().sum::<f32>() / a.len() as f32;
                tr!("rev-average-of-five", mean = super::one_decimal(mean))
            }));
            let has_answers = e.submission.as_ref().is_some_and(|s| !s.answers.is_empty() || !s.messages.is_empty());
            if ui
                .add_enabled(
                    has_answers,
                    egui::Button::new(tr!("rev-review-candidate", name = e.candidate.name.as_str())),
                )
                .clicked()
            {
                commands.push(Command::Open(e.candidate.id.clone()));
            }
            ui.end_row();
        }
    });
}

/// Where a candidate stands, for the inbox.
pub(super) fn status(e: &Entry, campaign: &Campaign) -> String {
    if e.candidate.state == InviteState::Revoked {
        return state_name(InviteState::Revoked);
    }
    let Some(s) = &e.submission else { return state_name(e.candidate.state) };
    if let Some(v) = s.events.iter().rev().find_map(|ev| match &ev.kind {
        EventKind::Decision { verdict, .. } => Some(*verdict),
        _ => None,
    }) {
        return tr!("rev-status-decided", verdict = v.to_string());
    }
    let viewed = s.events.iter().any(|ev| ev.kind == EventKind::Viewed);
    if s.submitted_at.is_some() {
        let (here, total) = e.recordings;
        if here < total {
            return tr!("rev-status-receiving", percent = here * 100 / total.max(1));
        }
        return if viewed { tr!("rev-status-viewed") } else { tr!("rev-status-complete") };
    }
    if s.answers.is_empty() {
        let state = if e.candidate.state == InviteState::Joined { InviteState::Joined } else { InviteState::Invited };
        return state_name(state);
    }
    tr!("rev-status-in-progress", answered = s.answers.len(), questions = campaign.questions.len())
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

/// An invite's state, for people.
pub(super) fn state_name(state: InviteState) -> String {
    match state {
        InviteState::Invited => tr!("rev-state-invited"),
        InviteState::Joined => tr!("rev-state-joined"),
        InviteState::Revoked => tr!("rev-state-revoked"),
        InviteState::Deleted => tr!("rev-state-deleted"),
    }
}

fn sort_name(sort: Sort) -> String {
    match sort {
        Sort::Name => tr!("rev-sort-name"),
        Sort::Status => tr!("rev-sort-status"),
        Sort::Submitted => tr!("rev-sort-submitted"),
    }
}
