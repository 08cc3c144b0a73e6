//! The app's persisted settings (`settings.toml` in the data directory): the chosen role,
//! similar preferences, and where the employer or reviewer was in their screens. Unknown or missing fields fall back to defaults.

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
    /// Where the employer or reviewer was in their screens, restored at the next start.
    pub review: ReviewPlace,
}

/// The employer's or reviewer's place: the chosen campaign, its tab, and the inbox's filter
/// and sort order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewPlace {
    pub campaign: Option<peerview_sync::CampaignId>,
    pub tab: ReviewTab,
    pub filter: String,
    pub sort: InboxSort,
}

/// A campaign page's tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewTab {
    /// The candidates and their submissions.
    #[default]
    Inbox,
    Invites,
    /// The campaign editor.
    Campaign,
}

/// The inbox's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InboxSort {
    Name,
    /// Submitted and undecided first, then in progress, then not started, then decided.
    #[default]
    Status,
    /// The latest submission first.
    Submitted,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_place_round_trips_and_older_files_still_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(FILE), "role = \"employer\"\n").expect("write");
        let old = Settings::load(dir.path()).expect("an older file");
        assert_eq!((old.role, &old.review), (Some(Role::Employer), &ReviewPlace::default()));
        let settings = Settings {
            review: ReviewPlace {
                campaign: Some("abcdefgh12345678".parse().expect("id")),
                tab: ReviewTab::Invites,
                filter: "ada".into(),
                sort: InboxSort::Submitted,
            },
            ..old
        };
        settings.save(dir.path()).expect("save");
        assert_eq!(Settings::load(dir.path()).expect("load"), settings);
    }
}
