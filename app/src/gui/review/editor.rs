//! The campaign editor (employer): title, role, instructions, deadline, scorecard criteria,
//! retention, review options, the practice question and the questions; save, duplicate, and
//! the campaign file (TOML) out and in. What the campaign file refuses is refused here too.

use eframe::egui;
use peerview_sync::doc::{AnswerKind, Campaign, Question};
use peerview_sync::{CampaignId, Timestamp};

use super::service::{CampaignView, Request};
use super::{Command, counted};
use crate::{fmt, tr};

/// A campaign being edited.
pub(super) struct Editor {
    pub(super) campaign: Campaign,
    deadline: String,
    criteria: String,
    /// Days to keep a submission after its decision; empty: until deleted by hand.
    retention: String,
    toml: String,
    error: Option<String>,
}

impl Editor {
    pub(super) fn new(campaign: Campaign) -> Editor {
        Editor {
            deadline: fmt_deadline(campaign.deadline),
            criteria: campaign.criteria.join(", "),
            retention: campaign.retention_days.map(|d| d.to_string()).unwrap_or_default(),
            toml: String::new(),
            error: None,
            campaign,
        }
    }
}

/// The editor for campaign `id`: the one being edited, else the stored one (`view`).
pub(super) fn editor_ui(
    ui: &mut egui::Ui,
    view: Option<&CampaignView>,
    id: &CampaignId,
    editor: &mut Option<Editor>,
    now: Timestamp,
    commands: &mut Vec<Command>,
) {
    if editor.as_ref().is_none_or(|e| &e.campaign.id != id) {
        let Some(view) = view else { return };
        *editor = Some(Editor::new(view.campaign.clone()));
    }
    let Some(ed) = editor.as_mut() else { return };
    egui::Grid::new("campaign_fields").num_columns(2).show(ui, |ui| {
        for (name, value) in [(tr!("rev-title"), &mut ed.campaign.title), (tr!("rev-role"), &mut ed.campaign.role)] {
            let l = ui.label(name);
            ui.add(egui::TextEdit::singleline(value).desired_width(420.0)).labelled_by(l.id);
            ui.end_row();
        }
        let l = ui.label(tr!("rev-instructions"));
        ui.add(egui::TextEdit::multiline(&mut ed.campaign.instructions).desired_rows(3).desired_width(420.0))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Deadline (UTC)");
        ui.add(egui::TextEdit::singleline(&mut ed.deadline).desired_width(200.0)).labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr!("rev-criteria"));
        ui.add(egui::TextEdit::singleline(&mut ed.criteria).desired_width(420.0)).labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr!("rev-retention"));
        ui.add(egui::TextEdit::singleline(&mut ed.retention).hint_text(tr!("rev-retention-none")).desired_width(120.0))
            .labelled_by(l.id)
            .on_hover_text(tr!("rev-retention-hint"));
        ui.end_row();
    });
    ui.checkbox(&mut ed.campaign.blind_review, tr!("rev-blind-review"));
    ui.checkbox(&mut ed.campaign.reviewers_may_message, tr!("rev-reviewers-may-message"));
    let mut practice = ed.campaign.practice.is_some();
    if ui.checkbox(&mut practice, tr!("rev-practice")).changed() {
        ed.campaign.practice = practice.then(|| Question {
            id: peerview_sync::ids::PRACTICE_QUESTION_ID.parse().expect("valid id"),
            prompt: tr!("rev-practice-default-prompt"),
            kind: AnswerKind::Video,
            think_secs: 20,
            answer_limit_secs: 60,
            max_takes: 3,
        });
    }
    if let Some(p) = &mut ed.campaign.practice {
        question_fields(ui, p, None);
    }
    questions_ui(ui, &mut ed.campaign.questions);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("rev-save-campaign")).clicked() {
            match editor_campaign(ed) {
                Ok(c) => {
                    ed.error = None;
                    commands.push(Command::Send(Request::SaveCampaign(Box::new(c))));
                }
                Err(e) => ed.error = Some(e),
            }
        }
        if ui.button(tr!("rev-duplicate")).clicked() {
            let mut copy = ed.campaign.clone();
            copy.id = CampaignId::random();
            copy.title = tr!("rev-copy-title", title = copy.title.as_str());
            copy.created_at = now;
            *ed = Editor::new(copy);
            ed.error = Some(tr!("rev-unsaved-copy"));
        }
        if ui.button(tr!("rev-export-toml")).clicked() {
            match crate::campaign_file::export(&ed.campaign) {
                Ok(text) => {
                    ui.ctx().copy_text(text.clone());
                    ed.toml = text;
                }
                Err(e) => ed.error = Some(format!("{e:#}")),
            }
        }
    });
    if let Some(e) = &ed.error {
        ui.colored_label(ui.visuals().warn_fg_color, e);
    }
    ui.collapsing(tr!("rev-campaign-file"), |ui| {
        let l = ui.label(tr!("rev-campaign-toml"));
        ui.add(egui::TextEdit::multiline(&mut ed.toml).code_editor().desired_rows(8).desired_width(600.0))
            .labelled_by(l.id);
        if ui.button(tr!("rev-import")).clicked() {
            match crate::campaign_file::parse(&tr!("rev-imported-text"), &ed.toml, now) {
                Ok(c) => {
                    *ed = Editor::new(c);
                    ed.error = Some(tr!("rev-imported"));
                }
                Err(e) => ed.error = Some(format!("{e:#}")),
            }
        }
    });
}

