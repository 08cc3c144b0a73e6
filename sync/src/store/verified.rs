//! The record of document files already verified, so that opening a large store does not read
//! every document again (10,000 submissions took seconds).
//!
//! ```text
//! DATA/doc-files-verified     one line per file: "<kind>/<id>/<file name> <stamp>", and
//!                             one per document directory: "<kind>/<id> <stamp>"
//! ```
//!
//! A document file is named by the hash of its contents and written whole (temp file, flush,
//! rename), so once checked it stays good unless the disk itself rots; [`Store::load`] still
//! quarantines a bad file whenever it reads one. The stamp is a hash of the file's size, times
//! and (on Unix) inode number: a file rewritten, truncated, replaced or copied in since it was
//! checked no longer matches and is checked again. A directory's stamp (taken before it was
//! listed, and only once its times had settled) says its files are still the ones recorded
//! (adding, removing or renaming a file changes it), so the next open need not list it: a
//! `stat` of it and of each file. `Store::open` rewrites the record (atomically)
//! when what it found differs; this process's saves append to it, unflushed. The record is only a
//! shortcut: a missing, stale, torn or unreadable record means "check those files", never an
//! error. Files saved by other processes (the CLI while the app runs) are checked at the next
//! open.
//!
//! [`Store::load`]: super::Store::load

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use tracing::{debug, warn};

use super::DocKind;

/// The record's file name in the data directory (a new format takes a new name).
pub(super) const RECORD_FILE: &str = "doc-files-verified";

/// File (`kind/id/name`) to stamp.
pub(super) type Record = HashMap<String, String>;

/// The key of a document's directory in the record.
pub(super) fn dir_key(kind: DocKind, id: &str) -> String {
    format!("{}/{id}", kind.dir_name())
}

/// The key of a document file in the record.
pub(super) fn key(kind: DocKind, id: &str, file_name: &str) -> String {
    format!("{}/{id}/{file_name}", kind.dir_name())
}

/// What identifies one state of a file: size, modification and change times, inode. The change
/// time cannot be set back by anyone, so a file modified in place never matches its old stamp.
pub(super) fn stamp(meta: &fs::Metadata) -> String {
    stamp_hex(meta)[..16].to_owned()
}

/// Whether `meta` has this stamp (without allocating: an open checks tens of thousands).
pub(super) fn stamp_is(meta: &fs::Metadata, stamp: &str) -> bool {
    stamp_hex(meta).as_bytes().get(..16) == Some(stamp.as_bytes())
}

fn stamp_hex(meta: &fs::Metadata) -> impl std::ops::Deref<Target = str> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&meta.len().to_le_bytes());
    let nanos = |t: io::Result<std::time::SystemTime>| {
        t.ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
    };
    hasher.update(&nanos(meta.modified()).to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        hasher.update(&meta.ino().to_le_bytes());
        hasher.update(&meta.ctime().to_le_bytes());
        hasher.update(&meta.ctime_nsec().to_le_bytes());
    }
    hasher.finalize().to_hex()
}

/// The record as found; empty when missing or unreadable. Lines that do not parse (a torn
/// append) are skipped: their files are checked again. The flag says whether any was skipped.
pub(super) fn read(root: &Path) -> (Record, bool) {
    let path = root.join(RECORD_FILE);
    let text = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (Record::new(), false),
        Err(e) => {
            warn!(path = %path.display(), error = %e, "cannot read the record of verified documents; checking every document");
            return (Record::new(), false);
        }
    };
    let mut record = Record::new();
    // Only whole lines count: the last one may be an append cut short by a crash.
    let (whole, tail) = match text.iter().rposition(|b| *b == b'\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (&[][..], &text[..]),
    };
    let mut damaged = !tail.is_empty();
    for line in whole.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let parsed = std::str::from_utf8(line).ok().and_then(|l| l.split_once(' ')).filter(|(file, stamp)| {
            stamp.len() == 16
                && stamp.bytes().all(|b| b.is_ascii_hexdigit())
                && matches!(file.split('/').count(), 2 | 3)
        });
        match parsed {
            Some((file, stamp)) => {
                record.insert(file.to_owned(), stamp.to_owned());
            }
            None => damaged = true,
        }
    }
    if damaged {
        // A directory's stamp vouches for its list of files: with lines lost, it cannot.
        record.retain(|key, _| key.split('/').count() == 3);
        debug!(path = %path.display(), "the record of verified documents has damaged lines; their files are checked again");
    }
    (record, damaged)
}

fn lines<'a>(entries: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<u8> {
    let mut text = Vec::new();
    for (file, stamp) in entries {
        text.extend_from_slice(file.as_bytes());
        text.push(b' ');
        text.extend_from_slice(stamp.as_bytes());
        text.push(b'\n');
    }
    text
}

/// Replace the record with `record` (atomically: a crash leaves the old one or the new).
pub(super) fn write(root: &Path, record: &Record) -> io::Result<()> {
    let mut entries: Vec<_> = record.iter().collect();
    entries.sort();
    crate::fsutil::write_atomic(&root.join(RECORD_FILE), &lines(entries.into_iter()))
}

/// Add files this process just wrote. Not flushed: losing the lines in a crash only means
/// checking those files at the next open.
pub(super) fn append(root: &Path, entries: &[(String, String)]) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut options = fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    // One write, so that lines appended by two processes at once do not interleave.
    options.open(root.join(RECORD_FILE))?.write_all(&lines(entries.iter().map(|(f, s)| (f, s))))
}
