//! A live capture session: the camera and microphone (or synthetic sources) run on their own
//! thread for as long as a screen needs them, feeding a small preview picture and a level meter
//! that the UI reads without waiting, and, between `start_take` and `stop_take`, a
//! [`TakeRecorder`]. The UI never touches a device or the encoder; it sends commands and reads
//! what the thread publishes, and is told (through `notify`) when something new is there.
//!
//! Timestamps of a take start at zero whenever it starts: the session's sources keep running
//! between takes, so the take subtracts the time of its first frame or chunk.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::record::{FinishedTake, Fragment, RecordConfig, RecordError, TakeRecorder};
use crate::source::{AudioChunk, AudioSource, Level, SourceError, VideoFrame, VideoSource};

/// Largest preview picture handed to the UI (it is shown small; uploads stay cheap).
pub const PREVIEW_MAX_WIDTH: u32 = 480;

/// What the session thread reports.
#[derive(Debug)]
pub enum SessionEvent {
    /// A take finished (after `stop_take`, a failure, or the session closing): the file is
    /// complete and playable. An `Err` means nothing usable was written.
    TakeFinished(Result<FinishedTake, RecordError>),
    /// A source stopped delivering (camera unplugged, microphone gone). A take in progress is
    /// finished with what it has and reported too.
    SourceFailed(String),
}

enum Command {
    Start { dir: PathBuf, on_fragment: Box<dyn FnMut(&Fragment) + Send> },
    Stop,
}

#[derive(Default)]
struct Shared {
    preview: Mutex<Option<Arc<VideoFrame>>>,
    preview_serial: AtomicU64,
    /// Level meter reading, as `f32` bits.
    level_bits: AtomicU64,
    /// Milliseconds recorded in the take in progress (0 when not recording).
    recorded_ms: AtomicU64,
}

/// A running capture session; dropping it stops the sources (and finishes a take in progress).
pub struct CaptureSession {
    commands: Option<Sender<Command>>,
    events: Receiver<SessionEvent>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    has_video: bool,
}

impl std::fmt::Debug for CaptureSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaptureSession").field("has_video", &self.has_video).finish_non_exhaustive()
    }
}

impl CaptureSession {
    /// Start reading from the sources. `notify` is called (from the session thread, at most
    /// ~30 times a second) when a new preview, level or event is available.
    pub fn start(
        video: Option<Box<dyn VideoSource>>,
        audio: Box<dyn AudioSource>,
        notify: impl Fn() + Send + 'static,
    ) -> CaptureSession {
        let (command_tx, command_rx) = channel();
        let (event_tx, event_rx) = channel();
        let shared = Arc::new(Shared::default());
        let has_video = video.is_some();
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("capture".into())
            .spawn(move || run(video, audio, &command_rx, &event_tx, &thread_shared, &notify))
            .expect("spawning the capture thread");
        CaptureSession { commands: Some(command_tx), events: event_rx, shared, thread: Some(thread), has_video }
    }

    pub fn has_video(&self) -> bool {
        self.has_video
    }

    /// The latest preview picture and its serial number (changes with every new picture).
    pub fn preview(&self) -> Option<(u64, Arc<VideoFrame>)> {
        let frame = self.shared.preview.lock().ok()?.clone()?;
        Some((self.shared.preview_serial.load(Ordering::Acquire), frame))
    }

    /// The microphone's level, 0.0..=1.0 for a meter bar.
    pub fn level(&self) -> f32 {
        f32::from_bits(u32::try_from(self.shared.level_bits.load(Ordering::Relaxed)).unwrap_or(0))
    }

    /// Milliseconds recorded so far in the take in progress.
    pub fn recorded_ms(&self) -> u64 {
        self.shared.recorded_ms.load(Ordering::Relaxed)
    }

    /// Start recording a take into `dir` (a new directory), announcing each fragment once it is
    /// on disk.
    pub fn start_take(&self, dir: PathBuf, on_fragment: impl FnMut(&Fragment) + Send + 'static) {
        if let Some(tx) = &self.commands {
            let _ = tx.send(Command::Start { dir, on_fragment: Box::new(on_fragment) });
        }
    }

    /// Stop the take in progress; [`SessionEvent::TakeFinished`] follows.
    pub fn stop_take(&self) {
        if let Some(tx) = &self.commands {
            let _ = tx.send(Command::Stop);
        }
    }

    /// The next event, if one is waiting.
    pub fn try_event(&self) -> Option<SessionEvent> {
        self.events.try_recv().ok()
    }

    /// Wait up to `timeout` for the next event (tests and shutdown).
    pub fn wait_event(&self, timeout: Duration) -> Option<SessionEvent> {
        self.events.recv_timeout(timeout).ok()
    }
}

