//! The local channel: a running node (`peerview serve`, or the app) owns the data directory's
//! recordings store, which only one process can open. It answers requests from other `peerview`
//! processes of the same user, so a command run while the node runs does what it does when the
//! node is stopped. Documents need no channel: every process may save them (each save is a new
//! file, merged on load).
//!
//! The app also opens invites handed to it: `peerview gui peerview:join/...` (what a clicked
//! invite link runs) asks a running app to open the invite instead of starting a second one.
//!
//! The protocol is one JSON request line and one JSON reply line per connection. Requests are
//! small, bounded and read with a deadline; anything else is answered with an error. Only the
//! transport differs by platform, each in its own module: on Unix a socket in the data directory
//! (`node.sock`, mode 0600, in a directory that is 0700); on Windows a named pipe whose name
//! is derived from the data directory and whose security descriptor admits only the user who
//! runs the node.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use peerview_sync::node::Node;
use serde::{Deserialize, Serialize};

use crate::tr;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as transport;
#[cfg(unix)]
pub use unix::socket_path;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as transport;
#[cfg(windows)]
pub use windows::pipe_name;

/// Longest request line accepted (a hash and an absolute path).
pub const MAX_REQUEST: usize = 8 * 1024;
/// How long a client may take to send its request.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a client waits for an answer (copying a long recording takes a while).
pub const REPLY_TIMEOUT: Duration = Duration::from_mins(10);

/// What another process may ask of the running node.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Request {
    /// Copy the complete recording `hash` to `target` (an absolute path).
    Export { hash: String, target: PathBuf },
    /// Copy the file at `path` (absolute) into the recordings store; the reply carries its hash.
    Add { path: PathBuf },
    /// Remove the recordings of submissions deleted in this data directory (the reply's size
    /// is how many were removed).
    Purge,
    /// Open this invite ticket or link in the app's window.
    Open { ticket: String },
}

/// What the app does with an invite handed to it ([`Request::Open`]): show it. The text is
/// not checked here; the screens read it as they read a pasted ticket.
pub type Opener = Arc<dyn Fn(String) + Send + Sync>;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum Reply {
    /// Export: the size written. Add: the hash and size.
    Done {
        size: u64,
        hash: Option<String>,
    },
    Error(String),
}

/// The running node's side: accepts requests until stopped (or dropped), then removes the socket.
pub struct LocalChannel {
    /// What the transport leaves on disk while it listens (the Unix socket).
    leftover: Option<PathBuf>,
    task: tokio::task::JoinHandle<()>,
}

impl LocalChannel {
    /// Listen on the data directory's channel for `node`. A socket left behind by a process that
    /// is gone is replaced; if another process answers on it, this fails (it owns the store).
    pub async fn start(node: Node) -> Result<LocalChannel> {
        Self::start_opening(node, None).await
    }

    /// [`LocalChannel::start`] for the app: invites handed over go to `opener`.
    pub async fn start_opening(node: Node, opener: Option<Opener>) -> Result<LocalChannel> {
        let (mut listener, leftover) = transport::listen(node.store.root()).await?;
        let task = tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok(mut stream) => {
                        let node = node.clone();
                        let opener = opener.clone();
                        tokio::spawn(async move {
                            if let Err(e) = answer(&node, opener.as_ref(), &mut stream).await {
                                tracing::debug!(error = %e, "local request");
                            }
                            transport::hang_up(stream).await;
                        });
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "local channel: accepting a connection");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
        });
        Ok(LocalChannel { leftover, task })
    }
}

