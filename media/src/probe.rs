//! A quick look inside an MP4 file (plain or fragmented) without decoding anything: its
//! duration and which kinds of track it has. Used to describe a take (duration in the
//! submission) and to refuse files that are not recordings. Never panics on bad input.

use std::collections::HashMap;

/// What a probe found.
#[allow(clippy::struct_excessive_bools)] // four independent facts about a file
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mp4Info {
    pub duration_ms: u64,
    pub has_video: bool,
    pub has_audio: bool,
    /// Movie fragments (`moof`) were found.
    pub fragmented: bool,
    /// The file ends inside a box (e.g. a recording cut short by a crash).
    pub truncated: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProbeError {
    #[error("not an MP4 file")]
    NotMp4,
    #[error("the MP4 file has no audio or video track")]
    NoTracks,
}

/// One box: its four-character type and payload.
struct Mp4Box<'a> {
    kind: [u8; 4],
    body: &'a [u8],
}

/// Iterate the boxes in `data`; stops at the first incomplete one, noting it.
fn boxes<'a>(data: &'a [u8], truncated: &mut bool) -> Vec<Mp4Box<'a>> {
    let mut out = Vec::new();
    let mut rest = data;
    while rest.len() >= 8 {
        let size32 = u64::from(u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let kind = [rest[4], rest[5], rest[6], rest[7]];
        let (header, size) = match size32 {
            0 => (8, rest.len() as u64),
            1 if rest.len() >= 16 => (16, u64::from_be_bytes(rest[8..16].try_into().unwrap_or([0; 8]))),
            1 => {
                *truncated = true;
                break;
            }
            n => (8, n),
        };
        if size < header as u64 {
            *truncated = true;
            break;
        }
        if size > rest.len() as u64 {
            *truncated = true;
            break;
        }
        let size = size as usize;
        out.push(Mp4Box { kind, body: &rest[header..size] });
        rest = &rest[size..];
    }
    if !rest.is_empty() && rest.len() < 8 {
        *truncated = true;
    }
    out
}

fn child(body: &[u8], kind: [u8; 4]) -> Option<&[u8]> {
    let mut t = false;
    boxes(body, &mut t).into_iter().find(|b| b.kind == kind).map(|b| b.body)
}

fn be_u32(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 4).map(|s| u64::from(u32::from_be_bytes([s[0], s[1], s[2], s[3]])))
}

fn be_u64(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 8).and_then(|s| s.try_into().ok()).map(u64::from_be_bytes)
}

/// (timescale, duration) of an `mvhd` or `mdhd` box.
fn header_times(b: &[u8]) -> Option<(u64, u64)> {
    match b.first()? {
        0 => Some((be_u32(b, 12)?, be_u32(b, 16)?)),
        1 => Some((be_u32(b, 20)?, be_u64(b, 24)?)),
        _ => None,
    }
}

#[derive(Default)]
struct Track {
    timescale: u64,
    duration: u64,
    handler: [u8; 4],
    default_sample_duration: u64,
    /// End of the last fragment seen, in track units.
    fragment_end: u64,
}

