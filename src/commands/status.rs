//! `status` (what the database holds) and `phrases` (the classification phrases in force).

use anyhow::Result;

use super::{Finish, Global};
use crate::catalogue;
use crate::cli::report::{PhrasesCommand, StatusCommand, Writes, check_format};
use crate::i18n::tr;
use crate::ingest::knowledge;
use crate::output::columns::{Choice, IMPORTS, View, write_chosen};
use crate::output::{Destination, Format, Rows, Style, write};
use crate::store::{Access, Store};

pub fn status(global: &Global, command: &StatusCommand) -> Result<Finish> {
    let (format, wide) = (command.format, command.wide);
    check_format(format, "status", Writes::Lists)?;
    let store = Store::open(&global.db, Access::Read)?;
    #[derive(serde::Serialize)]
    struct RouteCount {
        route: String,
        appeals: i64,
    }
    let routes: Vec<RouteCount> = store
        .route_counts()?
        .into_iter()
        .map(|(route, appeals)| RouteCount { route, appeals })
        .collect();
    let mut sections: [(&str, Rows, Option<&View>); 3] = [
        (
            "records",
            Rows::from_serialize(catalogue::RECORDS, &store.kind_summaries()?)?,
            None,
        ),
        (
            "routes",
            Rows::from_serialize(catalogue::ROUTES, &routes)?,
            None,
        ),
        (
            "imports",
            Rows::from_serialize(
                catalogue::IMPORTS,
                &store.imports((command.imports > 0).then_some(command.imports))?,
            )?,
            Some(&IMPORTS),
        ),
    ];
    let mut destination = Destination::open(None)?;
    let width = destination.terminal_width();
    // A table fitted to a terminal names each file by its name, which a long path would
    // otherwise split across lines; --wide and every other format keep the whole path.
    if width.is_some() && format == Format::Table && !wide {
        sections[2].1.map_column("file", file_name);
    }
    let out = destination.writer();
    if matches!(format, Format::Json) {
        let mut object = serde_json::Map::new();
        object.insert("database".into(), store.path().display().to_string().into());
        for (title, rows, _) in &sections {
            object.insert(title.to_string(), rows.to_json());
        }
        serde_json::to_writer_pretty(&mut *out, &object)?;
        writeln!(out)?;
    } else {
        let path = store.path().display().to_string();
        writeln!(out, "{}", tr("database", &[("path", path.into())]))?;
        let choice = if wide { Choice::Wide } else { Choice::Default };
        for (key, rows, view) in &sections {
            writeln!(out, "\n{}", tr(&format!("title-{key}"), &[]))?;
            write_chosen(out, format, rows, *view, &choice, width, Style::default())?;
        }
    }
    destination.finish()?;
    Ok(Finish::Done)
}

/// `…/appeals.csv` for `/work/data/appeals.csv`: the file's own name.
fn file_name(path: &str) -> String {
    match path.rsplit_once(['/', '\\']) {
        Some((_, name)) if !name.is_empty() => format!("…/{name}"),
        _ => path.to_string(),
    }
}

pub fn phrases(global: &Global, command: &PhrasesCommand) -> Result<Finish> {
    let format = command.format;
    check_format(format, "phrases", Writes::Lists)?;
    // Without a database the built-in phrases are still the ones in force.
    let stored = if global.db.exists() {
        Store::open(&global.db, Access::Read)?.phrases()?
    } else {
        Vec::new()
    };
    let know = knowledge(Vec::new(), stored);
    #[derive(serde::Serialize)]
    struct PhraseRow<'a> {
        kind: &'a str,
        phrase: &'a str,
        origin: &'a str,
    }
    let rows: Vec<PhraseRow> = know
        .phrases
        .all()
        .iter()
        .map(|p| PhraseRow {
            kind: p.kind.prefix(),
            phrase: &p.text,
            origin: &p.origin,
        })
        .collect();
    let mut destination = Destination::open(None)?;
    write(
        destination.writer(),
        format,
        &Rows::from_serialize(catalogue::PHRASES, &rows)?,
    )?;
    destination.finish()?;
    Ok(Finish::Done)
}
