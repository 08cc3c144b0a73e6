//! Takes being recorded live in `DATA/takes/<id>/` (fragments fsynced as they are written); a
//! take a crash left "in progress" is repaired once, when a process that records starts.

use std::path::{Path, PathBuf};

use peerview_media::record::recover_takes;

use crate::tr;

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
        let text = match &self.outcome {
            Ok(Some(bytes)) => tr!(
                "ops-take-recovered",
                file = self.dir.join(peerview_media::record::TAKE_FILE).display().to_string(),
                bytes = *bytes
            ),
            Ok(None) => tr!("ops-take-nothing-playable", dir = self.dir.display().to_string()),
            Err(e) => tr!("ops-take-not-repaired", dir = self.dir.display().to_string(), error = e.as_str()),
        };
        f.write_str(&text)
    }
}

/// Repair the takes a crash left in progress (cut back to their whole fragments).
pub fn recover(data_dir: &Path) -> Vec<Recovered> {
    recover_takes(&takes_dir(data_dir))
        .into_iter()
        .map(|(dir, result)| Recovered { dir, outcome: result.map_err(|e| e.to_string()) })
        .collect()
}
