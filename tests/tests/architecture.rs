//! The crate boundaries hold: `sync` and `media` know neither each other nor the GUI toolkit,
//! and `media` knows nothing of networking. Read from `cargo metadata`'s resolved graph, so a
//! transitive edge counts too.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// Crate-name prefixes that must not appear among a crate's (transitive) normal dependencies.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "peerview-sync",
        &["peerview-media", "peerview", "egui", "eframe", "epaint", "winit", "openh264", "nokhwa", "cpal"],
    ),
    ("peerview-media", &["peerview-sync", "peerview", "egui", "eframe", "epaint", "winit", "iroh", "automerge"]),
];

fn metadata() -> Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(peerview_tests::repo_root())
        .output()
        .expect("run cargo metadata");
    assert!(out.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("metadata JSON")
}

/// Names of everything `root` depends on at run time (normal dependencies, transitively).
fn runtime_closure(meta: &Value, root_name: &str) -> BTreeSet<String> {
    let packages: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().expect("id"), p["name"].as_str().expect("name")))
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| (n["id"].as_str().expect("id"), n))
        .collect();
    let root = packages.iter().find(|(_, name)| **name == root_name).map(|(id, _)| *id).expect("workspace member");
    let mut seen = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().expect("deps") {
            let normal = dep["dep_kinds"].as_array().expect("kinds").iter().any(|k| k["kind"].is_null());
            let dep_id = dep["pkg"].as_str().expect("pkg");
            if normal && seen.insert(packages[dep_id].to_owned()) {
                stack.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn sync_and_media_stay_independent_of_each_other_and_of_the_gui() {
    let meta = metadata();
    for (krate, forbidden) in FORBIDDEN {
        let deps = runtime_closure(&meta, krate);
        let bad: Vec<_> = deps
            .iter()
            .filter(|d| {
                forbidden
                    .iter()
                    .any(|f| d.as_str() == *f || d.starts_with(&format!("{f}-")) || d.starts_with(&format!("{f}_")))
            })
            .collect();
        assert!(bad.is_empty(), "{krate} must not depend on {bad:?}");
    }
}

#[test]
fn the_app_uses_both_libraries() {
    let deps = runtime_closure(&metadata(), "peerview");
    assert!(deps.contains("peerview-sync") && deps.contains("peerview-media"), "{deps:?}");
}

/// Every `.rs` file below `dir`, with its text.
fn rust_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                files.push((path, text));
            }
        }
    }
    files
}

/// Every source file opens with a `//!` line saying what lives there.
#[test]
fn every_source_file_says_what_it_holds() {
    let root = peerview_tests::repo_root();
    let mut missing = Vec::new();
    for krate in ["app", "sync", "media", "tests"] {
        for (path, text) in rust_files(&root.join(krate)) {
            if !text.trim_start().starts_with("//!") {
                missing.push(path.strip_prefix(&root).expect("prefix").display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "files without a leading //! line: {missing:?}");
}

/// The command line and the app are two callers of one operations layer (`app/src/ops/`):
/// neither imports the other, so a workflow cannot quietly exist twice.
#[test]
fn the_command_line_and_the_app_share_only_the_operations_layer() {
    let root = peerview_tests::repo_root().join("app/src");
    let mut offences = Vec::new();
    for (dir, forbidden) in
        [("gui", ["crate::commands", "peerview::commands"]), ("commands", ["crate::gui", "peerview::gui"])]
    {
        for (path, text) in rust_files(&root.join(dir)) {
            for (n, line) in text.lines().enumerate() {
                if forbidden.iter().any(|f| line.contains(f)) {
                    offences.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "gui/ and commands/ import each other:\n{}", offences.join("\n"));
}
