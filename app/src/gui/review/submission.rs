//! The review of one submission: each question's answer (player, waveform for sound only, or
//! text), comments at moments that seek when clicked, the scorecard (the other reviewers'
//! scores hidden until one's own is in), the conversation with the candidate, the decision,
//! and Export.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;
use peerview_media::player::TimeSource;
use peerview_sync::CandidateId;
use peerview_sync::doc::{Answer, EventKind, Question, Review, Verdict};

use super::service::{CampaignView, Entry, Request};
use super::{Command, conversation, inbox, one_decimal};
use crate::fmt;
use crate::gui::devices::SharedDevices;
use crate::gui::widgets::{Loading, PlayerView, clock_text};
use crate::tr;

/// What the screen draws with, besides the submission.
pub(super) struct Env<'a> {
    pub(super) devices: &'a SharedDevices,
    pub(super) clock: &'a Arc<dyn TimeSource>,
    pub(super) data_dir: &'a Path,
    pub(super) employer: bool,
}

/// The submission on screen.
pub(super) struct Open {
    candidate: CandidateId,
    question: usize,
    player: Option<(String, PlayerView)>,
    loading: Option<(String, Loading<Result<PlayerView, String>>)>,
    /// Recordings ready to play, by hash.
    prepared: HashMap<String, PathBuf>,
    waveforms: HashMap<String, Vec<f32>>,
    /// Recordings asked for (once each).
    asked: HashSet<String>,
    comment: String,
    verdict: Verdict,
    message: String,
    /// A message being written to the candidate, and a reason for declining a request.
    pub(super) reply: String,
    pub(super) decline_reason: String,
    /// Per open request (by id): the amount the employer is about to grant.
    pub(super) grant_amounts: HashMap<String, peerview_sync::doc::RequestKind>,
    /// The conversation's length when it was last reported as read.
    pub(super) marked_read: usize,
}

impl Open {
    pub(super) fn new(candidate: CandidateId) -> Open {
        Open {
            candidate,
            question: 0,
            player: None,
            loading: None,
            prepared: HashMap::new(),
            waveforms: HashMap::new(),
            asked: HashSet::new(),
            comment: String::new(),
            verdict: Verdict::Advance,
            message: String::new(),
            reply: String::new(),
            decline_reason: String::new(),
            grant_amounts: HashMap::new(),
            marked_read: 0,
        }
    }

    /// A recording is ready to play (sound-only ones with their waveform).
    pub(super) fn prepared(&mut self, hash: String, path: PathBuf, waveform: Option<Vec<f32>>) {
        if let Some(w) = waveform {
            self.waveforms.insert(hash.clone(), w);
        }
        self.prepared.insert(hash, path);
    }

    /// The player once it has opened, or why it could not.
    pub(super) fn poll_player(&mut self) -> Option<Result<(), String>> {
        let (hash, loading) = self.loading.as_ref()?;
        let result = loading.poll()?;
        let hash = hash.clone();
        self.loading = None;
        Some(result.map(|p| self.player = Some((hash, p))))
    }
}

pub(super) fn submission_ui(
    ui: &mut egui::Ui,
    env: &Env<'_>,
    campaigns: &[CampaignView],
    open: &mut Open,
    commands: &mut Vec<Command>,
) {
    let Some((view, entry)) =
        campaigns.iter().find_map(|v| v.entries.iter().find(|e| e.candidate.id == open.candidate).map(|e| (v, e)))
    else {
        return;
    };
    let Some(submission) = &entry.submission else { return };
    let reviews = entry.reviews.as_ref();
    let mine: Review = reviews.and_then(|r| r.by_reviewer.get(&view.me).cloned()).unwrap_or_default();
    let mut requests = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("rev-back-to-inbox")).clicked() {
            commands.push(Command::Close);
        }
        ui.heading(&entry.candidate.name);
        ui.label(inbox::status(entry, &view.campaign));
        if ui.button(tr!("rev-export")).clicked() {
            let dir = env.data_dir.join("exports").join(slug(&entry.candidate.name));
            commands.push(Command::Send(Request::Export { candidate: entry.candidate.id.clone(), dir }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        for i in 0..view.campaign.questions.len() {
            if ui.selectable_label(open.question == i, tr!("rev-question", n = i + 1)).clicked() && open.question != i {
                open.question = i;
                open.player = None;
                open.loading = None;
            }
        }
    });
    let Some(question) = view.campaign.questions.get(open.question) else { return };
    ui.label(egui::RichText::new(&question.prompt).size(18.0).strong());
    // The answer and its comments on the left, scorecard, conversation and decision on the
    // right; one below the other where the window is narrow (or the text large).
    let side = |ui: &mut egui::Ui, open: &mut Open, requests: &mut Vec<Request>| {
        scorecard_ui(ui, view, entry, &mine, requests);
        ui.separator();
        conversation::conversation_ui(ui, view, entry, submission, open, env.employer, requests);
        ui.separator();
        decision_ui(ui, entry, submission, open, requests);
    };
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| answer_ui(ui, env, entry, question, open, &mut requests));
            ui.add_space(16.0);
            ui.vertical(|ui| side(ui, open, &mut requests));
        });
    } else {
        answer_ui(ui, env, entry, question, open, &mut requests);
        ui.separator();
        side(ui, open, &mut requests);
    }
    commands.extend(requests.into_iter().map(Command::Send));
}

