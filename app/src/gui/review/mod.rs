//! The employer's and reviewer's screens, one file each: the campaign list beside every page
//! ([`campaign_list`]), a campaign's candidates ([`inbox`]), its invites ([`invites`]) and its
//! editor ([`editor`]), the review of one submission ([`submission`], with its
//! [`conversation`]), and a reviewer's joining with a ticket ([`join`]). A status bar shows the
//! node; toasts announce new submissions and messages.
//!
//! Here: the state the screens share, the dispatch to the screen on show, and the [`Command`]s
//! the screens return, applied after the frame. The service ([`service`]) does the disk and
//! network work.

mod campaign_list;
mod conversation;
mod editor;
mod inbox;
mod invites;
mod join;
pub mod service;
mod submission;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;
use peerview_media::player::TimeSource;
use peerview_sync::{CampaignId, CandidateId, Clock};

use self::editor::Editor;
use self::inbox::Inbox;
use self::invites::Invites;
use self::service::{CampaignView, Event, Mode, NodeStatus, Request, ReviewService};
use self::submission::Open;
use super::devices::SharedDevices;
use crate::settings::{ReviewPlace, ReviewTab as Tab};
use crate::tr;

/// What the central panel shows.
enum Screen {
    /// The selected campaign's page, on its tab (a reviewer without campaigns: joining).
    Campaign,
    /// One submission, opened from the inbox; the campaign's page keeps its state meanwhile.
    Submission(Box<Open>),
}

/// What a screen asks for; applied after the frame.
enum Command {
    /// Work for the service.
    Send(Request),
    /// Show another campaign's page.
    Select(CampaignId),
    /// Start a campaign in the editor.
    NewCampaign,
    /// Open a candidate's submission (which marks it viewed).
    Open(CandidateId),
    /// Back from a submission to the campaign's page.
    Close,
    Toast(String),
    Error(String),
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
    selected: Option<CampaignId>,
    tab: Tab,
    screen: Screen,
    inbox: Inbox,
    invites: Invites,
    /// The campaign being edited (kept while another tab shows).
    editor: Option<Editor>,
    /// A reviewer's ticket being pasted.
    join_text: String,
    toasts: Vec<(String, u64)>,
    error: Option<String>,
    /// Unread messages per candidate in the last snapshot (a toast when it grows).
    unread_seen: Option<HashMap<CandidateId, usize>>,
    submitted_seen: Option<HashSet<CandidateId>>,
}

