//! The local channel's transport on Windows: a named pipe, `\\.\pipe\peerview-<digest>`, whose
//! name is derived from the data directory's canonical path (pipe names are machine-wide, so
//! the digest keeps directories apart and tells other users nothing of the path). Its security
//! descriptor grants access to the user who runs the node and to nobody else (no ACE for
//! administrators, services or other users; the pipe's owner is that same user), and remote
//! clients are refused, as `node.sock`'s mode 0600 does on Unix. The first instance is created
//! with `FILE_FLAG_FIRST_PIPE_INSTANCE`, so a node cannot start beside another that already
//! answers for the same directory (Windows removes a pipe when its last handle closes, so there
//! is nothing stale to replace). Clients connect at the identification level only: a process
//! that held the name could learn who asked, but not act as them.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use tokio::net::windows::named_pipe::{ClientOptions, NamedPipeClient, NamedPipeServer, PipeMode, ServerOptions};
use windows_sys::Win32::Foundation::ERROR_PIPE_BUSY;
use windows_sys::Win32::Storage::FileSystem::SECURITY_IDENTIFICATION;

use crate::tr;

/// How long to wait between tries while every instance of the pipe is busy.
const BUSY_RETRY: Duration = Duration::from_millis(20);
/// How often a refused first instance is tried again, [`TAKEN_RETRY`] apart: a channel this
/// process just dropped holds the name until its task has ended (the runtime's next turn).
const TAKEN_RETRIES: u32 = 10;
const TAKEN_RETRY: Duration = Duration::from_millis(100);

/// The pipe that the node running on `data_dir` listens on.
pub fn pipe_name(data_dir: &Path) -> String {
    // One name per directory however it was spelled: the canonical path also settles letter
    // case, short names and links.
    let canonical = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    let digest = blake3::hash(canonical.as_os_str().as_encoded_bytes());
    format!(r"\\.\pipe\peerview-{}", &digest.to_hex()[..32])
}

pub struct Listener {
    name: String,
    /// The instance waiting for the next client; a fresh one replaces it at each connection.
    next: NamedPipeServer,
}

impl Listener {
    pub async fn accept(&mut self) -> io::Result<NamedPipeServer> {
        let connected = self.next.connect().await;
        let fresh = create(&self.name, false)?;
        let previous = std::mem::replace(&mut self.next, fresh);
        connected.map(|()| previous)
    }
}

/// Listen on the data directory's pipe. Nothing is left on disk (`None`).
pub async fn listen(data_dir: &Path) -> Result<(Listener, Option<PathBuf>)> {
    let name = pipe_name(data_dir);
    let mut refused = 0;
    let first = loop {
        // A node that answers owns the directory. FILE_FLAG_FIRST_PIPE_INSTANCE says so on
        // Windows, but Wine 8 ignores it: asking as a client first holds on both.
        let answered = match ClientOptions::new().security_qos_flags(SECURITY_IDENTIFICATION).open(&name) {
            Ok(_) => true,
            Err(e) => is_busy(&e),
        };
        let created =
            if answered { Err(io::Error::from(io::ErrorKind::PermissionDenied)) } else { create(&name, true) };
        match created {
            Ok(server) => break server,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && refused < TAKEN_RETRIES => {
                refused += 1;
                tokio::time::sleep(TAKEN_RETRY).await;
            }
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                bail!(tr!("ops-local-another-peerview", path = name))
            }
            Err(e) => return Err(e).with_context(|| tr!("ops-local-listening-pipe", path = name.clone())),
        }
    };
    Ok((Listener { name, next: first }, None))
}

/// After the answer: wait (briefly) for the client to close its end. Closing a pipe right after
/// writing can drop a reply the client has not read yet.
pub async fn hang_up(mut stream: NamedPipeServer) {
    use tokio::io::AsyncReadExt;
    let mut rest = [0u8; 256];
    let drained = async { while matches!(stream.read(&mut rest).await, Ok(n) if n > 0) {} };
    // A client that keeps its end open past the deadline is simply cut off.
    let _ = tokio::time::timeout(super::REQUEST_TIMEOUT, drained).await;
}

