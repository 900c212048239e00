//! Which paths may be requested: robots.txt as read at the start of a run, and the pages
//! appeal-audit never opens whatever robots.txt or the user says (an appeal's own page, search).

use std::time::Duration;

use texting_robots::Robot;

/// The product token robots.txt groups are matched against.
pub const ROBOTS_AGENT: &str = "appeal-audit";

/// Paths never requested: the portal's robots.txt disallows them, and a mirror or a changed
/// robots.txt is no reason to start (portal.md, "Addresses").
const NEVER: [&str; 3] = ["/blogs/all-questions/", "/search", "/blogs/search/"];

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
                    .map(|d| Duration::from_secs_f32(d.min(3600.0))),
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
