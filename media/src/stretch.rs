//! Playback speed without chipmunk voices: WSOLA (waveform-similarity overlap-add) time
//! stretching, and a small streaming linear resampler for output devices that do not run at
//! 48 kHz. Both are streaming: push input as it is decoded, take output as it is ready.

/// Analysis window (20 ms at 48 kHz); output advances by half of it.
const WINDOW: usize = 960;
const HOP: usize = WINDOW / 2;
/// How far around the nominal position to look for the best-matching waveform.
const TOLERANCE: usize = 240;

/// Time stretcher for speech: `speed` 1.0 passes samples through untouched.
#[derive(Debug)]
pub struct TimeStretch {
    speed: f64,
    input: Vec<f32>,
    /// Nominal analysis position in `input` of the next frame.
    position: f64,
    /// Where the previous frame's natural continuation starts (the waveform to match).
    previous: Option<usize>,
    /// Second half of the last windowed frame, waiting for the next overlap.
    tail: Vec<f32>,
    window: Vec<f32>,
}

impl TimeStretch {
    pub fn new(speed: f64) -> TimeStretch {
        let window = (0..WINDOW)
            .map(|i| {
                let x = std::f64::consts::PI * 2.0 * i as f64 / WINDOW as f64;
                (0.5 - 0.5 * x.cos()) as f32
            })
            .collect();
        TimeStretch { speed, input: Vec::new(), position: 0.0, previous: None, tail: vec![0.0; HOP], window }
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Stretch `samples`, returning whatever output is complete.
    pub fn process(&mut self, samples: &[f32]) -> Vec<f32> {
        if (self.speed - 1.0).abs() < 1e-9 {
            return samples.to_vec();
        }
        self.input.extend_from_slice(samples);
        let analysis_hop = self.speed * HOP as f64;
        let mut out = Vec::new();
        loop {
            let nominal = self.position.round() as usize;
            // Need the frame plus the search range beyond it.
            if nominal + TOLERANCE + WINDOW > self.input.len() {
                break;
            }
            let start = match self.previous {
                None => nominal,
                Some(target) => self.best_offset(target, nominal),
            };
            let frame = &self.input[start..start + WINDOW];
            for i in 0..HOP {
                out.push(self.tail[i] + frame[i] * self.window[i]);
            }
            for i in 0..HOP {
                self.tail[i] = frame[HOP + i] * self.window[HOP + i];
            }
            self.previous = Some(start + HOP);
            self.position += analysis_hop;
            // Drop input that no later frame can reach.
            let keep_from = (self.position as usize).saturating_sub(TOLERANCE).min(start + HOP);
            if keep_from > 4 * WINDOW {
                self.input.drain(..keep_from);
                self.position -= keep_from as f64;
                self.previous = self.previous.map(|p| p - keep_from);
            }
        }
        out
    }

    /// The start near `nominal` whose waveform best continues the one at `target`.
    fn best_offset(&self, target: usize, nominal: usize) -> usize {
        let reference = &self.input[target..(target + HOP).min(self.input.len())];
        let low = nominal.saturating_sub(TOLERANCE);
        let mut best = (f32::MIN, nominal);
        // Step by 2 for speed; speech tolerates it.
        for candidate in (low..=nominal + TOLERANCE).step_by(2) {
            let window = &self.input[candidate..candidate + reference.len()];
            let score: f32 = reference.iter().zip(window).map(|(a, b)| a * b).sum();
            if score > best.0 {
                best = (score, candidate);
            }
        }
        best.1
    }
}

/// Streaming linear resampler (mono).
#[derive(Debug)]
pub struct Resampler {
    step: f64,
    phase: f64,
    last: f32,
}

impl Resampler {
    pub fn new(from_hz: u32, to_hz: u32) -> Resampler {
        Resampler { step: f64::from(from_hz) / f64::from(to_hz.max(1)), phase: 0.0, last: 0.0 }
    }

    pub fn is_identity(&self) -> bool {
        (self.step - 1.0).abs() < 1e-12
    }

    pub fn process(&mut self, input: &[f32]) -> Vec<f32> {
        if self.is_identity() {
            return input.to_vec();
        }
        let mut out = Vec::with_capacity((input.len() as f64 / self.step) as usize + 2);
        // `phase` is the position of the next output sample, relative to `last` (index -1).
        while self.phase < input.len() as f64 {
            let i = self.phase.floor();
            let frac = (self.phase - i) as f32;
            let a = if i < 1.0 { self.last } else { input[i as usize - 1] };
            let b = input[i as usize];
            out.push(a + (b - a) * frac);
            self.phase += self.step;
        }
        self.phase -= input.len() as f64;
        if let Some(l) = input.last() {
            self.last = *l;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(hz: f32, seconds: f32) -> Vec<f32> {
        (0..(48_000.0 * seconds) as usize)
            .map(|i| (i as f32 * hz * std::f32::consts::TAU / 48_000.0).sin() * 0.5)
            .collect()
    }

    /// Frequency from upward zero crossings.
    fn frequency(s: &[f32]) -> f32 {
        let ups = s.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
        ups as f32 * 48_000.0 / s.len() as f32
    }

    #[test]
    fn faster_speech_keeps_its_pitch() {
        for speed in [1.5, 2.0] {
            let input = tone(220.0, 3.0);
            let mut ts = TimeStretch::new(speed);
            let mut out = Vec::new();
            for chunk in input.chunks(960) {
                out.extend(ts.process(chunk));
            }
            let expected = input.len() as f64 / speed;
            assert!(
                (out.len() as f64 - expected).abs() < expected * 0.05,
                "speed {speed}: {} samples, expected about {expected}",
                out.len()
            );
            let f = frequency(&out[2000..out.len() - 2000]);
            assert!((f - 220.0).abs() < 6.0, "speed {speed}: pitch became {f} Hz");
            // No clicks: the stretched tone stays a smooth sine.
            let jump = out.windows(2).map(|w| (w[1] - w[0]).abs()).fold(0.0f32, f32::max);
            assert!(jump < 0.05, "speed {speed}: discontinuity of {jump}");
        }
    }

    #[test]
    fn normal_speed_is_untouched() {
        let input = tone(440.0, 0.5);
        assert_eq!(TimeStretch::new(1.0).process(&input), input);
    }

    #[test]
    fn resampler_keeps_length_and_pitch() {
        let input = tone(440.0, 1.0);
        let mut r = Resampler::new(48_000, 44_100);
        let mut out = Vec::new();
        for chunk in input.chunks(512) {
            out.extend(r.process(chunk));
        }
        assert!((out.len() as i64 - 44_100).abs() < 3, "{}", out.len());
        let ups = out.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
        assert!((ups as i64 - 440).abs() <= 1, "{ups}");
    }
}
