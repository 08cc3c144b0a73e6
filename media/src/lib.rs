//! Peerview media: capture sources, the answer state machine, encoding to fragmented MP4,
//! demuxing, decoding, the playback engine, and export to standard MP4.

pub mod answer;
pub mod decode;
pub mod demux;
pub mod devices;
pub mod export;
pub mod player;
pub mod playout;
pub mod probe;
pub mod record;
pub mod session;
pub mod source;
pub mod stretch;
