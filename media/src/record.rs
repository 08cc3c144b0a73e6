//! Recording one take: H.264 (openh264) and Opus (libopus) muxed into a fragmented MP4 that is
//! written as it goes. The file is the init segment followed by ~2 s fragments, each starting
//! on a keyframe, each fsynced and then announced (with its own BLAKE3 hash) so the sync layer
//! can upload it during the take. The concatenation of what was announced *is* the final file:
//! no rewrite on Stop. A crash loses at most the fragment being written; [`repair`] cuts a file
//! back to its last complete fragment.
//!
//! A take lives in its own directory: `take.mp4` and `status` (`in-progress`, `needs-repair`,
//! `complete`), so recovery at start-up knows what to look at.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use muxide::api::AudioCodec;
use muxide::codec::{annexb_to_avcc, extract_avc_config};
use muxide::fragmented::{FragmentAudioConfig, FragmentConfig, FragmentedMuxer};
use openh264::OpenH264API;
use openh264::encoder::{BitRate, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, RateControlMode};
use openh264::formats::{RgbaSliceU8, YUVBuffer};

use crate::source::{
    AudioChunk, AudioSource, CHUNK_SAMPLES, SAMPLE_RATE, SourceError, VideoFormat, VideoFrame, VideoSource,
};

/// The file name of a take inside its directory.
pub const TAKE_FILE: &str = "take.mp4";
const STATUS_FILE: &str = "status";
/// Video timescale (ticks per second) in the MP4.
const VIDEO_TIMESCALE: u64 = 90_000;

/// How to encode a take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordConfig {
    /// `None` records audio only.
    pub video: Option<VideoFormat>,
    pub video_bitrate_bps: u32,
    pub audio_bitrate_bps: u32,
    /// Target fragment length; fragments start on keyframes.
    pub fragment_ms: u32,
    /// A keyframe every this many seconds.
    pub keyframe_secs: u32,
}

impl RecordConfig {
    /// Defaults for a format: ~1.5 Mbit/s at 720p30, scaled by pixel rate; 48 kbit/s Opus.
    pub fn for_format(video: Option<VideoFormat>) -> Self {
        let video_bitrate_bps = video.map_or(0, |f| {
            let pixels_per_sec = u64::from(f.width) * u64::from(f.height) * u64::from(f.fps.max(1));
            let scaled = 1_500_000 * pixels_per_sec / (1280 * 720 * 30);
            scaled.clamp(200_000, 6_000_000) as u32
        });
        RecordConfig { video, video_bitrate_bps, audio_bitrate_bps: 48_000, fragment_ms: 2000, keyframe_secs: 2 }
    }
}

/// One fragment as written and announced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// 0 is the init segment; 1.. are media fragments.
    pub index: u32,
    pub offset: u64,
    pub len: u64,
    /// BLAKE3 of the fragment's bytes, hex.
    pub hash: String,
}

/// A finished (or, after a failure, cut short) take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinishedTake {
    pub path: PathBuf,
    /// BLAKE3 of the whole file, hex.
    pub hash: String,
    pub size_bytes: u64,
    pub duration_ms: u64,
    pub fragments: Vec<Fragment>,
    pub video_frames: u64,
}

/// A take's state on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeStatus {
    InProgress,
    NeedsRepair,
    Complete,
}

