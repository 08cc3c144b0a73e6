//! Loading documents: from their pack entries and their directory's files, and merging in
//! later what other writers saved; a damaged file is moved to quarantine and reported.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use automerge::AutoCommit;
use tracing::{error, warn};

use super::validate_id;
use super::{DocKind, Store, StoreError, StoreProblem, StoredDoc, check_content_hash, dir_mtime, io_err, settled};
use crate::time::Timestamp;

impl Store {
    /// Load a document from its pack entries and every file in its directory. Corrupt files are
    /// quarantined and reported; what the remaining files hold is returned.
    pub fn load(&self, kind: DocKind, id: &str) -> Result<StoredDoc, StoreError> {
        validate_id(kind, id)?;
        let dir = self.doc_dir(kind, id);
        let mut stored = StoredDoc::empty(kind, id);
        let mut quarantined = self.load_new_entries(&mut stored)?;
        if dir.is_dir() {
            quarantined += self.load_new_files(&mut stored)?;
        }
        if stored.files.is_empty() && stored.packed.is_empty() {
            return Err(if quarantined > 0 {
                StoreError::AllCorrupt { kind, id: id.to_owned(), quarantine: self.root.join("quarantine") }
            } else {
                StoreError::NotFound { kind, id: id.to_owned() }
            });
        }
        self.loads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        stored.saved_heads = stored.doc.get_heads();
        Ok(stored)
    }

    /// Load many documents, a few threads at once when there are many (a session's first
    /// round reads every document the peer may see).
    pub fn load_many(&self, docs: &[(DocKind, String)]) -> Vec<Result<StoredDoc, StoreError>> {
        let docs: Vec<&(DocKind, String)> = docs.iter().collect();
        crate::parallel::runs(docs, |part| part.into_iter().map(|(kind, id)| self.load(*kind, id)).collect::<Vec<_>>())
            .into_iter()
            .flatten()
            .collect()
    }

    /// Merge into `stored` what other processes saved since it was loaded.
    pub fn refresh(&self, stored: &mut StoredDoc) -> Result<(), StoreError> {
        let before = stored.doc.get_heads();
        self.load_new_entries(stored)?;
        let dir = self.doc_dir(stored.kind, &stored.id);
        let listed = stored.listed.is_some() && stored.listed == dir_mtime(&dir);
        // (Not created yet, here or elsewhere, when there is no directory.)
        if !listed && (!stored.files.is_empty() || dir.is_dir()) {
            self.load_new_files(stored)?;
        }
        // Heads already on disk need no saving again; keep unsaved local changes unsaved.
        if stored.saved_heads == before {
            stored.saved_heads = stored.doc.get_heads();
        }
        Ok(())
    }

    /// Load the document's pack entries that `stored` does not hold yet; a damaged one is moved
    /// to quarantine (taken out of its pack). Returns how many were.
    fn load_new_entries(&self, stored: &mut StoredDoc) -> Result<usize, StoreError> {
        let mut quarantined = 0;
        // A pack written again meanwhile (another process took a document out of it): once more.
        for _ in 0..8 {
            let mut vanished = false;
            for entry in self.packed(stored.kind, &stored.id) {
                if stored.packed.contains(&entry) {
                    continue;
                }
                let loaded = match self.read_entry(&entry) {
                    // Loaded strictly (a pack entry is a whole document): loading as increments
                    // would skip a damaged tail with only a warning.
                    Ok(bytes) => AutoCommit::load(&bytes).and_then(|mut doc| {
                        if stored.doc.get_heads().is_empty() {
                            stored.doc = doc;
                            Ok(())
                        } else {
                            stored.doc.merge(&mut doc).map(|_| ())
                        }
                    }),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        vanished = true;
                        continue;
                    }
                    Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                        self.quarantine_entry(stored.kind, &stored.id, &entry, e.to_string())?;
                        quarantined += 1;
                        continue;
                    }
                    Err(e) => return Err(io_err(&self.pack_dir())(e)),
                };
                match loaded.map_err(|e| e.to_string()) {
                    Ok(()) => stored.packed.push(entry),
                    Err(reason) => {
                        self.quarantine_entry(stored.kind, &stored.id, &entry, reason)?;
                        quarantined += 1;
                    }
                }
            }
            if !vanished {
                break;
            }
        }
        Ok(quarantined)
    }

    fn load_new_files(&self, stored: &mut StoredDoc) -> Result<usize, StoreError> {
        // A file that vanished between listing and reading was compacted into a new snapshot
        // that the listing may predate: list again until a pass finds everything it listed.
        let mut quarantined = 0;
        for _ in 0..8 {
            let mtime = dir_mtime(&self.doc_dir(stored.kind, &stored.id));
            let (q, vanished) = self.load_listed_files(stored)?;
            quarantined += q;
            if !vanished {
                stored.listed = mtime.filter(|m| settled(*m, std::time::SystemTime::now()));
                break;
            }
        }
        Ok(quarantined)
    }

    /// One pass of [`Self::load_new_files`]; also says whether a listed file had vanished.
    fn load_listed_files(&self, stored: &mut StoredDoc) -> Result<(usize, bool), StoreError> {
        let dir = self.doc_dir(stored.kind, &stored.id);
        let mut vanished = false;
        let mut paths = Vec::new();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            // Its files went into a pack meanwhile (`Store::drop_repacked`): nothing new here.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((0, false)),
            Err(e) => return Err(io_err(&dir)(e)),
        };
        for entry in entries {
            let entry = entry.map_err(io_err(&dir))?;
            if crate::fsutil::remove_if_stale_temp(&entry).map_err(io_err(&dir))? {
                continue;
            }
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "am") && !stored.files.contains(&path) {
                paths.push(path);
            }
        }
        // Snapshots first, so increments find their dependencies already there.
        paths.sort_by_key(|p| (!p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("snapshot")), p.clone()));
        let mut quarantined = 0;
        for path in paths {
            let bytes = match fs::read(&path) {
                Ok(b) => {
                    self.files_read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    b
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    vanished = true; // compacted meanwhile
                    continue;
                }
                Err(e) => return Err(io_err(&path)(e)),
            };
            let result = if bytes.is_empty() {
                Err("the file is empty".to_owned())
            } else {
                check_content_hash(&path, &bytes)
                    .and_then(|()| stored.doc.load_incremental(&bytes).map(|_| ()).map_err(|e| e.to_string()))
            };
            match result {
                Ok(()) => stored.files.push(path),
                Err(reason) => {
                    self.quarantine(stored.kind, &stored.id, &path, reason);
                    quarantined += 1;
                }
            }
        }
        Ok((quarantined, vanished))
    }

    fn quarantine(&self, kind: DocKind, id: &str, path: &Path, reason: String) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let target = self.root.join("quarantine").join(format!("{kind}-{id}-{}-{name}", Timestamp::now().millis()));
        let moved_to = match fs::rename(path, &target) {
            Ok(()) => Some(target),
            Err(e) => {
                error!(path = %path.display(), error = %e, "could not move a corrupt document file aside");
                None
            }
        };
        self.report_moved(path, moved_to, reason);
    }

    /// Report a corrupt file (or packed document), and where it was moved, if it was.
    pub(super) fn report_moved(&self, path: &Path, moved_to: Option<PathBuf>, reason: String) {
        let problem = StoreProblem { path: path.to_owned(), moved_to, reason };
        warn!(%problem, "corrupt document file");
        if let Ok(mut problems) = self.problems.lock() {
            problems.push(problem);
        }
    }
}
