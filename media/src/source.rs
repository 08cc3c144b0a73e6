//! Capture sources behind two traits, so the recorder cannot tell a camera from the synthetic
//! test pattern, or a microphone from a tone: [`VideoSource`] yields RGBA frames stamped with
//! capture time, [`AudioSource`] yields mono 48 kHz samples stamped from the sample count. Both
//! stamps are microseconds on the recording's clock, so lips and voice stay in sync.
//!
//! The synthetic sources live here; the camera (nokhwa) and microphone (cpal) adapters come with
//! the recording pipeline.

use std::f32::consts::TAU;
use std::path::Path;
use std::time::{Duration, Instant};

/// Audio is captured and encoded at this rate, mono (Opus's native rate).
pub const SAMPLE_RATE: u32 = 48_000;

/// A video format a device offers or a source produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VideoFormat {
    pub width: u32,
    pub height: u32,
    pub fps: u32,
}

impl VideoFormat {
    pub const HD720: VideoFormat = VideoFormat { width: 1280, height: 720, fps: 30 };
    pub const SD480: VideoFormat = VideoFormat { width: 854, height: 480, fps: 30 };
}

/// A captured picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoFrame {
    pub width: u32,
    pub height: u32,
    /// `width * height * 4` bytes, row by row.
    pub rgba: Vec<u8>,
    /// Capture time on the recording clock.
    pub pts_micros: u64,
}

/// Captured sound: mono samples in -1.0..=1.0 at [`SAMPLE_RATE`].
#[derive(Clone, Debug, PartialEq)]
pub struct AudioChunk {
    pub samples: Vec<f32>,
    /// Time of the first sample, from the number of samples before it.
    pub pts_micros: u64,
}

/// A device the user can choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    /// What to pass back to open it (an index for cameras, a name for microphones).
    pub id: String,
    pub name: String,
    /// Video formats (empty for audio devices).
    pub formats: Vec<VideoFormat>,
}

/// Why a source could not deliver.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("no camera found; audio-only answers still work")]
    NoCamera,
    #[error("no microphone found: connect one, or check that no other program holds it")]
    NoMicrophone,
    #[error("the device stopped delivering: {0}")]
    Disconnected(String),
    #[error("the source has ended")]
    Ended,
    #[error("{0}")]
    Unusable(String),
}

/// Something that produces video frames (camera or test pattern).
pub trait VideoSource: Send {
    fn format(&self) -> VideoFormat;
    /// The next frame; blocks until it is captured (or is due, for paced synthetic sources).
    fn next_frame(&mut self) -> Result<VideoFrame, SourceError>;
}

/// Something that produces sound (microphone, tone or file).
pub trait AudioSource: Send {
    /// The next chunk of samples; blocks until captured (or due, when paced).
    fn next_chunk(&mut self) -> Result<AudioChunk, SourceError>;
}

/// How a synthetic source hands out its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pacing {
    /// As a device would: each frame or chunk when its time has come.
    RealTime,
    /// As fast as asked (benchmarks, tests).
    Unpaced,
}

fn wait_until(start: Instant, pts_micros: u64, pacing: Pacing) {
    if pacing == Pacing::RealTime {
        let due = start + Duration::from_micros(pts_micros);
        let now = Instant::now();
        if due > now {
            std::thread::sleep(due - now);
        }
    }
}

/// A moving test pattern with the frame number burned in twice: as digits for people, and as a
/// row of 16 black/white blocks (bit 15 first) that survive compression, for tests.
#[derive(Debug)]
pub struct TestPattern {
    format: VideoFormat,
    pacing: Pacing,
    start: Instant,
    index: u64,
}

/// Side of one bit block of the burned-in frame number, in pixels.
pub const CODE_BLOCK: u32 = 16;
const CODE_BITS: u32 = 16;

impl TestPattern {
    pub fn new(format: VideoFormat, pacing: Pacing) -> Self {
        TestPattern { format, pacing, start: Instant::now(), index: 0 }
    }

