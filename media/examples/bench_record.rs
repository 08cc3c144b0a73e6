//! Recording pipeline benchmark: frame conversion (RGBA -> I420) + H.264 encode + Opus encode +
//! fragmented MP4 mux + fsync, on one thread, from unpaced synthetic sources. Prints speed as a
//! multiple of real time and bytes per minute, at 720p and 480p, with the source alone (drawing
//! the test pattern) as the baseline measured in the same run.
//!
//! Run: `cargo run --release -p peerview-media --example bench_record -- [SECONDS]` (default 20).

use std::time::Instant;

use peerview_media::record::{RecordConfig, record_take};
use peerview_media::source::{Pacing, Replay, SyntheticAudio, TestPattern, VideoFormat, VideoSource};

fn main() {
    let seconds: f64 = std::env::args().nth(1).map_or(20.0, |s| s.parse().expect("SECONDS"));
    println!("Recording pipeline, one thread, {seconds} s of test pattern + tone per format\n");
    println!(
        "{:<8} {:>14} {:>17} {:>14} {:>10}",
        "format", "pipeline xRT", "frame copy xRT", "MB per minute", "kbit/s"
    );
    for format in [VideoFormat::HD720, VideoFormat::SD480] {
        let frames = (seconds * f64::from(format.fps)) as u64;
        let rendered: Vec<Vec<u8>> = (0..u64::from(format.fps) * 2).map(|i| TestPattern::render(format, i)).collect();
        // Baseline: handing out the frames alone (what any recorder pays).
        let mut source = Replay::new(format, rendered.clone());
        let t = Instant::now();
        for _ in 0..frames {
            std::hint::black_box(source.next_frame().expect("frame"));
        }
        let source_rt = seconds / t.elapsed().as_secs_f64();

        let dir = tempfile::tempdir().expect("tempdir");
        let mut video = Replay::new(format, rendered);
        let mut audio = SyntheticAudio::tone(440.0, 0.3, Pacing::Unpaced);
        let t = Instant::now();
        let take = record_take(
            dir.path(),
            Some(&mut video as &mut dyn VideoSource),
            &mut audio,
            seconds,
            RecordConfig::for_format(Some(format)),
        )
        .expect("record");
        let elapsed = t.elapsed().as_secs_f64();
        println!(
            "{:<8} {:>14.1} {:>17.1} {:>14.1} {:>10.0}",
            format!("{}p", format.height),
            seconds / elapsed,
            source_rt,
            take.size_bytes as f64 / 1e6 * 60.0 / seconds,
            take.size_bytes as f64 * 8.0 / seconds / 1000.0
        );
    }
    println!("\nxRT = seconds of recording produced per second of wall time (goal at 720p: >= 5).");
    println!(
        "Frames are pre-rendered (as a camera delivers them); the pipeline is RGBA->I420, H.264, Opus, mux, fsync."
    );
}
