//! The import history and the preview: what was imported when, and what a file
//! would import, before anything is saved.

use crate::shops::{self, Destination};
use crate::{Result, Store, StoreError};
use laoke_core::archive::OrderKind;
use laoke_core::dto::{ImportBatch, ImportPreview, PreviewOrder, PreviewShop, ShopMatch};
use laoke_core::import::{sample, Event, ImportError, ImportFile, ImportOptions, ImportedOrder};
use laoke_core::revision::{revise, Revision};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use std::path::Path;

/// Rows and orders a preview shows.
const PREVIEW_ROWS: usize = 20;

fn open(path: &Path) -> Result<Box<dyn std::io::Read + Send>> {
    let file = std::fs::File::open(path).map_err(|source| StoreError::File { path: path.to_path_buf(), source })?;
    Ok(Box::new(std::io::BufReader::new(file)))
}

impl Store {
    /// The last imports, newest first.
    pub fn import_history(&self, limit: u32) -> Result<Vec<ImportBatch>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, source, file_name, format, encoding, status, started_at, finished_at, report
             FROM import_batches ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            let report: Option<String> = r.get(8)?;
            Ok(ImportBatch {
                id: r.get(0)?,
                source: r.get(1)?,
                file_name: r.get(2)?,
                format: r.get(3)?,
                encoding: r.get(4)?,
                status: r.get(5)?,
                started_at: r.get(6)?,
                finished_at: r.get(7)?,
                report: report.and_then(|j| serde_json::from_str(&j).ok()),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How the importer reads the start of `path`, and where its orders would go
    /// (into `shop`, by name, or as the import would decide without one). A file
    /// whose header matches no known export is not an error here: the preview has
    /// no format, and the user maps its columns (a saved preset for the same
    /// header is used at once).
    pub fn import_preview(&self, path: &Path, opts: &ImportOptions, shop: Option<&str>) -> Result<ImportPreview> {
        let name = path.display().to_string();
        let (encoding, headers, rows) = sample(open(path)?, &name, PREVIEW_ROWS)?;
        let mut opts = opts.clone();
        let mut preset = None;
        if opts.mapping.is_none() && opts.format.is_none() && laoke_core::import::formats::detect(&headers).is_none() {
            if let Some(p) = self.mapping_for(&headers)? {
                preset = Some(p.name);
                opts.mapping = Some(p.mapping);
            }
        }
        let mut preview = ImportPreview {
            file: name.clone(),
            format: None,
            platform: None,
            encoding,
            headers,
            sample: rows,
            orders: Vec::new(),
            rejected: Vec::new(),
            replaced: Vec::new(),
            mapping: opts.mapping.clone(),
            preset,
            file_shop: None,
            last_shop: None,
            shop: None,
        };
        let mut file = match ImportFile::open(open(path)?, &name, &opts, self.timezone()?) {
            Ok(f) => f,
            Err(ImportError::UnknownFormat { .. }) => return Ok(preview),
            Err(e) => return Err(e.into()),
        };
        preview.format = Some(file.format);
        let platform = file.format.platform();
        preview.platform = Some(platform);
        let mut events = Vec::new();
        while file.rows < 10 * PREVIEW_ROWS as u64 {
            match file.next_event() {
                None => break,
                Some(Err(e)) => return Err(e.into()),
                Some(Ok(e)) => events.push(e),
            }
            if events.iter().filter(|e| matches!(e, Event::Order(_))).count() >= PREVIEW_ROWS {
                break;
            }
        }
        // Orders stay open while later rows might still belong to them: close them.
        events.extend(file.flush_open());
        let orders: Vec<ImportedOrder> = events
            .into_iter()
            .filter_map(|event| match event {
                Event::Rejected(r) => {
                    preview.rejected.push(r);
                    None
                }
                Event::Replaced(r) => {
                    preview.replaced.push(r);
                    None
                }
                Event::Lines(_) => None,
                Event::Order(o) => Some(*o),
            })
            .take(PREVIEW_ROWS)
            .collect();
        preview.file_shop = orders.iter().find_map(|o| o.shop.as_deref().map(str::to_owned));
        preview.last_shop = crate::settings::import_shop(&self.conn, platform)?;
        let mut to = shops::destination(&self.conn, platform, shop, preview.file_shop.as_deref())?;
        // Between several shops, the one chosen last time for this platform's files.
        let mut remembered = false;
        if let (Destination::Ambiguous(_), Some(last)) = (&to, preview.last_shop) {
            if let Some(s) = shops::get(&self.conn, last)?.filter(|s| s.platform == platform) {
                to = Destination::Shop(s);
                remembered = true;
            }
        }
        let count_cod = match &to {
            Destination::Shop(s) | Destination::Rename(s, _) => s.count_cod,
            Destination::New { .. } | Destination::Ambiguous(_) => true,
        };
        preview.shop = Some(PreviewShop { remembered, ..self.preview_shop(platform, to, &orders)? });
        preview.orders = orders
            .into_iter()
            .map(|o| PreviewOrder {
                row: o.row,
                buyer_id: o.identity.as_ref().map(|i| i.buyer_id.clone()),
                nick: o.profile.nick.clone(),
                status: o.order.status,
                created_at: to_stored(o.order.created_at),
                amount_paid: o.order.amount_paid,
                refund: o.order.refund,
                value: o.order.value(),
                purchase: o.order.kind(count_cod) == OrderKind::Purchase,
                cod: o.order.cod,
                items: o.order.items.len() as u32,
                shop: o.shop.map(|s| s.to_string()),
                order_no: o.order.order_no,
            })
            .collect();
        Ok(preview)
    }

    /// Where the previewed orders would go, and how they compare with what that
    /// shop and the platform's other shops hold.
    fn preview_shop(&self, platform: Platform, to: Destination, orders: &[ImportedOrder]) -> Result<PreviewShop> {
        let mut preview = PreviewShop {
            shop_id: None,
            name: None,
            renames: None,
            new: false,
            remembered: false,
            choices: Vec::new(),
            known: 0,
            conflicts: 0,
            elsewhere: Vec::new(),
        };
        let target = match to {
            Destination::Shop(s) => Some(s),
            Destination::Rename(s, name) => {
                preview.renames = Some(s.name.clone());
                Some(shops::Shop { name, ..s })
            }
            Destination::New { name, .. } => {
                preview.name = Some(name);
                preview.new = true;
                None
            }
            Destination::Ambiguous(names) => {
                preview.choices = names;
                None
            }
        };
        if let Some(s) = &target {
            preview.shop_id = Some(s.id);
            preview.name = Some(s.name.clone());
        }
        for shop in shops::of_platform(&self.conn, platform)? {
            let mut same = 0;
            for o in orders {
                let Some(stored) = crate::orders::find(&self.conn, shop.id, &o.order.order_no)? else { continue };
                let buyer = o.identity.as_ref().map(|i| i.buyer_id.as_str());
                let conflict = revise(&stored.record, stored.buyer.as_deref(), &o.order, buyer) == Revision::Conflict;
                match (target.as_ref().is_some_and(|t| t.id == shop.id), conflict) {
                    (true, true) => preview.conflicts += 1,
                    (true, false) => preview.known += 1,
                    (false, false) => same += 1,
                    (false, true) => {}
                }
            }
            if same > 0 {
                preview.elsewhere.push(ShopMatch { shop_id: shop.id, name: shop.name, orders: same });
            }
        }
        Ok(preview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use laoke_core::import::{ColumnMapping, ImportFormat, MappedField};

    #[test]
    fn a_long_file_previews_its_first_orders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let mut text = String::from("Invoice,Date,Price\n");
        for i in 0..5_000 {
            text.push_str(&format!("A{i},2026-01-02 10:00,9.90\n"));
        }
        std::fs::write(&path, text).unwrap();
        let mut mapping = ColumnMapping { columns: Default::default(), date_format: None };
        for (f, h) in
            [(MappedField::OrderId, "Invoice"), (MappedField::CreatedAt, "Date"), (MappedField::Amount, "Price")]
        {
            mapping.columns.insert(f, h.into());
        }
        let store = Store::open_in_memory().unwrap();
        let p =
            store.import_preview(&path, &ImportOptions { mapping: Some(mapping), ..Default::default() }, None).unwrap();
        assert_eq!(p.orders.len(), PREVIEW_ROWS);
        assert_eq!(p.orders[0].order_no, "A0");
        assert_eq!(p.orders[PREVIEW_ROWS - 1].order_no, format!("A{}", PREVIEW_ROWS - 1));
    }

    #[test]
    fn preview_then_preset_then_history() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sales.csv");
        std::fs::write(&path, "Invoice,Date,Price,Client\nA1,2026-01-02 10:00,9.90,c1\nA2,2026-01-03 11:00,5,\n")
            .unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let p = store.import_preview(&path, &ImportOptions::default(), None).unwrap();
        assert_eq!(p.format, None, "unknown header: the user maps it");
        assert_eq!(p.headers, ["Invoice", "Date", "Price", "Client"]);
        assert_eq!(p.sample.len(), 2);

        let mut mapping = ColumnMapping { columns: Default::default(), date_format: None };
        for (f, h) in [
            (MappedField::OrderId, "Invoice"),
            (MappedField::CreatedAt, "Date"),
            (MappedField::Amount, "Price"),
            (MappedField::BuyerId, "Client"),
        ] {
            mapping.columns.insert(f, h.into());
        }
        store.save_mapping("my shop", &p.headers, &mapping, chrono::DateTime::UNIX_EPOCH).unwrap();
        let p = store.import_preview(&path, &ImportOptions::default(), None).unwrap();
        assert_eq!((p.format, p.preset.as_deref()), (Some(ImportFormat::Generic), Some("my shop")));
        assert_eq!(p.orders.len(), 2);
        assert_eq!(p.orders[0].buyer_id.as_deref(), Some("c1"));
        assert!(p.orders[0].purchase);
        assert_eq!(store.info().unwrap().counts.orders, 0, "a preview saves nothing");

        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let opts = ImportOptions { mapping: Some(mapping), ..Default::default() };
        store.import_file(&path, &opts, &Default::default(), now, |_| true).unwrap();
        let history = store.import_history(10).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!((history[0].status.as_str(), history[0].format.as_deref()), ("done", Some("generic")));
        assert_eq!(history[0].report.as_ref().map(|r| r.orders_new), Some(2));
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/import").join(name)
    }

    #[test]
    fn the_preview_says_where_the_orders_go_and_how_they_compare_with_the_shops() {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let opts = ImportOptions::default();
        let preview = |store: &Store, file: &str, shop: Option<&str>| {
            store.import_preview(&fixture(file), &opts, shop).unwrap().shop.unwrap()
        };
        // Nothing yet: a new shop with Shopify's default name.
        let p = preview(&store, "shopify_store_north.csv", None);
        assert_eq!((p.name.as_deref(), p.new, p.known, p.conflicts), (Some("Shopify store"), true, 0, 0));
        let into = |shop: &str| crate::ImportFlags { shop: Some(shop.into()), ..Default::default() };
        store.import_file(&fixture("shopify_store_north.csv"), &opts, &into("North"), now, |_| true).unwrap();
        // South's numbers in North: other orders, so probably another shop's file.
        let p = preview(&store, "shopify_store_south.csv", None);
        assert_eq!((p.name.as_deref(), p.shop_id.is_some(), p.known, p.conflicts), (Some("North"), true, 0, 4));
        store.import_file(&fixture("shopify_store_south.csv"), &opts, &into("South"), now, |_| true).unwrap();
        // Two Shopify shops and no shop column: the one chosen last, with North's orders found in North.
        let p = preview(&store, "shopify_store_north.csv", None);
        assert_eq!((p.name.as_deref(), p.remembered, p.known, p.conflicts), (Some("South"), true, 0, 4));
        assert_eq!(p.elsewhere.iter().map(|m| (m.name.as_str(), m.orders)).collect::<Vec<_>>(), [("North", 5)]);
        let p = preview(&store, "shopify_store_north.csv", Some("North"));
        assert_eq!((p.remembered, p.known, p.conflicts, p.elsewhere.len()), (false, 5, 0, 0));
        let p = preview(&store, "shopify_store_north.csv", Some("Pop-up"));
        assert_eq!((p.name.as_deref(), p.new, p.known), (Some("Pop-up"), true, 0));
        // Nothing remembered and several shops: the seller must choose.
        store.conn.execute("DELETE FROM settings WHERE key = 'import.last_shop'", []).unwrap();
        let p = preview(&store, "shopify_store_north.csv", None);
        assert_eq!((p.name, p.choices), (None, vec!["North".to_owned(), "South".to_owned()]));
        // A Taobao export names its shop, which then names the platform's only shop if Laoke named that one.
        let p = store.import_preview(&fixture("taobao_overlap_1.csv"), &opts, None).unwrap();
        assert_eq!(p.file_shop.as_deref(), Some("小鱼手作铺"));
        let shop = p.shop.unwrap();
        assert_eq!((shop.name.as_deref(), shop.new, shop.renames), (Some("小鱼手作铺"), true, None));
        crate::shops::ensure(&store.conn, laoke_core::Platform::Taobao, "淘宝店", "t").unwrap();
        store.conn.execute("UPDATE shops SET named = 0 WHERE name = '淘宝店'", []).unwrap();
        let shop = store.import_preview(&fixture("taobao_overlap_1.csv"), &opts, None).unwrap().shop.unwrap();
        assert_eq!(
            (shop.name.as_deref(), shop.new, shop.renames.as_deref()),
            (Some("小鱼手作铺"), false, Some("淘宝店"))
        );
        assert_eq!(store.info().unwrap().counts.orders, 9, "a preview saves nothing");
    }
}
