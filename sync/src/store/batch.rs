//! Saving many documents as one batch: what changed in loaded ones and new ones (a first sync
//! brings thousands), written by a few threads and flushed once (`crate::fsutil::Batch`).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::PathBuf;

use automerge::AutoCommit;
use tracing::debug;

use super::pack::{self, PACK_AT_MOST, PACK_FROM, PackContents};
use super::{COMPACT_AFTER_INCREMENTS, DocKind, Store, StoreError, StoredDoc, file_name, has_doc_files, io_err};
use super::{is_increment, validate_id, verified, verified::stamps};

/// A document not held here yet, for [`Store::save_batch`].
pub struct NewDoc {
    pub kind: DocKind,
    pub id: String,
    pub contents: NewContents,
}

pub enum NewContents {
    /// Encoded when written.
    Doc(Box<AutoCommit>),
    /// The document already encoded whole (as it arrived and was loaded here), written as it is.
    Encoded(Vec<u8>),
    /// A whole document as it arrived, not loaded here (`crate::whole`): written as it is, and
    /// not vouched for by the record of verified files, so the next open checks it (and
    /// quarantines it if it is not a document), like a file written by someone else.
    Unchecked(Vec<u8>),
}

impl NewContents {
    /// The document's bytes, and whether they are known to hold a document.
    fn bytes(self) -> (Vec<u8>, bool) {
        match self {
            NewContents::Doc(mut doc) => (doc.save(), true),
            NewContents::Encoded(bytes) => (bytes, true),
            NewContents::Unchecked(bytes) => (bytes, false),
        }
    }
}

impl NewDoc {
    pub fn new(kind: DocKind, id: impl Into<String>, doc: AutoCommit) -> Self {
        NewDoc { kind, id: id.into(), contents: NewContents::Doc(Box::new(doc)) }
    }

    pub fn encoded(kind: DocKind, id: impl Into<String>, bytes: Vec<u8>) -> Self {
        NewDoc { kind, id: id.into(), contents: NewContents::Encoded(bytes) }
    }

    pub fn unchecked(kind: DocKind, id: impl Into<String>, bytes: Vec<u8>) -> Self {
        NewDoc { kind, id: id.into(), contents: NewContents::Unchecked(bytes) }
    }
}

/// A pack of new documents in a batch ([`Store::save_batch`]): its path and name, the kinds
/// of document in it, and whether every one is known to be a document.
struct NewPack {
    path: PathBuf,
    name: String,
    kinds: Vec<DocKind>,
    checked: bool,
}

/// A new document's file in a batch ([`Store::save_batch`]), and whether it is known to hold a
/// document (written from one, or loaded here).
struct NewFile {
    kind: DocKind,
    id: String,
    path: PathBuf,
    checked: bool,
}

impl Store {
    /// Save many documents with one flush of the disk for all of them (a session that brought
    /// thousands): what changed in loaded ones, and new ones. Each document is still whole
    /// after a crash, old or new ([`crate::fsutil::Batch`]). Returns the new documents' files.
    pub fn save_batch(&self, changed: &mut [&mut StoredDoc], new: Vec<NewDoc>) -> Result<Vec<PathBuf>, StoreError> {
        let mut batch = crate::fsutil::Batch::default();
        let mut saved = Vec::new();
        // The kinds whose directory gains a document directory: flushed after the batch.
        let mut new_dirs_in = std::collections::BTreeSet::new();
        for (i, stored) in changed.iter_mut().enumerate() {
            let bytes = stored.doc.save_after(&stored.saved_heads);
            if bytes.is_empty() {
                continue;
            }
            self.refuse_deleted(stored.kind, &stored.id)?;
            let dir = self.doc_dir(stored.kind, &stored.id);
            // The first change to a packed document (or one whose files went into a pack).
            match fs::create_dir(&dir) {
                Ok(()) => {
                    new_dirs_in.insert(stored.kind);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_err(&dir)(e)),
            }
            let path = dir.join(file_name("inc", &bytes));
            batch.add(&path, &bytes).map_err(io_err(&path))?;
            saved.push((i, path));
        }
        // Many new documents (a reviewer's first sync brings thousands) go into packs; fewer
        // get a directory and a file each, written by a few threads at once.
        let (mut created, mut packs) = (Vec::new(), Vec::new());
        if new.len() >= PACK_FROM {
            packs = self.write_packs(&mut batch, new)?;
        } else {
            for part in crate::parallel::runs(new, |part| self.write_new(part)) {
                let (part_batch, docs) = part?;
                batch.append(part_batch);
                created.extend(docs);
            }
        }
        let root = self.root.clone();
        batch.commit().map_err(io_err(&root))?;
        new_dirs_in.extend(created.iter().map(|f| f.kind));
        for kind in new_dirs_in {
            let dir = self.root.join("docs").join(kind.dir_name());
            crate::fsutil::sync_dir(&dir).map_err(io_err(&dir))?;
        }
        let mut written: Vec<(String, String)> = Vec::new();
        for (i, path) in &saved {
            written.extend(stamps(changed[*i].kind, &changed[*i].id, std::slice::from_ref(path)));
        }
        for pack in packs.iter().filter(|p| p.checked) {
            written.extend(self.pack_stamp(&pack.name));
        }
        // One `stat` each, a few threads at once.
        let created_refs: Vec<&NewFile> = created.iter().filter(|f| f.checked).collect();
        for part in crate::parallel::runs(created_refs, |part| {
            part.into_iter().flat_map(|f| stamps(f.kind, &f.id, std::slice::from_ref(&f.path))).collect::<Vec<_>>()
        }) {
            written.extend(part);
        }
        if let Err(e) = verified::append(&self.root, &written) {
            debug!(error = %e, "could not add to the record of verified documents; checked at the next open");
        }
        for (i, path) in saved {
            let stored = &mut changed[i];
            stored.files.push(path);
            stored.saved_heads = stored.doc.get_heads();
            self.count_save(stored.kind);
            if stored.files.iter().filter(|p| is_increment(p)).count() >= COMPACT_AFTER_INCREMENTS {
                self.compact(stored)?;
            }
        }
        for f in &created {
            self.count_save(f.kind);
        }
        debug!(changed = changed.len(), created = created.len(), packs = packs.len(), "documents saved in one batch");
        let mut paths: Vec<PathBuf> = created.into_iter().map(|f| f.path).collect();
        for pack in packs {
            pack.kinds.iter().for_each(|k| self.count_save(*k));
            paths.push(pack.path);
        }
        Ok(paths)
    }

