//! Shared helpers for the end-to-end tests in `tests/tests/`: finding the `peerview` binary and
//! running it against a temporary data directory; hostile peers ([`attacks`]) and honest
//! candidates ([`candidate`]) in the test's own process.
#![allow(clippy::pedantic)] // test scaffolding: clarity over ceremony

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod attacks;
pub mod candidate;
pub mod netns;

/// Print a benchmark's figure and, with `PEERVIEW_BENCH_OUT=FILE` (as `scripts/bench` sets it),
/// append it to FILE for the summary.
pub fn report(line: &str) {
    println!("{line}");
    if let Ok(path) = std::env::var("PEERVIEW_BENCH_OUT")
        && let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path)
    {
        let _ = std::io::Write::write_all(&mut f, format!("{line}\n").as_bytes());
    }
}

/// The output of a command that must succeed (else the test fails showing both streams).
pub fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed ({:?}):\nstdout: {}\nstderr: {}", out.status, stdout(out), stderr(out));
    stdout(out)
}

/// A test cannot run here (no root, no `ip`, no tmpfs, a tool missing). On a developer's
/// machine it says so and passes; in CI (`CI` set, as `.ci/run` and every CI service set it) it
/// fails, so a broken install step cannot turn the suite green by skipping.
pub fn skip(reason: &str) {
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false") {
        panic!("this test cannot run here, and CI must run it: {reason}");
    }
    eprintln!("SKIPPED: {reason}");
}

/// CPU time (user and system) a process has used so far, in seconds, from `/proc`.
pub fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    ticks as f64 / 100.0
}

/// The `peerview` binary built for this test run (`cargo test --workspace` builds it).
pub fn peerview_bin() -> PathBuf {
    // target/<profile>/deps/<test binary> -> target/<profile>/peerview
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(Path::parent).expect("target directory");
    let bin = dir.join(format!("peerview{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run the tests with `cargo test --workspace` (or build -p peerview first)",
        bin.display()
    );
    bin
}

/// Pin what the `peerview` processes of the tests print in: English, times in UTC, whatever the
/// machine's language and time zone, so that tests can compare the words and times. (Set on a
/// wrapper such as `ip netns exec`, it reaches the program the wrapper starts.)
pub fn pin_locale(command: &mut Command) -> &mut Command {
    command.env("PEERVIEW_LANG", "en").env("TZ", "UTC")
}

/// A `peerview` process as the tests run it ([`pin_locale`]).
pub fn peerview_command() -> Command {
    let mut command = Command::new(peerview_bin());
    pin_locale(&mut command);
    command
}

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    // Read when the test runs, not when it was compiled: cargo does not rebuild a test when
    // only the checkout's location changed, so a build cache shared between clones would point
    // into another (maybe deleted) clone.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest_dir.parent().expect("workspace root").to_owned()
}

/// Run `peerview --data-dir DATA args...` with no display, returning its output.
pub fn peerview(data_dir: &Path, args: &[&str]) -> Output {
    peerview_command()
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env_remove("PEERVIEW_DATA_DIR")
        .output()
        .expect("run peerview")
}

/// Create a campaign from TOML text in `data_dir` with `peerview campaign create`; its id.
pub fn create_campaign(data_dir: &Path, toml: &str) -> String {
    let file = data_dir.join("campaign.toml");
    std::fs::write(&file, toml).expect("write the campaign file");
    ok(&peerview(data_dir, &["campaign", "create", "--file", file.to_str().expect("utf-8 path")])).trim().to_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A minimal but well-formed MP4 (one video track, one long `mdat`) of about `payload` bytes
/// with varied content: enough for the transfer layer and the probe, which read boxes, not
/// pixels. `seed` makes each file distinct.
pub fn synthetic_mp4(payload: usize, seed: u64, duration_secs: u32) -> Vec<u8> {
    fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(body.len() + 8).expect("box size").to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }
    let mut tkhd = vec![0u8; 12];
    tkhd.extend_from_slice(&1u32.to_be_bytes());
    tkhd.extend_from_slice(&[0u8; 4]);
    let mut mdhd = vec![0u8; 12];
    mdhd.extend_from_slice(&1000u32.to_be_bytes());
    mdhd.extend_from_slice(&(duration_secs * 1000).to_be_bytes());
    let hdlr = [&[0u8; 8][..], b"vide"].concat();
    let mdia = mp4_box(b"mdia", &[mp4_box(b"mdhd", &mdhd), mp4_box(b"hdlr", &hdlr)].concat());
    let trak = mp4_box(b"trak", &[mp4_box(b"tkhd", &tkhd), mdia].concat());
    let mut mvhd = vec![0u8; 12];
    mvhd.extend_from_slice(&1000u32.to_be_bytes());
    mvhd.extend_from_slice(&(duration_secs * 1000).to_be_bytes());
    let moov = mp4_box(b"moov", &[mp4_box(b"mvhd", &mvhd), trak].concat());
    let mut state = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let data: Vec<u8> = (0..payload)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    [mp4_box(b"ftyp", b"isom\0\0\0\0isom"), moov, mp4_box(b"mdat", &data)].concat()
}

