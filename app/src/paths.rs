//! Where Peerview keeps its data on this machine: `--data-dir`, else `$PEERVIEW_DATA_DIR`, else
//! `$XDG_DATA_HOME/peerview`, else `~/.local/share/peerview`.

use std::path::PathBuf;

use anyhow::{Result, bail};

pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(xdg).join("peerview"));
    }
    match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/peerview")),
        None => bail!("cannot tell where to keep Peerview's data: HOME is not set; pass --data-dir DIR"),
    }
}
