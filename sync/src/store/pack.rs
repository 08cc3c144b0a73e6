//! Packs: documents that arrive together in large numbers (a reviewer's first sync brings
//! thousands) kept in one file, instead of a directory and a file each.
//!
//! ```text
//! DATA/docs/packs/pack-H.pack   H = BLAKE3 of the file, 16 hex
//!   "PVPACK1\n", u32 LE length of the index, the index, then each document's bytes in turn
//!   index: u32 LE count, then per document: u8 kind, u8 id length, id, u32 LE length,
//!          8 bytes of the BLAKE3 of its bytes
//! ```
//!
//! A document is everything its pack entries and its directory's files hold (Automerge merges
//! them when loading). A pack is written once, whole and atomically, and never changed: a change
//! to a packed document is saved as a file in its directory as usual. Taking documents out of a
//! pack (a deleted candidate, a document replaced by another history, a damaged entry) writes the
//! pack again without them and removes the old one. Each process keeps an index of the packs in
//! memory, listed again when the directory of packs changes.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Read, Seek};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use tracing::debug;

use super::{DocKind, Store, StoreError, io_err, validate_id};
use crate::fsutil::{sync_dir, write_atomic};

/// The directory of packs, under `docs/`.
pub(super) const PACK_DIR: &str = "packs";
/// New documents saved together are packed from this many on (fewer get a directory each).
pub const PACK_FROM: usize = 64;
/// At most this many documents go into one pack: taking one out (a deleted candidate) writes
/// its pack again, and packing holds a pack's documents in memory twice (about 12 MB here).
pub const PACK_AT_MOST: usize = 4096;
const MAGIC: &[u8; 8] = b"PVPACK1\n";
/// An index larger than this is a damaged file, not ours (a million documents fit).
const MAX_INDEX: usize = 128 << 20;

/// Where one document's bytes are in a pack.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PackEntry {
    /// The pack's file name.
    pub(super) pack: Arc<str>,
    offset: u64,
    len: u32,
    hash: [u8; 8],
}

impl PackEntry {
    /// The pack's file name.
    pub(super) fn pack(&self) -> &str {
        &self.pack
    }

    /// A name for this entry among a document's file names (`Store::revision`).
    pub(super) fn name(&self) -> String {
        format!("{}@{}", self.pack, self.offset)
    }
}

/// One document in a pack.
#[derive(Clone, Debug)]
struct Packed {
    kind: DocKind,
    id: String,
    entry: PackEntry,
}

/// The packs on disk, as this process last listed them.
#[derive(Debug)]
pub(super) struct PackIndex {
    /// The directory's modification time when listed, and when that was.
    mtime: Option<SystemTime>,
    listed_at: SystemTime,
    packs: BTreeMap<String, Arc<[Packed]>>,
    docs: Arc<HashMap<DocKind, HashMap<String, Vec<PackEntry>>>>,
}

impl Default for PackIndex {
    fn default() -> Self {
        PackIndex { mtime: None, listed_at: SystemTime::UNIX_EPOCH, packs: BTreeMap::new(), docs: Arc::default() }
    }
}

impl PackIndex {
    /// The pack entries of one document (none for most).
    pub(super) fn entries(&self, kind: DocKind, id: &str) -> &[PackEntry] {
        self.docs.get(&kind).and_then(|ids| ids.get(id)).map_or(&[], Vec::as_slice)
    }

    /// The ids of the packed documents of one kind.
    pub(super) fn ids(&self, kind: DocKind) -> impl Iterator<Item = &String> {
        self.docs.get(&kind).into_iter().flat_map(HashMap::keys)
    }

    /// The documents of one kind kept in more than one pack entry (a crash between writing a
    /// pack and taking them out of the older ones).
    pub(super) fn in_several(&self, kind: DocKind) -> impl Iterator<Item = &String> {
        self.docs.get(&kind).into_iter().flatten().filter(|(_, entries)| entries.len() > 1).map(|(id, _)| id)
    }