    /// Draw frame `index`.
    pub fn render(format: VideoFormat, index: u64) -> Vec<u8> {
        let (w, h) = (format.width as usize, format.height as usize);
        let mut rgba = vec![0u8; w * h * 4];
        // Colour bars that scroll one bar width every two seconds.
        const BARS: [[u8; 3]; 7] =
            [[192, 192, 192], [192, 192, 0], [0, 192, 192], [0, 192, 0], [192, 0, 192], [192, 0, 0], [0, 0, 192]];
        let shift = (index as usize * w / 7 / (format.fps.max(1) as usize * 2)) % w.max(1);
        for y in 0..h {
            for x in 0..w {
                let bar = BARS[((x + shift) % w) * 7 / w.max(1)];
                let p = (y * w + x) * 4;
                rgba[p..p + 3].copy_from_slice(&bar);
                rgba[p + 3] = 255;
            }
        }
        // A white square bouncing left and right: motion for the encoder.
        let side = h / 6;
        let span = w.saturating_sub(side).max(1);
        let t = (index as usize * 8) % (2 * span);
        let left = if t < span { t } else { 2 * span - t };
        fill(&mut rgba, w, h, left, h / 2 - side / 2, side, side, [255, 255, 255]);
        // The frame number as bit blocks along the top-left edge.
        let b = CODE_BLOCK as usize;
        for bit in 0..CODE_BITS as usize {
            let on = (index >> (CODE_BITS as usize - 1 - bit)) & 1 == 1;
            fill(&mut rgba, w, h, bit * b, 0, b, b, if on { [255, 255, 255] } else { [0, 0, 0] });
        }
        // And as digits below, for people.
        draw_number(&mut rgba, w, h, 8, b + 8, index);
        rgba
    }

    /// Read the frame number back from a (possibly compressed) frame.
    pub fn read_frame_number(rgba: &[u8], width: u32) -> Option<u64> {
        let w = width as usize;
        let b = CODE_BLOCK as usize;
        let mut n = 0u64;
        for bit in 0..CODE_BITS as usize {
            // Sample the block's centre area.
            let mut sum = 0u32;
            let mut count = 0u32;
            for y in b / 4..3 * b / 4 {
                for x in bit * b + b / 4..bit * b + 3 * b / 4 {
                    let p = (y * w + x) * 4;
                    let px = rgba.get(p..p + 3)?;
                    sum += u32::from(px[0]) + u32::from(px[1]) + u32::from(px[2]);
                    count += 3;
                }
            }
            n = (n << 1) | u64::from(sum / count.max(1) > 127);
        }
        Some(n)
    }
}

#[allow(clippy::too_many_arguments)]
fn fill(rgba: &mut [u8], w: usize, h: usize, x0: usize, y0: usize, fw: usize, fh: usize, rgb: [u8; 3]) {
    for y in y0..(y0 + fh).min(h) {
        for x in x0..(x0 + fw).min(w) {
            let p = (y * w + x) * 4;
            rgba[p..p + 3].copy_from_slice(&rgb);
        }
    }
}

