//! The local channel's transport on Unix: a socket in the data directory (`node.sock`), mode
//! 0600 inside the 0700 directory, so only the directory's owner can connect.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tokio::net::{UnixListener, UnixStream};

use crate::tr;

/// The socket's name inside the data directory.
pub const SOCKET: &str = "node.sock";

/// Where the running node's channel is for this data directory.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

pub struct Listener(UnixListener);

impl Listener {
    pub async fn accept(&mut self) -> std::io::Result<UnixStream> {
        self.0.accept().await.map(|(stream, _)| stream)
    }
}

/// Listen on the data directory's socket; the path is removed when the channel stops. A socket
/// left behind by a process that is gone is replaced; one that answers belongs to a running node.
pub async fn listen(data_dir: &Path) -> Result<(Listener, Option<PathBuf>)> {
    use std::os::unix::fs::PermissionsExt;
    let path = socket_path(data_dir);
    if path.exists() {
        if UnixStream::connect(&path).await.is_ok() {
            bail!(tr!("ops-local-another-peerview", path = path.display().to_string()));
        }
        std::fs::remove_file(&path)
            .with_context(|| tr!("ops-local-removing-stale", path = path.display().to_string()))?;
    }
    let listener =
        UnixListener::bind(&path).with_context(|| tr!("ops-local-listening", path = path.display().to_string()))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .with_context(|| tr!("ops-local-making-private", path = path.display().to_string()))?;
    Ok((Listener(listener), Some(path)))
}

/// After the answer: the reply is written and the socket shut for writing; closing it is all.
#[expect(clippy::unused_async, reason = "the same shape as on Windows, where it waits")]
pub async fn hang_up(_stream: UnixStream) {}

/// The node's socket on `data_dir`, or `None` when no node answers there.
pub async fn connect(data_dir: &Path) -> Option<UnixStream> {
    UnixStream::connect(socket_path(data_dir)).await.ok()
}

/// One request and its reply line without an async runtime; `None` when no node answers.
pub fn exchange_blocking(data_dir: &Path, request: &super::Request) -> Result<Option<Vec<u8>>> {
    let Ok(stream) = std::os::unix::net::UnixStream::connect(socket_path(data_dir)) else { return Ok(None) };
    stream.set_read_timeout(Some(super::REQUEST_TIMEOUT))?;
    stream.set_write_timeout(Some(super::REQUEST_TIMEOUT))?;
    super::exchange_lines(stream, request).map(Some)
}
