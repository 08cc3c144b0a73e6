//! Reading recordings: an index of every sample in an MP4 file, plain or fragmented, built by
//! shiguredo_mp4's sans-I/O demuxer fed from the file in the steps it asks for. The index holds
//! offsets and times only (a few dozen bytes per sample), so memory does not grow with the
//! size of the recording; sample bytes are read one at a time when they are decoded.
//!
//! Damaged input never panics: a file cut short (a recording interrupted by a crash) or with a
//! broken box keeps every sample before the damage, and [`Recording::damage`] says what was lost.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use shiguredo_mp4::TrackKind;
use shiguredo_mp4::boxes::SampleEntry;
use shiguredo_mp4::demux::{DemuxError, Fmp4FileDemuxer, Input, Mp4FileDemuxer, Mp4FileKind, Mp4FileKindDetector};

/// Where one sample's bytes are and when it plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleRef {
    pub offset: u64,
    pub size: u32,
    /// Presentation time in microseconds.
    pub time_us: u64,
    pub duration_us: u32,
    pub keyframe: bool,
    /// Track timescale units, kept so a remux can copy timing exactly.
    pub raw_duration: u32,
}

/// An H.264 video track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoTrack {
    pub width: u32,
    pub height: u32,
    pub timescale: u32,
    /// SPS and PPS as Annex-B (start codes), to prime a decoder at any keyframe.
    pub parameter_sets: Vec<u8>,
    /// Bytes in each NAL length prefix (1, 2 or 4).
    pub length_size: u8,
    pub samples: Vec<SampleRef>,
    /// The sample entry as found, for remuxing.
    pub entry: SampleEntry,
}

/// An Opus audio track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AudioTrack {
    pub channels: u8,
    /// Decoded samples (48 kHz) to drop at the start of the stream.
    pub pre_skip: u16,
    pub timescale: u32,
    pub samples: Vec<SampleRef>,
    pub entry: SampleEntry,
}

/// What [`Recording::open`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    pub video: Option<VideoTrack>,
    pub audio: Option<AudioTrack>,
    pub duration_us: u64,
    pub fragmented: bool,
    /// Set when part of the file could not be read; everything before it is usable.
    pub damage: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("could not read the recording: {0}")]
    Io(#[from] io::Error),
    #[error("not an MP4 recording ({0})")]
    NotMp4(String),
    #[error("the recording has no playable audio or video")]
    NothingPlayable,
}

/// Bytes the demuxer may ask for in one step; anything bigger is not one of our recordings.
const MAX_STEP: u64 = 512 * 1024 * 1024;

/// Most samples a recording may list, whatever its size: 2 million is more than 10 hours of video
/// and sound together (each costs about 32 bytes of index).
pub const MAX_SAMPLES: u64 = 2_000_000;

/// How many samples a file of `len` bytes can honestly hold. Samples do not overlap, and each
/// costs its bytes plus a table entry, so a file listing more samples (or more sample bytes)
/// than fit describes data it does not have: a hostile file that would make us index billions
/// of samples out of a few kilobytes of tables.
pub fn sample_budget(len: u64) -> u64 {
    (len / 8 + 1024).min(MAX_SAMPLES)
}

/// Largest `moof` box read whole (a 2 s fragment's is a few kilobytes).
const MAX_MOOF: u64 = 16 << 20;

