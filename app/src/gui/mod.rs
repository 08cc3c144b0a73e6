//! The desktop app (eframe/egui). Frames never do I/O: the store is read on a background thread
//! that sends snapshots through a channel and asks for a repaint; the UI returns commands that
//! are applied after the frame.

pub mod candidate;
pub mod devices;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use eframe::egui;
use peerview_media::player::TimeSource;
use peerview_sync::{Campaign, Roster, Store, StoreError, Timestamp};

use self::candidate::service::CandidateService;
use self::candidate::{CandidateEnv, CandidateUi};
use self::devices::SharedDevices;
use crate::commands::open_store;
use crate::commands::p2p::Net;
use crate::fmt;
use crate::settings::{Role, Settings};

/// Everything the app needs from outside: where data lives, how to reach peers, which devices
/// to use and what time it is (tests substitute synthetic devices and a fake clock).
#[derive(Clone)]
pub struct AppEnv {
    pub data_dir: PathBuf,
    pub store: Arc<Store>,
    pub net: Net,
    pub devices: SharedDevices,
    pub clock: Arc<dyn TimeSource>,
    /// How often joined interviews sync when nothing else happens.
    pub sync_every: Duration,
    /// An invite ticket passed on the command line, opened at start.
    pub ticket: Option<String>,
}

impl AppEnv {
    /// The real thing: the computer's devices and clock.
    pub fn real(data_dir: &Path, store: Arc<Store>, net: Net, synthetic_devices: bool) -> AppEnv {
        let devices: SharedDevices = if synthetic_devices {
            Arc::new(devices::SyntheticDevices::default())
        } else {
            Arc::new(devices::RealDevices)
        };
        AppEnv {
            data_dir: data_dir.to_owned(),
            store,
            net,
            devices,
            clock: Arc::new(peerview_media::player::SystemTime::default()),
            sync_every: candidate::service::SYNC_EVERY,
            ticket: None,
        }
    }
}

const NO_DISPLAY: &str = "Peerview's window needs a graphical display, and none was found \
(neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
On a server, run the headless employer node instead: `peerview serve` \
(candidates and reviewers connect to it); `peerview --help` lists every command.";

/// Whether a window can be opened at all (X11 or Wayland).
fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"].iter().any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

