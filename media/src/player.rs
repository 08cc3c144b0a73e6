//! The playback engine: a decode thread fills two small bounded queues (pictures and sound), the
//! audio device drains the sound queue and so drives the clock, and whoever shows pictures asks
//! [`Player::picture`] for the one due now. The audio clock is the master: pictures are
//! presented against it and late ones are dropped, so sound and picture never drift apart.
//! Without an audio track or an output device, a wall clock (or a test's manual clock) runs.
//!
//! Seeking goes to the nearest keyframe before the target and decodes forward to it; speed
//! changes (1×, 1.5×, 2×) keep the voice's pitch ([`crate::stretch`]). Memory stays flat: the
//! queues hold a few pictures and half a second of sound whatever the recording's length.

use std::collections::VecDeque;
use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::decode::{AudioDecoder, Picture, VideoDecoder};
use crate::demux::{OpenError, Recording, read_sample};
use crate::source::SAMPLE_RATE;
use crate::stretch::{Resampler, TimeStretch};

/// Pictures decoded ahead.
const PICTURE_QUEUE: usize = 4;
/// Sound decoded ahead, in seconds of output.
const SOUND_AHEAD_SECS: f64 = 0.5;
/// Opus packets decoded before a seek target so the decoder has settled (20 ms each).
const AUDIO_PREROLL: usize = 4;

/// Where "now" comes from when no audio device is driving the clock.
pub trait TimeSource: Send + Sync {
    fn now_us(&self) -> u64;
}

/// Real time.
#[derive(Debug)]
pub struct SystemTime(Instant);

impl Default for SystemTime {
    fn default() -> Self {
        SystemTime(Instant::now())
    }
}

impl TimeSource for SystemTime {
    fn now_us(&self) -> u64 {
        self.0.elapsed().as_micros() as u64
    }
}

/// A clock tests move by hand.
#[derive(Debug, Default)]
pub struct ManualTime(AtomicU64);

impl ManualTime {
    pub fn advance(&self, by: Duration) {
        self.0.fetch_add(by.as_micros() as u64, Ordering::SeqCst);
    }
}

