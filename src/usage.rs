//! Wrong usage that clap cannot see: flags whose values or combination the command cannot use
//! (`--since` after `--until`, an unknown `--columns` name). `main` maps it to exit 2, as
//! clap's own errors (cli.md, exit codes). One type, so that every layer that checks flags
//! (the options stage, the column choice of the output layer) is told apart from a failure.

/// The message names the flags and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl UsageError {
    pub fn new(message: impl Into<String>) -> UsageError {
        UsageError(message.into())
    }
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
