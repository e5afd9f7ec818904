//! Spreadsheet exports (xlsx, the old xls, and the other kinds calamine reads). An
//! xlsx sheet is streamed cell by cell, so a large export is never held in
//! memory as a grid of cells: reading a whole 100,000-order sheet first, then
//! copying it into rows, took over 400 MB. Only the compressed file (which a
//! zip needs to seek in) and the workbook's shared strings stay in memory. The
//! other kinds (xls, xlsb, ods) are read whole, as calamine offers nothing else;
//! an xls is at most 65,536 rows.

use super::{checked_headers, Record, Rows, SourceEncoding, Table};
use crate::import::cells;
use crate::import::error::ImportError;
use calamine::{Data, DataRef, Reader, Sheets, Xlsx, XlsxCellReader};
use ouroboros::self_referencing;
use std::io::Cursor;

type Book = Xlsx<Cursor<Vec<u8>>>;

/// A cell's (row, column), from 0, and its text.
type CellText = ((u32, u32), String);

/// The sheet that holds orders: the one named 订单报表 when there is one, else the first.
const PREFERRED_SHEETS: &[&str] = &["订单报表", "Orders", "orders"];

/// The first bytes of an OLE2 compound file: an .xls workbook, or a Word or other old Office document.
pub(super) const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

pub(super) fn open(bytes: Vec<u8>, file: &str) -> Result<Table, ImportError> {
    let corrupt = |detail: String| ImportError::CorruptXlsx { file: file.to_owned(), detail };
    let binary = |what: &str| ImportError::Binary { file: file.to_owned(), what: what.to_owned() };
    let book = if bytes.starts_with(OLE2_MAGIC) {
        if let Some(workbook) = super::compound::check(&bytes).map_err(&corrupt)? {
            super::biff::check(&workbook).map_err(&corrupt)?;
        }
        match contained(|| Ok(calamine::Xls::new(Cursor::new(bytes)))).map_err(&corrupt)? {
            Ok(book) => Sheets::Xls(book),
            // A compound file without a workbook stream is some other Office document
            // (calamine does not export the error's type, only its text).
            Err(calamine::XlsError::Cfb(e)) if e.to_string().starts_with("Cannot find") => {
                return Err(binary("an Office document (Word, PowerPoint…), not an Excel workbook"))
            }
            Err(e) => return Err(corrupt(e.to_string())),
        }
    } else {
        // A workbook's zip directory names its parts; a zip without them is some other archive.
        let looks_like_xlsx =
            bytes.windows(3).any(|w| w == b"xl/") || bytes.windows(19).any(|w| w == b"[Content_Types].xml");
        if !looks_like_xlsx {
            return Err(binary("a zip archive that is not an xlsx workbook"));
        }
        contained(|| calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string()))
            .map_err(&corrupt)?
    };
    let encoding = if matches!(book, Sheets::Xls(_)) { SourceEncoding::Xls } else { SourceEncoding::Xlsx };
    let name = order_sheet(&book.sheet_names()).ok_or_else(|| corrupt("it has no sheets".into()))?;
    let mut rows: Box<dyn Rows> = match book {
        Sheets::Xlsx(book) => Box::new(contained(|| stream(book, &name, file)).map_err(corrupt)?),
        mut other => Box::new(contained(|| Whole::read(&mut other, &name)).map_err(corrupt)?),
    };
    let mut header = Record::default();
    rows.next_into(&mut header).ok_or_else(|| corrupt(format!("the sheet {name:?} is empty")))??;
    let headers = checked_headers(header.cells.iter().map(|c| cells::clean(c).to_owned()).collect(), file)?;
    Ok(Table { encoding, headers, rows })
}

/// Runs a call into calamine, whose readers can panic on a damaged workbook (an
/// arithmetic overflow on a cell reference such as `AAAAAAAAAAAAA1`, found by
/// `make fuzz`): the panic becomes the reason the workbook is refused. A reader that
/// panicked is never used again (the caller fails the file).
fn contained<T>(call: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).unwrap_or_else(|panic| {
        let why =
            panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
        Err(format!("the workbook reader failed on it: {}", why.unwrap_or_default()))
    })
}

fn order_sheet(names: &[String]) -> Option<String> {
    PREFERRED_SHEETS.iter().find_map(|p| names.iter().find(|n| n.trim() == *p)).or_else(|| names.first()).cloned()
}

#[self_referencing]
struct CellStream {
    book: Book,
    #[borrows(mut book)]
    #[not_covariant]
    cells: XlsxCellReader<'this, Cursor<Vec<u8>>>,
}

