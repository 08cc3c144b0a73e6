//! Export a recording as a standard, non-fragmented MP4 with its index at the front
//! ("faststart"), so any player, editor or browser opens it: the samples are copied as they are
//! (no re-encoding) from our fragmented recording into shiguredo_mp4's plain-file muxer.
//! Files we cannot remux exactly (another codec, or damage) are copied byte for byte instead.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::num::NonZeroU32;
use std::path::Path;

use shiguredo_mp4::TrackKind;
use shiguredo_mp4::mux::{Mp4FileMuxer, Mp4FileMuxerOptions, Sample, estimate_maximum_moov_box_size};

use crate::demux::{OpenError, Recording, SampleRef, read_sample};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("could not write {path}: {source}")]
    Write { path: String, source: io::Error },
    #[error("could not build the MP4 file: {0}")]
    Mux(String),
}

/// How a file was exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportMethod {
    /// Remuxed into a plain faststart MP4.
    Remuxed,
    /// Copied unchanged (not one of our recordings, or damaged).
    Copied,
}

/// Write `src` to `dst` as a standard MP4 (atomically: a temporary file renamed into place).
/// `recorded_at` (time since the Unix epoch) becomes the file's creation time, so exporting the
/// same take twice gives the same bytes.
pub fn export_mp4(src: &Path, dst: &Path, recorded_at: std::time::Duration) -> Result<ExportMethod, ExportError> {
    let recording = Recording::open(src)?;
    let tmp = dst.with_extension("mp4.part");
    let write_err = |e: io::Error| ExportError::Write { path: dst.display().to_string(), source: e };
    let method = if recording.fragmented && recording.damage.is_none() {
        remux(src, &recording, &tmp, recorded_at)?;
        ExportMethod::Remuxed
    } else {
        std::fs::copy(src, &tmp).map_err(write_err)?;
        ExportMethod::Copied
    };
    // Opened for writing: Windows refuses to flush a file opened only for reading.
    std::fs::OpenOptions::new().write(true).open(&tmp).and_then(|f| f.sync_all()).map_err(write_err)?;
    std::fs::rename(&tmp, dst).map_err(write_err)?;
    Ok(method)
}

fn remux(src: &Path, rec: &Recording, tmp: &Path, recorded_at: std::time::Duration) -> Result<(), ExportError> {
    let write_err = |e: io::Error| ExportError::Write { path: tmp.display().to_string(), source: e };
    let mux_err = |e: shiguredo_mp4::mux::MuxError| ExportError::Mux(e.to_string());
    let mut input = File::open(src).map_err(OpenError::Io)?;
    let counts: Vec<usize> =
        rec.video.iter().map(|v| v.samples.len()).chain(rec.audio.iter().map(|a| a.samples.len())).collect();
    let options = Mp4FileMuxerOptions {
        reserved_moov_box_size: estimate_maximum_moov_box_size(&counts),
        creation_timestamp: recorded_at,
        ..Mp4FileMuxerOptions::default()
    };
    let mut muxer = Mp4FileMuxer::with_options(options).map_err(mux_err)?;
    let file = File::create(tmp).map_err(write_err)?;
    let mut out = BufWriter::new(file);
    let head = muxer.initial_boxes_bytes().to_vec();
    out.write_all(&head).map_err(write_err)?;
    let mut position = head.len() as u64;

    // Interleave the two tracks by time, as players expect.
    struct Track<'a> {
        kind: TrackKind,
        samples: &'a [SampleRef],
        timescale: u32,
        entry: &'a shiguredo_mp4::boxes::SampleEntry,
        next: usize,
    }
    let mut tracks: Vec<Track<'_>> = Vec::new();
    if let Some(v) = &rec.video {
        tracks.push(Track {
            kind: TrackKind::Video,
            samples: &v.samples,
            timescale: v.timescale,
            entry: &v.entry,
            next: 0,
        });
    }
    if let Some(a) = &rec.audio {
        tracks.push(Track {
            kind: TrackKind::Audio,
            samples: &a.samples,
            timescale: a.timescale,
            entry: &a.entry,
            next: 0,
        });
    }
    let mut buf = Vec::new();
    loop {
        let Some(t) = tracks.iter_mut().filter(|t| t.next < t.samples.len()).min_by_key(|t| t.samples[t.next].time_us)
        else {
            break;
        };
        let s = t.samples[t.next];
        read_sample(&mut input, &s, &mut buf).map_err(OpenError::Io)?;
        out.write_all(&buf).map_err(write_err)?;
        let sample = Sample {
            track_kind: t.kind,
            sample_entry: (t.next == 0).then(|| t.entry.clone()),
            keyframe: s.keyframe || t.kind == TrackKind::Audio,
            timescale: NonZeroU32::new(t.timescale).unwrap_or(NonZeroU32::MIN),
            duration: s.raw_duration,
            composition_time_offset: None,
            data_offset: position,
            data_size: buf.len(),
        };
        muxer.append_sample(&sample).map_err(mux_err)?;
        position += buf.len() as u64;
        t.next += 1;
    }
    let finalized = muxer.finalize().map_err(mux_err)?;
    let mut file = out.into_inner().map_err(|e| write_err(e.into_error()))?;
    for (offset, bytes) in finalized.offset_and_bytes_pairs() {
        file.seek(SeekFrom::Start(offset)).map_err(write_err)?;
        file.write_all(bytes).map_err(write_err)?;
    }
    file.sync_all().map_err(write_err)?;
    Ok(())
}
