//! Human-readable times and durations for the CLI and the GUI.

use peerview_sync::{AnswerKind, Question, Timestamp};

/// `2026-12-15 17:00 UTC`.
pub fn date_time(t: Timestamp) -> String {
    let s = humantime::format_rfc3339_seconds(t.to_system_time()).to_string();
    // 2026-12-15T17:00:00Z -> 2026-12-15 17:00 UTC
    match (s.get(..10), s.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => s,
    }
}

/// "in 3 days", "2 hours ago", "now".
pub fn relative(now: Timestamp, t: Timestamp) -> String {
    let diff_secs = (t.millis() - now.millis()) / 1000;
    let abs = diff_secs.unsigned_abs();
    let amount = if abs < 60 {
        return "now".to_owned();
    } else if abs < 3600 {
        plural(abs / 60, "minute")
    } else if abs < 86_400 {
        plural(abs / 3600, "hour")
    } else {
        plural(abs / 86_400, "day")
    };
    if diff_secs > 0 { format!("in {amount}") } else { format!("{amount} ago") }
}

/// A size in megabytes with one decimal, e.g. `24.0 MB`.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1e6;
    format!("{mb:.1} MB")
}

/// `45 s`, `2 min`, `2 min 30 s`.
pub fn secs(s: u32) -> String {
    match (s / 60, s % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// `video · think 30 s · answer up to 2 min · 3 takes`.
pub fn question_rules(q: &Question) -> String {
    match q.kind {
        AnswerKind::Text => {
            let limit = if q.answer_limit_secs == 0 {
                "no time limit".to_owned()
            } else {
                format!("write within {}", secs(q.answer_limit_secs))
            };
            format!("text · think {} · {limit}", secs(q.think_secs))
        }
        kind => format!(
            "{kind} · think {} · answer up to {} · {} take{}",
            secs(q.think_secs),
            secs(q.answer_limit_secs),
            q.max_takes,
            if q.max_takes == 1 { "" } else { "s" }
        ),
    }
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(date_time(Timestamp(86_400_000 + 3_600_000)), "1970-01-02 01:00 UTC");
        assert_eq!(relative(Timestamp(0), Timestamp(3 * 86_400_000 + 5)), "in 3 days");
        assert_eq!(relative(Timestamp(7_200_000), Timestamp(0)), "2 hours ago");
        assert_eq!(relative(Timestamp(0), Timestamp(30_000)), "now");
        assert_eq!(secs(150), "2 min 30 s");
        assert_eq!(secs(45), "45 s");
        assert_eq!(secs(120), "2 min");
    }
}
