//! Parquet for the engines analysts use past one SQLite file (DuckDB, Spark, Trino, BigQuery):
//! typed columns, zstd, row groups of up to 100,000 rows, written one row at a time so that
//! memory stays bounded at any size; one file, or Hive-style folders (`year=2022/part-0.parquet`).
//!
//! Memory: the encoded pages of an unfinished row group wait in a temporary file (`spill`), and
//! one Parquet file is open at a time, because each open file keeps every column's encoder and
//! compressor (about 5 MB for the appeals' 30 columns, by heaptrack at 200,000 appeals). The
//! caller hands rows grouped by partition. Measured at a million appeals: 55-58 MiB, one file
//! or partitioned (BENCHMARKS.md).

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
use parquet::arrow::arrow_writer::ArrowWriterOptions;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use super::spill::SpillFactory;
use crate::catalogue::{Column, ColumnKind};
use crate::i18n::tr;

/// Rows per row group: big enough for engines to skip well; the row group's pages wait on
/// disk until it is complete, so its size does not weigh on memory.
pub const ROW_GROUP_ROWS: usize = 100_000;

/// Rows gathered in Arrow builders before they are handed to the Parquet encoder.
const BATCH_ROWS: usize = 4096;

/// Text gathered in the builders before they are handed on, whatever the rows.
const BATCH_BYTES: usize = 1 << 20;

/// What the open file's encoders may hold (the pages being built; finished pages wait on disk
/// and count nothing): checked after every batch, which is where it grows, and past it the
/// row group is finished early (a shorter one). Pages being built are at most 1 MB a column,
/// so only very wide exports come near it.
const HELD_BYTES: usize = 32 << 20;

/// The type a column has in Parquet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text where values seldom repeat (ids, addresses): plain, no dictionary, which would
    /// only fill up and be dropped, at a cost in memory.
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
}

