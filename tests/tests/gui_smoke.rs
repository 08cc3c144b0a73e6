//! Smoke test of the real binary in a real window: `peerview gui TICKET` under Xvfb (a virtual X
//! display) with synthetic devices opens the invite over the network, the employer sees the
//! invite claimed, the window is not blank, and a key press sent with xdotool moves it on to the
//! device check with its live preview. Screenshots go to `$PEERVIEW_SCREENSHOTS` when set.
//! Also: a ticket copied in another program reaches the window through the system clipboard
//! (Ctrl+V on the home screen), and the window opens natively on a Wayland compositor (weston,
//! headless).

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use peerview_tests::{Server, ok, peer, peerview, peerview_command, stdout};

const CAMPAIGN: &str = r#"
title = "Support engineer"
role = "Customer support"
instructions = "Take your time."
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
"#;

/// A virtual X display, killed on drop.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is needed for this test (Debian package xvfb; scripts/test installs it)");
        let mut out = child.stdout.take().expect("stdout");
        let mut number = String::new();
        let mut byte = [0u8; 1];
        while out.read(&mut byte).expect("display number") == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        Xvfb { child, display: format!(":{}", number.trim()) }
    }

    fn screenshot(&self, path: &Path) {
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(path)
            .status()
            .expect("ImageMagick's import");
        assert!(status.success(), "screenshot failed");
    }

    fn xdotool(&self, args: &[&str]) -> std::process::Output {
        Command::new("xdotool").args(args).env("DISPLAY", &self.display).output().expect("xdotool")
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How varied a picture is (0 for a blank one).
fn standard_deviation(path: &Path) -> f64 {
    let out =
        Command::new("identify").args(["-format", "%[fx:standard_deviation]"]).arg(path).output().expect("identify");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0.0)
}

/// How many pixels differ between two pictures.
fn pixels_differing(a: &Path, b: &Path) -> u64 {
    let out = Command::new("compare").args(["-metric", "AE"]).arg(a).arg(b).arg("null:").output().expect("compare");
    String::from_utf8_lossy(&out.stderr).split_whitespace().next().and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0)
        as u64
}

