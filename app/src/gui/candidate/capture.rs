//! The camera and microphone while the candidate checks them or answers: the capture session,
//! started off the UI thread and kept while the devices wanted stay the same, and its live
//! preview with the level meter.

use eframe::egui;
use peerview_media::session::{CaptureSession, SessionEvent};

use crate::gui::devices::SharedDevices;
use crate::gui::widgets::{Loading, VideoView, level_meter};
use crate::tr;

/// The capture session and what the screens show of it.
#[derive(Default)]
pub(super) struct Capture {
    pub(super) session: Option<CaptureSession>,
    loading: Option<Loading<Result<CaptureSession, String>>>,
    /// (video, microphone id) the session was started for.
    wants: Option<(bool, Option<String>)>,
    /// What went wrong with the devices or a recording, for the candidate.
    pub(super) error: Option<String>,
    preview: VideoView,
}

impl Capture {
    /// Make sure the camera (if wanted) and the microphone `mic` (`None`: the default) run.
    pub(super) fn ensure(&mut self, ctx: &egui::Context, devices: &SharedDevices, video: bool, mic: Option<String>) {
        let wants = (video, mic);
        if self.wants.as_ref() == Some(&wants) && (self.session.is_some() || self.loading.is_some()) {
            return;
        }
        if self.session.as_ref().is_some_and(|c| c.recorded_ms() > 0) {
            return; // never switch devices mid-take
        }
        self.session = None;
        self.wants = Some(wants.clone());
        let devices = devices.clone();
        let repaint = ctx.clone();
        self.loading = Some(Loading::start(ctx, move || {
            let camera = if video && !devices.cameras().is_empty() {
                Some(devices.open_camera(None).map_err(|e| e.to_string())?)
            } else {
                None
            };
            let mic = devices.open_microphone(wants.1.as_deref()).map_err(|e| e.to_string())?;
            Ok(CaptureSession::start(camera, mic, move || repaint.request_repaint()))
        }));
    }

    pub(super) fn stop(&mut self) {
        self.session = None;
        self.loading = None;
        self.wants = None;
    }

    /// A device failed: the session is gone; the next [`Capture::ensure`] starts a new one.
    pub(super) fn failed(&mut self, message: String) {
        self.error = Some(message);
        self.session = None;
        self.wants = None;
    }

    /// Take in the session once it started, and what it reported since the last frame.
    pub(super) fn poll(&mut self) -> Vec<SessionEvent> {
        if let Some(loading) = &self.loading
            && let Some(result) = loading.poll()
        {
            self.loading = None;
            match result {
                Ok(session) => {
                    self.session = Some(session);
                    self.error = None;
                }
                Err(e) => self.error = Some(tr!("cand-capture-failed", error = e)),
            }
        }
        let mut events = Vec::new();
        if let Some(session) = &self.session {
            while let Some(event) = session.try_event() {
                events.push(event);
            }
        }
        events
    }

    /// The live preview (or, for sound only, the level meter).
    pub(super) fn ui(&mut self, ui: &mut egui::Ui, video: bool) {
        let Some(session) = &self.session else {
            if self.loading.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!("cand-capture-starting"));
                });
            }
            return;
        };
        if video && session.has_video() {
            let preview = session.preview();
            let latest = preview.as_ref().map(|(serial, f)| (*serial, f.width, f.height, f.rgba.as_slice()));
            self.preview.show(ui, &tr!("cand-capture-preview"), latest, egui::vec2(480.0, 270.0));
        } else if video {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("cand-capture-no-camera"));
        }
        level_meter(ui, session.level());
    }
}
