//! clap's own errors (an unknown flag, a value that is not a number, a missing argument) in
//! the run's language. clap writes English only: in English its error stands as it is; in
//! Russian and Kazakh the common ones are told again from their parts (the flag, the value,
//! the accepted values), and any other stays clap's.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::ValueEnum;
use clap::error::{ContextKind, ErrorKind};

use crate::i18n::{self, Lang};

/// Says what was wrong with the command line and gives the exit code (2 for wrong usage, 0
/// for --help and --version, which clap prints itself).
pub fn refused(error: clap::Error) -> ExitCode {
    let lang = i18n::resolve(lang_in(std::env::args_os()), |name| {
        std::env::var(name).ok()
    });
    match words(&error, lang) {
        Some(message) => {
            crate::progress::tell(format!(
                "appeal-audit: {}: {message}\n\n{}",
                lang.tr("error-word", &[]),
                lang.tr("usage-more-help", &[])
            ));
            ExitCode::from(2)
        }
        None => error.exit(),
    }
}

/// The `--lang` of a command line clap refused: the language to refuse it in.
fn lang_in(args: impl IntoIterator<Item = OsString>) -> Option<Lang> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut value = None;
    for (i, arg) in args.iter().enumerate() {
        if let Some(given) = arg.strip_prefix("--lang=") {
            value = Some(given);
        } else if arg == "--lang" {
            value = args.get(i + 1).map(String::as_str);
        }
    }
    value.and_then(|v| Lang::from_str(v, true).ok())
}

/// clap's error in `lang`, or None where clap's own words stand: English, help and version,
/// and the kinds not told here.
fn words(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let context = |kind| error.get(kind).map(ToString::to_string);
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            lang.tr("clap-value-missing", &[("arg", arg.into())])
        }
        ErrorKind::InvalidValue => {
            let mut message = lang.tr(
                "clap-invalid-value",
                &[("value", value.into()), ("arg", arg.into())],
            );
            if let Some(valid) = context(ContextKind::ValidValue) {
                message.push_str("; ");
                message.push_str(&lang.tr("clap-possible-values", &[("values", valid.into())]));
            }
            message
        }
        ErrorKind::ValueValidation => {
            let detail = match std::error::Error::source(error) {
                Some(cause) => cause_words(cause, lang),
                None => String::new(),
            };
            lang.tr(
                "clap-value-validation",
                &[
                    ("value", value.into()),
                    ("arg", arg.into()),
                    ("detail", detail.into()),
                ],
            )
        }
        ErrorKind::UnknownArgument => lang.tr("clap-unknown-argument", &[("arg", arg.into())]),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            lang.tr("clap-unknown-command", &[("name", name.into())])
        }
        ErrorKind::MissingRequiredArgument => {
            lang.tr("clap-missing-argument", &[("args", arg.into())])
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg).unwrap_or_default();
            lang.tr(
                "clap-conflict",
                &[("arg", arg.into()), ("prior", prior.into())],
            )
        }
        ErrorKind::MissingSubcommand => {
            let command = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            lang.tr("clap-missing-command", &[("command", command.into())])
        }
        _ => return None,
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(context);
    if let Some(suggestion) = suggestion {
        message.push_str("; ");
        message.push_str(&lang.tr("clap-did-you-mean", &[("suggestion", suggestion.into())]));
    }
    Some(message)
}

/// Why a value did not parse: a number's reason in `lang`, any other as its parser says it.
fn cause_words(cause: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    use std::num::IntErrorKind;
    if let Some(int) = cause.downcast_ref::<std::num::ParseIntError>() {
        let key = match int.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "clap-number-too-large",
            _ => "clap-not-a-whole-number",
        };
        return lang.tr(key, &[]);
    }
    if cause.is::<std::num::ParseFloatError>() {
        return lang.tr("clap-not-a-number", &[]);
    }
    // A ranged number's refusal, as clap words it: `0 is not in 1..=520`.
    let text = cause.to_string();
    if let Some((_, range)) = text.split_once(" is not in ")
        && let Some((first, last)) = range.split_once("..=")
    {
        return lang.tr(
            "clap-out-of-range",
            &[("first", first.into()), ("last", last.into())],
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    fn refused_in(lang: Lang, args: &[&str]) -> Option<String> {
        let error =
            Cli::try_parse_from(std::iter::once("appeal-audit").chain(args.iter().copied()))
                .err()?;
        words(&error, lang)
    }

    #[test]
    fn the_language_of_a_refused_line_is_its_lang_flag() {
        let os = |args: &[&str]| args.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in(os(&["x", "--lang", "ru", "report"])),
            Some(Lang::Ru)
        );
        assert_eq!(lang_in(os(&["x", "report", "--lang=kk"])), Some(Lang::Kk));
        assert_eq!(lang_in(os(&["x", "--lang", "fr"])), None);
        assert_eq!(lang_in(os(&["x", "--lang"])), None);
    }

    #[test]
    fn common_mistakes_in_russian_and_kazakh() {
        let routing = ["report", "routing"];
        let days = [&routing[..], &["--deadline-days", "abc"]].concat();
        assert_eq!(
            refused_in(Lang::Ru, &days).as_deref(),
            Some(
                "недопустимое значение «abc» для --deadline-days <N>: нужно целое неотрицательное число"
            )
        );
        assert_eq!(
            refused_in(Lang::Kk, &days).as_deref(),
            Some("--deadline-days <N> үшін «abc» мәні жарамсыз: теріс емес бүтін сан керек")
        );
        let format = [&routing[..], &["--format", "xlsxx"]].concat();
        let said = refused_in(Lang::Ru, &format).unwrap_or_default();
        assert!(
            said.starts_with("недопустимое значение «xlsxx» для --format <FORMAT>; возможные значения: table, csv"),
            "{said}"
        );
        assert!(said.ends_with("; может быть, «xlsx»?"), "{said}");
        let unknown = [&routing[..], &["--sincee", "2022-01-01"]].concat();
        let said = refused_in(Lang::Ru, &unknown).unwrap_or_default();
        assert!(said.starts_with("неизвестный флаг --sincee"), "{said}");
        let weeks = ["report", "weekly", "--weeks", "0"];
        assert_eq!(
            refused_in(Lang::Ru, &weeks).as_deref(),
            Some("недопустимое значение «0» для --weeks <N>: нужно число от 1 до 520")
        );
        assert_eq!(refused_in(Lang::En, &days), None);
        assert_eq!(refused_in(Lang::Ru, &["--help"]), None);
    }
}
