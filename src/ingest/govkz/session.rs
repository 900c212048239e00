//! One gov.kz run's client and archive: every request asked politely, every answer (retried
//! or given up on too) archived with its request, and read back exactly as the archive reader
//! reads it.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use chrono::Utc;

use super::GovkzOptions;
use crate::archive::{ArchivedPage, WarcWriter, archive_file_name};
use crate::fetch::{Client, Request, make_archive_dir};
use crate::govkz::{self, ApiRequest, Body, NotRead};
use crate::i18n::tr;
use crate::ingest::crawl::new_archive_path;
use crate::ingest::govkz_answers::answer_of;

pub(super) struct Session {
    pub client: Client,
    writer: WarcWriter,
    /// Requests sent (retries included): what the benchmark counts per body.
    pub requests: u32,
}

/// One answer: the page as archived, and its validators for the next conditional request.
pub(super) struct Answered {
    pub page: ArchivedPage,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Session {
    /// A client that has read robots.txt, and a new archive `{prefix}govkz-{what}-STAMP.warc.gz`.
    pub fn start(options: &GovkzOptions, prefix: &str, what: &str) -> Result<Session> {
        let client = Client::start(&options.client)?;
        make_archive_dir(&options.archive_dir)?;
        let name = archive_file_name(&format!("{prefix}govkz-{what}"), Utc::now());
        let path = new_archive_path(&options.archive_dir, &name);
        let software = concat!("appeal-audit/", env!("CARGO_PKG_VERSION"));
        Ok(Session {
            client,
            writer: WarcWriter::create(&path, software)?,
            requests: 0,
        })
    }

    /// Asks `api` (with `extra` headers: a conditional request's), archives every answer, and
    /// returns the last one as the archive reader will read it again.
    pub fn ask(&mut self, api: &ApiRequest, extra: &[(String, String)]) -> Result<Answered> {
        let mut headers: Vec<(String, String)> = api
            .headers
            .iter()
            .map(|(name, value)| (name.to_string(), value.clone()))
            .collect();
        headers.extend(extra.iter().cloned());
        let request = Request {
            path: api.path.clone(),
            headers,
            body: api.body.clone(),
        };
        let sent = self.client.send_request(&request);
        let superseded = self.client.take_superseded();
        self.requests += u32::try_from(superseded.len()).unwrap_or(u32::MAX) + 1;
        for exchange in &superseded {
            exchange.archive(&mut self.writer)?;
        }
        let exchange = sent?;
        let offset = exchange.archive(&mut self.writer)?;
        let page = exchange.page(self.writer.path(), offset)?;
        Ok(Answered {
            etag: exchange.header("etag"),
            last_modified: exchange.header("last-modified"),
            page,
        })
    }

    /// The list of every body, with names in `lang`: refused or unreadable, the run cannot
    /// tell one body from another and stops, saying what to do.
    pub fn bodies(&mut self, lang: &str) -> Result<Vec<Body>> {
        let answered = self.ask(&govkz::bodies_request(lang), &[])?;
        let page = &answered.page;
        govkz::read_bodies(&answer_of(page)).map_err(|e| {
            let why = match e {
                NotRead::Refused { why } | NotRead::Unexpected { why } => why,
            };
            anyhow!(tr(
                "govkz-bodies-not-read",
                &[
                    ("url", page.url.clone().into()),
                    ("lang", lang.to_string().into()),
                    ("file", page.file.display().to_string().into()),
                    ("offset", page.offset.into()),
                    ("why", why.into()),
                ]
            ))
        })
    }

    pub fn path(&self) -> &std::path::Path {
        self.writer.path()
    }

    pub fn finish(self) -> Result<PathBuf> {
        self.writer.finish()
    }
}
