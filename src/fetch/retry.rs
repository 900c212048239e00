//! When to try a request again and how long to wait first: Retry-After for 429 and 503,
//! exponential backoff with jitter for other 5xx and network errors, at most five tries.

use std::time::{Duration, SystemTime};

/// Tries a page gets before the run gives up on it.
pub const MAX_TRIES: u32 = 5;

/// A Retry-After longer than this is not waited out: the run stops and says when to try again.
pub const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(15 * 60);

/// What one try's outcome calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Take the response as it is (2xx, 3xx, or a 4xx other than 429: not worth repeating).
    Done,
    /// Wait this long, then try again.
    Retry(Duration),
}

/// The wait before try number `tries + 1` after a response with `status` (None: a network
/// error, a timeout or a connection dropped mid-body), `retry_after` being its header.
/// `base` is the first backoff step; `jitter` in [0, 1) spreads retries of many clients.
pub fn next(
    status: Option<u16>,
    retry_after: Option<&str>,
    tries: u32,
    base: Duration,
    jitter: f64,
) -> Next {
    let backoff = || {
        let step = base.saturating_mul(1 << (tries.saturating_sub(1)).min(16));
        step.mul_f64(0.5 + jitter)
    };
    match status {
        Some(429 | 503) => Next::Retry(
            retry_after
                .and_then(|v| parse_retry_after(v, SystemTime::now()))
                .unwrap_or_else(backoff),
        ),
        Some(s) if (500..600).contains(&s) => Next::Retry(backoff()),
        Some(_) => Next::Done,
        None => Next::Retry(backoff()),
    }
}

/// Retry-After as seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`), as a wait
/// from `now`; a date in the past is no wait. None when it is neither.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Duration = Duration::from_secs(1);

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = httpdate::parse_http_date("Wed, 02 Dec 2026 11:00:00 GMT").unwrap();
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Wed, 02 Dec 2026 11:01:30 GMT", now),
            Some(Duration::from_secs(90))
        );
        // The obsolete forms HTTP still allows.
        assert_eq!(
            parse_retry_after("Wednesday, 02-Dec-26 11:00:05 GMT", now),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            parse_retry_after("Tue, 01 Dec 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }

    #[test]
    fn which_outcomes_are_retried() {
        assert_eq!(next(Some(200), None, 1, BASE, 0.5), Next::Done);
        assert_eq!(next(Some(404), None, 1, BASE, 0.5), Next::Done);
        assert_eq!(next(Some(403), Some("5"), 1, BASE, 0.5), Next::Done);
        assert_eq!(next(Some(301), None, 1, BASE, 0.5), Next::Done);
        assert_eq!(
            next(Some(429), Some("5"), 1, BASE, 0.5),
            Next::Retry(Duration::from_secs(5))
        );
        assert_eq!(
            next(Some(503), Some("2"), 3, BASE, 0.5),
            Next::Retry(Duration::from_secs(2))
        );
        // No usable Retry-After: backoff, as for other 5xx.
        assert_eq!(
            next(Some(429), Some("later"), 1, BASE, 0.5),
            Next::Retry(BASE)
        );
        assert_eq!(next(Some(500), None, 1, BASE, 0.5), Next::Retry(BASE));
        assert_eq!(next(None, None, 1, BASE, 0.5), Next::Retry(BASE));
    }

    #[test]
    fn backoff_doubles_with_each_try_and_jitter_spreads_it() {
        let waits: Vec<Next> = (1..=4)
            .map(|t| next(Some(502), None, t, BASE, 0.5))
            .collect();
        let secs = |n: u64| Next::Retry(Duration::from_secs(n));
        assert_eq!(waits, vec![secs(1), secs(2), secs(4), secs(8)]);
        assert_eq!(
            next(None, None, 2, BASE, 0.0),
            Next::Retry(Duration::from_secs(1))
        );
        assert_eq!(
            next(None, None, 2, BASE, 0.999),
            Next::Retry(Duration::from_secs(2).mul_f64(1.499))
        );
    }
}
