//! `peerview play FILE` (play a recording to the speakers, headless) and `peerview export
//! SUBMISSION DIR` (each answer as a standard MP4 plus a summary).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use peerview_media::player::{AudioOutput, Player, PlayerOptions, SystemTime};

use super::open_store;
use crate::export::{export_submission, resolve_submission};

pub fn play(file: &Path, speed: f64, from_secs: f64, device: Option<String>) -> Result<()> {
    let audio = device.map_or(AudioOutput::Default, AudioOutput::Named);
    let player = Player::open(file, PlayerOptions { audio, time: Arc::new(SystemTime::default()) })
        .with_context(|| format!("opening {}", file.display()))?;
    let info = player.info().clone();
    let duration = info.duration_us as f64 / 1e6;
    match info.video {
        Some((w, h)) => println!(
            "{}: {duration:.1} s, video {w}x{h}{}",
            file.display(),
            if info.has_audio { " with sound" } else { "" }
        ),
        None => println!("{}: {duration:.1} s, sound only", file.display()),
    }
    if let Some(d) = &info.damage {
        eprintln!("warning: {d}; playing what is readable");
    }
    if let Some(note) = &info.audio_note {
        eprintln!("note: {note}");
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
            eprintln!("  {secs} s");
        }
    }
    // Let the device play out its buffer.
    std::thread::sleep(Duration::from_millis(300));
    let stats = player.stats();
    println!(
        "Played to the end ({duration:.1} s): {} pictures shown, {} dropped late.",
        stats.presented, stats.dropped_late
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
        println!("Wrote {}", f.display());
    }
    if !report.missing.is_empty() {
        bail!(
            "{} recording(s) are not on this computer yet ({}); run `peerview sync` and export again",
            report.missing.len(),
            report.missing.join(", ")
        );
    }
    Ok(())
}
