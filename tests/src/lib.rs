//! Shared helpers for the end-to-end tests in `tests/tests/`: finding the `peerview` binary and
//! running it against a temporary data directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_owned()
}

/// Run `peerview --data-dir DATA args...` with no display, returning its output.
pub fn peerview(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(peerview_bin())
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

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