impl Drop for CaptureSession {
    fn drop(&mut self) {
        // Closing the command channel ends the thread, which finishes a take in progress.
        self.commands = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Take {
    recorder: TakeRecorder,
    /// Session time at which the take started; subtracted from every timestamp.
    origin_micros: Option<u64>,
}

#[allow(clippy::needless_pass_by_value)]
fn run(
    mut video: Option<Box<dyn VideoSource>>,
    mut audio: Box<dyn AudioSource>,
    commands: &Receiver<Command>,
    events: &Sender<SessionEvent>,
    shared: &Shared,
    notify: &dyn Fn(),
) {
    let config = RecordConfig::for_format(video.as_ref().map(|v| v.format()));
    let mut take: Option<Take> = None;
    let mut next_frame: Option<VideoFrame> = None;
    let mut next_chunk: Option<AudioChunk> = None;
    let mut last_notify = Instant::now();
    let finish = |take: Option<Take>| {
        if let Some(t) = take {
            shared.recorded_ms.store(0, Ordering::Relaxed);
            let _ = events.send(SessionEvent::TakeFinished(t.recorder.finish()));
        }
    };
    loop {
        loop {
            match commands.try_recv() {
                Ok(Command::Start { dir, on_fragment }) => {
                    finish(take.take());
                    match TakeRecorder::create(&dir, config) {
                        Ok(mut recorder) => {
                            recorder.on_fragment(on_fragment);
                            take = Some(Take { recorder, origin_micros: None });
                        }
                        Err(e) => {
                            let _ = events.send(SessionEvent::TakeFinished(Err(e)));
                        }
                    }
                }
                Ok(Command::Stop) => finish(take.take()),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    finish(take.take());
                    return;
                }
            }
        }
        if let (Some(v), None) = (video.as_mut(), next_frame.as_ref()) {
            match v.next_frame() {
                Ok(f) => next_frame = Some(f),
                Err(e) => {
                    source_failed(events, &e, "camera");
                    video = None;
                    finish(take.take());
                }
            }
        }
        if next_chunk.is_none() {
            match audio.next_chunk() {
                Ok(c) => next_chunk = Some(c),
                Err(SourceError::Ended) => {
                    // A file source ran out: carry on with silence so the session stays live.
                    audio = Box::new(crate::source::SyntheticAudio::tone(440.0, 0.0, crate::source::Pacing::RealTime));
                    continue;
                }
                Err(e) => {
                    source_failed(events, &e, "microphone");
                    finish(take.take());
                    // Without sound there is nothing to pace the session: wait for the UI to close it.
                    while let Ok(cmd) = commands.recv() {
                        if let Command::Start { .. } = cmd {
                            let _ = events.send(SessionEvent::TakeFinished(Err(RecordError::Audio(format!(
                                "the microphone stopped: {e}"
                            )))));
                        }
                    }
                    return;
                }
            }
        }
        let video_first = match (&next_frame, &next_chunk) {
            (Some(f), Some(c)) => f.pts_micros <= c.pts_micros,
            (Some(_), None) => true,
            _ => false,
        };
        let result = if video_first {
            let mut frame = next_frame.take().expect("a frame is due");
            publish_preview(shared, &frame);
            match take.as_mut() {
                Some(t) => {
                    let origin = *t.origin_micros.get_or_insert(frame.pts_micros);
                    frame.pts_micros = frame.pts_micros.saturating_sub(origin);
                    t.recorder.push_video(&frame)
                }
                None => Ok(()),
            }
        } else {
            let mut chunk = next_chunk.take().expect("a chunk is due");
            let level = Level::of(&chunk.samples).meter();
            shared.level_bits.store(u64::from(level.to_bits()), Ordering::Relaxed);
            match take.as_mut() {
                Some(t) => {
                    let origin = *t.origin_micros.get_or_insert(chunk.pts_micros);
                    chunk.pts_micros = chunk.pts_micros.saturating_sub(origin);
                    t.recorder.push_audio(&chunk)
                }
                None => Ok(()),
            }
        };
        if let Some(t) = &take {
            shared.recorded_ms.store(t.recorder.duration_ms(), Ordering::Relaxed);
        }
        if let Err(e) = result {
            // Disk full or an encoder failure: keep what was written and say why.
            let t = take.take().expect("a take was in progress");
            shared.recorded_ms.store(0, Ordering::Relaxed);
            let kept = t.recorder.finish();
            let _ = events.send(SessionEvent::TakeFinished(match kept {
                Ok(kept) if kept.duration_ms > 0 => Ok(kept),
                Ok(_) => Err(e),
                Err(e2) => Err(e2),
            }));
        }
        if last_notify.elapsed() >= Duration::from_millis(33) {
            notify();
            last_notify = Instant::now();
        }
    }
}

fn source_failed(events: &Sender<SessionEvent>, e: &SourceError, what: &str) {
    let _ = events.send(SessionEvent::SourceFailed(format!("the {what} stopped: {e}")));
}

fn publish_preview(shared: &Shared, frame: &VideoFrame) {
    let small = downscale(frame, PREVIEW_MAX_WIDTH);
    if let Ok(mut slot) = shared.preview.lock() {
        *slot = Some(Arc::new(small));
    }
    shared.preview_serial.fetch_add(1, Ordering::Release);
}

/// Nearest-neighbour downscale to at most `max_width` (keeps the aspect ratio).
pub fn downscale(frame: &VideoFrame, max_width: u32) -> VideoFrame {
    if frame.width <= max_width {
        return frame.clone();
    }
    let width = max_width;
    let height = (u64::from(frame.height) * u64::from(width) / u64::from(frame.width)).max(1) as u32;
    let mut rgba = Vec::with_capacity((width * height * 4) as usize);
    for y in 0..height {
        let sy = (u64::from(y) * u64::from(frame.height) / u64::from(height)) as usize;
        let row = sy * frame.width as usize * 4;
        for x in 0..width {
            let sx = (u64::from(x) * u64::from(frame.width) / u64::from(width)) as usize;
            rgba.extend_from_slice(&frame.rgba[row + sx * 4..row + sx * 4 + 4]);
        }
    }
    VideoFrame { width, height, rgba, pts_micros: frame.pts_micros }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Pacing, SyntheticAudio, TestPattern, VideoFormat};

