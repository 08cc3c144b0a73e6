//! The desktop app (eframe/egui). Frames never do I/O: each role's screens talk to a background
//! service (node, store, network) and to capture and player threads through channels; UI code
//! returns commands that are applied after the frame.

pub mod announce;
pub mod candidate;
pub mod devices;
pub mod review;
pub mod theme;
pub mod widgets;
pub mod worker;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use eframe::egui;
use peerview_media::player::TimeSource;
use peerview_sync::{Clock, Store, SystemClock};

use self::candidate::{CandidateEnv, CandidateUi};
use self::devices::SharedDevices;
use self::review::ReviewUi;
use self::review::service::{Mode, ServiceConfig};
use crate::i18n::{self, Lang};
use crate::ops::{Net, open_store};
use crate::settings::{Role, Settings};
use crate::tr;

/// Everything the app needs from outside: where data lives, how to reach peers, which devices
/// to use and what time it is (tests substitute synthetic devices and a fake clock).
#[derive(Clone)]
pub struct AppEnv {
    pub data_dir: PathBuf,
    pub store: Arc<Store>,
    pub net: Net,
    pub devices: SharedDevices,
    pub clock: Arc<dyn TimeSource>,
    /// The date and time: every time shown or decided on (deadlines, countdowns to them,
    /// events) comes from here, never from the system directly, so tests can pin the date.
    pub wall_clock: Arc<dyn Clock>,
    /// How often joined interviews sync when nothing else happens.
    pub sync_every: Duration,
    /// An invite ticket passed on the command line, opened at start.
    pub ticket: Option<String>,
    /// Where the employer node listens (default: all interfaces, port 47100).
    pub employer_bind: Option<std::net::SocketAddr>,
    /// The viewer's time zone: every time is shown in it, named (tests pin UTC).
    pub time_zone: jiff::tz::TimeZone,
    /// The language the system asks for, used unless the user chose one (tests pin English).
    pub system_language: Lang,
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
            wall_clock: Arc::new(SystemClock),
            sync_every: candidate::service::SYNC_EVERY,
            ticket: None,
            employer_bind: None,
            time_zone: crate::fmt::system_zone(),
            system_language: i18n::system(),
        }
    }
}

/// Whether a window can be opened at all (X11 or Wayland).
fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"].iter().any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

pub fn run(
    data_dir: &Path,
    net: Net,
    ticket: Option<String>,
    synthetic_devices: bool,
    bind: Option<std::net::SocketAddr>,
) -> Result<()> {
    // A clicked invite link while the app runs: that window opens it, this process is done.
    if let Some(ticket) = &ticket
        && crate::ops::local::hand_over(data_dir, ticket)?
    {
        println!("{}", tr!("app-invite-handed-over"));
        return Ok(());
    }
    if !has_display() {
        bail!("{}", tr!("app-no-display"));
    }
    let store = Arc::new(open_store(data_dir)?);
    let mut settings = Settings::load(data_dir)?;
    if ticket.is_some() && settings.role.is_none() {
        settings.role = Some(Role::Candidate);
    }
    let mut env = AppEnv::real(data_dir, store, net, synthetic_devices);
    env.ticket = ticket;
    env.employer_bind = bind;
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
    .map_err(|e| anyhow!("{}", tr!("app-window-failed", error = e.to_string())))
}

/// Things the UI asks for; applied after the frame.
#[derive(Clone, Copy)]
enum UiCommand {
    ChooseRole(Option<Role>),
    ToggleTheme,
    /// `None`: follow the system.
    SetLanguage(Option<Lang>),
}

pub struct PeerviewApp {
    ctx: egui::Context,
    env: AppEnv,
    pub settings: Settings,
    /// The candidate screens, started when the candidate role is chosen.
    pub candidate: Option<CandidateUi>,
    /// The employer's or reviewer's screens.
    pub review: Option<ReviewUi>,
    message: Option<String>,
}