/// Before the fragmented-MP4 demuxer expands a fragment's sample list in memory: the sample
/// counts its `trun` boxes declare must fit [`sample_budget`] (a `trun` without per-sample
/// fields can declare millions of samples in 20 bytes). Walks the top-level boxes, reading only
/// the `moof`s.
fn check_fragment_tables<R: Read + Seek>(r: &mut R, len: u64) -> Result<(), OpenError> {
    let too_many = |n: u64| {
        OpenError::NotMp4(format!(
            "its sample tables describe more than the file holds ({n} samples declared in a {len}-byte file)"
        ))
    };
    let budget = sample_budget(len);
    let (mut at, mut declared) = (0u64, 0u64);
    let mut head = [0u8; 16];
    while at + 8 <= len {
        r.seek(SeekFrom::Start(at))?;
        let n = (len - at).min(16) as usize;
        r.read_exact(&mut head[..n])?;
        let (size, header) = match u32::from_be_bytes([head[0], head[1], head[2], head[3]]) {
            0 => (len - at, 8),
            1 if n == 16 => (u64::from_be_bytes(head[8..16].try_into().expect("8 bytes")), 16),
            size => (u64::from(size), 8),
        };
        if size < header || at.saturating_add(size) > len {
            break; // damaged or cut short: the demuxer reports it
        }
        if &head[4..8] == b"moof" {
            if size > MAX_MOOF {
                return Err(OpenError::NotMp4(format!("a fragment header of {size} bytes is not a recording's")));
            }
            let mut moof = vec![0u8; (size - header) as usize];
            r.seek(SeekFrom::Start(at + header))?;
            r.read_exact(&mut moof)?;
            for traf in children(&moof).filter(|(kind, _)| kind == b"traf") {
                for (_, trun) in children(traf.1).filter(|(kind, _)| kind == b"trun") {
                    let count = trun.get(4..8).map_or(0, |c| u32::from_be_bytes(c.try_into().expect("4 bytes")));
                    declared = declared.saturating_add(u64::from(count));
                    if declared > budget {
                        return Err(too_many(declared));
                    }
                }
            }
        }
        at += size;
    }
    Ok(())
}

/// The boxes inside a box's payload: (type, payload).
fn children(mut data: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    std::iter::from_fn(move || {
        let size = u32::from_be_bytes(data.get(..4)?.try_into().ok()?) as usize;
        let kind: [u8; 4] = data.get(4..8)?.try_into().ok()?;
        let (header, size) = match size {
            0 => (8, data.len()),
            1 => (16, usize::try_from(u64::from_be_bytes(data.get(8..16)?.try_into().ok()?)).ok()?),
            n => (8, n),
        };
        let payload = data.get(header..size)?;
        data = &data[size..];
        Some((kind, payload))
    })
}

/// One sample as the demuxer reported it, copied out of its borrow.
struct RawSample {
    kind: TrackKind,
    timescale: u32,
    entry: Option<SampleEntry>,
    keyframe: bool,
    timestamp: u64,
    duration: u32,
    cto: i64,
    offset: u64,
    size: usize,
}

trait Demux {
    fn required(&self) -> Option<shiguredo_mp4::demux::RequiredInput>;
    fn feed(&mut self, input: Input<'_>);
    fn next(&mut self) -> Result<Option<RawSample>, DemuxError>;
}

fn raw(s: &shiguredo_mp4::demux::Sample<'_>) -> RawSample {
    RawSample {
        kind: s.track.kind,
        timescale: s.track.timescale.get(),
        entry: s.sample_entry.cloned(),
        keyframe: s.keyframe,
        timestamp: s.timestamp,
        duration: s.duration,
        cto: s.composition_time_offset.unwrap_or(0),
        offset: s.data_offset,
        size: s.data_size,
    }
}

impl Demux for Mp4FileDemuxer {
    fn required(&self) -> Option<shiguredo_mp4::demux::RequiredInput> {
        self.required_input()
    }
    fn feed(&mut self, input: Input<'_>) {
        self.handle_input(input);
    }
    fn next(&mut self) -> Result<Option<RawSample>, DemuxError> {
        self.next_sample().map(|s| s.as_ref().map(raw))
    }
}

impl Demux for Fmp4FileDemuxer {
    fn required(&self) -> Option<shiguredo_mp4::demux::RequiredInput> {
        self.required_input()
    }
    fn feed(&mut self, input: Input<'_>) {
        self.handle_input(input);
    }
    fn next(&mut self) -> Result<Option<RawSample>, DemuxError> {
        self.next_sample().map(|s| s.as_ref().map(raw))
    }
}

/// Read what the demuxer asked for (short at the end of the file) into `buf`.
fn read_step<R: Read + Seek>(
    r: &mut R,
    len: u64,
    req: shiguredo_mp4::demux::RequiredInput,
    buf: &mut Vec<u8>,
) -> io::Result<u64> {
    let start = req.position.min(len);
    let want = req.size.map_or(len - start, |n| (n as u64).min(len - start)).min(MAX_STEP);
    buf.clear();
    buf.resize(want as usize, 0);
    r.seek(SeekFrom::Start(start))?;
    r.read_exact(buf)?;
    Ok(start)
}

fn demux_error_text(e: &DemuxError) -> String {
    match e {
        DemuxError::DecodeError(e) => e.to_string(),
        DemuxError::SampleTableError(e) => format!("{e:?}"),
        DemuxError::InputRequired(_) => "more data needed".into(),
        other => format!("{other:?}"),
    }
}

fn micros(units: u64, timescale: u32) -> u64 {
    (u128::from(units) * 1_000_000 / u128::from(timescale.max(1))) as u64
}

fn annexb_parameter_sets(sps: &[Vec<u8>], pps: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for nal in sps.iter().chain(pps) {
        out.extend_from_slice(&[0, 0, 0, 1]);
        out.extend_from_slice(nal);
    }
    out
}

impl Recording {
    /// Index the recording at `path`.
    pub fn open(path: &Path) -> Result<Recording, OpenError> {
        let mut file = File::open(path)?;
        Recording::index(&mut file)
    }