impl Drop for LocalChannel {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(path) = &self.leftover {
            // Nothing to tell anyone: a socket left behind is replaced at the next start.
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Start the channel for a node whose process has other work: a channel that cannot start
/// leaves the node running (commands then say the store is in use), with a warning in the log.
pub async fn serve_or_warn(node: &Node) -> Option<LocalChannel> {
    serve_or_warn_opening(node, None).await
}

/// [`serve_or_warn`] for the app's candidate screens: invites handed over go to `opener`.
pub async fn serve_or_warn_opening(node: &Node, opener: Option<Opener>) -> Option<LocalChannel> {
    match LocalChannel::start_opening(node.clone(), opener).await {
        Ok(channel) => Some(channel),
        Err(e) => {
            tracing::warn!(error = %format!("{e:#}"), "other peerview commands cannot use the recordings store while this runs");
            None
        }
    }
}

async fn answer<S>(node: &Node, opener: Option<&Opener>, stream: &mut S) -> Result<()>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let mut line = Vec::new();
    let mut limited = BufReader::new((&mut *stream).take(MAX_REQUEST as u64 + 1));
    tokio::time::timeout(REQUEST_TIMEOUT, limited.read_until(b'\n', &mut line))
        .await
        .map_err(|_| anyhow!("no request within {REQUEST_TIMEOUT:?}"))??;
    drop(limited);
    let reply = if line.len() > MAX_REQUEST {
        Reply::Error(tr!("ops-local-request-too-long", max = MAX_REQUEST))
    } else {
        match serde_json::from_slice::<Request>(&line) {
            Ok(request) => perform(node, opener, request).await.unwrap_or_else(|e| Reply::Error(format!("{e:#}"))),
            Err(e) => Reply::Error(tr!("ops-local-not-a-request", error = e.to_string())),
        }
    };
    let mut bytes = serde_json::to_vec(&reply)?;
    bytes.push(b'\n');
    stream.write_all(&bytes).await?;
    stream.shutdown().await?;
    Ok(())
}

async fn perform(node: &Node, opener: Option<&Opener>, request: Request) -> Result<Reply> {
    match request {
        Request::Open { ticket } => {
            let opener = opener.ok_or_else(|| anyhow!(tr!("ops-local-not-an-app")))?;
            opener(ticket);
            Ok(Reply::Done { size: 0, hash: None })
        }
        Request::Export { hash, target } => {
            if !target.is_absolute() {
                bail!(tr!("ops-local-export-not-absolute"));
            }
            let size = node.export_recording(&hash, &target).await?;
            Ok(Reply::Done { size, hash: None })
        }
        Request::Add { path } => {
            if !path.is_absolute() {
                bail!(tr!("ops-local-add-not-absolute"));
            }
            let added = node.blobs.add_path(&path).await.map_err(|e| {
                anyhow!(tr!("ops-local-storing", path = path.display().to_string(), error = format!("{e:#}")))
            })?;
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            Ok(Reply::Done { size, hash: Some(added.hash.to_hex()) })
        }
        Request::Purge => {
            let removed = node.purge_recordings().await?;
            Ok(Reply::Done { size: removed as u64, hash: None })
        }
    }
}

/// Ask the node running on `data_dir` to do `request`; `Ok(None)` when no node answers there.
pub async fn ask(data_dir: &Path, request: &Request) -> Result<Option<(u64, Option<String>)>> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let Some(mut stream) = transport::connect(data_dir).await else { return Ok(None) };
    let mut bytes = serde_json::to_vec(request)?;
    bytes.push(b'\n');
    stream.write_all(&bytes).await.with_context(|| tr!("ops-local-asking"))?;
    let mut line = Vec::new();
    let mut reader = BufReader::new((&mut stream).take(64 * 1024));
    tokio::time::timeout(REPLY_TIMEOUT, reader.read_until(b'\n', &mut line))
        .await
        .map_err(|_| anyhow!(tr!("ops-local-no-answer", minutes = REPLY_TIMEOUT.as_secs() / 60)))?
        .with_context(|| tr!("ops-local-reading-answer"))?;
    match serde_json::from_slice::<Reply>(&line) {
        Ok(Reply::Done { size, hash }) => Ok(Some((size, hash))),
        Ok(Reply::Error(e)) => Err(anyhow!("{e}")),
        Err(_) if line.is_empty() => bail!(tr!("ops-local-closed")),
        Err(e) => bail!(tr!("ops-local-not-understood", error = e.to_string())),
    }
}

/// Hand an invite ticket or link to the app running on `data_dir`: `Ok(true)` when it took it,
/// `Ok(false)` when nothing runs there (the caller opens the app itself), an error when what runs
/// there cannot show it. Synchronous: it runs before the app (and any async runtime) starts.
pub fn hand_over(data_dir: &Path, ticket: &str) -> Result<bool> {
    let request = Request::Open { ticket: ticket.to_owned() };
    let Some(line) = transport::exchange_blocking(data_dir, &request)? else { return Ok(false) };
    match serde_json::from_slice::<Reply>(&line) {
        Ok(Reply::Done { .. }) => Ok(true),
        Ok(Reply::Error(e)) => Err(anyhow!("{e}")),
        Err(_) if line.is_empty() => bail!(tr!("ops-local-app-closed")),
        Err(e) => bail!(tr!("ops-local-app-not-understood", error = e.to_string())),
    }
}

