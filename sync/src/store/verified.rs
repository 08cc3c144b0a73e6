//! What a store checks when it opens ([`Store::check_unverified`]), and the record of document
//! files already verified, so that opening a large store does not read every document again
//! (10,000 submissions took seconds).
//!
//! ```text
//! DATA/doc-files-verified     one line per file: "<kind>/<id>/<file name> <stamp>", one
//!                             per document directory: "<kind>/<id> <stamp>", and one per
//!                             pack: "packs/-/<file name> <stamp>"
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
use std::path::{Path, PathBuf};

use tracing::{debug, warn};

use super::{DocKind, Store, StoreError, io_err};
use crate::fsutil::remove_stale_temp_files;

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

/// Opening a store: what the record vouches for, and checking the rest.
impl Store {
    /// Load every document that has a file the record of verified files does not vouch for
    /// (quarantining what is corrupt), then bring the record up to date. Files the record
    /// vouches for cost one `stat` each instead of a read and a parse.
    pub(super) fn check_unverified(&self) -> Result<(), StoreError> {
        let started = std::time::Instant::now();
        let (record, damaged) = read(&self.root);
        // Each recorded directory's files (record key, file name, stamp).
        let mut by_dir: std::collections::HashMap<&str, Vec<RecordedFile<'_>>> =
            std::collections::HashMap::with_capacity(record.len() / 2);
        for (key, stamp) in &record {
            if let Some((dir, name)) = key.rsplit_once('/').filter(|(dir, _)| dir.contains('/')) {
                by_dir.entry(dir).or_default().push((key, name, stamp));
            }
        }
        // Packs first: a document in one loads from it.
        let packs = self.check_packs(&record)?;
        let packs_vouched = packs.iter().filter(|(key, stamp)| record.get(key) == Some(stamp)).count();
        let (record_ref, by_dir) = (&record, &by_dir);
        // Listing 30,000 directories is mostly system calls: one thread per kind of document
        // (three hold nearly all of them) keeps every core busy.
        let walks: Vec<Result<WalkedKind, StoreError>> = std::thread::scope(|scope| {
            let workers: Vec<_> = DocKind::ALL
                .into_iter()
                .map(|kind| scope.spawn(move || self.walk_kind(kind, record_ref, by_dir)))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
        });
        let mut walked = WalkedKind::default();
        for w in walks {
            let w = w?;
            walked.vouched.extend(w.vouched);
            walked.new_stamps.extend(w.new_stamps);
            walked.unverified.extend(w.unverified);
        }
        let checked = walked.unverified.len();
        // Everything vouched for by the record as it is (each entry once): nothing to rewrite.
        let unchanged = !damaged
            && checked == 0
            && walked.new_stamps.is_empty()
            && packs_vouched == packs.len()
            && walked.vouched.len() + packs_vouched == record.len();
        if !unchanged {
            let mut current = Record::with_capacity(record.len());
            current.extend(walked.vouched.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
            current.extend(walked.new_stamps);
            current.extend(packs);
            for (kind, id, dir_stamp) in walked.unverified {
                match self.load(kind, &id) {
                    Ok(stored) => {
                        current.extend(stamps(kind, &id, &stored.files));
                        current.extend(dir_stamp.map(|s| (dir_key(kind, &id), s)));
                    }
                    Err(StoreError::AllCorrupt { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            if current != record
                && let Err(e) = write(&self.root, &current)
            {
                // Only a shortcut lost: the next open checks these documents again.
                warn!(error = %e, "could not write the record of verified documents");
            }
        }
        debug!(documents_checked = checked, millis = started.elapsed().as_millis(), "store opened");
        Ok(())
    }

    /// One kind's part of [`Self::check_unverified`]: the documents whose files the record
    /// vouches for (one `stat` each), and the others. Removes what crashed writes left.
    fn walk_kind<'r>(
        &self,
        kind: DocKind,
        record: &'r Record,
        by_dir: &std::collections::HashMap<&'r str, Vec<RecordedFile<'r>>>,
    ) -> Result<WalkedKind<'r>, StoreError> {
        let mut walked = WalkedKind::default();
        let kind_dir = self.root.join("docs").join(kind.dir_name());
        let mut ids = Vec::new();
        for entry in fs::read_dir(&kind_dir).map_err(io_err(&kind_dir))? {
            let entry = entry.map_err(io_err(&kind_dir))?;
            let id = entry.file_name().to_string_lossy().into_owned();
            if !id.starts_with('.') && entry.file_type().is_ok_and(|t| t.is_dir()) {
                ids.push(id);
            }
        }
        ids.sort();
        let mut dir_key = String::new();
        for id in ids {
            let dir = kind_dir.join(&id);
            dir_key.clear();
            dir_key.push_str(kind.dir_name());
            dir_key.push('/');
            dir_key.push_str(&id);
            let dir_meta = fs::metadata(&dir).ok();
            let recorded_dir = record.get_key_value(dir_key.as_str());
            let files = by_dir.get(dir_key.as_str());
            if let (Some(meta), Some((key, stamp)), Some(files)) = (&dir_meta, recorded_dir, files)
                && stamp_is(meta, stamp)
                && still_as_recorded(&dir, files)
            {
                walked.vouched.extend(files.iter().map(|(key, _, stamp)| (*key, *stamp)));
                walked.vouched.push((key.as_str(), stamp.as_str()));
                continue;
            }
            let settled = dir_meta
                .as_ref()
                .and_then(|m| m.modified().ok())
                .is_some_and(|t| super::settled(t, std::time::SystemTime::now()));
            let dir_stamp = dir_meta.as_ref().map(stamp).filter(|_| settled);
            let mut known = Vec::new();
            let (mut any, mut all_known, mut temp_files) = (false, true, false);
            for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
                let entry = entry.map_err(io_err(&dir))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                temp_files |= name.starts_with(crate::fsutil::TEMP_PREFIX);
                if Path::new(&name).extension().is_none_or(|e| e != "am") {
                    continue;
                }
                any = true;
                match (entry.metadata(), record.get_key_value(&key(kind, &id, &name))) {
                    (Ok(meta), Some((file, stamp))) if stamp_is(&meta, stamp) => {
                        known.push((file.as_str(), stamp.as_str()));
                    }
                    _ => all_known = false,
                }
            }
            if temp_files {
                remove_stale_temp_files(&dir).map_err(io_err(&dir))?;
            }
            if !any {
                continue;
            }
            if all_known {
                walked.vouched.extend(known);
                match (dir_stamp, recorded_dir) {
                    (Some(now), Some((key, was))) if now == *was => walked.vouched.push((key.as_str(), was.as_str())),
                    (Some(now), _) => walked.new_stamps.push((dir_key.clone(), now)),
                    (None, _) => {}
                }
            } else {
                walked.unverified.push((kind, id, dir_stamp));
            }
        }
        Ok(walked)
    }
}

/// What [`Store::walk_kind`] found.
#[derive(Default)]
struct WalkedKind<'r> {
    /// Record entries (file or directory, stamp) that still hold.
    vouched: Vec<(&'r str, &'r str)>,
    /// Directories whose files the record vouches for, with their stamp now (new or changed).
    new_stamps: Vec<(String, String)>,
    /// Documents with a file to check, with their directory's stamp taken before looking
    /// (when settled).
    unverified: Vec<(DocKind, String, Option<String>)>,
}

/// Whether every file of a document whose directory is unchanged since it was recorded is
/// still as it was then (one `stat` each, no listing).
fn still_as_recorded(dir: &Path, files: &[RecordedFile<'_>]) -> bool {
    files.iter().all(|(_, name, stamp)| fs::metadata(dir.join(name)).is_ok_and(|meta| stamp_is(&meta, stamp)))
}

/// A file in the record of verified files: its key, its name, its stamp.
type RecordedFile<'r> = (&'r str, &'r str, &'r str);

/// Record entries (file, stamp) for these files of one document; files gone are left out.
pub(super) fn stamps<'a>(
    kind: DocKind,
    id: &'a str,
    files: &'a [PathBuf],
) -> impl Iterator<Item = (String, String)> + 'a {
    files.iter().filter_map(move |path| {
        let name = path.file_name()?.to_string_lossy().into_owned();
        let meta = fs::metadata(path).ok()?;
        Some((key(kind, id, &name), stamp(&meta)))
    })
}