impl Xvfb {
    /// Put `text` on the clipboard, held by an xclip that serves it until killed, and read it
    /// back before going on: an xclip that could not reach the display (it happened once, with
    /// other X servers starting beside it) is started again instead of leaving nothing to paste.
    fn copy_to_clipboard(&self, text: &str) -> Child {
        for _ in 0..10 {
            let mut copy = Command::new("xclip")
                .args(["-selection", "clipboard", "-quiet"])
                .env("DISPLAY", &self.display)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .expect("xclip is needed for this test (Debian package xclip; scripts/test installs it)");
            {
                use std::io::Write as _;
                let mut stdin = copy.stdin.take().expect("stdin");
                stdin.write_all(text.as_bytes()).expect("copy the text");
            }
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline && copy.try_wait().is_ok_and(|exited| exited.is_none()) {
                let pasted = Command::new("xclip")
                    .args(["-o", "-selection", "clipboard"])
                    .env("DISPLAY", &self.display)
                    .output()
                    .is_ok_and(|out| out.stdout == text.as_bytes());
                if pasted {
                    return copy;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = copy.kill();
            let _ = copy.wait();
        }
        panic!("could not put the text on the clipboard of {}", self.display);
    }
}

fn wait_until(what: &str, secs: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn the_real_window_opens_an_invite_and_answers_keys() {
    let employer = tempfile::tempdir().expect("tempdir");
    let file = employer.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(employer.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let _server = Server::start(employer.path(), "127.0.0.1:0");
    let candidate = tempfile::tempdir().expect("tempdir");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Ada"])).trim().to_owned();

    let x = Xvfb::start();
    let shots = std::env::var_os("PEERVIEW_SCREENSHOTS").map_or_else(|| candidate.path().to_owned(), Into::into);
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    with_window(&x, candidate.path(), &["gui", "--synthetic-devices", &ticket], || {
        // The window opened the ticket: the employer sees the invite bound to a computer.
        wait_until("the employer to see the invite claimed", 90, || {
            ok(&peerview(employer.path(), &["campaign", "show", &campaign])).contains("invite joined")
        });
        wait_until("the window", 30, || x.xdotool(&["search", "--name", "Peerview"]).status.success());
        std::thread::sleep(Duration::from_secs(2));
        let overview = shots.join("smoke-overview.png");
        x.screenshot(&overview);
        assert!(standard_deviation(&overview) > 0.02, "the window is blank");

        // Enter takes the main step: on to the device check and its live camera preview.
        let window =
            stdout(&x.xdotool(&["search", "--name", "Peerview"])).lines().next().unwrap_or_default().to_owned();
        // No window manager runs on the virtual display: give the window the keyboard focus
        // and type through XTEST, as a person at the keyboard would.
        x.xdotool(&["windowfocus", "--sync", &window]);
        x.xdotool(&["key", "Return"]);
        std::thread::sleep(Duration::from_secs(4));
        let check = shots.join("smoke-device-check.png");
        x.screenshot(&check);
        assert!(standard_deviation(&check) > 0.02, "the window is blank");
        let changed = pixels_differing(&overview, &check);
        assert!(changed > 10_000, "the key press did not change the screen ({changed} pixels differ)");
        let again = shots.join("smoke-device-check-later.png");
        std::thread::sleep(Duration::from_millis(700));
        x.screenshot(&again);
        assert!(pixels_differing(&check, &again) > 500, "the camera preview is not live");
        // The candidate's own status still reads from the store while the app runs.
        assert!(ok(&peer(candidate.path(), &["status"])).contains("Support engineer"));
    });

    // The candidate answers and submits (command line); then the employer opens the app on the
    // employer's data, with the node inside it, and sees the submission in the inbox.
    let take = candidate.path().join("take.mp4");
    let take_arg = take.to_str().expect("utf-8");
    ok(&peer(
        candidate.path(),
        &["record", "--video", "test-pattern", "--audio", "tone", "--seconds", "3", "--size", "640x360", take_arg],
    ));
    ok(&peer(candidate.path(), &["answer", &campaign, "intro", "--file", take_arg]));
    assert!(ok(&peer(candidate.path(), &["submit", &campaign])).contains("received by the employer"));
    drop(_server);
    std::fs::write(employer.path().join("settings.toml"), "role = \"employer\"\n").expect("settings");
    with_window(&x, employer.path(), &["gui", "--bind", "127.0.0.1:0"], || {
        wait_until("the employer's window", 30, || {
            stdout(&x.xdotool(&["search", "--name", "Peerview"])).lines().count() == 1
        });
        std::thread::sleep(Duration::from_secs(4));
        let inbox = shots.join("smoke-employer-inbox.png");
        x.screenshot(&inbox);
        assert!(standard_deviation(&inbox) > 0.02, "the employer's window is blank");
        // Open the submission (the button's place in the inbox) for a picture of the review.
        x.xdotool(&["mousemove", "428", "124", "click", "1"]);
        std::thread::sleep(Duration::from_secs(4));
        let review = shots.join("smoke-employer-review.png");
        x.screenshot(&review);
        assert!(standard_deviation(&review) > 0.02, "the employer's window is blank");
    });
}

/// Run `peerview ARGS` on the virtual display while `check` runs; the app is stopped after,
/// and its log is shown if the check failed.
fn with_window(x: &Xvfb, data: &Path, args: &[&str], check: impl FnOnce()) {
    let mut app = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(data)
        .args(args)
        .env("DISPLAY", &x.display)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start peerview gui");
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
    let _ = app.kill();
    let _ = app.wait();
    if let Err(e) = result {
        let mut log = String::new();
        if let Some(mut err) = app.stderr.take() {
            let _ = err.read_to_string(&mut log);
        }
        eprintln!("peerview gui's log:\n{log}");
        std::panic::resume_unwind(e);
    }
}

/// A candidate copies the ticket from their mail (here: `xclip` owns the X clipboard) and presses
/// Ctrl+V on Peerview's home screen: the window reads the system clipboard and opens the invite.
#[test]
fn a_ticket_copied_elsewhere_is_pasted_into_the_window() {
    let employer = tempfile::tempdir().expect("tempdir");
    let file = employer.path().join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    let campaign = ok(&peerview(employer.path(), &["campaign", "create", "--file", file.to_str().expect("utf-8")]))
        .trim()
        .to_owned();
    let _server = Server::start(employer.path(), "127.0.0.1:0");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Ada"])).trim().to_owned();
    let candidate = tempfile::tempdir().expect("tempdir");
    std::fs::write(candidate.path().join("settings.toml"), "role = \"candidate\"\n").expect("settings");

    let x = Xvfb::start();
    let mut copy = x.copy_to_clipboard(&format!("peerview:join/{ticket}"));
    with_window(&x, candidate.path(), &["gui", "--synthetic-devices"], || {
        wait_until("the window", 30, || x.xdotool(&["search", "--name", "Peerview"]).status.success());
        std::thread::sleep(Duration::from_secs(2));
        let window =
            stdout(&x.xdotool(&["search", "--name", "Peerview"])).lines().next().unwrap_or_default().to_owned();
        x.xdotool(&["windowfocus", "--sync", &window]);
        x.xdotool(&["key", "ctrl+v"]);
        wait_until("the pasted invite to reach the employer", 90, || {
            ok(&peerview(employer.path(), &["campaign", "show", &campaign])).contains("invite joined")
        });
    });
    let _ = copy.kill();
    let _ = copy.wait();
}

/// On a Wayland desktop the window is a native Wayland window (not XWayland): under weston's
/// headless backend, with no X display at all, the app creates its toplevel titled "Peerview" and
/// draws into it (the Wayland client library's own protocol log says so).
#[test]
fn the_window_opens_natively_on_wayland() {
    let runtime = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(runtime.path(), std::os::unix::fs::PermissionsExt::from_mode(0o700)).expect("chmod");
    let socket = format!("pv-wayland-{}", std::process::id());
    let mut weston = Command::new("weston")
        .args(["--backend=headless-backend.so", "--idle-time=0", &format!("--socket={socket}")])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("weston is needed for this test (Debian package weston; scripts/test installs it)");
    wait_until("weston's socket", 20, || runtime.path().join(&socket).exists());
    let data = tempfile::tempdir().expect("tempdir");
    let log_path = data.path().join("wayland.log");
    let mut app = peerview_command()
        .args(["--relay", "disabled", "--data-dir"])
        .arg(data.path().join("data"))
        .args(["gui", "--synthetic-devices"])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("WAYLAND_DISPLAY", &socket)
        .env("WAYLAND_DEBUG", "client")
        .env_remove("DISPLAY")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).expect("log file"))
        .spawn()
        .expect("start peerview gui");
    let log = || std::fs::read_to_string(&log_path).unwrap_or_default();
    let result = std::panic::catch_unwind(|| {
        wait_until("a Wayland window titled Peerview that is drawn into", 60, || {
            let log = log();
            log.contains("xdg_toplevel") && log.contains("set_title(\"Peerview\")") && log.contains(".attach(wl_buffer")
        });
    });
    let still_running = app.try_wait().expect("app status").is_none();
    let _ = app.kill();
    let _ = app.wait();
    let _ = weston.kill();
    let _ = weston.wait();
    if let Err(e) = result {
        let log = log();
        let tail: Vec<&str> = log.lines().filter(|l| !l.starts_with('[')).take(40).collect();
        eprintln!("peerview gui's log (without the protocol lines):\n{}", tail.join("\n"));
        std::panic::resume_unwind(e);
    }
    assert!(
        still_running,
        "the app exited on Wayland:\n{}",
        log().lines().filter(|l| !l.starts_with('[')).collect::<Vec<_>>().join("\n")
    );
}
