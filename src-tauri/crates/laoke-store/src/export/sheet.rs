//! One writer for both export formats: rows of typed cells go to a CSV (UTF-8
//! with a byte-order mark, so Excel and WPS read Chinese right) or to an XLSX
//! sheet (money as numbers with two decimals, so the seller can sum them). The
//! file appears whole or not at all: rows go to `NAME.partial`, which is synced
//! and renamed over the target only when the last row is written.

use crate::file_cause::WriteFailure;
use crate::{Result, StoreError};
use laoke_core::dto::ExportFormat;
use laoke_core::export::defuse_formula;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// The most rows an XLSX sheet holds, its title row included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;
/// The longest text an XLSX cell holds.
const XLSX_MAX_CHARS: usize = 32_767;

pub enum Cell {
    Text(String),
    Money(Decimal),
    /// A ratio or an expected count, written as it is (not money).
    Number(Decimal),
    Int(i64),
    Empty,
}

impl Cell {
    pub fn text(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    /// `value` as it is, or through `mask` in a privacy export.
    pub fn shown(value: Option<&str>, privacy: bool, mask: fn(&str) -> String) -> Cell {
        Cell::text(value.map(|v| if privacy { mask(v) } else { v.to_owned() }))
    }
}

pub struct Sheet {
    target: PathBuf,
    partial: PathBuf,
    out: Out,
    /// Cells cut to XLSX's 32,767 characters.
    pub truncated: u32,
}

enum Out {
    Csv(csv::Writer<std::fs::File>),
    Xlsx { book: Box<rust_xlsxwriter::Workbook>, row: u32, money: rust_xlsxwriter::Format },
}

/// `export.write_failed` for `path`: every file Laoke writes for the seller to
/// take elsewhere (an export, the SMS list) fails with it.
pub(crate) fn write_error(path: &Path, e: impl WriteFailure) -> StoreError {
    StoreError::ExportWrite { path: path.to_path_buf(), cause: e.cause_at(path), reason: e.to_string() }
}

impl Sheet {
    /// Starts `path` with a title row.
    pub fn create(path: &Path, format: ExportFormat, titles: &[&str]) -> Result<Sheet> {
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".partial");
        let partial = path.with_file_name(name);
        let out = match format {
            ExportFormat::Csv => {
                use std::io::Write;
                let mut file = std::fs::File::create(&partial).map_err(|e| write_error(path, e))?;
                file.write_all("\u{feff}".as_bytes()).map_err(|e| write_error(path, e))?;
                Out::Csv(csv::Writer::from_writer(file))
            }
            ExportFormat::Xlsx => {
                let mut book = Box::new(rust_xlsxwriter::Workbook::new());
                // Rows stream to a temporary file instead of living in memory: a
                // million orders stay a few megabytes of the app's memory.
                book.add_worksheet_with_constant_memory();
                Out::Xlsx { book, row: 0, money: rust_xlsxwriter::Format::new().set_num_format("0.00") }
            }
        };
        let mut sheet = Sheet { target: path.to_path_buf(), partial, out, truncated: 0 };
        let titles: Vec<Cell> = titles.iter().map(|t| Cell::Text((*t).to_owned())).collect();
        sheet.row(&titles)?;
        Ok(sheet)
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let target = self.target.clone();
        match &mut self.out {
            Out::Csv(w) => {
                let fields = cells.iter().map(|c| match c {
                    Cell::Text(t) => defuse_formula(t).into_owned(),
                    Cell::Money(d) => d.round_dp(2).to_string(),
                    Cell::Number(d) => d.normalize().to_string(),
                    Cell::Int(i) => i.to_string(),
                    Cell::Empty => String::new(),
                });
                w.write_record(fields).map_err(|e| write_error(&target, e))
            }
            Out::Xlsx { book, row, money } => {
                let sheet = book.worksheet_from_index(0).map_err(|e| write_error(&target, e))?;
                for (col, cell) in cells.iter().enumerate() {
                    let col = col as u16;
                    let written = match cell {
                        // write_string never makes a formula of text: no defusing needed.
                        Cell::Text(t) if t.chars().count() > XLSX_MAX_CHARS => {
                            self.truncated += 1;
                            let cut: String = t.chars().take(XLSX_MAX_CHARS).collect();
                            sheet.write_string(*row, col, cut).map(|_| ())
                        }
                        Cell::Text(t) => sheet.write_string(*row, col, t).map(|_| ()),
                        Cell::Money(d) => {
                            sheet.write_number_with_format(*row, col, d.to_f64().unwrap_or_default(), money).map(|_| ())
                        }
                        Cell::Number(d) => sheet.write_number(*row, col, d.to_f64().unwrap_or_default()).map(|_| ()),
                        Cell::Int(i) => sheet.write_number(*row, col, *i as f64).map(|_| ()),
                        Cell::Empty => Ok(()),
                    };
                    written.map_err(|e| write_error(&target, e))?;
                }
                *row += 1;
                Ok(())
            }
        }
    }

    /// Writes the file out and puts it in place.
    pub fn finish(self) -> Result<()> {
        let Sheet { target, partial, out, .. } = self;
        let written = match out {
            Out::Csv(w) => w
                .into_inner()
                .map_err(|e| write_error(&target, e.into_error()))
                .and_then(|f| f.sync_all().map_err(|e| write_error(&target, e))),
            Out::Xlsx { mut book, .. } => book.save(&partial).map_err(|e| write_error(&target, e)),
        };
        let placed = written.and_then(|()| std::fs::rename(&partial, &target).map_err(|e| write_error(&target, e)));
        if placed.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        placed
    }

    /// Drops a sheet that will not be finished, and its partial file.
    pub fn abandon(self) {
        let partial = self.partial.clone();
        drop(self);
        let _ = std::fs::remove_file(partial);
    }
}
