//! Human-readable times, durations and sizes for the CLI and the GUI, in the current language
//! ([`crate::i18n`]) and in the viewer's time zone, always named.

use jiff::tz::TimeZone;
use peerview_sync::{AnswerKind, Question, Timestamp};

use crate::tr;

thread_local! {
    static ZONE: std::cell::RefCell<Option<TimeZone>> = const { std::cell::RefCell::new(None) };
}

/// The viewer's time zone: this thread's if one was set ([`set_thread_zone`]: the app sets its
/// injected zone, so tests do not depend on the computer's), else the system's (`TZ`,
/// `/etc/localtime`, Windows' setting); UTC when the system has no time zone database.
pub fn viewer_zone() -> TimeZone {
    ZONE.with(|z| z.borrow().clone()).unwrap_or_else(system_zone)
}

/// The computer's time zone.
pub fn system_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// This thread's viewer zone from now on (`None`: the system's).
pub fn set_thread_zone(tz: Option<TimeZone>) {
    ZONE.with(|z| *z.borrow_mut() = tz);
}

/// A time zone by IANA name (`Europe/Berlin`), if this system knows it.
pub fn zone(name: &str) -> Option<TimeZone> {
    TimeZone::get(name).ok()
}

/// The viewer's time zone's IANA name, if the system says (for a new campaign's zone).
pub fn viewer_zone_name() -> Option<String> {
    viewer_zone().iana_name().map(str::to_owned)
}

fn zoned(t: Timestamp, tz: &TimeZone) -> Option<jiff::Zoned> {
    jiff::Timestamp::from_millisecond(t.millis()).ok().map(|ts| ts.to_zoned(tz.clone()))
}

/// The zone's name at that moment: its abbreviation where it has a real one (`CET`, `EST`,
/// `UTC`), else its IANA name (`America/Sao_Paulo`), else the offset (`UTC+03:00`).
fn zone_name(z: &jiff::Zoned) -> String {
    let abbreviation = z.time_zone().to_offset_info(z.timestamp()).abbreviation().to_owned();
    if abbreviation.chars().all(|c| c.is_ascii_alphabetic()) && !abbreviation.is_empty() {
        return abbreviation;
    }
    match z.time_zone().iana_name() {
        Some(name) => name.to_owned(),
        None => format!("UTC{}", z.offset()),
    }
}

/// `2026-12-15 17:00 CET` (in English; each language its own order), in the viewer's zone.
pub fn date_time(t: Timestamp) -> String {
    date_time_in(t, &viewer_zone())
}

/// [`date_time`] in a given zone.
pub fn date_time_in(t: Timestamp, tz: &TimeZone) -> String {
    let Some(z) = zoned(t, tz) else { return format!("{} ms", t.millis()) };
    tr!(
        "common-date-time",
        year = z.year().to_string(),
        month = format!("{:02}", z.month()),
        day = format!("{:02}", z.day()),
        time = format!("{:02}:{:02}", z.hour(), z.minute()),
        zone = zone_name(&z),
    )
}

/// A campaign's time as written for anyone, anywhere (an invite mail): in the campaign's zone,
/// UTC for a campaign without one; always named.
pub fn in_campaign_zone(t: Timestamp, campaign_zone: Option<&str>) -> String {
    date_time_in(t, &campaign_zone.and_then(zone).unwrap_or(TimeZone::UTC))
}

/// `17:00 CET`, in the viewer's zone.
pub fn time_of_day(t: Timestamp) -> String {
    let Some(z) = zoned(t, &viewer_zone()) else { return String::new() };
    format!("{:02}:{:02} {}", z.hour(), z.minute(), zone_name(&z))
}

/// A deadline as the viewer should read it: in the campaign's time zone, and in the viewer's
/// too where the two differ at that moment ("2026-12-15 17:00 CET (11:00 EST where you are)").
pub fn deadline(t: Timestamp, campaign_zone: Option<&str>) -> String {
    deadline_for(t, campaign_zone, &viewer_zone())
}

/// [`deadline`] for a viewer in `here`.
pub fn deadline_for(t: Timestamp, campaign_zone: Option<&str>, here: &TimeZone) -> String {
    let Some(there) = campaign_zone.and_then(zone) else { return date_time_in(t, here) };
    let (Some(a), Some(b)) = (zoned(t, &there), zoned(t, here)) else { return date_time_in(t, here) };
    if a.offset() == b.offset() && zone_name(&a) == zone_name(&b) {
        return date_time_in(t, here);
    }
    let local = if a.date() == b.date() {
        format!("{:02}:{:02} {}", b.hour(), b.minute(), zone_name(&b))
    } else {
        date_time_in(t, here)
    };
    tr!("common-deadline-two-zones", there = date_time_in(t, &there), here = local)
}

