//! A body named as a reporter names it (a slug, a gov.kz address, a name in Russian, Kazakh or
//! English) found in the platform's own list of bodies, never guessed: slugs are irregular and
//! get renamed (govkz.md), so an unknown or ambiguous name is an error that names candidates.

use std::collections::{HashMap, HashSet};

use crate::i18n::tr;
use crate::records::names::normalize_name;

use super::Body;
use super::request::decode;

/// The most candidates an error names.
const CANDIDATES: usize = 5;

/// The slug of the body `arg` names: its slug, its address on the platform
/// (`https://www.gov.kz/memleket/entities/{slug}[/...]`, on any host), or its name in any of
/// the lists (Russian, Kazakh, English; compared as "Who is who" normalises names: case, `ё`,
/// quotes and spaces aside). Err names close candidates and what to give instead.
pub fn resolve(arg: &str, lists: &[&[Body]]) -> Result<String, String> {
    let given = arg.trim();
    let bodies = distinct(lists);
    if given.is_empty() {
        return Err(tr("resolve-none-given", &[]));
    }
    if bodies.is_empty() {
        return Err(tr(
            "resolve-empty-list",
            &[("given", format!("{given:?}").into())],
        ));
    }
    if let Some(slug) = address(given)? {
        return match bodies.iter().find(|b| b.slug.eq_ignore_ascii_case(&slug)) {
            Some(body) => Ok(body.slug.clone()),
            None => Err(tr(
                "resolve-not-listed",
                &[
                    ("given", format!("{given:?}").into()),
                    ("slug", format!("{slug:?}").into()),
                    ("close", close(&slug, &bodies).into()),
                ],
            )),
        };
    }
    if let Some(body) = bodies.iter().find(|b| b.slug.eq_ignore_ascii_case(given)) {
        return Ok(body.slug.clone());
    }
    let wanted = normalize_name(given);
    let mut named: Vec<&Body> = Vec::new();
    for list in lists {
        for body in list.iter() {
            let same = !body.name.is_empty() && normalize_name(&body.name) == wanted;
            if same && !named.iter().any(|b| b.slug == body.slug) {
                named.push(body);
            }
        }
    }
    match named.as_slice() {
        [one] => Ok(one.slug.clone()),
        [] => Err(tr(
            "resolve-no-such-body",
            &[
                ("given", format!("{given:?}").into()),
                ("close", close(given, &bodies).into()),
            ],
        )),
        many => Err(tr(
            "resolve-several",
            &[
                ("n", many.len().into()),
                ("given", format!("{given:?}").into()),
                ("bodies", listed(many).into()),
            ],
        )),
    }
}

/// Every body under `slug` (its descendants by parent id, at any depth) and itself, in the
/// list's order; empty when no body has that slug.
pub fn subtree<'b>(bodies: &'b [Body], slug: &str) -> Vec<&'b Body> {
    let Some(root) = bodies.iter().find(|b| b.slug == slug) else {
        return Vec::new();
    };
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    for body in bodies {
        if let Some(parent) = &body.parent {
            children.entry(parent).or_default().push(&body.id);
        }
    }
    let mut within: HashSet<&str> = HashSet::from([root.id.as_str()]);
    let mut queue = vec![root.id.as_str()];
    while let Some(id) = queue.pop() {
        for child in children.get(id).into_iter().flatten() {
            // A parent loop in the list ends here, where the body is already in.
            if within.insert(child) {
                queue.push(child);
            }
        }
    }
    bodies
        .iter()
        .filter(|b| within.contains(b.id.as_str()))
        .collect()
}

/// The slug of a platform address; None when `given` is not an address; Err for an address
/// that is not a body's.
fn address(given: &str) -> Result<Option<String>, String> {
    const ENTITIES: &str = "/memleket/entities/";
    if let Some(at) = given.find(ENTITIES) {
        let rest = &given[at + ENTITIES.len()..];
        let segment = rest.split(['/', '?', '#']).next().unwrap_or("");
        if let Some(slug) = decode(segment).filter(|s| !s.is_empty()) {
            return Ok(Some(slug));
        }
    }
    let looks_like_address = given.contains("://") || given.starts_with("www.");
    if looks_like_address {
        return Err(tr(
            "resolve-not-an-address",
            &[("given", format!("{given:?}").into())],
        ));
    }
    Ok(None)
}

/// Each body once (by slug), named as the first list that has a name for it.
fn distinct<'b>(lists: &[&'b [Body]]) -> Vec<&'b Body> {
    let mut seen = HashSet::new();
    let mut bodies = Vec::new();
    for list in lists {
        for body in list.iter() {
            if body.name.is_empty() {
                continue;
            }
            if seen.insert(body.slug.as_str()) {
                bodies.push(body);
            }
        }
    }
    for list in lists {
        for body in list.iter() {
            if seen.insert(body.slug.as_str()) {
                bodies.push(body);
            }
        }
    }
    bodies
}

/// The candidates' sentence and what to do: bodies whose name or slug holds most of the words
/// given, spelled loosely (Kazakh letters as their Russian look-alikes, so that `Жетысу` finds
/// `Жетісу`). Only ever a suggestion: a body is resolved by an exact name.
fn close(given: &str, bodies: &[&Body]) -> String {
    let words: Vec<String> = loose(&normalize_name(given))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect();
    let mut scored: Vec<(usize, &Body)> = bodies
        .iter()
        .map(|body| {
            let name = loose(&normalize_name(&body.name));
            let slug = body.slug.to_lowercase();
            let hits = words
                .iter()
                .filter(|w| name.contains(w.as_str()) || slug.contains(w.as_str()))
                .count();
            (hits, *body)
        })
        .filter(|(hits, _)| *hits > 0)
        .collect();
    // Most words first; list order among equals.
    scored.sort_by_key(|(hits, _)| std::cmp::Reverse(*hits));
    if scored.is_empty() {
        return tr("resolve-nothing-close", &[]);
    }
    let best: Vec<&Body> = scored
        .into_iter()
        .take(CANDIDATES)
        .map(|(_, body)| body)
        .collect();
    tr("resolve-close", &[("bodies", listed(&best).into())])
}

fn listed(bodies: &[&Body]) -> String {
    let each: Vec<String> = bodies
        .iter()
        .map(|b| {
            let name = crate::visible::visible(&b.name);
            if name.is_empty() {
                b.slug.clone()
            } else {
                format!("{} ({name})", b.slug)
            }
        })
        .collect();
    each.join("; ")
}

/// Kazakh letters as the Russian letters they are often typed as, and `ы` as `и`, for
/// suggestions only.
fn loose(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' | 'ы' => 'и',
            other => other,
        })
        .collect()
}
