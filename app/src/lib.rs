//! The `peerview` app as a library: the desktop app (eframe/egui), the command line's
//! subcommands, settings and paths. `main.rs` is the thin binary on top; GUI tests
//! (`app/tests/`) drive the same screens through `egui_kittest`.

pub mod campaign_file;
pub mod candidate;
pub mod cli;
pub mod commands;
pub mod desktop;
pub mod export;
pub mod fmt;
pub mod gui;
pub mod i18n;
pub mod invite_mail;
pub mod ops;
pub mod paths;
pub mod review;
pub mod settings;