/// Probe an MP4 file held in memory.
pub fn probe_mp4(data: &[u8]) -> Result<Mp4Info, ProbeError> {
    let mut truncated = false;
    let top = boxes(data, &mut truncated);
    if top.first().is_none_or(|b| &b.kind != b"ftyp") {
        return Err(ProbeError::NotMp4);
    }
    let moov = top.iter().find(|b| &b.kind == b"moov").ok_or(ProbeError::NotMp4)?;
    let (movie_timescale, movie_duration) = child(moov.body, *b"mvhd").and_then(header_times).unwrap_or((1000, 0));
    let mut tracks: HashMap<u64, Track> = HashMap::new();
    let mut t = false;
    for trak in boxes(moov.body, &mut t).into_iter().filter(|b| &b.kind == b"trak") {
        let Some(tkhd) = child(trak.body, *b"tkhd") else { continue };
        let id = match tkhd.first() {
            Some(0) => be_u32(tkhd, 12),
            Some(1) => be_u32(tkhd, 20),
            _ => None,
        };
        let Some(id) = id else { continue };
        let Some(mdia) = child(trak.body, *b"mdia") else { continue };
        let (timescale, duration) = child(mdia, *b"mdhd").and_then(header_times).unwrap_or((0, 0));
        let handler =
            child(mdia, *b"hdlr").and_then(|h| h.get(8..12)).and_then(|h| h.try_into().ok()).unwrap_or(*b"    ");
        tracks.insert(id, Track { timescale, duration, handler, ..Track::default() });
    }
    let mut fragment_duration = 0;
    if let Some(mvex) = child(moov.body, *b"mvex") {
        for b in boxes(mvex, &mut t) {
            match &b.kind {
                b"trex" => {
                    if let (Some(id), Some(d)) = (be_u32(b.body, 4), be_u32(b.body, 12))
                        && let Some(track) = tracks.get_mut(&id)
                    {
                        track.default_sample_duration = d;
                    }
                }
                b"mehd" => {
                    fragment_duration = match b.body.first() {
                        Some(1) => be_u64(b.body, 4).unwrap_or(0),
                        _ => be_u32(b.body, 4).unwrap_or(0),
                    };
                }
                _ => {}
            }
        }
    }
    let mut fragmented = false;
    for moof in top.iter().filter(|b| &b.kind == b"moof") {
        fragmented = true;
        for traf in boxes(moof.body, &mut t).into_iter().filter(|b| &b.kind == b"traf") {
            scan_traf(traf.body, &mut tracks);
        }
    }
    let media: Vec<&Track> = tracks.values().filter(|t| &t.handler == b"vide" || &t.handler == b"soun").collect();
    if media.is_empty() {
        return Err(ProbeError::NoTracks);
    }
    let mut duration_ms = 0u64;
    for track in &media {
        let units = track.duration.max(track.fragment_end);
        if let Some(ms) = units.saturating_mul(1000).checked_div(track.timescale) {
            duration_ms = duration_ms.max(ms);
        }
    }
    if let Some(ms) = movie_duration.max(fragment_duration).saturating_mul(1000).checked_div(movie_timescale) {
        duration_ms = duration_ms.max(ms);
    }
    Ok(Mp4Info {
        duration_ms,
        has_video: media.iter().any(|t| &t.handler == b"vide"),
        has_audio: media.iter().any(|t| &t.handler == b"soun"),
        fragmented,
        truncated,
    })
}

