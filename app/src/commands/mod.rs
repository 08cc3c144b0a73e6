//! Command-line subcommands. Each prints for people on stdout (ids alone where scripts need
//! them) and returns errors that say what to do.

pub mod campaign;
pub mod p2p;
pub mod playback;
pub mod record;
pub mod review;

use std::path::Path;

use anyhow::{Context, Result};
use peerview_sync::Store;

/// Open the store, telling the user about any corrupt file that was set aside.
pub fn open_store(data_dir: &Path) -> Result<Store> {
    let store = Store::open(data_dir).with_context(|| format!("opening the data directory {}", data_dir.display()))?;
    for problem in store.problems() {
        eprintln!("warning: {problem}");
    }
    record::recover(data_dir);
    Ok(store)
}