impl PeerviewApp {
    pub fn new(ctx: egui::Context, env: AppEnv, settings: Settings) -> Self {
        let message = {
            let problems = env.store.problems();
            (!problems.is_empty()).then(|| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        };
        let app = Self { ctx, env, settings, candidate: None, review: None, message };
        theme::install(&app.ctx);
        app.apply_theme();
        app
    }

    fn apply_theme(&self) {
        match self.settings.dark_mode {
            Some(true) => self.ctx.set_theme(egui::Theme::Dark),
            Some(false) => self.ctx.set_theme(egui::Theme::Light),
            None => self.ctx.set_theme(egui::ThemePreference::System),
        }
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(&self.env.data_dir) {
            self.message = Some(tr!("app-settings-not-saved", error = format!("{e:#}")));
        }
    }

    fn start_candidate(&mut self) -> CandidateUi {
        let ctx = self.ctx.clone();
        let service = candidate::service::start(
            self.env.store.clone(),
            self.env.data_dir.clone(),
            self.env.net.clone(),
            self.env.sync_every,
            self.env.wall_clock.clone(),
            move || ctx.request_repaint(),
        );
        let env = CandidateEnv {
            data_dir: self.env.data_dir.clone(),
            devices: self.env.devices.clone(),
            clock: self.env.clock.clone(),
            wall_clock: self.env.wall_clock.clone(),
        };
        CandidateUi::new(env, service, self.env.ticket.take())
    }

    fn start_review(&self, mode: Mode) -> ReviewUi {
        let ctx = self.ctx.clone();
        let config = ServiceConfig {
            mode,
            net: self.env.net.clone(),
            bind: self.env.employer_bind,
            refresh_every: self.env.sync_every,
            clock: self.env.wall_clock.clone(),
        };
        let service = review::service::start(self.env.store.clone(), self.env.data_dir.clone(), config, move || {
            ctx.request_repaint();
        });
        ReviewUi::new(
            mode,
            service,
            self.env.clock.clone(),
            self.env.wall_clock.clone(),
            self.env.devices.clone(),
            self.env.data_dir.clone(),
            self.settings.review.clone(),
        )
    }

    fn apply(&mut self, cmd: UiCommand) {
        match cmd {
            UiCommand::ChooseRole(role) => {
                // Stops the other role's node, devices and players.
                self.candidate = None;
                self.review = None;
                self.settings.role = role;
                self.save_settings();
            }
            UiCommand::ToggleTheme => {
                let dark = self.ctx.global_style().visuals.dark_mode;
                self.settings.dark_mode = Some(!dark);
                self.apply_theme();
                self.save_settings();
            }
            UiCommand::SetLanguage(lang) => {
                self.settings.language = lang;
                // Background threads' messages follow from now on; this thread's at each frame.
                i18n::set_default(lang.unwrap_or(self.env.system_language));
                self.save_settings();
            }
        }
    }
}

impl eframe::App for PeerviewApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The app's language for this frame's strings (a campaign's own language applies inside
        // the candidate's screens for it).
        i18n::set_thread(Some(self.settings.language.unwrap_or(self.env.system_language)));
        crate::fmt::set_thread_zone(Some(self.env.time_zone.clone()));
        let mut commands = Vec::new();
        let language = (self.settings.language, self.env.system_language);
        egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, self.settings.role, language, &mut commands));
        if let Some(message) = self.message.clone() {
            egui::Panel::bottom("message").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(message).color(ui.visuals().warn_fg_color));
                    if ui.button(tr!("app-dismiss")).clicked() {
                        self.message = None;
                    }
                });
            });
        }
        match self.settings.role {
            None => {
                egui::CentralPanel::default().show(ui, |ui| role_choice_ui(ui, &mut commands));
            }
            Some(Role::Candidate) => {
                if self.candidate.is_none() {
                    self.candidate = Some(self.start_candidate());
                }
                if let Some(c) = &mut self.candidate {
                    c.show(ui);
                }
            }
            Some(role @ (Role::Employer | Role::Reviewer)) => {
                if self.review.is_none() {
                    let mode = if role == Role::Employer { Mode::Employer } else { Mode::Reviewer };
                    self.review = Some(self.start_review(mode));
                }
                if let Some(r) = &mut self.review {
                    r.show(ui);
                    // The chosen campaign, tab, filter and sort, kept for the next start.
                    if let Some(place) = r.place()
                        && place != self.settings.review
                    {
                        self.settings.review = place;
                        self.save_settings();
                    }
                }
            }
        }
        for cmd in commands {
            self.apply(cmd);
        }
    }
}

fn top_bar_ui(ui: &mut egui::Ui, role: Option<Role>, language: (Option<Lang>, Lang), commands: &mut Vec<UiCommand>) {
    ui.horizontal(|ui| {
        ui.heading("Peerview");
        if let Some(role) = role {
            ui.label(format!("- {}", role_name(role)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!("app-theme")).on_hover_text(tr!("app-theme-hint")).clicked() {
                commands.push(UiCommand::ToggleTheme);
            }
            language_menu(ui, language, commands);
            if role.is_some() && ui.button(tr!("app-change-role")).clicked() {
                commands.push(UiCommand::ChooseRole(None));
            }
        });
    });
}

/// The app's language: the system's, or one chosen here (each named in itself).
fn language_menu(ui: &mut egui::Ui, (language, system): (Option<Lang>, Lang), commands: &mut Vec<UiCommand>) {
    let system = tr!("app-language-system", language = system.native_name());
    let shown = language.map_or_else(|| system.clone(), |l| l.native_name().to_owned());
    let mut chosen = language;
    let label = tr!("common-language");
    let response = egui::ComboBox::from_id_salt("language")
        .selected_text(format!("{label}: {shown}"))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, system);
            for lang in Lang::ALL {
                ui.selectable_value(&mut chosen, Some(lang), lang.native_name());
            }
        })
        .response;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label.clone()));
    if chosen != language {
        commands.push(UiCommand::SetLanguage(chosen));
    }
}

fn role_name(role: Role) -> String {
    match role {
        Role::Candidate => tr!("app-role-candidate"),
        Role::Employer => tr!("app-role-employer"),
        Role::Reviewer => tr!("app-role-reviewer"),
    }
}

fn role_choice_ui(ui: &mut egui::Ui, commands: &mut Vec<UiCommand>) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(tr!("app-welcome"));
        ui.label(tr!("app-welcome-question"));
        ui.add_space(16.0);
        let choices = [
            (Role::Candidate, tr!("app-choose-candidate"), tr!("app-choose-candidate-detail")),
            (Role::Employer, tr!("app-choose-employer"), tr!("app-choose-employer-detail")),
            (Role::Reviewer, tr!("app-choose-reviewer"), tr!("app-choose-reviewer-detail")),
        ];
        for (role, title, detail) in choices {
            let button = egui::Button::new(egui::RichText::new(title).size(18.0)).min_size(egui::vec2(320.0, 44.0));
            if ui.add(button).on_hover_text(&detail).clicked() {
                commands.push(UiCommand::ChooseRole(Some(role)));
            }
            ui.label(detail);
            ui.add_space(10.0);
        }
    });
}
