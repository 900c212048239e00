//! What `show` reads of one appeal: every stored column.

use anyhow::Result;
use rusqlite::types::Value as SqlValue;

use crate::store::Store;

impl Store {
    /// Every stored column of one appeal, in table order, as (column, value) pairs; not the
    /// reports' narrow copies (`state::NARROW_COLUMNS`), which say again what the others say.
    pub fn appeal_columns(
        &self,
        source: Option<&str>,
        id: &str,
    ) -> Result<Vec<Vec<(String, SqlValue)>>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.*, s.first_seen, s.last_seen, i.file AS import_file, i.started_at AS imported_at \
             FROM appeals a JOIN appeal_seen s USING (appeal_key) JOIN imports i USING (import_id) WHERE a.id = ?1 AND (?2 IS NULL OR a.source = ?2) \
             ORDER BY a.source",
        )?;
        let names: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let rows = stmt.query_map(rusqlite::params![id, source], |r| {
            (0..names.len())
                .filter(|&i| !crate::store::state::NARROW_COLUMNS.contains(&names[i].as_str()))
                .map(|i| Ok((names[i].clone(), r.get::<_, SqlValue>(i)?)))
                .collect()
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