pub fn run(data_dir: &Path, net: Net, ticket: Option<String>, synthetic_devices: bool) -> Result<()> {
    if !has_display() {
        bail!("{NO_DISPLAY}");
    }
    let store = Arc::new(open_store(data_dir)?);
    let mut settings = Settings::load(data_dir)?;
    if ticket.is_some() && settings.role.is_none() {
        settings.role = Some(Role::Candidate);
    }
    let mut env = AppEnv::real(data_dir, store, net, synthetic_devices);
    env.ticket = ticket;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Peerview")
            .with_app_id("peerview")
            .with_inner_size([1100.0, 700.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Peerview",
        options,
        Box::new(move |cc| Ok(Box::new(PeerviewApp::new(cc.egui_ctx.clone(), env, settings)))),
    )
    .map_err(|e| anyhow!("could not open Peerview's window: {e}\n{NO_DISPLAY}"))
}

/// What the background loader read from the store.
#[derive(Default)]
struct Snapshot {
    campaigns: Vec<(Campaign, Option<Roster>)>,
    errors: Vec<String>,
}

/// Things the UI asks for; applied after the frame.
#[derive(Clone, Copy)]
enum UiCommand {
    ChooseRole(Option<Role>),
    Select(usize),
    Reload,
    ToggleTheme,
}

pub struct PeerviewApp {
    ctx: egui::Context,
    env: AppEnv,
    data_dir: PathBuf,
    store: Arc<Store>,
    pub settings: Settings,
    /// The candidate screens, started when the candidate role is chosen.
    pub candidate: Option<CandidateUi>,
    snapshot: Snapshot,
    loading: bool,
    selected: Option<usize>,
    snapshots_rx: Receiver<Snapshot>,
    snapshots_tx: Sender<Snapshot>,
    message: Option<String>,
}

impl PeerviewApp {
    pub fn new(ctx: egui::Context, env: AppEnv, settings: Settings) -> Self {
        let (data_dir, store) = (env.data_dir.clone(), env.store.clone());
        let (snapshots_tx, snapshots_rx) = channel();
        let message = {
            let problems = store.problems();
            (!problems.is_empty()).then(|| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        };
        let mut app = Self {
            ctx,
            env,
            data_dir,
            store,
            settings,
            candidate: None,
            snapshot: Snapshot::default(),
            loading: false,
            selected: None,
            snapshots_rx,
            snapshots_tx,
            message,
        };
        app.apply_theme();
        app.reload();
        app
    }

    fn reload(&mut self) {
        self.loading = true;
        let (store, tx, ctx) = (self.store.clone(), self.snapshots_tx.clone(), self.ctx.clone());
        std::thread::spawn(move || {
            let _ = tx.send(load_snapshot(&store));
            ctx.request_repaint();
        });
    }

    fn apply_theme(&self) {
        match self.settings.dark_mode {
            Some(true) => self.ctx.set_theme(egui::Theme::Dark),
            Some(false) => self.ctx.set_theme(egui::Theme::Light),
            None => self.ctx.set_theme(egui::ThemePreference::System),
        }
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(&self.data_dir) {
            self.message = Some(format!("Could not save your settings: {e:#}"));
        }
    }

    fn start_candidate(&mut self) -> CandidateUi {
        let ctx = self.ctx.clone();
        let service = CandidateService::start(
            self.store.clone(),
            self.data_dir.clone(),
            self.env.net.clone(),
            self.env.sync_every,
            move || ctx.request_repaint(),
        );
        let env = CandidateEnv {
            data_dir: self.data_dir.clone(),
            devices: self.env.devices.clone(),
            clock: self.env.clock.clone(),
        };
        CandidateUi::new(env, service, self.env.ticket.take())
    }

    fn apply(&mut self, cmd: UiCommand) {
        match cmd {
            UiCommand::ChooseRole(role) => {
                if role != Some(Role::Candidate) {
                    // Stops the candidate's node, devices and players.
                    self.candidate = None;
                }
                self.settings.role = role;
                self.save_settings();
            }
            UiCommand::Select(i) => self.selected = Some(i),
            UiCommand::Reload => self.reload(),
            UiCommand::ToggleTheme => {
                let dark = self.ctx.global_style().visuals.dark_mode;
                self.settings.dark_mode = Some(!dark);
                self.apply_theme();
                self.save_settings();
            }
        }
    }
}

fn load_snapshot(store: &Store) -> Snapshot {
    let mut snapshot = Snapshot::default();
    match store.campaigns() {
        Ok((campaigns, unreadable)) => {
            for c in campaigns {
                let roster = match store.roster(&c.id) {
                    Ok(r) => Some(r),
                    Err(StoreError::NotFound { .. }) => None,
                    Err(e) => {
                        snapshot.errors.push(e.to_string());
                        None
                    }
                };
                snapshot.campaigns.push((c, roster));
            }
            snapshot.errors.extend(unreadable.iter().map(ToString::to_string));
        }
        Err(e) => snapshot.errors.push(e.to_string()),
    }
    snapshot
}

impl eframe::App for PeerviewApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        while let Ok(snapshot) = self.snapshots_rx.try_recv() {
            self.snapshot = snapshot;
            self.loading = false;
            if self.selected.is_none_or(|i| i >= self.snapshot.campaigns.len()) {
                self.selected = (!self.snapshot.campaigns.is_empty()).then_some(0);
            }
        }
        let mut commands = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, self.settings.role, &mut commands));
        if let Some(message) = self.message.clone() {
            egui::Panel::bottom("message").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(message).color(ui.visuals().warn_fg_color));
                    if ui.button("Dismiss").clicked() {
                        self.message = None;
                    }
                });
            });
        }
        match self.settings.role {
            None => {
                egui::CentralPanel::default().show(ui, |ui| role_choice_ui(ui, &mut commands));
            }
            Some(Role::Employer) => employer_ui(ui, &self.snapshot, self.selected, self.loading, &mut commands),
            Some(Role::Candidate) => {
                if self.candidate.is_none() {
                    self.candidate = Some(self.start_candidate());
                }
                if let Some(c) = &mut self.candidate {
                    c.show(ui);
                }
            }
            Some(role @ Role::Reviewer) => {
                egui::CentralPanel::default().show(ui, |ui| invite_needed_ui(ui, role));
            }
        }
        for cmd in commands {
            self.apply(cmd);
        }
    }
}

