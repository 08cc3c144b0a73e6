//! Peerview media: probing MP4 files now; capture sources, the answer state machine, encoding,
//! fragmented MP4 and playback arrive with the recording and playback issues.

pub mod probe;
