//! One export file, read from start to end as a stream of orders and rejected
//! rows: the table is opened, its format detected (or given), each row read,
//! and the rows of one order assembled. Rows of an order are usually together,
//! but not always (the UCI Online Retail file splits one invoice around two
//! others), so the last [`WINDOW`] orders stay open for late rows; only they are
//! kept in memory, and a file of any size imports in constant memory.

use super::draft::OrderDraft;
use super::error::ImportError;
use super::formats::{self, Binding, ColumnMapping, ImportFormat, RowReader};
use super::line::{ImportedOrder, Line, Rejection, RowProblem};
use super::source::{self, Record, SourceEncoding, Table};
use chrono_tz::Tz;
use compact_str::CompactString;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::io::Read;

/// How many orders stay open for rows that arrive late. Exports keep an order's
/// rows together or nearly (in the UCI file at most one invoice comes between);
/// a window this size leaves ample room while its lines stay in the CPU cache
/// (2,048 made reading the UCI file 15% slower).
pub const WINDOW: usize = 256;

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `None` detects the format from the header.
    pub format: Option<ImportFormat>,
    pub mapping: Option<ColumnMapping>,
    /// Replace bytes that are no text with U+FFFD (each row listed) instead of refusing the file.
    pub replace_undecodable: bool,
}

/// The lines an item report gives for one order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLines {
    pub row: u64,
    pub order_no: String,
    pub items: Vec<crate::archive::ItemRecord>,
}

/// What the stream yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Order(Box<ImportedOrder>),
    /// From an item report: lines for an order the order report holds.
    Lines(OrderLines),
    Rejected(Rejection),
    /// A row read with undecodable bytes replaced (`row.bytes_replaced`); it is used all the same.
    Replaced(Rejection),
}

pub struct ImportFile {
    pub file: String,
    pub format: ImportFormat,
    pub encoding: SourceEncoding,
    pub headers: Vec<String>,
    table: Table,
    /// The row being read, reused for every row.
    record: Record,
    reader: Box<dyn RowReader>,
    /// The open orders, oldest first; `open[i]` is order number `first_open + i` of the file.
    open: VecDeque<OrderDraft>,
    first_open: usize,
    /// Where each open order is, by order number.
    open_index: HashMap<CompactString, usize>,
    /// Hashes of the order numbers already emitted, to catch rows that come too late.
    emitted: HashSet<u64>,
    /// Orders ready to hand out.
    ready: VecDeque<Event>,
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
        let table = source::open(content, file, opts.replace_undecodable)?;
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
            record: Record::default(),
            reader,
            open: VecDeque::new(),
            first_open: 0,
            open_index: HashMap::new(),
            emitted: HashSet::new(),
            ready: VecDeque::new(),
            rows: 0,
            ragged: 0,
            done: false,
        })
    }

    /// Closes the oldest open order.
    fn close_oldest(&mut self) {
        let Some(draft) = self.open.pop_front() else { return };
        self.first_open += 1;
        self.open_index.remove(&draft.order_no);
        self.emitted.insert(hash(&draft.order_no));
        if self.format.items_only() {
            let (row, order_no) = (draft.row, draft.order_no.to_string());
            self.ready.push_back(Event::Lines(OrderLines { row, order_no, items: draft.items }));
        } else if let Some(order) = draft.finish(self.format.platform()) {
            self.ready.push_back(Event::Order(Box::new(order)));
        }
    }

    /// Files a row under its order, opening a new one if needed.
    fn place(&mut self, line: Line) -> Option<Rejection> {
        // Most rows continue the order just opened: found without hashing.
        let open = match self.open.back_mut() {
            Some(newest) if newest.order_no == line.order_no => Some(newest),
            _ => match self.open_index.get(&line.order_no) {
                Some(&seq) => Some(&mut self.open[seq - self.first_open]),
                None => None,
            },
        };
        if let Some(draft) = open {
            if let Some(own) = draft.other_shop(line.shop.as_deref()) {
                // An export of several shops whose numbers collide: one file per shop tells them apart.
                let why = RowProblem::OrderOfTwoShops {
                    order_no: line.order_no.to_string(),
                    shop: line.shop.as_deref().unwrap_or_default().to_owned(),
                    other_shop: own.to_owned(),
                };
                return Some(Rejection::new(line.row, None, &why));
            }
            draft.add(line);
            return None;
        }
        if self.emitted.contains(&hash(&line.order_no)) {
            let why = RowProblem::OrderRowsApart { order_no: line.order_no.to_string(), window: WINDOW };
            return Some(Rejection::new(line.row, None, &why));
        }
        self.open_index.insert(line.order_no.clone(), self.first_open + self.open.len());
        self.open.push_back(OrderDraft::new(line));
        if self.open.len() > WINDOW {
            self.close_oldest();
        }
        None
    }

    /// The next order or rejection; `None` at the end of the file.
    pub fn next_event(&mut self) -> Option<Result<Event, ImportError>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(Ok(event));
            }
            if self.done {
                if self.open.is_empty() {
                    return None;
                }
                self.close_oldest();
                continue;
            }
            match self.table.next_into(&mut self.record) {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    self.done = true;
                    self.open.clear();
                    return Some(Err(e));
                }
                None => {
                    self.done = true;
                    if let Some(e) = self.final_check() {
                        self.open.clear();
                        return Some(Err(e));
                    }
                    continue;
                }
            }
            let record = &self.record;
            self.rows += 1;
            if record.replaced {
                let why = RowProblem::BytesReplaced;
                self.ready.push_back(Event::Replaced(Rejection::new(record.row, None, &why)));
            }
            let extra = record.cells.iter().skip(self.headers.len()).any(|c| !c.trim().is_empty());
            if extra {
                self.ragged += 1;
                let why = RowProblem::TooManyCells { cells: record.cells.len(), columns: self.headers.len() };
                return Some(Ok(Event::Rejected(Rejection::new(record.row, None, &why))));
            }
            match self.reader.read(record) {
                Ok(line) => {
                    if let Some(rejection) = self.place(line) {
                        return Some(Ok(Event::Rejected(rejection)));
                    }
                }
                Err(rejection) => return Some(Ok(Event::Rejected(rejection))),
            }
        }
    }

    /// How far through its rows a workbook is (see `Table::fraction`); `None`
    /// for a CSV, whose progress is the bytes read from it.
    pub fn fraction(&self) -> Option<f64> {
        self.table.fraction()
    }

    /// Closes every open order now, for a caller that stops reading early (a
    /// preview): the orders read so far come out instead of waiting for the window.
    pub fn flush_open(&mut self) -> Vec<Event> {
        while !self.open.is_empty() {
            self.close_oldest();
        }
        self.ready.drain(..).collect()
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

/// A file's encoding, its headers and its first data rows, exactly as written.
pub type Sample = (SourceEncoding, Vec<String>, Vec<Vec<String>>);

/// The first `rows` data rows of a file exactly as written, for a mapping editor.
pub fn sample(content: Box<dyn Read + Send>, file: &str, rows: usize) -> Result<Sample, ImportError> {
    // A sample only shows the columns: what decodes is shown, a damaged byte as U+FFFD.
    let mut table = source::open(content, file, true)?;
    let headers = table.headers.clone();
    let mut out = Vec::new();
    for record in table.by_ref().take(rows) {
        out.push(record?.cells.iter().map(str::to_owned).collect());
    }
    Ok((table.encoding, headers, out))
}

impl Iterator for ImportFile {
    type Item = Result<Event, ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_event()
    }
}

#[cfg(test)]
mod tests;