impl ReviewUi {
    /// The screens, back where `place` says the user was.
    pub fn new(
        mode: Mode,
        service: ReviewService,
        clock: Arc<dyn TimeSource>,
        wall_clock: Arc<dyn Clock>,
        devices: SharedDevices,
        data_dir: PathBuf,
        place: ReviewPlace,
    ) -> ReviewUi {
        // A reviewer's page has the inbox only.
        let tab = if mode == Mode::Employer { place.tab } else { Tab::Inbox };
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
            selected: place.campaign,
            tab,
            screen: Screen::Campaign,
            inbox: Inbox::new(place.filter, place.sort),
            invites: Invites::default(),
            editor: None,
            join_text: String::new(),
            toasts: Vec::new(),
            error: None,
            unread_seen: None,
            submitted_seen: None,
        }
    }

    /// Where the user is, to be kept across restarts; `None` while the filter is being typed
    /// (kept once typing ends, not at every key).
    pub fn place(&self) -> Option<ReviewPlace> {
        (!self.inbox.editing).then(|| ReviewPlace {
            campaign: self.selected.clone(),
            tab: self.tab,
            filter: self.inbox.filter.clone(),
            sort: self.inbox.sort,
        })
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
                        self.keep_a_campaign_selected();
                    }
                }
                Event::Node(status) => self.node = status,
                Event::Tickets { campaign, tickets } => self.invites.add_tickets(&campaign, tickets),
                Event::Saved { generation, what } => {
                    self.generation = self.generation.max(generation);
                    self.toast(what);
                }
                Event::Prepared { hash, path, waveform } => {
                    if let Screen::Submission(open) = &mut self.screen {
                        open.prepared(hash, path, waveform);
                    }
                }
                Event::Toast(text) => self.toast(text),
                Event::Error(e) => self.error = Some(e),
            }
        }
        if let Screen::Submission(open) = &mut self.screen
            && let Some(Err(e)) = open.poll_player()
        {
            self.error = Some(e);
        }
        let now = self.now_ms();
        self.toasts.retain(|(_, until)| *until > now);
        if !self.toasts.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// The first campaign when none is chosen, or the chosen one is gone (a place remembered
    /// from before); a new campaign in the editor stays chosen before it is saved.
    fn keep_a_campaign_selected(&mut self) {
        let editing = |id: &CampaignId| self.editor.as_ref().is_some_and(|e| &e.campaign.id == id);
        let known = self.selected.as_ref().is_some_and(|id| self.view(id).is_some() || editing(id));
        if !known {
            self.selected = self.campaigns.first().map(|c| c.campaign.id.clone());
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
                self.toast(tr!("rev-toast-new-submission", name = name));
            }
        }
        self.submitted_seen = Some(submitted);
        let unread: HashMap<CandidateId, usize> =
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
                self.toast(tr!("rev-toast-new-message", name = name));
            }
        }
        self.unread_seen = Some(unread);
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        let mut commands = Vec::new();
        egui::Panel::bottom("node_status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let id: String = self.node.id.chars().take(12).collect();
                let reachability = if self.node.reachability.is_empty() {
                    tr!("rev-node-starting")
                } else {
                    self.node.reachability.clone()
                };
                let (peers, transfers) = (self.node.peers, self.node.transfers);
                ui.label(if self.mode == Mode::Employer {
                    tr!("rev-node-employer", id = id, reachability = reachability, peers = peers, transfers = transfers)
                } else {
                    tr!("rev-node-reviewer", id = id, reachability = reachability, peers = peers, transfers = transfers)
                });
            });
        });
        if let Some(e) = self.error.clone() {
            egui::Panel::top("review_error").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, e);
                    if ui.button(tr!("app-dismiss")).clicked() {
                        self.error = None;
                    }
                });
            });
        }
        egui::Panel::left("campaign_list").default_size(260.0).min_size(220.0).show(ui, |ui| {
            campaign_list::campaign_list_ui(
                ui,
                self.mode,
                self.loaded,
                &self.campaigns,
                self.selected.as_ref(),
                &mut commands,
            );
            if self.mode == Mode::Reviewer && !self.campaigns.is_empty() {
                ui.separator();
                join::join_ui(ui, &mut self.join_text, &mut commands);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| self.central_ui(ui, &mut commands));
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
        for command in commands {
            self.apply(command);
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        match &mut self.screen {
            Screen::Submission(open) => {
                let env = submission::Env {
                    devices: &self.devices,
                    clock: &self.clock,
                    data_dir: &self.data_dir,
                    employer: self.mode == Mode::Employer,
                };
                submission::submission_ui(ui, &env, &self.campaigns, open, commands);
            }
            Screen::Campaign if self.mode == Mode::Reviewer && self.campaigns.is_empty() => {
                join::join_ui(ui, &mut self.join_text, commands);
            }
            Screen::Campaign => self.campaign_page_ui(ui, commands),
        }
    }

    /// The selected campaign: its title, the tabs, and the tab's screen.
    fn campaign_page_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(id) = self.selected.clone() else {
            ui.label(tr!("rev-no-campaign"));
            return;
        };
        let view = self.campaigns.iter().find(|c| c.campaign.id == id);
        let editing_new = view.is_none() && self.editor.as_ref().is_some_and(|e| e.campaign.id == id);
        if view.is_none() && !editing_new {
            return;
        }
        ui.horizontal(|ui| {
            let title = view.map_or_else(|| tr!("rev-new-campaign"), |v| v.campaign.title.clone());
            ui.heading(title);
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Inbox, tr!("rev-tab-candidates"));
            if self.mode == Mode::Employer {
                ui.selectable_value(&mut self.tab, Tab::Invites, tr!("rev-tab-invites"));
                ui.selectable_value(&mut self.tab, Tab::Campaign, tr!("rev-tab-campaign"));
            }
        });
        ui.separator();
        match (self.tab, view) {
            (Tab::Campaign, _) | (_, None) => {
                editor::editor_ui(ui, view, &id, &mut self.editor, self.wall_clock.now(), commands);
                // A duplicate or an import is a campaign of its own: it is the chosen one now.
                if let Some(ed) = &self.editor {
                    self.selected = Some(ed.campaign.id.clone());
                }
            }
            (Tab::Invites, Some(view)) => invites::invites_ui(ui, view, &mut self.invites, commands),
            (Tab::Inbox, Some(view)) => inbox::inbox_ui(ui, view, &mut self.inbox, commands),
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::Send(request) => self.service.send(request),
            Command::Select(id) => {
                self.selected = Some(id);
                self.editor = None;
                self.screen = Screen::Campaign;
            }
            Command::NewCampaign => {
                let campaign = editor::new_campaign(self.wall_clock.now());
                self.selected = Some(campaign.id.clone());
                self.editor = Some(Editor::new(campaign));
                self.tab = Tab::Campaign;
                self.screen = Screen::Campaign;
            }
            Command::Open(candidate) => {
                self.service.send(Request::MarkViewed(candidate.clone()));
                self.screen = Screen::Submission(Box::new(Open::new(candidate)));
            }
            Command::Close => self.screen = Screen::Campaign,
            Command::Toast(text) => self.toast(text),
            Command::Error(e) => self.error = Some(e),
        }
    }
}

