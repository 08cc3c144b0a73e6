//! The list of campaigns beside every page: each with its counts, and "New campaign" for the
//! employer.

use eframe::egui;
use peerview_sync::CampaignId;

use super::Command;
use super::service::{CampaignView, Mode};
use crate::tr;

pub(super) fn campaign_list_ui(
    ui: &mut egui::Ui,
    mode: Mode,
    loaded: bool,
    campaigns: &[CampaignView],
    selected: Option<&CampaignId>,
    commands: &mut Vec<Command>,
) {
    ui.heading(tr!("rev-campaigns"));
    if mode == Mode::Employer && ui.button(tr!("rev-new-campaign")).clicked() {
        commands.push(Command::NewCampaign);
    }
    if !loaded {
        ui.spinner();
    }
    for c in campaigns {
        let submitted =
            c.entries.iter().filter(|e| e.submission.as_ref().is_some_and(|s| s.submitted_at.is_some())).count();
        let n = c.entries.len();
        // The title, and below it the counts.
        let counts = tr!("rev-campaign-counts", candidates = n, submitted = submitted);
        let text = format!("{}\n{counts}", c.campaign.title);
        if ui.selectable_label(selected == Some(&c.campaign.id), text).clicked() {
            commands.push(Command::Select(c.campaign.id.clone()));
        }
    }
}
