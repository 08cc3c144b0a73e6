//! The microphone path for real: speech made by espeak-ng is fed through ALSA's `file` plugin
//! (no sound card) into cpal, recorded as Opus by `peerview record --audio mic`, decoded by
//! ffmpeg, and must correlate with what went in. Without a usable device the message is clear.

use std::path::Path;
use std::process::Command;

use peerview_tests::{peerview_command, stderr, stdout};

/// The sound tests share the machine's two cores badly (ALSA's `null` device spins one), and a
/// starved player has gaps: run them one at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success())
        || Command::new(tool).arg("-version").output().is_ok_and(|o| o.status.success())
}

fn alsa_config(dir: &Path, mic_raw: &Path) -> std::path::PathBuf {
    let conf = dir.join("fake-devices.conf");
    let text = format!(
        r#"pcm.fakemic_raw {{ type file slave.pcm "null" file "/dev/null" infile "{}" format "raw" }}
pcm.fakemic {{ type plug slave {{ pcm "fakemic_raw" format S16_LE rate 48000 channels 1 }} }}
pcm.fakespk_raw {{ type file slave.pcm "null" file "{}" format "wav" }}
pcm.fakespk {{ type plug slave {{ pcm "fakespk_raw" format S16_LE rate 48000 channels 1 }} }}
pcm.!default {{ type asym capture.pcm "fakemic" playback.pcm "fakespk" }}
"#,
        mic_raw.display(),
        dir.join("speaker.wav").display()
    );
    std::fs::write(&conf, text).expect("write ALSA config");
    conf
}

/// An ALSA configuration whose default device is a sound card that does not exist.
fn no_sound_card(dir: &Path) -> std::path::PathBuf {
    let conf = dir.join("none.conf");
    std::fs::write(&conf, "pcm.!default { type hw card 99 }\nctl.!default { type hw card 99 }\n").expect("write");
    conf
}

fn read_i16(path: &Path) -> Vec<f32> {
    std::fs::read(path)
        .expect("read")
        .chunks_exact(2)
        .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
        .collect()
}

