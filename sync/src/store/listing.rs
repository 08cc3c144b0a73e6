//! What a document's directory holds, and its one snapshot read as it is: for sending a document
//! whole without loading it (`crate::whole`), and telling afterwards whether it changed.

use std::fs;
use std::io;
use std::path::Path;

use std::collections::{HashMap, HashSet};

use super::pack::{PackEntry, PackIndex};
use super::{DocKind, Store, StoreError, dir_mtime, file_name, io_err, settled, validate_id};

/// What a document's directory held when it was listed: its file names, its time, and how many
/// saves of its kind this process had made ([`Store::files`], [`Store::unchanged`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocFiles {
    /// The files in its directory.
    names: Vec<String>,
    /// Its entries in packs.
    packed: Vec<PackEntry>,
    mtime: Option<std::time::SystemTime>,
    /// When it was listed: a time more than two seconds older than this is settled (any file
    /// added since would have changed it, even on file systems with a coarse clock).
    listed_at: std::time::SystemTime,
    saves: u64,
}

impl Store {
    /// What the document's directory and the packs hold now; `None` when no document is there
    /// (no files, or an empty directory: see [`Self::exists`]). For [`Self::snapshot`] and
    /// [`Self::unchanged`].
    pub fn files(&self, kind: DocKind, id: &str) -> Result<Option<DocFiles>, StoreError> {
        self.files_in(&self.pack_index(), kind, id, true)
    }

