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

use crate::tr;

/// Open the store, telling the user about any corrupt file that was set aside and any take a
/// crash left behind (repaired here).
pub fn open_store(data_dir: &Path) -> Result<Store> {
    let store = crate::ops::open_store(data_dir)?;
    for problem in store.problems() {
        let (file, reason) = (problem.path.display().to_string(), problem.reason.as_str());
        eprintln!(
            "{}",
            match &problem.moved_to {
                Some(to) =>
                    tr!("cli-store-problem-moved", file = file, reason = reason, moved_to = to.display().to_string()),
                None => tr!("cli-store-problem-kept", file = file, reason = reason),
            }
        );
    }
    record::recover(data_dir);
    Ok(store)
}