impl TakeStatus {
    fn as_str(self) -> &'static str {
        match self {
            TakeStatus::InProgress => "in-progress",
            TakeStatus::NeedsRepair => "needs-repair",
            TakeStatus::Complete => "complete",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the disk is full: the take stopped at {written_ms} ms; what was recorded is kept and plays")]
    DiskFull { written_ms: u64 },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("video encoder: {0}")]
    Video(String),
    #[error("audio encoder: {0}")]
    Audio(String),
    #[error("muxer: {0}")]
    Mux(String),
    #[error(transparent)]
    Source(#[from] SourceError),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> RecordError + '_ {
    move |source| {
        if source.raw_os_error() == Some(28) {
            RecordError::DiskFull { written_ms: 0 }
        } else {
            RecordError::Io { path: path.to_owned(), source }
        }
    }
}

/// Write the status file atomically (temp, fsync, rename, fsync dir).
fn write_status(dir: &Path, status: TakeStatus) -> Result<(), RecordError> {
    let tmp = dir.join(".status.tmp");
    let path = dir.join(STATUS_FILE);
    let mut f = File::create(&tmp).map_err(io_err(&tmp))?;
    f.write_all(status.as_str().as_bytes()).map_err(io_err(&tmp))?;
    f.sync_all().map_err(io_err(&tmp))?;
    fs::rename(&tmp, &path).map_err(io_err(&path))?;
    sync_dir(dir).map_err(io_err(dir))
}

/// Make the directory's entries durable. Unix only: Windows cannot open a directory as a file
/// ("Access denied"), and NTFS journals its metadata itself.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Read a take directory's status (`None` if it has none).
pub fn read_status(dir: &Path) -> Option<TakeStatus> {
    match fs::read_to_string(dir.join(STATUS_FILE)).ok()?.trim() {
        "in-progress" => Some(TakeStatus::InProgress),
        "needs-repair" => Some(TakeStatus::NeedsRepair),
        "complete" => Some(TakeStatus::Complete),
        _ => None,
    }
}

/// Encodes and writes one take.
pub struct TakeRecorder {
    dir: PathBuf,
    path: PathBuf,
    file: File,
    config: RecordConfig,
    video: Option<(Encoder, VideoFormat)>,
    audio: opus::Encoder,
    audio_pending: Vec<f32>,
    audio_samples: u64,
    /// Audio packets encoded before the muxer exists (it needs the first keyframe's SPS/PPS).
    early_audio: Vec<(u64, Vec<u8>)>,
    mux: Option<FragmentedMuxer>,
    hasher: blake3::Hasher,
    written: u64,
    fragments: Vec<Fragment>,
    frames: u64,
    last_video_pts: Option<u64>,
    /// Where the fragment being filled started (video ticks).
    fragment_start_pts: u64,
    failed: bool,
    on_fragment: Option<Box<dyn FnMut(&Fragment) + Send>>,
}

impl std::fmt::Debug for TakeRecorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TakeRecorder").field("path", &self.path).field("written", &self.written).finish_non_exhaustive()
    }
}

impl TakeRecorder {
    /// Start a take in `dir` (created if needed; must not hold a take yet).
    pub fn create(dir: &Path, config: RecordConfig) -> Result<Self, RecordError> {
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let path = dir.join(TAKE_FILE);
        let file = OpenOptions::new().write(true).create_new(true).open(&path).map_err(io_err(&path))?;
        write_status(dir, TakeStatus::InProgress)?;
        let video = match config.video {
            Some(format) => {
                let encoder_config = EncoderConfig::new()
                    .bitrate(BitRate::from_bps(config.video_bitrate_bps))
                    .max_frame_rate(FrameRate::from_hz(format.fps as f32))
                    .rate_control_mode(RateControlMode::Bitrate)
                    .intra_frame_period(IntraFramePeriod::from_num_frames(format.fps * config.keyframe_secs))
                    .skip_frames(false);
                let encoder = Encoder::with_api_config(OpenH264API::from_source(), encoder_config)
                    .map_err(|e| RecordError::Video(e.to_string()))?;
                Some((encoder, format))
            }
            None => None,
        };
        let mut audio = opus::Encoder::new(SAMPLE_RATE, opus::Channels::Mono, opus::Application::Voip)
            .map_err(|e| RecordError::Audio(e.to_string()))?;
        audio
            .set_bitrate(opus::Bitrate::Bits(config.audio_bitrate_bps as i32))
            .map_err(|e| RecordError::Audio(e.to_string()))?;
        let mut recorder = TakeRecorder {
            dir: dir.to_owned(),
            path,
            file,
            config,
            video,
            audio,
            audio_pending: Vec::new(),
            audio_samples: 0,
            early_audio: Vec::new(),
            mux: None,
            hasher: blake3::Hasher::new(),
            written: 0,
            fragments: Vec::new(),
            frames: 0,
            last_video_pts: None,
            fragment_start_pts: 0,
            failed: false,
            on_fragment: None,
        };
        if recorder.video.is_none() {
            let mux = FragmentedMuxer::new_audio_only(audio_config()).map_err(|e| RecordError::Mux(e.to_string()))?;
            recorder.start_mux(mux)?;
        }
        Ok(recorder)
    }

