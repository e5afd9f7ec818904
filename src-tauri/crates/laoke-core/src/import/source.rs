//! Turning a file's bytes into a header and rows of text, whatever it is:
//! UTF-8 (with or without BOM), GBK/GB18030, UTF-16 with BOM, or an xlsx or
//! xls workbook (recognized by its content, not its name). CSV is streamed — a
//! file of a million orders is never held in memory — and decoded on the fly.

use super::cells;
use super::error::ImportError;
use encoding_rs::{Encoding as TextEncoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use serde::{Deserialize, Serialize};
use std::io::{Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use ts_rs::TS;

/// How a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum SourceEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    Gb18030,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    Xlsx,
    /// The old binary Excel workbook.
    Xls,
}

impl SourceEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "utf-8",
            SourceEncoding::Utf8Bom => "utf-8-bom",
            SourceEncoding::Gb18030 => "gb18030",
            SourceEncoding::Utf16Le => "utf-16le",
            SourceEncoding::Utf16Be => "utf-16be",
            SourceEncoding::Xlsx => "xlsx",
            SourceEncoding::Xls => "xls",
        }
    }
}

/// One data row: its line number in the file (the header is line 1) and its cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub row: u64,
    /// csv's record type: one buffer for all the cells, reused from row to row.
    pub cells: csv::StringRecord,
    /// Some of the row's bytes were no text and were replaced with U+FFFD (see [`open`]'s `replace`).
    pub replaced: bool,
}

/// Where a table's rows come from. Rows are read into a record the caller keeps,
/// so a million-row file reuses one buffer instead of allocating a row at a time.
trait Rows: Send {
    fn next_into(&mut self, out: &mut Record) -> Option<Result<(), ImportError>>;
    /// How far through its rows a source that holds its whole file is, from 0 to 1.
    /// A streamed file's progress is the bytes read from it, which the caller counts.
    fn fraction(&self) -> Option<f64> {
        None
    }
}

/// A file opened as a table.
pub struct Table {
    pub encoding: SourceEncoding,
    /// Header names, cleaned of export markers and surrounding spaces.
    pub headers: Vec<String>,
    rows: Box<dyn Rows>,
}

impl Table {
    /// Reads the next row into `out`; `None` at the end of the file.
    pub fn next_into(&mut self, out: &mut Record) -> Option<Result<(), ImportError>> {
        self.rows.next_into(out)
    }

    /// See [`Rows::fraction`]: for a workbook, which is read whole before its first row.
    pub fn fraction(&self) -> Option<f64> {
        self.rows.fraction()
    }
}

impl Iterator for Table {
    type Item = Result<Record, ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        let mut record = Record::default();
        self.next_into(&mut record).map(|r| r.map(|()| record))
    }
}

/// The longest physical line accepted: a real export never comes close.
pub const MAX_LINE_BYTES: usize = 4 << 20;
/// A quoted field spanning more lines than this means a quote was never closed.
const MAX_FIELD_LINES: usize = 200;
const SNIFF_BYTES: usize = 64 << 10;

