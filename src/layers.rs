//! The architecture as a test (ARCHITECTURE.md, "Rules"): every `crate::` and `super::` path in
//! `src/` is read as an import between two files, lifted to the two modules under their
//! nearest common parent; no import may climb to a higher layer, and no two modules may
//! import each other, however indirectly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules by layer, highest first. A module imports its own layer or lower.
const LAYERS: &[(&str, &[&str])] = &[
    ("commands", &["commands"]),
    ("arguments", &["cli"]),
    ("engine", &["export", "ingest"]),
    ("presentation", &["output"]),
    (
        "domain",
        &[
            "report", "store", "derive", "history", "privacy", "classify", "records", "calendar",
            "portal", "govkz", "fetch", "archive",
        ],
    ),
    (
        "base",
        &[
            "catalogue",
            "i18n",
            "rows",
            "progress",
            "usage",
            "visible",
            "layers",
        ],
    ),
];

type ModulePath = Vec<String>;

/// Every module of the crate, by its path from the crate root, with its source.
fn modules(src: &Path) -> BTreeMap<ModulePath, String> {
    let mut found = BTreeMap::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path
                .strip_prefix(src)
                .expect("under src/")
                .with_extension("");
            let mut parts: ModulePath = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "main")) {
                parts.pop();
            }
            // A file of unit tests may reach anywhere, as an inline `mod tests` may.
            if parts.last().is_some_and(|p| p == "tests") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            // Unit tests may reach anywhere: only the code that ships is held to the layers.
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            found.insert(parts, code);
        }
    }
    found
}

/// The modules a file's paths name: `crate::a::b`, `super::c`, and the items of
/// `use crate::a::{b, c::d}` groups, resolved to the longest module path that exists.
fn imports(
    module: &ModulePath,
    code: &str,
    all: &BTreeMap<ModulePath, String>,
) -> BTreeSet<ModulePath> {
    // `super` is the parent module: a file's folder, or a folder's mod.rs's parent folder.
    let base = |root: &str| -> ModulePath {
        match root {
            "crate" => Vec::new(),
            _ => module[..module.len().saturating_sub(1)].to_vec(),
        }
    };
    let mut targets: Vec<ModulePath> = Vec::new();
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{'))
        .collect();
    for word in words {
        let word = word.trim_end_matches(':');
        let Some(root) = ["crate::", "super::"]
            .into_iter()
            .find(|r| word.starts_with(r))
        else {
            continue;
        };
        let mut path = base(&root[..root.len() - 2]);
        let mut rest: Vec<&str> = word[root.len()..].split("::").collect();
        while rest.first() == Some(&"super") {
            path.pop();
            rest.remove(0);
        }
        for part in rest {
            let part = part.trim_start_matches('{');
            if part.is_empty() {
                break;
            }
            path.push(part.to_string());
        }
        targets.push(path);
    }
    // `use crate::a::{b, c}`: each item of the group is a path of its own.
    for (start, _) in code.match_indices("use ") {
        let statement = &code[start + 4..code[start..].find(';').map_or(start, |e| start + e)];
        let (Some(open), Some(close)) = (statement.find("::{"), statement.rfind('}')) else {
            continue;
        };
        let prefix = &statement[..open];
        let root = prefix.split("::").next().unwrap_or("");
        if root != "crate" && root != "super" {
            continue;
        }
        let mut path = base(root);
        for part in prefix.split("::").skip(1) {
            match part {
                "super" => {
                    path.pop();
                }
                part => path.push(part.to_string()),
            }
        }
        for item in statement[open + 3..close].split(',') {
            let name = item.trim().split("::").next().unwrap_or("").trim();
            if !name.is_empty() && name != "self" {
                let mut item_path = path.clone();
                item_path.push(name.to_string());
                targets.push(item_path);
            }
        }
    }
    targets
        .into_iter()
        .filter_map(|mut path| {
            while !path.is_empty() && !all.contains_key(&path) {
                path.pop();
            }
            (!path.is_empty() && &path != module).then_some(path)
        })
        .collect()
}

/// Every import as an edge between the two modules just under the importer's and the
/// imported's nearest common parent; an import of one's own parent or child is structure.
fn lifted_edges(src: &Path) -> BTreeSet<(ModulePath, ModulePath)> {
    let all = modules(src);
    let mut edges = BTreeSet::new();
    for (module, code) in &all {
        for target in imports(module, code, &all) {
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == module.len() || common == target.len() {
                continue;
            }
            edges.insert((module[..=common].to_vec(), target[..=common].to_vec()));
        }
    }
    edges
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_top_level_module_has_a_layer() {
    let unplaced: Vec<String> = modules(&src())
        .keys()
        .filter(|m| m.len() == 1 && layer_of(&m[0]).is_none())
        .map(|m| m[0].clone())
        .collect();
    assert!(
        unplaced.is_empty(),
        "give these modules a layer in src/layers.rs and ARCHITECTURE.md: {unplaced:?}"
    );
}

#[test]
fn no_import_climbs_to_a_higher_layer() {
    let climbing: Vec<String> = lifted_edges(&src())
        .into_iter()
        .filter(|(from, to)| from.len() == 1 && layer_of(&from[0]) > layer_of(&to[0]))
        .map(|(from, to)| format!("{} -> {}", from[0], to[0]))
        .collect();
    assert!(
        climbing.is_empty(),
        "imports that run back up: {climbing:?}"
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let edges = lifted_edges(&src());
    let mut next: BTreeMap<&ModulePath, Vec<&ModulePath>> = BTreeMap::new();
    for (from, to) in &edges {
        next.entry(from).or_default().push(to);
    }
    // A circle is an edge whose target reaches back to its source.
    let reaches = |start: &ModulePath, goal: &ModulePath| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(at) = stack.pop() {
            if at == goal {
                return true;
            }
            if seen.insert(at) {
                stack.extend(next.get(at).into_iter().flatten());
            }
        }
        false
    };
    let circles: Vec<String> = edges
        .iter()
        .filter(|(from, to)| reaches(to, from))
        .map(|(from, to)| format!("{} -> {}", from.join("::"), to.join("::")))
        .collect();
    assert!(circles.is_empty(), "imports in a circle: {circles:?}");
}

#[test]
fn the_reader_of_imports_sees_a_circle() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(path, text).expect("a file");
    };
    write("main.rs", "mod a;\nmod b;\n");
    write("a/mod.rs", "mod x;\n");
    write("a/x.rs", "use crate::b::{Thing, other::More};\n");
    write("b/mod.rs", "mod other;\nfn f() { super::a::go() }\n");
    write("b/other.rs", "");
    let edges = lifted_edges(dir.path());
    let named: Vec<(String, String)> = edges
        .into_iter()
        .map(|(a, b)| (a.join("::"), b.join("::")))
        .collect();
    assert_eq!(
        named,
        [("a".into(), "b".into()), ("b".into(), "a".into())],
        "a::x imports b (and b::other), b imports a through super::"
    );
}
