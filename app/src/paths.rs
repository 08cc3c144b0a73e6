//! Where Peerview keeps its data on this machine: `--data-dir`, else `$PEERVIEW_DATA_DIR`, else
//! the platform's place for an application's data: `$XDG_DATA_HOME/peerview` or
//! `~/.local/share/peerview` (Linux and other Unix), `%APPDATA%\Peerview` (Windows),
//! `~/Library/Application Support/Peerview` (macOS).

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    platform_data_dir(|name| std::env::var_os(name).filter(|v| !v.is_empty()))
}

/// The platform's default, from the environment `var` reads.
#[cfg(windows)]
fn platform_data_dir(var: impl Fn(&str) -> Option<OsString>) -> Result<PathBuf> {
    var("APPDATA")
        .map(|appdata| PathBuf::from(appdata).join("Peerview"))
        .ok_or_else(|| anyhow!(crate::tr!("cli-no-data-dir", variable = "APPDATA")))
}

#[cfg(target_os = "macos")]
fn platform_data_dir(var: impl Fn(&str) -> Option<OsString>) -> Result<PathBuf> {
    var("HOME")
        .map(|home| PathBuf::from(home).join("Library/Application Support/Peerview"))
        .ok_or_else(|| anyhow!(crate::tr!("cli-no-data-dir", variable = "HOME")))
}

#[cfg(not(any(windows, target_os = "macos")))]
fn platform_data_dir(var: impl Fn(&str) -> Option<OsString>) -> Result<PathBuf> {
    if let Some(xdg) = var("XDG_DATA_HOME") {
        return Ok(PathBuf::from(xdg).join("peerview"));
    }
    var("HOME")
        .map(|home| PathBuf::from(home).join(".local/share/peerview"))
        .ok_or_else(|| anyhow!(crate::tr!("cli-no-data-dir", variable = "HOME")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn an_explicit_directory_wins() {
        assert_eq!(data_dir(Some("/d".into())).expect("explicit"), PathBuf::from("/d"));
    }

    #[cfg(not(any(windows, target_os = "macos")))]
    #[test]
    fn unix_follows_xdg_then_home() {
        let both = [("XDG_DATA_HOME", "/x"), ("HOME", "/h")];
        assert_eq!(platform_data_dir(env(&both)).expect("xdg"), PathBuf::from("/x/peerview"));
        assert_eq!(platform_data_dir(env(&[("HOME", "/h")])).expect("home"), PathBuf::from("/h/.local/share/peerview"));
        assert!(format!("{:#}", platform_data_dir(env(&[])).expect_err("none")).contains("--data-dir"));
    }

    #[cfg(windows)]
    #[test]
    fn windows_uses_appdata() {
        let vars = [("APPDATA", r"C:\Users\ada\AppData\Roaming"), ("HOME", r"C:\Users\ada")];
        assert_eq!(
            platform_data_dir(env(&vars)).expect("appdata"),
            PathBuf::from(r"C:\Users\ada\AppData\Roaming").join("Peerview")
        );
        assert!(platform_data_dir(env(&[])).is_err());
    }
}
