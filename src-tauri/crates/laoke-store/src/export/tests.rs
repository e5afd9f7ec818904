//! Exports read back: a CSV through the csv crate, an XLSX through calamine,
//! each compared with what the customer list and the archive hold.

use super::*;
use chrono::{TimeZone, Utc};
use laoke_core::dto::DemoRequest;
use laoke_core::segment::{Condition, Field, Filter, Op};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn demo(customers: u32) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    store.fill_demo(DemoRequest { customers, seed: 3 }, now, |_| true).unwrap();
    store.refresh(today()).unwrap();
    store
}

fn request(kind: ExportKind, format: ExportFormat, path: &Path) -> ExportRequest {
    ExportRequest {
        kind,
        format,
        query: CustomerQuery::default(),
        ids: None,
        privacy: false,
        language: None,
        path: path.display().to_string(),
    }
}

/// The rows of a CSV export, the title row first; asserts the byte-order mark.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "Excel needs the BOM to read UTF-8");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn column(rows: &[Vec<String>], key: &str, columns: &[laoke_core::export::Column]) -> Vec<String> {
    let i = columns.iter().position(|c| c.key == key).unwrap();
    rows[1..].iter().map(|r| r[i].clone()).collect()
}

#[test]
fn customers_to_csv_hold_what_the_list_shows() {
    let store = demo(40);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("客户.csv");
    let report = store.export(&request(ExportKind::Customers, ExportFormat::Csv, &path), today()).unwrap();
    assert_eq!(report.rows, 40);
    let rows = read_csv(&path);
    assert_eq!(rows.len(), 41);
    assert_eq!(rows[0], laoke_core::export::titles(laoke_core::export::CUSTOMER_COLUMNS, "zh-CN"));
    assert!(rows.iter().all(|r| r.len() == laoke_core::export::CUSTOMER_COLUMNS.len()));
    let list = store.customer_page(&CustomerQuery { limit: 40, ..Default::default() }, today()).unwrap().customers;
    let cols = laoke_core::export::CUSTOMER_COLUMNS;
    assert_eq!(column(&rows, "id", cols), list.iter().map(|c| c.id.to_string()).collect::<Vec<_>>());
    assert_eq!(
        column(&rows, "phone", cols),
        list.iter().map(|c| c.phone.clone().unwrap_or_default()).collect::<Vec<_>>()
    );
    assert_eq!(column(&rows, "value", cols), list.iter().map(|c| c.value.round_dp(2).to_string()).collect::<Vec<_>>());
    assert_eq!(
        column(&rows, "stage", cols),
        list.iter().map(|c| c.stage.clone().unwrap_or_default()).collect::<Vec<_>>()
    );
    assert!(!dir.path().join("客户.csv.partial").exists());
}