    /// Whether a pack added since the listing would have changed the directory's time.
    fn settled(&self) -> bool {
        self.mtime.is_some_and(|m| super::settled(m, self.listed_at))
    }
}

/// The documents to put in one pack: (kind, id, bytes).
pub(super) type PackContents<'a> = Vec<(DocKind, &'a str, &'a [u8])>;

/// A pack's bytes and its file name.
pub(super) fn encode(docs: &PackContents<'_>) -> (Vec<u8>, String) {
    let mut index = Vec::with_capacity(4 + docs.len() * 48);
    index.extend_from_slice(&(docs.len() as u32).to_le_bytes());
    for (kind, id, bytes) in docs {
        index.push(*kind as u8);
        index.push(id.len() as u8);
        index.extend_from_slice(id.as_bytes());
        index.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        index.extend_from_slice(&blake3::hash(bytes).as_bytes()[..8]);
    }
    let data: usize = docs.iter().map(|(_, _, b)| b.len()).sum();
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + index.len() + data);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(index.len() as u32).to_le_bytes());
    out.extend_from_slice(&index);
    for (_, _, bytes) in docs {
        out.extend_from_slice(bytes);
    }
    let name = format!("pack-{}.pack", &blake3::hash(&out).to_hex()[..16]);
    (out, name)
}

/// The entries of a pack from its first bytes (at least the magic, the length and the index),
/// checked against the file's size. An error says what is wrong with it.
fn parse_index(name: &str, head: &[u8], file_len: u64) -> Result<Vec<Packed>, String> {
    let bad = |what: &str| Err(format!("not a pack: {what}"));
    if head.len() < MAGIC.len() + 4 || &head[..MAGIC.len()] != MAGIC {
        return bad("no pack header");
    }
    let index_len = u32::from_le_bytes(head[8..12].try_into().unwrap_or_default()) as usize;
    let Some(index) = head.get(12..12 + index_len) else { return bad("the index is cut short") };
    let mut rest = index;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (taken, left) = (rest.get(..n)?, rest.get(n..)?);
        rest = left;
        Some(taken)
    };
    let Some(count) = take(4).map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()) as usize) else {
        return bad("no count");
    };
    if count > index_len / 14 {
        return bad("more entries than the index holds");
    }
    let pack: Arc<str> = Arc::from(name);
    let mut offset = (12 + index_len) as u64;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let parsed = (|| {
            let kind = *DocKind::ALL.get(*take(1)?.first()? as usize)?;
            let id_len = *take(1)?.first()? as usize;
            let id = std::str::from_utf8(take(id_len)?).ok()?.to_owned();
            let len = u32::from_le_bytes(take(4)?.try_into().ok()?);
            let hash: [u8; 8] = take(8)?.try_into().ok()?;
            Some((kind, id, len, hash))
        })();
        let Some((kind, id, len, hash)) = parsed else { return bad("an entry is cut short") };
        if validate_id(kind, &id).is_err() {
            return bad("an entry's id is not valid");
        }
        entries.push(Packed { kind, id, entry: PackEntry { pack: pack.clone(), offset, len, hash } });
        offset += u64::from(len);
    }
    if !rest.is_empty() || offset != file_len {
        return bad("its size does not match its index");
    }
    Ok(entries)
}

/// The first bytes of a pack file: its header and index.
fn read_head(path: &std::path::Path) -> io::Result<(Vec<u8>, u64)> {
    let mut file = fs::File::open(path)?;
    let file_len = file.metadata()?.len();
    let mut head = vec![0u8; 12];
    file.read_exact(&mut head)?;
    let index_len = u32::from_le_bytes(head[8..12].try_into().unwrap_or_default()) as usize;
    if index_len > MAX_INDEX || (12 + index_len) as u64 > file_len {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "not a pack: the index is larger than the file"));
    }
    head.resize(12 + index_len, 0);
    file.read_exact(&mut head[12..])?;
    Ok((head, file_len))
}

