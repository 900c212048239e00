//! The WARC archive (ISO 28500, WARC/1.1): every page fetched is kept byte for byte with its
//! request, so that a reporter can show a page as it was on the day, and so that pages can be
//! read again later without the network (`import pages`).

mod decode;
mod read;
mod write;

pub use decode::{MAX_BODY, UnreadablePage, max_body_words};
#[cfg(test)]
pub use read::read_archive;
pub use read::{
    ArchiveReader, ArchivedPage, page_of_response, read_archive_contents, skip_refetched,
};
pub use write::{WarcWriter, archive_file_name, warc_date};

/// `sha1:` and the SHA-1 in base 32, as warcio and Heritrix write WARC digests.
fn sha1_digest(bytes: &[u8]) -> String {
    use sha1::{Digest, Sha1};
    format!(
        "sha1:{}",
        data_encoding::BASE32.encode(&Sha1::digest(bytes))
    )
}

/// Where an HTTP message's header block ends: the offset just past its blank line.
fn header_end(message: &[u8]) -> Option<usize> {
    memchr::memmem::find(message, b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| memchr::memmem::find(message, b"\n\n").map(|at| at + 2))
}

#[cfg(test)]
mod tests;
