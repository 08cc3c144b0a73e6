//! The employer's and reviewer's screens: campaigns (editor, TOML import and export,
//! duplicate), invites (one by one or from CSV, tickets as text and QR code, accommodations,
//! revoking), the review inbox (status per candidate, filter, sort) and the review of one
//! submission (player, comments at moments that seek when clicked, a 1-5 scorecard hidden from
//! the other reviewers' until one's own is in, a decision with a message for the candidate).
//! A status bar shows the node; toasts announce new submissions.

mod conversation;
pub mod service;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;
use peerview_media::player::TimeSource;
use peerview_sync::doc::{Answer, AnswerKind, Campaign, EventKind, InviteState, Overrides, Question, Review, Verdict};
use peerview_sync::{CampaignId, CandidateId, Clock, Timestamp};

use self::service::{CampaignView, Entry, Event, Mode, NodeStatus, Request, ReviewService};
use super::devices::SharedDevices;
use super::widgets::{Loading, PlayerView, clock_text};
use crate::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Inbox,
    Invites,
    Campaign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Name,
    Status,
    Submitted,
}

/// A campaign being edited.
struct Editor {
    campaign: Campaign,
    deadline: String,
    criteria: String,
    /// Days to keep a submission after its decision; empty: until deleted by hand.
    retention: String,
    toml: String,
    error: Option<String>,
}

impl Editor {
    fn new(campaign: Campaign) -> Editor {
        Editor {
            deadline: fmt_deadline(campaign.deadline),
            criteria: campaign.criteria.join(", "),
            retention: campaign.retention_days.map(|d| d.to_string()).unwrap_or_default(),
            toml: String::new(),
            error: None,
            campaign,
        }
    }
}

/// The submission on screen.
struct Open {
    candidate: CandidateId,
    question: usize,
    player: Option<(String, PlayerView)>,
    loading: Option<(String, Loading<Result<PlayerView, String>>)>,
    prepared: std::collections::HashMap<String, PathBuf>,
    waveforms: std::collections::HashMap<String, Vec<f32>>,
    asked: HashSet<String>,
    comment: String,
    verdict: Verdict,
    message: String,
    /// A message being written to the candidate, and a reason for declining a request.
    reply: String,
    decline_reason: String,
    /// Per open request (by id): the amount the employer is about to grant.
    grant_amounts: std::collections::HashMap<String, peerview_sync::doc::RequestKind>,
    /// The conversation's length when it was last reported as read.
    marked_read: usize,
}

pub struct ReviewUi {
    mode: Mode,
    service: ReviewService,
    clock: Arc<dyn TimeSource>,
    /// The date and time, for new campaigns' dates.
    wall_clock: Arc<dyn Clock>,
    devices: SharedDevices,
    data_dir: PathBuf,
    campaigns: Vec<CampaignView>,
    generation: u64,
    loaded: bool,
    node: NodeStatus,
    pub selected: Option<CampaignId>,
    pub tab: Tab,
    editor: Option<Editor>,
    invite_name: String,
    invite_email: String,
    csv: String,
    reviewer_name: String,
    tickets: Vec<(String, String, bool)>,
    accommodations: std::collections::HashMap<CandidateId, Overrides>,
    /// The candidate whose Delete was clicked once: the second click confirms.
    confirm_delete: Option<CandidateId>,
    /// Unread messages per candidate in the last snapshot (a toast when it grows).
    unread_seen: Option<std::collections::HashMap<CandidateId, usize>>,
    filter: String,
    sort: Sort,
    open: Option<Open>,
    toasts: Vec<(String, u64)>,
    error: Option<String>,
    join_text: String,
    /// Where the invite screen saves `.eml` drafts for the new tickets.
    drafts_dir: String,
    submitted_seen: Option<HashSet<CandidateId>>,
}

impl ReviewUi {
    pub fn new(
        mode: Mode,
        service: ReviewService,
        clock: Arc<dyn TimeSource>,
        wall_clock: Arc<dyn Clock>,
        devices: SharedDevices,
        data_dir: PathBuf,
    ) -> ReviewUi {
        ReviewUi {
            mode,
            service,
            clock,
            wall_clock,
            devices,
            data_dir,
            campaigns: Vec::new(),
            generation: 0,
            loaded: false,
            node: NodeStatus::default(),
            selected: None,
            tab: Tab::Inbox,
            editor: None,
            invite_name: String::new(),
            invite_email: String::new(),
            csv: String::new(),
            reviewer_name: String::new(),
            tickets: Vec::new(),
            accommodations: std::collections::HashMap::new(),
            confirm_delete: None,
            unread_seen: None,
            filter: String::new(),
            sort: Sort::Status,
            open: None,
            toasts: Vec::new(),
            error: None,
            join_text: String::new(),
            drafts_dir: default_drafts_dir(),
            submitted_seen: None,
        }
    }

    fn now_ms(&self) -> u64 {
        self.clock.now_us() / 1000
    }

    fn toast(&mut self, text: String) {
        let until = self.now_ms() + 6000;
        self.toasts.push((text, until));
    }

    fn view(&self, id: &CampaignId) -> Option<&CampaignView> {
        self.campaigns.iter().find(|c| &c.campaign.id == id)
    }

