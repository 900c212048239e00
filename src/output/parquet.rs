//! Parquet for the engines analysts use past one SQLite file (DuckDB, Spark, Trino, BigQuery):
//! typed columns, zstd, row groups of up to 100,000 rows, written one row at a time so that
//! memory stays bounded at any size; one file, or Hive-style folders (`year=2022/part-0.parquet`).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, StringBuilder, StringDictionaryBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{NaiveDate, NaiveDateTime};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

/// Rows per row group: big enough for engines to skip well, small enough to write in bounded
/// memory (a row group is held, encoded and compressed, until it is complete).
pub const ROW_GROUP_ROWS: usize = 100_000;

/// Rows gathered in Arrow builders before they are handed to the Parquet encoder.
const BATCH_ROWS: usize = 4096;

/// Text gathered in one file's builders before they are handed on, whatever the rows.
const BATCH_BYTES: usize = 1 << 20;

/// What the open files' gathered rows and unfinished row groups may hold together; past it the
/// largest is finished early (a shorter row group). This keeps a whole export under 128 MB.
const HELD_BYTES: usize = 48 << 20;

/// How often, in rows, the memory held by every open file is added up.
const CHECK_EVERY: u64 = 1024;

/// Files open at once when writing partitions; past it the least recently used one is
/// finished and its partition continues in a new part file.
const OPEN_FILES: usize = 64;

/// The type a column has in Parquet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Long free text (appeals, answers): no min/max statistics, which no engine can prune
    /// by and which cost a fifth of an export's time (UTF-8 checks of every value).
    Prose,
    /// Text with few distinct values (routes, names): dictionary-encoded.
    Category,
    Int,
    Bool,
    Date,
    /// Local date and time, no time zone: what the source showed.
    Timestamp,
}

impl Kind {
    fn data_type(self) -> DataType {
        match self {
            Kind::Text | Kind::Prose => DataType::Utf8,
            Kind::Category => {
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
            }
            Kind::Int => DataType::Int64,
            Kind::Bool => DataType::Boolean,
            Kind::Date => DataType::Date32,
            Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
        }
    }
}

/// One value of a row, borrowed from wherever the row is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Text(&'a str),
    Int(i64),
    Bool(bool),
    Date(NaiveDate),
    Timestamp(NaiveDateTime),
}

enum Builder {
    Text(StringBuilder),
    Category(StringDictionaryBuilder<Int32Type>),
    Int(Int64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Text | Kind::Prose => Builder::Text(StringBuilder::new()),
            Kind::Category => Builder::Category(StringDictionaryBuilder::new()),
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Bool => Builder::Bool(BooleanBuilder::new()),
            Kind::Date => Builder::Date(Date32Builder::new()),
            Kind::Timestamp => Builder::Timestamp(TimestampMicrosecondBuilder::new()),
        }
    }

    /// Appends the cell; false when it is not of the column's type (a bug in the caller).
    fn append(&mut self, cell: Cell) -> bool {
        match (self, cell) {
            (Builder::Text(b), Cell::Text(s)) => b.append_value(s),
            (Builder::Category(b), Cell::Text(s)) => {
                b.append_value(s);
            }
            (Builder::Int(b), Cell::Int(n)) => b.append_value(n),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_value(v),
            (Builder::Date(b), Cell::Date(d)) => b.append_value(days_since_epoch(d)),
            (Builder::Timestamp(b), Cell::Timestamp(t)) => {
                b.append_value(t.and_utc().timestamp_micros())
            }
            (Builder::Text(b), Cell::Null) => b.append_null(),
            (Builder::Category(b), Cell::Null) => b.append_null(),
            (Builder::Int(b), Cell::Null) => b.append_null(),
            (Builder::Bool(b), Cell::Null) => b.append_null(),
            (Builder::Date(b), Cell::Null) => b.append_null(),
            (Builder::Timestamp(b), Cell::Null) => b.append_null(),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Category(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::Timestamp(b) => Arc::new(b.finish()),
        }
    }
}

fn days_since_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (date - epoch).num_days() as i32
}

/// The columns of every file an export writes.
pub struct Columns {
    names: Vec<String>,
    kinds: Vec<Kind>,
    schema: SchemaRef,
}

impl Columns {
    pub fn new(columns: &[(&str, Kind)]) -> Columns {
        let fields: Vec<Field> = columns
            .iter()
            .map(|(name, kind)| Field::new(*name, kind.data_type(), true))
            .collect();
        Columns {
            names: columns.iter().map(|(n, _)| n.to_string()).collect(),
            kinds: columns.iter().map(|(_, k)| *k).collect(),
            schema: Arc::new(Schema::new(fields)),
        }
    }
}

