//! Importing an export file into the archive: one transaction per file, so a
//! file that fails, is cancelled, or was only a dry run leaves the archive
//! exactly as it was. Orders are matched by platform and order number: a
//! re-import changes nothing, and a later overlapping export updates the orders
//! whose status or amounts changed. Customer totals are refolded at the end for
//! the customers the file touched.

use crate::import_batches::{self, BatchSource};
use crate::orders::OrderOrigin;
use crate::{customers, order_items, orders, pending_items, shops, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::dto::{FileReport, ImportProgress};
use laoke_core::import::{Event, ImportError, ImportFile, ImportOptions, ImportedOrder, OrderLines};
use laoke_core::time::to_stored;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// What the caller asks besides the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportFlags {
    /// Reject the whole file if any row is rejected.
    pub strict: bool,
    /// Do everything, report, and change nothing.
    pub dry_run: bool,
}

/// The storefront imported orders are filed under when the export names none:
/// "the seller's shop on that platform".
const IMPORT_SHOP_NAME: &str = "";
/// How often (in orders) progress is reported and cancellation checked.
const PROGRESS_EVERY: u32 = 2_000;

/// Counts the bytes read, for progress.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

struct Writer<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    batch_id: i64,
    shop_id: i64,
    stamp: String,
    touched: HashSet<i64>,
    known: HashMap<laoke_core::archive::BuyerIdentity, i64>,
}

impl Writer<'_> {
    fn customer(&mut self, o: &ImportedOrder, report: &mut FileReport) -> Result<Option<i64>> {
        let Some(identity) = &o.identity else {
            report.no_identity += 1;
            return Ok(None);
        };
        if let Some(&id) = self.known.get(identity) {
            customers::fill_profile(self.tx, id, &o.profile, &self.stamp)?;
            return Ok(Some(id));
        }
        let id = match customers::find_id(self.tx, identity)? {
            Some(id) => {
                customers::fill_profile(self.tx, id, &o.profile, &self.stamp)?;
                id
            }
            None => {
                report.customers_new += 1;
                let totals = laoke_core::archive::CustomerTotals::default();
                customers::insert(self.tx, self.shop_id, identity, &o.profile, &totals, &self.stamp)?
            }
        };
        self.known.insert(identity.clone(), id);
        Ok(Some(id))
    }

    fn order(&mut self, mut o: ImportedOrder, platform: laoke_core::Platform, report: &mut FileReport) -> Result<()> {
        let customer_id = self.customer(&o, report)?;
        let origin = OrderOrigin { platform, shop_id: self.shop_id, customer_id, batch_id: self.batch_id };
        report.items += o.order.items.len() as u32;
        // Lines an item report left for this order replace the order report's title line.
        if let Some(lines) = pending_items::take(self.tx, platform, &o.order.order_no)? {
            o.order.items = lines;
        }
        match orders::find(self.tx, platform, &o.order.order_no)? {
            None => {
                let id = orders::insert(self.tx, &origin, &o.order, &self.stamp)?;
                order_items::insert_all(self.tx, id, &o.order.items)?;
                report.orders_new += 1;
            }
            Some(stored) => {
                let stored_items = order_items::load(self.tx, stored.id)?;
                // A report that only names the items (no prices) never replaces the
                // priced lines an item report gave.
                let names_only = o.order.items.iter().all(|i| i.unit_price.is_none());
                let keep_priced = names_only && stored_items.iter().any(|i| i.unit_price.is_some());
                let items_differ = !o.order.items.is_empty() && !keep_priced && stored_items != o.order.items;
                if !stored.differs(customer_id, &o.order) && !items_differ {
                    report.orders_unchanged += 1;
                    return Ok(());
                }
                orders::update(self.tx, stored.id, &origin, &o.order, &self.stamp)?;
                if items_differ {
                    order_items::replace(self.tx, stored.id, &o.order.items)?;
                }
                if let Some(old) = stored.customer_id.filter(|old| Some(*old) != customer_id) {
                    self.touched.insert(old);
                }
                report.orders_updated += 1;
            }
        }
        if let Some(id) = customer_id {
            self.touched.insert(id);
        }
        Ok(())
    }

    /// Lines from an item report: onto their order, or waiting for it.
    fn lines(&mut self, l: OrderLines, platform: laoke_core::Platform, report: &mut FileReport) -> Result<()> {
        report.items += l.items.len() as u32;
        match orders::find(self.tx, platform, &l.order_no)? {
            None => pending_items::put(self.tx, platform, &l.order_no, &l.items, self.batch_id)?,
            Some(stored) if order_items::load(self.tx, stored.id)? == l.items => report.orders_unchanged += 1,
            Some(stored) => {
                order_items::replace(self.tx, stored.id, &l.items)?;
                report.orders_updated += 1;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Imports one file. `progress` is called every few thousand orders and may
    /// return `false` to cancel, which leaves the archive unchanged.
    pub fn import_file(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        flags: ImportFlags,
        now: DateTime<Utc>,
        mut progress: impl FnMut(&ImportProgress) -> bool,
    ) -> Result<FileReport> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| StoreError::File { path: path.to_path_buf(), source })?;
        let total = file.metadata().map(|m| m.len()).unwrap_or(0);
        let read = Arc::new(AtomicU64::new(0));
        let content = Counted { inner: std::io::BufReader::with_capacity(1 << 16, file), read: read.clone() };
        let mut source = ImportFile::open(Box::new(content), &name, opts, self.timezone()?)?;
        let platform = source.format.platform();
        let stamp = to_stored(now);
        let tx = self.conn.transaction()?;
        let batch_id = import_batches::start(&tx, BatchSource::File, &stamp)?;
        import_batches::describe(&tx, batch_id, &name, source.format.as_str(), source.encoding.as_str())?;
        let shop_id = shops::ensure(&tx, platform, IMPORT_SHOP_NAME, &stamp)?;
        let mut report = FileReport {
            file: name.clone(),
            format: source.format,
            encoding: source.encoding,
            rows: 0,
            orders_new: 0,
            orders_updated: 0,
            orders_unchanged: 0,
            items: 0,
            customers_new: 0,
            no_identity: 0,
            rejected: Vec::new(),
            batch_id: (!flags.dry_run).then_some(batch_id),
            dry_run: flags.dry_run,
        };
        let mut w =
            Writer { tx: &tx, batch_id, shop_id, stamp: stamp.clone(), touched: HashSet::new(), known: HashMap::new() };
        let mut since_progress = 0u32;
        while let Some(event) = source.next_event() {
            match event? {
                Event::Rejected(r) => report.rejected.push(r),
                Event::Order(o) => w.order(*o, platform, &mut report)?,
                Event::Lines(l) => w.lines(l, platform, &mut report)?,
            }
            since_progress += 1;
            if since_progress >= PROGRESS_EVERY {
                since_progress = 0;
                let p = ImportProgress {
                    file: name.clone(),
                    bytes_done: read.load(Ordering::Relaxed),
                    bytes_total: total,
                    rows: source.rows,
                };
                if !progress(&p) {
                    return Err(StoreError::Cancelled);
                }
            }
        }
        report.rows = source.rows;
        if flags.strict && !report.rejected.is_empty() {
            return Err(ImportError::Strict { file: name, rejected: report.rejected.len() }.into());
        }
        customers::refresh_totals(&tx, &w.touched, &stamp)?;
        import_batches::finish(&tx, batch_id, &serde_json::to_value(&report).unwrap_or_default(), &stamp)?;
        progress(&ImportProgress { file: name, bytes_done: total, bytes_total: total, rows: report.rows });
        if flags.dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests;