/// Opens `reader` (the content of `file`) as a table. Bytes that are no text in the
/// file's encoding fail the file with [`ImportError::Undecodable`] (line, byte offset,
/// the line around them), or with `replace` become U+FFFD, their rows marked.
pub fn open(mut reader: Box<dyn Read + Send>, file: &str, replace: bool) -> Result<Table, ImportError> {
    let io = |source| ImportError::Io { file: file.to_owned(), source };
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    reader.by_ref().take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(io)?;
    let complete = head.len() < SNIFF_BYTES;
    if head.is_empty() {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    // A zip (xlsx) or an OLE2 compound file (the old .xls, which JD's back office still exports).
    if head.starts_with(b"PK\x03\x04") || head.starts_with(sheet::OLE2_MAGIC) {
        let mut all = head;
        reader.read_to_end(&mut all).map_err(io)?;
        return sheet::open(all, file);
    }
    let encoding = sniff_text(&head, complete, file)?;
    // csv reports the start of a CRLF-terminated record on the line before it (at
    // the '\n' it has not consumed yet); such files need one added.
    let crlf = first_line_ends_with_crlf(&head, encoding);
    let full = Cursor::new(head).chain(reader);
    open_csv(Box::new(full), encoding, file, u64::from(crlf), replace)
}

fn sniff_text(head: &[u8], complete: bool, file: &str) -> Result<SourceEncoding, ImportError> {
    let binary = |what: &str| ImportError::Binary { file: file.to_owned(), what: what.to_owned() };
    let invalid = |encoding: &str, detail: String| ImportError::Encoding {
        file: file.to_owned(),
        encoding: encoding.to_owned(),
        detail,
    };
    for (bom, encoding, text, name) in [
        (&[0xFF, 0xFE][..], SourceEncoding::Utf16Le, UTF_16LE, "UTF-16"),
        (&[0xFE, 0xFF][..], SourceEncoding::Utf16Be, UTF_16BE, "UTF-16"),
    ] {
        if let Some(rest) = head.strip_prefix(bom) {
            if !decodes(text, rest, complete) || (complete && rest.len() % 2 == 1) {
                return Err(invalid(name, "broken character sequences (an odd byte or an unpaired surrogate)".into()));
            }
            return Ok(encoding);
        }
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(SourceEncoding::Utf8Bom);
    }
    for (magic, what) in [
        (&b"\x89PNG"[..], "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
    ] {
        if head.starts_with(magic) {
            return Err(binary(what));
        }
    }
    let controls = head.iter().filter(|&&b| b == 0 || (b < 0x09) || (0x0E..0x1A).contains(&b)).count();
    if controls > 0 {
        return Err(binary("it contains control bytes"));
    }
    match std::str::from_utf8(head) {
        Ok(_) => Ok(SourceEncoding::Utf8),
        // Only the sniffed prefix ends mid-character: the rest of the file continues it.
        Err(e) if e.error_len().is_none() && !complete => Ok(SourceEncoding::Utf8),
        Err(e) if e.error_len().is_none() && mostly_utf8(head) => {
            Err(invalid("UTF-8", format!("the file ends in the middle of a character at byte {}", e.valid_up_to())))
        }
        // UTF-8 with a damaged byte: the decoder names its line.
        Err(_) if damaged_utf8(head) => Ok(SourceEncoding::Utf8),
        Err(_) => {
            // Bytes that are no GB18030 before the end: a damaged byte the decoder will place.
            // A file that only ends in the middle of a character was cut off.
            if decodes(GB18030, head, false) && !decodes(GB18030, head, complete) {
                Err(invalid(
                    "GB18030 (GBK)",
                    "bytes that are neither UTF-8 nor GB18030; the file may be cut off".into(),
                ))
            } else {
                Ok(SourceEncoding::Gb18030)
            }
        }
    }
}

/// Whether `bytes` are valid text in `encoding`. Only a complete file is judged
/// to the last byte: a sniffed prefix may end in the middle of a character, which
/// a streaming decoder holds back instead of calling it broken.
fn decodes(encoding: &'static TextEncoding, bytes: &[u8], complete: bool) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(usize::MAX / 4);
    let mut text = String::with_capacity(capacity);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, complete);
    matches!(result, encoding_rs::DecoderResult::InputEmpty)
}

/// Whether the text has real multi-byte UTF-8 in it (so a broken tail is a
/// truncated UTF-8 file rather than GBK that happens to decode).
fn mostly_utf8(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    !valid.is_ascii()
}

/// UTF-8 with a damaged byte or three among real multi-byte text, rather than text in
/// another encoding (GBK read as UTF-8 fails at nearly every Chinese character).
fn damaged_utf8(head: &[u8]) -> bool {
    let wide = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    let (mut rest, mut errors, mut chars) = (head, 0, 0);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                chars += wide(s);
                break;
            }
            Err(e) => {
                chars += wide(std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""));
                errors += 1;
                match e.error_len() {
                    Some(n) if errors <= 3 => rest = &rest[e.valid_up_to() + n..],
                    Some(_) => return false,
                    None => break,
                }
            }
        }
    }
    chars >= 8 * errors
}