impl TimeSource for ManualTime {
    fn now_us(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Where sound goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudioOutput {
    /// The system's default output device.
    Default,
    /// An output device by name (see [`output_devices`]).
    Named(String),
    /// No sound; the clock runs on time alone.
    Silent,
}

pub struct PlayerOptions {
    pub audio: AudioOutput,
    pub time: Arc<dyn TimeSource>,
}

impl Default for PlayerOptions {
    fn default() -> Self {
        PlayerOptions { audio: AudioOutput::Default, time: Arc::new(SystemTime::default()) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlayError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Decode(#[from] crate::decode::DecodeError),
    #[error("could not start the playback thread: {0}")]
    Thread(std::io::Error),
}

/// Facts about what is playing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaybackInfo {
    pub duration_us: u64,
    pub video: Option<(u32, u32)>,
    pub has_audio: bool,
    /// Part of the file could not be read (see [`Recording::damage`]).
    pub damage: Option<String>,
    /// Why there is no sound although the recording has some (e.g. no speakers).
    pub audio_note: Option<String>,
}

/// A picture to show, numbered so a UI re-uploads its texture only when it changes.
#[derive(Clone, Debug)]
pub struct Shown {
    pub picture: Arc<Picture>,
    pub serial: u64,
}

/// Counters for tests and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaybackStats {
    pub presented: u64,
    pub dropped_late: u64,
    pub decode_errors: u64,
}

struct State {
    playing: bool,
    ended: bool,
    speed: f64,
    anchor_media_us: f64,
    anchor_time_us: u64,
    generation: u64,
    seek_to: Option<u64>,
    pictures: VecDeque<Picture>,
    sound: VecDeque<f32>,
    sound_front_us: f64,
    video_done: bool,
    audio_done: bool,
    stop: bool,
    shown: Option<Shown>,
    /// A seek happened and its first picture has not been shown yet.
    stale: bool,
    spare: Vec<Vec<u8>>,
    stats: PlaybackStats,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    time: Arc<dyn TimeSource>,
    out_rate: u32,
    duration_us: u64,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn clock_us(&self, st: &State) -> f64 {
        let media = if st.playing {
            let elapsed = self.time.now_us().saturating_sub(st.anchor_time_us) as f64;
            st.anchor_media_us + elapsed * st.speed
        } else {
            st.anchor_media_us
        };
        media.clamp(0.0, self.duration_us as f64)
    }

    /// Fill a device buffer (mono at `out_rate`); called from the audio thread.
    fn fill(&self, out: &mut [f32], latency: Duration) {
        let mut st = self.lock();
        if !st.playing || st.sound.is_empty() {
            out.fill(0.0);
            return;
        }
        let n = out.len().min(st.sound.len());
        st.anchor_media_us = st.sound_front_us;
        st.anchor_time_us = self.time.now_us() + latency.as_micros() as u64;
        for (o, s) in out.iter_mut().zip(st.sound.drain(..n)) {
            *o = s;
        }
        out[n..].fill(0.0);
        st.sound_front_us += n as f64 * st.speed * 1e6 / f64::from(self.out_rate);
        drop(st);
        self.wake.notify_all();
    }
}

/// Plays one recording. Dropping it stops the threads and the sound.
pub struct Player {
    shared: Arc<Shared>,
    decoder: Option<JoinHandle<()>>,
    _sink: Option<crate::playout::Sink>,
    info: PlaybackInfo,
}

impl std::fmt::Debug for Player {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Player").field("info", &self.info).finish_non_exhaustive()
    }
}

impl Player {
    /// Open a recording, paused at the start.
    pub fn open(path: &Path, options: PlayerOptions) -> Result<Player, PlayError> {
        let recording = Recording::open(path)?;
        let file = File::open(path).map_err(OpenError::Io)?;
        let video = recording.video.as_ref().map(VideoDecoder::new).transpose()?;
        let mut audio_note = None;
        let sink = if recording.audio.is_some() {
            match &options.audio {
                AudioOutput::Silent => None,
                AudioOutput::Default => crate::playout::Sink::open(None).map_err(|e| audio_note = Some(e)).ok(),
                AudioOutput::Named(name) => {
                    crate::playout::Sink::open(Some(name)).map_err(|e| audio_note = Some(e)).ok()
                }
            }
        } else {
            None
        };
        let audio = if sink.is_some() { recording.audio.as_ref().map(AudioDecoder::new).transpose()? } else { None };
        let out_rate = sink.as_ref().map_or(SAMPLE_RATE, crate::playout::Sink::rate);
        let info = PlaybackInfo {
            duration_us: recording.duration_us,
            video: recording.video.as_ref().map(|v| (v.width, v.height)),
            has_audio: recording.audio.is_some(),
            damage: recording.damage.clone(),
            audio_note,
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                playing: false,
                ended: false,
                speed: 1.0,
                anchor_media_us: 0.0,
                anchor_time_us: options.time.now_us(),
                generation: 0,
                seek_to: Some(0),
                pictures: VecDeque::new(),
                sound: VecDeque::new(),
                sound_front_us: 0.0,
                video_done: false,
                audio_done: false,
                stop: false,
                shown: None,
                stale: true,
                spare: Vec::new(),
                stats: PlaybackStats::default(),
            }),
            wake: Condvar::new(),
            time: options.time,
            out_rate,
            duration_us: recording.duration_us,
        });
        if let Some(sink) = &sink {
            let s = shared.clone();
            sink.start(Box::new(move |out, latency| s.fill(out, latency)));
        }
        let work = DecodeWork { shared: shared.clone(), recording, file, video, audio };
        let decoder = std::thread::Builder::new()
            .name("peerview-decode".into())
            .spawn(move || work.run())
            .map_err(PlayError::Thread)?;
        Ok(Player { shared, decoder: Some(decoder), _sink: sink, info })
    }

    pub fn info(&self) -> &PlaybackInfo {
        &self.info
    }

    pub fn duration_us(&self) -> u64 {
        self.info.duration_us
    }

    /// The current position on the media timeline.
    pub fn position_us(&self) -> u64 {
        let st = self.shared.lock();
        self.shared.clock_us(&st) as u64
    }

    pub fn is_playing(&self) -> bool {
        self.shared.lock().playing
    }

    /// Playback reached the end (and stopped there).
    pub fn has_ended(&self) -> bool {
        self.shared.lock().ended
    }

    pub fn speed(&self) -> f64 {
        self.shared.lock().speed
    }

    pub fn stats(&self) -> PlaybackStats {
        self.shared.lock().stats
    }

    pub fn play(&self) {
        let ended = self.shared.lock().ended;
        if ended {
            self.seek(0);
        }
        let mut st = self.shared.lock();
        if !st.playing {
            st.playing = true;
            st.anchor_time_us = self.shared.time.now_us();
        }
        drop(st);
        self.shared.wake.notify_all();
    }

    pub fn pause(&self) {
        let mut st = self.shared.lock();
        st.anchor_media_us = self.shared.clock_us(&st);
        st.playing = false;
    }

    pub fn toggle(&self) {
        if self.is_playing() { self.pause() } else { self.play() }
    }

    /// Jump to `to_us` (clamped to the recording); the picture there shows even when paused.
    pub fn seek(&self, to_us: u64) {
        let to_us = to_us.min(self.info.duration_us);
        let mut st = self.shared.lock();
        st.generation += 1;
        st.seek_to = Some(to_us);
        let recycled: Vec<Vec<u8>> = st.pictures.drain(..).map(|p| p.rgba).collect();
        st.spare.extend(recycled);
        st.sound.clear();
        st.sound_front_us = to_us as f64;
        st.anchor_media_us = to_us as f64;
        st.anchor_time_us = self.shared.time.now_us();
        st.video_done = false;
        st.audio_done = false;
        st.ended = false;
        st.stale = true;
        drop(st);
        self.shared.wake.notify_all();
    }

    /// 1.0, 1.5 or 2.0 (any value from 0.5 to 3.0 works).
    pub fn set_speed(&self, speed: f64) {
        let speed = speed.clamp(0.5, 3.0);
        let position = {
            let mut st = self.shared.lock();
            let position = self.shared.clock_us(&st);
            st.speed = speed;
            position
        };
        self.seek(position as u64);
    }

    /// The picture due now, if any. Call once per displayed frame.
    pub fn picture(&self) -> Option<Shown> {
        let shared = &self.shared;
        let mut st = shared.lock();
        let now = shared.clock_us(&st);
        let mut newest: Option<Picture> = None;
        while st.pictures.front().is_some_and(|p| p.time_us as f64 <= now) {
            let p = st.pictures.pop_front().expect("checked");
            if let Some(old) = newest.replace(p) {
                st.stats.dropped_late += 1;
                st.spare.push(old.rgba);
            }
        }
        if newest.is_none() && st.stale {
            // Just after a seek: show the first picture at the target even before its time.
            newest = st.pictures.pop_front();
        }
        if let Some(p) = newest {
            st.stale = false;
            let serial = st.shown.as_ref().map_or(1, |s| s.serial + 1);
            if let Some(old) = st.shown.take()
                && let Ok(old) = Arc::try_unwrap(old.picture)
            {
                st.spare.push(old.rgba);
            }
            st.shown = Some(Shown { picture: Arc::new(p), serial });
            st.stats.presented += 1;
        }
        let finished = st.video_done && st.audio_done && st.pictures.is_empty() && st.sound.is_empty();
        if st.playing && finished && now >= shared.duration_us as f64 - 1.0 {
            st.playing = false;
            st.ended = true;
            st.anchor_media_us = shared.duration_us as f64;
        }
        let shown = st.shown.clone();
        drop(st);
        shared.wake.notify_all();
        shown
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.decoder.take() {
            let _ = t.join();
        }
    }
}