    /// Index a recording from any seekable reader (a file, or bytes in memory).
    pub fn index<R: Read + Seek>(r: &mut R) -> Result<Recording, OpenError> {
        let len = r.seek(SeekFrom::End(0))?;
        let mut buf = Vec::new();
        let mut detector = Mp4FileKindDetector::new();
        let kind = loop {
            match detector.file_kind() {
                Ok(Some(kind)) => break kind,
                Ok(None) => {}
                Err(e) => return Err(OpenError::NotMp4(demux_error_text(&e))),
            }
            let Some(req) = detector.required_input() else {
                return Err(OpenError::NotMp4("no file type box".into()));
            };
            let position = read_step(r, len, req, &mut buf)?;
            if buf.is_empty() {
                return Err(OpenError::NotMp4("the file is empty or too short".into()));
            }
            detector.handle_input(Input { position, data: &buf });
        };
        let fragmented = kind == Mp4FileKind::FragmentedMp4;
        if fragmented {
            check_fragment_tables(r, len)?;
        }
        let mut demuxer: Box<dyn Demux> =
            if fragmented { Box::new(Fmp4FileDemuxer::new()) } else { Box::new(Mp4FileDemuxer::new()) };
        Recording::index_with(demuxer.as_mut(), r, len, fragmented)
    }

    /// List every sample `demuxer` finds in `r` (`len` bytes), within [`sample_budget`].
    fn index_with<R: Read + Seek>(
        demuxer: &mut dyn Demux,
        r: &mut R,
        len: u64,
        fragmented: bool,
    ) -> Result<Recording, OpenError> {
        let mut buf = Vec::new();
        let mut rec = Recording { video: None, audio: None, duration_us: 0, fragmented, damage: None };
        let mut skipped: Vec<String> = Vec::new();
        let mut steps = 0u32;
        let (mut samples, mut sample_bytes, budget) = (0u64, 0u64, sample_budget(len));
        loop {
            match demuxer.next() {
                Ok(Some(s)) => {
                    if s.offset.saturating_add(s.size as u64) > len {
                        rec.damage = Some("the recording ends early (its last part is missing)".into());
                        break;
                    }
                    samples += 1;
                    sample_bytes = sample_bytes.saturating_add(s.size as u64);
                    if samples > budget || sample_bytes > len {
                        return Err(OpenError::NotMp4(format!(
                            "its sample tables describe more than the file holds (over {} samples or {} bytes in a {len}-byte file)",
                            samples.min(budget),
                            len
                        )));
                    }
                    rec.add(s, &mut skipped);
                }
                Ok(None) => break,
                Err(DemuxError::InputRequired(_)) => {
                    let Some(req) = demuxer.required() else { break };
                    steps += 1;
                    if steps > 10_000_000 {
                        rec.damage = Some("the file's structure does not end".into());
                        break;
                    }
                    let position = read_step(r, len, req, &mut buf)?;
                    demuxer.feed(Input { position, data: &buf });
                }
                Err(e) => {
                    let text = demux_error_text(&e);
                    rec.damage = Some(if text.contains("input ended") {
                        "the recording ends early (its last part is missing)".into()
                    } else {
                        format!("part of the recording is damaged: {text}")
                    });
                    break;
                }
            }
        }
        if !skipped.is_empty() && rec.damage.is_none() {
            rec.damage = Some(format!("unsupported track(s) skipped: {}", skipped.join(", ")));
        }
        for samples in [rec.video.as_mut().map(|v| &mut v.samples), rec.audio.as_mut().map(|a| &mut a.samples)]
            .into_iter()
            .flatten()
        {
            samples.sort_by_key(|s| s.time_us);
        }
        let end = |s: &[SampleRef]| s.last().map_or(0, |s| s.time_us + u64::from(s.duration_us));
        rec.duration_us = end(rec.video.as_ref().map_or(&[], |v| &v.samples))
            .max(end(rec.audio.as_ref().map_or(&[], |a| &a.samples)));
        let empty = |n: usize| n == 0;
        if rec.video.as_ref().is_none_or(|v| empty(v.samples.len()))
            && rec.audio.as_ref().is_none_or(|a| empty(a.samples.len()))
        {
            return match rec.damage {
                Some(d) => Err(OpenError::NotMp4(d)),
                None => Err(OpenError::NothingPlayable),
            };
        }
        Ok(rec)
    }

