//! The methodology page of `docs/` in one language, built from the same messages the reports
//! use where it says what they say (route names, the deadline rule, the column names), so that
//! the page and the reports cannot drift apart.

use std::io::Write;

use anyhow::Result;

use super::words::{column, word};
use crate::calendar::CalendarKind;
use crate::catalogue::{ROUTING, Vocabulary};
use crate::i18n::Lang;
use crate::report::silence::SilenceStatus;

pub fn markdown(out: &mut dyn Write, lang: Lang, table_years: (i32, i32)) -> Result<()> {
    let tr = |key: &str| lang.tr(key, &[]);
    writeln!(out, "# {}\n", tr("doc-title"))?;
    writeln!(
        out,
        "{}\n",
        lang.tr("doc-intro", &[("lang", lang.code().into())])
    )?;
    writeln!(out, "## {}\n", tr("doc-h-route"))?;
    writeln!(out, "{}\n", tr("doc-route"))?;
    writeln!(out, "{}\n", tr("method-routes"))?;

    writeln!(out, "## {}\n", tr("doc-h-shares"))?;
    writeln!(out, "{}", tr("method-shares"))?;
    let example = format!(
        "{} ({}–{})",
        lang.percent(15.4),
        lang.decimal(4.3),
        lang.decimal(42.2)
    );
    let few = word(Vocabulary::Note, "few", lang);
    let shares = lang.tr(
        "doc-shares",
        &[("example", example.into()), ("few", few.into())],
    );
    writeln!(out, "{shares}\n")?;

    writeln!(out, "## {}\n", tr("doc-h-days"))?;
    writeln!(out, "{}\n", tr("doc-days"))?;

    writeln!(out, "## {}\n", tr("doc-h-deadline"))?;
    let rule = super::words::deadline_rule(CalendarKind::Kz, None, lang);
    writeln!(
        out,
        "{}\n",
        lang.tr("doc-deadline", &[("rule", rule.into())])
    )?;

    writeln!(out, "## {}\n", tr("doc-h-working"))?;
    let (first, last) = table_years;
    let years = [("first", first.into()), ("last", last.into())];
    writeln!(out, "{}\n", lang.tr("doc-working", &years))?;

    writeln!(out, "## {}\n", tr("doc-h-silence"))?;
    let [stale, never, not_read] = [
        SilenceStatus::Stale,
        SilenceStatus::Never,
        SilenceStatus::NotRead,
    ]
    .map(|status| word(Vocabulary::Status, status.as_str(), lang));
    let silence = lang.tr(
        "doc-silence",
        &[
            ("stale", stale.into()),
            ("never", never.into()),
            ("not_read", not_read.into()),
        ],
    );
    writeln!(out, "{silence}\n")?;

    writeln!(out, "## {}\n", tr("doc-h-unsatisfied"))?;
    writeln!(out, "{}\n", tr("doc-unsatisfied"))?;

    writeln!(out, "## {}\n", tr("doc-h-columns"))?;
    writeln!(out, "{}\n", tr("doc-columns"))?;
    for key in ROUTING.iter().map(|c| c.name) {
        writeln!(out, "- {} (`{key}`)", column(key, lang))?;
    }
    Ok(())
}