/// A number with one decimal, in the language's way (`3.5`, `3,5`).
fn one_decimal(x: f32) -> String {
    let text = format!("{x:.1}");
    match crate::i18n::current().decimal_separator() {
        '.' => text,
        separator => text.replace('.', &separator.to_string()),
    }
}

/// A whole number whose text is a message with it (`2 takes`, `30 s to think`): each language
/// places and inflects the number itself, and the text names the field for screen readers.
fn counted<N: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    value: &mut N,
    range: std::ops::RangeInclusive<N>,
    text: impl Fn(u64) -> String,
) -> egui::Response {
    let whole = |n: f64| if n.is_finite() && n > 0.0 { n.round() as u64 } else { 0 };
    let name = text(whole(value.to_f64()));
    let response = ui.add(
        egui::DragValue::new(value)
            .range(range)
            .custom_formatter(|n, _| text(whole(n)))
            .custom_parser(|typed| typed.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()),
    );
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, enabled, &name));
    response
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, args, message_in, sources};

    /// Every review message formats in every language with the arguments English names:
    /// nothing is left as `{$name}` (an argument a translation names but the code does not pass).
    #[test]
    fn every_review_message_formats_in_every_language() {
        let (_, english) = sources(Lang::En).into_iter().find(|(area, _)| *area == "review").expect("review.ftl");
        let keys: Vec<&str> = english
            .lines()
            .filter(|l| l.starts_with("rev-"))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .collect();
        assert!(keys.len() > 100, "{} keys", keys.len());
        let names: std::collections::BTreeSet<String> = english
            .split('$')
            .skip(1)
            .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect())
            .collect();
        for lang in Lang::ALL {
            for count in [0u32, 1, 2, 5] {
                let values = names.iter().map(|n| (n.as_str(), fluent_bundle::FluentValue::from(count)));
                let args = args(values);
                for key in &keys {
                    let text = message_in(lang, key, Some(&args));
                    assert!(!text.contains('{') && text != *key, "{lang} {key}: {text}");
                }
            }
        }
    }

    #[test]
    fn numbers_and_plurals_follow_the_language() {
        use crate::i18n::with_lang;
        assert_eq!(with_lang(Some(Lang::De), || super::one_decimal(3.25)), "3,2");
        assert_eq!(with_lang(Some(Lang::En), || super::one_decimal(4.0)), "4.0");
        let grant = |lang, days: u32| {
            with_lang(Some(lang), || {
                crate::tr!("rev-grant", kind = "extension", days = days, percent = 0u32, takes = 0u32)
            })
        };
        assert_eq!(grant(Lang::En, 1), "Grant 1 more day before the deadline");
        assert_eq!(grant(Lang::En, 3), "Grant 3 more days before the deadline");
        assert_eq!(grant(Lang::De, 3), "3 weitere Tage bis zur Frist gewähren");
        assert_eq!(grant(Lang::Fr, 1), "Accorder 1 jour de plus avant la date limite");
        assert_eq!(grant(Lang::Es, 2), "Conceder 2 días más antes de la fecha límite");
    }
}
