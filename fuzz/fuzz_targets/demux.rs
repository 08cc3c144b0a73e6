//! The MP4 demuxer's entry point on arbitrary bytes: an index or an error, never a panic, and
//! every sample it lists lies inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peerview_media::demux::Recording;

fuzz_target!(|data: &[u8]| {
    let mut reader = std::io::Cursor::new(data);
    if let Ok(recording) = Recording::index(&mut reader) {
        let len = data.len() as u64;
        for s in recording.video.iter().flat_map(|v| &v.samples).chain(recording.audio.iter().flat_map(|a| &a.samples)) {
            assert!(s.offset + u64::from(s.size) <= len, "a sample past the end of the file");
        }
    }
});
