//! The audit log: what happened to personal data on this node (deletions, exports, withdrawal
//! requests), who did it and when, by ids only. One JSON object per line in `DATA/audit.log`
//! (0600), appended and flushed to disk; never rewritten.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

const FILE: &str = "audit.log";

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// This node deleted a submission (the employer side, or the end of retention).
    Delete,
    /// This node removed its copy of a submission deleted elsewhere (a replicated tombstone).
    Purge,
    /// A candidate asked for their submission to be deleted.
    Withdrawal,
    /// A submission or a recording was copied out of Peerview.
    Export,
}

/// One line of the log. No names, emails or answers: ids and times only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    pub action: Action,
    /// Who: the endpoint id (hex) of the node that acted, or "retention" for expiry.
    pub by: String,
    pub campaign: String,
    pub candidate: String,
    /// Why, or what (for exports: what was exported, e.g. "summary" or a recording's hash).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Entry {
    pub fn new(action: Action, by: &str, campaign: &str, candidate: &str, detail: Option<String>) -> Self {
        Entry {
            at: Timestamp::now().millis(),
            action,
            by: by.to_owned(),
            campaign: campaign.to_owned(),
            candidate: candidate.to_owned(),
            detail,
        }
    }
}

/// Append one entry to the data directory's audit log.
pub fn record(root: &Path, entry: &Entry) -> io::Result<()> {
    let path = root.join(FILE);
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    let mut line = serde_json::to_string(entry).map_err(io::Error::other)?;
    line.push('\n');
    file.write_all(line.as_bytes())?;
    file.sync_data()
}

/// Every entry of the log, oldest first; lines that cannot be read are skipped and counted.
pub fn read(root: &Path) -> io::Result<(Vec<Entry>, usize)> {
    let text = match std::fs::read_to_string(root.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let mut bad = 0;
    let entries = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).map_err(|_| bad += 1).ok())
        .collect();
    Ok((entries, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_and_reads_back_skipping_damage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = Entry::new(Action::Delete, "ab12", "camp", "cand", Some("employer".into()));
        let b = Entry::new(Action::Export, "ab12", "camp", "cand", None);
        record(dir.path(), &a).expect("record");
        std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(FILE))
            .and_then(|mut f| f.write_all(b"{not json\n"))
            .expect("damage");
        record(dir.path(), &b).expect("record");
        assert_eq!(read(dir.path()).expect("read"), (vec![a, b], 1));
    }
}
