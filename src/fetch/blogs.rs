//! Which blog a `fetch` argument names: a number, or an address on the site the run reads. The
//! number is normalised (`0555` is blog 555) and kept to the portal's size of ids; an address
//! on another site is refused, never quietly read from `--base-url` instead.

use crate::i18n::tr;
use crate::portal::blog_id;
use crate::visible::visible;

/// The most digits a blog id may have: the portal's have seven (2719746); more is no blog, and
/// a 300-digit one would make file names the system refuses.
const MAX_DIGITS: usize = 12;

/// The blog `arg` names, read from `base_url` (`scheme://host[:port]`), or why it names none.
pub fn blog_of(arg: &str, base_url: &str) -> Result<String, String> {
    let text = arg.trim();
    let shown = || shorten(text);
    let id = blog_id(text).ok_or_else(|| {
        tr(
            "blog-not-a-blog",
            &[("given", format!("{:?}", shown()).into())],
        )
    })?;
    if let Some(host) = host_of(text)
        && !host.eq_ignore_ascii_case(host_of(base_url).unwrap_or_default())
    {
        return Err(tr(
            "blog-elsewhere",
            &[
                ("given", format!("{:?}", shown()).into()),
                ("host", visible(host).into_owned().into()),
                ("base", base_url.to_string().into()),
            ],
        ));
    }
    let digits = id.trim_start_matches('0');
    if digits.is_empty() {
        return Err(tr(
            "blog-zero",
            &[("given", format!("{:?}", shown()).into())],
        ));
    }
    if digits.len() > MAX_DIGITS {
        return Err(tr(
            "blog-too-many-digits",
            &[
                ("given", format!("{:?}", shown()).into()),
                ("digits", digits.len().into()),
                ("most", MAX_DIGITS.into()),
            ],
        ));
    }
    Ok(digits.to_string())
}

/// The host (with its port) an address names, if it names one: `https://h:1/x` and `h/blogs/x`
/// give `h:1` and `h`; a bare number or `/blogs/1` none.
fn host_of(text: &str) -> Option<&str> {
    let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    (!host.is_empty() && !host.chars().all(|c| c.is_ascii_digit())).then_some(host)
}

/// An argument as a message shows it: escaped, and cut when very long.
fn shorten(text: &str) -> String {
    let shown = visible(text);
    match shown.char_indices().nth(40) {
        Some((at, _)) => format!("{}… ({} characters)", &shown[..at], text.chars().count()),
        None => shown.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://dialog.egov.kz";

    #[test]
    fn numbers_and_addresses_on_the_site() {
        for (arg, id) in [
            ("2719746", "2719746"),
            ("0555", "555"),
            ("555", "555"),
            (" 2719746 ", "2719746"),
            ("https://dialog.egov.kz/blogs/2719746/welcome", "2719746"),
            ("https://Dialog.Egov.KZ/blogs/0042/questions?page=2", "42"),
            ("dialog.egov.kz/blogs/2719746", "2719746"),
            ("/blogs/2719746/welcome", "2719746"),
        ] {
            assert_eq!(blog_of(arg, BASE).as_deref(), Ok(id), "{arg}");
        }
        assert_eq!(
            blog_of("http://127.0.0.1:9/blogs/5/welcome", "http://127.0.0.1:9").as_deref(),
            Ok("5")
        );
    }

    #[test]
    fn another_site_a_long_id_and_no_blog_are_refused() {
        let elsewhere = blog_of("https://evil.example/blogs/2719746/welcome", BASE).unwrap_err();
        assert!(
            elsewhere.contains("is on evil.example") && elsewhere.contains("--base-url"),
            "{elsewhere}"
        );
        let port = blog_of("http://127.0.0.1:8/blogs/5/welcome", "http://127.0.0.1:9");
        assert!(port.is_err());
        let long = blog_of(&"9".repeat(300), BASE).unwrap_err();
        assert!(long.contains("300 digits") && long.len() < 200, "{long}");
        assert!(blog_of("000", BASE).is_err());
        assert!(blog_of("not-a-blog", BASE).is_err());
        assert!(blog_of("\u{1b}[2J", BASE).unwrap_err().contains("\\u{1b}"));
    }
}