    fn poll(&mut self, ctx: &egui::Context) {
        while let Some(event) = self.service.try_event() {
            match event {
                Event::Campaigns { generation, list } => {
                    if generation >= self.generation {
                        self.announce_arrivals(&list);
                        self.campaigns = list;
                        self.loaded = true;
                        if self.selected.is_none() {
                            self.selected = self.campaigns.first().map(|c| c.campaign.id.clone());
                        }
                    }
                }
                Event::Node(status) => self.node = status,
                Event::Tickets { tickets, .. } => self.tickets.splice(0..0, tickets).for_each(drop),
                Event::Saved { generation, what } => {
                    self.generation = self.generation.max(generation);
                    self.toast(what);
                }
                Event::Prepared { hash, path, waveform } => {
                    if let Some(open) = &mut self.open {
                        if let Some(w) = waveform {
                            open.waveforms.insert(hash.clone(), w);
                        }
                        open.prepared.insert(hash, path);
                    }
                }
                Event::Toast(text) => self.toast(text),
                Event::Error(e) => self.error = Some(e),
            }
        }
        if let Some(open) = &mut self.open
            && let Some((hash, loading)) = &open.loading
            && let Some(result) = loading.poll()
        {
            let hash = hash.clone();
            open.loading = None;
            match result {
                Ok(p) => open.player = Some((hash, p)),
                Err(e) => self.error = Some(e),
            }
        }
        let now = self.now_ms();
        self.toasts.retain(|(_, until)| *until > now);
        if !self.toasts.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// "New submission from ..." for submissions that arrived since the last look.
    fn announce_arrivals(&mut self, list: &[CampaignView]) {
        let submitted: HashSet<CandidateId> = list
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| e.submission.as_ref().is_some_and(|s| s.submitted_at.is_some()))
            .map(|e| e.candidate.id.clone())
            .collect();
        if let Some(seen) = &self.submitted_seen {
            let new: Vec<String> = list
                .iter()
                .flat_map(|c| &c.entries)
                .filter(|e| submitted.contains(&e.candidate.id) && !seen.contains(&e.candidate.id))
                .map(|e| e.candidate.name.clone())
                .collect();
            for name in new {
                self.toast(format!("New submission from {name}"));
            }
        }
        self.submitted_seen = Some(submitted);
        let unread: std::collections::HashMap<CandidateId, usize> =
            list.iter().flat_map(|c| &c.entries).map(|e| (e.candidate.id.clone(), e.unread)).collect();
        // After the first snapshot (no toasts for what was already waiting at start), a
        // conversation not seen before counts as having had nothing unread.
        if let Some(seen) = &self.unread_seen {
            let new: Vec<String> = list
                .iter()
                .flat_map(|c| &c.entries)
                .filter(|e| e.unread > seen.get(&e.candidate.id).copied().unwrap_or(0))
                .map(|e| e.candidate.name.clone())
                .collect();
            for name in new {
                self.toast(format!("New message from {name}"));
            }
        }
        self.unread_seen = Some(unread);
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        egui::Panel::bottom("node_status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let who = if self.mode == Mode::Employer { "Employer node" } else { "Reviewer node" };
                let id: String = self.node.id.chars().take(12).collect();
                ui.label(format!(
                    "{who} {id}: {} - {} connected - {} transfers",
                    if self.node.reachability.is_empty() { "starting" } else { &self.node.reachability },
                    self.node.peers,
                    self.node.transfers
                ));
            });
        });
        if let Some(e) = self.error.clone() {
            egui::Panel::top("review_error").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, e);
                    if ui.button("Dismiss").clicked() {
                        self.error = None;
                    }
                });
            });
        }
        egui::Panel::left("campaign_list").default_size(260.0).min_size(220.0).show(ui, |ui| self.campaign_list(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                if self.open.is_some() {
                    self.review(ui);
                } else if self.mode == Mode::Reviewer && self.campaigns.is_empty() {
                    self.join(ui);
                } else {
                    self.campaign_page(ui);
                }
            });
        });
        if !self.toasts.is_empty() {
            egui::Area::new(egui::Id::unique("toasts")).anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 40.0)).show(
                &ctx,
                |ui| {
                    // The latest few; older ones wait their turn to expire.
                    for (text, _) in self.toasts.iter().rev().take(3) {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.set_min_width(220.0);
                            ui.label(text);
                        });
                    }
                },
            );
        }
    }

    fn campaign_list(&mut self, ui: &mut egui::Ui) {
        ui.heading("Campaigns");
        if self.mode == Mode::Employer && ui.button("New campaign").clicked() {
            let campaign = new_campaign(self.wall_clock.now());
            self.selected = Some(campaign.id.clone());
            self.editor = Some(Editor::new(campaign));
            self.tab = Tab::Campaign;
            self.open = None;
        }
        if !self.loaded {
            ui.spinner();
        }
        let mut select = None;
        for c in &self.campaigns {
            let submitted =
                c.entries.iter().filter(|e| e.submission.as_ref().is_some_and(|s| s.submitted_at.is_some())).count();
            let n = c.entries.len();
            let text =
                format!("{}\n{n} candidate{}, {submitted} submitted", c.campaign.title, if n == 1 { "" } else { "s" });
            if ui.selectable_label(self.selected.as_ref() == Some(&c.campaign.id), text).clicked() {
                select = Some(c.campaign.id.clone());
            }
        }
        if let Some(id) = select {
            self.selected = Some(id);
            self.editor = None;
            self.open = None;
        }
        if self.mode == Mode::Reviewer && !self.campaigns.is_empty() {
            ui.separator();
            self.join(ui);
        }
    }

    fn join(&mut self, ui: &mut egui::Ui) {
        ui.heading("Join as a reviewer");
        ui.label("Paste the reviewer ticket the employer sent you (it starts with \"pvreview1\").");
        let label = ui.label("Reviewer ticket");
        ui.add(egui::TextEdit::singleline(&mut self.join_text).desired_width(400.0)).labelled_by(label.id);
        if ui.add_enabled(!self.join_text.trim().is_empty(), egui::Button::new("Join")).clicked() {
            self.service.send(Request::Join(self.join_text.trim().to_owned()));
            self.join_text.clear();
        }
    }

    fn campaign_page(&mut self, ui: &mut egui::Ui) {
        let editing_new = self.editor.as_ref().is_some_and(|e| self.view(&e.campaign.id).is_none());
        let Some(id) = self.selected.clone() else {
            ui.label("No campaign yet. Create one with \"New campaign\".");
            return;
        };
        if !editing_new && self.view(&id).is_none() {
            return;
        }
        ui.horizontal(|ui| {
            let title = self.view(&id).map_or_else(|| "New campaign".to_owned(), |v| v.campaign.title.clone());
            ui.heading(title);
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Inbox, "Candidates");
            if self.mode == Mode::Employer {
                ui.selectable_value(&mut self.tab, Tab::Invites, "Invites");
                ui.selectable_value(&mut self.tab, Tab::Campaign, "Campaign");
            }
        });
        ui.separator();
        match (self.tab, editing_new) {
            (Tab::Campaign, _) | (_, true) => self.editor_ui(ui, &id),
            (Tab::Invites, _) => self.invites(ui, &id),
            (Tab::Inbox, _) => self.inbox(ui, &id),
        }
    }

    fn inbox(&mut self, ui: &mut egui::Ui, id: &CampaignId) {
        let Some(view) = self.view(id).cloned() else { return };
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(200.0)).labelled_by(label.id);
            egui::ComboBox::from_label("Sort by")
                .selected_text(match self.sort {
                    Sort::Name => "name",
                    Sort::Status => "status",
                    Sort::Submitted => "submitted",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.sort, Sort::Status, "status");
                    ui.selectable_value(&mut self.sort, Sort::Name, "name");
                    ui.selectable_value(&mut self.sort, Sort::Submitted, "submitted");
                });
        });
        let filter = self.filter.to_lowercase();
        let mut rows: Vec<&Entry> = view
            .entries
            .iter()
            .filter(|e| {
                filter.is_empty()
                    || e.candidate.name.to_lowercase().contains(&filter)
                    || status(e, &view.campaign).to_lowercase().contains(&filter)
            })
            .collect();
        match self.sort {
            Sort::Name => rows.sort_by_key(|e| e.candidate.name.to_lowercase()),
            Sort::Status => rows.sort_by_key(|e| std::cmp::Reverse(rank(e))),
            Sort::Submitted => {
                rows.sort_by_key(|e| std::cmp::Reverse(e.submission.as_ref().and_then(|s| s.submitted_at)));
            }
        }
        if rows.is_empty() {
            ui.label("No candidates yet. Invite some in the Invites tab.");
        }
        let mut open = None;
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
                let has_answers =
                    e.submission.as_ref().is_some_and(|s| !s.answers.is_empty() || !s.messages.is_empty());
                if ui.add_enabled(has_answers, egui::Button::new(format!("Review {}", e.candidate.name))).clicked() {
                    open = Some(e.candidate.id.clone());
                }
                ui.end_row();
            }
        });
        if let Some(candidate) = open {
            self.service.send(Request::MarkViewed(candidate.clone()));
            self.open = Some(Open {
                candidate,
                question: 0,
                player: None,
                loading: None,
                prepared: std::collections::HashMap::new(),
                waveforms: std::collections::HashMap::new(),
                asked: HashSet::new(),
                comment: String::new(),
                verdict: Verdict::Advance,
                message: String::new(),
                reply: String::new(),
                decline_reason: String::new(),
                grant_amounts: std::collections::HashMap::new(),
                marked_read: 0,
            });
        }
    }

    /// One `.eml` mail draft per new candidate ticket, into a folder the employer chooses.
    fn drafts_ui(&mut self, ui: &mut egui::Ui, view: &CampaignView) {
        ui.horizontal(|ui| {
            let l = ui.label("Email drafts folder");
            ui.add(egui::TextEdit::singleline(&mut self.drafts_dir).desired_width(320.0)).labelled_by(l.id);
            let ready = !self.drafts_dir.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Save email drafts (.eml)")).clicked() {
                let drafts = self
                    .tickets
                    .iter()
                    .filter(|(_, _, reviewer)| !reviewer)
                    .filter_map(|(name, text, _)| {
                        let ticket = peerview_sync::ticket::Ticket::decode(text).ok()?;
                        let email = candidate_email(view, &ticket);
                        let mail = crate::invite_mail::InviteMail::new(&view.campaign, name, email.as_deref(), &ticket);
                        Some((crate::invite_mail::InviteMail::file_name(name), mail.eml()))
                    })
                    .collect();
                self.service.send(Request::SaveInviteDrafts { dir: PathBuf::from(self.drafts_dir.trim()), drafts });
            }
        });
    }

    /// A candidate's invite as a link: copied, or in a mail draft with everything they need.
    fn invite_links_ui(&mut self, ui: &mut egui::Ui, view: &CampaignView, name: &str, ticket_text: &str) {
        let Ok(ticket) = peerview_sync::ticket::Ticket::decode(ticket_text) else { return };
        ui.horizontal(|ui| {
            if ui.button(format!("Copy link for {name}")).clicked() {
                ui.ctx().copy_text(ticket.link());
                self.toast(format!("Link for {name} copied: it opens Peerview on the invite"));
            }
            if ui.button(format!("Email invite to {name}")).clicked() {
                let email = candidate_email(view, &ticket);
                let url = crate::invite_mail::InviteMail::mailto(&view.campaign, name, email.as_deref(), &ticket);
                match crate::desktop::open_url(&url) {
                    Ok(()) => self.toast(format!("A draft to {name} opens in your mail program")),
                    Err(e) => self.error = Some(format!("Could not open your mail program ({e}); use Copy link")),
                }
            }
        });
    }

    fn invites(&mut self, ui: &mut egui::Ui, id: &CampaignId) {
        let Some(view) = self.view(id).cloned() else { return };
        ui.label(egui::RichText::new("Invite a candidate").strong());
        ui.horizontal(|ui| {
            let l = ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut self.invite_name).desired_width(180.0)).labelled_by(l.id);
            let l = ui.label("Email");
            ui.add(egui::TextEdit::singleline(&mut self.invite_email).desired_width(220.0)).labelled_by(l.id);
            if ui.add_enabled(!self.invite_name.trim().is_empty(), egui::Button::new("Invite")).clicked() {
                let email = Some(self.invite_email.trim().to_owned()).filter(|e| !e.is_empty());
                self.service.send(Request::InviteCandidates {
                    campaign: id.clone(),
                    people: vec![(self.invite_name.trim().to_owned(), email)],
                });
                self.invite_name.clear();
                self.invite_email.clear();
            }
        });
        ui.collapsing("Invite several (CSV: name, email per line)", |ui| {
            let l = ui.label("Candidates as CSV");
            ui.add(egui::TextEdit::multiline(&mut self.csv).desired_rows(4).desired_width(500.0)).labelled_by(l.id);
            if ui.button("Invite all").clicked() {
                match parse_csv(&self.csv) {
                    Ok(people) if !people.is_empty() => {
                        self.service.send(Request::InviteCandidates { campaign: id.clone(), people });
                        self.csv.clear();
                    }
                    Ok(_) => self.error = Some("the CSV lists nobody".into()),
                    Err(e) => self.error = Some(e),
                }
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label("Reviewer name");
            ui.add(egui::TextEdit::singleline(&mut self.reviewer_name).desired_width(180.0)).labelled_by(l.id);
            if ui.add_enabled(!self.reviewer_name.trim().is_empty(), egui::Button::new("Invite reviewer")).clicked() {
                self.service
                    .send(Request::InviteReviewer { campaign: id.clone(), name: self.reviewer_name.trim().to_owned() });
                self.reviewer_name.clear();
            }
        });
        if !self.tickets.is_empty() {
            ui.separator();
            ui.label(egui::RichText::new("New tickets: send each to its person").strong());
            if self.tickets.iter().any(|(_, _, reviewer)| !reviewer) {
                self.drafts_ui(ui, &view);
            }
            for (name, ticket, reviewer) in self.tickets.clone() {
                ui.horizontal_top(|ui| {
                    qr_code(ui, &ticket, 3.0);
                    ui.vertical(|ui| {
                        ui.label(format!("{name}{}", if reviewer { " (reviewer)" } else { "" }));
                        ui.add(egui::Label::new(egui::RichText::new(&ticket).monospace().size(11.0)).wrap());
                        if ui.button(format!("Copy ticket for {name}")).clicked() {
                            ui.ctx().copy_text(ticket.clone());
                            self.toast(format!("Ticket for {name} copied"));
                        }
                        if !reviewer {
                            self.invite_links_ui(ui, &view, &name, &ticket);
                        }
                    });
                });
            }
        }
        ui.separator();
        ui.label(egui::RichText::new("Invited candidates").strong());
        let mut actions = Vec::new();
        egui::Grid::new("candidates").striped(true).num_columns(6).show(ui, |ui| {
            for e in &view.entries {
                let c = &e.candidate;
                ui.label(format!("{}{}", c.name, c.email.as_deref().map(|m| format!(" <{m}>")).unwrap_or_default()));
                ui.label(c.state.to_string());
                let current = e.submission.as_ref().map(|s| s.accommodations).unwrap_or_default();
                let o = self.accommodations.entry(c.id.clone()).or_insert(current);
                let mut days = o.extension_secs / 86_400;
                ui.add(egui::DragValue::new(&mut days).range(0..=60).suffix(" days later"));
                o.extension_secs = days * 86_400;
                ui.add(egui::DragValue::new(&mut o.extra_time_percent).range(0..=200).suffix("% more time"));
                ui.add(egui::DragValue::new(&mut o.extra_takes).range(0..=5).suffix(" extra takes"));
                ui.horizontal(|ui| {
                    if *o != current && ui.button(format!("Save for {}", c.name)).clicked() {
                        actions.push(Request::SetAccommodations { candidate: c.id.clone(), overrides: *o });
                    }
                    if c.state != InviteState::Revoked && ui.button(format!("Revoke {}", c.name)).clicked() {
                        actions.push(Request::Revoke { campaign: id.clone(), invitee: c.id.to_string() });
                    }
                    if self.confirm_delete.as_ref() == Some(&c.id) {
                        ui.label(egui::RichText::new("Delete everywhere, for good?").strong());
                        if ui.button(format!("Yes, delete {}", c.name)).clicked() {
                            actions.push(Request::Delete { campaign: id.clone(), candidate: c.id.clone() });
                            self.confirm_delete = None;
                        }
                        if ui.button("Keep").clicked() {
                            self.confirm_delete = None;
                        }
                    } else if ui
                        .button(format!("Delete {}", c.name))
                        .on_hover_text("Deletes the submission, reviews, recordings, name and email here, on hubs and on reviewers' computers")
                        .clicked()
                    {
                        self.confirm_delete = Some(c.id.clone());
                    }
                });
                ui.end_row();
            }
        });
        if let Some(roster) = &view.roster
            && !roster.reviewers.is_empty()
        {
            ui.label(egui::RichText::new("Reviewers").strong());
            for r in &roster.reviewers {
                ui.horizontal(|ui| {
                    ui.label(format!("{} ({})", r.name, r.state));
                    if r.state != InviteState::Revoked && ui.button(format!("Revoke {}", r.name)).clicked() {
                        actions.push(Request::Revoke { campaign: id.clone(), invitee: r.id.to_string() });
                    }
                });
            }
        }
        for a in actions {
            self.service.send(a);
        }
    }

    fn editor_ui(&mut self, ui: &mut egui::Ui, id: &CampaignId) {
        if self.editor.as_ref().is_none_or(|e| &e.campaign.id != id) {
            let Some(view) = self.view(id) else { return };
            self.editor = Some(Editor::new(view.campaign.clone()));
        }
        let now = self.wall_clock.now();
        let Some(ed) = self.editor.as_mut() else { return };
        let mut send = None;
        egui::Grid::new("campaign_fields").num_columns(2).show(ui, |ui| {
            for (name, value) in [("Title", &mut ed.campaign.title), ("Role", &mut ed.campaign.role)] {
                let l = ui.label(name);
                ui.add(egui::TextEdit::singleline(value).desired_width(420.0)).labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label("Instructions");
            ui.add(egui::TextEdit::multiline(&mut ed.campaign.instructions).desired_rows(3).desired_width(420.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Deadline (UTC)");
            ui.add(egui::TextEdit::singleline(&mut ed.deadline).desired_width(200.0)).labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Scorecard criteria");
            ui.add(egui::TextEdit::singleline(&mut ed.criteria).desired_width(420.0)).labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Keep submissions (days after the decision)");
            ui.add(egui::TextEdit::singleline(&mut ed.retention).hint_text("until deleted").desired_width(120.0))
                .labelled_by(l.id)
                .on_hover_text("Deleted everywhere (this computer, hubs, reviewers) when the time is up");
            ui.end_row();
        });
        ui.checkbox(&mut ed.campaign.blind_review, "Blind review: reviewers see aliases, not names and emails");
        ui.checkbox(&mut ed.campaign.reviewers_may_message, "Reviewers may write to candidates (they always read)");
        let mut practice = ed.campaign.practice.is_some();
        if ui.checkbox(&mut practice, "Practice question (never counts)").changed() {
            ed.campaign.practice = practice.then(|| Question {
                id: peerview_sync::ids::PRACTICE_QUESTION_ID.parse().expect("valid id"),
                prompt: "Tell us about your favourite place.".into(),
                kind: AnswerKind::Video,
                think_secs: 20,
                answer_limit_secs: 60,
                max_takes: 3,
            });
        }
        if let Some(p) = &mut ed.campaign.practice {
            question_fields(ui, p, "Practice");
        }
        ui.label(egui::RichText::new("Questions").strong());
        let count = ed.campaign.questions.len();
        let mut swap = None;
        let mut remove = None;
        for (i, q) in ed.campaign.questions.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{}.", i + 1));
                if ui.add_enabled(i > 0, egui::Button::new(format!("Move {} up", i + 1))).clicked() {
                    swap = Some(i - 1);
                }
                if ui.add_enabled(i + 1 < count, egui::Button::new(format!("Move {} down", i + 1))).clicked() {
                    swap = Some(i);
                }
                if ui.add_enabled(count > 1, egui::Button::new(format!("Remove {}", i + 1))).clicked() {
                    remove = Some(i);
                }
            });
            question_fields(ui, q, &format!("Question {}", i + 1));
        }
        if let Some(i) = swap {
            ed.campaign.questions.swap(i, i + 1);
        }
        if let Some(i) = remove {
            ed.campaign.questions.remove(i);
        }
        if ui.button("Add question").clicked() {
            let n =
                (1..).find(|n| !ed.campaign.questions.iter().any(|q| q.id.as_str() == format!("q{n}"))).unwrap_or(99);
            ed.campaign.questions.push(Question {
                id: format!("q{n}").parse().expect("valid id"),
                prompt: String::new(),
                kind: AnswerKind::Video,
                think_secs: 30,
                answer_limit_secs: 120,
                max_takes: 2,
            });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save campaign").clicked() {
                match editor_campaign(ed) {
                    Ok(c) => {
                        ed.error = None;
                        send = Some(Request::SaveCampaign(Box::new(c)));
                    }
                    Err(e) => ed.error = Some(e),
                }
            }
            if ui.button("Duplicate").clicked() {
                let mut copy = ed.campaign.clone();
                copy.id = CampaignId::random();
                copy.title = format!("{} (copy)", copy.title);
                copy.created_at = now;
                *ed = Editor::new(copy);
                ed.error = Some("This is an unsaved copy: change it and save.".into());
            }
            if ui.button("Export TOML").clicked() {
                match crate::campaign_file::export(&ed.campaign) {
                    Ok(text) => {
                        ui.ctx().copy_text(text.clone());
                        ed.toml = text;
                    }
                    Err(e) => ed.error = Some(format!("{e:#}")),
                }
            }
        });
        if let Some(e) = &ed.error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        ui.collapsing("Import or export the campaign file (TOML)", |ui| {
            let l = ui.label("Campaign TOML");
            ui.add(egui::TextEdit::multiline(&mut ed.toml).code_editor().desired_rows(8).desired_width(600.0))
                .labelled_by(l.id);
            if ui.button("Import as a new campaign").clicked() {
                match crate::campaign_file::parse("the imported text", &ed.toml, now) {
                    Ok(c) => {
                        *ed = Editor::new(c);
                        ed.error = Some("Imported: check it and save.".into());
                    }
                    Err(e) => ed.error = Some(format!("{e:#}")),
                }
            }
        });
        let new_id = ed.campaign.id.clone();
        if let Some(r) = send {
            self.service.send(r);
            self.selected = Some(new_id);
        } else if self.selected.as_ref() != Some(&new_id) {
            self.selected = Some(new_id);
        }
    }

    fn review(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let Some(view) =
            self.campaigns.iter().find(|v| v.entries.iter().any(|e| e.candidate.id == open.candidate)).cloned()
        else {
            return;
        };
        let entry = view.entries.iter().find(|e| e.candidate.id == open.candidate).cloned().expect("entry");
        let Some(submission) = entry.submission.clone() else { return };
        let reviews = entry.reviews.clone();
        let mine: Review = reviews.as_ref().and_then(|r| r.by_reviewer.get(&view.me).cloned()).unwrap_or_default();
        let mut requests = Vec::new();
        ui.horizontal(|ui| {
            if ui.button("Back to the inbox").clicked() {
                self.open = None;
            }
            ui.heading(&entry.candidate.name);
            ui.label(status(&entry, &view.campaign));
            if ui.button("Export").clicked() {
                let dir = self.data_dir.join("exports").join(slug(&entry.candidate.name));
                requests.push(Request::Export { candidate: entry.candidate.id.clone(), dir });
            }
        });
        let Some(open) = self.open.as_mut() else { return };
        ui.horizontal(|ui| {
            for (i, q) in view.campaign.questions.iter().enumerate() {
                if ui.selectable_label(open.question == i, format!("Question {}", i + 1)).clicked()
                    && open.question != i
                {
                    open.question = i;
                    open.player = None;
                    open.loading = None;
                }
                let _ = q;
            }
        });
        let Some(question) = view.campaign.questions.get(open.question).cloned() else { return };
        ui.label(egui::RichText::new(&question.prompt).size(18.0).strong());
        // The answer and its comments on the left, scorecard and decision on the right.
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(580.0);
                let mut position_ms = 0;
                match submission.answers.get(&question.id) {
                    None => {
                        ui.label("Not answered.");
                    }
                    Some(Answer::Text(t)) => {
                        ui.label(&t.text);
                    }
                    Some(Answer::Recording(take)) => {
                        let hash = take.hash.clone();
                        let here = entry.recordings.1 > 0
                            && (entry.recordings.0 >= entry.recordings.1 || open.prepared.contains_key(&hash));
                        match (&mut open.player, open.prepared.get(&hash)) {
                            (Some((h, player)), _) if *h == hash => {
                                player.show(ui, egui::vec2(560.0, 315.0));
                                if let Some(peaks) = open.waveforms.get(&hash) {
                                    waveform(ui, peaks, &player.player);
                                }
                                position_ms = player.player.position_us() / 1000;
                            }
                            (_, Some(path)) if open.loading.is_none() => {
                                let loading = PlayerView::open(
                                    ui.ctx(),
                                    path.clone(),
                                    format!("{}: answer {}", entry.candidate.name, open.question + 1),
                                    self.devices.speakers(),
                                    self.clock.clone(),
                                );
                                open.loading = Some((hash.clone(), loading));
                                ui.spinner();
                            }
                            _ if here || entry.recordings.0 >= entry.recordings.1 => {
                                if open.asked.insert(hash.clone()) {
                                    requests.push(Request::Prepare { hash });
                                }
                                ui.spinner();
                            }
                            _ => {
                                let pct = entry.recordings.0 * 100 / entry.recordings.1.max(1);
                                ui.label(format!("The recording is still arriving ({pct}%)."));
                            }
                        }
                        ui.weak(format!("Take {}, {}", take.take_number, clock_text(take.duration_ms.div_ceil(1000))));
                    }
                }
                // Comments at moments of this answer, everyone's; a click seeks there.
                ui.separator();
                ui.label(egui::RichText::new("Comments").strong());
                let mut seek = None;
                if let Some(r) = &reviews {
                    let mut all: Vec<(&str, &peerview_sync::doc::ReviewComment)> = r
                        .by_reviewer
                        .values()
                        .flat_map(|rev| rev.comments.iter().map(move |c| (rev.reviewer_name.as_str(), c)))
                        .filter(|(_, c)| c.question == question.id)
                        .collect();
                    all.sort_by_key(|(_, c)| c.at_ms);
                    for (name, c) in all {
                        if ui
                            .button(format!("{} {name}: {}", clock_text(c.at_ms / 1000), c.text))
                            .on_hover_text("Play from here")
                            .clicked()
                        {
                            seek = Some(c.at_ms);
                        }
                    }
                }
                if let (Some(at), Some((_, player))) = (seek, &open.player) {
                    player.player.seek(at * 1000);
                    player.player.play();
                }
                ui.horizontal(|ui| {
                    let l = ui.label("Comment");
                    ui.add(egui::TextEdit::singleline(&mut open.comment).desired_width(380.0)).labelled_by(l.id);
                    let label = format!("Comment at {}", clock_text(position_ms / 1000));
                    if ui.add_enabled(!open.comment.trim().is_empty(), egui::Button::new(label)).clicked() {
                        requests.push(Request::Comment {
                            candidate: entry.candidate.id.clone(),
                            question: question.id.clone(),
                            at_ms: position_ms,
                            text: open.comment.trim().to_owned(),
                        });
                        open.comment.clear();
                    }
                });
            });
            ui.add_space(16.0);
            ui.vertical(|ui| {
                // Scorecard: one's own first; the others' only once one's own is in.
                ui.label(egui::RichText::new(format!("Your scorecard ({})", view.my_name)).strong());
                for criterion in &view.campaign.criteria {
                    let current = mine.scores.get(criterion).copied();
                    let mut chosen = current;
                    egui::ComboBox::from_label(criterion.as_str())
                        .selected_text(current.map_or_else(|| "not scored".to_owned(), score_text))
                        .show_ui(ui, |ui| {
                            for s in 1..=5u8 {
                                ui.selectable_value(&mut chosen, Some(s), score_text(s));
                            }
                        });
                    if chosen != current
                        && let Some(score) = chosen
                    {
                        requests.push(Request::Score {
                            candidate: entry.candidate.id.clone(),
                            criterion: criterion.clone(),
                            score,
                        });
                    }
                }
                let others: Vec<(&peerview_sync::ReviewerId, &Review)> = reviews
                    .as_ref()
                    .map(|r| {
                        r.by_reviewer.iter().filter(|(id, rev)| **id != view.me && !rev.scores.is_empty()).collect()
                    })
                    .unwrap_or_default();
                if mine.submitted_at.is_none() {
                    let all_scored = view.campaign.criteria.iter().all(|c| mine.scores.contains_key(c));
                    if ui.add_enabled(all_scored, egui::Button::new("Submit my scorecard")).clicked() {
                        requests.push(Request::SubmitScores(entry.candidate.id.clone()));
                    }
                    if !others.is_empty() {
                        ui.weak(format!(
                            "{} other reviewer(s) scored this candidate; their scores show once you submit yours.",
                            others.len()
                        ));
                    }
                } else if let Some(r) = &reviews {
                    ui.weak("Scorecards side by side:");
                    let average = r.average_scores();
                    egui::Grid::new("scores").striped(true).show(ui, |ui| {
                        ui.label("Criterion");
                        for rev in r.by_reviewer.values() {
                            ui.label(&rev.reviewer_name);
                        }
                        ui.label("Average");
                        ui.end_row();
                        for criterion in &view.campaign.criteria {
                            ui.label(criterion);
                            for rev in r.by_reviewer.values() {
                                ui.label(rev.scores.get(criterion).map_or_else(|| "-".to_owned(), ToString::to_string));
                            }
                            ui.label(average.get(criterion).map_or_else(|| "-".to_owned(), |a| format!("{a:.1}")));
                            ui.end_row();
                        }
                    });
                }
                // The conversation with the candidate.
                ui.separator();
                conversation::conversation_ui(
                    ui,
                    &view,
                    &entry,
                    &submission,
                    open,
                    self.mode == Mode::Employer,
                    &mut requests,
                );
                // Decision.
                ui.separator();
                ui.label(egui::RichText::new("Decision").strong());
                if let Some(d) = submission.events.iter().rev().find_map(|e| match &e.kind {
                    EventKind::Decision { verdict, message } => Some((*verdict, message.clone(), e.by.clone(), e.at)),
                    _ => None,
                }) {
                    ui.label(format!(
                        "Sent to the candidate: {} by {} on {}{}",
                        d.0,
                        d.2,
                        fmt::date_time(d.3),
                        d.1.map(|m| format!(" - \"{m}\"")).unwrap_or_default()
                    ));
                }
                ui.horizontal(|ui| {
                    ui.radio_value(&mut open.verdict, Verdict::Advance, "Advance");
                    ui.radio_value(&mut open.verdict, Verdict::Hold, "Hold");
                    ui.radio_value(&mut open.verdict, Verdict::Reject, "Reject");
                });
                let l = ui.label("Message to the candidate (optional)");
                ui.add(egui::TextEdit::multiline(&mut open.message).desired_rows(2).desired_width(500.0))
                    .labelled_by(l.id);
                if ui.button("Send decision").clicked() {
                    let message = Some(open.message.trim().to_owned()).filter(|m| !m.is_empty());
                    requests.push(Request::Decide {
                        candidate: entry.candidate.id.clone(),
                        verdict: open.verdict,
                        message,
                    });
                }
            });
        });
        for r in requests {
            self.service.send(r);
        }
    }
}