impl Store {
    pub(super) fn pack_dir(&self) -> PathBuf {
        self.root.join("docs").join(PACK_DIR)
    }

    /// The packs as they are now: one `stat` of their directory while it has not changed since
    /// it was listed (and its time had settled), a listing otherwise; a pack's index is read
    /// once.
    pub(super) fn pack_index(&self) -> Arc<PackIndex> {
        let dir = self.pack_dir();
        let mtime = super::dir_mtime(&dir);
        let current = self.packs.read().map(|p| p.clone()).unwrap_or_default();
        if current.settled() && current.mtime == mtime {
            return current;
        }
        let listed_at = SystemTime::now();
        let mut names: Vec<String> = match fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| is_pack(n))
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        let same = names.len() == current.packs.len() && names.iter().zip(current.packs.keys()).all(|(a, b)| a == b);
        let index = if same {
            PackIndex { mtime, listed_at, packs: current.packs.clone(), docs: current.docs.clone() }
        } else {
            let mut packs = BTreeMap::new();
            for name in names {
                if let Some(known) = current.packs.get(&name) {
                    packs.insert(name, known.clone());
                    continue;
                }
                let path = dir.join(&name);
                let parsed =
                    read_head(&path).map_err(|e| e.to_string()).and_then(|(head, len)| parse_index(&name, &head, len));
                match parsed {
                    Ok(entries) => {
                        packs.insert(name, Arc::from(entries));
                    }
                    // Gone meanwhile, or damaged: opening the store checks it (and moves a
                    // damaged one aside).
                    Err(e) => debug!(path = %path.display(), error = %e, "pack left out"),
                }
            }
            let mut docs: HashMap<DocKind, HashMap<String, Vec<PackEntry>>> = HashMap::new();
            for p in packs.values().flat_map(|entries| entries.iter()) {
                docs.entry(p.kind).or_default().entry(p.id.clone()).or_default().push(p.entry.clone());
            }
            PackIndex { mtime, listed_at, packs, docs: Arc::new(docs) }
        };
        let index = Arc::new(index);
        if let Ok(mut packs) = self.packs.write() {
            *packs = index.clone();
        }
        index
    }

    /// The pack entries of one document (see [`Self::pack_index`]).
    pub(super) fn packed(&self, kind: DocKind, id: &str) -> Vec<PackEntry> {
        self.pack_index().entries(kind, id).to_vec()
    }

    /// One document's bytes from a pack, checked against the hash in the pack's index
    /// (`InvalidData` if they do not match). A pack written again meanwhile (by this process or
    /// another) is `NotFound`.
    pub(super) fn read_entry(&self, entry: &PackEntry) -> io::Result<Vec<u8>> {
        let file = fs::File::open(self.pack_dir().join(&*entry.pack))?;
        self.read_entry_from(&file, entry)
    }

    /// [`Self::read_entry`] from the pack, opened (for reading many entries of one pack).
    pub(super) fn read_entry_from(&self, pack: &fs::File, entry: &PackEntry) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0u8; entry.len as usize];
        read_exact_at(pack, &mut bytes, entry.offset).map_err(|e| {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                io::Error::new(io::ErrorKind::InvalidData, "the pack is cut short: damaged")
            } else {
                e
            }
        })?;
        self.files_read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if blake3::hash(&bytes).as_bytes()[..8] != entry.hash {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("its {} bytes do not match the checksum in the pack: damaged", bytes.len()),
            ));
        }
        Ok(bytes)
    }

    fn read_entry_as_it_is(&self, entry: &PackEntry) -> io::Result<Vec<u8>> {
        let mut file = fs::File::open(self.pack_dir().join(&*entry.pack))?;
        file.seek(io::SeekFrom::Start(entry.offset))?;
        let mut bytes = vec![0u8; entry.len as usize];
        file.read_exact(&mut bytes)?;
        Ok(bytes)
    }

    /// Move a damaged packed document to quarantine: its bytes copied there, the pack written
    /// again without it.
    pub(super) fn quarantine_entry(
        &self,
        kind: DocKind,
        id: &str,
        entry: &PackEntry,
        reason: String,
    ) -> Result<(), StoreError> {
        let bytes = self.read_entry_as_it_is(entry).ok();
        self.quarantine_copy(kind, id, entry.pack(), bytes.as_deref(), reason);
        self.remove_from_packs(&|_, _, e| e == entry)?;
        Ok(())
    }

    /// Copy a damaged packed document's bytes (if they could be read) to quarantine, named
    /// after it like a quarantined file (so deleting its candidate removes it), and report it.
    fn quarantine_copy(&self, kind: DocKind, id: &str, pack: &str, bytes: Option<&[u8]>, reason: String) {
        let millis = crate::time::Timestamp::now().millis();
        let target = self.root.join("quarantine").join(format!("{kind}-{id}-{millis}-{pack}"));
        let moved = bytes.and_then(|b| write_atomic(&target, b).ok()).map(|()| target);
        self.report_moved(&self.pack_dir().join(pack).join(format!("{kind}/{id}")), moved, reason);
    }

    /// Take out of every pack the documents `doomed` names: each pack holding one is written
    /// again without them (if anything is left) and removed. Returns how many entries went.
    pub(super) fn remove_from_packs(
        &self,
        doomed: &dyn Fn(DocKind, &str, &PackEntry) -> bool,
    ) -> Result<usize, StoreError> {
        let index = self.pack_index();
        let dir = self.pack_dir();
        let mut removed = 0;
        let mut record: Option<super::verified::Record> = None;
        for (name, entries) in &index.packs {
            if !entries.iter().any(|p| doomed(p.kind, &p.id, &p.entry)) {
                continue;
            }
            let path = dir.join(name);
            let bytes = match fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue, // written again elsewhere
                Err(e) => return Err(io_err(&path)(e)),
            };
            let slice = |e: &PackEntry| bytes.get(e.offset as usize..e.offset as usize + e.len as usize);
            let mut kept: PackContents<'_> = Vec::new();
            for p in entries.iter() {
                if doomed(p.kind, &p.id, &p.entry) {
                    removed += 1;
                } else if let Some(b) = slice(&p.entry) {
                    kept.push((p.kind, p.id.as_str(), b));
                }
            }
            if !kept.is_empty() {
                let (new, new_name) = encode(&kept);
                let new_path = dir.join(&new_name);
                write_atomic(&new_path, &new).map_err(io_err(&new_path))?;
                // What the record vouched for in the old pack it vouches for in the new one.
                let record = record.get_or_insert_with(|| super::verified::read(&self.root).0);
                let was_verified = fs::metadata(&path)
                    .ok()
                    .zip(record.get(&pack_key(name)))
                    .is_some_and(|(meta, stamp)| super::verified::stamp_is(&meta, stamp));
                if was_verified {
                    self.note_pack_verified(&new_name);
                }
            }
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(&path)(e)),
            }
            debug!(pack = name, left = kept.len(), "pack written again without some documents");
        }
        if removed > 0 {
            sync_dir(&dir).map_err(io_err(&dir))?;
        }
        Ok(removed)
    }

    /// A pack's entry in the record of verified files, as it is now (`None` if it is gone).
    pub(super) fn pack_stamp(&self, name: &str) -> Option<(String, String)> {
        let meta = fs::metadata(self.pack_dir().join(name)).ok()?;
        Some((pack_key(name), super::verified::stamp(&meta)))
    }

    /// Note a pack this store wrote, all of whose documents it knows to be good, as verified.
    pub(super) fn note_pack_verified(&self, name: &str) {
        let entries: Vec<_> = self.pack_stamp(name).into_iter().collect();
        if let Err(e) = super::verified::append(&self.root, &entries) {
            debug!(error = %e, "could not add to the record of verified documents; checked at the next open");
        }
    }

    /// Check every pack the record does not vouch for: a pack that does not match its name or
    /// cannot be read as one is moved to quarantine; a document in it that Automerge cannot load
    /// is copied to quarantine and the pack written again without it. Returns the record entries
    /// for the packs that are good now.
    pub(super) fn check_packs(&self, record: &super::verified::Record) -> Result<Vec<(String, String)>, StoreError> {
        let dir = self.pack_dir();
        crate::fsutil::remove_stale_temp_files(&dir).map_err(io_err(&dir))?;
        let index = self.pack_index();
        let mut good = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let name = entry.map_err(io_err(&dir))?.file_name().to_string_lossy().into_owned();
            if is_pack(&name) {
                names.push(name);
            }
        }
        let mut doomed: Vec<PackEntry> = Vec::new();
        for name in names {
            let path = dir.join(&name);
            let key = pack_key(&name);
            let Ok(meta) = fs::metadata(&path) else { continue };
            if let Some(stamp) = record.get(&key)
                && super::verified::stamp_is(&meta, stamp)
            {
                good.push((key, stamp.clone()));
                continue;
            }
            let bytes = fs::read(&path).map_err(io_err(&path))?;
            self.files_read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let matches_name = format!("pack-{}.pack", &blake3::hash(&bytes).to_hex()[..16]) == name;
            let entries = if matches_name {
                parse_index(&name, &bytes, bytes.len() as u64)
            } else {
                Err(format!("its {} bytes do not match the checksum in its name: damaged or truncated", bytes.len()))
            };
            let entries = match entries {
                Ok(entries) => entries,
                Err(reason) => {
                    let target =
                        self.root.join("quarantine").join(format!("{}-{name}", crate::time::Timestamp::now().millis()));
                    self.report_moved(&path, fs::rename(&path, &target).ok().map(|()| target), reason);
                    continue;
                }
            };
            let bad: Vec<Option<String>> = crate::parallel::runs(entries.iter().collect(), |part: Vec<&Packed>| {
                part.into_iter()
                    .map(|p| {
                        let doc = bytes.get(p.entry.offset as usize..p.entry.offset as usize + p.entry.len as usize)?;
                        if blake3::hash(doc).as_bytes()[..8] != p.entry.hash {
                            return Some("it does not match its checksum".to_owned());
                        }
                        automerge::AutoCommit::load(doc).err().map(|e| e.to_string())
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
            let mut damaged = false;
            for (p, reason) in entries.iter().zip(bad) {
                let Some(reason) = reason else { continue };
                damaged = true;
                let doc = bytes.get(p.entry.offset as usize..p.entry.offset as usize + p.entry.len as usize);
                self.quarantine_copy(p.kind, &p.id, &name, doc, reason);
                doomed.push(p.entry.clone());
            }
            if !damaged {
                good.push((key, super::verified::stamp(&meta)));
            }
        }
        drop(index);
        if !doomed.is_empty() {
            // Written again without the damaged documents; the new packs were checked just now.
            self.remove_from_packs(&|_, _, e| doomed.contains(e))?;
            for name in self.pack_index().packs.keys() {
                if !good.iter().any(|(k, _)| *k == pack_key(name)) {
                    good.extend(self.pack_stamp(name));
                }
            }
        }
        Ok(good)
    }
}

/// Fill `buf` from `file` at `offset`, without moving a shared cursor (threads read one file).
fn read_exact_at(file: &fs::File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let (mut done, mut buf) = (0u64, buf);
        while !buf.is_empty() {
            match std::os::windows::fs::FileExt::seek_read(file, buf, offset + done) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(n) => {
                    buf = &mut buf[n..];
                    done += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Whether a file in the directory of packs is one (and not a temporary file).
fn is_pack(name: &str) -> bool {
    name.starts_with("pack-") && std::path::Path::new(name).extension().is_some_and(|e| e == "pack")
}

/// A pack's key in the record of verified files.
pub(super) fn pack_key(name: &str) -> String {
    format!("{PACK_DIR}/-/{name}")
}

#[cfg(test)]
pub(super) mod tests {
    use std::fs;

    use automerge::{AutoCommit, ROOT, ReadDoc, transaction::Transactable};

    use super::super::tests::{counter, walk, with_counter};
    use super::super::{NewDoc, Store};
    use super::*;

    /// A document whose counter is `n` and that carries a marker string, to look for on disk.
    fn doc_with(n: i64, marker: &str) -> AutoCommit {
        let mut doc = with_counter(n);
        doc.put(ROOT, "marker", marker).expect("put");
        doc
    }

    /// `n` submissions `c0`.. (each with a marker "marker-of-cI"), their contacts, and a roster,
    /// saved together: one pack.
    fn packed_store(dir: &std::path::Path, n: i64, checked: bool) -> Store {
        let store = Store::open(dir).expect("open");
        let mut new = Vec::new();
        for i in 0..n {
            for kind in [DocKind::Submission, DocKind::Contact] {
                let doc = doc_with(i, &format!("marker-of-c{i}"));
                new.push(if checked {
                    NewDoc::new(kind, format!("c{i}"), doc)
                } else {
                    NewDoc::unchecked(kind, format!("c{i}"), doc.clone().save())
                });
            }
        }
        new.push(NewDoc::new(DocKind::Roster, "r", with_counter(-5)));
        let created = store.save_batch(&mut [], new).expect("save");
        assert_eq!(created.len(), 1, "one pack: {created:?}");
        store
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    pub(in super::super) fn packs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut packs: Vec<_> =
            walk(&dir.join("docs/packs")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "pack")).collect();
        packs.sort();
        packs
    }

    /// Documents saved as a pack are listed, found and loaded like any other; a change to one is
    /// saved in its directory and loaded with the pack's copy; another process sees them, and
    /// the next open trusts a pack this store wrote from documents it knew.
    #[test]
    fn packed_documents_are_listed_loaded_and_changed_like_others() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = packed_store(dir.path(), 40, true);
        assert_eq!(packs(dir.path()).len(), 1);
        assert!(!dir.path().join("docs/submission/c3").exists(), "no directory per document");
        assert_eq!(store.list(DocKind::Submission).expect("list").len(), 40);
        assert!(store.exists(DocKind::Contact, "c39") && !store.exists(DocKind::Contact, "c40"));
        assert_eq!(counter(&store.load(DocKind::Roster, "r").expect("load").doc), -5);
        assert!(matches!(
            store.create(DocKind::Submission, "c3", with_counter(0)),
            Err(StoreError::AlreadyExists { .. })
        ));
        // Whole from the pack, as it is.
        let files = store.files(DocKind::Submission, "c3").expect("files").expect("here");
        let bytes = store.snapshot(DocKind::Submission, "c3", &files).expect("read").expect("one entry");
        assert_eq!(counter(&AutoCommit::load(&bytes).expect("load")), 3);
        // A change goes to the document's directory; both are loaded.
        let revision = store.revision(DocKind::Submission, "c3").expect("revision");
        let mut stored = store.load(DocKind::Submission, "c3").expect("load");
        stored.doc.put(ROOT, "n", 1003).expect("put");
        store.save(&mut stored).expect("save");
        assert!(dir.path().join("docs/submission/c3").is_dir());
        assert_ne!(store.revision(DocKind::Submission, "c3").expect("revision"), revision);
        assert!(!store.unchanged(DocKind::Submission, "c3", &mut files.clone()).expect("check"));
        let other = Store::open(dir.path()).expect("open");
        assert_eq!(other.files_read(), 0, "the pack and the change are vouched for");
        let loaded = other.load(DocKind::Submission, "c3").expect("load");
        assert_eq!((counter(&loaded.doc), loaded.doc.get(ROOT, "marker").expect("get").is_some()), (1003, true));
        assert_eq!(other.list(DocKind::Submission).expect("list").len(), 40);
        // Compacting keeps the document whole (the pack's copy stays, merged again).
        let mut stored = other.load(DocKind::Submission, "c5").expect("load");
        for n in 0..20 {
            stored.doc.put(ROOT, "n", n).expect("put");
            other.save(&mut stored).expect("save");
        }
        assert_eq!(counter(&store.load(DocKind::Submission, "c5").expect("load").doc), 19);
        // A pack written by another process is seen.
        let third = tempfile::tempdir().expect("tempdir");
        let fresh = Store::open(third.path()).expect("open");
        assert!(fresh.list(DocKind::Submission).expect("list").is_empty());
        let writer = packed_store(third.path(), 40, true);
        drop(writer);
        assert_eq!(fresh.list(DocKind::Submission).expect("list").len(), 40);
        assert!(store.problems().is_empty() && other.problems().is_empty(), "{:?}", store.problems());
    }

    /// Deleting a candidate writes each pack holding their documents again without them: no
    /// byte of theirs is left anywhere in the data directory, and everyone else's is as it was.
    #[test]
    fn a_deleted_candidate_leaves_no_trace_in_a_pack() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = packed_store(dir.path(), 40, true);
        let mut stored = store.load(DocKind::Submission, "c7").expect("load");
        stored.doc.put(ROOT, "n", 77).expect("put");
        store.save(&mut stored).expect("save");
        store.mark_deleted("c7", &[]).expect("mark");
        store.remove_candidates_docs(&["c7"]).expect("remove");
        // Several at once (a retention period ends for many): the pack written again once.
        for c in ["c8", "c9"] {
            store.mark_deleted(c, &[]).expect("mark");
        }
        store.remove_candidates_docs(&["c8", "c9"]).expect("remove");
        for path in walk(dir.path()) {
            let bytes = fs::read(&path).expect("read");
            for c in ["c7", "c8", "c9"] {
                assert!(!contains(&bytes, format!("marker-of-{c}").as_bytes()), "{} still holds {c}", path.display());
            }
        }
        assert!(!store.exists(DocKind::Submission, "c7") && !store.exists(DocKind::Contact, "c9"));
        assert_eq!(store.list(DocKind::Contact).expect("list").len(), 37);
        let reopened = Store::open(dir.path()).expect("open");
        assert_eq!(reopened.files_read(), 0, "the pack written again is vouched for too");
        assert_eq!(counter(&reopened.load(DocKind::Contact, "c10").expect("load").doc), 10);
        assert_eq!(packs(dir.path()).len(), 1);
        // A document replaced by another history loses its copy in the pack too.
        let mut roster = reopened.load(DocKind::Roster, "r").expect("load");
        roster.doc = with_counter(9);
        reopened.replace(&mut roster).expect("replace");
        assert_eq!(counter(&Store::open(dir.path()).expect("open").load(DocKind::Roster, "r").expect("load").doc), 9);
    }

    /// Documents packed as they arrived, unchecked, are checked at the next open: one that is
    /// not a document goes to quarantine (the pack written again without it), the rest stay; a
    /// damaged pack is moved aside whole and reported.
    #[test]
    fn unchecked_and_damaged_packs_are_checked_at_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut new: Vec<NewDoc> =
            (0..70).map(|i| NewDoc::unchecked(DocKind::Contact, format!("c{i}"), with_counter(i).save())).collect();
        new.push(NewDoc::unchecked(DocKind::Contact, "bad", b"\x85\x6f\x4a\x83 not a document".to_vec()));
        store.save_batch(&mut [], new).expect("save");
        drop(store);
        let reopened = Store::open(dir.path()).expect("open");
        assert_eq!(reopened.problems().len(), 1, "{:?}", reopened.problems());
        assert!(reopened.problems()[0].moved_to.as_ref().is_some_and(|p| p.exists()));
        assert!(!reopened.exists(DocKind::Contact, "bad"));
        assert_eq!(reopened.list(DocKind::Contact).expect("list").len(), 70);
        assert_eq!(counter(&reopened.load(DocKind::Contact, "c69").expect("load").doc), 69);
        assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0, "checked once");
        // One byte changed on disk: the whole pack goes to quarantine, reported.
        let [pack] = packs(dir.path()).try_into().expect("one pack");
        let mut bytes = fs::read(&pack).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        fs::write(&pack, bytes).expect("write");
        let reopened = Store::open(dir.path()).expect("open");
        assert_eq!(reopened.problems().len(), 1, "{:?}", reopened.problems());
        assert!(reopened.list(DocKind::Contact).expect("list").is_empty());
        assert!(packs(dir.path()).is_empty());
    }

    /// A packed document whose bytes no longer match the pack's index when it is loaded (the
    /// disk changed it after the pack was checked) is moved to quarantine, reported, and the
    /// rest of the pack stays usable.
    #[test]
    fn a_damaged_entry_found_when_loading_is_moved_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = packed_store(dir.path(), 40, true);
        let files = store.files(DocKind::Contact, "c4").expect("files").expect("here");
        let [entry] = store.packed(DocKind::Contact, "c4").try_into().expect("one entry");
        let [pack] = packs(dir.path()).try_into().expect("one pack");
        let mut bytes = fs::read(&pack).expect("read");
        bytes[entry.offset as usize + 20] ^= 0xff;
        fs::write(&pack, bytes).expect("write");
        assert_eq!(store.snapshot(DocKind::Contact, "c4", &files).expect("read"), None, "not sent");
        assert!(matches!(store.load(DocKind::Contact, "c4"), Err(StoreError::AllCorrupt { .. })));
        assert_eq!(store.problems().len(), 1);
        assert!(!store.exists(DocKind::Contact, "c4"));
        assert_eq!(counter(&store.load(DocKind::Contact, "c5").expect("load").doc), 5);
        assert_eq!(store.list(DocKind::Contact).expect("list").len(), 39);
        // Cut short on disk: what was at its end is moved aside the same way.
        let [pack] = packs(dir.path()).try_into().expect("one pack");
        let bytes = fs::read(&pack).expect("read");
        fs::write(&pack, &bytes[..bytes.len() - 10]).expect("truncate");
        let last = store.pack_index().packs.values().flat_map(|p| p.iter()).max_by_key(|p| p.entry.offset).cloned();
        let last = last.expect("an entry");
        assert!(matches!(store.load(last.kind, &last.id), Err(StoreError::AllCorrupt { .. })));
        assert_eq!(store.problems().len(), 2);
    }

    /// A pack's index is checked against the file: cut short, too many entries, a bad id or a
    /// size that does not match are refused with the reason.
    #[test]
    fn a_pack_index_that_does_not_fit_its_file_is_refused() {
        let docs = [with_counter(1).save(), with_counter(2).save()];
        let contents: PackContents<'_> =
            vec![(DocKind::Contact, "a", &docs[0][..]), (DocKind::Contact, "b", &docs[1][..])];
        let (bytes, name) = encode(&contents);
        let parsed = parse_index(&name, &bytes, bytes.len() as u64).expect("parse");
        assert_eq!(parsed.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let at = |p: &Packed| &bytes[p.entry.offset as usize..p.entry.offset as usize + p.entry.len as usize];
        assert_eq!((at(&parsed[0]), at(&parsed[1])), (&docs[0][..], &docs[1][..]));
        assert!(parse_index(&name, &bytes, bytes.len() as u64 + 1).is_err(), "size");
        assert!(parse_index(&name, &bytes[..20], bytes.len() as u64).is_err(), "cut short");
        let mut bad_id = bytes.clone();
        bad_id[12 + 4 + 2] = b'/';
        assert!(parse_index(&name, &bad_id, bytes.len() as u64).is_err(), "id");
        let mut many = bytes.clone();
        many[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(parse_index(&name, &many, bytes.len() as u64).is_err(), "count");
        assert!(parse_index(&name, b"PVPACK0\n\0\0\0\0", 12).is_err(), "magic");
    }
}