/// The decode thread's state.
struct DecodeWork {
    shared: Arc<Shared>,
    recording: Recording,
    file: File,
    video: Option<VideoDecoder>,
    audio: Option<AudioDecoder>,
}

struct Cursor {
    target_us: u64,
    next_video: usize,
    next_audio: usize,
    stretch: TimeStretch,
    resample: Resampler,
}

impl DecodeWork {
    fn run(mut self) {
        let mut buf = Vec::new();
        let mut cursor: Option<Cursor> = None;
        let videos = self.recording.video.as_ref().map_or(0, |v| v.samples.len());
        let audios =
            if self.audio.is_some() { self.recording.audio.as_ref().map_or(0, |a| a.samples.len()) } else { 0 };
        let sound_cap = (SOUND_AHEAD_SECS * f64::from(self.shared.out_rate)) as usize;
        let shared = self.shared.clone();
        loop {
            // Decide what to do under the lock, do it without.
            let (job, generation, spare) = {
                let mut st = shared.lock();
                loop {
                    if st.stop {
                        return;
                    }
                    if let Some(target) = st.seek_to.take() {
                        cursor = Some(self.reposition(target, st.speed));
                    }
                    let Some(c) = cursor.as_ref() else {
                        st = wait(&shared, st);
                        continue;
                    };
                    let video_more = c.next_video < videos;
                    let audio_more = c.next_audio < audios;
                    st.video_done = !video_more;
                    st.audio_done = !audio_more;
                    let video_ready = video_more && st.pictures.len() < PICTURE_QUEUE;
                    let audio_ready = audio_more && st.sound.len() < sound_cap;
                    let job = match (video_ready, audio_ready) {
                        (true, true) => {
                            let vt = self.video_time(c.next_video);
                            let at = self.audio_time(c.next_audio);
                            if vt <= at { Job::Video } else { Job::Audio }
                        }
                        (true, false) => Job::Video,
                        (false, true) => Job::Audio,
                        (false, false) => {
                            st = wait(&shared, st);
                            continue;
                        }
                    };
                    let spare = if matches!(job, Job::Video) { st.spare.pop() } else { None };
                    break (job, st.generation, spare);
                }
            };
            let c = cursor.as_mut().expect("set above");
            match job {
                Job::Video => {
                    let track = self.recording.video.as_ref().expect("video samples exist");
                    let sample = track.samples[c.next_video];
                    c.next_video += 1;
                    let picture = match read_sample(&mut self.file, &sample, &mut buf) {
                        Ok(()) => self.video.as_mut().and_then(|d| d.decode(&sample, &buf, spare)),
                        Err(_) => None,
                    };
                    let half_frame = u64::from(sample.duration_us / 2);
                    if let Some(p) = picture {
                        let mut st = self.shared.lock();
                        if st.generation != generation || p.time_us + half_frame < c.target_us {
                            st.spare.push(p.rgba);
                        } else {
                            st.pictures.push_back(p);
                        }
                        st.stats.decode_errors = self.video.as_ref().map_or(0, |d| d.errors);
                    }
                }
                Job::Audio => {
                    let track = self.recording.audio.as_ref().expect("audio samples exist");
                    let sample = track.samples[c.next_audio];
                    c.next_audio += 1;
                    let Some(decoder) = self.audio.as_mut() else { continue };
                    let sound = match read_sample(&mut self.file, &sample, &mut buf) {
                        Ok(()) => decoder.decode(&sample, &buf),
                        Err(_) => decoder.decode(&sample, &[]),
                    };
                    // Drop what lies before the seek target.
                    let skip = if sound.time_us < c.target_us {
                        ((c.target_us - sound.time_us) as usize * SAMPLE_RATE as usize / 1_000_000)
                            .min(sound.samples.len())
                    } else {
                        0
                    };
                    let stretched = c.stretch.process(&sound.samples[skip..]);
                    let out = c.resample.process(&stretched);
                    let mut st = self.shared.lock();
                    if st.generation == generation {
                        st.sound.extend(out);
                    }
                }
            }
        }
    }