/// A sound-only answer's waveform with the play position; a click seeks there.
fn waveform(ui: &mut egui::Ui, peaks: &[f32], player: &peerview_media::player::Player) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(560.0, 80.0), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Waveform of the answer"));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let step = rect.width() / peaks.len().max(1) as f32;
    let color = ui.visuals().selection.bg_fill;
    for (i, p) in peaks.iter().enumerate() {
        let x = rect.left() + (i as f32 + 0.5) * step;
        let h = (p * rect.height() * 0.9).max(1.0);
        painter.line_segment(
            [egui::pos2(x, rect.center().y - h / 2.0), egui::pos2(x, rect.center().y + h / 2.0)],
            egui::Stroke::new(step.max(1.0) * 0.7, color),
        );
    }
    let duration = player.duration_us().max(1);
    let x = rect.left() + rect.width() * (player.position_us() as f32 / duration as f32);
    painter.line_segment(
        [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let fraction = ((pos.x - rect.left()) / rect.width()).clamp(0.0, 1.0);
        player.seek((f64::from(fraction) * duration as f64) as u64);
    }
}

fn score_text(s: u8) -> String {
    let word = match s {
        1 => "poor",
        2 => "weak",
        3 => "fair",
        4 => "good",
        _ => "excellent",
    };
    format!("{s} - {word}")
}