/// The questions in order, each with Move up, Move down and Remove; and Add question.
fn questions_ui(ui: &mut egui::Ui, questions: &mut Vec<Question>) {
    ui.label(egui::RichText::new(tr!("rev-questions")).strong());
    let count = questions.len();
    let mut swap = None;
    let mut remove = None;
    for (i, q) in questions.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let n = i + 1;
            ui.label(tr!("rev-question-number", n = n));
            if ui.add_enabled(i > 0, egui::Button::new(tr!("rev-move-up", n = n))).clicked() {
                swap = Some(i - 1);
            }
            if ui.add_enabled(n < count, egui::Button::new(tr!("rev-move-down", n = n))).clicked() {
                swap = Some(i);
            }
            if ui.add_enabled(count > 1, egui::Button::new(tr!("rev-remove-question", n = n))).clicked() {
                remove = Some(i);
            }
        });
        question_fields(ui, q, Some(i + 1));
    }
    if let Some(i) = swap {
        questions.swap(i, i + 1);
    }
    if let Some(i) = remove {
        questions.remove(i);
    }
    if ui.button(tr!("rev-add-question")).clicked() {
        let n = (1..=99).find(|n| !questions.iter().any(|q| q.id.as_str() == format!("q{n}"))).unwrap_or(99);
        questions.push(Question {
            id: format!("q{n}").parse().expect("valid id"),
            prompt: String::new(),
            kind: AnswerKind::Video,
            think_secs: 30,
            answer_limit_secs: 120,
            max_takes: 2,
        });
    }
}

/// A question's prompt and rules: question `n` (from 1), or the practice question (`None`).
fn question_fields(ui: &mut egui::Ui, q: &mut Question, n: Option<usize>) {
    let (prompt, answer) = match n {
        Some(n) => (tr!("rev-question-prompt", n = n), tr!("rev-question-answer", n = n)),
        None => (tr!("rev-practice-prompt"), tr!("rev-practice-answer")),
    };
    ui.indent(&prompt, |ui| {
        let l = ui.label(prompt.as_str());
        ui.add(egui::TextEdit::multiline(&mut q.prompt).desired_rows(2).desired_width(520.0)).labelled_by(l.id);
        ui.horizontal(|ui| {
            egui::ComboBox::from_label(answer).selected_text(fmt::kind(q.kind)).show_ui(ui, |ui| {
                for kind in [AnswerKind::Video, AnswerKind::Audio, AnswerKind::Text] {
                    ui.selectable_value(&mut q.kind, kind, fmt::kind(kind));
                }
            });
            counted(ui, &mut q.think_secs, 0..=600, |secs| tr!("rev-think-secs", secs = secs));
            counted(ui, &mut q.answer_limit_secs, 0..=3600, |secs| tr!("rev-limit-secs", secs = secs));
            counted(ui, &mut q.max_takes, 1..=10, |takes| tr!("rev-max-takes", takes = takes));
        });
    });
}