/// The node's pipe for `data_dir`, or `None` when no node answers there.
pub async fn connect(data_dir: &Path) -> Option<NamedPipeClient> {
    let name = pipe_name(data_dir);
    let deadline = Instant::now() + super::REQUEST_TIMEOUT;
    loop {
        match ClientOptions::new().security_qos_flags(SECURITY_IDENTIFICATION).open(&name) {
            Ok(client) => return Some(client),
            Err(e) if is_busy(&e) && Instant::now() < deadline => tokio::time::sleep(BUSY_RETRY).await,
            Err(_) => return None,
        }
    }
}

/// One request and its reply line without an async runtime; `None` when no node answers.
pub fn exchange_blocking(data_dir: &Path, request: &super::Request) -> Result<Option<Vec<u8>>> {
    use std::os::windows::fs::OpenOptionsExt;
    let name = pipe_name(data_dir);
    let deadline = Instant::now() + super::REQUEST_TIMEOUT;
    let pipe = loop {
        match std::fs::OpenOptions::new().read(true).write(true).security_qos_flags(SECURITY_IDENTIFICATION).open(&name)
        {
            Ok(pipe) => break pipe,
            Err(e) if is_busy(&e) && Instant::now() < deadline => std::thread::sleep(BUSY_RETRY),
            Err(_) => return Ok(None),
        }
    };
    // A pipe opened as a file has no read timeout: the exchange runs on a thread of its own,
    // which is left behind if the app does not answer in time.
    let (sender, receiver) = std::sync::mpsc::channel();
    let request = request.clone();
    std::thread::spawn(move || sender.send(super::exchange_lines(pipe, &request)));
    match receiver.recv_timeout(super::REQUEST_TIMEOUT) {
        Ok(line) => line.map(Some),
        Err(_) => Err(io::Error::from(io::ErrorKind::TimedOut)).with_context(|| tr!("ops-local-reading-app-answer")),
    }
}

fn is_busy(e: &io::Error) -> bool {
    e.raw_os_error().and_then(|code| u32::try_from(code).ok()) == Some(ERROR_PIPE_BUSY)
}

/// A pipe instance that only the current user can open.
#[allow(unsafe_code)]
fn create(name: &str, first: bool) -> io::Result<NamedPipeServer> {
    let mut options = ServerOptions::new();
    options.first_pipe_instance(first).reject_remote_clients(true).pipe_mode(PipeMode::Byte);
    let mut owner_only = OwnerOnly::new()?;
    // SAFETY: `owner_only` holds a valid SECURITY_ATTRIBUTES whose descriptor and ACL it also
    // owns, alive until after the call returns (CreateNamedPipeW copies the descriptor).
    unsafe { options.create_with_security_attributes_raw(name, owner_only.attributes()) }
}

/// Security attributes whose DACL has one entry: full access for the current process's user.
/// The buffers that the attributes point into live as long as this value.
struct OwnerOnly {
    /// The TOKEN_USER (and the SID it points into) in u64s for its alignment.
    _user: Vec<u64>,
    /// The ACL, in u32s: an ACL must be DWORD-aligned.
    _acl: Vec<u32>,
    _descriptor: Box<windows_sys::Win32::Security::SECURITY_DESCRIPTOR>,
    attributes: Box<windows_sys::Win32::Security::SECURITY_ATTRIBUTES>,
}

impl OwnerOnly {
    #[allow(unsafe_code)]
    fn new() -> io::Result<OwnerOnly> {
        use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
        use windows_sys::Win32::Security::{
            ACCESS_ALLOWED_ACE, ACL, ACL_REVISION, AddAccessAllowedAce, GetLengthSid, GetTokenInformation,
            InitializeAcl, InitializeSecurityDescriptor, SECURITY_ATTRIBUTES, SECURITY_DESCRIPTOR,
            SetSecurityDescriptorDacl, TOKEN_QUERY, TOKEN_USER, TokenUser,
        };
        use windows_sys::Win32::Storage::FileSystem::FILE_ALL_ACCESS;
        use windows_sys::Win32::System::SystemServices::SECURITY_DESCRIPTOR_REVISION;
        use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};
        use windows_sys::core::BOOL;