    /// [`Self::files`] of many documents: the packs and each kind's directory looked at once,
    /// then the documents that have a directory listed, a few threads at once.
    pub fn files_many(&self, docs: Vec<(DocKind, String)>) -> Vec<Result<Option<DocFiles>, StoreError>> {
        let packs = self.pack_index();
        let dirs = self.doc_dirs(docs.iter().map(|(kind, _)| *kind));
        let (packs, dirs) = (&packs, &dirs);
        crate::parallel::runs(docs, |part| {
            part.into_iter()
                .map(|(kind, id)| {
                    let has_dir = dirs.get(&kind).is_none_or(|ids| ids.contains(&id));
                    self.files_in(packs, kind, &id, has_dir)
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The documents that have a directory, one listing per kind, for the kinds of which many
    /// documents are asked about (`kinds`: the kind of each); the others are left out (unknown),
    /// as is a kind whose directory cannot be listed. A candidate's session asks about a few
    /// documents among tens of thousands: one look at each is cheaper then.
    fn doc_dirs(&self, kinds: impl Iterator<Item = DocKind>) -> HashMap<DocKind, HashSet<String>> {
        let mut counts: HashMap<DocKind, usize> = HashMap::new();
        for kind in kinds {
            *counts.entry(kind).or_default() += 1;
        }
        counts
            .into_iter()
            .filter(|(_, n)| *n >= super::PACK_FROM)
            .filter_map(|(kind, _)| {
                let entries = fs::read_dir(self.root.join("docs").join(kind.dir_name())).ok()?;
                Some((kind, entries.filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned())).collect()))
            })
            .collect()
    }

    /// [`Self::unchanged`] of many documents: for those kept only in packs, each kind's
    /// directory and each pack looked at once; the others one by one.
    pub fn unchanged_many(&self, docs: Vec<(DocKind, &str, &mut DocFiles)>) -> Result<Vec<bool>, StoreError> {
        let dirs = self.doc_dirs(docs.iter().map(|(kind, _, _)| *kind));
        let mut seen_packs: HashMap<std::sync::Arc<str>, bool> = HashMap::new();
        let mut pack_there = |entry: &PackEntry| {
            *seen_packs.entry(entry.pack.clone()).or_insert_with(|| self.pack_dir().join(entry.pack()).exists())
        };
        docs.into_iter()
            .map(|(kind, id, files)| {
                let only_packed = files.names.is_empty() && !files.packed.is_empty() && files.saves == self.saves(kind);
                let no_dir = dirs.get(&kind).is_some_and(|ids| !ids.contains(id));
                if only_packed && no_dir && files.packed.iter().all(&mut pack_there) {
                    return Ok(true);
                }
                self.unchanged(kind, id, files)
            })
            .collect()
    }

    /// [`Self::files`] with these packs, not looking for a directory known not to be there.
    fn files_in(
        &self,
        packs: &PackIndex,
        kind: DocKind,
        id: &str,
        has_dir: bool,
    ) -> Result<Option<DocFiles>, StoreError> {
        validate_id(kind, id)?;
        // Counted and timed before the listing: a save during it shows as a change later.
        let saves = self.saves(kind);
        let listed_at = std::time::SystemTime::now();
        let packed = packs.entries(kind, id).to_vec();
        let (mtime, names) = if has_dir {
            let mtime = dir_mtime(&self.doc_dir(kind, id));
            match self.dir_names(kind, id) {
                Ok(names) => (mtime, names),
                Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => (None, Vec::new()),
                Err(e) => return Err(e),
            }
        } else {
            (None, Vec::new())
        };
        let is_doc = |n: &String| Path::new(n).extension().is_some_and(|e| e == "am");
        let held = !packed.is_empty() || names.iter().any(is_doc);
        Ok(held.then_some(DocFiles { names, packed, mtime, listed_at, saves }))
    }

    /// The document as its one snapshot file or pack entry holds it (listed in `files`), read as
    /// it is and not loaded: to send it whole (`crate::whole`). `None` when it is kept in several
    /// files, or its file went, or is not named after its contents as this store names them
    /// (loading it checks it, and quarantines a damaged one).
    pub fn snapshot(&self, kind: DocKind, id: &str, files: &DocFiles) -> Result<Option<Vec<u8>>, StoreError> {
        self.snapshot_with(&mut HashMap::new(), kind, id, files)
    }

    /// [`Self::snapshot`] of many documents, a few threads at once, each pack opened once per
    /// thread (a reviewer's first sync sends thousands).
    pub fn snapshots(&self, docs: Vec<(DocKind, &str, &DocFiles)>) -> Vec<Result<Option<Vec<u8>>, StoreError>> {
        crate::parallel::runs(docs, |part| {
            let mut packs = HashMap::new();
            part.into_iter()
                .map(|(kind, id, files)| self.snapshot_with(&mut packs, kind, id, files))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// [`Self::snapshot`], with the packs opened so far.
    fn snapshot_with(
        &self,
        packs: &mut HashMap<std::sync::Arc<str>, fs::File>,
        kind: DocKind,
        id: &str,
        files: &DocFiles,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        validate_id(kind, id)?;
        if let ([], [entry]) = (files.names.as_slice(), files.packed.as_slice()) {
            let pack = match packs.entry(entry.pack.clone()) {
                std::collections::hash_map::Entry::Occupied(open) => open.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    match fs::File::open(self.pack_dir().join(entry.pack())) {
                        Ok(file) => slot.insert(file),
                        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                        Err(e) => return Err(io_err(&self.pack_dir())(e)),
                    }
                }
            };
            return match self.read_entry_from(pack, entry) {
                Ok(bytes) => Ok(Some(bytes)),
                // Written again meanwhile, or damaged (loading it moves it aside).
                Err(e) if e.kind() == io::ErrorKind::InvalidData => Ok(None),
                Err(e) => Err(io_err(&self.pack_dir())(e)),
            };
        }
        let ([name], []) = (files.names.as_slice(), files.packed.as_slice()) else { return Ok(None) };
        let path = self.doc_dir(kind, id).join(name);
        if !name.starts_with("snapshot-") || path.extension().is_none_or(|e| e != "am") {
            return Ok(None);
        }
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None), // compacted meanwhile
            Err(e) => return Err(io_err(&path)(e)),
        };
        self.files_read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok((*name == file_name("snapshot", &bytes)).then_some(bytes))
    }

    /// Whether the document's directory still holds what `files` says (from [`Self::files`]),
    /// for a session that sent it whole a moment ago. One `stat` while this process saved
    /// nothing of the kind and the directory's time is the same and was settled when it was
    /// listed; one listing otherwise (and a look at the packs). `files` is brought up to date.
    pub fn unchanged(&self, kind: DocKind, id: &str, files: &mut DocFiles) -> Result<bool, StoreError> {
        validate_id(kind, id)?;
        let saves = self.saves(kind);
        let mtime = dir_mtime(&self.doc_dir(kind, id));
        let settled = files.mtime.is_some_and(|m| settled(m, files.listed_at));
        if settled && mtime.is_some() && mtime == files.mtime && saves == files.saves {
            return Ok(true);
        }
        // Kept only in packs: unchanged while it has no directory and its packs are there (a
        // pack is never changed, only written again without some documents and removed).
        if files.names.is_empty()
            && mtime.is_none()
            && saves == files.saves
            && !files.packed.is_empty()
            && files.packed.iter().all(|e| self.pack_dir().join(e.pack()).exists())
        {
            return Ok(true);
        }
        match self.files(kind, id)? {
            Some(now) if now.names == files.names && now.packed == files.packed => {
                *files = now;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use automerge::{ROOT, transaction::Transactable};

    use super::super::tests::with_counter;
    use super::*;

    /// A document kept as one snapshot is read as it is; one in several files, or whose file
    /// does not match its name, is not (it is loaded instead). A save here, or by another
    /// process, shows as a change; nothing else does.
    #[test]
    fn a_snapshot_is_read_as_it_is_and_its_changes_are_seen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let doc = with_counter(1);
        let mut stored = store.create(DocKind::Roster, "r1", doc).expect("create");
        assert_eq!(store.files(DocKind::Roster, "r2").expect("files"), None, "not here");
        let mut files = store.files(DocKind::Roster, "r1").expect("files").expect("here");
        let bytes = store.snapshot(DocKind::Roster, "r1", &files).expect("read").expect("one snapshot");
        assert_eq!(bytes, stored.doc.save());
        assert!(store.unchanged(DocKind::Roster, "r1", &mut files).expect("check"));
        // Saved here: a change.
        stored.doc.put(ROOT, "n", 2).expect("put");
        store.save(&mut stored).expect("save");
        assert!(!store.unchanged(DocKind::Roster, "r1", &mut files).expect("check"));
        let mut files = store.files(DocKind::Roster, "r1").expect("files").expect("here");
        assert_eq!(store.snapshot(DocKind::Roster, "r1", &files).expect("read"), None, "two files");
        // Saved by another process (another `Store` on the same directory): a change too.
        let other = Store::open(dir.path()).expect("open");
        let mut theirs = other.load(DocKind::Roster, "r1").expect("load");
        theirs.doc.put(ROOT, "n", 3).expect("put");
        other.save(&mut theirs).expect("save");
        assert!(!store.unchanged(DocKind::Roster, "r1", &mut files).expect("check"));
        // A snapshot whose bytes do not match its name is not sent.
        let doc = with_counter(1);
        let damaged = store.create(DocKind::Roster, "r3", doc).expect("create");
        fs::write(&damaged.files[0], b"damaged").expect("write");
        let files = store.files(DocKind::Roster, "r3").expect("files").expect("here");
        assert_eq!(store.snapshot(DocKind::Roster, "r3", &files).expect("read"), None);
    }

    /// A directory whose time was settled when it was listed costs a `stat` to check; a file
    /// another process adds later changes that time.
    #[test]
    fn a_settled_directory_is_checked_by_its_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let doc = with_counter(1);
        store.create(DocKind::Roster, "r1", doc).expect("create");
        let doc_dir = store.doc_dir(DocKind::Roster, "r1");
        let past = std::time::SystemTime::now() - std::time::Duration::from_mins(1);
        fs::File::open(&doc_dir).and_then(|d| d.set_modified(past)).expect("set the time back");
        let mut files = store.files(DocKind::Roster, "r1").expect("files").expect("here");
        assert!(store.unchanged(DocKind::Roster, "r1", &mut files).expect("check"));
        let other = Store::open(dir.path()).expect("open");
        let mut theirs = other.load(DocKind::Roster, "r1").expect("load");
        theirs.doc.put(ROOT, "n", 2).expect("put");
        other.save(&mut theirs).expect("save");
        assert!(!store.unchanged(DocKind::Roster, "r1", &mut files).expect("check"));
    }
}