fn scan_traf(traf: &[u8], tracks: &mut HashMap<u64, Track>) {
    let mut t = false;
    let parts = boxes(traf, &mut t);
    let Some(tfhd) = parts.iter().find(|b| &b.kind == b"tfhd") else { return };
    let Some(flags) = be_u32(tfhd.body, 0).map(|f| f & 0x00ff_ffff) else { return };
    let Some(id) = be_u32(tfhd.body, 4) else { return };
    let Some(track) = tracks.get_mut(&id) else { return };
    let mut at = 8;
    if flags & 0x01 != 0 {
        at += 8;
    }
    if flags & 0x02 != 0 {
        at += 4;
    }
    let default_duration =
        if flags & 0x08 != 0 { be_u32(tfhd.body, at).unwrap_or(0) } else { track.default_sample_duration };
    let base = parts
        .iter()
        .find(|b| &b.kind == b"tfdt")
        .and_then(|b| match b.body.first() {
            Some(1) => be_u64(b.body, 4),
            _ => be_u32(b.body, 4),
        })
        .unwrap_or(track.fragment_end);
    let mut total = 0u64;
    for trun in parts.iter().filter(|b| &b.kind == b"trun") {
        let b = trun.body;
        let Some(flags) = be_u32(b, 0).map(|f| f & 0x00ff_ffff) else { continue };
        let Some(count) = be_u32(b, 4) else { continue };
        let mut at = 8;
        if flags & 0x01 != 0 {
            at += 4;
        }
        if flags & 0x04 != 0 {
            at += 4;
        }
        let per_sample = [0x100u64, 0x200, 0x400, 0x800].iter().filter(|f| flags & **f != 0).count() * 4;
        if flags & 0x100 == 0 {
            total += count.saturating_mul(default_duration);
            continue;
        }
        for i in 0..count.min(b.len() as u64) as usize {
            total += be_u32(b, at + i * per_sample).unwrap_or(0);
        }
    }
    track.fragment_end = track.fragment_end.max(base.saturating_add(total));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    fn full(version_flags: u32, rest: &[u8]) -> Vec<u8> {
        let mut b = version_flags.to_be_bytes().to_vec();
        b.extend_from_slice(rest);
        b
    }

    /// A fragmented file with one video track (timescale 90 kHz) and two 2 s fragments.
    fn fragmented_video() -> Vec<u8> {
        let tkhd = mp4_box(b"tkhd", &full(0, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]));
        let mut mdhd_body = vec![0u8; 12];
        mdhd_body.extend_from_slice(&90_000u32.to_be_bytes());
        mdhd_body.extend_from_slice(&0u32.to_be_bytes());
        let mdhd = mp4_box(b"mdhd", &mdhd_body);
        let hdlr = mp4_box(b"hdlr", &full(0, &[0, 0, 0, 0, b'v', b'i', b'd', b'e']));
        let mdia = mp4_box(b"mdia", &[mdhd, hdlr].concat());
        let trak = mp4_box(b"trak", &[tkhd, mdia].concat());
        let mut mvhd_body = vec![0u8; 12];
        mvhd_body.extend_from_slice(&1000u32.to_be_bytes());
        mvhd_body.extend_from_slice(&0u32.to_be_bytes());
        let moov = mp4_box(b"moov", &[mp4_box(b"mvhd", &mvhd_body), trak].concat());
        let mut file = [mp4_box(b"ftyp", b"isom\0\0\0\0"), moov].concat();
        for i in 0..2u32 {
            let tfhd = mp4_box(b"tfhd", &full(0x08, &[&1u32.to_be_bytes()[..], &3000u32.to_be_bytes()].concat()));
            let tfdt = mp4_box(b"tfdt", &full(0, &(i * 180_000).to_be_bytes()));
            let trun = mp4_box(b"trun", &full(0, &60u32.to_be_bytes()));
            file.extend(mp4_box(b"moof", &mp4_box(b"traf", &[tfhd, tfdt, trun].concat())));
            file.extend(mp4_box(b"mdat", &[0u8; 16]));
        }
        file
    }

    #[test]
    fn duration_of_a_fragmented_file() {
        let info = probe_mp4(&fragmented_video()).expect("probe");
        assert_eq!(
            info,
            Mp4Info { duration_ms: 4000, has_video: true, has_audio: false, fragmented: true, truncated: false }
        );
    }

    #[test]
    fn a_cut_file_keeps_its_complete_fragments() {
        let file = fragmented_video();
        let info = probe_mp4(&file[..file.len() - 10]).expect("probe");
        assert!(info.truncated);
        assert_eq!(info.duration_ms, 4000, "the second moof is complete, only its mdat is cut");
    }

    #[test]
    fn garbage_is_not_mp4_and_never_panics() {
        assert_eq!(probe_mp4(b"hello world, not a video"), Err(ProbeError::NotMp4));
        let file = fragmented_video();
        for len in 0..file.len() {
            let _ = probe_mp4(&file[..len]);
        }
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut f = file.clone();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let i = (seed >> 33) as usize % f.len();
            f[i] = (seed >> 20) as u8;
            let _ = probe_mp4(&f);
        }
    }
}
