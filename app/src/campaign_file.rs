//! The campaign TOML format (`peerview campaign create --file campaign.toml`): parsing with
//! errors that name the line and the field, validation of the rules, and export back to TOML.
//! `examples/campaign.toml` is the documented example.

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use peerview_sync::{AnswerKind, Campaign, CampaignId, Question, QuestionId, Timestamp};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::{Datetime, Offset};

use crate::tr;

/// Scorecard criteria used when a file names none.
pub const DEFAULT_CRITERIA: [&str; 3] = ["Communication", "Relevant experience", "Motivation"];

const MAX_ANSWER_SECS: u32 = 60 * 60;
const MAX_THINK_SECS: u32 = 60 * 60;
const MAX_TAKES: u32 = 10;
/// Ten years: a retention period is a promise to delete; longer is no promise.
pub const MAX_RETENTION_DAYS: u32 = 3650;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCampaign {
    title: Spanned<String>,
    role: String,
    #[serde(default)]
    instructions: String,
    deadline: Spanned<Datetime>,
    #[serde(default)]
    criteria: Option<Spanned<Vec<String>>>,
    practice: Option<FileQuestion>,
    #[serde(default, rename = "question")]
    questions: Vec<FileQuestion>,
    /// Days a submission is kept after its decision (or after the deadline, undecided).
    retention_days: Option<Spanned<u32>>,
    /// Reviewers see aliases, not candidates' names and emails.
    #[serde(default)]
    blind_review: bool,
    /// Reviewers may write in candidates' conversations (they always read them).
    #[serde(default)]
    reviewers_may_message: bool,
    /// The candidate's screens for this campaign in this language (`en`, `de`, `fr`, `es`).
    language: Option<Spanned<String>>,
    /// The deadline is shown in this zone (IANA name); default: this computer's.
    time_zone: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestion {
    id: Option<Spanned<String>>,
    prompt: Spanned<String>,
    answer: AnswerKind,
    #[serde(default = "default_think_secs")]
    think_secs: Spanned<u32>,
    #[serde(default = "default_answer_limit_secs")]
    answer_limit_secs: Spanned<u32>,
    #[serde(default = "default_max_takes")]
    max_takes: Spanned<u32>,
}

fn default_think_secs() -> Spanned<u32> {
    Spanned::new(0..0, 30)
}
fn default_answer_limit_secs() -> Spanned<u32> {
    Spanned::new(0..0, 120)
}
fn default_max_takes() -> Spanned<u32> {
    Spanned::new(0..0, 2)
}

/// Parse and validate a campaign file. `name` is used in error messages.
pub fn parse(name: &str, text: &str, now: Timestamp) -> Result<Campaign> {
    let file: FileCampaign = toml::from_str(text)
        .map_err(|e| anyhow::anyhow!(tr!("cli-campaign-file-syntax", file = name, error = e.to_string())))?;
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    let fail = |line: usize, field: &str, problem: String| -> anyhow::Error {
        anyhow::anyhow!(tr!("cli-campaign-file-field", file = name, line = line, field = field, problem = problem))
    };

    if file.title.get_ref().trim().is_empty() {
        return Err(fail(at(file.title.span()), "title", tr!("cli-campaign-file-empty")));
    }
    let deadline = to_timestamp(file.deadline.get_ref()).map_err(|m| fail(at(file.deadline.span()), "deadline", m))?;
    if file.questions.is_empty() {
        bail!(tr!("cli-campaign-file-no-questions", file = name));
    }
    let criteria = match file.criteria {
        Some(c) => {
            let line = at(c.span());
            let c = c.into_inner();
            if c.is_empty() || c.iter().any(|s| s.trim().is_empty()) {
                return Err(fail(line, "criteria", tr!("cli-campaign-file-criteria")));
            }
            c
        }
        None => DEFAULT_CRITERIA.iter().map(|s| (*s).to_owned()).collect(),
    };

    let retention_days = match file.retention_days {
        Some(days) if *days.get_ref() == 0 || *days.get_ref() > MAX_RETENTION_DAYS => {
            return Err(fail(
                at(days.span()),
                "retention_days",
                tr!("cli-campaign-file-retention", max = MAX_RETENTION_DAYS),
            ));
        }
        Some(days) => Some(days.into_inner()),
        None => None,
    };

    let language = match file.language {
        Some(l) => match crate::i18n::Lang::parse(l.get_ref()) {
            Some(lang) => Some(lang.code().to_owned()),
            None => {
                let known: Vec<_> = crate::i18n::Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
                return Err(fail(
                    at(l.span()),
                    "language",
                    tr!("cli-campaign-file-language", language = l.get_ref().as_str(), known = known.join(", ")),
                ));
            }
        },
        None => None,
    };
    let time_zone = match file.time_zone {
        Some(z) => {
            if crate::fmt::zone(z.get_ref()).is_none() {
                return Err(fail(
                    at(z.span()),
                    "time_zone",
                    tr!("cli-campaign-file-time-zone", zone = z.get_ref().as_str()),
                ));
            }
            Some(z.into_inner())
        }
        None => crate::fmt::viewer_zone_name(),
    };

    let mut seen = HashSet::new();
    let mut questions = Vec::new();
    for (i, q) in file.questions.into_iter().enumerate() {
        let field = format!("question[{}]", i + 1);
        let question = to_question(q, &format!("q{}", i + 1), &field, &at, &fail)?;
        if question.id.as_str() == peerview_sync::ids::PRACTICE_QUESTION_ID {
            bail!(tr!("cli-campaign-file-practice-reserved", file = name, field = field.as_str()));
        }
        if !seen.insert(question.id.clone()) {
            bail!(tr!(
                "cli-campaign-file-duplicate-id",
                file = name,
                field = field.as_str(),
                id = question.id.as_str()
            ));
        }
        questions.push(question);
    }
    let practice = match file.practice {
        Some(q) => Some(to_question(q, peerview_sync::ids::PRACTICE_QUESTION_ID, "practice", &at, &fail)?),
        None => None,
    };
    if let Some(p) = &practice
        && p.id.as_str() != peerview_sync::ids::PRACTICE_QUESTION_ID
    {
        bail!(tr!("cli-campaign-file-practice-id", file = name));
    }
    Ok(Campaign {
        id: CampaignId::random(),
        title: file.title.into_inner().trim().to_owned(),
        role: file.role.trim().to_owned(),
        instructions: file.instructions.trim().to_owned(),
        practice,
        questions,
        criteria,
        deadline,
        created_at: now,
        retention_days,
        blind_review: file.blind_review,
        reviewers_may_message: file.reviewers_may_message,
        language,
        time_zone,
    })
}

fn to_question(
    q: FileQuestion,
    default_id: &str,
    field: &str,
    at: &dyn Fn(std::ops::Range<usize>) -> usize,
    fail: &dyn Fn(usize, &str, String) -> anyhow::Error,
) -> Result<Question> {
    let id: QuestionId = match &q.id {
        Some(id) => id.get_ref().parse().map_err(|e| fail(at(id.span()), &format!("{field}.id"), format!("{e}")))?,
        None => default_id.parse().context("generated id")?,
    };
    if q.prompt.get_ref().trim().is_empty() {
        return Err(fail(at(q.prompt.span()), &format!("{field}.prompt"), tr!("cli-campaign-file-empty")));
    }
    let limit = *q.answer_limit_secs.get_ref();
    let limit_ok =
        if q.answer == AnswerKind::Text { limit <= MAX_ANSWER_SECS } else { (5..=MAX_ANSWER_SECS).contains(&limit) };
    if !limit_ok {
        return Err(fail(
            at(q.answer_limit_secs.span()),
            &format!("{field}.answer_limit_secs"),
            tr!("cli-campaign-file-answer-limit", limit = limit, max = MAX_ANSWER_SECS),
        ));
    }
    if *q.think_secs.get_ref() > MAX_THINK_SECS {
        return Err(fail(
            at(q.think_secs.span()),
            &format!("{field}.think_secs"),
            tr!("cli-campaign-file-think", max = MAX_THINK_SECS),
        ));
    }
    let takes = *q.max_takes.get_ref();
    if !(1..=MAX_TAKES).contains(&takes) {
        return Err(fail(
            at(q.max_takes.span()),
            &format!("{field}.max_takes"),
            tr!("cli-campaign-file-takes", takes = takes, max = MAX_TAKES),
        ));
    }
    Ok(Question {
        id,
        prompt: q.prompt.into_inner().trim().to_owned(),
        kind: q.answer,
        think_secs: *q.think_secs.get_ref(),
        answer_limit_secs: limit,
        max_takes: if q.answer == AnswerKind::Text { 1 } else { takes },
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |t| t.matches('\n').count() + 1)
}

/// A TOML datetime with a time zone, as milliseconds since the epoch.
fn to_timestamp(dt: &Datetime) -> std::result::Result<Timestamp, String> {
    let (Some(date), Some(time)) = (dt.date, dt.time) else {
        return Err(tr!("cli-campaign-file-date-and-time", value = dt.to_string()));
    };
    let offset_minutes = match dt.offset {
        Some(Offset::Z) => 0,
        Some(Offset::Custom { minutes }) => i64::from(minutes),
        None => return Err(tr!("cli-campaign-file-deadline-zone", value = dt.to_string())),
    };
    let days = days_from_civil(i64::from(date.year), i64::from(date.month), i64::from(date.day));
    let secs = days * 86_400 + i64::from(time.hour) * 3600 + i64::from(time.minute) * 60 + i64::from(time.second)
        - offset_minutes * 60;
    Ok(Timestamp(secs * 1000 + i64::from(time.nanosecond / 1_000_000)))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[derive(Serialize)]
struct ExportCampaign<'a> {
    title: &'a str,
    role: &'a str,
    instructions: &'a str,
    deadline: Datetime,
    criteria: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    retention_days: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    blind_review: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reviewers_may_message: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    practice: Option<ExportQuestion<'a>>,
    question: Vec<ExportQuestion<'a>>,
}

#[derive(Serialize)]
struct ExportQuestion<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    prompt: &'a str,
    answer: AnswerKind,
    think_secs: u32,
    answer_limit_secs: u32,
    max_takes: u32,
}

/// The campaign in the TOML format, so it can be edited and created again (e.g. next year).
pub fn export(c: &Campaign) -> Result<String> {
    fn q(q: &Question, with_id: bool) -> ExportQuestion<'_> {
        ExportQuestion {
            id: with_id.then_some(q.id.as_str()),
            prompt: &q.prompt,
            answer: q.kind,
            think_secs: q.think_secs,
            answer_limit_secs: q.answer_limit_secs,
            max_takes: q.max_takes,
        }
    }
    let deadline: Datetime = humantime::format_rfc3339_seconds(c.deadline.to_system_time())
        .to_string()
        .parse()
        .context("formatting the deadline")?;
    let out = ExportCampaign {
        title: &c.title,
        role: &c.role,
        instructions: &c.instructions,
        deadline,
        criteria: &c.criteria,
        practice: c.practice.as_ref().map(|p| q(p, false)),
        question: c.questions.iter().map(|x| q(x, true)).collect(),
        retention_days: c.retention_days,
        blind_review: c.blind_review,
        reviewers_may_message: c.reviewers_may_message,
        language: c.language.as_deref(),
        time_zone: c.time_zone.as_deref(),
    };
    let mut text = String::new();
    let _ = writeln!(text, "# {}", tr!("cli-campaign-exported-from", id = c.id.as_str()));
    text.push_str(&toml::to_string_pretty(&out).context("writing TOML")?);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../examples/campaign.toml");

    #[test]
    fn the_example_file_parses() {
        let c = parse("campaign.toml", EXAMPLE, Timestamp(0)).expect("example parses");
        assert!(c.questions.len() >= 3);
        assert!(c.practice.is_some());
        assert!(c.questions.iter().any(|q| q.kind == AnswerKind::Text));
    }

    #[test]
    fn export_then_parse_gives_the_same_campaign() {
        let c = parse("campaign.toml", EXAMPLE, Timestamp(0)).expect("example parses");
        let again = parse("exported.toml", &export(&c).expect("export"), Timestamp(0)).expect("re-parse");
        assert_eq!(Campaign { id: c.id.clone(), ..again }, c);
    }

    #[test]
    fn deadlines_with_zones() {
        let t = |s: &str| to_timestamp(&s.parse::<Datetime>().expect("datetime"));
        assert_eq!(t("1970-01-02T00:00:00Z"), Ok(Timestamp(86_400_000)));
        assert_eq!(t("2026-12-15T18:00:00+01:00"), t("2026-12-15T17:00:00Z"));
        assert!(t("2026-12-15T17:00:00").expect_err("no zone").contains("time zone"));
        assert!(t("2026-12-15").is_err());
    }

    /// Each bad file is rejected with a message naming the line and the field.
    #[test]
    fn errors_name_line_and_field() {
        let base = "title = \"T\"\nrole = \"R\"\ndeadline = 2030-01-01T00:00:00Z\n";
        let cases: &[(&str, &str)] = &[
            ("[[question]]\nprompt = \"P\"\nanswer = \"vidoe\"\n", "line 6"),
            ("[[question]]\nanswer = \"video\"\n", "missing field `prompt`"),
            (
                "[[question]]\nprompt = \"P\"\nanswer = \"video\"\nanswer_limit_secs = 2\n",
                ":7: field `question[1].answer_limit_secs`",
            ),
            ("[[question]]\nprompt = \"P\"\nanswer = \"video\"\nmax_takes = 0\n", ":7: field `question[1].max_takes`"),
            ("[[question]]\nid = \"Intro!\"\nprompt = \"P\"\nanswer = \"video\"\n", ":5: field `question[1].id`"),
            ("[[question]]\nprompt = \"P\"\nanswer = \"video\"\ncolour = 1\n", "unknown field `colour`"),
            (
                "[[question]]\nid=\"a\"\nprompt = \"P\"\nanswer = \"text\"\n[[question]]\nid=\"a\"\nprompt = \"Q\"\nanswer = \"text\"\n",
                "used twice",
            ),
            ("", "at least one [[question]]"),
        ];
        for (tail, expected) in cases {
            let err = parse("c.toml", &format!("{base}{tail}"), Timestamp(0)).expect_err(tail).to_string();
            assert!(err.contains(expected), "{tail:?}: expected {expected:?} in:\n{err}");
            assert!(err.starts_with("c.toml"), "{err}");
        }
        let err = parse("c.toml", "title = \"T\"\nrole = \"R\"\ndeadline = 2030-01-01T00:00:00\n[[question]]\nprompt=\"P\"\nanswer=\"text\"\n", Timestamp(0))
            .expect_err("no zone")
            .to_string();
        assert!(err.starts_with("c.toml:3: field `deadline`"), "{err}");
    }
}
