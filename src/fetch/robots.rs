//! Which paths may be requested: robots.txt as read at the start of a run (its redirects
//! followed, as RFC 9309 asks), and the pages appeal-audit never opens whatever robots.txt or
//! the user says (an appeal's own page, search). A Crawl-delay too long to finish is refused.

use std::time::Duration;

use texting_robots::Robot;

/// The product token robots.txt groups are matched against.
pub const ROBOTS_AGENT: &str = "appeal-audit";

/// Paths never requested: the portal's robots.txt disallows them, and a mirror or a changed
/// robots.txt is no reason to start (portal.md, "Addresses").
const NEVER: [&str; 3] = ["/blogs/all-questions/", "/search", "/blogs/search/"];

/// Redirects of robots.txt followed, as RFC 9309 (2.3.1.2) asks of crawlers.
pub(super) const MAX_REDIRECTS: usize = 5;

/// The longest Crawl-delay a run accepts: at one page a minute a blog of 100 pages takes
/// 100 minutes; an hour a page (`Crawl-delay: 3600`) would take days and is refused.
pub const LONGEST_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// Why a Crawl-delay is too long, and what to do.
pub(super) fn too_slow(delay: Duration) -> String {
    let hours = delay.as_secs_f64() * 100.0 / 3600.0;
    crate::i18n::tr(
        "robots-too-slow",
        &[
            ("delay", delay.as_secs().into()),
            ("hours", format!("{hours:.0}").into()),
            ("most", LONGEST_CRAWL_DELAY.as_secs().into()),
        ],
    )
}

/// The path a redirect's `Location` names on the site `base` (`scheme://host[:port]`), or
/// None when it leaves the site (another host, port or scheme).
pub(super) fn same_site(base: &str, location: &str) -> Option<String> {
    let location = location.trim();
    let on_base = location
        .get(..base.len())
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(base));
    let path = if on_base {
        &location[base.len()..]
    } else if location.starts_with('/') && !location.starts_with("//") {
        location
    } else if !location.contains(':') && !location.is_empty() && !location.starts_with('/') {
        // Relative to robots.txt's folder, the root.
        return Some(format!("/{location}"));
    } else {
        return None;
    };
    match path {
        "" => Some("/".into()),
        p if p.starts_with('/') => Some(p.to_string()),
        _ => None,
    }
}

/// Why a path is not requested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// One of the pages appeal-audit never opens.
    Never,
    /// robots.txt disallows it.
    Robots,
}

pub struct Rules {
    robot: Option<Robot>,
    /// robots.txt's Crawl-delay for this agent (or `*`), if it gives one.
    pub crawl_delay: Option<Duration>,
}

impl Rules {
    /// No robots.txt (a 4xx for it): every path but the never-opened ones is allowed.
    pub fn allow_all() -> Rules {
        Rules {
            robot: None,
            crawl_delay: None,
        }
    }

    /// robots.txt's text. A file that cannot be parsed at all allows nothing: better no page
    /// than one the site asked robots to leave alone.
    pub fn parse(robots_txt: &[u8]) -> Rules {
        match Robot::new(ROBOTS_AGENT, robots_txt) {
            Ok(robot) => Rules {
                crawl_delay: robot
                    .delay
                    .filter(|d| d.is_finite() && *d >= 0.0)
                    // Kept up to a year (a Duration cannot hold an infinite one): anything over
                    // a minute is refused anyway (`LONGEST_CRAWL_DELAY`).
                    .map(|d| Duration::from_secs_f32(d.min(31_536_000.0))),
                robot: Some(robot),
            },
            Err(_) => Rules {
                robot: Robot::new(ROBOTS_AGENT, b"User-agent: *\nDisallow: /\n").ok(),
                crawl_delay: None,
            },
        }
    }