    fn video_time(&self, i: usize) -> u64 {
        self.recording.video.as_ref().map_or(u64::MAX, |v| v.samples[i].time_us)
    }

    fn audio_time(&self, i: usize) -> u64 {
        self.recording.audio.as_ref().map_or(u64::MAX, |a| a.samples[i].time_us)
    }

    fn reposition(&mut self, target_us: u64, speed: f64) -> Cursor {
        let next_video = self.recording.video.as_ref().map_or(0, |v| {
            // The last keyframe at or before the target.
            let at = v.samples.partition_point(|s| s.time_us <= target_us);
            v.samples[..at].iter().rposition(|s| s.keyframe).unwrap_or(0)
        });
        let next_audio = self.recording.audio.as_ref().map_or(0, |a| {
            let at = a.samples.partition_point(|s| s.time_us <= target_us);
            at.saturating_sub(1 + AUDIO_PREROLL)
        });
        if let Some(a) = self.audio.as_mut() {
            a.reset();
        }
        Cursor {
            target_us,
            next_video,
            next_audio,
            stretch: TimeStretch::new(speed),
            resample: Resampler::new(SAMPLE_RATE, self.shared.out_rate),
        }
    }
}

fn wait<'a>(shared: &Shared, st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
    shared.wake.wait_timeout(st, Duration::from_millis(50)).map_or_else(|e| e.into_inner().0, |(g, _)| g)
}

enum Job {
    Video,
    Audio,
}

/// Names of the output devices, for a settings menu.
pub fn output_devices() -> Vec<String> {
    crate::playout::output_devices()
}