/// Below this width (in points) the answer and the scorecard stand one below the other.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// The answer to the question on screen (player, waveform, or text) and the comments on it.
fn answer_ui(
    ui: &mut egui::Ui,
    env: &Env<'_>,
    entry: &Entry,
    question: &Question,
    open: &mut Open,
    requests: &mut Vec<Request>,
) {
    let Some(submission) = &entry.submission else { return };
    let reviews = entry.reviews.as_ref();
    ui.set_max_width(580.0_f32.min(ui.available_width()));
    let mut position_ms = 0;
    match submission.answers.get(&question.id) {
        None => {
            ui.label(tr!("rev-not-answered"));
        }
        Some(Answer::Text(t)) => {
            ui.label(&t.text);
        }
        Some(Answer::Recording(take)) => {
            let hash = take.hash.clone();
            let here = entry.recordings.1 > 0
                && (entry.recordings.0 >= entry.recordings.1 || open.prepared.contains_key(&hash));
            match (&mut open.player, open.prepared.get(&hash)) {
                (Some((h, player)), _) if *h == hash => {
                    player.show(ui, egui::vec2(560.0, 315.0));
                    if let Some(peaks) = open.waveforms.get(&hash) {
                        waveform(ui, peaks, &player.player);
                    }
                    position_ms = player.player.position_us() / 1000;
                }
                (_, Some(path)) if open.loading.is_none() => {
                    let loading = PlayerView::open(
                        ui.ctx(),
                        path.clone(),
                        tr!("rev-player-label", name = entry.candidate.name.as_str(), n = open.question + 1),
                        env.devices.speakers(),
                        env.clock.clone(),
                    );
                    open.loading = Some((hash.clone(), loading));
                    ui.spinner();
                }
                _ if here || entry.recordings.0 >= entry.recordings.1 => {
                    if open.asked.insert(hash.clone()) {
                        requests.push(Request::Prepare { hash });
                    }
                    ui.spinner();
                }
                _ => {
                    let pct = entry.recordings.0 * 100 / entry.recordings.1.max(1);
                    ui.label(tr!("rev-recording-arriving", percent = pct));
                }
            }
            ui.weak(tr!("rev-take", take = take.take_number, duration = clock_text(take.duration_ms.div_ceil(1000))));
        }
    }
    // Comments at moments of this answer, everyone's; a click seeks there.
    ui.separator();
    ui.label(egui::RichText::new(tr!("rev-comments")).strong());
    let mut seek = None;
    if let Some(r) = reviews {
        let mut all: Vec<(&str, &peerview_sync::doc::ReviewComment)> = r
            .by_reviewer
            .values()
            .flat_map(|rev| rev.comments.iter().map(move |c| (rev.reviewer_name.as_str(), c)))
            .filter(|(_, c)| c.question == question.id)
            .collect();
        all.sort_by_key(|(_, c)| c.at_ms);
        for (name, c) in all {
            if ui
                .button(tr!("rev-comment-item", at = clock_text(c.at_ms / 1000), name = name, text = c.text.as_str()))
                .on_hover_text(tr!("rev-play-from-here"))
                .clicked()
            {
                seek = Some(c.at_ms);
            }
        }
    }
    if let (Some(at), Some((_, player))) = (seek, &open.player) {
        player.player.seek(at * 1000);
        player.player.play();
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("rev-comment"));
        ui.add(egui::TextEdit::singleline(&mut open.comment).desired_width(380.0_f32.min(ui.available_width())))
            .labelled_by(l.id);
        let label = tr!("rev-comment-at", at = clock_text(position_ms / 1000));
        if ui.add_enabled(!open.comment.trim().is_empty(), egui::Button::new(label)).clicked() {
            requests.push(Request::Comment {
                candidate: entry.candidate.id.clone(),
                question: question.id.clone(),
                at_ms: position_ms,
                text: open.comment.trim().to_owned(),
            });
            open.comment.clear();
        }
    });
}