    /// Whether a path (with its query) may be requested.
    pub fn check(&self, path: &str) -> Result<(), Refusal> {
        let bare = path.split(['?', '#']).next().unwrap_or(path);
        if NEVER
            .iter()
            .any(|n| bare.starts_with(n) || bare == n.trim_end_matches('/'))
        {
            return Err(Refusal::Never);
        }
        match &self.robot {
            Some(robot) if !robot.allowed(path) => Err(Refusal::Robots),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTAL: &str = "User-agent: *\nDisallow: /blogs/all-questions/\nDisallow: /search\n\
                          Disallow: /blogs/search/\nCrawl-delay: 1\n";

    #[test]
    fn the_portals_robots_txt() {
        let rules = Rules::parse(PORTAL.as_bytes());
        assert_eq!(rules.crawl_delay, Some(Duration::from_secs(1)));
        assert_eq!(rules.check("/blogs/2719746/welcome"), Ok(()));
        assert_eq!(rules.check("/blogs/2719746/questions?page=3"), Ok(()));
        assert_eq!(rules.check("/application/changelang?lang=kk"), Ok(()));
        assert_eq!(
            rules.check("/blogs/all-questions/429455"),
            Err(Refusal::Never)
        );
        assert_eq!(rules.check("/search?q=x"), Err(Refusal::Never));
    }

    #[test]
    fn redirects_are_followed_on_the_same_site_only() {
        let base = "http://127.0.0.1:8080";
        let cases = [
            ("/rules.txt", Some("/rules.txt")),
            ("http://127.0.0.1:8080/a/robots.txt", Some("/a/robots.txt")),
            ("HTTP://127.0.0.1:8080/r", Some("/r")),
            ("http://127.0.0.1:8080", Some("/")),
            ("rules.txt", Some("/rules.txt")),
            ("http://127.0.0.1:8081/robots.txt", None),
            ("https://127.0.0.1:8080/robots.txt", None),
            ("http://127.0.0.1:8080.evil.example/robots.txt", None),
            ("//evil.example/robots.txt", None),
            ("https://evil.example/robots.txt", None),
            ("", None),
        ];
        for (location, path) in cases {
            assert_eq!(same_site(base, location).as_deref(), path, "{location}");
        }
    }

    #[test]
    fn a_huge_crawl_delay_is_kept_to_be_refused() {
        let rules = Rules::parse(b"User-agent: *\nCrawl-delay: 3600\n");
        assert_eq!(rules.crawl_delay, Some(Duration::from_secs(3600)));
        let rules = Rules::parse(b"User-agent: *\nCrawl-delay: 1e30\n");
        assert!(rules.crawl_delay.is_some_and(|d| d > LONGEST_CRAWL_DELAY));
        assert!(too_slow(Duration::from_secs(3600)).contains("100 hours"));
    }

    #[test]
    fn never_opened_pages_stay_closed_without_robots_txt() {
        let rules = Rules::allow_all();
        assert_eq!(rules.crawl_delay, None);
        assert_eq!(rules.check("/blogs/1/questions?page=1"), Ok(()));
        assert_eq!(rules.check("/blogs/all-questions/1"), Err(Refusal::Never));
        assert_eq!(rules.check("/blogs/search/?q=x"), Err(Refusal::Never));
        assert_eq!(rules.check("/search"), Err(Refusal::Never));
    }

    #[test]
    fn a_disallow_and_a_group_of_our_own() {
        let txt = "User-agent: *\nDisallow: /blogs/7/posts\n\nUser-agent: appeal-audit\n\
                   Disallow: /blogs/9/\nCrawl-delay: 0\n";
        let rules = Rules::parse(txt.as_bytes());
        // Our own group wins over `*`, as robots.txt's rules say.
        assert_eq!(rules.crawl_delay, Some(Duration::ZERO));
        assert_eq!(rules.check("/blogs/9/welcome"), Err(Refusal::Robots));
        assert_eq!(rules.check("/blogs/7/posts?page=1"), Ok(()));
        let star = Rules::parse(b"User-agent: *\nDisallow: /blogs/7/posts\n");
        assert_eq!(star.check("/blogs/7/posts?page=1"), Err(Refusal::Robots));
        assert_eq!(star.crawl_delay, None);
    }
}