/// A running `peerview serve`, killed when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    /// Start the employer node on `bind` with relays disabled and wait until it is ready.
    pub fn start(data_dir: &Path, bind: &str) -> Server {
        Server::start_with(data_dir, bind, &[])
    }

    /// [`Server::start`] with extra `serve` arguments.
    pub fn start_with(data_dir: &Path, bind: &str, extra: &[&str]) -> Server {
        Server::spawn(peerview_command(), data_dir, bind, extra)
    }

    /// Start `serve` through `command` (the `peerview` binary, or a wrapper such as
    /// `ip netns exec NS peerview`).
    pub fn spawn(command: Command, data_dir: &Path, bind: &str, extra: &[&str]) -> Server {
        Server::spawn_with_relay(command, data_dir, bind, "disabled", extra)
    }

    /// [`Server::spawn`] with a relay setting (`disabled`, `default` or a relay URL).
    pub fn spawn_with_relay(mut command: Command, data_dir: &Path, bind: &str, relay: &str, extra: &[&str]) -> Server {
        use std::io::{BufRead, BufReader};
        let mut child = pin_locale(&mut command)
            .args(["--relay", relay, "--data-dir"])
            .arg(data_dir)
            .args(["serve", "--bind", bind])
            .args(extra)
            .env(
                "RUST_LOG",
                // PEERVIEW_SERVER_LOG: a filter to see more of the node under test.
                std::env::var("PEERVIEW_SERVER_LOG")
                    .unwrap_or_else(|_| "info,iroh=warn,iroh_blobs=warn,noq=warn,swarm_discovery=error".into()),
            )
            .env_remove("PEERVIEW_DATA_DIR")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start peerview serve");
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let err_log = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Ok(mut l) = err_log.lock() {
                    l.push_str(&line);
                    l.push('\n');
                }
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.starts_with("Ready") => break,
                Ok(_) => {}
                Err(_) => panic!(
                    "peerview serve did not become ready; its log:\n{}",
                    log.lock().map(|l| l.clone()).unwrap_or_default()
                ),
            }
        }
        Server { child, log }
    }

    pub fn log(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Wait until the log contains `needle` (or panic after `secs`).
    pub fn wait_for_log(&self, needle: &str, secs: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        while !self.log().contains(needle) {
            assert!(std::time::Instant::now() < deadline, "no {needle:?} in the server log:\n{}", self.log());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Server {
    /// Wait until the `attempt`-th transfer (counting from 1) has logged progress past `bytes`.
    pub fn wait_for_transfer_progress(&self, attempt: usize, bytes: u64, secs: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            let log = self.log();
            let mut attempts = 0;
            let mut best = 0u64;
            for line in log.lines() {
                if line.contains("fetching recording") {
                    attempts += 1;
                    best = 0;
                } else if line.contains("recording transfer progress") && attempts == attempt {
                    best = best.max(field(line, "bytes").unwrap_or(0));
                }
            }
            if attempts == attempt && best >= bytes {
                return;
            }
            assert!(attempts <= attempt, "the transfer moved past attempt {attempt}:\n{log}");
            assert!(std::time::Instant::now() < deadline, "transfer {attempt} never passed {bytes} bytes:\n{log}");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

/// The value of `name=N` in a log line.
pub fn field(line: &str, name: &str) -> Option<u64> {
    line.split(&format!(" {name}=")).nth(1)?.split_whitespace().next()?.parse().ok()
}

impl Server {
    /// Stop the node the way a service manager would (SIGTERM) and wait for a clean exit.
    pub fn stop(mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            assert!(std::time::Instant::now() < deadline, "peerview serve ignored SIGTERM:\n{}", self.log());
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free UDP port on loopback (for a server that must keep its address across restarts).
pub fn free_udp_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// Run `peerview --relay disabled --data-dir DATA args...`.
pub fn peer(data_dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--relay", "disabled"];
    all.extend_from_slice(args);
    peerview(data_dir, &all)
}

/// A child process, killed and reaped when dropped (a server a test started).
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Killed {
    /// Wait for the process to finish by itself (at most 3 minutes) and collect its output.
    pub fn wait_output(mut self) -> Output {
        let deadline = std::time::Instant::now() + std::time::Duration::from_mins(3);
        while self.0.try_wait().expect("wait").is_none() {
            assert!(std::time::Instant::now() < deadline, "the process did not finish");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let mut out = Output { status: self.0.wait().expect("status"), stdout: Vec::new(), stderr: Vec::new() };
        if let Some(mut s) = self.0.stdout.take() {
            let _ = std::io::Read::read_to_end(&mut s, &mut out.stdout);
        }
        if let Some(mut s) = self.0.stderr.take() {
            let _ = std::io::Read::read_to_end(&mut s, &mut out.stderr);
        }
        out
    }
}

/// Start `peerview --data-dir DATA relay ARGS` through `command` (the binary, or a wrapper
/// such as `ip netns exec NS peerview`) and return once it listens.
pub fn start_relay(mut command: Command, data: &Path, args: &[&str]) -> Killed {
    use std::io::{BufRead, BufReader};
    let mut child = pin_locale(&mut command)
        .arg("--data-dir")
        .arg(data)
        .arg("relay")
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start peerview relay");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let relay = Killed(child);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now())) {
            Ok(line) if line.contains("Peerview relay running") => return relay,
            Ok(_) => {}
            Err(_) => panic!("the relay did not start"),
        }
    }
}