    fn add(&mut self, s: RawSample, skipped: &mut Vec<String>) {
        let time = s.timestamp.saturating_add_signed(s.cto);
        let sample = SampleRef {
            offset: s.offset,
            size: u32::try_from(s.size).unwrap_or(u32::MAX),
            time_us: micros(time, s.timescale),
            duration_us: u32::try_from(micros(u64::from(s.duration), s.timescale)).unwrap_or(u32::MAX),
            keyframe: s.keyframe,
            raw_duration: s.duration,
        };
        match s.kind {
            TrackKind::Video => {
                if let Some(entry) = s.entry {
                    if let SampleEntry::Avc1(avc1) = &entry {
                        if self.video.is_none() {
                            let avcc = &avc1.avcc_box;
                            self.video = Some(VideoTrack {
                                width: u32::from(avc1.visual.width),
                                height: u32::from(avc1.visual.height),
                                timescale: s.timescale,
                                parameter_sets: annexb_parameter_sets(&avcc.sps_list, &avcc.pps_list),
                                length_size: avcc.length_size_minus_one.get() + 1,
                                samples: Vec::new(),
                                entry: entry.clone(),
                            });
                        }
                    } else if !skipped.iter().any(|k| k.starts_with("video")) {
                        skipped.push(format!("video ({})", entry_name(&entry)));
                    }
                }
                if let Some(v) = self.video.as_mut() {
                    v.samples.push(sample);
                }
            }
            TrackKind::Audio => {
                if let Some(entry) = s.entry {
                    if let SampleEntry::Opus(opus) = &entry {
                        if self.audio.is_none() {
                            self.audio = Some(AudioTrack {
                                channels: opus.dops_box.output_channel_count.max(1),
                                pre_skip: opus.dops_box.pre_skip,
                                timescale: s.timescale,
                                samples: Vec::new(),
                                entry: entry.clone(),
                            });
                        }
                    } else if !skipped.iter().any(|k| k.starts_with("audio")) {
                        skipped.push(format!("audio ({})", entry_name(&entry)));
                    }
                }
                if let Some(a) = self.audio.as_mut() {
                    a.samples.push(sample);
                }
            }
            TrackKind::Subtitle => {}
        }
    }
}

fn entry_name(entry: &SampleEntry) -> String {
    let text = format!("{entry:?}");
    text.split(['(', ' ', '{']).next().unwrap_or("unknown").to_lowercase()
}

/// Read one sample's bytes into `buf`.
pub fn read_sample<R: Read + Seek>(r: &mut R, s: &SampleRef, buf: &mut Vec<u8>) -> io::Result<()> {
    buf.clear();
    buf.resize(s.size as usize, 0);
    r.seek(SeekFrom::Start(s.offset))?;
    r.read_exact(buf)
}

/// Convert a length-prefixed (AVCC) access unit to Annex-B, appending to `out`. Stops at the
/// first NAL whose length runs past the data.
pub fn avcc_to_annexb(data: &[u8], length_size: u8, out: &mut Vec<u8>) {
    let n = usize::from(length_size.clamp(1, 4));
    let mut rest = data;
    while rest.len() > n {
        let len = rest[..n].iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        let Some(nal) = rest.get(n..n + len) else { break };
        out.extend_from_slice(&[0, 0, 0, 1]);
        out.extend_from_slice(nal);
        rest = &rest[n + len..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_refused_without_panicking() {
        for bytes in [&b""[..], b"hello", &[0u8; 64], b"\0\0\0\x08ftyp\0\0\0\x10moovxxxxxxxx"] {
            let r = Recording::index(&mut io::Cursor::new(bytes.to_vec()));
            assert!(r.is_err(), "{bytes:?}");
        }
    }

    /// A demuxer reading tables that list samples without end, all at the start of the file
    /// (overlapping chunks: a few kilobytes of `stsc`/`stco` can claim billions of samples).
    struct Endless {
        size: usize,
        calls: u64,
    }

    impl Demux for Endless {
        fn required(&self) -> Option<shiguredo_mp4::demux::RequiredInput> {
            None
        }
        fn feed(&mut self, _input: Input<'_>) {}
        fn next(&mut self) -> Result<Option<RawSample>, DemuxError> {
            self.calls += 1;
            Ok(Some(RawSample {
                kind: TrackKind::Audio,
                timescale: 48_000,
                entry: None,
                keyframe: true,
                timestamp: self.calls * 960,
                duration: 960,
                cto: 0,
                offset: 0,
                size: self.size,
            }))
        }
    }

    #[test]
    fn sample_tables_that_cannot_fit_in_the_file_are_refused_within_the_budget() {
        let file = vec![0u8; 100_000];
        for (size, most) in [(1, 100_000), (500, 200), (0, sample_budget(100_000))] {
            let mut demuxer = Endless { size, calls: 0 };
            let r = Recording::index_with(&mut demuxer, &mut io::Cursor::new(&file), file.len() as u64, false);
            let err = r.err().expect("refused").to_string();
            assert!(err.contains("describe more than the file holds"), "{err}");
            assert!(demuxer.calls <= most + 1, "{} samples read for size {size}", demuxer.calls);
        }
        assert_eq!(sample_budget(u64::MAX), MAX_SAMPLES);
    }

    fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(body.len() + 8).expect("size").to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn a_fragment_declaring_millions_of_samples_is_refused_before_it_is_expanded() {
        // ftyp (iso5), an empty moov, then one moof whose trun declares 16 million samples
        // with no per-sample fields: 20 bytes that would become gigabytes of sample list.
        let mut file = mp4_box(b"ftyp", b"iso5\0\0\0\x01iso5iso6mp41");
        file.extend(mp4_box(b"moov", &[]));
        let mut trun = vec![0, 0, 0, 0];
        trun.extend_from_slice(&16_000_000u32.to_be_bytes());
        let traf = mp4_box(b"traf", &[mp4_box(b"tfhd", &[0, 0, 0, 0, 0, 0, 0, 1]), mp4_box(b"trun", &trun)].concat());
        file.extend(mp4_box(b"moof", &[mp4_box(b"mfhd", &[0, 0, 0, 0, 0, 0, 0, 1]), traf].concat()));
        file.extend(mp4_box(b"mdat", &[0u8; 64]));
        let err = check_fragment_tables(&mut io::Cursor::new(&file), file.len() as u64).expect_err("refused");
        assert!(err.to_string().contains("16000000 samples declared"), "{err}");
        let r = Recording::index(&mut io::Cursor::new(&file));
        assert!(r.is_err());
        // The same fragment declaring 3 samples passes this check (and fails later for lack of a track).
        let mut small = file.clone();
        let at = small.windows(4).position(|w| w == b"trun").expect("trun") + 8;
        small[at..at + 4].copy_from_slice(&3u32.to_be_bytes());
        assert!(check_fragment_tables(&mut io::Cursor::new(&small), small.len() as u64).is_ok());
    }

    #[test]
    fn avcc_conversion_stops_at_a_bad_length() {
        let mut out = Vec::new();
        avcc_to_annexb(&[0, 0, 0, 2, 0x65, 0x88, 0, 0, 0, 9, 1], 4, &mut out);
        assert_eq!(out, vec![0, 0, 0, 1, 0x65, 0x88]);
    }
}
