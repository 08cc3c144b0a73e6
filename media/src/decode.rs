//! Decoders for the two codecs Peerview records: H.264 (openh264) to RGBA pictures, and Opus
//! to 48 kHz mono PCM. They take samples as the demuxer indexed them ([`crate::demux`]).

use openh264::decoder::{DecodedYUV, Decoder as H264Decoder};
use openh264::formats::YUVSource;

use crate::demux::{AudioTrack, SampleRef, VideoTrack, avcc_to_annexb};
use crate::source::SAMPLE_RATE;

/// A decoded picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
    pub time_us: u64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the video decoder could not start: {0}")]
    VideoInit(String),
    #[error("the audio decoder could not start: {0}")]
    AudioInit(String),
}

/// H.264 to RGBA. Feed samples in decode order starting at a keyframe.
pub struct VideoDecoder {
    decoder: H264Decoder,
    parameter_sets: Vec<u8>,
    length_size: u8,
    annexb: Vec<u8>,
    /// Pictures the decoder rejected (damaged data); playback goes on with the next.
    pub errors: u64,
}

impl std::fmt::Debug for VideoDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VideoDecoder").field("errors", &self.errors).finish_non_exhaustive()
    }
}

impl VideoDecoder {
    pub fn new(track: &VideoTrack) -> Result<VideoDecoder, DecodeError> {
        let decoder = H264Decoder::new().map_err(|e| DecodeError::VideoInit(e.to_string()))?;
        Ok(VideoDecoder {
            decoder,
            parameter_sets: track.parameter_sets.clone(),
            length_size: track.length_size,
            annexb: Vec::new(),
            errors: 0,
        })
    }

    /// Decode one sample; `Some` when it produced a picture. `reuse` is filled when given
    /// (a buffer from an earlier picture), which keeps allocation flat.
    pub fn decode(&mut self, sample: &SampleRef, data: &[u8], reuse: Option<Vec<u8>>) -> Option<Picture> {
        self.annexb.clear();
        if sample.keyframe {
            self.annexb.extend_from_slice(&self.parameter_sets);
        }
        avcc_to_annexb(data, self.length_size, &mut self.annexb);
        if self.annexb.is_empty() {
            self.errors += 1;
            return None;
        }
        match self.decoder.decode(&self.annexb) {
            Ok(Some(yuv)) => Some(to_picture(&yuv, sample.time_us, reuse)),
            Ok(None) => None,
            Err(_) => {
                self.errors += 1;
                None
            }
        }
    }
}

fn to_picture(yuv: &DecodedYUV<'_>, time_us: u64, reuse: Option<Vec<u8>>) -> Picture {
    let (w, h) = yuv.dimensions();
    let mut rgba = reuse.unwrap_or_default();
    rgba.clear();
    rgba.resize(w * h * 4, 0);
    yuv.write_rgba8(&mut rgba);
    Picture { width: w as u32, height: h as u32, rgba, time_us }
}

/// Opus to mono f32 at 48 kHz, with the stream's pre-skip applied.
pub struct AudioDecoder {
    decoder: opus::Decoder,
    channels: usize,
    pre_skip: u64,
    pcm: Vec<f32>,
    pub errors: u64,
}

impl std::fmt::Debug for AudioDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AudioDecoder").field("channels", &self.channels).finish_non_exhaustive()
    }
}

/// Decoded sound and the media time of its first sample.
#[derive(Clone, Debug, PartialEq)]
pub struct Sound {
    pub time_us: u64,
    pub samples: Vec<f32>,
}

impl AudioDecoder {
    pub fn new(track: &AudioTrack) -> Result<AudioDecoder, DecodeError> {
        let channels = if track.channels >= 2 { opus::Channels::Stereo } else { opus::Channels::Mono };
        let decoder = opus::Decoder::new(SAMPLE_RATE, channels).map_err(|e| DecodeError::AudioInit(e.to_string()))?;
        Ok(AudioDecoder {
            decoder,
            channels: if track.channels >= 2 { 2 } else { 1 },
            pre_skip: u64::from(track.pre_skip),
            pcm: vec![0.0; 5760 * 2],
            errors: 0,
        })
    }

    /// Forget the decoder's state (after a seek).
    pub fn reset(&mut self) {
        let _ = self.decoder.reset_state();
    }

    /// Decode one packet. Samples before media time zero (the encoder's pre-skip) are dropped;
    /// a damaged packet becomes concealment so the timeline stays intact.
    pub fn decode(&mut self, sample: &SampleRef, data: &[u8]) -> Sound {
        let n = match self.decoder.decode_float(data, &mut self.pcm, false) {
            Ok(n) => n,
            Err(_) => {
                self.errors += 1;
                self.decoder.decode_float(&[], &mut self.pcm, false).unwrap_or(0)
            }
        };
        let mono: Vec<f32> = if self.channels == 2 {
            self.pcm[..n * 2].chunks_exact(2).map(|f| (f[0] + f[1]) / 2.0).collect()
        } else {
            self.pcm[..n].to_vec()
        };
        // Position of the packet's first sample in 48 kHz units, then shift by the pre-skip.
        let start = u128::from(sample.time_us) * u128::from(SAMPLE_RATE) / 1_000_000;
        let start = start as u64;
        let (time_us, samples) = if start >= self.pre_skip {
            ((start - self.pre_skip) * 1_000_000 / u64::from(SAMPLE_RATE), mono)
        } else {
            let drop = ((self.pre_skip - start) as usize).min(mono.len());
            (0, mono[drop..].to_vec())
        };
        Sound { time_us, samples }
    }
}

/// The loudness outline of a recording's sound: the peak of each of `buckets` equal slices of
/// its duration (0.0..=1.0), for drawing a waveform. Decodes the whole audio track.
pub fn waveform(path: &std::path::Path, buckets: usize) -> Result<Vec<f32>, String> {
    let recording = crate::demux::Recording::open(path).map_err(|e| e.to_string())?;
    let track = recording.audio.as_ref().ok_or("the recording has no sound")?;
    let mut decoder = AudioDecoder::new(track).map_err(|e| e.to_string())?;
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let duration = recording.duration_us.max(1);
    let buckets = buckets.max(1);
    let mut peaks = vec![0.0f32; buckets];
    let mut data = Vec::new();
    for sample in &track.samples {
        crate::demux::read_sample(&mut file, sample, &mut data).map_err(|e| e.to_string())?;
        let sound = decoder.decode(sample, &data);
        for (i, s) in sound.samples.iter().enumerate() {
            let t = sound.time_us + i as u64 * 1_000_000 / u64::from(SAMPLE_RATE);
            let b = ((t as u128 * buckets as u128) / u128::from(duration)).min(buckets as u128 - 1) as usize;
            peaks[b] = peaks[b].max(s.abs().min(1.0));
        }
    }
    Ok(peaks)
}
