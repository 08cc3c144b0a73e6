//! Sound out through cpal. The engine hands over a callback that fills mono samples at the
//! device's rate; this module opens the device, asks for 48 kHz when it can, and copies the
//! mono signal to every channel in whatever sample format the device wants.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};

use crate::source::SAMPLE_RATE;

type Fill = Box<dyn FnMut(&mut [f32], Duration) + Send>;

/// An open output device, silent until [`Sink::start`].
pub struct Sink {
    stream: cpal::Stream,
    rate: u32,
    fill: Arc<Mutex<Option<Fill>>>,
    closing: Arc<AtomicBool>,
}

impl Sink {
    /// Open the named output device, or the default one. The error is a sentence for people.
    pub fn open(name: Option<&str>) -> Result<Sink, String> {
        let host = cpal::default_host();
        let device = match name {
            Some(name) => host
                .output_devices()
                .map_err(|e| format!("no speakers found ({e}); playing without sound"))?
                .find(|d| d.to_string() == name)
                .ok_or_else(|| format!("no speakers named {name:?}; playing without sound"))?,
            None => host.default_output_device().ok_or("no speakers found; playing without sound")?,
        };
        let supported = device
            .supported_output_configs()
            .ok()
            .and_then(|mut ranges| {
                let all: Vec<_> = ranges.by_ref().collect();
                all.iter()
                    .filter(|r| r.channels() <= 2)
                    .find_map(|r| r.try_with_sample_rate(SAMPLE_RATE))
                    .or_else(|| all.iter().find_map(|r| r.try_with_sample_rate(SAMPLE_RATE)))
            })
            .map_or_else(|| device.default_output_config(), Ok)
            .map_err(|e| format!("no speakers found ({e}); playing without sound"))?;
        let format = supported.sample_format();
        let config = supported.config();
        let channels = usize::from(config.channels.max(1));
        let rate = config.sample_rate;
        let fill: Arc<Mutex<Option<Fill>>> = Arc::new(Mutex::new(None));
        let mono: Arc<Mutex<Vec<f32>>> = Arc::new(Mutex::new(Vec::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let on_error = {
            let closing = closing.clone();
            move |e: cpal::Error| {
                if !closing.load(Ordering::Relaxed) {
                    tracing::warn!(error = %e, "sound output");
                }
            }
        };
        // One callback body for each sample format: fill mono, then spread to the channels.
        macro_rules! stream {
            ($t:ty, $convert:expr) => {{
                let (fill, mono) = (fill.clone(), mono.clone());
                device.build_output_stream::<$t, _, _>(
                    config,
                    move |out: &mut [$t], info: &cpal::OutputCallbackInfo| {
                        let frames = out.len() / channels;
                        let ts = info.timestamp();
                        let latency = ts.playback.duration_since(ts.callback);
                        let mut m = mono.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                        m.clear();
                        m.resize(frames, 0.0);
                        if let Some(f) = fill.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_mut() {
                            f(&mut m, latency);
                        }
                        for (frame, s) in out.chunks_mut(channels).zip(m.iter()) {
                            let v: $t = $convert(s.clamp(-1.0, 1.0));
                            frame.fill(v);
                        }
                    },
                    on_error,
                    None,
                )
            }};
        }
        let stream = match format {
            cpal::SampleFormat::I16 => stream!(i16, |s: f32| (s * 32767.0) as i16),
            cpal::SampleFormat::U16 => stream!(u16, |s: f32| ((s * 32767.0) + 32768.0) as u16),
            _ => stream!(f32, |s: f32| s),
        }
        .map_err(|e| {
            let text = e.to_string();
            if text.contains("not available") || text.contains("cannot find card") {
                "no speakers found; playing without sound".to_owned()
            } else {
                format!("the speakers cannot be used ({text}); playing without sound")
            }
        })?;
        stream.play().map_err(|e| format!("the speakers cannot be used ({e}); playing without sound"))?;
        Ok(Sink { stream, rate, fill, closing })
    }

    /// The device's sample rate.
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// Start pulling sound from `fill`.
    pub fn start(&self, fill: Fill) {
        *self.fill.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(fill);
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.closing.store(true, Ordering::Relaxed);
        let _ = self.stream.pause();
        *self.fill.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

/// Names of the output devices.
pub fn output_devices() -> Vec<String> {
    cpal::default_host()
        .output_devices()
        .map(|ds| ds.map(|d| d.to_string()).filter(|n| n != "null").collect())
        .unwrap_or_default()
}