/// Best normalised cross-correlation of `b` against `a` for lags 0..max_lag.
fn best_correlation(a: &[f32], b: &[f32], max_lag: usize) -> (f32, usize) {
    let n = a.len().min(b.len()).saturating_sub(max_lag);
    let mut best = (0.0f32, 0);
    for lag in 0..max_lag {
        let (mut ab, mut aa, mut bb) = (0.0f64, 0.0f64, 0.0f64);
        for i in 0..n {
            let (x, y) = (f64::from(a[i]), f64::from(b[i + lag]));
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        let c = (ab / (aa.sqrt() * bb.sqrt()).max(1e-12)) as f32;
        if c > best.0 {
            best = (c, lag);
        }
    }
    best
}

#[test]
fn speech_through_the_alsa_file_plugin_is_recorded_faithfully() {
    let _serial = serial();
    if !["espeak-ng", "sox", "ffmpeg"].iter().all(|t| have(t)) {
        peerview_tests::skip("espeak-ng, sox and ffmpeg are needed (scripts/test installs them)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = dir.path().join("speech.wav");
    let raw = dir.path().join("speech.raw");
    let ok = |c: &mut Command| assert!(c.status().expect("run").success(), "{c:?}");
    ok(Command::new("espeak-ng")
        .arg("-w")
        .arg(&wav)
        .arg("Peerview records what the candidate says, clearly, and in sync with the picture."));
    ok(Command::new("sox")
        .arg(&wav)
        .args(["-r", "48000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw"])
        .arg(&raw)
        .args(["pad", "0", "3"]));
    let conf = alsa_config(dir.path(), &raw);
    let out = dir.path().join("answer.mp4");
    let run = peerview_command()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["record", "--video", "none", "--audio", "mic", "--seconds", "3"])
        .arg(&out)
        .env("ALSA_CONFIG_PATH", format!("/usr/share/alsa/alsa.conf:{}", conf.display()))
        .output()
        .expect("record");
    assert!(run.status.success(), "{}\n{}", stdout(&run), stderr(&run));

    let decoded = dir.path().join("decoded.raw");
    ok(Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-i"])
        .arg(&out)
        .args(["-f", "s16le", "-ac", "1", "-ar", "48000"])
        .arg(&decoded));
    let (input, output) = (read_i16(&raw), read_i16(&decoded));
    assert!(output.len() >= 48_000 * 29 / 10, "about 3 s decoded: {} samples", output.len());
    let speech = &input[..(48_000 * 5 / 2).min(input.len())];
    let (correlation, lag) = best_correlation(speech, &output, 4_800);
    assert!(correlation > 0.8, "recorded speech correlates with the input: {correlation} at lag {lag} samples");
}

#[test]
fn without_a_microphone_the_message_is_clear() {
    let _serial = serial();
    let dir = tempfile::tempdir().expect("tempdir");
    let conf = no_sound_card(dir.path());
    let run = peerview_command()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["record", "--video", "none", "--audio", "mic", "--seconds", "1"])
        .arg(dir.path().join("x.mp4"))
        .env("ALSA_CONFIG_PATH", format!("/usr/share/alsa/alsa.conf:{}", conf.display()))
        .output()
        .expect("record");
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(err.contains("microphone"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Read everything written into `fifo` by successive writers, at `bytes_per_sec` (so ALSA's
/// non-pacing `null` device plays at a steady rate), until `stop` is set and no writer is left.
fn drain_fifo(
    fifo: std::path::PathBuf,
    bytes_per_sec: f64,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<Vec<u8>> {
    use std::io::Read;
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let start = std::time::Instant::now();
        let mut chunk = vec![0u8; 4800];
        loop {
            let Ok(mut f) = std::fs::File::open(&fifo) else { break };
            loop {
                let n = f.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break;
                }
                all.extend_from_slice(&chunk[..n]);
                let due = std::time::Duration::from_secs_f64(all.len() as f64 / bytes_per_sec);
                if let Some(wait) = due.checked_sub(start.elapsed()) {
                    std::thread::sleep(wait);
                }
            }
            if stop.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
        }
        all
    })
}

/// Wake a reader blocked opening `fifo` (its writer is gone) so it can see it should stop.
fn release_fifo(fifo: &Path, reader: &std::thread::JoinHandle<Vec<u8>>) {
    use std::os::unix::fs::OpenOptionsExt;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !reader.is_finished() && std::time::Instant::now() < deadline {
        // O_NONBLOCK: fails at once when no reader waits.
        let _ = std::fs::OpenOptions::new().write(true).custom_flags(0o4000).open(fifo);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn playback_through_the_alsa_file_plugin_matches_the_recording() {
    let _serial = serial();
    if !["espeak-ng", "sox", "ffmpeg", "mkfifo"].iter().all(|t| have(t)) {
        peerview_tests::skip("espeak-ng, sox, ffmpeg and mkfifo are needed (scripts/test installs them)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = dir.path().join("speech.wav");
    let ok = |c: &mut Command| assert!(c.status().expect("run").success(), "{c:?}");
    ok(Command::new("espeak-ng").arg("-w").arg(&wav).arg("Playback keeps every word of the answer in time."));
    let take = dir.path().join("take.mp4");
    let rec = peerview_command()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["record", "--video", "test-pattern", "--size", "320x240", "--seconds", "3", "--audio"])
        .arg(format!("wav:{}", wav.display()))
        .arg(&take)
        .output()
        .expect("record");
    assert!(rec.status.success(), "{}", stderr(&rec));
    // What an independent decoder hears in the take.
    let reference = dir.path().join("reference.raw");
    ok(Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-i"])
        .arg(&take)
        .args(["-f", "s16le", "-ac", "1", "-ar", "48000"])
        .arg(&reference));

    let fifo = dir.path().join("speaker.fifo");
    ok(Command::new("mkfifo").arg(&fifo));
    let conf = dir.path().join("speaker.conf");
    std::fs::write(
        &conf,
        format!(
            r#"pcm.fakespk_raw {{ type file slave.pcm "null" file "{}" format "raw" }}
pcm.fakespk {{ type plug slave {{ pcm "fakespk_raw" format S16_LE rate 48000 channels 1 }} }}
pcm.!default {{ type asym capture.pcm "null" playback.pcm "fakespk" }}
"#,
            fifo.display()
        ),
    )
    .expect("write ALSA config");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Twice real time: 48 kHz × 2 bytes × 2.
    let reader = drain_fifo(fifo.clone(), 192_000.0, stop.clone());
    let play = peerview_command()
        .arg("play")
        .arg(&take)
        .env("ALSA_CONFIG_PATH", format!("/usr/share/alsa/alsa.conf:{}", conf.display()))
        .output()
        .expect("play");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    release_fifo(&fifo, &reader);
    let played = reader.join().expect("reader");
    assert!(play.status.success(), "{}\n{}", stdout(&play), stderr(&play));
    assert!(stdout(&play).contains("Played to the end"), "{}", stdout(&play));
    let played: Vec<f32> =
        played.chunks_exact(2).map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0).collect();
    // The device starts before the first sound is decoded: align both at the first speech.
    let onset = |s: &[f32]| s.iter().position(|v| v.abs() > 0.05).unwrap_or(0).saturating_sub(2_400);
    let expected = read_i16(&reference);
    let (played, expected) = (&played[onset(&played)..], &expected[onset(&expected)..]);
    assert!(played.len() >= expected.len() * 9 / 10, "{} of {} samples played", played.len(), expected.len());
    let (correlation, lag) = best_correlation(&expected[..expected.len() * 8 / 10], played, 4_800);
    assert!(correlation > 0.95, "what was played correlates with the recording: {correlation} at lag {lag}");
}

#[test]
fn playback_without_speakers_plays_silently_and_says_so() {
    let _serial = serial();
    let dir = tempfile::tempdir().expect("tempdir");
    let take = dir.path().join("take.mp4");
    let rec = peerview_command()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["record", "--video", "none", "--audio", "tone", "--seconds", "1"])
        .arg(&take)
        .output()
        .expect("record");
    assert!(rec.status.success(), "{}", stderr(&rec));
    let conf = no_sound_card(dir.path());
    let play = peerview_command()
        .arg("play")
        .arg(&take)
        .env("ALSA_CONFIG_PATH", format!("/usr/share/alsa/alsa.conf:{}", conf.display()))
        .output()
        .expect("play");
    assert!(play.status.success(), "{}", stderr(&play));
    assert!(stderr(&play).contains("no speakers found"), "{}", stderr(&play));
    assert!(stderr(&play).contains("playing without sound"), "{}", stderr(&play));
}
