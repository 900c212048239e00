//! Man pages and completion scripts from the parser's own definition, so that they never
//! disagree with it: one page per command (`appeal-audit-import-appeals.1`), each naming only
//! pages that are written beside it, and everything produced whole before a byte is written, so
//! that a reader who stops early (`| head`) ends nothing but the write.

use std::path::Path;

use anyhow::{Context, Result};

use crate::i18n::tr;
use crate::usage::UsageError;

/// The command tree as the pages name it: built (so that each subcommand knows its full name,
/// `appeal-audit-import`) and without clap's `help` subcommand, which has no page.
fn built(root: clap::Command) -> clap::Command {
    let mut root = root.disable_help_subcommand(true);
    root.build();
    root
}

/// The page of the command `path` names under `root` (none: the top page), as roff.
pub fn page(root: clap::Command, path: &[String]) -> Result<Vec<u8>> {
    let mut command = built(root);
    for name in path {
        let known: Vec<String> = command
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name().to_string())
            .collect();
        let Some(sub) = command
            .get_subcommands()
            .find(|s| !s.is_hide_set() && s.get_name() == name)
            .cloned()
        else {
            let what = command.get_display_name().unwrap_or(command.get_name());
            let args = [
                ("command", what.to_string().into()),
                ("name", format!("{name:?}").into()),
                ("commands", known.join(", ").into()),
            ];
            return Err(UsageError::new(if known.is_empty() {
                tr("usage-man-no-subcommands", &args)
            } else {
                tr("usage-man-no-command", &args)
            })
            .into());
        };
        command = sub;
    }
    let mut roff = Vec::new();
    clap_mangen::Man::new(command).render(&mut roff)?;
    Ok(roff)
}

/// `cannot write DIR/x.1: check --output-dir`, in the run's language.
fn output_dir(what: &str, path: &Path) -> String {
    let what = tr(what, &[("path", path.display().to_string().into())]);
    tr("output-dir", &[("what", what.into())])
}

/// Writes every command's page into `dir` (made if missing); says how many.
pub fn write_pages(root: clap::Command, dir: &Path) -> Result<usize> {
    std::fs::create_dir_all(dir).with_context(|| output_dir("cannot-create", dir))?;
    let mut written = 0;
    let mut pending = vec![built(root)];
    while let Some(command) = pending.pop() {
        pending.extend(
            command
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .cloned(),
        );
        let man = clap_mangen::Man::new(command);
        let path = dir.join(man.get_filename());
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        std::fs::write(&path, roff).with_context(|| output_dir("cannot-write", &path))?;
        written += 1;
    }
    Ok(written)
}

/// A completion script for `shell`. clap_complete panics when its writer fails, so it writes
/// into memory, and the caller's write can fail as any other (a closed pipe ends quietly).
pub fn completions(root: clap::Command, shell: clap_complete::Shell) -> Vec<u8> {
    let mut root = root;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut root, "appeal-audit", &mut script);
    script
}
