use super::*;

#[test]
fn resolution_follows_gettext() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        resolve(Some(Lang::Kk), env(&[("LANG", "ru_RU.UTF-8")])),
        Lang::Kk
    );
    assert_eq!(resolve(None, env(&[("APPEAL_AUDIT_LANG", "kk")])), Lang::Kk);
    assert_eq!(resolve(None, env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
    assert_eq!(resolve(None, env(&[("LANG", "kk_KZ.UTF-8")])), Lang::Kk);
    assert_eq!(
        resolve(None, env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ru_RU")])),
        Lang::En
    );
    assert_eq!(
        resolve(
            None,
            env(&[("LC_ALL", ""), ("LC_MESSAGES", "kk_KZ"), ("LANG", "ru_RU")])
        ),
        Lang::Kk
    );
    assert_eq!(resolve(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
    assert_eq!(resolve(None, env(&[])), Lang::En);
    assert_eq!(resolve(None, env(&[("LANG", "russian")])), Lang::En);
}

/// Each message of a file: its key, its whole text (value and variants) and the variables it uses.
fn messages(text: &str) -> Vec<(String, String, std::collections::BTreeSet<String>)> {
    let variable = regex::Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").unwrap();
    let mut found: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') || line.starts_with('}') {
            if let Some((_, body)) = found.last_mut() {
                body.push('\n');
                body.push_str(line);
            }
        } else if let Some((key, value)) = line.split_once(" = ") {
            found.push((key.trim().to_string(), value.to_string()));
        } else if let Some(key) = line.strip_suffix(" =") {
            found.push((key.trim().to_string(), String::new()));
        }
    }
    found
        .into_iter()
        .map(|(key, body)| {
            let vars = variable
                .captures_iter(&body)
                .map(|c| c[1].to_string())
                .collect();
            (key, body, vars)
        })
        .collect()
}

fn file(lang: Lang, area: &str) -> &'static str {
    FILES
        .iter()
        .find(|(l, a, _)| *l == lang && *a == area)
        .map(|(_, _, text)| *text)
        .unwrap()
}

#[test]
fn every_file_parses() {
    for (lang, area, text) in FILES {
        if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
            panic!("locales/{}/{area}.ftl: {errors:?}", lang.code());
        }
    }
}

#[test]
fn every_language_has_every_key_and_uses_every_placeholder() {
    let areas = [
        "reports", "html", "check", "import", "docs", "errors", "usage", "output", "fetch", "govkz",
    ];
    for area in areas {
        let english = messages(file(Lang::En, area));
        assert!(!english.is_empty(), "{area}");
        for lang in [Lang::Ru, Lang::Kk] {
            let translated = messages(file(lang, area));
            let keys = |m: &[(String, String, _)]| {
                m.iter()
                    .map(|(k, _, _)| k.clone())
                    .collect::<std::collections::BTreeSet<_>>()
            };
            let (en_keys, keys_here) = (keys(&english), keys(&translated));
            let missing: Vec<_> = en_keys.difference(&keys_here).collect();
            let extra: Vec<_> = keys_here.difference(&en_keys).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "locales/{}/{area}.ftl: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
            for (key, _, vars) in &translated {
                let (_, _, en_vars) = english.iter().find(|(k, _, _)| k == key).unwrap();
                assert_eq!(
                    vars,
                    en_vars,
                    "locales/{}/{area}.ftl: {key} must use exactly the placeholders of the English",
                    lang.code()
                );
            }
        }
        for (key, _, vars) in &english {
            for var in vars {
                assert!(
                    !var.is_empty(),
                    "locales/en/{area}.ftl: {key} has an empty placeholder"
                );
            }
        }
    }
}

#[test]
fn translations_use_the_glossary_terms() {
    let terms: Vec<Vec<&str>> = GLOSSARY
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(terms.len() >= 8, "{terms:?}");
    let words = regex::Regex::new(r"[A-Za-z]+").unwrap();
    let unsaid = regex::Regex::new(r"\$[A-Za-z_-]+|appeal-audit").unwrap();
    let mut wrong = Vec::new();
    for (lang, area, text) in FILES.iter().filter(|(l, _, _)| *l != Lang::En) {
        let english = messages(file(Lang::En, area));
        for (key, body, _) in messages(text) {
            let (_, en_body, _) = english.iter().find(|(k, _, _)| *k == key).unwrap();
            // The English words of the message, without its placeholders' names and the
            // tool's own name.
            let en_text = unsaid.replace_all(en_body, "").to_lowercase();
            let en_words: Vec<&str> = words.find_iter(&en_text).map(|m| m.as_str()).collect();
            let spaced = format!(" {} ", en_words.join(" "));
            for term in &terms {
                let (en, stem) = (term[0], if *lang == Lang::Ru { term[3] } else { term[4] });
                let used = spaced.contains(&format!(" {} ", en.to_lowercase()));
                if used && !body.to_lowercase().contains(&stem.to_lowercase()) {
                    wrong.push(format!(
                        "locales/{}/{area}.ftl: {key} translates {en:?} without {stem:?}: {body}",
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn plural_forms_follow_cldr() {
    let n = |lang: Lang, n: u64| lang.tr("check-found", &[("n", n.into())]);
    assert_eq!(n(Lang::Ru, 1), "check: 1 проблема");
    assert_eq!(n(Lang::Ru, 2), "check: 2 проблемы");
    assert_eq!(n(Lang::Ru, 5), "check: 5 проблем");
    assert_eq!(n(Lang::Ru, 11), "check: 11 проблем");
    assert_eq!(n(Lang::Ru, 21), "check: 21 проблема");
    assert_eq!(n(Lang::Kk, 1), "check: 1 мәселе");
    assert_eq!(n(Lang::Kk, 5), "check: 5 мәселе");
    assert_eq!(n(Lang::En, 5), "check: 5 problems");
}

#[test]
#[should_panic(expected = "no message \"no-such-message\"")]
fn a_missing_message_stops_a_debug_build() {
    Lang::Ru.tr("no-such-message", &[]);
}

/// Every key the code names literally, `tr("key"` or `.tr("key"`, with where it is.
fn keys_in_code() -> Vec<(String, String)> {
    let call = regex::Regex::new(r#"\btr\(\s*"([a-z0-9][a-z0-9_-]*)""#).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut keys = Vec::new();
    for entry in walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        // This file names keys that are meant to be missing.
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for found in call.captures_iter(&text) {
            let place = path.strip_prefix(&root).unwrap().display().to_string();
            keys.push((found[1].to_string(), place));
        }
    }
    keys
}

#[test]
fn every_message_the_code_names_is_in_every_language() {
    let keys = keys_in_code();
    assert!(keys.len() > 100, "the scan found only {} keys", keys.len());
    let missing: Vec<String> = keys
        .iter()
        .flat_map(|(key, place)| {
            Lang::ALL
                .into_iter()
                .filter(|lang| !lang.has(key))
                .map(move |lang| format!("src/{place}: {key} ({})", lang.code()))
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
