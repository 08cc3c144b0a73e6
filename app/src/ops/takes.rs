//! Takes being recorded live in `DATA/takes/<id>/` (fragments fsynced as they are written); a
//! take a crash left "in progress" is repaired once, when a process that records starts.

use std::path::{Path, PathBuf};

use peerview_media::record::recover_takes;

/// Where takes in progress live.
pub fn takes_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("takes")
}

/// A new, unused directory for a take.
pub fn new_take_dir(data_dir: &Path) -> PathBuf {
    takes_dir(data_dir).join(format!("{}-{}", std::process::id(), peerview_sync::Timestamp::now().millis()))
}

/// What the repair of one interrupted take found.
#[derive(Debug)]
pub struct Recovered {
    pub dir: PathBuf,
    /// Bytes kept (a playable file), none if nothing playable was written yet, or why it failed.
    pub outcome: Result<Option<u64>, String>,
}

impl std::fmt::Display for Recovered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.outcome {
            Ok(Some(bytes)) => write!(
                f,
                "Recovered an interrupted take: {} ({bytes} bytes kept, playable)",
                self.dir.join(peerview_media::record::TAKE_FILE).display()
            ),
            Ok(None) => write!(f, "an interrupted take in {} had nothing playable yet", self.dir.display()),
            Err(e) => write!(f, "could not repair the interrupted take in {}: {e}", self.dir.display()),
        }
    }
}

/// Repair the takes a crash left in progress (cut back to their whole fragments).
pub fn recover(data_dir: &Path) -> Vec<Recovered> {
    recover_takes(&takes_dir(data_dir))
        .into_iter()
        .map(|(dir, result)| Recovered { dir, outcome: result.map_err(|e| e.to_string()) })
        .collect()
}