/// A new campaign with one question to start from.
pub(super) fn new_campaign(now: Timestamp) -> Campaign {
    Campaign {
        id: CampaignId::random(),
        title: tr!("rev-new-campaign"),
        role: String::new(),
        instructions: String::new(),
        practice: None,
        questions: vec![Question {
            id: "q1".parse().expect("valid id"),
            prompt: tr!("rev-default-prompt"),
            kind: AnswerKind::Video,
            think_secs: 30,
            answer_limit_secs: 120,
            max_takes: 2,
        }],
        criteria: crate::campaign_file::DEFAULT_CRITERIA.iter().map(|s| (*s).to_owned()).collect(),
        deadline: Timestamp(now.0 + 14 * 86_400_000),
        created_at: now,
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: crate::fmt::viewer_zone_name(),
    }
}

fn fmt_deadline(t: Timestamp) -> String {
    let secs = u64::try_from(t.0 / 1000).unwrap_or(0);
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    humantime::format_rfc3339_seconds(time).to_string().replace('T', " ").trim_end_matches('Z').to_owned()
}

/// The edited campaign, checked: what the campaign file would refuse is refused here too.
fn editor_campaign(ed: &Editor) -> Result<Campaign, String> {
    let mut c = ed.campaign.clone();
    c.title = c.title.trim().to_owned();
    if c.title.is_empty() {
        return Err(tr!("rev-error-no-title"));
    }
    let text = ed.deadline.trim();
    let parsed = humantime::parse_rfc3339_weak(text)
        .or_else(|_| humantime::parse_rfc3339_weak(&format!("{text}:00")))
        .map_err(|_| tr!("rev-error-deadline", deadline = text))?;
    let ms = parsed.duration_since(std::time::UNIX_EPOCH).map_err(|_| tr!("rev-error-deadline-range"))?.as_millis();
    c.deadline = Timestamp(i64::try_from(ms).map_err(|_| tr!("rev-error-deadline-range"))?);
    c.criteria = ed.criteria.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if c.criteria.is_empty() {
        return Err(tr!("rev-error-no-criteria"));
    }
    c.retention_days = match ed.retention.trim() {
        "" => None,
        days => Some(days.parse().map_err(|_| tr!("rev-error-retention", days = days))?),
    };
    for (i, q) in c.questions.iter().enumerate() {
        if q.prompt.trim().is_empty() {
            return Err(tr!("rev-error-no-prompt", n = i + 1));
        }
        if q.kind != AnswerKind::Text && q.answer_limit_secs == 0 {
            return Err(tr!("rev-error-no-limit", n = i + 1));
        }
    }
    // The same checks as a campaign file: a round trip through the file format.
    let text = crate::campaign_file::export(&c).map_err(|e| format!("{e:#}"))?;
    let checked =
        crate::campaign_file::parse(&tr!("rev-the-campaign"), &text, c.created_at).map_err(|e| format!("{e:#}"))?;
    Ok(Campaign { id: c.id, created_at: c.created_at, ..checked })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_refuses_what_the_file_format_refuses() {
        let mut ed = Editor::new(new_campaign(Timestamp(1_900_000_000_000)));
        assert!(editor_campaign(&ed).is_ok());
        ed.deadline = "next tuesday".into();
        assert!(editor_campaign(&ed).expect_err("refused").contains("not a date"));
        ed.deadline = "2030-05-01 17:00".into();
        ed.campaign.questions[0].prompt = "  ".into();
        assert!(editor_campaign(&ed).expect_err("refused").contains("no prompt"));
    }
}