fn text_encoding(e: SourceEncoding) -> &'static TextEncoding {
    match e {
        SourceEncoding::Utf16Le => UTF_16LE,
        SourceEncoding::Utf16Be => UTF_16BE,
        SourceEncoding::Gb18030 => GB18030,
        _ => UTF_8,
    }
}

/// Refuses lines longer than [`MAX_LINE_BYTES`] instead of buffering them.
struct LineGuard<R> {
    inner: R,
    since_newline: usize,
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let chunk = &buf[..n];
        // Only the stretch without a newline matters: before the first newline it
        // continues the current line, after the last one it starts the next.
        let first_run = memchr::memchr(b'\n', chunk).unwrap_or(n);
        let mut longest = self.since_newline + first_run;
        match memchr::memrchr(b'\n', chunk) {
            Some(last) => {
                longest = longest.max(longest_run(&chunk[first_run..=last]));
                self.since_newline = n - last - 1;
                longest = longest.max(self.since_newline);
            }
            None => self.since_newline = longest,
        }
        if longest > MAX_LINE_BYTES {
            return Err(std::io::Error::other(LineTooLong));
        }
        Ok(n)
    }
}

/// The longest run of bytes between two newlines in `chunk` (which starts and ends with one).
fn longest_run(chunk: &[u8]) -> usize {
    // A chunk smaller than the limit cannot hold a longer line.
    if chunk.len() <= MAX_LINE_BYTES {
        return 0;
    }
    let mut longest = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', chunk) {
        longest = longest.max(end - start);
        start = end + 1;
    }
    longest
}

#[derive(Debug)]
struct LineTooLong;
impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("line too long")
    }
}
impl std::error::Error for LineTooLong {}

fn csv_error(e: csv::Error, file: &str, row: u64, encoding: SourceEncoding) -> ImportError {
    let is_long = matches!(e.kind(), csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|r| r.is::<LineTooLong>()));
    if is_long {
        return ImportError::TooLongLine { file: file.to_owned(), row, limit: MAX_LINE_BYTES };
    }
    match e.into_kind() {
        csv::ErrorKind::Io(source) if source.get_ref().is_some_and(|r| r.is::<decode::Undecodable>()) => {
            let at = source.into_inner().and_then(|e| e.downcast::<decode::Undecodable>().ok());
            let at = at.map(|b| *b).unwrap_or(decode::Undecodable {
                line: row,
                byte: 0,
                before: String::new(),
                after: String::new(),
            });
            ImportError::Undecodable {
                file: file.to_owned(),
                encoding: encoding.as_str().to_owned(),
                line: at.line,
                byte: at.byte,
                before: at.before,
                after: at.after,
            }
        }
        csv::ErrorKind::Io(source) => ImportError::Io { file: file.to_owned(), source },
        other => ImportError::Encoding { file: file.to_owned(), encoding: "text".into(), detail: format!("{other:?}") },
    }
}

fn first_line_ends_with_crlf(head: &[u8], encoding: SourceEncoding) -> bool {
    let (lf, cr): (&[u8], &[u8]) = match encoding {
        SourceEncoding::Utf16Le => (&[b'\n', 0], &[b'\r', 0, b'\n', 0]),
        SourceEncoding::Utf16Be => (&[0, b'\n'], &[0, b'\r', 0, b'\n']),
        _ => (b"\n", b"\r\n"),
    };
    let Some(end) = head.windows(lf.len()).position(|w| w == lf) else { return false };
    end >= cr.len() - lf.len() && head[end + lf.len() - cr.len()..].starts_with(cr)
}

