//! The local store: one data directory holding the node's secret key, the documents (standard
//! Automerge binary, saved incrementally and compacted now and then), a quarantine for corrupt
//! files, and the content-addressed blob area for recordings.
//!
//! ```text
//! DATA/
//!   node.key                         32-byte node secret key (0600)
//!   docs/<kind>/<id>/snapshot-H.am   a full Automerge save
//!   docs/<kind>/<id>/inc-H.am        changes saved after it (H = BLAKE3 of the file, 16 hex)
//!                                    (scorecards: <id> = <candidate>.<reviewer>)
//!   docs/packs/pack-H.pack           many documents saved together, in one file (see
//!                                    `store::pack`); later changes go to their directories
//!   quarantine/                      corrupt files moved aside (deleted with their candidate)
//!   doc-files-verified               document files already checked, so opening does not
//!                                    read them again (see `store::verified`)
//!   deleted/<candidate>              a deleted candidate (ids only): their documents are never
//!                                    saved again; lists recordings still to remove, if any
//!   blobs/                           recordings, keyed by BLAKE3
//! ```
//!
//! Every file is written atomically and named by its content, so a crash leaves either a whole
//! file or none, two processes never overwrite each other's files, and loading a document is
//! "load its pack entries, if any, and every file in its directory" (Automerge merges repeated
//! changes idempotently).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use automerge::{AutoCommit, ChangeHash};
use tracing::{debug, warn};

use crate::doc::DocError;
use crate::fsutil::{remove_stale_temp_files, sync_dir, write_atomic, write_atomic_with_mode};
use verified::stamps;

mod batch;
mod deletion;
mod listing;
mod loading;
mod pack;
mod repack;
mod verified;

pub use batch::{NewContents, NewDoc};
pub use listing::DocFiles;
pub use pack::{PACK_AT_MOST, PACK_FROM};
pub use repack::Repacked;

/// Saved increments of a document before they are folded into a new snapshot.
const COMPACT_AFTER_INCREMENTS: usize = 16;
const KEY_FILE: &str = "node.key";

/// The kinds of document the store holds, each in its own directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum DocKind {
    Campaign,
    Roster,
    Submission,
    Reviews,
    /// A candidate's name and email (see `doc::contact`).
    Contact,
    /// One reviewer's scores of one submission (see `doc::scorecard`); id
    /// `<candidate>.<reviewer>` ([`crate::ids::scorecard_id`]).
    Scorecard,
}

impl DocKind {
    pub const ALL: [DocKind; 6] = [
        DocKind::Campaign,
        DocKind::Roster,
        DocKind::Submission,
        DocKind::Reviews,
        DocKind::Contact,
        DocKind::Scorecard,
    ];

    /// The kinds of document that belong to one candidate (id = candidate id, or for scorecards
    /// an id starting with it: [`DocKind::candidate_of`]): deleting the candidate deletes them.
    pub const PER_CANDIDATE: [DocKind; 4] =
        [DocKind::Submission, DocKind::Reviews, DocKind::Contact, DocKind::Scorecard];

    /// The candidate a document of this kind belongs to, from its id (`None` for campaign-wide
    /// kinds and malformed ids).
    pub fn candidate_of(self, id: &str) -> Option<&str> {
        match self {
            DocKind::Campaign | DocKind::Roster => None,
            DocKind::Submission | DocKind::Reviews | DocKind::Contact => Some(id),
            DocKind::Scorecard => crate::ids::parse_scorecard_id(id).and(id.split_once('.')).map(|(c, _)| c),
        }
    }

    pub fn dir_name(self) -> &'static str {
        match self {
            DocKind::Campaign => "campaign",
            DocKind::Roster => "roster",
            DocKind::Submission => "submission",
            DocKind::Reviews => "reviews",
            DocKind::Contact => "contact",
            DocKind::Scorecard => "scorecard",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dir_name())
    }
}

impl FromStr for DocKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        DocKind::ALL.into_iter().find(|k| k.dir_name() == s).ok_or(())
    }
}