/// One Parquet file being written: rows gather in builders, go to the encoder a batch at a
/// time, and the file appears under its name only once it is complete.
struct FileWriter {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
    writer: ArrowWriter<BufWriter<File>>,
    builders: Vec<Builder>,
    rows: usize,
    text_bytes: usize,
    last_used: u64,
}

impl FileWriter {
    fn create(target: &Path, columns: &Columns) -> Result<FileWriter> {
        let temp = super::temp_beside(target)?;
        let file = BufWriter::with_capacity(1 << 20, temp.reopen()?);
        let mut properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("appeal-audit {}", env!("CARGO_PKG_VERSION")));
        for (name, kind) in columns.names.iter().zip(&columns.kinds) {
            if *kind == Kind::Prose {
                properties = properties.set_column_statistics_enabled(
                    ColumnPath::from(name.as_str()),
                    EnabledStatistics::None,
                );
            }
        }
        let properties = properties.build();
        let writer = ArrowWriter::try_new(file, columns.schema.clone(), Some(properties))?;
        Ok(FileWriter {
            temp,
            target: target.to_path_buf(),
            writer,
            builders: columns.kinds.iter().map(|k| Builder::new(*k)).collect(),
            rows: 0,
            text_bytes: 0,
            last_used: 0,
        })
    }

    fn push(&mut self, columns: &Columns, row: &[Cell]) -> Result<()> {
        if row.len() != self.builders.len() {
            bail!(
                "internal: a row of {} values for {} Parquet columns",
                row.len(),
                self.builders.len()
            );
        }
        for ((builder, cell), name) in self.builders.iter_mut().zip(row).zip(&columns.names) {
            if let Cell::Text(s) = cell {
                self.text_bytes += s.len();
            }
            if !builder.append(*cell) {
                bail!("internal: the value {cell:?} does not fit the Parquet column {name}");
            }
        }
        self.rows += 1;
        if self.rows >= BATCH_ROWS || self.text_bytes >= BATCH_BYTES {
            self.write_batch(columns)?;
        }
        Ok(())
    }

    /// Hands the gathered rows to the encoder.
    fn write_batch(&mut self, columns: &Columns) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(columns.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        self.rows = 0;
        self.text_bytes = 0;
        Ok(())
    }

    /// Memory held: the rows gathered (their text) and the unfinished row group.
    fn held(&self) -> usize {
        self.text_bytes + self.writer.memory_size()
    }

    fn finish(mut self, columns: &Columns) -> Result<()> {
        self.write_batch(columns)?;
        let mut file = self.writer.into_inner()?;
        file.flush()?;
        drop(file);
        // A temporary file is private (0600); the export is for sharing, like any file the
        // user writes.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.temp.path(), std::fs::Permissions::from_mode(0o644))?;
        }
        self.temp
            .persist(&self.target)
            .with_context(|| format!("cannot write {}", self.target.display()))?;
        Ok(())
    }
}

/// Where an export's rows go: one file, or one folder per partition.
pub struct ParquetOutput {
    columns: Columns,
    target: PathBuf,
    /// Partitioned: the folder every partition is written in, renamed to `target` at the end.
    staging: Option<tempfile::TempDir>,
    /// The partition column's name in folder names (`year` in `year=2022`).
    partition: Option<String>,
    open: HashMap<String, FileWriter>,
    /// How many part files each partition has had.
    parts: HashMap<String, usize>,
    /// Rows pushed so far: also the clock that says which file was used last.
    rows: u64,
}

impl ParquetOutput {
    /// One file at `target`, replaced only once complete.
    pub fn file(target: &Path, columns: Columns) -> Result<ParquetOutput> {
        let mut output = ParquetOutput::new(target, columns, None, None);
        let writer = FileWriter::create(target, &output.columns)?;
        output.open.insert(String::new(), writer);
        Ok(output)
    }

    /// A folder at `target` with a `partition=value/` folder per value. The folder must not
    /// exist: an export never deletes what is there. It appears only once complete.
    pub fn partitioned(target: &Path, columns: Columns, partition: &str) -> Result<ParquetOutput> {
        if target.exists() {
            bail!(
                "{} exists: a partitioned export writes a new folder; give another --output, or \
                 move the old one away",
                target.display()
            );
        }
        let dir = super::folder_of(target);
        let staging = tempfile::Builder::new()
            .prefix(".appeal-audit-")
            .tempdir_in(dir)
            .with_context(|| {
                format!("cannot write in {}: check the --output path", dir.display())
            })?;
        Ok(ParquetOutput::new(
            target,
            columns,
            Some(staging),
            Some(partition.to_string()),
        ))
    }

