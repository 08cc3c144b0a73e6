//! The campaign editor (employer): title, role, instructions, the candidates' language, the
//! campaign's time zone and the deadline in it, scorecard criteria, retention, review options,
//! the practice question and the questions; save, duplicate, and the campaign file (TOML) out
//! and in. What the campaign file refuses is refused here too.

use eframe::egui;
use jiff::tz::TimeZone;
use peerview_sync::doc::{AnswerKind, Campaign, Question};
use peerview_sync::{CampaignId, Timestamp};

use super::service::{CampaignView, Request};
use super::{Command, counted};
use crate::i18n::Lang;
use crate::{fmt, tr};

/// A campaign being edited.
pub(super) struct Editor {
    pub(super) campaign: Campaign,
    /// The campaign's time zone (IANA name); empty: the viewer's.
    zone: String,
    /// The deadline as a date and time in `zone`.
    deadline: String,
    criteria: String,
    /// Days to keep a submission after its decision; empty: until deleted by hand.
    retention: String,
    toml: String,
    error: Option<String>,
}

impl Editor {
    pub(super) fn new(campaign: Campaign) -> Editor {
        // A campaign from before campaigns had a zone gets the viewer's, as a new one does.
        let zone = campaign.time_zone.clone().or_else(fmt::viewer_zone_name).unwrap_or_default();
        let tz = editor_zone(&zone).map_or(TimeZone::UTC, |(_, tz)| tz);
        Editor {
            deadline: fmt_deadline(campaign.deadline, &tz),
            zone,
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
    // Each label above its field (a two-column grid ran past the window's edge at 200 % text
    // size), fields no wider than the window.
    ui.scope(|ui| {
        for (name, value) in [(tr!("rev-title"), &mut ed.campaign.title), (tr!("rev-role"), &mut ed.campaign.role)] {
            let l = ui.label(name);
            ui.add(egui::TextEdit::singleline(value).desired_width(fit(ui, 420.0))).labelled_by(l.id);
        }
        let l = ui.label(tr!("rev-instructions"));
        ui.add(egui::TextEdit::multiline(&mut ed.campaign.instructions).desired_rows(3).desired_width(fit(ui, 420.0)))
            .labelled_by(l.id);
        language_ui(ui, &mut ed.campaign.language);
        zone_and_deadline_ui(ui, &mut ed.zone, &mut ed.deadline);
        let l = ui.label(tr!("rev-criteria"));
        ui.add(egui::TextEdit::singleline(&mut ed.criteria).desired_width(fit(ui, 420.0))).labelled_by(l.id);
        let l = ui.label(tr!("rev-retention"));
        ui.add(
            egui::TextEdit::singleline(&mut ed.retention)
                .hint_text(tr!("rev-retention-none"))
                .desired_width(fit(ui, 120.0)),
        )
        .labelled_by(l.id)
        .on_hover_text(tr!("rev-retention-hint"));
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
    ui.horizontal_wrapped(|ui| {
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
        ui.add(egui::TextEdit::multiline(&mut ed.toml).code_editor().desired_rows(8).desired_width(fit(ui, 600.0)))
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
        ui.horizontal_wrapped(|ui| {
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
        ui.add(egui::TextEdit::multiline(&mut q.prompt).desired_rows(2).desired_width(fit(ui, 520.0)))
            .labelled_by(l.id);
        ui.horizontal_wrapped(|ui| {
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
        criteria: vec![
            tr!("rev-criterion-communication"),
            tr!("rev-criterion-experience"),
            tr!("rev-criterion-motivation"),
        ],
        deadline: Timestamp(now.0 + 14 * 86_400_000),
        created_at: now,
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: crate::fmt::viewer_zone_name(),
    }
}

/// The candidates' language: one for everyone (each language named in itself), or each
/// candidate's own.
fn language_ui(ui: &mut egui::Ui, language: &mut Option<String>) {
    let l = ui.label(tr!("rev-language"));
    let mut chosen = language.as_deref().and_then(Lang::parse);
    let each = tr!("rev-language-each");
    egui::ComboBox::from_id_salt("campaign_language")
        .selected_text(chosen.map_or_else(|| each.clone(), |lang| lang.native_name().to_owned()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, each.as_str());
            for lang in Lang::ALL {
                ui.selectable_value(&mut chosen, Some(lang), lang.native_name());
            }
        })
        .response
        .labelled_by(l.id);
    *language = chosen.map(|lang| lang.code().to_owned());
}

/// The campaign's time zone, and the deadline entered and shown in it (with how it reads in
/// the viewer's own zone where that differs).
fn zone_and_deadline_ui(ui: &mut egui::Ui, zone: &mut String, deadline: &mut String) {
    let l = ui.label(tr!("rev-time-zone"));
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::TextEdit::singleline(zone).hint_text(tr!("rev-time-zone-hint")).desired_width(fit(ui, 200.0)))
            .labelled_by(l.id);
        if editor_zone(zone).is_err() {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("rev-time-zone-unknown"));
        }
    });
    let known = editor_zone(zone).ok();
    let shown = match &known {
        Some((name, _)) => name.clone().unwrap_or_else(|| "UTC".to_owned()),
        None => zone.trim().to_owned(),
    };
    let l = ui.label(tr!("rev-deadline", zone = shown));
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::TextEdit::singleline(deadline).desired_width(fit(ui, 200.0))).labelled_by(l.id);
        if let Some((name, tz)) = &known
            && let Ok(t) = parse_deadline(deadline, tz)
        {
            ui.weak(fmt::deadline(t, name.as_deref()));
        }
    });
}

/// The zone a deadline is entered in: the one named, or the viewer's if none is (with its IANA
/// name where the system has one).
fn editor_zone(text: &str) -> Result<(Option<String>, TimeZone), String> {
    let name = text.trim();
    if name.is_empty() {
        let tz = fmt::viewer_zone();
        return Ok((tz.iana_name().map(str::to_owned), tz));
    }
    fmt::zone(name).map(|tz| (Some(name.to_owned()), tz)).ok_or_else(|| tr!("rev-error-zone", zone = name))
}

/// `2026-12-31 17:00` in `tz` (seconds only where there are some).
fn fmt_deadline(t: Timestamp, tz: &TimeZone) -> String {
    let Ok(at) = jiff::Timestamp::from_millisecond(t.0) else { return String::new() };
    let local = at.to_zoned(tz.clone());
    let format = if local.second() == 0 { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d %H:%M:%S" };
    local.strftime(format).to_string()
}

/// A date and time such as `2026-12-31 17:00` (or with seconds, or a `T`) as a moment in `tz`.
fn parse_deadline(text: &str, tz: &TimeZone) -> Result<Timestamp, String> {
    let text = text.trim();
    let local: jiff::civil::DateTime = text.parse().map_err(|_| tr!("rev-error-deadline", deadline = text))?;
    // A time that does not exist (skipped by a clock change) is taken as the later one.
    let at = local.to_zoned(tz.clone()).map_err(|_| tr!("rev-error-deadline-range"))?;
    match at.timestamp().as_millisecond() {
        ms if ms >= 0 => Ok(Timestamp(ms)),
        _ => Err(tr!("rev-error-deadline-range")),
    }
}

/// The edited campaign, checked: what the campaign file would refuse is refused here too.
fn editor_campaign(ed: &Editor) -> Result<Campaign, String> {
    let mut c = ed.campaign.clone();
    c.title = c.title.trim().to_owned();
    if c.title.is_empty() {
        return Err(tr!("rev-error-no-title"));
    }
    let (zone, tz) = editor_zone(&ed.zone)?;
    c.time_zone = zone;
    c.deadline = parse_deadline(&ed.deadline, &tz)?;
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
        ed.campaign.questions[0].prompt = "Why?".into();
        ed.zone = "Mars/Olympus".into();
        assert!(editor_campaign(&ed).expect_err("refused").contains("Mars/Olympus"));
    }

    #[test]
    fn a_new_campaigns_criteria_are_the_file_formats_defaults_in_english() {
        let c = crate::i18n::with_lang(Some(Lang::En), || new_campaign(Timestamp(0)));
        assert_eq!(c.criteria, crate::campaign_file::DEFAULT_CRITERIA);
        let c = crate::i18n::with_lang(Some(Lang::De), || new_campaign(Timestamp(0)));
        assert_eq!(c.criteria[0], "Kommunikation");
    }

    #[test]
    fn the_deadline_is_a_date_and_time_in_the_campaigns_zone() {
        let Some(berlin) = fmt::zone("Europe/Berlin") else { return }; // no tz database here
        let utc = |text: &str| Timestamp(text.parse::<jiff::Timestamp>().expect("instant").as_millisecond());
        let cases = [
            ("2030-01-15 17:00", "2030-01-15T16:00:00Z", "2030-01-15 17:00"),
            ("2030-07-15T17:00", "2030-07-15T15:00:00Z", "2030-07-15 17:00"),
            ("2030-07-15 17:00:30", "2030-07-15T15:00:30Z", "2030-07-15 17:00:30"),
            // 02:30 does not exist on the spring-forward night: the later reading.
            ("2030-03-31 02:30", "2030-03-31T01:30:00Z", "2030-03-31 03:30"),
        ];
        for (typed, instant, shown) in cases {
            let t = parse_deadline(typed, &berlin).expect(typed);
            assert_eq!(t, utc(instant), "{typed}");
            assert_eq!(fmt_deadline(t, &berlin), shown, "{typed}");
        }
        assert!(parse_deadline("next tuesday", &berlin).is_err());
        assert!(parse_deadline("1960-01-01 00:00", &berlin).is_err());
    }

    #[test]
    fn a_saved_campaign_keeps_its_zone_and_language() {
        if fmt::zone("Europe/Berlin").is_none() {
            return;
        }
        let mut ed = Editor::new(new_campaign(Timestamp(1_900_000_000_000)));
        ed.zone = "Europe/Berlin".into();
        ed.deadline = "2030-01-15 17:00".into();
        ed.campaign.language = Some("de".into());
        let c = editor_campaign(&ed).expect("valid");
        assert_eq!((c.time_zone.as_deref(), c.language.as_deref()), (Some("Europe/Berlin"), Some("de")));
        assert_eq!(Editor::new(c).deadline, "2030-01-15 17:00");
    }
}

/// A field's width: `wanted`, or what the window leaves when that is less (large text sizes).
fn fit(ui: &egui::Ui, wanted: f32) -> f32 {
    wanted.min(ui.available_width())
}