/// What can go wrong in the store. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}{}", path.display(), hint(source))]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: the node key file is damaged ({reason}); move it away to start as a new node (peers will not recognise it)", path.display())]
    BadKey { path: PathBuf, reason: String },
    #[error("no {kind} document with id {id}")]
    NotFound { kind: DocKind, id: String },
    #[error("{prefix:?} matches several ids ({}); type more of the id", matches.join(", "))]
    Ambiguous { prefix: String, matches: Vec<String> },
    #[error("a {kind} document with id {id} already exists")]
    AlreadyExists { kind: DocKind, id: String },
    #[error("{kind} document {id}: {source}")]
    Doc { kind: DocKind, id: String, source: DocError },
    #[error("{kind} document {id} could not be read: every file of it was corrupt and has been moved to {}", quarantine.display())]
    AllCorrupt { kind: DocKind, id: String, quarantine: PathBuf },
    #[error("candidate {id}'s submission was deleted; its {kind} document is not kept")]
    Deleted { kind: DocKind, id: String },
}

fn hint(e: &io::Error) -> &'static str {
    if e.raw_os_error() == Some(28) {
        " (the disk is full: free some space and try again; nothing already saved was lost)"
    } else if e.kind() == io::ErrorKind::PermissionDenied {
        " (check the permissions of the data directory)"
    } else {
        ""
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}

/// A file found corrupt, and where it was moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreProblem {
    pub path: PathBuf,
    pub moved_to: Option<PathBuf>,
    pub reason: String,
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is corrupt ({})", self.path.display(), self.reason)?;
        match &self.moved_to {
            Some(to) => write!(f, "; it was moved to {} and the rest of the store is usable", to.display()),
            None => write!(f, "; it could not be moved aside"),
        }
    }
}

/// A document loaded from the store, with what is needed to save only what changed.
#[derive(Clone, Debug)]
pub struct StoredDoc {
    pub kind: DocKind,
    pub id: String,
    pub doc: AutoCommit,
    saved_heads: Vec<ChangeHash>,
    /// Files whose contents `doc` holds; compaction may delete exactly these.
    files: Vec<PathBuf>,
    /// Pack entries whose contents `doc` holds (see `store::pack`).
    packed: Vec<pack::PackEntry>,
    /// The directory's modification time when it was last listed in full, if that time was
    /// settled (old enough that a file added in the same clock tick would have changed it):
    /// while it stays the same, [`Store::refresh`] has nothing to read (a session refreshes
    /// every document it serves each round).
    listed: Option<std::time::SystemTime>,
}

impl StoredDoc {
    /// A document with nothing in it yet, held nowhere.
    fn empty(kind: DocKind, id: &str) -> Self {
        StoredDoc {
            kind,
            id: id.to_owned(),
            doc: AutoCommit::new(),
            saved_heads: Vec::new(),
            files: Vec::new(),
            packed: Vec::new(),
            listed: None,
        }
    }
}

/// The data directory.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    secret_key: [u8; 32],
    problems: std::sync::Mutex<Vec<StoreProblem>>,
    upload_lock: std::sync::Mutex<()>,
    /// Saves made through this `Store`, per kind (in `DocKind::ALL` order): lets an in-memory
    /// index notice this process's own changes without touching the disk.
    saves: [std::sync::atomic::AtomicU64; DocKind::ALL.len()],
    /// Document files read (and checked) by this `Store`: tells tests and logs how much an
    /// open or a session cost.
    files_read: std::sync::atomic::AtomicU64,
    /// Documents loaded (decoded by Automerge) by this `Store`, likewise.
    loads: std::sync::atomic::AtomicU64,
    /// The packs on disk as last listed ([`Store::pack_index`]).
    packs: std::sync::RwLock<std::sync::Arc<pack::PackIndex>>,
}

const UPLOAD_PROGRESS_FILE: &str = "upload-progress";
/// When and how each campaign's employer side was last reached (for `status`).
const CONTACTS_FILE: &str = "contacts";