fn question_fields(ui: &mut egui::Ui, q: &mut Question, name: &str) {
    ui.indent(name, |ui| {
        let l = ui.label(format!("{name} prompt"));
        ui.add(egui::TextEdit::multiline(&mut q.prompt).desired_rows(2).desired_width(520.0)).labelled_by(l.id);
        ui.horizontal(|ui| {
            egui::ComboBox::from_label(format!("{name} answer")).selected_text(q.kind.to_string()).show_ui(ui, |ui| {
                for kind in [AnswerKind::Video, AnswerKind::Audio, AnswerKind::Text] {
                    ui.selectable_value(&mut q.kind, kind, kind.to_string());
                }
            });
            ui.add(egui::DragValue::new(&mut q.think_secs).range(0..=600).suffix(" s to think"));
            ui.add(egui::DragValue::new(&mut q.answer_limit_secs).range(0..=3600).suffix(" s limit"));
            ui.add(egui::DragValue::new(&mut q.max_takes).range(1..=10).suffix(" takes"));
        });
    });
}

/// A new campaign with one question to start from.
fn new_campaign(now: Timestamp) -> Campaign {
    Campaign {
        id: CampaignId::random(),
        title: "New campaign".into(),
        role: String::new(),
        instructions: String::new(),
        practice: None,
        questions: vec![Question {
            id: "q1".parse().expect("valid id"),
            prompt: "Introduce yourself.".into(),
            kind: AnswerKind::Video,
            think_secs: 30,
            answer_limit_secs: 120,
            max_takes: 2,
        }],
        criteria: crate::campaign_file::DEFAULT_CRITERIA.iter().map(|s| (*s).to_owned()).collect(),
        deadline: Timestamp(now.0 + 14 * 86_400_000),
        created_at: now,
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: crate::fmt::viewer_zone_name(),
    }
}