#[test]
fn a_privacy_export_holds_no_phone_email_name_or_address() {
    let mut store = demo(40);
    let id: i64 = store.conn.query_row("SELECT id FROM customers LIMIT 1", [], |r| r.get(0)).unwrap();
    store
        .conn
        .execute(
            "UPDATE customers SET address = '文三路 90 号 3 幢', email = 'li.wei@example.com', phone = '13812345678'
             WHERE id = ?1",
            [id],
        )
        .unwrap();
    store.add_note(id, "call 13900001111 after 6pm", Utc::now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for kind in [ExportKind::Customers, ExportKind::Orders] {
        let path = dir.path().join(format!("{kind:?}.csv"));
        let req = ExportRequest { privacy: true, ..request(kind, ExportFormat::Csv, &path) };
        store.export(&req, today()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let secrets = |sql: &str| -> Vec<String> {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let found = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            // What the platform already masked (`145****2872`) may show as it is.
            found.map(Result::unwrap).filter(|s| s.chars().count() > 3 && !s.contains('*')).collect()
        };
        let mut all = secrets("SELECT phone FROM customers WHERE phone IS NOT NULL");
        all.extend(secrets("SELECT email FROM customers WHERE email IS NOT NULL"));
        all.extend(secrets("SELECT name FROM customers WHERE name IS NOT NULL"));
        all.extend(secrets("SELECT address FROM customers WHERE address IS NOT NULL"));
        all.extend(secrets("SELECT phone FROM orders WHERE phone IS NOT NULL"));
        all.extend(secrets("SELECT address FROM orders WHERE address IS NOT NULL"));
        all.extend(secrets("SELECT receiver_name FROM orders WHERE receiver_name IS NOT NULL"));
        assert!(all.len() > 20, "the demo shop has contacts to hide");
        for secret in &all {
            assert!(!text.contains(secret.as_str()), "{kind:?} export leaks {secret}");
        }
        assert!(!text.contains("13900001111"), "notes are left out");
    }
    let rows = read_csv(&dir.path().join("Customers.csv"));
    let cols = laoke_core::export::CUSTOMER_COLUMNS;
    assert!(column(&rows, "email", cols).contains(&"l***@example.com".to_owned()));
    assert!(column(&rows, "phone", cols).contains(&"138****5678".to_owned()));
    assert!(column(&rows, "phone", cols).iter().filter(|p| !p.is_empty()).all(|p| p.contains("****")));
}

#[test]
fn a_selection_exports_its_customers_and_their_orders_only() {
    let store = demo(60);
    let loyal = Filter::all(vec![Condition { field: Field::Stage, op: Op::In, values: vec!["loyal".into()] }]);
    let query = CustomerQuery { filter: Some(loyal), limit: u32::MAX, ..Default::default() };
    let selected = store.customer_page(&query, today()).unwrap().customers;
    assert!(!selected.is_empty() && selected.len() < 60);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loyal.csv");
    let req = ExportRequest { query: query.clone(), ..request(ExportKind::Customers, ExportFormat::Csv, &path) };
    assert_eq!(store.export(&req, today()).unwrap().rows as usize, selected.len());

    let orders_path = dir.path().join("loyal-orders.csv");
    let req = ExportRequest { query, ..request(ExportKind::Orders, ExportFormat::Csv, &orders_path) };
    let report = store.export(&req, today()).unwrap();
    assert_eq!(report.rows, selected.iter().map(|c| c.orders).sum::<u32>());
    let rows = read_csv(&orders_path);
    let ids: std::collections::HashSet<String> = selected.iter().map(|c| c.id.to_string()).collect();
    assert!(column(&rows, "customer_id", laoke_core::export::ORDER_COLUMNS).iter().all(|id| ids.contains(id)));

    // Nothing selected: every order, in the shop's time.
    let all = dir.path().join("all.csv");
    let report = store.export(&request(ExportKind::Orders, ExportFormat::Csv, &all), today()).unwrap();
    assert_eq!(report.rows, store.info().unwrap().counts.orders);
    let created = column(&read_csv(&all), "created_at", laoke_core::export::ORDER_COLUMNS);
    assert!(created.iter().all(|t| t.len() == 19 && &t[4..5] == "-" && &t[10..11] == " "), "{:?}", &created[..3]);
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "oldest first");
}

#[test]
fn xlsx_holds_text_as_text_and_money_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let store = demo(30);
    let id: i64 = store.conn.query_row("SELECT id FROM customers ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    store.conn.execute("UPDATE customers SET nick = '=HYPERLINK(\"http://evil\")' WHERE id = ?1", [id]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.xlsx");
    let req =
        ExportRequest { language: Some("en-US".into()), ..request(ExportKind::Customers, ExportFormat::Xlsx, &path) };
    assert_eq!(store.export(&req, today()).unwrap().rows, 30);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.height(), 31);
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("Customer ID".into())));
    let cols = laoke_core::export::CUSTOMER_COLUMNS;
    let at = |key: &str| cols.iter().position(|c| c.key == key).unwrap();
    let nicks: Vec<&Data> = (1..31).map(|r| sheet.get((r, at("nick"))).unwrap()).collect();
    assert!(nicks.contains(&&Data::String("=HYPERLINK(\"http://evil\")".into())), "a string cell, not a formula");
    assert!((1..31).all(|r| matches!(sheet.get((r, at("value"))), Some(Data::Float(_)))));
    assert!(book.worksheet_formula("Sheet1").map(|f| f.used_cells().count() == 0).unwrap_or(true));

    // The same nick in a CSV starts with an apostrophe, so a spreadsheet shows it as text.
    let csv_path = dir.path().join("customers.csv");
    store.export(&request(ExportKind::Customers, ExportFormat::Csv, &csv_path), today()).unwrap();
    let nicks = column(&read_csv(&csv_path), "nick", cols);
    assert!(nicks.contains(&"'=HYPERLINK(\"http://evil\")".to_owned()));
}

#[test]
fn a_failed_write_or_an_oversized_sheet_leaves_no_file() {
    let store = demo(5);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such folder").join("x.csv");
    let err = store.export(&request(ExportKind::Customers, ExportFormat::Csv, &path), today()).unwrap_err();
    assert!(
        matches!(err, StoreError::ExportWrite { cause: laoke_core::file_cause::FileCause::NotFound, .. }),
        "{err:?}"
    );
    assert!(!path.exists());
    assert!(matches!(
        guard_rows(ExportFormat::Xlsx, XLSX_MAX_ROWS as usize),
        Err(StoreError::ExportTooManyRows { rows, max }) if rows == XLSX_MAX_ROWS as u64 && max == XLSX_MAX_ROWS - 1
    ));
    assert!(guard_rows(ExportFormat::Xlsx, XLSX_MAX_ROWS as usize - 1).is_ok());
    assert!(guard_rows(ExportFormat::Csv, 5_000_000).is_ok());
}
