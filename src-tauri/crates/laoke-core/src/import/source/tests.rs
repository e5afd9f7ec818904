//! Bytes in every encoding and costume, and the errors for what is not a table.

use super::*;
use crate::ErrorCode;

fn table(bytes: Vec<u8>) -> Result<Table, ImportError> {
    open(Box::new(Cursor::new(bytes)), "t.csv", false)
}

fn rows(t: Table) -> Vec<Record> {
    t.map(|r| r.unwrap()).collect()
}

const CSV: &str = "订单编号 ,买家会员名,订单状态\n=\"1234567890123456789\",tb_小鱼儿,交易成功\n2,'王芳,\"买家已付款，等待卖家发货\"\n";

fn code(r: Result<Table, ImportError>) -> &'static str {
    r.err().expect("an error").code()
}

#[test]
fn utf8_with_and_without_bom() {
    let t = table(CSV.as_bytes().to_vec()).unwrap();
    assert_eq!(t.encoding, SourceEncoding::Utf8);
    assert_eq!(t.headers, ["订单编号", "买家会员名", "订单状态"], "trailing spaces trimmed");
    let r = rows(t);
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].row, r[1].row), (2, 3));
    assert_eq!(&r[1].cells[2], "买家已付款，等待卖家发货");

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(CSV.as_bytes());
    let t = table(bom).unwrap();
    assert_eq!(t.encoding, SourceEncoding::Utf8Bom);
    assert_eq!(t.headers[0], "订单编号", "the BOM is not part of the first header");
}

#[test]
fn gbk_and_utf16_are_decoded() {
    let (gbk, _, _) = GB18030.encode(CSV);
    let t = table(gbk.into_owned()).unwrap();
    assert_eq!(t.encoding, SourceEncoding::Gb18030);
    assert_eq!(t.headers[1], "买家会员名");
    assert_eq!(&rows(t)[0].cells[1], "tb_小鱼儿");

    for (bom, be) in [(vec![0xFF, 0xFE], false), (vec![0xFE, 0xFF], true)] {
        let mut bytes = bom;
        for unit in CSV.encode_utf16() {
            bytes.extend_from_slice(&if be { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let t = table(bytes).unwrap();
        assert_eq!(t.encoding, if be { SourceEncoding::Utf16Be } else { SourceEncoding::Utf16Le });
        assert_eq!(t.headers[2], "订单状态");
        assert_eq!(&rows(t)[1].cells[1], "'王芳");
    }
}

#[test]
fn what_is_not_a_table_says_why() {
    assert_eq!(code(table(vec![])), "import.empty");
    assert_eq!(code(table(b"\n\n".to_vec())), "import.empty");
    assert_eq!(code(table(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec())), "import.binary");
    assert_eq!(code(table(vec![0, 1, 2, 3, 250, 251, 0, 7])), "import.binary");
    assert_eq!(code(table(b"PK\x03\x04not a workbook at all".to_vec())), "import.binary");
    let mut truncated = "订单编号,买家会员名\n1,小鱼".as_bytes().to_vec();
    truncated.extend_from_slice(&"儿".as_bytes()[..2]);
    assert_eq!(code(table(truncated)), "import.encoding");
    assert_eq!(code(table(b"a,b,a\n1,2,3\n".to_vec())), "import.duplicate_header");
}

#[test]
fn a_line_that_never_ends_is_refused_without_buffering_it() {
    let mut long = b"a,b\n1,".to_vec();
    long.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 10));
    let t = table(long).unwrap();
    let errs: Vec<_> = t.filter_map(|r| r.err()).collect();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].code(), "import.too_long_line");
}