/// Seven-segment digits, 3 units wide and 5 high, at 6 px per unit.
fn draw_number(rgba: &mut [u8], w: usize, h: usize, x: usize, y: usize, n: u64) {
    // Segments: top, top-left, top-right, middle, bottom-left, bottom-right, bottom.
    const DIGITS: [u8; 10] = [
        0b111_0111, 0b010_0100, 0b101_1101, 0b110_1101, 0b010_1110, 0b110_1011, 0b111_1011, 0b010_0101, 0b111_1111,
        0b110_1111,
    ];
    const U: usize = 6;
    let text = n.to_string();
    fill(rgba, w, h, x - 4, y - 4, text.len() * 4 * U + 8, 5 * U + 8, [0, 0, 0]);
    for (i, c) in text.bytes().enumerate() {
        let seg = DIGITS[usize::from(c - b'0')];
        let ox = x + i * 4 * U;
        let on = |bit: u8| seg & (1 << bit) != 0;
        let white = [255, 255, 255];
        if on(0) {
            fill(rgba, w, h, ox, y, 3 * U, U, white);
        }
        if on(1) {
            fill(rgba, w, h, ox, y, U, 3 * U, white);
        }
        if on(2) {
            fill(rgba, w, h, ox + 2 * U, y, U, 3 * U, white);
        }
        if on(3) {
            fill(rgba, w, h, ox, y + 2 * U, 3 * U, U, white);
        }
        if on(4) {
            fill(rgba, w, h, ox, y + 2 * U, U, 3 * U, white);
        }
        if on(5) {
            fill(rgba, w, h, ox + 2 * U, y + 2 * U, U, 3 * U, white);
        }
        if on(6) {
            fill(rgba, w, h, ox, y + 4 * U, 3 * U, U, white);
        }
    }
}

impl VideoSource for TestPattern {
    fn format(&self) -> VideoFormat {
        self.format
    }

    fn next_frame(&mut self) -> Result<VideoFrame, SourceError> {
        let pts_micros = self.index * 1_000_000 / u64::from(self.format.fps.max(1));
        wait_until(self.start, pts_micros, self.pacing);
        let frame = VideoFrame {
            width: self.format.width,
            height: self.format.height,
            rgba: Self::render(self.format, self.index),
            pts_micros,
        };
        self.index += 1;
        Ok(frame)
    }
}

/// Samples from a generator or a file, in 20 ms chunks, stamped by sample count.
#[derive(Debug)]
pub struct SyntheticAudio {
    kind: AudioKind,
    pacing: Pacing,
    start: Instant,
    position: u64,
}

#[derive(Debug)]
enum AudioKind {
    Tone { hz: f32, amplitude: f32 },
    Samples(Vec<f32>),
}

/// Samples per chunk: 20 ms, one Opus frame.
pub const CHUNK_SAMPLES: usize = SAMPLE_RATE as usize / 50;

impl SyntheticAudio {
    /// A sine tone.
    pub fn tone(hz: f32, amplitude: f32, pacing: Pacing) -> Self {
        SyntheticAudio { kind: AudioKind::Tone { hz, amplitude }, pacing, start: Instant::now(), position: 0 }
    }

    /// The samples of a 16-bit PCM WAV file, mixed to mono and resampled to 48 kHz; the source
    /// ends with the file.
    pub fn wav_file(path: &Path, pacing: Pacing) -> Result<Self, SourceError> {
        let bytes = std::fs::read(path).map_err(|e| SourceError::Unusable(format!("{}: {e}", path.display())))?;
        let samples = decode_wav(&bytes).map_err(|e| SourceError::Unusable(format!("{}: {e}", path.display())))?;
        Ok(SyntheticAudio { kind: AudioKind::Samples(samples), pacing, start: Instant::now(), position: 0 })
    }
}

impl AudioSource for SyntheticAudio {
    fn next_chunk(&mut self) -> Result<AudioChunk, SourceError> {
        let pts_micros = self.position * 1_000_000 / u64::from(SAMPLE_RATE);
        let samples = match &self.kind {
            AudioKind::Tone { hz, amplitude } => (0..CHUNK_SAMPLES as u64)
                .map(|i| {
                    let t = (self.position + i) as f64 / f64::from(SAMPLE_RATE);
                    amplitude * ((f64::from(*hz) * t).fract() as f32 * TAU).sin()
                })
                .collect(),
            AudioKind::Samples(all) => {
                let from = self.position as usize;
                if from >= all.len() {
                    return Err(SourceError::Ended);
                }
                all[from..(from + CHUNK_SAMPLES).min(all.len())].to_vec()
            }
        };
        wait_until(self.start, pts_micros, self.pacing);
        self.position += samples.len() as u64;
        Ok(AudioChunk { samples, pts_micros })
    }
}

