//! Handing a link to the desktop: the system opens it with the user's program for it (a
//! `mailto:` draft in their mail program). The app does not wait for that program.

use std::process::{Command, Stdio};

/// Open `url` with the system's handler for its scheme.
pub fn open_url(url: &str) -> std::io::Result<()> {
    #[cfg(windows)]
    let mut command = {
        // Not `cmd /c start`: cmd would read the `&` of a query as a command separator.
        let mut c = Command::new("rundll32");
        c.args(["url.dll,FileProtocolHandler", url]);
        c
    };
    #[cfg(target_os = "macos")]
    let mut command = {
        let mut c = Command::new("open");
        c.arg(url);
        c
    };
    #[cfg(not(any(windows, target_os = "macos")))]
    let mut command = {
        let mut c = Command::new("xdg-open");
        c.arg(url);
        c
    };
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
    // Reaped on its own thread: the opener may stay until the program it started exits.
    std::thread::spawn(move || child.wait());
    Ok(())
}
