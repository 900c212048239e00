//! `fetch BLOG...`: the flags validated before any request, then the engine fetches, archives
//! and imports; the progress bar, on a terminal only, is this file's.

use std::cell::Cell;
use std::fmt::Display;
use std::io::IsTerminal;
use std::time::Duration;

use anyhow::Result;

use super::{Finish, Global};
use crate::cli::fetch::FetchCommand;
use crate::cli::govkz::{GovkzCommand, NewsCommand};
use crate::i18n::{Lang, tr};
use crate::ingest::{Progress, fetch_blogs, fetch_directory, fetch_news, probe_blogs, probe_news};
use crate::progress::{Reporter, duration_words};

/// `lang`: the global `--lang` as given on the command line; ru and kk are asked of the portal.
pub fn run(global: &Global, command: &FetchCommand, lang: Option<Lang>) -> Result<Finish> {
    match &command.govkz {
        Some(GovkzCommand::News(news)) => return self::news(global, news),
        Some(GovkzCommand::Directory(directory)) => {
            let options = directory.options()?;
            let bar = Bar::new(global, "bar-bodies", "bar-officials-left");
            fetch_directory(&bar, &global.db, &options)?;
            return Ok(Finish::Done);
        }
        None => {}
    }
    let options = command.options(lang)?;
    if options.probe {
        return super::emit::probed(probe_blogs(&options)?);
    }
    let bar = Bar::new(global, "bar-pages", "bar-appeals-left");
    fetch_blogs(&bar, &global.db, &options)?;
    Ok(Finish::Done)
}

/// `fetch news`: a probe prints what each source gave (exit 1 when none was read whole).
fn news(global: &Global, command: &NewsCommand) -> Result<Finish> {
    let options = command.options()?;
    if command.probe {
        let report = probe_news(&options)?;
        print!("{report}");
        return match report.any_read() {
            true => Ok(Finish::Done),
            false => Err(anyhow::anyhow!(tr(
                "govkz-probe-none-read",
                &[(
                    "bodies",
                    options
                        .bodies
                        .iter()
                        .chain(&options.under)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into()
                )]
            ))),
        };
    }
    let bar = Bar::new(global, "bar-bodies", "bar-items-left");
    fetch_news(&bar, &global.db, &options)?;
    Ok(Finish::Done)
}

/// The progress bar: on a terminal only, pages done of the total, appeals read, and the time
/// the pages left take at the delay in force.
struct Bar<'g> {
    global: &'g Global,
    bar: indicatif::ProgressBar,
    gap: Cell<Duration>,
    counted: &'static str,
}

impl Bar<'_> {
    /// `unit`: the message naming what the bar counts (pages of a blog, bodies of gov.kz).
    /// `counted`: the message key of what is read so far (appeals, news items, officials).
    fn new<'g>(global: &'g Global, unit: &str, counted: &'static str) -> Bar<'g> {
        let unit = tr(unit, &[]);
        let bar = match global.quiet() || !std::io::stderr().is_terminal() {
            true => indicatif::ProgressBar::hidden(),
            false => indicatif::ProgressBar::new(0),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{prefix}} [{{bar:30}}] {{pos}}/{{len}} {unit}, {{msg}}"
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Bar {
            global,
            bar,
            gap: Cell::new(Duration::ZERO),
            counted,
        }
    }
}

impl Reporter for Bar<'_> {
    fn say(&self, message: &dyn Display) {
        self.bar.suspend(|| self.global.say(message));
    }

    fn warn(&self, message: &dyn Display) {
        self.bar.suspend(|| crate::progress::tell(message));
    }

    fn bytes_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.global.bytes_bar(label)
    }

    fn rows_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.global.rows_bar(label)
    }
}

impl Progress for Bar<'_> {
    fn gap(&self, gap: Duration) {
        self.gap.set(gap);
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }

    fn pages(&self, blog: &str, done: u32, total: Option<u32>, appeals: usize) {
        let total = total.unwrap_or(done).max(done);
        let left = self.gap.get() * (total - done);
        self.bar.set_prefix(blog.to_string());
        self.bar.set_length(u64::from(total));
        self.bar.set_position(u64::from(done));
        self.bar.set_message(tr(
            self.counted,
            &[
                ("appeals", appeals.into()),
                ("count", appeals.into()),
                ("seconds", left.as_secs().into()),
            ],
        ));
    }

    fn estimate(&self, blog: &str, to_read: u32, total: u32) {
        let gap = self.gap.get();
        self.say(&tr(
            "fetch-estimate",
            &[
                ("blog", blog.to_string().into()),
                ("pages", to_read.into()),
                ("total", total.into()),
                ("gap", crate::i18n::lang().decimal(gap.as_secs_f64()).into()),
                ("time", duration_words(gap.saturating_mul(to_read)).into()),
            ],
        ));
    }
}
