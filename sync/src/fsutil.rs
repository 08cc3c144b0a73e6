//! Crash-safe file writes: temp file, fsync, rename, fsync the directory. A reader sees the old
//! contents or the new, never a half-written file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Prefix of temporary files; anything with it left behind by a crash is garbage.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Write `bytes` to `path` atomically. On error (e.g. a full disk) the previous file, if any, is
/// untouched and the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with_mode(path, bytes, 0o644)
}

/// As [`write_atomic`], creating the file with the given Unix permissions (e.g. `0o600` for keys).
pub fn write_atomic_with_mode(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut suffix = [0u8; 6];
    getrandom::fill(&mut suffix).map_err(io::Error::other)?;
    let tmp = dir.join(format!("{TEMP_PREFIX}{}-{}", name.to_string_lossy(), data_encoding::HEXLOWER.encode(&suffix)));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
        #[cfg(not(unix))]
        let _ = mode;
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Make a directory's entries (new, renamed or removed files) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Remove temporary files left in `dir` by a crash in the middle of [`write_atomic`].
pub fn remove_stale_temp_files(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        // Another thread or process may be writing this very file right now (a write takes
        // milliseconds): only files left behind a while ago are leftovers of a crash.
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_none_or(|a| a < STALE_AFTER) {
            continue;
        }
        match fs::remove_file(entry.path()) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

/// Age after which a temporary file counts as left behind by a crash.
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.bin");
        write_atomic(&path, b"one").expect("write");
        write_atomic(&path, b"two").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 1);
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.bin");
        write_atomic(&path, b"old").expect("write");
        // A directory in the way of the rename makes the write fail after the temp file exists.
        let blocked = dir.path().join("sub");
        fs::create_dir(&blocked).expect("mkdir");
        fs::write(blocked.join("x"), b"x").expect("write");
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert_eq!(remove_stale_temp_files(dir.path()).expect("clean"), 0);
    }

    #[test]
    fn only_old_temp_files_are_removed_so_a_concurrent_write_survives() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fresh = dir.path().join(format!("{TEMP_PREFIX}a.am-000000"));
        let old = dir.path().join(format!("{TEMP_PREFIX}b.am-000000"));
        fs::write(&fresh, b"being written").expect("write");
        fs::write(&old, b"left by a crash").expect("write");
        let long_ago = std::time::SystemTime::now() - STALE_AFTER - std::time::Duration::from_secs(5);
        fs::File::options().write(true).open(&old).expect("open").set_modified(long_ago).expect("mtime");
        assert_eq!(remove_stale_temp_files(dir.path()).expect("clean"), 1);
        assert!(fresh.exists() && !old.exists());
    }
}
