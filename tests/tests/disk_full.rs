//! A full disk, for real: a small tmpfs as the data directory of the candidate, then of the
//! employer. The error is clear, nothing already saved is damaged, and once there is room again
//! (the tmpfs is grown, as when the user frees space) everything completes and verifies.
//! Skips with a message where tmpfs cannot be mounted (not root); fails instead under CI.

use std::path::Path;
use std::process::Command;

use peerview_tests::{Server, free_udp_port, ok, peer, peerview, stderr, synthetic_mp4};

const CAMPAIGN: &str = r#"
title = "Courier"
role = "Courier"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 300
max_takes = 3
"#;

/// A tmpfs of `mb` MiB mounted on a new directory; unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(mb: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().expect("tempdir");
        let out =
            Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"]).arg(dir.path()).output();
        let out = match out {
            Ok(out) => out,
            Err(e) => {
                peerview_tests::skip(&format!("cannot run mount ({e})"));
                return None;
            }
        };
        if !out.status.success() {
            peerview_tests::skip(&format!("cannot mount a tmpfs ({})", String::from_utf8_lossy(&out.stderr).trim()));
            return None;
        }
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Make room, as when the user deletes other files.
    fn grow(&self, mb: u32) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,size={mb}m")])
            .arg(self.dir.path())
            .output()
            .expect("mount");
        assert!(out.status.success(), "remount: {}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn campaign(employer: &Path) -> String {
    let file = employer.join("campaign.toml");
    std::fs::write(&file, CAMPAIGN).expect("write campaign");
    ok(&peerview(employer, &["campaign", "create", "--file", file.to_str().expect("utf-8")])).trim().to_owned()
}

#[test]
fn a_full_disk_at_the_candidate_is_explained_and_recovers_when_space_returns() {
    let Some(disk) = SmallDisk::mount(4) else { return };
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = campaign(employer.path());
    let _server = Server::start(employer.path(), "127.0.0.1:0");
    let ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Dee"])).trim().to_owned();
    let data = disk.path().join("peerview");
    ok(&peer(&data, &["join", &ticket]));
    ok(&peer(&data, &["status"]));

    // A 6 MB take does not fit in what is left of 4 MB.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let take = elsewhere.path().join("take.mp4");
    let bytes = synthetic_mp4(6_000_000, 3, 60);
    std::fs::write(&take, &bytes).expect("write take");
    let full = peer(&data, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]);
    assert!(!full.status.success(), "the answer cannot be kept on a full disk");
    let message = stderr(&full).to_lowercase();
    assert!(message.contains("space") || message.contains("full"), "a clear reason: {}", stderr(&full));
    // Nothing that was saved is damaged: the interview is still there, unanswered.
    let status = ok(&peer(&data, &["status"]));
    assert!(status.contains("Courier") && status.contains("not started"), "{status}");

    // Room again: the same answer is kept and submitted.
    disk.grow(64);
    ok(&peer(&data, &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));
    assert!(ok(&peer(&data, &["submit", &campaign])).contains("received by the employer"));
}

#[test]
fn a_full_disk_at_the_employer_is_reported_and_the_transfer_completes_when_space_returns() {
    let Some(disk) = SmallDisk::mount(6) else { return };
    let employer = disk.path().join("peerview");
    std::fs::create_dir_all(&employer).expect("mkdir");
    let campaign = campaign(&employer);
    let bind = format!("127.0.0.1:{}", free_udp_port());
    let server = Server::start(&employer, &bind);
    let ticket = ok(&peerview(&employer, &["invite", &campaign, "--name", "Eli"])).trim().to_owned();
    let eli = tempfile::tempdir().expect("tempdir");
    ok(&peer(eli.path(), &["join", &ticket]));
    let bytes = synthetic_mp4(10_000_000, 5, 90);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let take = eli.path().join("take.mp4");
    std::fs::write(&take, &bytes).expect("write take");
    ok(&peer(eli.path(), &["answer", &campaign, "intro", "--file", take.to_str().expect("utf-8")]));

    // 10 MB cannot arrive on 6 MB: the submission is in (it is small), the recording is not.
    let first = peer(eli.path(), &["submit", &campaign, "--wait", "0"]);
    assert!(!first.status.success(), "not received while the employer's disk is full");
    let show = ok(&peerview(&employer, &["campaign", "show", &campaign]));
    assert!(show.contains("Eli") && show.contains("submitted"), "the submission itself arrived:\n{show}");
    assert!(!ok(&peer(eli.path(), &["status"])).contains("received by the employer"));

    // Space returns: the next sync completes the transfer, which verifies.
    disk.grow(128);
    ok(&peer(eli.path(), &["sync", "--wait", "60"]));
    assert!(ok(&peer(eli.path(), &["status"])).contains("received by the employer"));
    assert!(server.stop().success());
    let got = tempfile::tempdir().expect("tempdir");
    let out = got.path().join("got.mp4");
    ok(&peerview(&employer, &["export-recording", &hash, out.to_str().expect("utf-8")]));
    assert_eq!(std::fs::read(&out).expect("read"), bytes);
}