    /// Be told of each fragment once it is on disk (e.g. to upload it during the take).
    pub fn on_fragment(&mut self, f: impl FnMut(&Fragment) + Send + 'static) {
        self.on_fragment = Some(Box::new(f));
    }

    fn start_mux(&mut self, mut mux: FragmentedMuxer) -> Result<(), RecordError> {
        let init = mux.init_segment();
        self.mux = Some(mux);
        self.append(&init)?;
        for (pts, packet) in std::mem::take(&mut self.early_audio) {
            self.mux_mut()?.write_audio(pts, pts, &packet).map_err(|e| RecordError::Mux(e.to_string()))?;
        }
        Ok(())
    }

    fn mux_mut(&mut self) -> Result<&mut FragmentedMuxer, RecordError> {
        self.mux.as_mut().ok_or_else(|| RecordError::Mux("not started".into()))
    }

    /// Write bytes at the end of the file and make them durable; on failure cut the file back so
    /// it stays a valid sequence of whole fragments.
    fn append(&mut self, bytes: &[u8]) -> Result<(), RecordError> {
        if self.failed {
            return Err(RecordError::DiskFull { written_ms: self.duration_ms() });
        }
        let result = self.file.write_all(bytes).and_then(|()| self.file.sync_data());
        if let Err(e) = result {
            self.failed = true;
            let _ = self.file.set_len(self.written);
            let _ = self.file.sync_all();
            return Err(match io_err(&self.path)(e) {
                RecordError::DiskFull { .. } => RecordError::DiskFull { written_ms: self.duration_ms() },
                other => other,
            });
        }
        self.hasher.update(bytes);
        let fragment = Fragment {
            index: self.fragments.len() as u32,
            offset: self.written,
            len: bytes.len() as u64,
            hash: blake3::hash(bytes).to_hex().to_string(),
        };
        self.written += bytes.len() as u64;
        if let Some(announce) = &mut self.on_fragment {
            announce(&fragment);
        }
        self.fragments.push(fragment);
        Ok(())
    }

    fn flush_fragment(&mut self) -> Result<(), RecordError> {
        if let Some(segment) = self.mux.as_mut().and_then(FragmentedMuxer::flush_segment) {
            self.append(&segment)?;
        }
        Ok(())
    }

    /// Encode and mux one frame.
    pub fn push_video(&mut self, frame: &VideoFrame) -> Result<(), RecordError> {
        let Some((encoder, format)) = &mut self.video else { return Ok(()) };
        if frame.width != format.width || frame.height != format.height {
            return Err(RecordError::Video(format!(
                "frame is {}x{}, the take is {}x{}",
                frame.width, frame.height, format.width, format.height
            )));
        }
        let yuv =
            YUVBuffer::from_rgba8_source(RgbaSliceU8::new(&frame.rgba, (frame.width as usize, frame.height as usize)));
        let encoded = encoder.encode(&yuv).map_err(|e| RecordError::Video(e.to_string()))?;
        let keyframe = encoded.frame_type() == FrameType::IDR;
        let annexb = encoded.to_vec();
        if annexb.is_empty() {
            return Ok(());
        }
        let (width, height) = (format.width, format.height);
        let pts = frame.pts_micros * VIDEO_TIMESCALE / 1_000_000;
        if self.mux.is_none() {
            let avc = extract_avc_config(&annexb)
                .ok_or_else(|| RecordError::Video("the first frame is not a keyframe with SPS/PPS".into()))?;
            let mut config = FragmentConfig::new(width, height, VIDEO_TIMESCALE as u32)
                .with_fragment_duration_ms(self.config.fragment_ms);
            config.sps = avc.sps;
            config.pps = avc.pps;
            let mux =
                FragmentedMuxer::new_with_audio(config, audio_config()).map_err(|e| RecordError::Mux(e.to_string()))?;
            self.start_mux(mux)?;
        } else if keyframe
            && pts.saturating_sub(self.fragment_start_pts)
                >= u64::from(self.config.fragment_ms) * VIDEO_TIMESCALE / 1000
        {
            self.flush_fragment()?;
            self.fragment_start_pts = pts;
        }
        self.mux_mut()?
            .write_video(pts, pts, &annexb_to_avcc(&annexb), keyframe)
            .map_err(|e| RecordError::Mux(e.to_string()))?;
        self.frames += 1;
        self.last_video_pts = Some(pts);
        Ok(())
    }