    #[test]
    fn a_take_started_mid_session_starts_at_zero_and_holds_the_frames_after_its_start() {
        let format = VideoFormat { width: 320, height: 240, fps: 30 };
        let session = CaptureSession::start(
            Some(Box::new(TestPattern::new(format, Pacing::RealTime))),
            Box::new(SyntheticAudio::tone(440.0, 0.5, Pacing::RealTime)),
            || {},
        );
        std::thread::sleep(Duration::from_millis(400));
        let (_, preview) = session.preview().expect("a preview while not recording");
        let first_shown = TestPattern::read_frame_number(&preview.rgba, preview.width).expect("frame number");
        assert!(first_shown >= 5, "the sources run before any take: frame {first_shown}");
        assert!(session.level() > 0.5, "a loud tone shows on the meter: {}", session.level());
        let dir = tempfile::tempdir().expect("tempdir");
        let fragments = Arc::new(Mutex::new(0));
        let counted = fragments.clone();
        session.start_take(dir.path().join("take"), move |_| *counted.lock().expect("lock") += 1);
        std::thread::sleep(Duration::from_millis(2500));
        assert!(session.recorded_ms() > 1500, "recording: {} ms", session.recorded_ms());
        session.stop_take();
        let take = match session.wait_event(Duration::from_secs(10)) {
            Some(SessionEvent::TakeFinished(Ok(t))) => t,
            other => panic!("expected a finished take, got {other:?}"),
        };
        assert!((2000..3500).contains(&take.duration_ms), "{} ms", take.duration_ms);
        assert_eq!(*fragments.lock().expect("lock"), take.fragments.len());
        let recording = crate::demux::Recording::open(&take.path).expect("demux");
        let video = recording.video.as_ref().expect("video track");
        assert_eq!(video.samples[0].time_us, 0, "the take's clock starts at zero");
        // The first picture of the take is a frame after the session started, not frame 0.
        let mut decoder = crate::decode::VideoDecoder::new(video).expect("decoder");
        let mut reader = std::fs::File::open(&take.path).expect("open");
        let mut data = Vec::new();
        crate::demux::read_sample(&mut reader, &video.samples[0], &mut data).expect("sample");
        let picture = decoder.decode(&video.samples[0], &data, None).expect("picture");
        let number = TestPattern::read_frame_number(&picture.rgba, picture.width).expect("frame number");
        assert!(number > first_shown, "take starts at frame {number}, after the preview's {first_shown}");
        // The session keeps running for the next take.
        session.start_take(dir.path().join("take2"), |_| {});
        std::thread::sleep(Duration::from_millis(300));
        drop(session);
    }

    #[test]
    fn downscale_keeps_the_aspect_ratio() {
        let frame = VideoFrame { width: 1280, height: 720, rgba: vec![7; 1280 * 720 * 4], pts_micros: 5 };
        let small = downscale(&frame, 480);
        assert_eq!((small.width, small.height, small.rgba.len()), (480, 270, 480 * 270 * 4));
    }
}
