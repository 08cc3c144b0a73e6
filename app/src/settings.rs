//! The app's persisted settings (`settings.toml` in the data directory): the chosen role and
//! similar preferences. Unknown or missing fields fall back to defaults.

use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::tr;

/// Who is using this install.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Candidate,
    Employer,
    Reviewer,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Chosen on first start, remembered after.
    pub role: Option<Role>,
    /// Dark theme instead of following the system.
    pub dark_mode: Option<bool>,
    /// The app's language; `None`: the system's (`PEERVIEW_LANG`, then the OS locale).
    /// A campaign's own language still applies to the candidate's screens for it.
    pub language: Option<crate::i18n::Lang>,
}

const FILE: &str = "settings.toml";

impl Settings {
    /// Load the settings; a missing file means defaults, a damaged one is an error naming it.
    pub fn load(data_dir: &Path) -> Result<Settings> {
        let path = data_dir.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str(&text).with_context(|| tr!("cli-settings-damaged", file = path.display().to_string()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(e).with_context(|| tr!("cli-reading-file", file = path.display().to_string())),
        }
    }

    pub fn save(&self, data_dir: &Path) -> Result<()> {
        let path = data_dir.join(FILE);
        let text = toml::to_string(self).with_context(|| tr!("cli-settings-writing"))?;
        peerview_sync::fsutil::write_atomic(&path, text.as_bytes())
            .with_context(|| tr!("cli-saving-file", file = path.display().to_string()))
    }
}
