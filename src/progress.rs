//! What a long piece of work tells the person who started it: summaries, warnings and progress
//! bars on stderr. The engine takes a `Reporter`, so that it never reaches up into the commands
//! for a way to speak, and tests or scripts can hold it quiet.

use std::fmt::Display;
use std::io::{IsTerminal, Write};

/// Where the engine's words for people go.
pub trait Reporter {
    /// A summary or a note: shown unless the user asked for quiet.
    fn say(&self, message: &dyn Display);
    /// A warning: always shown, --quiet or not.
    fn warn(&self, message: &dyn Display) {
        tell(message);
    }
    /// A bar counting bytes of `total` (0: set later), or None where nobody would see it.
    fn bytes_bar(&self, label: &str) -> Option<indicatif::ProgressBar>;
    /// A bar counting rows (its length set later), or None where nobody would see it.
    fn rows_bar(&self, label: &str) -> Option<indicatif::ProgressBar>;
}

/// Stderr: summaries unless `quiet`, bars only on a terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stderr {
    pub quiet: bool,
}

impl Reporter for Stderr {
    fn say(&self, message: &dyn Display) {
        if !self.quiet {
            tell(message);
        }
    }

    fn bytes_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.bar(label, "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
    }

    fn rows_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.bar(label, "{msg} [{bar:30}] {human_pos}/{human_len} ({eta})")
    }
}

impl Stderr {
    /// A bar on stderr drawn by `template`, only where a person watches: never under --quiet,
    /// never into a file or a pipe (stdout is never touched).
    fn bar(&self, label: &str, template: &str) -> Option<indicatif::ProgressBar> {
        if self.quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(0),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(label.to_string());
        Some(bar)
    }
}

/// A line on stderr, even under --quiet (warnings and errors). A stderr whose reader has gone
/// (`... 2>&1 | head -1`) is no reason to fail: unlike eprintln!, this never panics.
pub fn tell(message: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// `appeal-audit: warning: MESSAGE`, the word in the run's language: how every warning starts.
pub fn warning(message: impl Display) -> String {
    format!(
        "appeal-audit: {}: {message}",
        crate::i18n::tr("warning-word", &[])
    )
}

/// A wait as people say it: seconds, minutes, or hours and minutes.
pub fn duration_words(wait: std::time::Duration) -> String {
    use crate::i18n::tr;
    match wait.as_secs() {
        s if s < 120 => tr("duration-seconds", &[("s", s.into())]),
        s if s < 7200 => tr("duration-minutes", &[("min", s.div_ceil(60).into())]),
        s => tr(
            "duration-hours",
            &[("h", (s / 3600).into()), ("min", ((s % 3600) / 60).into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_means_no_bar() {
        let quiet = Stderr { quiet: true };
        assert!(quiet.rows_bar("rows").is_none());
        assert!(quiet.bytes_bar("bytes").is_none());
    }
}
