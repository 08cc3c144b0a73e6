//! Small pieces shared by the screens: a picture that follows a video source, a level meter,
//! countdown text, a player with its controls, and loading things off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use eframe::egui;
use peerview_media::player::{AudioOutput, Player, PlayerOptions, TimeSource};

use crate::tr;

/// A texture kept in step with a changing picture (camera preview, video frames).
#[derive(Default)]
pub struct VideoView {
    texture: Option<egui::TextureHandle>,
    serial: u64,
}

impl VideoView {
    /// Show the latest picture (`serial` changes with each new one) scaled into `max`.
    pub fn show(&mut self, ui: &mut egui::Ui, name: &str, latest: Option<(u64, u32, u32, &[u8])>, max: egui::Vec2) {
        if let Some((serial, width, height, rgba)) = latest
            && (serial != self.serial || self.texture.is_none())
            && rgba.len() == (width * height * 4) as usize
        {
            let image = egui::ColorImage::from_rgba_unmultiplied([width as usize, height as usize], rgba);
            match &mut self.texture {
                Some(t) => t.set(image, egui::TextureOptions::LINEAR),
                None => self.texture = Some(ui.ctx().load_texture(name, image, egui::TextureOptions::LINEAR)),
            }
            self.serial = serial;
        }
        if let Some(t) = &self.texture {
            let size = t.size_vec2();
            let scale = (max.x / size.x).min(max.y / size.y);
            ui.add(egui::Image::new(t).fit_to_exact_size(size * scale).alt_text(name));
        } else {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(max.x, max.x * 9.0 / 16.0).min(max), egui::Sense::hover());
            ui.painter().rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                tr!("ui-waiting-for-picture"),
                egui::FontId::proportional(16.0),
                ui.visuals().weak_text_color(),
            );
        }
    }
}

/// A labelled microphone level bar.
pub fn level_meter(ui: &mut egui::Ui, level: f32) {
    ui.horizontal(|ui| {
        ui.label(tr!("ui-mic-level"));
        let bar = egui::ProgressBar::new(level.clamp(0.0, 1.0)).desired_width(240.0);
        ui.add(bar);
        let hint = if level < 0.15 { tr!("ui-mic-too-quiet") } else { tr!("ui-mic-good") };
        ui.weak(hint);
    });
}

/// `m:ss`.
pub fn clock_text(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Something being prepared on a background thread (opening a file, a device); what it says,
/// it says in the language and time zone of the screen that started it.
pub struct Loading<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Loading<T> {
    pub fn start(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let (lang, zone) = (crate::i18n::current(), crate::fmt::viewer_zone());
        std::thread::spawn(move || {
            crate::i18n::set_thread(Some(lang));
            crate::fmt::set_thread_zone(Some(zone));
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        Loading { rx }
    }

    /// The result once ready.
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }
}

/// A recording on screen: picture, play/pause, position, seek and speed.
pub struct PlayerView {
    pub player: Player,
    video: VideoView,
    label: String,
}

impl PlayerView {
    /// Open `path` on a background thread.
    pub fn open(
        ctx: &egui::Context,
        path: PathBuf,
        label: String,
        audio: AudioOutput,
        time: Arc<dyn TimeSource>,
    ) -> Loading<Result<PlayerView, String>> {
        Loading::start(ctx, move || {
            Player::open(&path, PlayerOptions { audio, time })
                .map(|player| PlayerView { player, video: VideoView::default(), label })
                .map_err(|e| tr!("ui-cannot-play", file = path.display().to_string(), error = e.to_string()))
        })
    }

    pub fn show(&mut self, ui: &mut egui::Ui, max: egui::Vec2) {
        let info = self.player.info();
        if info.video.is_some() {
            let shown = self.player.picture();
            let latest =
                shown.as_ref().map(|s| (s.serial, s.picture.width, s.picture.height, s.picture.rgba.as_slice()));
            self.video.show(ui, &self.label, latest, max);
        } else {
            ui.label(tr!("ui-sound-only", label = self.label.as_str()));
        }
        if let Some(note) = &info.audio_note {
            ui.weak(note);
        }
        let position = self.player.position_us();
        let duration = info.duration_us.max(1);
        ui.horizontal(|ui| {
            let playing = self.player.is_playing();
            if ui.button(if playing { tr!("ui-pause") } else { tr!("ui-play") }).clicked() {
                if self.player.has_ended() {
                    self.player.seek(0);
                }
                self.player.toggle();
            }
            let mut fraction = position as f32 / duration as f32;
            let slider = egui::Slider::new(&mut fraction, 0.0..=1.0).show_value(false);
            if ui.add(slider).on_hover_text(tr!("ui-seek")).changed() {
                self.player.seek((f64::from(fraction) * duration as f64) as u64);
            }
            ui.label(format!("{} / {}", clock_text(position / 1_000_000), clock_text(duration.div_ceil(1_000_000))));
            let shown = tr!("ui-speed-value", speed = self.player.speed());
            egui::ComboBox::from_label(tr!("ui-speed")).selected_text(shown).show_ui(ui, |ui| {
                for speed in [0.5, 1.0, 1.5, 2.0] {
                    let text = tr!("ui-speed-value", speed = speed);
                    if ui.selectable_label((self.player.speed() - speed).abs() < 0.01, text).clicked() {
                        self.player.set_speed(speed);
                    }
                }
            });
        });
        if self.player.is_playing() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(15));
        }
    }
}
