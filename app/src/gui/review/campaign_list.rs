//! The list of campaigns beside every page: each with its counts, and "New campaign" for the
//! employer.

use eframe::egui;
use peerview_sync::CampaignId;

use super::Command;
use super::service::{CampaignView, Mode};

pub(super) fn campaign_list_ui(
    ui: &mut egui::Ui,
    mode: Mode,
    loaded: bool,
    campaigns: &[CampaignView],
    selected: Option<&CampaignId>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Campaigns");
    if mode == Mode::Employer && ui.button("New campaign").clicked() {
        commands.push(Command::NewCampaign);
    }
    if !loaded {
        ui.spinner();
    }
    for c in campaigns {
        let submitted =
            c.entries.iter().filter(|e| e.submission.as_ref().is_some_and(|s| s.submitted_at.is_some())).count();
        let n = c.entries.len();
        let text =
            format!("{}\n{n} candidate{}, {submitted} submitted", c.campaign.title, if n == 1 { "" } else { "s" });
        if ui.selectable_label(selected == Some(&c.campaign.id), text).clicked() {
            commands.push(Command::Select(c.campaign.id.clone()));
        }
    }
}
