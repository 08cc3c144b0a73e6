//! Every language has every message English has (and no other), with the same arguments; every
//! key the code asks for exists; every message file parses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use peerview::i18n::{Lang, sources};

/// Message ids of one `.ftl` file, each with the `$arguments` it uses.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts_entry && let Some((id, _)) = line.split_once(" =") {
            current = Some(id.trim().to_owned());
            out.entry(id.trim().to_owned()).or_default();
        } else if line.starts_with('#') || line.trim().is_empty() && current.is_none() {
            continue;
        }
        if let Some(id) = &current {
            let args = out.entry(id.clone()).or_default();
            let mut rest = line;
            while let Some(i) = rest.find('$') {
                rest = &rest[i + 1..];
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                args.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_english_message() {
    let mut problems = vec![];
    let english: Vec<_> = sources(Lang::En).into_iter().map(|(area, text)| (area, messages(text))).collect();
    for lang in Lang::ALL {
        for ((area, text), (_, en)) in sources(lang).into_iter().zip(&english) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_owned()) {
                problems.push(format!("i18n/{lang}/{area}.ftl does not parse: {errors:?}"));
            }
            let theirs = messages(text);
            for (key, args) in en {
                match theirs.get(key) {
                    None => problems.push(format!("i18n/{lang}/{area}.ftl lacks {key}")),
                    Some(a) if !a.is_subset(args) => problems.push(format!(
                        "i18n/{lang}/{area}.ftl: {key} uses {:?}, English only has {args:?}",
                        a.difference(args).collect::<Vec<_>>()
                    )),
                    Some(_) => {}
                }
            }
            for key in theirs.keys().filter(|k| !en.contains_key(*k)) {
                problems.push(format!("i18n/{lang}/{area}.ftl has {key}, which English does not"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_uses_exists_and_every_message_is_used() {
    let mut files = vec![];
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut used = BTreeSet::new();
    let mut problems = vec![];
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut rest = line;
            while let Some(i) = rest.find("tr!(\"") {
                let word_start = !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                rest = &rest[i + 5..];
                if !word_start {
                    continue;
                }
                let key: String = rest.chars().take_while(|c| *c != '"').collect();
                if !peerview::i18n::has_message(&key) {
                    problems.push(format!("{}: tr!(\"{key}\") has no English message", file.display()));
                }
                used.insert(key);
            }
        }
    }
    let english: BTreeSet<String> =
        sources(Lang::En).into_iter().flat_map(|(_, text)| messages(text).into_keys()).collect();
    for key in english.difference(&used) {
        // Messages looked up by a computed key are listed where they are looked up.
        if !files.iter().any(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains(&format!("\"{key}\"")))) {
            problems.push(format!("{key} is in en/*.ftl but no code uses it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
