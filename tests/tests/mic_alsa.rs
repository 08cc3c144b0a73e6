//! The microphone path for real: speech made by espeak-ng is fed through ALSA's `file` plugin
//! (no sound card) into cpal, recorded as Opus by `peerview record --audio mic`, decoded by
//! ffmpeg, and must correlate with what went in. Without a usable device the message is clear.

use std::path::Path;
use std::process::Command;

use peerview_tests::{peerview_bin, stderr, stdout};

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
    if !["espeak-ng", "sox", "ffmpeg"].iter().all(|t| have(t)) {
        eprintln!("note: espeak-ng, sox and ffmpeg are needed (scripts/test installs them); test skipped");
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
    let run = Command::new(peerview_bin())
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
    let dir = tempfile::tempdir().expect("tempdir");
    let conf = dir.path().join("none.conf");
    std::fs::write(&conf, "pcm.!default { type hw card 99 }\nctl.!default { type hw card 99 }\n").expect("write");
    let run = Command::new(peerview_bin())
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