/// One's own scorecard first; the others' only once one's own is in.
fn scorecard_ui(ui: &mut egui::Ui, view: &CampaignView, entry: &Entry, mine: &Review, requests: &mut Vec<Request>) {
    let reviews = entry.reviews.as_ref();
    ui.label(egui::RichText::new(tr!("rev-your-scorecard", name = view.my_name.as_str())).strong());
    for criterion in &view.campaign.criteria {
        let current = mine.scores.get(criterion).copied();
        let mut chosen = current;
        egui::ComboBox::from_label(criterion.as_str())
            .selected_text(current.map_or_else(|| tr!("rev-not-scored"), score_text))
            .show_ui(ui, |ui| {
                for s in 1..=5u8 {
                    ui.selectable_value(&mut chosen, Some(s), score_text(s));
                }
            });
        if chosen != current
            && let Some(score) = chosen
        {
            requests.push(Request::Score {
                candidate: entry.candidate.id.clone(),
                criterion: criterion.clone(),
                score,
            });
        }
    }
    if mine.submitted_at.is_none() {
        let all_scored = view.campaign.criteria.iter().all(|c| mine.scores.contains_key(c));
        if ui.add_enabled(all_scored, egui::Button::new(tr!("rev-submit-scorecard"))).clicked() {
            requests.push(Request::SubmitScores(entry.candidate.id.clone()));
        }
        // Who submitted, from their mark in the reviews: their scores are not on this computer
        // (a reviewer's) until one's own scorecard is in.
        let others = reviews.map_or(0, |r| {
            r.by_reviewer.iter().filter(|(id, rev)| **id != view.me && rev.submitted_at.is_some()).count()
        });
        if others > 0 {
            ui.weak(tr!("rev-others-scored", count = others));
        }
    } else if let Some(r) = reviews {
        ui.weak(tr!("rev-side-by-side"));
        let average = r.average_scores();
        egui::Grid::new("scores").striped(true).show(ui, |ui| {
            ui.label(tr!("rev-criterion"));
            for rev in r.by_reviewer.values() {
                ui.label(&rev.reviewer_name);
            }
            ui.label(tr!("rev-average"));
            ui.end_row();
            for criterion in &view.campaign.criteria {
                ui.label(criterion);
                for rev in r.by_reviewer.values() {
                    ui.label(rev.scores.get(criterion).map_or_else(|| "-".to_owned(), ToString::to_string));
                }
                ui.label(average.get(criterion).map_or_else(|| "-".to_owned(), |a| one_decimal(*a)));
                ui.end_row();
            }
        });
    }
}

/// The decision sent, if any, and Advance / Hold / Reject with a message for the candidate.
fn decision_ui(
    ui: &mut egui::Ui,
    entry: &Entry,
    submission: &peerview_sync::Submission,
    open: &mut Open,
    requests: &mut Vec<Request>,
) {
    ui.label(egui::RichText::new(tr!("rev-decision")).strong());
    if let Some(d) = submission.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Decision { verdict, message } => Some((*verdict, message.clone(), e.by.clone(), e.at)),
        _ => None,
    }) {
        let (verdict, by, at) = (d.0.to_string(), d.2.as_str(), fmt::date_time(d.3));
        ui.label(match d.1 {
            Some(message) => {
                tr!("rev-decision-sent-with-message", verdict = verdict, by = by, at = at, message = message)
            }
            None => tr!("rev-decision-sent", verdict = verdict, by = by, at = at),
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut open.verdict, Verdict::Advance, tr!("rev-advance"));
        ui.radio_value(&mut open.verdict, Verdict::Hold, tr!("rev-hold"));
        ui.radio_value(&mut open.verdict, Verdict::Reject, tr!("rev-reject"));
    });
    let l = ui.label(tr!("rev-decision-message"));
    ui.add(
        egui::TextEdit::multiline(&mut open.message).desired_rows(2).desired_width(500.0_f32.min(ui.available_width())),
    )
    .labelled_by(l.id);
    if ui.button(tr!("rev-send-decision")).clicked() {
        let message = Some(open.message.trim().to_owned()).filter(|m| !m.is_empty());
        requests.push(Request::Decide { candidate: entry.candidate.id.clone(), verdict: open.verdict, message });
    }
}

/// A sound-only answer's waveform with the play position; a click seeks there.
fn waveform(ui: &mut egui::Ui, peaks: &[f32], player: &peerview_media::player::Player) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(560.0, 80.0), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("rev-waveform")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let step = rect.width() / peaks.len().max(1) as f32;
    let color = ui.visuals().selection.bg_fill;
    for (i, p) in peaks.iter().enumerate() {
        let x = rect.left() + (i as f32 + 0.5) * step;
        let h = (p * rect.height() * 0.9).max(1.0);
        painter.line_segment(
            [egui::pos2(x, rect.center().y - h / 2.0), egui::pos2(x, rect.center().y + h / 2.0)],
            egui::Stroke::new(step.max(1.0) * 0.7, color),
        );
    }
    let duration = player.duration_us().max(1);
    let x = rect.left() + rect.width() * (player.position_us() as f32 / duration as f32);
    painter.line_segment(
        [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let fraction = ((pos.x - rect.left()) / rect.width()).clamp(0.0, 1.0);
        player.seek((f64::from(fraction) * duration as f64) as u64);
    }
}

/// `4 - good`.
fn score_text(s: u8) -> String {
    match s {
        1 => tr!("rev-score-1"),
        2 => tr!("rev-score-2"),
        3 => tr!("rev-score-3"),
        4 => tr!("rev-score-4"),
        _ => tr!("rev-score-5"),
    }
}

/// A folder name from a person's name: `Ada Lovelace` -> `ada-lovelace`.
fn slug(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    s.trim_matches('-').to_owned()
}
