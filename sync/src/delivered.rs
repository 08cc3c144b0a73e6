//! What each candidate delivered to this employer-side node: every recording (fragment or take)
//! fetched from them and verified, and every byte ever fetched for them. It survives restarts
//! (one small file per candidate in `delivered/`), so a candidate's quota counts all their
//! retakes and retries, not only the takes their submission names today; and "received" is
//! written only for recordings this candidate (or a hub acting for the employer) delivered, not
//! for a hash that merely happens to be here already from someone else.
//!
//! File format (text, written atomically): `bytes N` on the first line, then one hash (hex) per
//! line.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::fsutil::write_atomic;
use crate::ids::CandidateId;

/// What one candidate delivered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Every byte fetched for this candidate, retakes and repeated proofs included.
    pub bytes: u64,
    /// Recordings (BLAKE3, hex) this candidate delivered and this node verified.
    pub hashes: BTreeSet<String>,
}

impl Delivered {
    fn parse(text: &str) -> Option<Delivered> {
        let mut lines = text.lines();
        let bytes = lines.next()?.strip_prefix("bytes ")?.parse().ok()?;
        let mut hashes = BTreeSet::new();
        for line in lines {
            if line.len() != 64 || !line.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            hashes.insert(line.to_owned());
        }
        Some(Delivered { bytes, hashes })
    }

    fn render(&self) -> String {
        let mut out = format!("bytes {}\n", self.bytes);
        for h in &self.hashes {
            out.push_str(h);
            out.push('\n');
        }
        out
    }
}

/// The ledger of a data directory. Updates are serialised within the process.
#[derive(Debug)]
pub struct Ledger {
    dir: PathBuf,
    lock: std::sync::Mutex<()>,
}

impl Ledger {
    pub fn open(root: &Path) -> Ledger {
        Ledger { dir: root.join("delivered"), lock: std::sync::Mutex::new(()) }
    }

    fn path(&self, candidate: &CandidateId) -> PathBuf {
        self.dir.join(candidate.as_str())
    }

    /// What `candidate` delivered so far. A damaged file counts as a full quota (the candidate is
    /// asked for nothing more until someone looks), never as a fresh start.
    pub fn get(&self, candidate: &CandidateId) -> Delivered {
        match std::fs::read_to_string(self.path(candidate)) {
            Ok(text) => Delivered::parse(&text).unwrap_or_else(|| {
                tracing::warn!(%candidate, "the delivered-recordings ledger is damaged; counting the quota as used");
                Delivered { bytes: u64::MAX, hashes: BTreeSet::new() }
            }),
            Err(_) => Delivered::default(),
        }
    }

    /// Count `bytes` fetched for `candidate` and, when `hash` is given, note it as delivered.
    pub fn record(&self, candidate: &CandidateId, hash: Option<&str>, bytes: u64) -> io::Result<Delivered> {
        let _guard = self.lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut d = self.get(candidate);
        d.bytes = d.bytes.saturating_add(bytes);
        if let Some(h) = hash {
            d.hashes.insert(h.to_owned());
        }
        std::fs::create_dir_all(&self.dir)?;
        write_atomic(&self.path(candidate), d.render().as_bytes())?;
        Ok(d)
    }

    /// Forget a candidate (their submission was deleted).
    pub fn forget(&self, candidate: &CandidateId) -> io::Result<()> {
        match std::fs::remove_file(self.path(candidate)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_survive_a_reopen_and_damage_counts_as_full() {
        let dir = tempfile::tempdir().expect("tempdir");
        let c = CandidateId::random();
        let ledger = Ledger::open(dir.path());
        assert_eq!(ledger.get(&c), Delivered::default());
        ledger.record(&c, Some(&"a".repeat(64)), 100).expect("record");
        ledger.record(&c, None, 50).expect("record");
        let again = Ledger::open(dir.path()).get(&c);
        assert_eq!(again.bytes, 150);
        assert!(again.hashes.contains(&"a".repeat(64)));
        std::fs::write(dir.path().join("delivered").join(c.as_str()), "bytes lots\n").expect("damage");
        assert_eq!(Ledger::open(dir.path()).get(&c).bytes, u64::MAX);
        ledger.forget(&c).expect("forget");
        assert_eq!(ledger.get(&c), Delivered::default());
    }
}