impl Store {
    /// Open (creating if needed) the store at `root`. Every document file not checked before
    /// (see `store::verified`) is checked; corrupt files are moved to `quarantine/` and listed
    /// in [`Store::problems`], the rest stays usable.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let root = root.into();
        for dir in ["docs", "quarantine", "blobs", "memberships", "deleted"] {
            let p = root.join(dir);
            fs::create_dir_all(&p).map_err(io_err(&p))?;
        }
        for name in DocKind::ALL.map(DocKind::dir_name).into_iter().chain([pack::PACK_DIR]) {
            let p = root.join("docs").join(name);
            fs::create_dir_all(&p).map_err(io_err(&p))?;
        }
        // Interviews are personal data: only the owner may enter the data directory.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&root, fs::Permissions::from_mode(0o700)).map_err(io_err(&root))?;
        }
        remove_stale_temp_files(&root).map_err(io_err(&root))?;
        let secret_key = load_or_create_key(&root.join(KEY_FILE))?;
        let store = Store {
            root,
            secret_key,
            problems: std::sync::Mutex::new(Vec::new()),
            upload_lock: std::sync::Mutex::new(()),
            saves: Default::default(),
            files_read: std::sync::atomic::AtomicU64::new(0),
            loads: std::sync::atomic::AtomicU64::new(0),
            packs: std::sync::RwLock::default(),
        };
        store.check_unverified()?;
        Ok(store)
    }

    /// Note files this store just wrote (whole, named by their contents) as verified.
    fn note_verified(&self, kind: DocKind, id: &str, files: &[PathBuf]) {
        let entries: Vec<_> = stamps(kind, id, files).collect();
        if let Err(e) = verified::append(&self.root, &entries) {
            debug!(error = %e, "could not add to the record of verified documents; checked at the next open");
        }
    }

    /// How many document files this `Store` has read (and checked) since it was opened.
    pub fn files_read(&self) -> u64 {
        self.files_read.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many documents this `Store` has loaded since it was opened.
    pub fn loads(&self) -> u64 {
        self.loads.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where recordings live (the blob store's directory).
    pub fn blobs_dir(&self) -> PathBuf {
        self.root.join("blobs")
    }

    /// The node's persistent 32-byte secret key (its identity towards peers).
    pub fn node_secret_key(&self) -> [u8; 32] {
        self.secret_key
    }

    /// Remember a ticket this node joined with (candidate or reviewer side), to sync later.
    pub fn save_membership(&self, ticket: &crate::ticket::Ticket) -> Result<(), StoreError> {
        let invitee = ticket.invitee.id();
        let path = self.root.join("memberships").join(format!("{}-{invitee}.ticket", ticket.campaign));
        write_atomic(&path, ticket.encode().as_bytes()).map_err(io_err(&path))
    }

    /// The tickets this node joined with, oldest first.
    pub fn memberships(&self) -> Result<Vec<crate::ticket::Ticket>, StoreError> {
        let dir = self.root.join("memberships");
        let mut out = Vec::new();
        let mut paths: Vec<PathBuf> =
            fs::read_dir(&dir).map_err(io_err(&dir))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok());
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ticket")) {
            let text = fs::read_to_string(&path).map_err(io_err(&path))?;
            match crate::ticket::Ticket::decode(&text) {
                Ok(t) => out.push(t),
                Err(e) => warn!(path = %path.display(), error = %e, "unreadable membership ticket"),
            }
        }
        Ok(out)
    }

    /// Record how peers reach the running employer node (written by `serve`, read by `invite`).
    pub fn save_node_address(&self, node: &crate::ticket::TicketNode) -> Result<(), StoreError> {
        let path = self.root.join("node-address");
        let bytes = postcard::to_stdvec(node).map_err(|e| io_err(&path)(io::Error::other(e)))?;
        write_atomic(&path, &bytes).map_err(io_err(&path))
    }

    /// The addresses the employer node last listened on, if it ever ran.
    pub fn node_address(&self) -> Option<crate::ticket::TicketNode> {
        let bytes = fs::read(self.root.join("node-address")).ok()?;
        postcard::from_bytes(&bytes).ok()
    }

    /// Bytes of each recording (by hash) that this node has sent to the employer side, as far
    /// as its uploads got; kept across restarts so `status` can show "uploading n%".
    pub fn upload_progress(&self) -> std::collections::BTreeMap<String, u64> {
        fs::read(self.root.join(UPLOAD_PROGRESS_FILE))
            .ok()
            .and_then(|bytes| postcard::from_bytes(&bytes).ok())
            .unwrap_or_default()
    }

    /// Record that `sent` bytes of recording `hash` have reached the employer side. Progress
    /// only moves forward.
    pub fn record_upload(&self, hash: &str, sent: u64) -> Result<(), StoreError> {
        let _guard = self.upload_lock.lock();
        let mut progress = self.upload_progress();
        let entry = progress.entry(hash.to_owned()).or_default();
        if *entry >= sent {
            return Ok(());
        }
        *entry = sent;
        let path = self.root.join(UPLOAD_PROGRESS_FILE);
        let bytes = postcard::to_stdvec(&progress).map_err(|e| io_err(&path)(io::Error::other(e)))?;
        write_atomic(&path, &bytes).map_err(io_err(&path))
    }

    /// When and how the employer side of each campaign was last reached (campaign id to
    /// (time in ms, "direct (ADDR)" or "via relay URL")).
    pub fn contacts(&self) -> std::collections::BTreeMap<String, (i64, String)> {
        fs::read(self.root.join(CONTACTS_FILE))
            .ok()
            .and_then(|bytes| postcard::from_bytes(&bytes).ok())
            .unwrap_or_default()
    }

    /// Note that the employer side of `campaign` was reached just now, and how.
    pub fn save_contact(
        &self,
        campaign: &crate::ids::CampaignId,
        path: &str,
        at: crate::time::Timestamp,
    ) -> Result<(), StoreError> {
        let _guard = self.upload_lock.lock();
        let mut contacts = self.contacts();
        contacts.insert(campaign.to_string(), (at.0, path.to_owned()));
        let file = self.root.join(CONTACTS_FILE);
        let bytes = postcard::to_stdvec(&contacts).map_err(|e| io_err(&file)(io::Error::other(e)))?;
        write_atomic(&file, &bytes).map_err(io_err(&file))
    }

    /// Corrupt files found since the store was opened.
    pub fn problems(&self) -> Vec<StoreProblem> {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }

    fn doc_dir(&self, kind: DocKind, id: &str) -> PathBuf {
        self.root.join("docs").join(kind.dir_name()).join(id)
    }

    /// Ids of the documents of one kind, sorted.
    pub fn list(&self, kind: DocKind) -> Result<Vec<String>, StoreError> {
        let dir = self.root.join("docs").join(kind.dir_name());
        let mut ids = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let entry = entry.map_err(io_err(&dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && has_doc_files(&entry.path()).map_err(io_err(&dir))? {
                ids.push(name);
            }
        }
        ids.extend(self.pack_index().ids(kind).cloned());
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// How many saves of documents of this kind this process made (through this `Store`).
    pub fn saves(&self, kind: DocKind) -> u64 {
        self.saves[kind as usize].load(std::sync::atomic::Ordering::SeqCst)
    }

    fn count_save(&self, kind: DocKind) {
        self.saves[kind as usize].fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// The names of a document's files (and pack entries), sorted: they are named by their
    /// content, so this changes exactly when someone (this process or another) saved the
    /// document. One directory read.
    pub fn revision(&self, kind: DocKind, id: &str) -> Result<Vec<String>, StoreError> {
        validate_id(kind, id)?;
        let packed = self.packed(kind, id);
        let mut names = match self.dir_names(kind, id) {
            Ok(names) => names,
            Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound && !packed.is_empty() => {
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        names.extend(packed.iter().map(pack::PackEntry::name));
        names.sort();
        Ok(names)
    }

    /// The names of the files in a document's directory, sorted.
    fn dir_names(&self, kind: DocKind, id: &str) -> Result<Vec<String>, StoreError> {
        let dir = self.doc_dir(kind, id);
        let mut names = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let name = entry.map_err(io_err(&dir))?.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    pub fn exists(&self, kind: DocKind, id: &str) -> bool {
        validate_id(kind, id).is_ok()
            && (has_doc_files(&self.doc_dir(kind, id)).unwrap_or(false) || !self.packed(kind, id).is_empty())
    }

    /// Save a new document. Fails if one with that id exists.
    pub fn create(&self, kind: DocKind, id: &str, mut doc: AutoCommit) -> Result<StoredDoc, StoreError> {
        validate_id(kind, id)?;
        self.refuse_deleted(kind, id)?;
        let dir = self.doc_dir(kind, id);
        // A directory left empty (a crash right after creating it, or every file quarantined)
        // does not count as an existing document.
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        if has_doc_files(&dir).map_err(io_err(&dir))? || !self.packed(kind, id).is_empty() {
            return Err(StoreError::AlreadyExists { kind, id: id.to_owned() });
        }
        let parent = dir.parent().unwrap_or(&self.root).to_owned();
        sync_dir(&parent).map_err(io_err(&parent))?;
        let bytes = doc.save();
        let path = dir.join(file_name("snapshot", &bytes));
        if let Err(e) = write_atomic(&path, &bytes) {
            let _ = fs::remove_dir(&dir);
            return Err(io_err(&path)(e));
        }
        self.count_save(kind);
        self.note_verified(kind, id, std::slice::from_ref(&path));
        debug!(%kind, id, bytes = bytes.len(), "document created");
        Ok(StoredDoc {
            kind,
            id: id.to_owned(),
            saved_heads: doc.get_heads(),
            doc,
            files: vec![path],
            packed: Vec::new(),
            listed: None,
        })
    }

    /// Whether any file or directory of this document is on disk (even an empty directory).
    pub fn doc_dir_exists(&self, kind: DocKind, id: &str) -> bool {
        validate_id(kind, id).is_ok() && (self.doc_dir(kind, id).exists() || !self.packed(kind, id).is_empty())
    }

    /// A document not yet on disk, to be filled by a peer: [`Self::save`] creates it with its
    /// first changes, and [`Self::refresh`] picks up a copy another process created meanwhile.
    pub fn unsaved(&self, kind: DocKind, id: &str) -> Result<StoredDoc, StoreError> {
        validate_id(kind, id)?;
        self.refuse_deleted(kind, id)?;
        Ok(StoredDoc::empty(kind, id))
    }

    /// Save what changed in `stored` since it was loaded or last saved; compacts now and then.
    pub fn save(&self, stored: &mut StoredDoc) -> Result<(), StoreError> {
        let bytes = stored.doc.save_after(&stored.saved_heads);
        if bytes.is_empty() {
            return Ok(());
        }
        // A session that loaded the document before the candidate was deleted must not bring
        // it back.
        self.refuse_deleted(stored.kind, &stored.id)?;
        // The first save of a document made by `unsaved`, or of changes to a packed one.
        let dir = self.ensure_doc_dir(stored.kind, &stored.id)?;
        let path = dir.join(file_name("inc", &bytes));
        write_atomic(&path, &bytes).map_err(io_err(&path))?;
        self.note_verified(stored.kind, &stored.id, std::slice::from_ref(&path));
        stored.files.push(path);
        stored.saved_heads = stored.doc.get_heads();
        self.count_save(stored.kind);
        let increments = stored.files.iter().filter(|p| is_increment(p)).count();
        if increments >= COMPACT_AFTER_INCREMENTS {
            self.compact(stored)?;
        }
        Ok(())
    }

    /// Replace a document by another history (`stored.doc` need not continue the one on disk):
    /// one snapshot of it, then every other file of the document goes, those of other processes
    /// too (loading merges every file, which would bring the old history back). For Reviews
    /// documents rewritten without the scores written before scorecards (`crate::legacy`). A
    /// crash between the two leaves both histories, which `crate::legacy` recognises and
    /// rewrites again.
    pub fn replace(&self, stored: &mut StoredDoc) -> Result<(), StoreError> {
        validate_id(stored.kind, &stored.id)?;
        self.refuse_deleted(stored.kind, &stored.id)?;
        let dir = self.doc_dir(stored.kind, &stored.id);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        // Every file of the document on disk goes once the snapshot is written, not only those
        // `stored` loaded: compacting does exactly that with the files it is given.
        let mut on_disk = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let path = entry.map_err(io_err(&dir))?.path();
            if path.extension().is_some_and(|e| e == "am") {
                on_disk.push(path);
            }
        }
        stored.files = on_disk;
        self.compact(stored)?;
        let (kind, id) = (stored.kind, stored.id.clone());
        self.remove_from_packs(&|k, i, _| k == kind && i == id)?;
        stored.packed.clear();
        stored.listed = None;
        self.count_save(stored.kind);
        debug!(kind = %stored.kind, id = stored.id, "document replaced by another history");
        Ok(())
    }

    /// The document's directory, made (and flushed into its parent) if it is not there: a new
    /// document, or a packed one (`store::pack`) whose files went into a pack meanwhile.
    fn ensure_doc_dir(&self, kind: DocKind, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.doc_dir(kind, id);
        match fs::create_dir(&dir) {
            Ok(()) => {
                let parent = dir.parent().unwrap_or(&self.root).to_owned();
                sync_dir(&parent).map_err(io_err(&parent))?;
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err(&dir)(e)),
        }
        Ok(dir)
    }

    /// Replace the document's files with one snapshot of everything it holds.
    pub fn compact(&self, stored: &mut StoredDoc) -> Result<(), StoreError> {
        let dir = self.ensure_doc_dir(stored.kind, &stored.id)?;
        let bytes = stored.doc.save();
        let path = dir.join(file_name("snapshot", &bytes));
        write_atomic(&path, &bytes).map_err(io_err(&path))?;
        self.note_verified(stored.kind, &stored.id, std::slice::from_ref(&path));
        // The new snapshot holds everything in these files: they can go.
        for old in std::mem::take(&mut stored.files) {
            if old != path {
                match fs::remove_file(&old) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(io_err(&old)(e)),
                }
            }
        }
        sync_dir(&dir).map_err(io_err(&dir))?;
        stored.files = vec![path];
        stored.saved_heads = stored.doc.get_heads();
        debug!(kind = %stored.kind, id = stored.id, bytes = bytes.len(), "document compacted");
        Ok(())
    }
}

/// Files are named after the BLAKE3 of their contents; a mismatch means damage or truncation.
/// (`load_incremental` alone skips a damaged tail with only a warning, and an increment cannot
/// be parsed strictly on its own because its dependencies live in other files.)
fn check_content_hash(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let expected = name.rsplit_once('-').and_then(|(_, rest)| rest.strip_suffix(".am"));
    match expected {
        Some(hex) if hex.len() == 16 => {
            if blake3::hash(bytes).to_hex().starts_with(hex) {
                Ok(())
            } else {
                Err(format!("its {} bytes do not match the checksum in its name: damaged or truncated", bytes.len()))
            }
        }
        // Not named by us (e.g. copied in by hand): Automerge's own checks are all we have.
        _ => Ok(()),
    }
}

/// Whether a directory whose time is `mtime`, looked at `at`, has settled: a file added in the
/// same tick of the file system's clock as that look could leave its time unchanged (some file
/// systems count in seconds); two seconds later it cannot.
fn settled(mtime: std::time::SystemTime, at: std::time::SystemTime) -> bool {
    at.duration_since(mtime).is_ok_and(|age| age > std::time::Duration::from_secs(2))
}

fn dir_mtime(dir: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(dir).and_then(|m| m.modified()).ok()
}

fn has_doc_files(dir: &Path) -> io::Result<bool> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                if entry?.path().extension().is_some_and(|e| e == "am") {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

fn is_increment(p: &Path) -> bool {
    p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("inc-"))
}

fn file_name(prefix: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes);
    format!("{prefix}-{}.am", &hash.to_hex()[..16])
}

fn validate_id(kind: DocKind, id: &str) -> Result<(), StoreError> {
    let plain = |id: &str| {
        !id.is_empty()
            && id.len() <= 64
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    let ok = match kind {
        DocKind::Scorecard => crate::ids::parse_scorecard_id(id).is_some(),
        _ => plain(id),
    };
    if ok { Ok(()) } else { Err(StoreError::NotFound { kind, id: id.to_owned() }) }
}

fn load_or_create_key(path: &Path) -> Result<[u8; 32], StoreError> {
    match fs::read(path) {
        Ok(bytes) => <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| StoreError::BadKey {
            path: path.to_owned(),
            reason: format!("{} bytes instead of 32", bytes.len()),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut key = [0u8; 32];
            getrandom::fill(&mut key).map_err(|e| io_err(path)(io::Error::other(e)))?;
            write_atomic_with_mode(path, &key, 0o600).map_err(io_err(path))?;
            Ok(key)
        }
        Err(e) => Err(io_err(path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::{ROOT, ReadDoc, transaction::Transactable};

    /// A document whose counter "n" is `n`.
    pub(super) fn with_counter(n: i64) -> AutoCommit {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "n", n).expect("put");
        doc
    }

    pub(super) fn counter(doc: &AutoCommit) -> i64 {
        match doc.get(ROOT, "n").expect("get") {
            Some((automerge::Value::Scalar(v), _)) => v.as_i64().expect("int"),
            _ => -1,
        }
    }

    #[test]
    fn saves_incrementally_compacts_and_reloads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "n", 0i64).expect("put");
        let mut stored = store.create(DocKind::Campaign, "abc", doc).expect("create");
        for n in 1..=40i64 {
            stored.doc.put(ROOT, "n", n).expect("put");
            store.save(&mut stored).expect("save");
        }
        let files = fs::read_dir(dir.path().join("docs/campaign/abc")).expect("ls").count();
        assert!(files <= COMPACT_AFTER_INCREMENTS, "compaction keeps the file count bounded, got {files}");
        let reloaded = store.load(DocKind::Campaign, "abc").expect("load");
        assert_eq!(counter(&reloaded.doc), 40);
        assert_eq!(store.list(DocKind::Campaign).expect("list"), vec!["abc".to_owned()]);
        assert!(store.problems().is_empty());
    }

    pub(super) fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).expect("ls") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn saving_nothing_new_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut stored = store.create(DocKind::Roster, "r", AutoCommit::new()).expect("create");
        store.save(&mut stored).expect("save");
        assert_eq!(fs::read_dir(dir.path().join("docs/roster/r")).expect("ls").count(), 1);
    }

    #[test]
    fn another_process_changes_are_picked_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        let mut a = store.create(DocKind::Submission, "s", AutoCommit::new()).expect("create");
        let other = Store::open(dir.path()).expect("open again");
        let mut b = other.load(DocKind::Submission, "s").expect("load");
        b.doc.put(ROOT, "n", 7i64).expect("put");
        other.save(&mut b).expect("save");
        store.refresh(&mut a).expect("refresh");
        assert_eq!(counter(&a.doc), 7);
    }

    /// Interviews are personal data: the data directory is the owner's alone, and so is every
    /// document file, even where the directory was made readable by others before.
    #[cfg(unix)]
    #[test]
    fn the_data_directory_and_its_documents_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        let store = Store::open(dir.path()).expect("open");
        let mut stored = store.create(DocKind::Campaign, "abc", AutoCommit::new()).expect("create");
        stored.doc.put(ROOT, "n", 1i64).expect("put");
        store.save(&mut stored).expect("save");
        let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(dir.path()), 0o700);
        for entry in fs::read_dir(dir.path().join("docs/campaign/abc")).expect("ls") {
            assert_eq!(mode(&entry.expect("entry").path()), 0o600);
        }
    }

    #[test]
    fn key_is_persistent_and_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = Store::open(dir.path()).expect("open").node_secret_key();
        assert_eq!(Store::open(dir.path()).expect("open").node_secret_key(), key);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join(KEY_FILE)).expect("stat").permissions().mode();
            assert_eq!(mode & 0o077, 0, "the key must not be readable by others");
        }
        fs::write(dir.path().join(KEY_FILE), b"short").expect("write");
        let err = Store::open(dir.path()).expect_err("damaged key");
        assert!(err.to_string().contains("node.key"), "{err}");
    }

    #[test]
    fn rejects_path_like_ids() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        assert!(store.create(DocKind::Campaign, "../x", AutoCommit::new()).is_err());
        assert!(matches!(store.load(DocKind::Campaign, "../../etc"), Err(StoreError::NotFound { .. })));
    }
}