/// One request line out and one reply line back over a blocking stream (for [`hand_over`]).
fn exchange_lines(mut stream: impl std::io::Read + std::io::Write, request: &Request) -> Result<Vec<u8>> {
    use std::io::BufRead;
    let mut bytes = serde_json::to_vec(request)?;
    bytes.push(b'\n');
    stream.write_all(&bytes).with_context(|| tr!("ops-local-handing-over"))?;
    let mut line = Vec::new();
    std::io::BufReader::new(stream.take(64 * 1024))
        .read_until(b'\n', &mut line)
        .with_context(|| tr!("ops-local-reading-app-answer"))?;
    Ok(line)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use peerview_sync::Store;
    use peerview_sync::node::NodeConfig;

    use super::*;
    use crate::ops::recordings;

    async fn running_node(dir: &Path) -> (Node, LocalChannel) {
        let store = Arc::new(Store::open(dir).expect("store"));
        let config = NodeConfig::direct("127.0.0.1:0".parse().expect("addr"));
        let node = Node::start(store, &config).await.expect("node");
        let channel = LocalChannel::start(node.clone()).await.expect("channel");
        (node, channel)
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn another_process_adds_and_exports_through_the_running_node() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let dir = tempfile::tempdir().expect("tempdir");
        let (node, channel) = running_node(dir.path()).await;
        // What a second process does: its own Store on the same directory, no node.
        let other = Store::open(dir.path()).expect("store");
        let take = dir.path().join("take.bin");
        let bytes = b"not really a recording, but bytes all the same";
        std::fs::write(&take, bytes).expect("write");
        let hash = recordings::add(&other, &take).await.expect("added through the node");
        assert_eq!(hash, blake3::hash(&std::fs::read(&take).expect("read")).to_hex().as_str());
        let out = dir.path().join("out.bin");
        assert_eq!(recordings::export(&other, &hash, &out).await.expect("exported"), bytes.len() as u64);
        assert_eq!(std::fs::read(&out).expect("read"), std::fs::read(&take).expect("read"));
        // A recording the node lacks is the node's clear error, not a hang.
        let missing = recordings::export(&other, &"0".repeat(64), &out).await.expect_err("not here");
        assert!(format!("{missing:#}").contains("not (completely) on this computer"), "{missing:#}");
        let relative = ask(dir.path(), &Request::Export { hash: hash.clone(), target: "out.bin".into() }).await;
        assert!(format!("{:#}", relative.expect_err("relative")).contains("absolute"));

        // Oversized and silent clients are cut off; the channel keeps serving.
        let mut big = transport::connect(dir.path()).await.expect("connect");
        let _ = big.write_all(&vec![b'x'; MAX_REQUEST * 2]).await;
        let mut reply = String::new();
        // The node answers and closes with the rest unread, which a Unix socket may report to
        // the writer as a reset instead of the answer.
        match big.read_to_string(&mut reply).await {
            Ok(_) => assert!(reply.contains("at most"), "{reply}"),
            Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
        }
        drop(big);
        let _silent = transport::connect(dir.path()).await.expect("connect");
        assert!(recordings::export(&other, &hash, &out).await.is_ok());

        // Stopped: the socket is gone and the store is free for the second process.
        drop(channel);
        node.shutdown().await;
        #[cfg(unix)]
        assert!(!socket_path(dir.path()).exists());
        assert_eq!(recordings::export(&other, &hash, &out).await.expect("direct"), bytes.len() as u64);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn an_invite_is_handed_to_the_running_app_and_refused_by_a_node_without_screens() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Nothing runs: the caller opens the app itself.
        assert!(!hand_over(dir.path(), "peerview:join/pvinvite1x").expect("nothing there"));

        let (node, channel) = running_node(dir.path()).await;
        let path = dir.path().to_owned();
        let refused =
            tokio::task::spawn_blocking(move || hand_over(&path, "peerview:join/pvinvite1x")).await.expect("join");
        assert!(format!("{:#}", refused.expect_err("no screens")).contains("does not show the candidate"));
        drop(channel);

        let (tx, rx) = std::sync::mpsc::channel();
        let opener: Opener = Arc::new(move |ticket| tx.send(ticket).expect("send"));
        let channel = LocalChannel::start_opening(node.clone(), Some(opener)).await.expect("channel");
        let path = dir.path().to_owned();
        let taken =
            tokio::task::spawn_blocking(move || hand_over(&path, "peerview:join/pvinvite1x")).await.expect("join");
        assert!(taken.expect("handed over"));
        assert_eq!(rx.try_recv().expect("opened"), "peerview:join/pvinvite1x");
        drop(channel);
        node.shutdown().await;
    }

    #[cfg(unix)]
    #[tokio::test(flavor = "multi_thread")]
    async fn a_stale_socket_is_replaced_and_a_second_channel_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = std::os::unix::net::UnixListener::bind(socket_path(dir.path())).expect("bind");
        drop(stale); // the file stays, nobody answers: what a killed node leaves
        let (node, channel) = running_node(dir.path()).await;
        let second = LocalChannel::start(node.clone()).await;
        assert!(format!("{:#}", second.err().expect("refused")).contains("another Peerview answers"));
        drop(channel);
        node.shutdown().await;
    }

    #[cfg(windows)]
    #[tokio::test(flavor = "multi_thread")]
    async fn one_pipe_per_data_directory_and_a_second_channel_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let other = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let spelled_otherwise = dir.path().join("sub").join("..");
        assert_eq!(pipe_name(dir.path()), pipe_name(&spelled_otherwise));
        assert_ne!(pipe_name(dir.path()), pipe_name(other.path()));

        let (node, channel) = running_node(dir.path()).await;
        assert!(ask(other.path(), &Request::Purge).await.expect("nothing there").is_none());
        let second = LocalChannel::start(node.clone()).await;
        assert!(format!("{:#}", second.err().expect("refused")).contains("another Peerview answers"));
        // Stopped: the name is free again for the next node.
        drop(channel);
        let again = LocalChannel::start(node.clone()).await.expect("restarted");
        drop(again);
        node.shutdown().await;
    }
}
