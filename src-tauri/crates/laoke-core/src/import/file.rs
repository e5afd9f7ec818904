//! One export file, read from start to end as a stream of orders and rejected
//! rows: the table is opened, its format detected (or given), each row read,
//! and consecutive rows of one order assembled. Nothing is kept but the order
//! being assembled, so a file of any size imports in constant memory.

use super::error::ImportError;
use super::formats::{self, Binding, ColumnMapping, ImportFormat, RowReader};
use super::line::{assemble, ImportedOrder, Line, Rejection};
use super::source::{self, SourceEncoding, Table};
use chrono_tz::Tz;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Read;

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `None` detects the format from the header.
    pub format: Option<ImportFormat>,
    pub mapping: Option<ColumnMapping>,
}

/// What the stream yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Order(Box<ImportedOrder>),
    Rejected(Rejection),
}

pub struct ImportFile {
    pub file: String,
    pub format: ImportFormat,
    pub encoding: SourceEncoding,
    pub headers: Vec<String>,
    table: Table,
    reader: Box<dyn RowReader>,
    pending: Vec<Line>,
    /// Hashes of the order numbers already emitted, to catch an order whose rows are apart.
    emitted: HashSet<u64>,
    /// Data rows read so far.
    pub rows: u64,
    ragged: u64,
    done: bool,
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

impl ImportFile {
    pub fn open(content: Box<dyn Read + Send>, file: &str, opts: &ImportOptions, tz: Tz) -> Result<Self, ImportError> {
        let table = source::open(content, file)?;
        let format = match opts.format {
            Some(f) => f,
            None if opts.mapping.is_some() => ImportFormat::Generic,
            None => formats::detect(&table.headers).ok_or_else(|| ImportError::UnknownFormat {
                file: file.to_owned(),
                header: table.headers.iter().take(6).cloned().collect::<Vec<_>>().join(", "),
            })?,
        };
        let binding = Binding { file, headers: &table.headers, tz, mapping: opts.mapping.as_ref() };
        let reader = formats::bind(format, &binding)?;
        Ok(ImportFile {
            file: file.to_owned(),
            format,
            encoding: table.encoding,
            headers: table.headers.clone(),
            table,
            reader,
            pending: Vec::new(),
            emitted: HashSet::new(),
            rows: 0,
            ragged: 0,
            done: false,
        })
    }

    fn flush(&mut self) -> Option<Event> {
        let lines = std::mem::take(&mut self.pending);
        let order = assemble(self.format.platform(), lines)?;
        self.emitted.insert(hash(&order.order.order_no));
        Some(Event::Order(Box::new(order)))
    }

    /// The next order or rejection; `None` at the end of the file.
    pub fn next_event(&mut self) -> Option<Result<Event, ImportError>> {
        loop {
            if self.done {
                return None;
            }
            let record = match self.table.next() {
                Some(Ok(r)) => r,
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                None => {
                    self.done = true;
                    if let Some(e) = self.final_check() {
                        return Some(Err(e));
                    }
                    return self.flush().map(Ok);
                }
            };
            self.rows += 1;
            let extra = record.cells.iter().skip(self.headers.len()).any(|c| !c.trim().is_empty());
            if extra {
                self.ragged += 1;
                let reason = format!("{} cells, but the header has {} columns", record.cells.len(), self.headers.len());
                return Some(Ok(Event::Rejected(Rejection { row: record.row, column: None, reason })));
            }
            let line = match self.reader.read(&record) {
                Ok(line) => line,
                Err(rejection) => return Some(Ok(Event::Rejected(rejection))),
            };
            let same = self.pending.first().is_some_and(|p| p.order_no == line.order_no);
            if !same && self.emitted.contains(&hash(&line.order_no)) {
                let reason =
                    format!("order {} already appeared earlier in the file; its rows must be together", line.order_no);
                return Some(Ok(Event::Rejected(Rejection { row: line.row, column: None, reason })));
            }
            if same || self.pending.is_empty() {
                self.pending.push(line);
                continue;
            }
            let event = self.flush();
            self.pending.push(line);
            if let Some(e) = event {
                return Some(Ok(e));
            }
        }
    }

    fn final_check(&self) -> Option<ImportError> {
        if self.rows == 0 {
            return Some(ImportError::HeaderOnly { file: self.file.clone() });
        }
        if self.ragged * 2 > self.rows {
            return Some(ImportError::Ragged {
                file: self.file.clone(),
                rows: self.rows,
                ragged: self.ragged,
                columns: self.headers.len(),
            });
        }
        None
    }
}

impl Iterator for ImportFile {
    type Item = Result<Event, ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_event()
    }
}

#[cfg(test)]
mod tests;
