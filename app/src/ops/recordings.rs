//! Recordings in and out of the data directory's blob store, for a process that does not run the
//! node: it opens the store itself, or, while the app or `peerview serve` holds it, asks that
//! node over the local channel. Either way the caller sees the same result.

use std::path::Path;

use anyhow::{Result, anyhow};
use peerview_sync::Store;
use peerview_sync::node::{self, NodeError};

use super::local::{self, Request};
use crate::tr;

/// Copy the complete recording `hash` to `target` (absolute); returns its size.
pub async fn export(store: &Store, hash: &str, target: &Path) -> Result<u64> {
    match node::export_blob(store, hash, target).await {
        Err(busy @ NodeError::BlobsInUse { .. }) => {
            let request = Request::Export { hash: hash.to_owned(), target: target.to_owned() };
            local::ask(store.root(), &request).await?.map(|(size, _)| size).ok_or_else(|| anyhow!("{busy}"))
        }
        other => Ok(other?),
    }
}

/// Copy the finished recording at `path` (absolute) into the store; returns its BLAKE3 hash (hex).
pub async fn add(store: &Store, path: &Path) -> Result<String> {
    match node::add_file_to_blobs(store, path).await {
        Err(busy @ NodeError::BlobsInUse { .. }) => {
            let request = Request::Add { path: path.to_owned() };
            match local::ask(store.root(), &request).await? {
                Some((_, Some(hash))) => Ok(hash),
                Some((_, None)) => Err(anyhow!(tr!("ops-recordings-no-hash"))),
                None => Err(anyhow!("{busy}")),
            }
        }
        other => Ok(other?),
    }
}