fn open_csv(
    reader: Box<dyn Read + Send>,
    encoding: SourceEncoding,
    file: &str,
    line_fix: u64,
    replace: bool,
) -> Result<Table, ImportError> {
    let replaced = Arc::new(AtomicU64::new(0));
    let decoded = decode::Decoding::new(reader, text_encoding(encoding), replace, replaced.clone());
    let guarded = LineGuard { inner: decoded, since_newline: 0 };
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(guarded);
    let mut header = csv::StringRecord::new();
    let got = csv.read_record(&mut header).map_err(|e| csv_error(e, file, 1, encoding))?;
    if !got || header.iter().all(|h| cells::clean(h).is_empty()) {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    // A tab-separated export reads as one column: split it on tabs instead.
    let tabs = header.len() == 1 && header.get(0).is_some_and(|h| h.contains('\t'));
    let headers = if tabs {
        header.get(0).unwrap_or_default().split('\t').map(|h| cells::clean(h).to_owned()).collect()
    } else {
        header.iter().map(|h| cells::clean(h).to_owned()).collect()
    };
    let headers = checked_headers(headers, file)?;
    let rows = CsvRows { csv, file: file.to_owned(), columns: headers.len(), tabs, line_fix, encoding, replaced };
    Ok(Table { encoding, headers, rows: Box::new(rows) })
}

struct CsvRows<R> {
    csv: csv::Reader<R>,
    file: String,
    columns: usize,
    /// A tab-separated file read as one column: its cells are split on tabs.
    tabs: bool,
    line_fix: u64,
    encoding: SourceEncoding,
    /// How many undecodable byte sequences the decoder replaced so far.
    replaced: Arc<AtomicU64>,
}

impl<R: Read + Send> Rows for CsvRows<R> {
    fn next_into(&mut self, out: &mut Record) -> Option<Result<(), ImportError>> {
        loop {
            let line = self.csv.position().line() + 1;
            match self.csv.read_record(&mut out.cells) {
                Ok(false) => return None,
                Err(e) => return Some(Err(csv_error(e, &self.file, line, self.encoding))),
                Ok(true) => {}
            }
            let row = out.cells.position().map_or(line, |p| p.line() + self.line_fix);
            if out.cells.iter().all(|c| c.trim().is_empty()) {
                continue; // blank lines between rows
            }
            // Only a cell holding a line break can have swallowed rows.
            if memchr::memchr(b'\n', out.cells.as_byte_record().as_slice()).is_some()
                && out.cells.iter().any(|c| swallowed_rows(c, self.columns))
            {
                return Some(Err(ImportError::UnbalancedQuotes { file: self.file.clone(), row }));
            }
            if self.tabs && out.cells.len() == 1 {
                let split: csv::StringRecord = out.cells.get(0).unwrap_or_default().split('\t').collect();
                out.cells = split;
            }
            out.row = row;
            // Only once the decoder has replaced something can a row hold a replacement.
            out.replaced = self.replaced.load(Ordering::Relaxed) > 0
                && memchr::memmem::find(out.cells.as_byte_record().as_slice(), "\u{FFFD}".as_bytes()).is_some();
            return Some(Ok(()));
        }
    }
}

/// Whether a quoted field swallowed the rows after it: a quote that never closed
/// turns the rest of the file into one cell, whose lines look like whole rows.
fn swallowed_rows(cell: &str, columns: usize) -> bool {
    if !cell.contains('\n') {
        return false;
    }
    let row_like = cell.lines().skip(1).filter(|l| l.matches(',').count() + 1 >= columns.max(4) / 2).count();
    row_like > 0 || cell.matches('\n').count() > MAX_FIELD_LINES
}

fn checked_headers(headers: Vec<String>, file: &str) -> Result<Vec<String>, ImportError> {
    let mut seen = std::collections::HashSet::new();
    for h in headers.iter().filter(|h| !h.is_empty()) {
        if !seen.insert(h.as_str()) {
            return Err(ImportError::DuplicateHeader { file: file.to_owned(), column: h.clone() });
        }
    }
    Ok(headers)
}

mod biff;
mod compound;
mod decode;
mod sheet;
#[cfg(test)]
mod tests;
