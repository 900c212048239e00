//! History: every earlier version of an appeal and the changes between versions, written
//! inside an import's transaction. An update archives the stored version and records what
//! changed; an older scrape adds a version in the middle and the changes are worked out again.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::appeal_row::{VALUE_COLUMN_LIST, VALUE_COLUMNS, appeal_from_row};
use super::{Batch, Outcome, Provenance, state};
use crate::derive::{Derived, Knowledge};
use crate::history::{Change, ChangeKind, Version, diff};
use crate::records::appeal::Appeal;

impl Batch<'_> {
    /// Marks as vanished every appeal of the snapshot's addressees (within its source) that an
    /// earlier scrape showed and this one does not. Returns how many.
    pub fn mark_vanished(
        &self,
        addressees: &[(String, String)],
        seen: &std::collections::HashSet<i64>,
        from: &Provenance,
    ) -> Result<u64> {
        let mut vanished = 0;
        let mut stmt = self.tx.prepare_cached(
            // Through the official index (the (source, id) key would read every appeal of the
            // source once per official), appeals as the outer loop.
            "SELECT appeal_key, last_seen FROM appeals INDEXED BY appeals_by_official \
             CROSS JOIN appeal_seen USING (appeal_key) \
             WHERE official_id = (SELECT name_id FROM names WHERE name = ?2) AND source = ?1 \
             AND vanished IS NULL AND last_seen < ?3",
        )?;
        let mut mark = self.tx.prepare(&format!(
            "UPDATE appeals SET vanished = ?2, state = state | {} WHERE appeal_key = ?1",
            state::VANISHED
        ))?;
        for (source, official) in addressees {
            let candidates: Vec<(i64, String)> = stmt
                .query_map(params![source, official, from.scraped_at], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (key, last_seen) in candidates.into_iter().filter(|(k, _)| !seen.contains(k)) {
                mark.execute(params![key, from.scraped_at])?;
                // Its return must go through the full path, which records it.
                self.keep_record_hash(key, None)?;
                let change = Change {
                    kind: ChangeKind::Vanished,
                    before: Some(last_seen),
                    after: None,
                };
                self.record_change(key, from, &change)?;
                vanished += 1;
            }
        }
        Ok(vanished)
    }

    /// An older scrape than the stored one: history gains a version (unless it holds these
    /// values already), the current values stay, and the changes are worked out again in
    /// scrape order.
    pub(super) fn add_older_version(
        &self,
        key: i64,
        appeal: &Appeal,
        derived: &Derived,
        hash: i64,
        from: &Provenance,
        know: &Knowledge,
    ) -> Result<Outcome> {
        let known: Option<(i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT version_id, scraped_at FROM appeal_versions WHERE appeal_key = ?1 AND value_hash = ?2",
            )?
            .query_row(params![key, hash], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((version_id, shown_at)) = known {
            if from.scraped_at < shown_at.as_str() {
                self.tx
                    .prepare_cached(
                        "UPDATE appeal_versions SET scraped_at = ?2 WHERE version_id = ?1",
                    )?
                    .execute(params![version_id, from.scraped_at])?;
                self.rebuild_changes(key, from, know)?;
            }
            return Ok(Outcome::Unchanged);
        }
        let record = version_record(appeal, derived);
        self.insert_version(key, from.scraped_at, hash, &record, from)?;
        self.tx
            .prepare_cached(
                "UPDATE appeal_seen SET first_seen = ?2 WHERE appeal_key = ?1 AND first_seen > ?2",
            )?
            .execute(params![key, from.scraped_at])?;
        self.rebuild_changes(key, from, know)?;
        Ok(Outcome::Older)
    }

    /// Newer values replace the stored ones: records what changed and moves the stored version
    /// into history (the caller then writes the new values).
    pub(super) fn supersede(
        &self,
        key: i64,
        appeal: &Appeal,
        derived: &Derived,
        from: &Provenance,
        know: &Knowledge,
    ) -> Result<()> {
        let (before, before_route) = self.current_version(key)?;
        let after = Version {
            appeal,
            route: derived.route.as_str(),
            answered: derived.answered,
        };
        for change in diff(
            &Version {
                appeal: &before,
                route: &before_route,
                answered: know.has_answer(&before),
            },
            &after,
        ) {
            self.record_change(key, from, &change)?;
        }
        self.archive_current(key)?;
        Ok(())
    }

    pub(super) fn record_change(&self, key: i64, from: &Provenance, change: &Change) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO changes (appeal_key, scraped_at, change, before, after, import_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                key,
                from.scraped_at,
                change.kind.as_str(),
                change.before,
                change.after,
                from.import_id
            ])?;
        Ok(())
    }
    /// The stored values of an appeal and their route.
    fn current_version(&self, key: i64) -> Result<(Appeal, String)> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {VALUE_COLUMN_LIST}, route FROM appeals WHERE appeal_key = ?1"
            ))?
            .query_row(params![key], |r| {
                Ok((appeal_from_row(r, 0)?, r.get(VALUE_COLUMNS.len())?))
            })?)
    }
    /// Works out an appeal's value changes again from all its versions in scrape order, after
    /// an older scrape added a version in the middle of its history.
    fn rebuild_changes(&self, key: i64, from: &Provenance, know: &Knowledge) -> Result<()> {
        let mut versions: Vec<(String, Appeal, String)> = Vec::new();
        {
            let mut stmt = self.tx.prepare_cached(
                "SELECT scraped_at, record FROM appeal_versions WHERE appeal_key = ?1",
            )?;
            let rows = stmt.query_map(params![key], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (scraped_at, record) = row?;
                let value: serde_json::Value = serde_json::from_str(&record)?;
                let route = value
                    .get("route")
                    .and_then(|r| r.as_str())
                    .unwrap_or("")
                    .to_string();
                versions.push((scraped_at, serde_json::from_value(value)?, route));
            }
        }
        let (current, route) = self.current_version(key)?;
        let scraped_at: String = self.tx.query_row(
            "SELECT scraped_at FROM appeals WHERE appeal_key = ?1",
            params![key],
            |r| r.get(0),
        )?;
        versions.push((scraped_at, current, route));
        versions.sort_by(|a, b| a.0.cmp(&b.0));
        let value_kinds: Vec<&str> = ChangeKind::ALL
            .iter()
            .filter(|k| k.is_value_change())
            .map(|k| k.as_str())
            .collect();
        self.tx.execute(
            &format!(
                "DELETE FROM changes WHERE appeal_key = ?1 AND change IN ({})",
                value_kinds
                    .iter()
                    .map(|k| format!("'{k}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            params![key],
        )?;
        let version = |i: usize| Version {
            appeal: &versions[i].1,
            route: &versions[i].2,
            answered: know.has_answer(&versions[i].1),
        };
        let at = |i: usize| Provenance {
            scraped_at: &versions[i].0,
            ..from.clone()
        };
        for i in 1..versions.len() {
            for change in diff(&version(i - 1), &version(i)) {
                self.record_change(key, &at(i), &change)?;
            }
        }
        Ok(())
    }
    /// Moves the stored values of an appeal into its history before they are replaced.
    fn archive_current(&self, key: i64) -> Result<()> {
        self.tx
            .prepare_cached(&format!(
                "INSERT INTO appeal_versions (appeal_key, scraped_at, value_hash, record, import_id, \
                 source_file, source_line, source_offset, source_url) \
                 SELECT appeal_key, scraped_at, value_hash, json_object({}, 'as_written', as_written, \
                 'extra', extra, 'route', route, 'route_reason', route_reason, 'route_target', \
                 route_target), import_id, source_file, source_line, source_offset, source_url \
                 FROM appeals WHERE appeal_key = ?1",
                VALUE_COLUMNS
                    .iter()
                    .map(|c| format!("'{c}', {c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))?
            .execute(params![key])?;
        Ok(())
    }
    fn insert_version(
        &self,
        key: i64,
        scraped_at: &str,
        hash: i64,
        record: &str,
        from: &Provenance,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO appeal_versions (appeal_key, scraped_at, value_hash, record, import_id, \
                 source_file, source_line, source_offset, source_url) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                key,
                scraped_at,
                hash,
                record,
                from.import_id,
                from.file,
                from.line as i64,
                from.page_offset(),
                from.page_url()
            ])?;
        Ok(())
    }
}

fn version_record(appeal: &Appeal, derived: &Derived) -> String {
    let mut value = serde_json::to_value(appeal).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("as_written".into(), appeal.as_written.clone().into());
        map.insert("extra".into(), appeal.extra.clone().into());
        map.insert("route".into(), derived.route.as_str().into());
        map.insert("route_reason".into(), derived.reason.as_str().into());
        map.insert("route_target".into(), derived.target.clone().into());
    }
    value.to_string()
}
