//! Packing what settled: the employer's node gathers candidates' documents one at a time (a
//! directory and a file or more each) and sends them all to each new reviewer; its upkeep moves
//! those nobody changed for a while into a pack (`store::pack`), so that such a sync reads one
//! file instead of thousands.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use tracing::debug;

use super::pack::{PACK_AT_MOST, PackContents, PackEntry, encode};
use super::{DocKind, Store, StoreError, io_err, validate_id};
use crate::fsutil::{sync_dir, write_atomic};

/// Documents [`Store::pack_settled`] put in a new pack: their files and older pack entries,
/// which [`Store::drop_repacked`] removes.
#[derive(Debug, Default)]
pub struct Repacked {
    pub documents: usize,
    files: Vec<PathBuf>,
    entries: Vec<PackEntry>,
}

impl Store {
    /// Put the documents of candidates (submissions, reviews, contacts, scorecards) that nobody
    /// changed for `settled_for` and are kept in their own directories into one new pack, when
    /// there are at least `at_least` of them; also those left in several packs. At most
    /// [`PACK_AT_MOST`] at a time: call again while it packs that many. An employer's
    /// node gathers them one at a time and sends them all to each new reviewer: from a pack,
    /// that is one file to read instead of thousands. Their files stay until
    /// [`Self::drop_repacked`] (the document is whole either way: a pack entry and its files
    /// hold the same changes).
    pub fn pack_settled(&self, settled_for: Duration, at_least: usize) -> Result<Option<Repacked>, StoreError> {
        let index = self.pack_index();
        let deleted = self.deleted_ids()?;
        let mut docs = std::collections::BTreeSet::new();
        for kind in DocKind::PER_CANDIDATE {
            let dir = self.root.join("docs").join(kind.dir_name());
            for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
                let entry = entry.map_err(io_err(&dir))?;
                let id = entry.file_name().to_string_lossy().into_owned();
                let settled = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age >= settled_for);
                if settled
                    && validate_id(kind, &id).is_ok()
                    && kind.candidate_of(&id).is_some_and(|c| !deleted.contains(c))
                {
                    docs.insert((kind, id));
                }
            }
            docs.extend(index.in_several(kind).map(|id| (kind, id.clone())));
        }
        let docs: Vec<(DocKind, String)> = docs.into_iter().take(PACK_AT_MOST).collect();
        if docs.len() < at_least.max(1) {
            return Ok(None);
        }
        let mut repacked = Repacked::default();
        let mut saved = Vec::new();
        for stored in self.load_many(&docs) {
            let mut stored = match stored {
                Ok(stored) => stored,
                // An empty directory, or one whose files were all damaged (reported).
                Err(StoreError::NotFound { .. } | StoreError::AllCorrupt { .. }) => continue,
                Err(e) => return Err(e),
            };
            saved.push((stored.kind, stored.id.clone(), stored.doc.save()));
            repacked.files.append(&mut stored.files);
            repacked.entries.append(&mut stored.packed);
        }
        if saved.is_empty() {
            return Ok(None);
        }
        let contents: PackContents<'_> =
            saved.iter().map(|(kind, id, bytes)| (*kind, id.as_str(), &bytes[..])).collect();
        let (bytes, name) = encode(&contents);
        let path = self.pack_dir().join(&name);
        write_atomic(&path, &bytes).map_err(io_err(&path))?;
        self.note_pack_verified(&name);
        for kind in DocKind::PER_CANDIDATE {
            self.count_save(kind);
        }
        repacked.documents = saved.len();
        debug!(documents = saved.len(), bytes = bytes.len(), pack = name, "settled documents packed");
        Ok(Some(repacked))
    }

    /// Remove what [`Self::pack_settled`] put in a pack: the files (and directories left empty)
    /// and the older pack entries. A change saved meanwhile stays.
    pub fn drop_repacked(&self, repacked: &Repacked) -> Result<(), StoreError> {
        let entries: std::collections::HashSet<&PackEntry> = repacked.entries.iter().collect();
        if !entries.is_empty() {
            self.remove_from_packs(&|_, _, e| entries.contains(e))?;
        }
        let mut dirs = std::collections::BTreeSet::new();
        for file in &repacked.files {
            match fs::remove_file(file) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(file)(e)),
            }
            dirs.extend(file.parent().map(PathBuf::from));
        }
        let mut parents = std::collections::BTreeSet::new();
        for dir in dirs {
            // Only if empty: a file saved meanwhile keeps its directory.
            if fs::remove_dir(&dir).is_ok() {
                parents.extend(dir.parent().map(PathBuf::from));
            }
        }
        for parent in parents {
            sync_dir(&parent).map_err(io_err(&parent))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use automerge::{ROOT, transaction::Transactable};

    use super::super::pack::tests::packs;
    use super::super::tests::{counter, with_counter};
    use super::*;

    /// Documents kept in their own directories and left alone go into one pack; their files
    /// go, and a copy loaded before can still be changed and saved. A document changed after
    /// being packed is packed again, its older entry taken out of the first pack.
    #[test]
    fn settled_documents_are_packed_and_their_files_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        for i in 0..70 {
            let mut stored = store.create(DocKind::Contact, &format!("c{i}"), with_counter(i)).expect("create");
            if i % 7 == 0 {
                stored.doc.put(ROOT, "n", i + 1000).expect("put");
                store.save(&mut stored).expect("save");
            }
        }
        store.create(DocKind::Roster, "r", with_counter(1)).expect("campaign-wide documents stay");
        let mut loaded_before = store.load(DocKind::Contact, "c1").expect("load");
        // Changed just now (by this process's clock, which a test may have moved).
        for entry in fs::read_dir(dir.path().join("docs/contact")).expect("ls") {
            let doc_dir = fs::File::open(entry.expect("entry").path()).expect("open");
            doc_dir.set_modified(std::time::SystemTime::now()).expect("set the time");
        }
        assert!(store.pack_settled(Duration::from_hours(1), 1).expect("pack").is_none(), "not settled yet");
        assert!(store.pack_settled(Duration::ZERO, 71).expect("pack").is_none(), "too few");
        let repacked = store.pack_settled(Duration::ZERO, 70).expect("pack").expect("packed");
        assert_eq!(repacked.documents, 70);
        store.drop_repacked(&repacked).expect("drop");
        assert_eq!(fs::read_dir(dir.path().join("docs/contact")).expect("ls").count(), 0, "no directory left");
        assert!(dir.path().join("docs/roster/r").is_dir());
        assert_eq!(store.list(DocKind::Contact).expect("list").len(), 70);
        assert_eq!(counter(&store.load(DocKind::Contact, "c14").expect("load").doc), 1014);
        assert_eq!(Store::open(dir.path()).expect("open").files_read(), 0, "the pack is vouched for");
        // The copy loaded before: changed and saved, its directory made again.
        loaded_before.doc.put(ROOT, "n", 5).expect("put");
        store.save(&mut loaded_before).expect("save after packing");
        store.refresh(&mut loaded_before).expect("refresh");
        assert_eq!(counter(&store.load(DocKind::Contact, "c1").expect("load").doc), 5);
        // Packed again with its change; the first pack loses its older entry.
        let repacked = store.pack_settled(Duration::ZERO, 1).expect("pack").expect("packed");
        assert_eq!(repacked.documents, 1);
        store.drop_repacked(&repacked).expect("drop");
        assert_eq!(store.packed(DocKind::Contact, "c1").len(), 1);
        assert_eq!(counter(&store.load(DocKind::Contact, "c1").expect("load").doc), 5);
        assert_eq!(packs(dir.path()).len(), 2);
        assert!(store.problems().is_empty(), "{:?}", store.problems());
    }
}
