//! `peerview play FILE` (play a recording to the speakers, headless) and `peerview export
//! SUBMISSION DIR` (each answer as a standard MP4 plus a summary).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use peerview_media::player::{AudioOutput, Player, PlayerOptions, SystemTime};

use super::open_store;
use crate::export::{export_submission, resolve_submission};
use crate::ops::describe::one_decimal;
use crate::tr;

pub fn play(file: &Path, speed: f64, from_secs: f64, device: Option<String>) -> Result<()> {
    let audio = device.map_or(AudioOutput::Default, AudioOutput::Named);
    let player = Player::open(file, PlayerOptions { audio, time: Arc::new(SystemTime::default()) })
        .with_context(|| tr!("cli-opening-file", file = file.display().to_string()))?;
    let info = player.info().clone();
    let duration = info.duration_us as f64 / 1e6;
    let name = file.display().to_string();
    let secs = one_decimal(duration);
    match info.video {
        Some((w, h)) => {
            let size = format!("{w}x{h}");
            if info.has_audio {
                println!("{}", tr!("cli-play-video-sound", file = name, secs = secs, size = size));
            } else {
                println!("{}", tr!("cli-play-video", file = name, secs = secs, size = size));
            }
        }
        None => println!("{}", tr!("cli-play-sound-only", file = name, secs = secs)),
    }
    if let Some(d) = &info.damage {
        eprintln!("{}", tr!("cli-play-damaged", problem = d.as_str()));
    }
    if let Some(note) = &info.audio_note {
        eprintln!("{}", tr!("cli-play-note", note = note.as_str()));
    }
    if from_secs > 0.0 {
        player.seek((from_secs * 1e6) as u64);
    }
    player.set_speed(speed);
    player.play();
    let mut last_report = 0;
    while !player.has_ended() {
        let _ = player.picture();
        std::thread::sleep(Duration::from_millis(10));
        let secs = player.position_us() / 1_000_000;
        if secs >= last_report + 5 {
            last_report = secs;
            eprintln!("  {}", tr!("common-secs", s = secs));
        }
    }
    // Let the device play out its buffer.
    std::thread::sleep(Duration::from_millis(300));
    let stats = player.stats();
    println!(
        "{}",
        tr!("cli-play-done", secs = one_decimal(duration), shown = stats.presented, dropped = stats.dropped_late)
    );
    Ok(())
}

pub fn export(data_dir: &Path, submission: &str, dir: &Path) -> Result<()> {
    let store = open_store(data_dir)?;
    let candidate = resolve_submission(&store, submission)?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let report = export_submission(&store, &candidate, dir, |hash, target| {
        let target = if target.is_absolute() { target.to_owned() } else { std::env::current_dir()?.join(target) };
        rt.block_on(crate::ops::recordings::export(&store, hash, &target))?;
        Ok(())
    })?;
    for f in &report.files {
        println!("{}", tr!("cli-wrote", file = f.display().to_string()));
    }
    if !report.missing.is_empty() {
        bail!(tr!("cli-export-missing", count = report.missing.len(), questions = report.missing.join(", ")));
    }
    Ok(())
}