    /// Encode and mux audio (any chunk size; Opus frames are cut at 20 ms).
    pub fn push_audio(&mut self, chunk: &AudioChunk) -> Result<(), RecordError> {
        self.audio_pending.extend_from_slice(&chunk.samples);
        while self.audio_pending.len() >= CHUNK_SAMPLES {
            let frame: Vec<f32> = self.audio_pending.drain(..CHUNK_SAMPLES).collect();
            self.encode_audio_frame(&frame)?;
        }
        Ok(())
    }

    fn encode_audio_frame(&mut self, frame: &[f32]) -> Result<(), RecordError> {
        let packet = self.audio.encode_vec_float(frame, 4000).map_err(|e| RecordError::Audio(e.to_string()))?;
        let pts = self.audio_samples;
        self.audio_samples += frame.len() as u64;
        if self.mux.is_none() {
            self.early_audio.push((pts, packet));
            return Ok(());
        }
        self.mux_mut()?.write_audio(pts, pts, &packet).map_err(|e| RecordError::Mux(e.to_string()))?;
        if self.video.is_none() && self.mux_mut()?.current_fragment_duration_ms() >= u64::from(self.config.fragment_ms)
        {
            self.flush_fragment()?;
        }
        Ok(())
    }

    /// How long the take is so far.
    pub fn duration_ms(&self) -> u64 {
        let video_ms = self.video.as_ref().and_then(|(_, f)| {
            self.last_video_pts.map(|pts| pts * 1000 / VIDEO_TIMESCALE + 1000 / u64::from(f.fps.max(1)))
        });
        let audio_ms = self.audio_samples * 1000 / u64::from(SAMPLE_RATE);
        video_ms.unwrap_or(0).max(audio_ms)
    }

    /// Bytes on disk so far.
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// Stop: write the last fragment, mark the take complete, and describe it. After a failure
    /// (disk full) this describes what was written before it.
    pub fn finish(mut self) -> Result<FinishedTake, RecordError> {
        if !self.failed {
            if !self.audio_pending.is_empty() {
                let mut last = std::mem::take(&mut self.audio_pending);
                last.resize(CHUNK_SAMPLES, 0.0);
                self.encode_audio_frame(&last)?;
            }
            self.flush_fragment()?;
        }
        self.file.sync_all().map_err(io_err(&self.path))?;
        write_status(&self.dir, TakeStatus::Complete)?;
        Ok(FinishedTake {
            path: self.path.clone(),
            hash: self.hasher.finalize().to_hex().to_string(),
            size_bytes: self.written,
            duration_ms: self.duration_ms(),
            fragments: std::mem::take(&mut self.fragments),
            video_frames: self.frames,
        })
    }
}

fn audio_config() -> FragmentAudioConfig {
    FragmentAudioConfig { codec: AudioCodec::Opus, sample_rate: SAMPLE_RATE, channels: 1 }
}

/// Record `seconds` from the sources (video optional) into `dir`, pulling frames and chunks in
/// timestamp order. Used by `peerview record` and tests; the app drives [`TakeRecorder`] itself.
pub fn record_take(
    dir: &Path,
    video: Option<&mut dyn VideoSource>,
    audio: &mut dyn AudioSource,
    seconds: f64,
    config: RecordConfig,
) -> Result<FinishedTake, RecordError> {
    record_take_with(dir, video, audio, seconds, config, |_| {})
}

