//! Writes a WARC file: a `warcinfo` record, then a `response` and its `request` for each page,
//! each record gzipped as its own member and flushed at once, so that a run killed at any
//! moment leaves every page it finished readable (and a reader can seek to any record).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use flate2::Compression;
use flate2::write::GzEncoder;

use super::{header_end, sha1_digest};

/// An open archive: one file per run.
pub struct WarcWriter {
    file: File,
    path: PathBuf,
    /// Bytes written so far: the next record's offset.
    offset: u64,
    warcinfo_id: String,
}

/// The archive's file name for a run on `blog` started at `at`: `2719746-20261202T110000Z.warc.gz`.
pub fn archive_file_name(blog: &str, at: DateTime<Utc>) -> String {
    format!("{blog}-{}.warc.gz", at.format("%Y%m%dT%H%M%SZ"))
}

fn record_id() -> String {
    format!("<urn:uuid:{}>", uuid::Uuid::new_v4())
}

/// A date as WARC-Date writes it (UTC, whole seconds).
pub fn warc_date(date: DateTime<Utc>) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl WarcWriter {
    /// Creates the file (never overwriting one) and writes its `warcinfo` record, whose
    /// `software` field is `software_info` (e.g. `appeal-audit/0.1.0`).
    pub fn create(path: &Path, software_info: &str) -> Result<WarcWriter> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| {
                format!(
                    "cannot create the archive {}: check that its folder exists and is writable \
                     (an archive is never overwritten)",
                    path.display()
                )
            })?;
        let mut writer = WarcWriter {
            file,
            path: path.to_path_buf(),
            offset: 0,
            warcinfo_id: record_id(),
        };
        writer.write_warcinfo(software_info)?;
        Ok(writer)
    }

    /// Goes on with the archive of a stopped run: cut back to `whole` bytes (the end of its last
    /// whole record; None keeps it all), then a `warcinfo` record of its own for what follows.
    pub fn resume(path: &Path, whole: Option<u64>, software_info: &str) -> Result<WarcWriter> {
        let cannot = || {
            format!(
                "cannot go on writing the archive {}: check that it is writable",
                path.display()
            )
        };
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .with_context(cannot)?;
        if let Some(whole) = whole {
            file.set_len(whole).with_context(cannot)?;
        }
        let offset = file.metadata().with_context(cannot)?.len();
        let mut writer = WarcWriter {
            file,
            path: path.to_path_buf(),
            offset,
            warcinfo_id: record_id(),
        };
        writer.write_warcinfo(software_info)?;
        Ok(writer)
    }

    fn write_warcinfo(&mut self, software_info: &str) -> Result<()> {
        let path = self.path.clone();
        let info = format!(
            "software: {software_info}\r\nformat: WARC File Format 1.1\r\nconformsTo: \
             http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        );
        let headers = [
            ("WARC-Type", "warcinfo".to_string()),
            ("WARC-Record-ID", self.warcinfo_id.clone()),
            ("WARC-Date", warc_date(Utc::now())),
            (
                "WARC-Filename",
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
            ("Content-Type", "application/warc-fields".to_string()),
        ];
        self.write_record(&headers, info.as_bytes())?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Archives one exchange: the raw HTTP response (status line, headers, body, exactly as
    /// received) and the request that asked for it. Returns the offset of the response record,
    /// which is what provenance and `warcio extract FILE OFFSET` name.
    #[cfg(test)]
    pub fn write_exchange(
        &mut self,
        url: &str,
        date: DateTime<Utc>,
        request_bytes: &[u8],
        response_bytes: &[u8],
    ) -> Result<u64> {
        self.write_response(url, date, request_bytes, response_bytes, None)
    }

    /// `write_exchange`, saying when the body is not all the server sent: `WARC-Truncated`
    /// with the reason (`length`: it was larger than the client reads), so that neither a
    /// reader nor a resumed run takes the part for the page.
    pub fn write_response(
        &mut self,
        url: &str,
        date: DateTime<Utc>,
        request_bytes: &[u8],
        response_bytes: &[u8],
        truncated: Option<&str>,
    ) -> Result<u64> {
        let response_id = record_id();
        let date = warc_date(date);
        let payload = header_end(response_bytes).map_or(&[][..], |at| &response_bytes[at..]);
        let mut response = vec![
            ("WARC-Type", "response".to_string()),
            ("WARC-Record-ID", response_id.clone()),
            ("WARC-Date", date.clone()),
            ("WARC-Target-URI", url.to_string()),
            ("WARC-Warcinfo-ID", self.warcinfo_id.clone()),
            ("WARC-Payload-Digest", sha1_digest(payload)),
            (
                "Content-Type",
                "application/http; msgtype=response".to_string(),
            ),
        ];
        if let Some(why) = truncated {
            response.push(("WARC-Truncated", why.to_string()));
        }
        // The request first, as a client sends it: a reader meets the question before its
        // answer (gov.kz's GraphQL answers say what they answer only in the POST's body).
        let request = [
            ("WARC-Type", "request".to_string()),
            ("WARC-Record-ID", record_id()),
            ("WARC-Date", date),
            ("WARC-Target-URI", url.to_string()),
            ("WARC-Warcinfo-ID", self.warcinfo_id.clone()),
            ("WARC-Concurrent-To", response_id),
            (
                "Content-Type",
                "application/http; msgtype=request".to_string(),
            ),
        ];
        self.write_record(&request, request_bytes)?;
        let offset = self.write_record(&response, response_bytes)?;
        Ok(offset)
    }

    /// Flushes the file to disk; the archive is complete.
    pub fn finish(self) -> Result<PathBuf> {
        self.file
            .sync_all()
            .with_context(|| format!("cannot write the archive {}", self.path.display()))?;
        Ok(self.path)
    }

    /// Writes one record as its own gzip member; returns its offset. Adds the block digest
    /// and length to `headers`.
    fn write_record(&mut self, headers: &[(&str, String)], block: &[u8]) -> Result<u64> {
        let mut record = Vec::with_capacity(block.len() + 512);
        record.extend_from_slice(b"WARC/1.1\r\n");
        for (name, value) in headers {
            record.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        record
            .extend_from_slice(format!("WARC-Block-Digest: {}\r\n", sha1_digest(block)).as_bytes());
        record.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        let mut gz = GzEncoder::new(Vec::with_capacity(record.len() / 3), Compression::default());
        let member = gz
            .write_all(&record)
            .and_then(|()| gz.finish())
            .context("cannot compress a WARC record")?;
        // One write per record: a kill between two leaves whole members only, or one cut
        // short at the end, which the reader reports and skips.
        self.file
            .write_all(&member)
            .with_context(|| format!("cannot write the archive {}", self.path.display()))?;
        let offset = self.offset;
        self.offset += member.len() as u64;
        Ok(offset)
    }
}