        fn check(succeeded: BOOL) -> io::Result<()> {
            if succeeded == 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
        }
        let too_big = |_| io::Error::other("security descriptor too large");

        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: the current process's pseudo handle needs no closing; `token` is a valid out
        // pointer.
        check(unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw mut token) })?;
        let mut needed = 0u32;
        // SAFETY: the documented size query (no buffer, length 0); it fails with
        // ERROR_INSUFFICIENT_BUFFER and sets `needed`, which is what is wanted here.
        unsafe { GetTokenInformation(token, TokenUser, std::ptr::null_mut(), 0, &raw mut needed) };
        let mut user = vec![0u64; (needed as usize).div_ceil(8).max(1)];
        let user_bytes = u32::try_from(user.len() * 8).map_err(too_big)?;
        // SAFETY: `user` has room for `user_bytes` bytes, aligned for TOKEN_USER.
        let queried = check(unsafe {
            GetTokenInformation(token, TokenUser, user.as_mut_ptr().cast(), user_bytes, &raw mut needed)
        });
        // SAFETY: `token` was opened above and is closed once, here.
        unsafe { CloseHandle(token) };
        queried?;
        // SAFETY: GetTokenInformation succeeded, so `user` starts with a TOKEN_USER whose SID
        // points into `user`, which lives as long as the returned value.
        let sid = unsafe { (*user.as_ptr().cast::<TOKEN_USER>()).User.Sid };
        // SAFETY: `sid` is a valid SID (above).
        let sid_bytes = unsafe { GetLengthSid(sid) } as usize;

        // The size AddAccessAllowedAce's documentation gives for one ACE: the ACE without its
        // first SID word, plus the SID.
        let acl_bytes = size_of::<ACL>() + size_of::<ACCESS_ALLOWED_ACE>() - size_of::<u32>() + sid_bytes;
        let mut acl = vec![0u32; acl_bytes.div_ceil(4)];
        let acl_ptr = acl.as_mut_ptr().cast::<ACL>();
        let acl_len = u32::try_from(acl.len() * 4).map_err(too_big)?;
        // SAFETY: `acl` is DWORD-aligned and `acl_len` bytes long, room for the one ACE.
        check(unsafe { InitializeAcl(acl_ptr, acl_len, ACL_REVISION) })?;
        // SAFETY: `acl_ptr` is the ACL initialised above; `sid` is valid.
        check(unsafe { AddAccessAllowedAce(acl_ptr, ACL_REVISION, FILE_ALL_ACCESS, sid) })?;

        let mut descriptor = Box::new(SECURITY_DESCRIPTOR::default());
        let descriptor_ptr = (&raw mut *descriptor).cast();
        // SAFETY: `descriptor` is a SECURITY_DESCRIPTOR-sized, aligned allocation.
        check(unsafe { InitializeSecurityDescriptor(descriptor_ptr, SECURITY_DESCRIPTOR_REVISION) })?;
        // A present DACL with the one ACE: everyone else is denied (an absent DACL would allow all).
        // SAFETY: the descriptor is initialised; it keeps a pointer to `acl`, which lives as
        // long as it.
        check(unsafe { SetSecurityDescriptorDacl(descriptor_ptr, 1, acl_ptr, 0) })?;
        let attributes = Box::new(SECURITY_ATTRIBUTES {
            nLength: u32::try_from(size_of::<SECURITY_ATTRIBUTES>()).map_err(too_big)?,
            lpSecurityDescriptor: descriptor_ptr,
            bInheritHandle: 0,
        });
        Ok(OwnerOnly { _user: user, _acl: acl, _descriptor: descriptor, attributes })
    }

    fn attributes(&mut self) -> *mut std::ffi::c_void {
        (&raw mut *self.attributes).cast()
    }
}
