//! `peerview record` (one take, headless) and the start-up recovery of takes a crash left behind.
//! Takes are recorded into `DATA/takes/<id>/` (fragments fsynced as they are written) and copied
//! out when finished.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use peerview_media::devices::{Camera, Microphone, list_cameras, list_microphones};
use peerview_media::record::{FinishedTake, RecordConfig, record_take_with};
use peerview_media::source::{AudioSource, Pacing, SyntheticAudio, TestPattern, VideoFormat, VideoSource};

use crate::ops::describe::one_decimal;
use crate::tr;

/// Repair takes a crash left in progress and tell the user what was recovered.
pub fn recover(data_dir: &Path) {
    for recovered in crate::ops::takes::recover(data_dir) {
        match recovered.outcome {
            Ok(Some(_)) => eprintln!("{recovered}"),
            _ => eprintln!("{}", tr!("cli-warning", warning = recovered.to_string())),
        }
    }
}

/// What to record from, as given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VideoChoice {
    None,
    TestPattern,
    Camera(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudioChoice {
    None,
    Tone,
    Wav(PathBuf),
    Mic(Option<String>),
}

impl std::str::FromStr for VideoChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "none" => Ok(VideoChoice::None),
            "test-pattern" => Ok(VideoChoice::TestPattern),
            "camera" => Ok(VideoChoice::Camera(0)),
            other => match other.strip_prefix("camera:").map(str::parse) {
                Some(Ok(i)) => Ok(VideoChoice::Camera(i)),
                _ => Err(tr!("cli-video-choice", value = other)),
            },
        }
    }
}

impl std::str::FromStr for AudioChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "none" => Ok(AudioChoice::None),
            "tone" => Ok(AudioChoice::Tone),
            "mic" => Ok(AudioChoice::Mic(None)),
            other => {
                if let Some(name) = other.strip_prefix("mic:") {
                    Ok(AudioChoice::Mic(Some(name.to_owned())))
                } else if let Some(path) = other.strip_prefix("wav:") {
                    Ok(AudioChoice::Wav(PathBuf::from(path)))
                } else {
                    Err(tr!("cli-audio-choice", value = other))
                }
            }
        }
    }
}

/// Record one take into the data directory's takes area; returns it.
pub fn record_into_takes(
    dir: PathBuf,
    video: &VideoChoice,
    audio: &AudioChoice,
    format: VideoFormat,
    seconds: f64,
    on_fragment: impl FnMut(&peerview_media::record::Fragment) + Send + 'static,
) -> Result<FinishedTake> {
    let clock = std::time::Instant::now();
    let mut video_source: Option<Box<dyn VideoSource>> = match video {
        VideoChoice::None => None,
        VideoChoice::TestPattern => Some(Box::new(TestPattern::new(format, Pacing::RealTime))),
        VideoChoice::Camera(index) => Some(Box::new(Camera::open(*index, format, clock)?)),
    };
    let mut audio_source: Box<dyn AudioSource> = match audio {
        AudioChoice::Tone => Box::new(SyntheticAudio::tone(440.0, 0.3, Pacing::RealTime)),
        AudioChoice::Wav(path) => Box::new(SyntheticAudio::wav_file(path, Pacing::RealTime)?),
        // Silence keeps the timeline (and players) happy in a video-only take.
        AudioChoice::None => Box::new(SyntheticAudio::tone(440.0, 0.0, Pacing::RealTime)),
        AudioChoice::Mic(name) => Box::new(Microphone::open(name.as_deref())?),
    };
    let config = RecordConfig::for_format(video_source.as_ref().map(|v| v.format()));
    let video_ref = video_source.as_mut().map(|v| &mut **v as &mut dyn VideoSource);
    record_take_with(&dir, video_ref, audio_source.as_mut(), seconds, config, on_fragment).map_err(|e| anyhow!("{e}"))
}

/// `peerview devices`: the cameras and microphones a take can be recorded from.
pub fn devices() {
    let cameras = list_cameras();
    println!("{}", tr!("cli-devices-cameras"));
    if cameras.is_empty() {
        println!("  {}", tr!("cli-devices-no-camera"));
    }
    for c in &cameras {
        println!("  camera:{}  {}", c.id, c.name);
        let formats: Vec<String> = c.formats.iter().map(|f| format!("{}x{}@{}", f.width, f.height, f.fps)).collect();
        if !formats.is_empty() {
            println!("    {}", formats.join(", "));
        }
    }
    let mics = list_microphones();
    println!("{}", tr!("cli-devices-microphones"));
    if mics.is_empty() {
        println!("  {}", tr!("cli-devices-no-microphone"));
    }
    for (i, m) in mics.iter().enumerate() {
        if i == 0 {
            println!("  mic:{}  {}", m.id, tr!("cli-devices-default"));
        } else {
            println!("  mic:{}", m.id);
        }
    }
}

pub fn record(
    data_dir: &Path,
    video: &VideoChoice,
    audio: &AudioChoice,
    size: VideoFormat,
    seconds: f64,
    out: &Path,
) -> Result<()> {
    recover(data_dir);
    if !(0.1..=3600.0).contains(&seconds) {
        bail!(tr!("cli-record-seconds-range"));
    }
    let take = record_into_takes(crate::ops::takes::new_take_dir(data_dir), video, audio, size, seconds, |f| {
        println!("{}", tr!("cli-record-fragment", index = f.index, bytes = f.len));
    })?;
    let tmp = out.with_extension("mp4.partial");
    std::fs::copy(&take.path, &tmp).with_context(|| tr!("cli-writing-file", file = tmp.display().to_string()))?;
    std::fs::rename(&tmp, out).with_context(|| tr!("cli-writing-file", file = out.display().to_string()))?;
    if let Some(dir) = take.path.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
    println!(
        "{}",
        tr!(
            "cli-record-done",
            file = out.display().to_string(),
            secs = one_decimal(take.duration_ms as f64 / 1000.0),
            bytes = take.size_bytes,
            fragments = take.fragments.len(),
            hash = take.hash.as_str()
        )
    );
    Ok(())
}