impl FileWriter {
    fn create(target: &Path, columns: &Columns) -> Result<FileWriter> {
        let temp = super::temp_beside(target)?;
        // The encoder writes whole pages; a small buffer gathers the headers between them.
        let file = BufWriter::with_capacity(64 << 10, temp.reopen()?);
        let mut properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("appeal-audit {}", env!("CARGO_PKG_VERSION")));
        for (name, kind) in columns.names.iter().zip(&columns.kinds) {
            if matches!(kind, Kind::Prose | Kind::Text) {
                properties = properties
                    .set_column_dictionary_enabled(ColumnPath::from(name.as_str()), false);
            }
            if *kind == Kind::Prose {
                properties = properties.set_column_statistics_enabled(
                    ColumnPath::from(name.as_str()),
                    EnabledStatistics::None,
                );
            }
        }
        let properties = properties.build();
        let spill = SpillFactory::new(super::scratch_beside(target)?);
        let options = ArrowWriterOptions::new()
            .with_properties(properties)
            .with_page_store_factory(Arc::new(spill));
        let writer = ArrowWriter::try_new_with_options(file, columns.schema.clone(), options)?;
        Ok(FileWriter {
            temp,
            target: target.to_path_buf(),
            writer,
            builders: columns.kinds.iter().map(|k| Builder::new(*k)).collect(),
            rows: 0,
            text_bytes: 0,
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
            // The encoders' memory grows only here: past the bound, the row group ends early.
            if self.writer.memory_size() > HELD_BYTES {
                self.writer.flush()?;
            }
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
            .with_context(|| super::cannot_write(&self.target))?;
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
    /// The file being written, with its partition's value.
    open: Option<(String, FileWriter)>,
    /// How many part files each partition has had.
    parts: HashMap<String, usize>,
    /// Rows pushed so far.
    rows: u64,
}

impl ParquetOutput {
    /// One file at `target`, replaced only once complete.
    pub fn file(target: &Path, columns: Columns) -> Result<ParquetOutput> {
        let mut output = ParquetOutput::new(target, columns, None, None);
        let writer = FileWriter::create(target, &output.columns)?;
        output.open = Some((String::new(), writer));
        Ok(output)
    }

    /// A folder at `target` with a `partition=value/` folder per value. The folder must not
    /// exist: an export never deletes what is there. It appears only once complete.
    ///
    /// Rows are to come grouped by partition: a partition's file is finished when a row of
    /// another one comes. A partition that comes back continues in a new part file
    /// (`part-1.parquet`), so nothing is lost if the order is not kept, only tidiness.
    pub fn partitioned(target: &Path, columns: Columns, partition: &str) -> Result<ParquetOutput> {
        if target.exists() {
            bail!(
                "{}",
                tr(
                    "partition-exists",
                    &[("path", target.display().to_string().into())]
                )
            );
        }
        let dir = super::folder_of(target);
        let staging = tempfile::Builder::new()
            .prefix(".appeal-audit-")
            .tempdir_in(dir)
            .with_context(|| super::cannot_write_in(dir))?;
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
            open: None,
            parts: HashMap::new(),
            rows: 0,
        }
    }

    /// Adds a row; `key` is its partition's value (ignored for one file).
    pub fn push(&mut self, key: &str, row: &[Cell]) -> Result<()> {
        let key = if self.staging.is_some() { key } else { "" };
        if self.open.as_ref().is_none_or(|(open, _)| open != key) {
            self.open_partition(key)?;
        }
        let Some((_, writer)) = &mut self.open else {
            bail!("internal: no Parquet file open for the partition {key:?}");
        };
        writer.push(&self.columns, row)?;
        self.rows += 1;
        Ok(())
    }

    /// Finishes the open partition's file and opens the next part file of `key`'s.
    fn open_partition(&mut self, key: &str) -> Result<()> {
        let (Some(staging), Some(partition)) = (&self.staging, &self.partition) else {
            bail!("internal: a second Parquet file for a one-file export");
        };
        let folder = staging
            .path()
            .join(format!("{partition}={}", hive_escape(key)));
        if let Some((_, writer)) = self.open.take() {
            writer.finish(&self.columns)?;
        }
        std::fs::create_dir_all(&folder).with_context(|| {
            tr(
                "cannot-create",
                &[("path", folder.display().to_string().into())],
            )
        })?;
        let part = self.parts.entry(key.to_string()).or_insert(0);
        let file = folder.join(format!("part-{part}.parquet"));
        *part += 1;
        let writer = FileWriter::create(&file, &self.columns)?;
        self.open = Some((key.to_string(), writer));
        Ok(())
    }

    /// Finishes the open file and, for partitions, moves the folder into place. Returns the
    /// rows.
    pub fn finish(mut self) -> Result<u64> {
        if let Some((_, writer)) = self.open.take() {
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
                super::cannot_write(&self.target)
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

/// A catalogue column's Parquet type, from its kind; None for decimals, which no Parquet export
/// writes yet.
pub fn kind_of(column: &Column) -> Option<Kind> {
    Some(match column.kind {
        ColumnKind::Text => Kind::Text,
        ColumnKind::Prose => Kind::Prose,
        ColumnKind::Category | ColumnKind::Word(_) => Kind::Category,
        ColumnKind::Int => Kind::Int,
        ColumnKind::Bool => Kind::Bool,
        ColumnKind::Date => Kind::Date,
        ColumnKind::Timestamp => Kind::Timestamp,
        ColumnKind::Decimal => return None,
    })
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

    /// Rows come grouped by partition; one that comes back continues in a new part file, so
    /// that nothing is lost whatever the order, and only one file is open at a time.
    #[test]
    fn a_partition_that_comes_back_gets_a_new_part() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("out");
        let columns = Columns::new(&[("n", Kind::Int)]);
        let mut output = ParquetOutput::partitioned(&target, columns, "k").unwrap();
        for (key, n) in [("a", 1), ("a", 2), ("b", 3), ("a", 4)] {
            output.push(key, &[Cell::Int(n)]).unwrap();
        }
        assert_eq!(output.finish().unwrap(), 4);
        let mut files: Vec<String> = walkdir::WalkDir::new(&target)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(&target).unwrap();
                path.to_string_lossy().replace('\\', "/")
            })
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "k=a/part-0.parquet",
                "k=a/part-1.parquet",
                "k=b/part-0.parquet"
            ]
        );
        // Nothing else is left beside the export: no temporary page file, no staging folder.
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
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