    fn new(
        target: &Path,
        columns: Columns,
        staging: Option<tempfile::TempDir>,
        partition: Option<String>,
    ) -> ParquetOutput {
        ParquetOutput {
            columns,
            target: target.to_path_buf(),
            staging,
            partition,
            open: HashMap::new(),
            parts: HashMap::new(),
            rows: 0,
        }
    }

    /// Adds a row; `key` is its partition's value (ignored for one file).
    pub fn push(&mut self, key: &str, row: &[Cell]) -> Result<()> {
        let key = if self.staging.is_some() { key } else { "" };
        if !self.open.contains_key(key) {
            self.open_partition(key)?;
        }
        let Some(writer) = self.open.get_mut(key) else {
            bail!("internal: no Parquet file open for the partition {key:?}");
        };
        writer.last_used = self.rows;
        writer.push(&self.columns, row)?;
        self.rows += 1;
        if self.rows.is_multiple_of(CHECK_EVERY) {
            self.limit_memory()?;
        }
        Ok(())
    }

    fn open_partition(&mut self, key: &str) -> Result<()> {
        let (Some(staging), Some(partition)) = (&self.staging, &self.partition) else {
            bail!("internal: a second Parquet file for a one-file export");
        };
        if self.open.len() >= OPEN_FILES {
            let oldest = self
                .open
                .iter()
                .min_by_key(|(_, w)| w.last_used)
                .map(|(k, _)| k.clone());
            if let Some(writer) = oldest.and_then(|k| self.open.remove(&k)) {
                writer.finish(&self.columns)?;
            }
        }
        let folder = staging
            .path()
            .join(format!("{partition}={}", hive_escape(key)));
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        let part = self.parts.entry(key.to_string()).or_insert(0);
        let file = folder.join(format!("part-{part}.parquet"));
        *part += 1;
        let writer = FileWriter::create(&file, &self.columns)?;
        self.open.insert(key.to_string(), writer);
        Ok(())
    }

    /// Finishes the largest file's row group early while the open files hold too much together.
    fn limit_memory(&mut self) -> Result<()> {
        while self.open.values().map(FileWriter::held).sum::<usize>() > HELD_BYTES {
            let Some(largest) = self.open.values_mut().max_by_key(|w| w.held()) else {
                break;
            };
            largest.write_batch(&self.columns)?;
            largest.writer.flush()?;
        }
        Ok(())
    }

    /// Finishes every file and, for partitions, moves the folder into place. Returns the rows.
    pub fn finish(mut self) -> Result<u64> {
        for (_, writer) in self.open.drain() {
            writer.finish(&self.columns)?;
        }
        if let Some(staging) = self.staging.take() {
            let folder = staging.keep();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755))?;
            }
            std::fs::rename(&folder, &self.target).with_context(|| {
                let _ = std::fs::remove_dir_all(&folder);
                format!("cannot write {}", self.target.display())
            })?;
        }
        Ok(self.rows)
    }
}

/// A partition value as a folder name, escaped as Hive escapes it: `%XX` for the characters a
/// path or a `key=value` reader would misread (and for a leading dot, which hides a file).
pub fn hive_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.chars().enumerate() {
        let escape = matches!(
            c,
            '/' | '\\'
                | '='
                | '%'
                | ':'
                | '"'
                | '\''
                | '#'
                | '?'
                | '*'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
        ) || c.is_control()
            || (i == 0 && c == '.');
        if escape {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    if out.is_empty() {
        // Hive's name for a missing partition value.
        out.push_str("__HIVE_DEFAULT_PARTITION__");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_path_would_misread() {
        let cases = [
            ("2022", "2022"),
            ("Бекболатов Ерлан Сапарович", "Бекболатов Ерлан Сапарович"),
            ("ТОО «Рога/Копыта»", "ТОО «Рога%2FКопыта»"),
            ("a=b%c", "a%3Db%25c"),
            ("..", "%2E."),
            ("", "__HIVE_DEFAULT_PARTITION__"),
        ];
        for (value, want) in cases {
            assert_eq!(hive_escape(value), want, "{value}");
        }
    }

    #[test]
    fn refuses_a_value_of_the_wrong_type() {
        let mut builder = Builder::new(Kind::Int);
        assert!(builder.append(Cell::Int(3)));
        assert!(builder.append(Cell::Null));
        assert!(!builder.append(Cell::Text("3")));
    }

    #[test]
    fn dates_count_days_from_1970() {
        let date = NaiveDate::from_ymd_opt(2022, 10, 3).unwrap();
        assert_eq!(days_since_epoch(date), 19268);
    }
}