fn top_bar_ui(ui: &mut egui::Ui, role: Option<Role>, commands: &mut Vec<UiCommand>) {
    ui.horizontal(|ui| {
        ui.heading("Peerview");
        if let Some(role) = role {
            ui.label(format!("- {}", role_name(role)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Theme").on_hover_text("Switch between light and dark").clicked() {
                commands.push(UiCommand::ToggleTheme);
            }
            if role.is_some() && ui.button("Change role").clicked() {
                commands.push(UiCommand::ChooseRole(None));
            }
        });
    });
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Candidate => "Candidate",
        Role::Employer => "Employer",
        Role::Reviewer => "Reviewer",
    }
}

fn role_choice_ui(ui: &mut egui::Ui, commands: &mut Vec<UiCommand>) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading("Welcome to Peerview");
        ui.label("How will you use Peerview on this computer? You can change this later.");
        ui.add_space(16.0);
        let choices = [
            (Role::Candidate, "I am a candidate", "Open an interview invite and record your answers, even offline."),
            (Role::Employer, "I am hiring", "Create interviews, invite candidates and review their answers."),
            (Role::Reviewer, "I review for an employer", "Watch, rate and comment on candidates' answers."),
        ];
        for (role, title, detail) in choices {
            let button = egui::Button::new(egui::RichText::new(title).size(18.0)).min_size(egui::vec2(320.0, 44.0));
            if ui.add(button).on_hover_text(detail).clicked() {
                commands.push(UiCommand::ChooseRole(Some(role)));
            }
            ui.label(detail);
            ui.add_space(10.0);
        }
    });
}

fn invite_needed_ui(ui: &mut egui::Ui, role: Role) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(match role {
            Role::Candidate => "Your interviews",
            _ => "Campaigns you review",
        });
        ui.label("You have no interviews on this computer yet.");
        ui.label("Joining with an invite ticket from the employer is not available in this version of Peerview.");
    });
}

fn employer_ui(
    ui: &mut egui::Ui,
    snapshot: &Snapshot,
    selected: Option<usize>,
    loading: bool,
    commands: &mut Vec<UiCommand>,
) {
    egui::Panel::left("campaigns").default_size(280.0).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Campaigns");
            if ui.add_enabled(!loading, egui::Button::new("Refresh")).clicked() {
                commands.push(UiCommand::Reload);
            }
        });
        if loading {
            ui.spinner();
        }
        if snapshot.campaigns.is_empty() && !loading {
            ui.label("No campaigns yet.");
            ui.label("Create one from a TOML file:");
            ui.code("peerview campaign create --file campaign.toml");
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, (c, roster)) in snapshot.campaigns.iter().enumerate() {
                let candidates = roster.as_ref().map_or(0, |r| r.candidates.len());
                let text = format!("{}\n{} questions, {} candidates", c.title, c.questions.len(), candidates);
                if ui.selectable_label(selected == Some(i), text).clicked() {
                    commands.push(UiCommand::Select(i));
                }
            }
        });
        for e in &snapshot.errors {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some((campaign, roster)) = selected.and_then(|i| snapshot.campaigns.get(i)) {
            egui::ScrollArea::vertical().show(ui, |ui| campaign_ui(ui, campaign, roster.as_ref()));
        }
    });
}

fn campaign_ui(ui: &mut egui::Ui, c: &Campaign, roster: Option<&Roster>) {
    let now = Timestamp::now();
    ui.heading(&c.title);
    ui.label(&c.role);
    ui.label(format!("Deadline: {} ({})", fmt::date_time(c.deadline), fmt::relative(now, c.deadline)));
    ui.label(format!("Campaign id: {}", c.id));
    if !c.instructions.is_empty() {
        ui.separator();
        ui.label(&c.instructions);
    }
    ui.separator();
    if let Some(p) = &c.practice {
        ui.label(egui::RichText::new("Practice question (never counts)").strong());
        ui.label(&p.prompt);
        ui.add_space(6.0);
    }
    ui.label(egui::RichText::new("Questions").strong());
    for (i, q) in c.questions.iter().enumerate() {
        ui.label(format!("{}. {}", i + 1, q.prompt));
        ui.weak(fmt::question_rules(q));
    }
    ui.separator();
    ui.label(egui::RichText::new("Candidates").strong());
    match roster {
        Some(r) if !r.candidates.is_empty() => {
            for cand in &r.candidates {
                ui.label(format!("{} ({})", cand.name, cand.state));
            }
        }
        _ => {
            ui.label("None invited yet.");
        }
    }
}