/// As [`record_take`], announcing each fragment once it is on disk.
pub fn record_take_with(
    dir: &Path,
    mut video: Option<&mut dyn VideoSource>,
    audio: &mut dyn AudioSource,
    seconds: f64,
    config: RecordConfig,
    on_fragment: impl FnMut(&Fragment) + Send + 'static,
) -> Result<FinishedTake, RecordError> {
    let mut recorder = TakeRecorder::create(dir, config)?;
    recorder.on_fragment(on_fragment);
    let end_micros = (seconds * 1_000_000.0) as u64;
    let mut next_frame: Option<VideoFrame> = match video.as_mut() {
        Some(v) => Some(v.next_frame()?),
        None => None,
    };
    let mut next_chunk: Option<AudioChunk> = Some(audio.next_chunk()?);
    loop {
        let video_due = next_frame.as_ref().filter(|f| f.pts_micros < end_micros).map(|f| f.pts_micros);
        let audio_due = next_chunk.as_ref().filter(|c| c.pts_micros < end_micros).map(|c| c.pts_micros);
        let result = match (video_due, audio_due) {
            (None, None) => break,
            (Some(v), a) if a.is_none_or(|a| v <= a) => {
                let frame = next_frame.take().expect("due frame");
                let r = recorder.push_video(&frame);
                next_frame = match video.as_mut() {
                    Some(v) => Some(v.next_frame()?),
                    None => None,
                };
                r
            }
            _ => {
                let mut chunk = next_chunk.take().expect("due chunk");
                let keep = ((end_micros - chunk.pts_micros) * u64::from(SAMPLE_RATE)).div_ceil(1_000_000) as usize;
                chunk.samples.truncate(keep);
                let r = recorder.push_audio(&chunk);
                next_chunk = match audio.next_chunk() {
                    Ok(c) => Some(c),
                    Err(SourceError::Ended) => None,
                    Err(e) => return Err(e.into()),
                };
                r
            }
        };
        if let Err(e) = result {
            // Keep what was written playable and say why the take ended.
            let _ = recorder.finish();
            return Err(e);
        }
    }
    recorder.finish()
}

/// Cut a take's file back to its last complete fragment (after a crash) and mark it complete.
/// Returns the number of bytes kept, or `None` if not even the init segment survived.
pub fn repair(dir: &Path) -> Result<Option<u64>, RecordError> {
    let path = dir.join(TAKE_FILE);
    let bytes = fs::read(&path).map_err(io_err(&path))?;
    let keep = complete_prefix(&bytes);
    if keep == 0 {
        write_status(dir, TakeStatus::NeedsRepair)?;
        return Ok(None);
    }
    let file = OpenOptions::new().write(true).open(&path).map_err(io_err(&path))?;
    file.set_len(keep).map_err(io_err(&path))?;
    file.sync_all().map_err(io_err(&path))?;
    write_status(dir, TakeStatus::Complete)?;
    Ok(Some(keep))
}

/// The length of the longest prefix made of whole boxes that ends after `moov` or after an
/// `mdat` (a fragment is `moof` then `mdat`).
fn complete_prefix(bytes: &[u8]) -> u64 {
    let mut at = 0usize;
    let mut good = 0usize;
    let mut have_moov = false;
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let kind = &bytes[at + 4..at + 8];
        if size < 8 || at + size > bytes.len() {
            break;
        }
        at += size;
        match kind {
            b"moov" => {
                have_moov = true;
                good = at;
            }
            b"mdat" if have_moov => good = at,
            _ => {}
        }
    }
    good as u64
}

/// Take directories under `root` left `in-progress` or `needs-repair` (by a crash): repair each
/// and report what was recovered (directory, bytes kept or `None` if nothing could be saved).
pub fn recover_takes(root: &Path) -> Vec<(PathBuf, Result<Option<u64>, RecordError>)> {
    let Ok(entries) = fs::read_dir(root) else { return Vec::new() };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        if matches!(read_status(&dir), Some(TakeStatus::InProgress | TakeStatus::NeedsRepair)) {
            let result = repair(&dir);
            out.push((dir, result));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
