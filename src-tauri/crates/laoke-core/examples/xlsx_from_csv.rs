//! Writes the first rows of a UTF-8 CSV export as an xlsx workbook, the way a
//! platform's Excel export holds them (text cells, `="…"` wrappers gone), for
//! the import benchmark: `xlsx_from_csv IN.csv OUT.xlsx ROWS [SHEET]`.

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output, rows, rest @ ..] = args.as_slice() else {
        return Err("usage: xlsx_from_csv IN.csv OUT.xlsx ROWS [SHEET]".into());
    };
    let rows: usize = rows.parse()?;
    let mut book = rust_xlsxwriter::Workbook::new();
    // Row by row to a temporary file: the sheet is never held in memory.
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name(rest.first().map_or("订单报表", String::as_str))?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(input)?;
    for (r, record) in reader.records().take(rows + 1).enumerate() {
        for (c, cell) in record?.iter().enumerate() {
            let text = cell.strip_prefix("=\"").and_then(|t| t.strip_suffix('"')).unwrap_or(cell);
            if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, text)?;
            }
        }
    }
    book.save(output)?;
    Ok(())
}
