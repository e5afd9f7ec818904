//! The cell records of an .xls workbook stream (BIFF), checked before calamine reads
//! it. calamine parses every sheet when it opens the file and lays each out as a dense
//! grid from its DIMENSIONS record and from the cells' extent, so one cell at a far
//! corner made it allocate billions of cells (out of memory), and a reversed DIMENSIONS
//! record or MULRK range overflowed its arithmetic (a panic). A sheet must stay inside
//! what the format can hold (65,536 rows, 256 columns) and inside [`GRID_MAX`] cells,
//! which no shop's export comes near. Found by `make fuzz`.

/// The largest grid a sheet may span: 65,536 rows of 128 columns (about 600 MB in calamine at worst).
pub const GRID_MAX: u64 = 1 << 23;
const ROWS: u64 = 65_536;
const COLUMNS: u64 = 256;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// Records that start with a cell's row and column (u16 each): NUMBER, LABEL, RSTRING,
/// BOOLERR, RK, LABELSST, FORMULA, BLANK.
const CELLS: [u16; 8] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006, 0x0201];

fn u16_at(b: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]))
}

/// The records from `stream`'s start, as (type, data), until one is cut short.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let head = rest.get(..4)?;
        let (typ, len) = (u16::from_le_bytes([head[0], head[1]]), u16::from_le_bytes([head[2], head[3]]) as usize);
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

/// The extent of one sheet's cells.
#[derive(Default)]
struct Extent(Option<(u64, u64, u64, u64)>);

impl Extent {
    fn add(&mut self, row: u64, first: u64, last: u64) -> Result<(), String> {
        if last >= COLUMNS || first > last {
            return Err(format!("a cell of row {} is in column {}, outside an xls sheet", row + 1, last + 1));
        }
        let (r0, r1, c0, c1) = self.0.unwrap_or((row, row, first, last));
        self.0 = Some((r0.min(row), r1.max(row), c0.min(first), c1.max(last)));
        let (r0, r1, c0, c1) = self.0.unwrap_or_default();
        grid(r1 - r0 + 1, c1 - c0 + 1)
    }
}

fn grid(rows: u64, columns: u64) -> Result<(), String> {
    if rows * columns > GRID_MAX {
        return Err(format!("a sheet spans {rows} rows × {columns} columns, more than {GRID_MAX} cells"));
    }
    Ok(())
}

/// One sheet from its BOF at `pos` to its EOF, skipping nested substreams (charts) as calamine does.
fn sheet(stream: &[u8], pos: usize) -> Result<(), String> {
    let Some(sheet) = stream.get(pos..) else { return Err(format!("a sheet starts at byte {pos}, past the stream")) };
    let (mut seen_bof, mut depth, mut extent) = (false, 0usize, Extent::default());
    for (typ, data) in records(sheet) {
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            _ if depth > 0 => {}
            DIMENSIONS => dimensions(data)?,
            MULRK if data.len() >= 6 => extent.add(u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))?,
            t if CELLS.contains(&t) && data.len() >= 4 => {
                extent.add(u16_at(data, 0), u16_at(data, 2), u16_at(data, 2))?
            }
            _ => {}
        }
    }
    Ok(())
}

/// DIMENSIONS: first row, last row + 1, first column, last column + 1 (rows u16 in BIFF5, u32 in BIFF8).
fn dimensions(data: &[u8]) -> Result<(), String> {
    let (first_row, end_row, first_col, end_col) = match data.len() {
        10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
        14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
        _ => return Ok(()),
    };
    // calamine reads a first column past the format's last, or after the end, as column 0.
    let first_col = if first_col >= COLUMNS || end_col < first_col { 0 } else { first_col };
    if end_row == 0 || end_col == 0 {
        return Ok(());
    }
    if end_row > ROWS || end_col > COLUMNS || first_row >= end_row {
        return Err(format!(
            "the sheet's dimensions (rows {first_row}–{end_row}, columns {first_col}–{end_col}) are impossible"
        ));
    }
    grid(end_row - first_row, end_col - first_col)
}

/// `Err(detail)` when a sheet of the workbook stream would make calamine allocate or count past its means.
pub(super) fn check(stream: &[u8]) -> Result<(), String> {
    for (typ, data) in records(stream) {
        match typ {
            BOUNDSHEET if data.len() >= 4 => sheet(stream, u32_at(data, 0) as usize)?,
            EOF => break,
            _ => {}
        }
    }
    Ok(())
}