fn fmt_deadline(t: Timestamp) -> String {
    let secs = u64::try_from(t.0 / 1000).unwrap_or(0);
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    humantime::format_rfc3339_seconds(time).to_string().replace('T', " ").trim_end_matches('Z').to_owned()
}

/// The edited campaign, checked: what the campaign file would refuse is refused here too.
fn editor_campaign(ed: &Editor) -> Result<Campaign, String> {
    let mut c = ed.campaign.clone();
    c.title = c.title.trim().to_owned();
    if c.title.is_empty() {
        return Err("the title must not be empty".into());
    }
    let text = ed.deadline.trim();
    let parsed = humantime::parse_rfc3339_weak(text)
        .or_else(|_| humantime::parse_rfc3339_weak(&format!("{text}:00")))
        .map_err(|_| format!("the deadline {text:?} is not a date and time such as 2026-12-31 17:00"))?;
    let ms = parsed.duration_since(std::time::UNIX_EPOCH).map_err(|_| "the deadline is before 1970")?.as_millis();
    c.deadline = Timestamp(i64::try_from(ms).map_err(|_| "the deadline is too far away")?);
    c.criteria = ed.criteria.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if c.criteria.is_empty() {
        return Err("list at least one scorecard criterion".into());
    }
    c.retention_days = match ed.retention.trim() {
        "" => None,
        days => Some(days.parse().map_err(|_| format!("keep submissions: {days:?} is not a number of days"))?),
    };
    for (i, q) in c.questions.iter().enumerate() {
        if q.prompt.trim().is_empty() {
            return Err(format!("question {} has no prompt", i + 1));
        }
        if q.kind != AnswerKind::Text && q.answer_limit_secs == 0 {
            return Err(format!("question {} needs an answer time limit", i + 1));
        }
    }
    // The same checks as a campaign file: a round trip through the file format.
    let text = crate::campaign_file::export(&c).map_err(|e| format!("{e:#}"))?;
    let checked = crate::campaign_file::parse("the campaign", &text, c.created_at).map_err(|e| format!("{e:#}"))?;
    Ok(Campaign { id: c.id, created_at: c.created_at, ..checked })
}

