//! Peerview media: the answer state machine and MP4 probing now; capture sources, encoding,
//! fragmented MP4 and playback arrive with the recording and playback issues.

pub mod answer;
pub mod devices;
pub mod probe;
pub mod record;
pub mod source;
