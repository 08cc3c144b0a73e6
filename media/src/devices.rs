//! Real devices behind the source traits: cameras through nokhwa (V4L2 on Linux), microphones
//! through cpal (ALSA). Kept thin: everything they deliver is stamped on the take's clock and
//! handed over through channels, so the recorder cannot tell them from the synthetic sources.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};

use crate::source::{
    AudioChunk, AudioSource, CHUNK_SAMPLES, DeviceInfo, SAMPLE_RATE, SourceError, VideoFormat, VideoFrame, VideoSource,
    resample_linear,
};

/// How long a device may stay silent before it counts as disconnected.
const DEVICE_TIMEOUT: Duration = Duration::from_secs(5);

/// Cameras on this computer. An empty list means no camera (audio-only answers still work).
pub fn list_cameras() -> Vec<DeviceInfo> {
    let Ok(cameras) = nokhwa::query(nokhwa::utils::ApiBackend::Auto) else { return Vec::new() };
    cameras
        .into_iter()
        .map(|c| {
            let id = match c.index() {
                nokhwa::utils::CameraIndex::Index(i) => i.to_string(),
                nokhwa::utils::CameraIndex::String(s) => s.clone(),
            };
            let formats = match c.index() {
                nokhwa::utils::CameraIndex::Index(i) => camera_formats(*i),
                nokhwa::utils::CameraIndex::String(_) => Vec::new(),
            };
            DeviceInfo { id, name: c.human_name(), formats }
        })
        .collect()
}

/// The formats a camera offers (opening it briefly), largest first; empty if it cannot be opened.
fn camera_formats(index: u32) -> Vec<VideoFormat> {
    use nokhwa::pixel_format::RgbFormat;
    use nokhwa::utils::{CameraIndex, RequestedFormat, RequestedFormatType};
    let any = RequestedFormat::new::<RgbFormat>(RequestedFormatType::AbsoluteHighestFrameRate);
    let Ok(mut camera) = nokhwa::Camera::new(CameraIndex::Index(index), any) else { return Vec::new() };
    let mut formats: Vec<VideoFormat> = camera
        .compatible_camera_formats()
        .unwrap_or_default()
        .iter()
        .map(|f| VideoFormat { width: f.resolution().width(), height: f.resolution().height(), fps: f.frame_rate() })
        .collect();
    formats.sort_by_key(|f| std::cmp::Reverse((f.width * f.height, f.fps)));
    formats.dedup();
    formats
}

