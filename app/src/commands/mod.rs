//! Command-line subcommands. Each prints for people on stdout (ids alone where scripts need
//! them) and returns errors that say what to do.

pub mod campaign;
pub mod lifecycle;
pub mod messages;
pub mod p2p;
pub mod playback;
pub mod record;
pub mod review;

use std::path::Path;

use anyhow::Result;
use peerview_sync::Store;

/// Open the store, telling the user about any corrupt file that was set aside and any take a
/// crash left behind (repaired here).
pub fn open_store(data_dir: &Path) -> Result<Store> {
    let store = crate::ops::open_store(data_dir)?;
    for problem in store.problems() {
        eprintln!("warning: {problem}");
    }
    record::recover(data_dir);
    Ok(store)
}
