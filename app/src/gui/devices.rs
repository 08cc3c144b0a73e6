//! Where the app's camera, microphone and speakers come from: the real devices, or synthetic
//! ones behind the same traits (tests, and `peerview gui --synthetic-devices` on machines
//! without a camera). Opening a device may block; the app only calls these from background
//! threads.

use std::sync::Arc;

use peerview_media::player::AudioOutput;
use peerview_media::source::{
    AudioSource, DeviceInfo, Pacing, SourceError, SyntheticAudio, TestPattern, VideoFormat, VideoSource,
};

use crate::tr;

/// The size recorded answers use.
pub const RECORD_FORMAT: VideoFormat = VideoFormat::HD720;

/// The devices the app records from and plays to.
pub trait Devices: Send + Sync {
    fn cameras(&self) -> Vec<DeviceInfo>;
    fn microphones(&self) -> Vec<DeviceInfo>;
    /// Open a camera by its id from [`Devices::cameras`] (`None`: the first).
    fn open_camera(&self, id: Option<&str>) -> Result<Box<dyn VideoSource>, SourceError>;
    /// Open a microphone by its id from [`Devices::microphones`] (`None`: the default).
    fn open_microphone(&self, id: Option<&str>) -> Result<Box<dyn AudioSource>, SourceError>;
    /// Where playback goes.
    fn speakers(&self) -> AudioOutput;
}

/// The computer's own camera (nokhwa), microphone and speakers (cpal).
#[derive(Debug, Default)]
pub struct RealDevices;

impl Devices for RealDevices {
    fn cameras(&self) -> Vec<DeviceInfo> {
        peerview_media::devices::list_cameras()
    }

    fn microphones(&self) -> Vec<DeviceInfo> {
        peerview_media::devices::list_microphones()
    }

    fn open_camera(&self, id: Option<&str>) -> Result<Box<dyn VideoSource>, SourceError> {
        let index = id.and_then(|i| i.parse().ok()).unwrap_or(0);
        Ok(Box::new(peerview_media::devices::Camera::open(index, RECORD_FORMAT, std::time::Instant::now())?))
    }

    fn open_microphone(&self, id: Option<&str>) -> Result<Box<dyn AudioSource>, SourceError> {
        Ok(Box::new(peerview_media::devices::Microphone::open(id)?))
    }

    fn speakers(&self) -> AudioOutput {
        AudioOutput::Default
    }
}

/// A test-pattern camera and a tone microphone, paced like real devices; playback is silent.
#[derive(Debug, Clone)]
pub struct SyntheticDevices {
    pub format: VideoFormat,
    /// Whether a camera is present (a computer without one still answers audio questions).
    pub camera: bool,
}

impl Default for SyntheticDevices {
    fn default() -> Self {
        SyntheticDevices { format: VideoFormat { width: 640, height: 360, fps: 30 }, camera: true }
    }
}

impl Devices for SyntheticDevices {
    fn cameras(&self) -> Vec<DeviceInfo> {
        if self.camera {
            vec![DeviceInfo { id: "0".into(), name: tr!("ui-test-pattern"), formats: vec![self.format] }]
        } else {
            Vec::new()
        }
    }

    fn microphones(&self) -> Vec<DeviceInfo> {
        vec![
            DeviceInfo { id: "tone".into(), name: tr!("ui-test-tone"), formats: vec![] },
            DeviceInfo { id: "quiet".into(), name: tr!("ui-quiet-test-tone"), formats: vec![] },
        ]
    }

    fn open_camera(&self, _id: Option<&str>) -> Result<Box<dyn VideoSource>, SourceError> {
        if self.camera {
            Ok(Box::new(TestPattern::new(self.format, Pacing::RealTime)))
        } else {
            Err(SourceError::NoCamera)
        }
    }

    fn open_microphone(&self, id: Option<&str>) -> Result<Box<dyn AudioSource>, SourceError> {
        let amplitude = if id == Some("quiet") { 0.05 } else { 0.4 };
        Ok(Box::new(SyntheticAudio::tone(440.0, amplitude, Pacing::RealTime)))
    }

    fn speakers(&self) -> AudioOutput {
        AudioOutput::Silent
    }
}

/// Shared handle to the devices in use.
pub type SharedDevices = Arc<dyn Devices>;