/// `name, email` lines; a header line and blank lines are skipped.
pub fn parse_csv(text: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.to_lowercase().starts_with("name")) {
            continue;
        }
        let mut fields = line.split([',', ';', '\t']).map(|f| f.trim().trim_matches('"').trim());
        let name = fields.next().unwrap_or_default();
        if name.is_empty() {
            return Err(format!("line {}: the name is empty", i + 1));
        }
        let email = fields.next().filter(|e| !e.is_empty()).map(ToOwned::to_owned);
        if let Some(e) = &email
            && !e.contains('@')
        {
            return Err(format!("line {}: {e:?} is not an email address", i + 1));
        }
        out.push((name.to_owned(), email));
    }
    Ok(out)
}

fn slug(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    s.trim_matches('-').to_owned()
}

/// Where a candidate stands, for the inbox.
fn status(e: &Entry, campaign: &Campaign) -> String {
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

/// The email address the employer gave for the ticket's candidate, if any.
fn candidate_email(view: &CampaignView, ticket: &peerview_sync::ticket::Ticket) -> Option<String> {
    view.entries.iter().find(|e| e.candidate.id.as_str() == ticket.invitee.id()).and_then(|e| e.candidate.email.clone())
}

/// `Peerview invites` in the user's home folder.
fn default_drafts_dir() -> String {
    ["HOME", "USERPROFILE"]
        .iter()
        .find_map(|v| std::env::var_os(v).filter(|h| !h.is_empty()))
        .map(|home| PathBuf::from(home).join("Peerview invites").display().to_string())
        .unwrap_or_default()
}

/// Draw a ticket's QR code (black modules on white, with the quiet zone).
fn qr_code(ui: &mut egui::Ui, text: &str, module: f32) {
    let Ok(qr) = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium) else {
        ui.label("(too long for a QR code)");
        return;
    };
    let n = qr.size();
    let side = (n + 8) as f32 * module;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "QR code of the ticket"));
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

    #[test]
    fn the_editor_refuses_what_the_file_format_refuses() {
        let mut ed = Editor::new(new_campaign(Timestamp(1_900_000_000_000)));
        assert!(editor_campaign(&ed).is_ok());
        ed.deadline = "next tuesday".into();
        assert!(editor_campaign(&ed).unwrap_err().contains("not a date"));
        ed.deadline = "2030-05-01 17:00".into();
        ed.campaign.questions[0].prompt = "  ".into();
        assert!(editor_campaign(&ed).unwrap_err().contains("no prompt"));
    }
}