/// Decode a 16-bit PCM WAV to mono 48 kHz samples.
pub fn decode_wav(bytes: &[u8]) -> Result<Vec<f32>, String> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err("not a WAV file".into());
    }
    let mut at = 12;
    let mut format: Option<(u16, u16, u32, u16)> = None;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let len = u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]) as usize;
        let body = bytes.get(at + 8..(at + 8 + len).min(bytes.len())).ok_or("truncated WAV")?;
        match id {
            b"fmt " if body.len() >= 16 => {
                let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
                let rate = u32::from_le_bytes([body[4], body[5], body[6], body[7]]);
                format = Some((u16_at(0), u16_at(2), rate, u16_at(14)));
            }
            b"data" => {
                let (fmt, channels, rate, bits) = format.ok_or("WAV data before its format")?;
                if fmt != 1 || bits != 16 || channels == 0 || rate == 0 {
                    return Err(format!("only 16-bit PCM WAV is supported (format {fmt}, {bits} bits)"));
                }
                let frames: Vec<f32> = body
                    .chunks_exact(2 * usize::from(channels))
                    .map(|f| {
                        let sum: f32 =
                            f.chunks_exact(2).map(|s| f32::from(i16::from_le_bytes([s[0], s[1]])) / 32768.0).sum();
                        sum / f32::from(channels)
                    })
                    .collect();
                return Ok(resample_linear(&frames, rate, SAMPLE_RATE));
            }
            _ => {}
        }
        at += 8 + len + (len & 1);
    }
    Err("the WAV file has no data".into())
}

/// Linear-interpolation resampling (good enough for speech in tests and previews).
pub fn resample_linear(input: &[f32], from_hz: u32, to_hz: u32) -> Vec<f32> {
    if from_hz == to_hz || input.is_empty() {
        return input.to_vec();
    }
    let out_len = (input.len() as u64 * u64::from(to_hz) / u64::from(from_hz)) as usize;
    (0..out_len)
        .map(|i| {
            let pos = i as f64 * f64::from(from_hz) / f64::from(to_hz);
            let j = pos as usize;
            let frac = (pos - j as f64) as f32;
            let a = input[j.min(input.len() - 1)];
            let b = input[(j + 1).min(input.len() - 1)];
            a + (b - a) * frac
        })
        .collect()
}

/// A level meter reading, in dBFS (0 = full scale; silence is -100).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Level {
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
}