    /// Write many new documents as packs (of at most [`PACK_AT_MOST`]) under temporary names
    /// (see [`Self::save_batch`]); none may be held here already.
    fn write_packs(&self, batch: &mut crate::fsutil::Batch, new: Vec<NewDoc>) -> Result<Vec<NewPack>, StoreError> {
        let packed = self.pack_index();
        let deleted = self.deleted_ids()?;
        let mut dirs: BTreeMap<DocKind, HashSet<String>> = BTreeMap::new();
        for kind in new.iter().map(|d| d.kind) {
            if let std::collections::btree_map::Entry::Vacant(e) = dirs.entry(kind) {
                // The documents of this kind with a directory (one listing, not one per document).
                let dir = self.root.join("docs").join(kind.dir_name());
                let names = fs::read_dir(&dir).map_err(io_err(&dir))?;
                e.insert(names.filter_map(Result::ok).map(|n| n.file_name().to_string_lossy().into_owned()).collect());
            }
        }
        let mut seen = HashSet::new();
        for NewDoc { kind, id, .. } in &new {
            validate_id(*kind, id)?;
            if kind.candidate_of(id).is_some_and(|c| deleted.contains(c)) {
                return Err(StoreError::Deleted { kind: *kind, id: id.clone() });
            }
            let in_dir = dirs[kind].contains(id.as_str());
            let dir = self.doc_dir(*kind, id);
            if !seen.insert((*kind, id.as_str()))
                || !packed.entries(*kind, id).is_empty()
                || (in_dir && has_doc_files(&dir).map_err(io_err(&dir))?)
            {
                return Err(StoreError::AlreadyExists { kind: *kind, id: id.clone() });
            }
        }
        let docs: Vec<(DocKind, String, Vec<u8>, bool)> = crate::parallel::runs(new, |part| {
            part.into_iter()
                .map(|NewDoc { kind, id, contents }| {
                    let (bytes, checked) = contents.bytes();
                    (kind, id, bytes, checked)
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        let mut packs = Vec::new();
        for part in docs.chunks(PACK_AT_MOST) {
            let contents: PackContents<'_> =
                part.iter().map(|(kind, id, bytes, _)| (*kind, id.as_str(), &bytes[..])).collect();
            let (bytes, name) = pack::encode(&contents);
            let path = self.pack_dir().join(&name);
            batch.add(&path, &bytes).map_err(io_err(&path))?;
            let kinds: std::collections::BTreeSet<DocKind> = part.iter().map(|d| d.0).collect();
            packs.push(NewPack { path, name, kinds: kinds.into_iter().collect(), checked: part.iter().all(|d| d.3) });
        }
        Ok(packs)
    }

    /// Write new documents under temporary names (see [`Self::save_batch`]), each in a directory
    /// of its own that must not hold one already.
    fn write_new(&self, new: Vec<NewDoc>) -> Result<(crate::fsutil::Batch, Vec<NewFile>), StoreError> {
        let mut batch = crate::fsutil::Batch::default();
        let mut created = Vec::new();
        for NewDoc { kind, id, contents } in new {
            validate_id(kind, &id)?;
            self.refuse_deleted(kind, &id)?;
            let dir = self.doc_dir(kind, &id);
            match fs::create_dir(&dir) {
                Ok(()) => {}
                // Left empty by an earlier attempt, or holding the document already.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if has_doc_files(&dir).map_err(io_err(&dir))? {
                        return Err(StoreError::AlreadyExists { kind, id });
                    }
                }
                Err(e) => return Err(io_err(&dir)(e)),
            }
            let (bytes, checked) = contents.bytes();
            let path = dir.join(file_name("snapshot", &bytes));
            batch.add(&path, &bytes).map_err(io_err(&path))?;
            created.push(NewFile { kind, id, path, checked });
        }
        Ok((batch, created))
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use automerge::{AutoCommit, ROOT, transaction::Transactable};

    use super::super::tests::{counter, walk, with_counter};
    use super::*;

    #[test]
    fn a_new_document_that_arrived_encoded_is_written_as_it_arrived() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut doc = AutoCommit::new();
        for i in 0..300 {
            doc.put(ROOT, format!("key {i}"), i).expect("put");
        }
        doc.put(ROOT, "n", 7).expect("put");
        // Another encoding of the same document than the one `save` would write.
        let arrived = doc.save_nocompress();
        assert_ne!(arrived, doc.save());
        let new = NewDoc::encoded(DocKind::Roster, "r7", arrived.clone());
        let created = store.save_batch(&mut [], vec![new]).expect("save");
        assert_eq!(created.len(), 1);
        assert_eq!(fs::read(&created[0]).expect("read"), arrived);
        let reopened = Store::open(dir.path()).expect("open");
        assert_eq!(counter(&reopened.load(DocKind::Roster, "r7").expect("load").doc), 7);
    }

    #[test]
    fn many_new_documents_are_saved_as_a_pack_and_few_as_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let docs = |range: std::ops::Range<i64>| {
            range
                .map(|i| {
                    let mut doc = AutoCommit::new();
                    doc.put(ROOT, "n", i).expect("put");
                    NewDoc::new(DocKind::Roster, format!("r{i}"), doc)
                })
                .collect::<Vec<_>>()
        };
        let created = store.save_batch(&mut [], docs(0..150)).expect("save");
        assert_eq!(created.len(), 1, "one pack: {created:?}");
        let few = store.save_batch(&mut [], docs(500..510)).expect("save");
        assert_eq!(few.len(), 10, "a file each: {few:?}");
        let ids: Vec<(DocKind, String)> = (0..150).map(|i| (DocKind::Roster, format!("r{i}"))).collect();
        let loaded = store.load_many(&ids);
        for (i, stored) in loaded.into_iter().enumerate() {
            let stored = stored.expect("load");
            assert_eq!((stored.id.as_str(), counter(&stored.doc)), (format!("r{i}").as_str(), i as i64));
        }
        // One that exists already, anywhere in a large batch: refused, nothing overwritten.
        let refused = store.save_batch(&mut [], docs(140..300));
        assert!(matches!(refused, Err(StoreError::AlreadyExists { .. })), "{refused:?}");
        assert_eq!(counter(&store.load(DocKind::Roster, "r145").expect("load").doc), 145);
        let leftovers: Vec<_> =
            walk(dir.path()).into_iter().filter(|p| p.to_string_lossy().contains(crate::fsutil::TEMP_PREFIX)).collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    /// A document that arrived whole and was not loaded here is written as it arrived but not
    /// vouched for: the next open checks it, keeping a good one and quarantining one that is not
    /// a document, as for a file written by someone else.
    #[test]
    fn an_unchecked_document_is_checked_at_the_next_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let good = with_counter(7).save();
        let bad = [&good[..12], b"not the rest of a document"].concat();
        store
            .save_batch(
                &mut [],
                vec![NewDoc::unchecked(DocKind::Roster, "good", good), NewDoc::unchecked(DocKind::Roster, "bad", bad)],
            )
            .expect("save");
        let reopened = Store::open(dir.path()).expect("open");
        assert_eq!(reopened.files_read(), 2, "both checked");
        assert_eq!(counter(&reopened.load(DocKind::Roster, "good").expect("load").doc), 7);
        assert_eq!(reopened.problems().len(), 1, "{:?}", reopened.problems());
        assert!(!reopened.exists(DocKind::Roster, "bad"));
        assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0, "vouched for once checked");
    }
}