/// Reads `bytes` through the guard in `chunk`-byte reads; whether it refused.
fn guard_refuses(bytes: &[u8], chunk: usize) -> bool {
    let mut guard = LineGuard { inner: Cursor::new(bytes.to_vec()), since_newline: 0 };
    let mut buf = vec![0; chunk];
    loop {
        match guard.read(&mut buf) {
            Ok(0) => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
    }
}

#[test]
fn the_line_guard_measures_lines_across_reads() {
    let line = |len: usize| std::iter::repeat_n(b'x', len).chain([b'\n']).collect::<Vec<u8>>();
    let at_limit = [line(10), line(MAX_LINE_BYTES), line(3)].concat();
    let over = [line(10), line(MAX_LINE_BYTES + 1), line(3)].concat();
    // Small reads split the long line over many chunks; a big read holds it whole between two newlines.
    for chunk in [7, 8 << 10, MAX_LINE_BYTES + 64] {
        assert!(!guard_refuses(&at_limit, chunk), "a line of exactly the limit passes (reads of {chunk})");
        assert!(guard_refuses(&over, chunk), "one byte more is refused (reads of {chunk})");
    }
    assert!(guard_refuses(&std::iter::repeat_n(b'x', MAX_LINE_BYTES + 1).collect::<Vec<_>>(), 8 << 10));
}

#[test]
fn an_unclosed_quote_is_reported_with_its_row() {
    let mut text = String::from("a,b\n1,\"never closed\n");
    for i in 0..300 {
        text.push_str(&format!("{i},x\n"));
    }
    let errs: Vec<_> = table(text.into_bytes()).unwrap().filter_map(|r| r.err()).collect();
    assert_eq!(errs.len(), 1);
    assert!(matches!(errs[0], ImportError::UnbalancedQuotes { row: 2, .. }), "{:?}", errs[0]);
}

#[test]
fn multi_line_quoted_fields_and_tabs() {
    let t =
        table(b"Name,Note Attributes,Total\n#1001,\"First name: Ann\nPhone: 555\",10.00\n#1002,,5\n".to_vec()).unwrap();
    let r = rows(t);
    assert_eq!(r.len(), 2);
    assert_eq!(&r[0].cells[1], "First name: Ann\nPhone: 555");
    assert_eq!(r[1].row, 4, "row numbers are physical lines");

    let t = table("订单号\t商品\n\t260609-018696128123287\t茶\n".as_bytes().to_vec()).unwrap();
    assert_eq!(t.headers, ["订单号", "商品"]);
    assert_eq!(&rows(t)[0].cells[1], "260609-018696128123287");
}

fn xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_is_recognized_by_content_and_prefers_the_order_sheet() {
    let bytes = xlsx(&[
        ("发货报表", &[&["订单编号", "收货人姓名"], &["1", "王芳"]]),
        ("订单报表", &[&["订单编号", "买家会员名"], &["123", "tb_a"], &["124", "tb_b"]]),
    ]);
    let t = table(bytes.clone()).unwrap(); // named t.csv: the content decides
    assert_eq!(t.encoding, SourceEncoding::Xlsx);
    assert_eq!(t.headers, ["订单编号", "买家会员名"]);
    let r = rows(t);
    assert_eq!((r.len(), r[1].row, &r[1].cells[1]), (2, 3, "tb_b"));

    let truncated = bytes[..bytes.len() / 2].to_vec();
    assert_eq!(code(table(truncated)), "import.corrupt_xlsx");
}

#[test]
fn rows_are_physical_lines_with_crlf_too() {
    let t = table(b"a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n".to_vec()).unwrap();
    let rows: Vec<u64> = rows(t).iter().map(|r| r.row).collect();
    assert_eq!(rows, [2, 3, 5]);
}

#[test]
fn a_sniffed_prefix_may_end_inside_any_character() {
    // The first 64 KiB are sniffed; wherever that cut falls in a GBK or UTF-16
    // text, the file is still recognized (a 200,000-order export was refused
    // once because the cut split a two-byte character).
    let text = "订单编号,买家会员名\r\n".to_owned() + &"4000,tb_茶友甲乙丙\r\n".repeat(10);
    let (gbk, _, _) = GB18030.encode(&text);
    for cut in 1..gbk.len() {
        let want = if gbk[..cut].is_ascii() { SourceEncoding::Utf8 } else { SourceEncoding::Gb18030 };
        assert_eq!(sniff_text(&gbk[..cut], false, "x.csv").ok(), Some(want), "cut at {cut}");
    }
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for cut in 3..utf16.len() {
        assert_eq!(sniff_text(&utf16[..cut], false, "x.csv").ok(), Some(SourceEncoding::Utf16Le), "cut at {cut}");
    }
    // A complete file is still judged to its last byte.
    assert!(sniff_text(&gbk[..gbk.len() - 1], true, "x.csv").is_ok());
    let mut cut_gbk = gbk.to_vec();
    cut_gbk.push(0x81);
    assert_eq!(code(table(cut_gbk)), "import.encoding");
}

#[test]
fn a_streamed_sheet_keeps_row_numbers_skipped_cells_and_its_first_column() {
    // The used area starts at C2; row 4 is empty; row 5 skips a column; numbers are cells too.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["订单编号", "买家会员名", "实付"].iter().enumerate() {
        sheet.write_string(1, 2 + c as u16, *h).unwrap();
    }
    sheet.write_number(2, 2, 1001.0).unwrap();
    sheet.write_string(2, 3, "tb_a").unwrap();
    sheet.write_number(2, 4, 12.5).unwrap();
    sheet.write_number(4, 2, 1002.0).unwrap();
    sheet.write_number(4, 4, 8.0).unwrap();
    let t = table(book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(t.headers, ["订单编号", "买家会员名", "实付"]);
    let r = rows(t);
    let got: Vec<(u64, Vec<&str>)> = r.iter().map(|r| (r.row, r.cells.iter().collect())).collect();
    assert_eq!(got, vec![(3, vec!["1001", "tb_a", "12.5"]), (5, vec!["1002", "", "8"])]);
}

#[test]
fn a_streamed_sheet_says_how_far_through_it_is() {
    let numbers: Vec<String> = (1..=40).map(|i| i.to_string()).collect();
    let mut rows: Vec<[&str; 1]> = vec![["订单编号"]];
    rows.extend(numbers.iter().map(|n| [n.as_str()]));
    let rows: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
    let mut t = table(xlsx(&[("Sheet1", &rows)])).unwrap();
    assert_eq!(t.fraction(), Some(0.0));
    let mut record = Record::default();
    let mut seen = Vec::new();
    while let Some(r) = t.next_into(&mut record) {
        r.unwrap();
        seen.push(t.fraction().unwrap());
    }
    assert_eq!(seen.len(), 40);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    assert_eq!(seen[19], 0.5);
    assert_eq!(seen[39], 1.0);
    // A CSV's progress is the bytes read from it, counted by the caller.
    assert_eq!(table(CSV.as_bytes().to_vec()).unwrap().fraction(), None);
}

#[test]
fn a_sheet_broken_after_its_first_rows_is_an_error_when_it_is_reached() {
    let good = xlsx(&[("Sheet1", &[&["订单编号"], &["1"], &["2"], &["3"]])]);
    // The same workbook with its sheet's XML cut off in the middle of the third row.
    let mut archive = zip::ZipArchive::new(Cursor::new(good)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let mut xml = Vec::new();
        part.read_to_end(&mut xml).unwrap();
        if part.name() == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(xml).unwrap();
            let cut = text.find("<row r=\"3\"").unwrap() + 20;
            xml = text.as_bytes()[..cut].to_vec();
        }
        out.start_file(part.name(), zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, &xml).unwrap();
    }
    let broken = out.finish().unwrap().into_inner();
    let mut t = table(broken).unwrap();
    let mut record = Record::default();
    assert!(matches!(t.next_into(&mut record), Some(Ok(()))));
    assert_eq!(&record.cells[0], "1");
    let err = loop {
        match t.next_into(&mut record) {
            Some(Ok(())) => continue,
            Some(Err(e)) => break e,
            None => panic!("the broken sheet ended without an error"),
        }
    };
    assert_eq!(err.code(), "import.corrupt_xlsx");
    assert!(err.to_string().contains("t.csv"), "{err}");
}

#[test]
fn an_old_xls_workbook_is_read_and_a_broken_one_is_refused() {
    let bytes = include_bytes!("../../../../../../tests/fixtures/import/jd_multi_sku_xls.xls").to_vec();
    let t = table(bytes.clone()).unwrap(); // named t.csv: the content decides
    assert_eq!(t.encoding, SourceEncoding::Xls);
    assert_eq!(t.headers[..3], ["订单号", "商品ID", "商品名称"]);
    let r = rows(t);
    assert_eq!((r.len(), r[0].row, &r[0].cells[0], &r[0].cells[2]), (8, 2, "287654321012", "小米 充电宝 20000mAh"));

    assert_eq!(code(table(bytes[..bytes.len() / 2].to_vec())), "import.corrupt_xlsx");
    // An OLE2 signature followed by nothing a compound file holds.
    let mut junk = sheet::OLE2_MAGIC.to_vec();
    junk.extend_from_slice(&[0u8; 600]);
    assert_eq!(code(table(junk)), "import.corrupt_xlsx");
}
