//! The integration tests: one binary, one module per area, each driving the real
//! `appeal-audit` binary in a scratch folder (`common::Workdir`). One binary rather than one per
//! file, because every test binary links the whole dependency tree again.
//!
//! `cargo test --test integration AREA::` runs one area, e.g. `reliability::`.

mod common;

mod audit;
mod check;
mod columns;
mod conformance;
mod error_words;
mod examples;
mod fetch;
mod fetch_words;
mod govkz;
mod has_answer;
mod history;
mod hostile_archives;
mod hostile_network;
mod html;
mod i18n;
mod import;
mod pages;
mod parquet;
mod portal_shapes;
mod properties;
mod publish;
mod readme;
mod reliability;
mod reports;
mod sheets;
mod shell;
mod terminal;
mod usage;
mod views;
mod weekly_export;