/// "in 3 days", "2 hours ago", "now".
pub fn relative(now: Timestamp, t: Timestamp) -> String {
    let diff_secs = (t.millis() - now.millis()) / 1000;
    let abs = diff_secs.unsigned_abs();
    let future = diff_secs > 0;
    if abs < 60 {
        tr!("common-now")
    } else if abs < 3600 {
        let n = abs / 60;
        if future { tr!("common-in-minutes", n = n) } else { tr!("common-minutes-ago", n = n) }
    } else if abs < 86_400 {
        let n = abs / 3600;
        if future { tr!("common-in-hours", n = n) } else { tr!("common-hours-ago", n = n) }
    } else {
        let n = abs / 86_400;
        if future { tr!("common-in-days", n = n) } else { tr!("common-days-ago", n = n) }
    }
}

/// A size in megabytes with one decimal, e.g. `24.0 MB` (`24,0 MB` in German).
pub fn megabytes(bytes: u64) -> String {
    let mb = (bytes as f64 / 1e5).round() / 10.0;
    tr!("common-megabytes", mb = fluent_bundle::types::FluentNumber::new(mb, one_decimal()))
}

fn one_decimal() -> fluent_bundle::types::FluentNumberOptions {
    fluent_bundle::types::FluentNumberOptions { minimum_fraction_digits: Some(1), ..Default::default() }
}

/// `45 s`, `2 min`, `2 min 30 s`.
pub fn secs(s: u32) -> String {
    match (s / 60, s % 60) {
        (0, s) => tr!("common-secs", s = s),
        (m, 0) => tr!("common-mins", m = m),
        (m, s) => tr!("common-mins-secs", m = m, s = s),
    }
}

/// `video`, `audio`, `text`, in the current language.
pub fn kind(kind: AnswerKind) -> String {
    match kind {
        AnswerKind::Video => tr!("common-kind-video"),
        AnswerKind::Audio => tr!("common-kind-audio"),
        AnswerKind::Text => tr!("common-kind-text"),
    }
}

/// `video · think 30 s · answer up to 2 min · 3 takes`.
pub fn question_rules(q: &Question) -> String {
    match q.kind {
        AnswerKind::Text if q.answer_limit_secs == 0 => {
            tr!("common-rules-text-unlimited", think = secs(q.think_secs))
        }
        AnswerKind::Text => {
            tr!("common-rules-text", think = secs(q.think_secs), limit = secs(q.answer_limit_secs))
        }
        k => tr!(
            "common-rules-recording",
            kind = kind(k),
            think = secs(q.think_secs),
            limit = secs(q.answer_limit_secs),
            takes = q.max_takes,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn formats() {
        let utc = TimeZone::UTC;
        assert_eq!(date_time_in(Timestamp(86_400_000 + 3_600_000), &utc), "1970-01-02 01:00 UTC");
        assert_eq!(relative(Timestamp(0), Timestamp(3 * 86_400_000 + 5)), "in 3 days");
        assert_eq!(relative(Timestamp(7_200_000), Timestamp(0)), "2 hours ago");
        assert_eq!(relative(Timestamp(0), Timestamp(30_000)), "now");
        assert_eq!(secs(150), "2 min 30 s");
        assert_eq!(secs(45), "45 s");
        assert_eq!(secs(120), "2 min");
        assert_eq!(megabytes(24_049_999), "24.0 MB");
    }

    #[test]
    fn other_languages() {
        let utc = TimeZone::UTC;
        let t = Timestamp(86_400_000 + 3_600_000);
        assert_eq!(with_lang(Some(Lang::De), || date_time_in(t, &utc)), "02.01.1970, 01:00 UTC");
        assert_eq!(with_lang(Some(Lang::Fr), || date_time_in(t, &utc)), "02/01/1970 01:00 UTC");
        assert_eq!(with_lang(Some(Lang::De), || relative(Timestamp(0), Timestamp(86_400_000))), "in 1 Tag");
        assert_eq!(with_lang(Some(Lang::Es), || relative(Timestamp(7_200_000), Timestamp(0))), "hace 2 horas");
    }

    #[test]
    fn deadlines_name_both_zones_when_they_differ() {
        let Some(berlin) = zone("Europe/Berlin") else { return }; // no tz database on this system
        let t = Timestamp(1_765_814_400_000); // 2025-12-15 16:00 UTC
        assert_eq!(deadline_for(t, Some("Europe/Berlin"), &berlin), "2025-12-15 17:00 CET");
        assert_eq!(deadline_for(t, None, &TimeZone::UTC), "2025-12-15 16:00 UTC");
        assert_eq!(
            deadline_for(t, Some("Europe/Berlin"), &TimeZone::UTC),
            "2025-12-15 17:00 CET (16:00 UTC where you are)"
        );
        let Some(tokyo) = zone("Asia/Tokyo") else { return };
        assert_eq!(
            deadline_for(t, Some("Europe/Berlin"), &tokyo),
            "2025-12-15 17:00 CET (2025-12-16 01:00 JST where you are)"
        );
    }
}