/// An xlsx sheet read a cell at a time; cells come row by row, left to right.
/// Its rows are the non-empty ones, each with its row number in the sheet (from 1).
struct Streamed {
    stream: CellStream,
    file: String,
    /// The first column of the sheet's declared area: column 0 of every row.
    first_column: u32,
    last_row: u32,
    /// The first cell of the next row, read while finding the end of this one.
    pending: Option<CellText>,
    /// A failure met while looking for the end of a row: told after that row.
    failed: Option<ImportError>,
    row: u32,
    done: bool,
}

fn stream(book: Book, name: &str, file: &str) -> Result<Streamed, String> {
    let stream = CellStreamTryBuilder { book, cells_builder: |book: &mut Book| book.worksheet_cells_reader(name) }
        .try_build()
        .map_err(|e| e.to_string())?;
    let dims = stream.with_cells(|c| c.dimensions());
    Ok(Streamed {
        stream,
        file: file.to_owned(),
        first_column: dims.start.1,
        last_row: dims.end.0,
        pending: None,
        failed: None,
        row: 0,
        done: false,
    })
}

impl Streamed {
    fn next_cell(&mut self) -> Result<Option<CellText>, ImportError> {
        let next = contained(|| {
            self.stream.with_cells_mut(|cells| match cells.next_cell() {
                Ok(Some(cell)) => Ok(Some((cell.get_position(), cell_ref_text(cell.get_value())))),
                Ok(None) => Ok(None),
                Err(e) => Err(e.to_string()),
            })
        });
        next.map_err(|detail| ImportError::CorruptXlsx { file: self.file.clone(), detail })
    }
}

impl Rows for Streamed {
    fn next_into(&mut self, out: &mut Record) -> Option<Result<(), ImportError>> {
        if let Some(e) = self.failed.take() {
            return Some(Err(e));
        }
        loop {
            out.cells.clear();
            let mut row = None;
            if let Some((at, text)) = self.pending.take() {
                row = Some(at.0);
                put_cell(out, at.1.saturating_sub(self.first_column), &text);
            }
            while !self.done {
                match self.next_cell() {
                    Err(e) => {
                        self.done = true;
                        if row.is_none() {
                            return Some(Err(e));
                        }
                        self.failed = Some(e);
                    }
                    Ok(None) => self.done = true,
                    Ok(Some((at, text))) if row.is_some_and(|r| r != at.0) => {
                        self.pending = Some((at, text));
                        break;
                    }
                    Ok(Some((at, text))) => {
                        row = Some(at.0);
                        put_cell(out, at.1.saturating_sub(self.first_column), &text);
                    }
                }
            }
            let row = row?;
            self.row = row;
            if out.cells.iter().any(|c| !c.is_empty()) {
                out.row = u64::from(row) + 1;
                return Some(Ok(()));
            }
        }
    }

    fn fraction(&self) -> Option<f64> {
        (self.last_row > 0).then(|| (f64::from(self.row) / f64::from(self.last_row)).min(1.0))
    }
}

/// Puts a cell's text at its column; columns it skipped (nothing was typed there) are empty.
fn put_cell(out: &mut Record, column: u32, text: &str) {
    while out.cells.len() < column as usize {
        out.cells.push_field("");
    }
    out.cells.push_field(text);
}

/// A sheet of another workbook kind, read whole; its non-empty rows.
struct Whole {
    records: std::vec::IntoIter<Record>,
    total: usize,
}

impl Whole {
    fn read<R: std::io::Read + std::io::Seek>(book: &mut Sheets<R>, name: &str) -> Result<Whole, String> {
        let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
        let start = range.start().map_or(0, |(r, _)| u64::from(r));
        let records: Vec<Record> = range
            .rows()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
            .map(|(i, r)| Record {
                replaced: false,
                row: start + i as u64 + 1,
                cells: r.iter().map(cell_text).collect::<Vec<_>>().into(),
            })
            .collect();
        Ok(Whole { total: records.len(), records: records.into_iter() })
    }
}

impl Rows for Whole {
    fn next_into(&mut self, out: &mut Record) -> Option<Result<(), ImportError>> {
        *out = self.records.next()?;
        Some(Ok(()))
    }

    fn fraction(&self) -> Option<f64> {
        (self.total > 0).then(|| 1.0 - self.records.len() as f64 / self.total as f64)
    }
}

fn cell_ref_text(c: &DataRef<'_>) -> String {
    match c {
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::String(s) => s.clone(),
        DataRef::Empty => String::new(),
        other => cell_text(&Data::from(other.clone())),
    }
}

/// A spreadsheet cell as the text a CSV export would have had.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            d.as_datetime().map_or_else(|| d.to_string(), |t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.replace('T', " "),
        Data::Error(e) => format!("#{e:?}"),
    }
}
