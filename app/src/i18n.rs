//! The app in the user's language: every user-facing string of the app and the command line is a
//! message in a Project Fluent file under `app/i18n/<language>/` (embedded in the binary), looked
//! up by key with [`tr!`](crate::tr). Plurals follow each language's rules; numbers use its decimal
//! separator; dates and times are formatted by [`crate::fmt`] from messages in `common.ftl`.
//!
//! Adding a language is adding a folder of `.ftl` files with the same keys as English and a line
//! in [`Lang`]; `app/tests/i18n.rs` fails when a file lacks a key that English has.
//!
//! Which language: the thread's own choice if it made one ([`with_lang`], used by the candidate's
//! screens for a campaign in a given language), else the process's ([`set_default`]: the
//! `PEERVIEW_LANG` variable, the app's setting, or the system locale, chosen in `main`).
//! Library code and tests start in English.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The language's code, as in the folder name and in a campaign file: `en`, `de`, ...
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// `de`, `de-AT`, `de_DE.UTF-8`, `German`... -> German; `C`, `POSIX`, unknown -> `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| {
            primary == l.code() || tag == l.native_name().to_lowercase() || tag == l.english_name().to_ascii_lowercase()
        })
    }

    fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
        }
    }

    /// The decimal separator of numbers written in this language.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De | Lang::Fr | Lang::Es => ',',
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn from_index(i: u8) -> Lang {
        Lang::ALL.get(usize::from(i)).copied().unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The message files of each language, in the order they are added to its bundle.
const AREAS: [&str; 4] = ["common", "candidate", "review", "cli"];

macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../i18n/", $lang, "/common.ftl")),
            include_str!(concat!("../i18n/", $lang, "/candidate.ftl")),
            include_str!(concat!("../i18n/", $lang, "/review.ftl")),
            include_str!(concat!("../i18n/", $lang, "/cli.ftl")),
        ]
    };
}

/// Every language's message files as text, by area (for the completeness test).
pub fn sources(lang: Lang) -> [(&'static str, &'static str); 4] {
    let texts = match lang {
        Lang::En => sources!("en"),
        Lang::De => sources!("de"),
        Lang::Fr => sources!("fr"),
        Lang::Es => sources!("es"),
    };
    let mut out = [("", ""); 4];
    for (i, text) in texts.into_iter().enumerate() {
        out[i] = (AREAS[i], text);
    }
    out
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The process's language (threads that chose none use it).
pub fn set_default(lang: Lang) {
    DEFAULT.store(lang as u8, Ordering::Relaxed);
}

/// The language of this thread's strings now.
pub fn current() -> Lang {
    THREAD.with(Cell::get).unwrap_or_else(|| Lang::from_index(DEFAULT.load(Ordering::Relaxed)))
}

/// This thread's language from now on (`None`: the process's).
pub fn set_thread(lang: Option<Lang>) {
    THREAD.with(|t| t.set(lang));
}

/// Run `f` with this thread's strings in `lang` (`None`: unchanged), then restore.
pub fn with_lang<R>(lang: Option<Lang>, f: impl FnOnce() -> R) -> R {
    let Some(lang) = lang else { return f() };
    let before = THREAD.with(|t| t.replace(Some(lang)));
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// The language the system asks for (`PEERVIEW_LANG`, then the OS locale), English if none of
/// ours matches.
pub fn system() -> Lang {
    if let Some(lang) = std::env::var("PEERVIEW_LANG").ok().as_deref().and_then(Lang::parse) {
        return lang;
    }
    sys_locale::get_locales().find_map(|l| Lang::parse(&l)).unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 4] {
    static BUNDLES: OnceLock<[Bundle; 4]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // egui would draw the Unicode isolation marks Fluent puts around arguments as boxes.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |v, _| number(v, Lang::En),
        Lang::De => |v, _| number(v, Lang::De),
        Lang::Fr => |v, _| number(v, Lang::Fr),
        Lang::Es => |v, _| number(v, Lang::Es),
    }));
    for (area, text) in sources(lang) {
        // A broken file is a build mistake the completeness test reports; keep what parsed.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, errors)| {
            tracing::error!("i18n/{lang}/{area}.ftl: {errors:?}");
            partial
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!("i18n/{lang}/{area}.ftl: {errors:?}");
        }
    }
    bundle
}

/// Numbers in the language's way: a decimal comma where it uses one.
fn number(value: &FluentValue, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let text = n.as_string();
            Some(if lang.decimal_separator() == '.' { text.into_owned() } else { text.replace('.', ",") })
        }
        _ => None,
    }
}

/// The message `key` in `lang` with `args`; the English message if `lang` lacks it, the key
/// itself if English does too (the completeness test keeps both from happening).
pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let all = bundles();
    for bundle in [&all[lang.index()], &all[Lang::En.index()]] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = vec![];
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::debug!("i18n {lang}/{key}: {errors:?}");
            }
            return text.into_owned();
        }
    }
    tracing::warn!("i18n: no message {key}");
    key.to_owned()
}

/// The message `key` in the current language.
pub fn message(key: &str, args: Option<&FluentArgs>) -> String {
    message_in(current(), key, args)
}

/// Whether English has the message (for tests and checks).
pub fn has_message(key: &str) -> bool {
    bundles()[Lang::En.index()].has_message(key)
}

/// The argument list for [`message`]; used by [`tr!`](crate::tr).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (k, v) in pairs {
        args.set(k, v);
    }
    args
}

/// A user-facing string: `tr!("key")`, or with arguments `tr!("key", name = value, ...)`.
/// Numbers passed as integers choose plural forms (`{ $n -> [one] ... *[other] ... }`); pass
/// text as `&str`/`String`. Argument names are written in Rust style (`take_count`) and appear
/// in the `.ftl` files the same way (`{ $take_count }`).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $key,
            Some(&$crate::i18n::args([$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+])),
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_locale_tags() {
        assert_eq!(Lang::parse("de_DE.UTF-8"), Some(Lang::De));
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("Deutsch"), Some(Lang::De));
        assert_eq!(Lang::parse("German"), Some(Lang::De));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("pt_BR"), None);
    }

    #[test]
    fn plurals_and_numbers_per_language() {
        let n = |lang, count: u64| with_lang(Some(lang), || crate::tr!("common-minutes", count = count));
        assert_eq!(n(Lang::En, 1), "1 minute");
        assert_eq!(n(Lang::En, 3), "3 minutes");
        assert_eq!(n(Lang::De, 1), "1 Minute");
        assert_eq!(n(Lang::De, 3), "3 Minuten");
        assert_eq!(n(Lang::Fr, 0), "0 minute");
        let mb = |lang| with_lang(Some(lang), || crate::fmt::megabytes(12_500_000));
        assert_eq!(mb(Lang::En), "12.5 MB");
        assert_eq!(mb(Lang::De), "12,5 MB");
    }

    #[test]
    fn thread_choice_is_scoped() {
        assert_eq!(current(), Lang::En);
        with_lang(Some(Lang::Es), || assert_eq!(current(), Lang::Es));
        assert_eq!(current(), Lang::En);
        assert_eq!(message("no-such-key", None), "no-such-key");
    }
}