impl Level {
    pub fn of(samples: &[f32]) -> Level {
        let db = |x: f32| if x <= 1e-5 { -100.0 } else { 20.0 * x.log10() };
        let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        let rms = if samples.is_empty() {
            0.0
        } else {
            (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt()
        };
        Level { rms_dbfs: db(rms), peak_dbfs: db(peak) }
    }

    /// 0.0..=1.0 for a meter bar (-60 dBFS and below shows empty).
    pub fn meter(&self) -> f32 {
        ((self.rms_dbfs + 60.0) / 60.0).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_pattern_carries_its_frame_number() {
        let format = VideoFormat { width: 320, height: 240, fps: 30 };
        let mut source = TestPattern::new(format, Pacing::Unpaced);
        for expected in 0..40u64 {
            let frame = source.next_frame().expect("frame");
            assert_eq!(frame.rgba.len(), 320 * 240 * 4);
            assert_eq!(frame.pts_micros, expected * 1_000_000 / 30);
            assert_eq!(TestPattern::read_frame_number(&frame.rgba, 320), Some(expected));
        }
        let a = TestPattern::render(format, 1);
        let b = TestPattern::render(format, 2);
        assert_ne!(a, b, "the picture moves");
    }

    #[test]
    fn frame_number_survives_noise() {
        let format = VideoFormat { width: 320, height: 240, fps: 30 };
        let mut rgba = TestPattern::render(format, 12_345);
        let mut s = 1u32;
        for px in &mut rgba {
            s = s.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            *px = px.saturating_add((s >> 28) as u8).saturating_sub(8);
        }
        assert_eq!(TestPattern::read_frame_number(&rgba, 320), Some(12_345));
    }

    #[test]
    fn tone_is_stamped_by_sample_count_and_meters_right() {
        let mut tone = SyntheticAudio::tone(440.0, 0.5, Pacing::Unpaced);
        let a = tone.next_chunk().expect("chunk");
        let b = tone.next_chunk().expect("chunk");
        assert_eq!((a.samples.len(), a.pts_micros, b.pts_micros), (960, 0, 20_000));
        let level = Level::of(&b.samples);
        // A sine's RMS is amplitude / sqrt(2): 0.354 = -9.0 dBFS; peak 0.5 = -6.0 dBFS.
        assert!((level.rms_dbfs + 9.03).abs() < 0.2, "{level:?}");
        assert!((level.peak_dbfs + 6.02).abs() < 0.2, "{level:?}");
        assert_eq!(Level::of(&[0.0; 960]).meter(), 0.0);
    }

    #[test]
    fn real_time_pacing_waits() {
        let mut tone = SyntheticAudio::tone(440.0, 0.5, Pacing::RealTime);
        let start = Instant::now();
        for _ in 0..6 {
            tone.next_chunk().expect("chunk");
        }
        assert!(start.elapsed() >= Duration::from_millis(100), "six 20 ms chunks take at least 100 ms");
    }

    #[test]
    fn wav_files_are_mixed_to_mono_and_resampled() {
        // 16 kHz stereo, 0.1 s: left +0.5, right -0.25.
        let frames = 1600u32;
        let mut wav = Vec::new();
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&(36 + frames * 4).to_le_bytes());
        wav.extend_from_slice(b"WAVEfmt ");
        wav.extend_from_slice(&16u32.to_le_bytes());
        for v in [1u16, 2] {
            wav.extend_from_slice(&v.to_le_bytes());
        }
        wav.extend_from_slice(&16_000u32.to_le_bytes());
        wav.extend_from_slice(&64_000u32.to_le_bytes());
        wav.extend_from_slice(&4u16.to_le_bytes());
        wav.extend_from_slice(&16u16.to_le_bytes());
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&(frames * 4).to_le_bytes());
        for _ in 0..frames {
            wav.extend_from_slice(&16_384i16.to_le_bytes());
            wav.extend_from_slice(&(-8_192i16).to_le_bytes());
        }
        let samples = decode_wav(&wav).expect("decode");
        assert_eq!(samples.len(), 4800, "0.1 s at 48 kHz");
        assert!(samples.iter().all(|s| (s - 0.125).abs() < 1e-4));
        assert!(decode_wav(b"RIFF....WAVEjunk").is_err());
        assert!(decode_wav(&wav[..30]).is_err());
    }
}

/// Frames drawn once and handed out again in a loop, stamped as a camera at the format's rate
/// would stamp them: benchmarks measure the pipeline (as with a camera, which hands out ready
/// frames), not the drawing.
#[derive(Debug)]
pub struct Replay {
    format: VideoFormat,
    frames: Vec<Vec<u8>>,
    index: u64,
}

impl Replay {
    /// `frames` must not be empty; each is `width * height * 4` bytes.
    pub fn new(format: VideoFormat, frames: Vec<Vec<u8>>) -> Replay {
        assert!(!frames.is_empty(), "Replay needs at least one frame");
        Replay { format, frames, index: 0 }
    }
}

impl VideoSource for Replay {
    fn format(&self) -> VideoFormat {
        self.format
    }

    fn next_frame(&mut self) -> Result<VideoFrame, SourceError> {
        let rgba = self.frames[(self.index % self.frames.len() as u64) as usize].clone();
        let pts_micros = self.index * 1_000_000 / u64::from(self.format.fps.max(1));
        self.index += 1;
        Ok(VideoFrame { width: self.format.width, height: self.format.height, rgba, pts_micros })
    }
}
