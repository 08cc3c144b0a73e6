//! A deleted candidate in the store: a marker (`deleted/<candidate>`, ids only, with the
//! recordings still to remove) written before anything goes, after which none of their
//! documents is saved again; then every file of theirs goes: documents, scorecards,
//! quarantined copies and the exports the app wrote into the data directory.

use std::fs;
use std::path::PathBuf;

use super::{DocKind, Store, StoreError, has_doc_files, io_err, validate_id};
use crate::fsutil::{sync_dir, write_atomic};

impl Store {
    pub(super) fn refuse_deleted(&self, kind: DocKind, id: &str) -> Result<(), StoreError> {
        if kind.candidate_of(id).is_some_and(|candidate| self.is_deleted(candidate)) {
            return Err(StoreError::Deleted { kind, id: id.to_owned() });
        }
        Ok(())
    }

    fn deleted_marker(&self, candidate: &str) -> PathBuf {
        self.root.join("deleted").join(candidate)
    }

    /// Whether this candidate's submission was deleted here (one `stat`).
    pub fn is_deleted(&self, candidate: &str) -> bool {
        validate_id(DocKind::Submission, candidate).is_ok() && self.deleted_marker(candidate).exists()
    }

    /// The ids of the candidates deleted here (one listing).
    pub(super) fn deleted_ids(&self) -> Result<std::collections::HashSet<String>, StoreError> {
        let dir = self.root.join("deleted");
        let entries = fs::read_dir(&dir).map_err(io_err(&dir))?;
        Ok(entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
    }

    /// Candidates deleted here, with the recordings (BLAKE3 hex) still to be removed from the
    /// blob store for each.
    pub fn deleted(&self) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        let dir = self.root.join("deleted");
        let mut out = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let entry = entry.map_err(io_err(&dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || validate_id(DocKind::Submission, &name).is_err() {
                continue;
            }
            let text = fs::read_to_string(entry.path()).map_err(io_err(&entry.path()))?;
            out.push((name, text.split_whitespace().map(ToOwned::to_owned).collect()));
        }
        out.sort();
        Ok(out)
    }

    /// Record that a candidate is deleted, with the recordings still to remove. Written before
    /// anything is removed, so a crash part-way is finished at the next start.
    pub fn mark_deleted(&self, candidate: &str, pending_blobs: &[String]) -> Result<(), StoreError> {
        validate_id(DocKind::Submission, candidate)?;
        let path = self.deleted_marker(candidate);
        let mut text = pending_blobs.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        write_atomic(&path, text.as_bytes()).map_err(io_err(&path))
    }

    /// Remove every file of these candidates' documents (submission, reviews, contact,
    /// scorecards), including quarantined copies and their entries in packs (each pack written
    /// again once for all of them: a retention period ends for many at once). Only for
    /// candidates marked deleted. Returns how many files, directories and pack entries went.
    pub fn remove_candidates_docs(&self, candidates: &[&str]) -> Result<usize, StoreError> {
        for candidate in candidates {
            validate_id(DocKind::Submission, candidate)?;
            if !self.is_deleted(candidate) {
                return Err(StoreError::NotFound { kind: DocKind::Submission, id: (*candidate).to_owned() });
            }
        }
        let mut removed = 0;
        for candidate in candidates {
            removed += self.remove_files_of(candidate)?;
        }
        // Their documents in packs: each pack holding one is written again without them.
        let doomed: std::collections::HashSet<&str> = candidates.iter().copied().collect();
        removed += self.remove_from_packs(&|kind, id, _| kind.candidate_of(id).is_some_and(|c| doomed.contains(c)))?;
        Ok(removed)
    }

    /// [`Self::remove_candidates_docs`] of one candidate, but for their pack entries.
    fn remove_files_of(&self, candidate: &str) -> Result<usize, StoreError> {
        let mut removed = 0;
        let mut dirs: Vec<PathBuf> = DocKind::PER_CANDIDATE
            .into_iter()
            .filter(|k| *k != DocKind::Scorecard)
            .map(|k| self.doc_dir(k, candidate))
            .collect();
        dirs.extend(self.scorecard_dirs_of(candidate)?);
        for dir in dirs {
            if dir.exists() {
                fs::remove_dir_all(&dir).map_err(io_err(&dir))?;
                removed += 1;
            }
            let parent = dir.parent().unwrap_or(&self.root).to_owned();
            sync_dir(&parent).map_err(io_err(&parent))?;
        }
        removed += self.remove_exports_of(candidate)?;
        let quarantine = self.root.join("quarantine");
        for entry in fs::read_dir(&quarantine).map_err(io_err(&quarantine))? {
            let entry = entry.map_err(io_err(&quarantine))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let scorecard = format!("{}-{candidate}.", DocKind::Scorecard);
            if DocKind::PER_CANDIDATE.iter().any(|k| name.starts_with(&format!("{k}-{candidate}-")))
                || name.starts_with(&scorecard)
            {
                fs::remove_file(entry.path()).map_err(io_err(&entry.path()))?;
            }
        }
        Ok(removed)
    }

    /// The directories of this candidate's scorecards (any reviewer's), even empty ones.
    fn scorecard_dirs_of(&self, candidate: &str) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.root.join("docs").join(DocKind::Scorecard.dir_name());
        let Ok(entries) = fs::read_dir(&dir) else { return Ok(Vec::new()) };
        let prefix = format!("{candidate}.");
        let mut dirs = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_err(&dir))?;
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                dirs.push(entry.path());
            }
        }
        Ok(dirs)
    }

    /// Ids of this candidate's scorecards held here (one per reviewer who scored), sorted.
    pub fn scorecards_of(&self, candidate: &str) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::new();
        for dir in self.scorecard_dirs_of(candidate)? {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if validate_id(DocKind::Scorecard, &name).is_ok() && has_doc_files(&dir).map_err(io_err(&dir))? {
                ids.push(name);
            }
        }
        let prefix = format!("{candidate}.");
        ids.extend(self.pack_index().ids(DocKind::Scorecard).filter(|id| id.starts_with(&prefix)).cloned());
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// Whether any document of this candidate is here (even an empty directory of one).
    pub fn has_candidate_docs(&self, candidate: &str) -> bool {
        DocKind::PER_CANDIDATE.iter().any(|k| *k != DocKind::Scorecard && self.doc_dir_exists(*k, candidate))
            || self.scorecard_dirs_of(candidate).is_ok_and(|d| !d.is_empty())
            || self
                .pack_index()
                .ids(DocKind::Scorecard)
                .any(|id| DocKind::Scorecard.candidate_of(id) == Some(candidate))
    }

    /// Exports the app wrote into this data directory (`exports/<folder>/summary.json` naming
    /// the candidate): copies of the submission, so they go with it. Exports written elsewhere
    /// are the user's files (the audit log lists them).
    fn remove_exports_of(&self, candidate: &str) -> Result<usize, StoreError> {
        let exports = self.root.join("exports");
        let Ok(entries) = fs::read_dir(&exports) else { return Ok(0) };
        let mut removed = 0;
        for entry in entries {
            let dir = entry.map_err(io_err(&exports))?.path();
            let Ok(text) = fs::read_to_string(dir.join("summary.json")) else { continue };
            let named = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .is_some_and(|v| v["candidate"]["id"].as_str() == Some(candidate));
            if named {
                fs::remove_dir_all(&dir).map_err(io_err(&dir))?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}
