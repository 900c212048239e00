//! The weekly re-fetch's rule (portal.md): read a blog from page 1 until a page is settled and
//! every stored appeal that is not settled has been seen again. A settled appeal is stored and
//! either answered more than two months before the fetch or submitted more than
//! `--recheck-months` months before it: neither is likely to change any more.

use std::collections::HashSet;

use chrono::{Months, NaiveDate};

use crate::records::dates::parse_date;
use crate::store::RefetchAppeal as StoredAppeal;

/// The longest a first answer may take, with its extension: answered earlier than this before
/// the fetch, an appeal is settled.
const ANSWER_MONTHS: u32 = 2;

/// One card as a questions page shows it now.
#[derive(Debug, Clone)]
pub struct Card<'a> {
    pub id: &'a str,
    /// As the card writes it (`DD.MM.YYYY`, perhaps with a time).
    pub submitted: &'a str,
    /// The first answer's date as the card writes it, if answered.
    pub answered: Option<&'a str>,
}

pub struct Refetch {
    answered_before: NaiveDate,
    submitted_before: NaiveDate,
    stored: HashSet<String>,
    /// Stored appeals not settled and not seen again in this run yet.
    unseen: HashSet<String>,
    settled_page: bool,
}

impl Refetch {
    /// `stored`: the blog's appeals as stored; `fetch_date`: this run's date.
    pub fn new(stored: Vec<StoredAppeal>, fetch_date: NaiveDate, recheck_months: u32) -> Refetch {
        let answered_before = months_before(fetch_date, ANSWER_MONTHS);
        let submitted_before = months_before(fetch_date, recheck_months);
        let mut refetch = Refetch {
            answered_before,
            submitted_before,
            stored: HashSet::new(),
            unseen: HashSet::new(),
            settled_page: false,
        };
        for appeal in stored {
            if !refetch.is_settled(Some(&appeal.submitted_at), appeal.answered_at.as_deref()) {
                refetch.unseen.insert(appeal.id.clone());
            }
            refetch.stored.insert(appeal.id);
        }
        refetch
    }

    /// Notes one page's cards; true when this page is settled (every card stored and settled).
    pub fn read_page(&mut self, cards: &[Card]) -> bool {
        let mut settled = !cards.is_empty();
        for card in cards {
            self.unseen.remove(card.id);
            settled &= self.stored.contains(card.id)
                && self.is_settled(Some(card.submitted), card.answered);
        }
        self.settled_page |= settled;
        settled
    }

    /// Whether the pages read so far are enough: a settled page, and every unsettled stored
    /// appeal seen again.
    pub fn enough(&self) -> bool {
        self.settled_page && self.unseen.is_empty()
    }

    /// Stored appeals not settled and not seen again yet.
    #[cfg(test)]
    fn unseen(&self) -> usize {
        self.unseen.len()
    }

    fn is_settled(&self, submitted: Option<&str>, answered: Option<&str>) -> bool {
        let day = |raw: Option<&str>| raw.and_then(|r| parse_date(r).ok()).map(|d| d.date);
        day(answered).is_some_and(|d| d < self.answered_before)
            || day(submitted).is_some_and(|d| d < self.submitted_before)
    }
}

fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(id: &str, submitted: &str, answered: Option<&str>) -> StoredAppeal {
        StoredAppeal {
            id: id.into(),
            submitted_at: submitted.into(),
            answered_at: answered.map(str::to_string),
        }
    }

    fn card<'a>(id: &'a str, submitted: &'a str, answered: Option<&'a str>) -> Card<'a> {
        Card {
            id,
            submitted,
            answered,
        }
    }

    fn fetch_date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    #[test]
    fn which_appeals_are_settled() {
        let refetch = Refetch::new(vec![], fetch_date(), 6);
        let cases = [
            // (submitted, answered, settled)
            ("01.12.2026", None, false),
            ("01.09.2026", Some("05.09.2026"), true), // answered three months ago
            ("01.09.2026", Some("02.10.2026"), false), // answered two months ago to the day
            ("01.09.2026", Some("01.10.2026"), true),
            ("01.09.2026", None, false), // unanswered, three months old
            ("01.06.2026", None, true),  // submitted more than six months ago
            ("02.06.2026", None, false),
            ("2026-05-01", None, true), // as the store writes dates
            ("01.06.2026, 16:15", None, true),
        ];
        for (submitted, answered, settled) in cases {
            assert_eq!(
                refetch.is_settled(Some(submitted), answered),
                settled,
                "{submitted} {answered:?}"
            );
        }
        let longer = Refetch::new(vec![], fetch_date(), 12);
        assert!(!longer.is_settled(Some("01.06.2026"), None));
    }

    #[test]
    fn reads_until_a_settled_page_and_every_unsettled_appeal_seen_again() {
        let old = Some("01.08.2026");
        let blog = vec![
            stored("30", "2026-11-20", None), // unsettled: must be seen again
            stored("20", "2026-08-01", Some("2026-08-10")), // settled
            stored("10", "2026-07-01", Some("2026-07-10")), // settled
        ];
        let mut refetch = Refetch::new(blog, fetch_date(), 6);
        assert_eq!(refetch.unseen(), 1);
        // Page 1: a new appeal and the unsettled one, now answered.
        assert!(!refetch.read_page(&[
            card("40", "01.12.2026", None),
            card("30", "20.11.2026", Some("01.12.2026"))
        ]));
        assert!(!refetch.enough());
        // Page 2: settled appeals only.
        assert!(refetch.read_page(&[
            card("20", "01.08.2026", old),
            card("10", "01.07.2026", Some("10.07.2026"))
        ]));
        assert!(refetch.enough());
    }

    #[test]
    fn a_settled_page_is_not_enough_while_an_unsettled_appeal_is_unseen() {
        let blog = vec![
            stored("20", "2026-08-01", Some("2026-08-10")),
            stored("5", "2026-11-01", None), // shown further down: an older page
        ];
        let mut refetch = Refetch::new(blog, fetch_date(), 6);
        assert!(refetch.read_page(&[card("20", "01.08.2026", Some("10.08.2026"))]));
        assert!(!refetch.enough());
        assert!(!refetch.read_page(&[card("5", "01.11.2026", None)]));
        assert!(refetch.enough());
        // A page with a card never stored is not settled, however old.
        assert!(!refetch.read_page(&[card("1", "01.01.2020", Some("02.01.2020"))]));
        // An empty page settles nothing.
        assert!(!refetch.read_page(&[]));
    }
}