/// Microphones on this computer (the system default first).
pub fn list_microphones() -> Vec<DeviceInfo> {
    let host = cpal::default_host();
    let default = host.default_input_device().map(|d| d.to_string());
    let mut out: Vec<DeviceInfo> = match host.input_devices() {
        Ok(devices) => devices
            // ALSA's `null` device "captures" endless silence: not a microphone.
            .filter(|d| {
                !d.id().is_ok_and(|id| id.to_string().ends_with(":null"))
                    && !d.to_string().starts_with("Discard all samples")
            })
            .filter(|d| d.default_input_config().is_ok())
            .map(|d| {
                let name = d.to_string();
                DeviceInfo { id: name.clone(), name, formats: Vec::new() }
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort_by_key(|d| Some(&d.name) != default.as_ref());
    out
}

/// A camera, captured on its own thread (nokhwa's camera must stay on the thread that opened it).
pub struct Camera {
    format: VideoFormat,
    frames: Receiver<Result<VideoFrame, SourceError>>,
    stop: Arc<AtomicBool>,
}

impl std::fmt::Debug for Camera {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Camera").field("format", &self.format).finish_non_exhaustive()
    }
}

impl Camera {
    /// Open camera `index` as close to `want` as it offers; `clock` is the take's time zero.
    pub fn open(index: u32, want: VideoFormat, clock: Instant) -> Result<Camera, SourceError> {
        if list_cameras().is_empty() {
            return Err(SourceError::NoCamera);
        }
        let (tx, rx) = sync_channel(2);
        let (ready_tx, ready_rx) = sync_channel(1);
        let stop = Arc::new(AtomicBool::new(false));
        let stop_flag = stop.clone();
        std::thread::Builder::new()
            .name("camera".into())
            .spawn(move || capture_camera(index, want, clock, &tx, &ready_tx, &stop_flag))
            .map_err(|e| SourceError::Unusable(e.to_string()))?;
        let format = ready_rx.recv_timeout(Duration::from_secs(10)).map_err(|_| SourceError::NoCamera)??;
        Ok(Camera { format, frames: rx, stop })
    }
}

fn capture_camera(
    index: u32,
    want: VideoFormat,
    clock: Instant,
    tx: &SyncSender<Result<VideoFrame, SourceError>>,
    ready: &SyncSender<Result<VideoFormat, SourceError>>,
    stop: &AtomicBool,
) {
    use nokhwa::pixel_format::RgbFormat;
    use nokhwa::utils::{CameraIndex, RequestedFormat, RequestedFormatType};
    let opened = (|| {
        let any = RequestedFormat::new::<RgbFormat>(RequestedFormatType::AbsoluteHighestFrameRate);
        let mut camera =
            nokhwa::Camera::new(CameraIndex::Index(index), any).map_err(|e| SourceError::Unusable(e.to_string()))?;
        // Pick the offered format closest to what was asked: same height first, then frame rate.
        if let Ok(formats) = camera.compatible_camera_formats() {
            let score = |f: &nokhwa::utils::CameraFormat| {
                (
                    f.resolution().height().abs_diff(want.height),
                    f.frame_rate().abs_diff(want.fps),
                    f.resolution().width().abs_diff(want.width),
                )
            };
            if let Some(best) = formats.iter().min_by_key(|f| score(f)) {
                let _ = camera.set_camera_requset(RequestedFormat::new::<RgbFormat>(RequestedFormatType::Exact(*best)));
            }
        }
        camera.open_stream().map_err(|e| SourceError::Unusable(e.to_string()))?;
        let f = camera.camera_format();
        // The encoder needs even sizes.
        let format = VideoFormat {
            width: f.resolution().width() & !1,
            height: f.resolution().height() & !1,
            fps: f.frame_rate().max(1),
        };
        Ok::<_, SourceError>((camera, format))
    })();
    let (mut camera, format) = match opened {
        Ok(v) => v,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let _ = ready.send(Ok(format));
    while !stop.load(Ordering::Relaxed) {
        let frame = camera.frame().map_err(|e| SourceError::Disconnected(e.to_string())).and_then(|buffer| {
            let pts_micros = clock.elapsed().as_micros() as u64;
            let rgb = buffer.decode_image::<RgbFormat>().map_err(|e| SourceError::Disconnected(e.to_string()))?;
            let (w, h) = (rgb.width() as usize, rgb.height() as usize);
            let mut rgba = Vec::with_capacity(format.width as usize * format.height as usize * 4);
            for y in 0..format.height as usize {
                let row = &rgb.as_raw()[y * w * 3..(y * w + format.width as usize) * 3];
                for px in row.chunks_exact(3) {
                    rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
                }
            }
            let _ = h;
            Ok(VideoFrame { width: format.width, height: format.height, rgba, pts_micros })
        });
        let failed = frame.is_err();
        // A slow consumer drops frames rather than stalling the camera.
        if let Err(std::sync::mpsc::TrySendError::Disconnected(_)) = tx.try_send(frame) {
            return;
        }
        if failed {
            return;
        }
    }
}

impl VideoSource for Camera {
    fn format(&self) -> VideoFormat {
        self.format
    }

    fn next_frame(&mut self) -> Result<VideoFrame, SourceError> {
        match self.frames.recv_timeout(DEVICE_TIMEOUT) {
            Ok(frame) => frame,
            Err(RecvTimeoutError::Timeout) => {
                Err(SourceError::Disconnected("the camera stopped sending pictures".into()))
            }
            Err(RecvTimeoutError::Disconnected) => Err(SourceError::Disconnected("the camera was closed".into())),
        }
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A microphone through cpal; samples are mixed to mono and resampled to 48 kHz.
pub struct Microphone {
    _stream: cpal::Stream,
    samples: Receiver<Vec<f32>>,
    failure: Arc<Mutex<Option<String>>>,
    rate: u32,
    pending: Vec<f32>,
    position: u64,
}

impl std::fmt::Debug for Microphone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Microphone").field("rate", &self.rate).finish_non_exhaustive()
    }
}

impl Microphone {
    /// Open the named microphone, or the system default.
    pub fn open(name: Option<&str>) -> Result<Microphone, SourceError> {
        let host = cpal::default_host();
        let device = match name {
            Some(name) => host
                .input_devices()
                .map_err(|_| SourceError::NoMicrophone)?
                .find(|d| d.to_string() == name)
                .ok_or_else(|| {
                    SourceError::Unusable(format!("no microphone named {name:?} (see `peerview devices`)"))
                })?,
            None => host.default_input_device().ok_or(SourceError::NoMicrophone)?,
        };
        let config = device
            .supported_input_configs()
            .ok()
            .and_then(|mut ranges| ranges.find(|r| r.channels() == 1).and_then(|r| r.try_with_sample_rate(SAMPLE_RATE)))
            .map_or_else(|| device.default_input_config().map(|c| c.config()), |c| Ok(c.config()))
            .map_err(|_| SourceError::NoMicrophone)?;
        let channels = usize::from(config.channels.max(1));
        let rate = config.sample_rate;
        let (tx, rx) = std::sync::mpsc::channel::<Vec<f32>>();
        let failure = Arc::new(Mutex::new(None));
        let on_error = |failure: Arc<Mutex<Option<String>>>| {
            move |e: cpal::Error| {
                if let Ok(mut f) = failure.lock() {
                    *f = Some(e.to_string());
                }
            }
        };
        // 16-bit first: it is what microphones deliver, and converting ourselves avoids
        // surprises in ALSA's float conversion layers.
        let tx16 = tx.clone();
        let stream = device
            .build_input_stream::<i16, _, _>(
                config,
                move |data: &[i16], _: &cpal::InputCallbackInfo| {
                    let mono = data
                        .chunks(channels)
                        .map(|f| f.iter().map(|s| f32::from(*s) / 32768.0).sum::<f32>() / f.len() as f32);
                    let _ = tx16.send(mono.collect());
                },
                on_error(failure.clone()),
                None,
            )
            .or_else(|_| {
                device.build_input_stream::<f32, _, _>(
                    config,
                    move |data: &[f32], _: &cpal::InputCallbackInfo| {
                        let mono = data.chunks(channels).map(|f| f.iter().sum::<f32>() / f.len() as f32);
                        let _ = tx.send(mono.collect());
                    },
                    on_error(failure.clone()),
                    None,
                )
            })
            .map_err(|e| {
                let text = e.to_string();
                if text.contains("not available") || text.contains("cannot find card") {
                    SourceError::NoMicrophone
                } else {
                    SourceError::Unusable(text)
                }
            })?;
        stream.play().map_err(|e| SourceError::Unusable(e.to_string()))?;
        Ok(Microphone { _stream: stream, samples: rx, failure, rate, pending: Vec::new(), position: 0 })
    }
}

impl AudioSource for Microphone {
    fn next_chunk(&mut self) -> Result<AudioChunk, SourceError> {
        let needed = (CHUNK_SAMPLES as u64 * u64::from(self.rate) / u64::from(SAMPLE_RATE)) as usize;
        while self.pending.len() < needed {
            if let Some(why) = self.failure.lock().ok().and_then(|f| f.clone()) {
                return Err(SourceError::Disconnected(why));
            }
            match self.samples.recv_timeout(DEVICE_TIMEOUT) {
                Ok(more) => self.pending.extend(more),
                Err(_) => return Err(SourceError::Disconnected("the microphone stopped sending sound".into())),
            }
        }
        let raw: Vec<f32> = self.pending.drain(..needed).collect();
        let samples = resample_linear(&raw, self.rate, SAMPLE_RATE);
        let pts_micros = self.position * 1_000_000 / u64::from(SAMPLE_RATE);
        self.position += samples.len() as u64;
        Ok(AudioChunk { samples, pts_micros })
    }
}
