//! `import appeals|posts|directory|pages FILE...`: files of records, or the portal's pages
//! from archives and saved pages, into the database in one transaction.

use anyhow::Result;

use super::{Finish, Global};
use crate::cli::import::{ImportCommand, ImportKind};
use crate::i18n::tr;
use crate::ingest::{import_files, import_page_paths, probe_paths};
use crate::records::fields::RecordKind;

pub fn run(global: &Global, command: &ImportCommand) -> Result<Finish> {
    if let Some(paths) = command.probe_paths()? {
        return super::emit::probed(probe_paths(paths)?);
    }
    let kind = match command.kind {
        ImportKind::Pages => return import_pages(global, command),
        ImportKind::Appeals => RecordKind::Appeals,
        ImportKind::Posts => RecordKind::Posts,
        ImportKind::Directory => RecordKind::Directory,
    };
    let options = command.record_options(kind)?;
    import_files(global, &global.db, kind, &command.files, &options)?;
    Ok(Finish::Done)
}

/// `import pages`: a line per blog after the import's own summary.
fn import_pages(global: &Global, command: &ImportCommand) -> Result<Finish> {
    let options = command.page_options()?;
    let imported = import_page_paths(global, &global.db, &command.files, &options)?;
    for blog in &imported.blogs {
        global.say(tr(
            "import-pages-blog",
            &[
                ("blog", blog.blog.clone().into()),
                ("pages", blog.pages.into()),
                ("addressee", blog.addressee.clone().into()),
            ],
        ));
    }
    Ok(Finish::Done)
}
