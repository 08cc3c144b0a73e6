//! The MP4 demuxer's entry point on arbitrary bytes: an index or an error, never a panic, and
//! every sample it lists lies inside the file, and no more of them than the file can hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peerview_media::demux::Recording;

fuzz_target!(|data: &[u8]| {
    let mut reader = std::io::Cursor::new(data);
    if let Ok(recording) = Recording::index(&mut reader) {
        let len = data.len() as u64;
        let listed = recording.video.as_ref().map_or(0, |v| v.samples.len()) + recording.audio.as_ref().map_or(0, |a| a.samples.len());
        assert!(listed as u64 <= peerview_media::demux::sample_budget(len), "more samples than the file can hold");
        for s in recording.video.iter().flat_map(|v| &v.samples).chain(recording.audio.iter().flat_map(|a| &a.samples)) {
            assert!(s.offset + u64::from(s.size) <= len, "a sample past the end of the file");
        }
    }
});
