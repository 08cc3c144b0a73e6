//! Playback benchmark.
//!
//! 1. Decode + RGBA conversion of a 720p recording on one thread, as a share of one core when
//!    playing at real-time speed (goal ≤ 25 %), next to the recording pipeline's encode time for
//!    the same take measured in the same run (the baseline).
//! 2. Memory over a 10-minute recording: the engine plays it (manual clock, every picture
//!    asked for as a UI would at 30 fps) and the process's resident memory is sampled each
//!    minute of media; flat means the last minute is within a few MB of the first.
//!
//! Run: `cargo run --release -p peerview-media --example bench_playback -- [DECODE_SECS] [MEMORY_MINUTES]`
//! (defaults 20 and 10).

use std::sync::Arc;
use std::time::{Duration, Instant};

use peerview_media::decode::VideoDecoder;
use peerview_media::demux::{Recording, read_sample};
use peerview_media::player::{AudioOutput, ManualTime, Player, PlayerOptions};
use peerview_media::record::{RecordConfig, record_take};
use peerview_media::source::{Pacing, Replay, SyntheticAudio, TestPattern, VideoFormat};

fn record(dir: &std::path::Path, format: VideoFormat, seconds: f64) -> (std::path::PathBuf, Duration) {
    let frames = (0..60).map(|i| TestPattern::render(format, i)).collect();
    let mut video = Replay::new(format, frames);
    let mut audio = SyntheticAudio::tone(440.0, 0.3, Pacing::Unpaced);
    let start = Instant::now();
    let take = record_take(dir, Some(&mut video), &mut audio, seconds, RecordConfig::for_format(Some(format)))
        .expect("record");
    (take.path, start.elapsed())
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let decode_secs: f64 = args.next().map_or(20.0, |s| s.parse().expect("DECODE_SECS"));
    let minutes: u64 = args.next().map_or(10, |s| s.parse().expect("MEMORY_MINUTES"));
    let dir = tempfile::tempdir().expect("tempdir");

    // 1. Decode share at 720p.
    let (path, encode) = record(&dir.path().join("short"), VideoFormat::HD720, decode_secs);
    let rec = Recording::open(&path).expect("open");
    let video = rec.video.as_ref().expect("video");
    let mut decoder = VideoDecoder::new(video).expect("decoder");
    let mut file = std::fs::File::open(&path).expect("file");
    let mut buf = Vec::new();
    let mut reuse = None;
    let start = Instant::now();
    for s in &video.samples {
        read_sample(&mut file, s, &mut buf).expect("read");
        if let Some(p) = decoder.decode(s, &buf, reuse.take()) {
            reuse = Some(p.rgba);
        }
    }
    let decode = start.elapsed();
    let share = decode.as_secs_f64() / (rec.duration_us as f64 / 1e6);
    println!("Playback, 720p30, {decode_secs} s recording ({} frames)", video.samples.len());
    println!("{:<44} {:>10}", "decode + RGBA, share of one core at 1x", format!("{:.1} %", share * 100.0));
    println!("{:<44} {:>10}", "  at 2x speed", format!("{:.1} %", share * 200.0));
    println!(
        "{:<44} {:>10}",
        "decode time / encode time (same take)",
        format!("{:.2}", decode.as_secs_f64() / encode.as_secs_f64())
    );

    // 2. Memory over a long recording.
    if minutes == 0 {
        return;
    }
    println!("\nRecording {minutes} min at 720p for the memory run...");
    let (long, _) = record(&dir.path().join("long"), VideoFormat::HD720, minutes as f64 * 60.0);
    let size = std::fs::metadata(&long).map_or(0, |m| m.len());
    let before = rss_mb();
    let time = Arc::new(ManualTime::default());
    let player = Player::open(&long, PlayerOptions { audio: AudioOutput::Silent, time: time.clone() }).expect("player");
    let opened = rss_mb();
    player.play();
    let mut samples = Vec::new();
    let mut presented = 0u64;
    let mut last_serial = 0;
    let frame = Duration::from_micros(33_333);
    let start = Instant::now();
    let mut next_minute = 60_000_000u64;
    while !player.has_ended() {
        time.advance(frame);
        // Wait for the decoder like a display would at real speed, without the real waiting.
        for _ in 0..200 {
            match player.picture() {
                Some(s) if s.serial != last_serial => {
                    last_serial = s.serial;
                    presented += 1;
                    break;
                }
                _ if player.has_ended() => break,
                _ => std::thread::sleep(Duration::from_micros(200)),
            }
        }
        if player.position_us() >= next_minute {
            samples.push(rss_mb());
            next_minute += 60_000_000;
        }
    }
    let stats = player.stats();
    println!(
        "{minutes} min recording, {:.0} MB file; played in {:.0} s: {presented} pictures shown, {} dropped",
        size as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        stats.dropped_late
    );
    println!("RSS before opening {before:.0} MB, after indexing {opened:.0} MB");
    let line: Vec<String> = samples.iter().enumerate().map(|(i, mb)| format!("{}m {mb:.0}", i + 1)).collect();
    println!("RSS (MB) each minute of media: {}", line.join(" · "));
    if let (Some(first), Some(max)) = (samples.first(), samples.iter().copied().reduce(f64::max)) {
        println!("{:<44} {:>10}", "peak / first-minute RSS", format!("{:.2}", max / first));
    }
}
