//! The words people read, in English, Russian or Kazakh: which language a run speaks (`--lang`,
//! else `APPEAL_AUDIT_LANG`, else the locale as gettext reads it), and Fluent messages from the
//! `.ftl` files under `locales/`, built into the binary. Machine formats never come here.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub mod errors;
pub mod format;

pub use fluent_bundle::FluentValue as Arg;

/// A language the tool writes for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The BCP 47 code, as `<html lang>` and the `locales/` folders spell it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// A message with its arguments. A key this language lacks falls back to English; a key no
    /// file defines is a mistake, which stops a debug build (and so every test that meets it)
    /// and in a release prints the key rather than stopping a reporter's run.
    pub fn tr(self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for bundle in [bundle(self), bundle(Lang::En)] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        if cfg!(debug_assertions) {
            panic!("no message {key:?} in locales/: add it to every language");
        }
        key.to_string()
    }

    /// Whether `key` is a message in this language.
    pub fn has(self, key: &str) -> bool {
        bundle(self).has_message(key)
    }
}

/// The language as gettext would choose it: `--lang`, else `APPEAL_AUDIT_LANG`, else the first
/// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty (`ru_KZ.UTF-8` → ru, `kk_KZ` →
/// kk, anything else → en).
pub fn resolve(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    if let Some(value) = set("APPEAL_AUDIT_LANG") {
        return of_locale(&value);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| set(name))
        .map_or(Lang::En, |value| of_locale(&value))
}

/// `ru`, `ru_RU.UTF-8`, `kk-KZ`: the language part decides.
fn of_locale(value: &str) -> Lang {
    let language = value
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match language.as_str() {
        "ru" => Lang::Ru,
        "kk" => Lang::Kk,
        _ => Lang::En,
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the run's language once, before anything is written (a later call changes nothing).
/// One language per process, as gettext has it: every writer reads it at write time.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The run's language: English until `set` says otherwise.
pub fn lang() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// A message in the run's language.
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    lang().tr(key, args)
}

/// One `.ftl` file, built into the binary.
macro_rules! ftl {
    ($lang:ident, $code:literal, $area:literal) => {
        (
            Lang::$lang,
            $area,
            include_str!(concat!("../../locales/", $code, "/", $area, ".ftl")),
        )
    };
}

/// The `.ftl` files, one per language and area.
pub const FILES: &[(Lang, &str, &str)] = &[
    ftl!(En, "en", "reports"),
    ftl!(En, "en", "html"),
    ftl!(En, "en", "check"),
    ftl!(En, "en", "import"),
    ftl!(En, "en", "docs"),
    ftl!(En, "en", "errors"),
    ftl!(En, "en", "usage"),
    ftl!(En, "en", "output"),
    ftl!(En, "en", "fetch"),
    ftl!(En, "en", "govkz"),
    ftl!(Ru, "ru", "reports"),
    ftl!(Ru, "ru", "html"),
    ftl!(Ru, "ru", "check"),
    ftl!(Ru, "ru", "import"),
    ftl!(Ru, "ru", "docs"),
    ftl!(Ru, "ru", "errors"),
    ftl!(Ru, "ru", "usage"),
    ftl!(Ru, "ru", "output"),
    ftl!(Ru, "ru", "fetch"),
    ftl!(Ru, "ru", "govkz"),
    ftl!(Kk, "kk", "reports"),
    ftl!(Kk, "kk", "html"),
    ftl!(Kk, "kk", "check"),
    ftl!(Kk, "kk", "import"),
    ftl!(Kk, "kk", "docs"),
    ftl!(Kk, "kk", "errors"),
    ftl!(Kk, "kk", "usage"),
    ftl!(Kk, "kk", "output"),
    ftl!(Kk, "kk", "fetch"),
    ftl!(Kk, "kk", "govkz"),
];

/// The official terms in each language (`en`, `ru`, `kk`, and the stems a translation must
/// contain wherever the English uses the term), read by the glossary test.
#[cfg(test)]
pub const GLOSSARY: &str = include_str!("../../locales/glossary.tsv");

/// A language's messages, parsed the first time one is asked for: a run reads its own
/// language and English, never all three.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the text goes to terminals, Markdown and
    // HTML that carry names in one direction only, and English must stay byte for byte as it was.
    bundle.set_use_isolating(false);
    for (_, _, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
        // The files are fixed at build time and parsed by the tests: an entry with a syntax
        // error is left out here rather than stopping a run.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests;
