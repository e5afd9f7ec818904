//! Importing an export file into the archive: one transaction per file, so a
//! file that fails, is cancelled, or was only a dry run leaves the archive
//! exactly as it was. Orders are matched by platform and order number: a
//! re-import changes nothing, and a later overlapping export updates the orders
//! whose status or amounts changed. Customer totals are refolded at the end for
//! the customers the file touched.

use crate::import_batches::{self, BatchSource};
use crate::orders::{OrderOrigin, OrderText};
use crate::{bulk, customers, order_items, orders, pending_items, shops, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::archive::{BuyerIdentity, CustomerRecord, CustomerTotals};
use laoke_core::dto::{FileReport, ImportProgress};
use laoke_core::import::{Event, ImportError, ImportFile, ImportOptions, ImportedOrder, OrderLines, Rejection};
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
    /// The caller is the only user of the archive (the `laoke` command, not the
    /// app, whose screens read while an import writes). A bulk load may then use
    /// SQLite's rollback journal instead of the WAL: new pages are written once
    /// into the file instead of into the WAL and again at the checkpoint.
    pub exclusive: bool,
}

/// The storefront imported orders are filed under when the export names none:
/// "the seller's shop on that platform".
const IMPORT_SHOP_NAME: &str = "";
/// Files above this size (when they would at least double the archive's orders)
/// import with their indexes deferred.
const BULK_BYTES: u64 = 16 << 20;
/// The page cache during an import, in KiB: 96 MiB was a second faster on a
/// million orders but brought the peak memory near 300 MB.
const IMPORT_CACHE_KIB: u32 = 80 * 1024;
/// Events handed from the reading thread to the writing one at a time.
const EVENT_BATCH: usize = 512;
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

/// An event from the file, with an order's stored text already worked out by
/// the reading thread so that the writing one only binds it.
enum Prepared {
    Order(Box<ImportedOrder>, OrderText),
    Lines(OrderLines),
    Rejected(Rejection),
}

impl Prepared {
    fn of(event: Event) -> Prepared {
        match event {
            Event::Order(o) => {
                let text = OrderText::of(&o.order);
                Prepared::Order(o, text)
            }
            Event::Lines(l) => Prepared::Lines(l),
            Event::Rejected(r) => Prepared::Rejected(r),
        }
    }
}

/// Profile fields an import can fill, as bits, so each customer's row is
/// updated only when a file brings a field the archive may not have yet.
const NAME: u8 = 1;
const PHONE: u8 = 2;
const EMAIL: u8 = 4;
const PROVINCE: u8 = 8;
const CITY: u8 = 16;
const ADDRESS: u8 = 32;

fn present(p: &CustomerRecord) -> u8 {
    [
        (NAME, &p.name),
        (PHONE, &p.phone),
        (EMAIL, &p.email),
        (PROVINCE, &p.province),
        (CITY, &p.city),
        (ADDRESS, &p.address),
    ]
    .iter()
    .filter(|(_, v)| v.is_some())
    .fold(0, |bits, (bit, _)| bits | bit)
}

/// Whether an order's customer was created by this import.
#[derive(Debug, Clone, Copy)]
enum Fresh {
    /// Existing before the import: its totals are refolded from the archive.
    No,
    /// Created just now, by this order, with this order's totals.
    Created,
    /// Created earlier in this import; its totals are at this place in `fresh_totals`.
    Known(usize),
}

impl Fresh {
    fn of(at: Option<usize>) -> Fresh {
        at.map_or(Fresh::No, Fresh::Known)
    }
}

/// What this import knows about a customer it has met.
struct Known {
    id: i64,
    /// Profile fields known to be filled in the archive.
    filled: u8,
    /// Created by this import: the place of its totals in `Writer::fresh_totals`
    /// (folded in memory, not re-read).
    fresh: Option<usize>,
}

struct Writer<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    batch_id: i64,
    shop_id: i64,
    stamp: String,
    /// Existing customers whose totals must be refolded from the archive.
    touched: HashSet<i64>,
    /// Totals of the customers this import created, in the order (and so the id
    /// order) they were created.
    fresh_totals: Vec<(i64, CustomerTotals)>,
    known: HashMap<BuyerIdentity, Known>,
    /// Whether an item report left lines waiting (checked once per file).
    pending: bool,
}

impl Writer<'_> {
    fn customer(&mut self, o: &ImportedOrder, report: &mut FileReport) -> Result<Option<(i64, Fresh)>> {
        let Some(identity) = &o.identity else {
            report.no_identity += 1;
            return Ok(None);
        };
        let incoming = present(&o.profile);
        if let Some(k) = self.known.get_mut(identity) {
            if incoming & !k.filled != 0 {
                customers::fill_profile(self.tx, k.id, &o.profile, &self.stamp)?;
                k.filled |= incoming;
            }
            return Ok(Some((k.id, Fresh::of(k.fresh))));
        }
        // A new customer is written with the totals of this, their first order.
        let mut first = CustomerTotals::default();
        first.add(o.order.status, o.order.amount_paid, o.order.refund, o.order.created_at);
        let known = match customers::insert_new(self.tx, self.shop_id, identity, &o.profile, &first, &self.stamp)? {
            Some(id) => {
                report.customers_new += 1;
                self.fresh_totals.push((id, first));
                let known = Known { id, filled: incoming, fresh: Some(self.fresh_totals.len() - 1) };
                self.known.insert(identity.clone(), known);
                return Ok(Some((id, Fresh::Created)));
            }
            None => {
                let id = customers::find_id(self.tx, identity)?.ok_or(StoreError::Corrupt {
                    table: "customers",
                    column: "buyer_id",
                    value: identity.buyer_id.clone(),
                })?;
                customers::fill_profile(self.tx, id, &o.profile, &self.stamp)?;
                Known { id, filled: incoming, fresh: None }
            }
        };
        let result = (known.id, Fresh::of(known.fresh));
        self.known.insert(identity.clone(), known);
        Ok(Some(result))
    }

    fn order(
        &mut self,
        mut o: ImportedOrder,
        text: &OrderText,
        platform: laoke_core::Platform,
        report: &mut FileReport,
    ) -> Result<()> {
        let customer = self.customer(&o, report)?;
        let customer_id = customer.map(|(id, _)| id);
        let origin = OrderOrigin { platform, shop_id: self.shop_id, customer_id, batch_id: self.batch_id };
        report.items += o.order.items.len() as u32;
        // Lines an item report left for this order replace the order report's title line.
        if self.pending {
            if let Some(lines) = pending_items::take(self.tx, platform, &o.order.order_no)? {
                o.order.items = lines;
            }
        }
        if let Some(id) = orders::insert_new(self.tx, &origin, &o.order, text, &self.stamp)? {
            order_items::insert_all(self.tx, id, &o.order.items)?;
            report.orders_new += 1;
        } else {
            let stored = orders::find(self.tx, platform, &o.order.order_no)?.ok_or(StoreError::Corrupt {
                table: "orders",
                column: "order_no",
                value: o.order.order_no.clone(),
            })?;
            let stored_items = order_items::load(self.tx, stored.id)?;
            // A report that only names the items (no prices) never replaces the
            // priced lines an item report gave.
            let names_only = o.order.items.iter().all(|i| i.unit_price.is_none());
            let keep_priced = names_only && stored_items.iter().any(|i| i.unit_price.is_some());
            let items_differ = !o.order.items.is_empty() && !keep_priced && stored_items != o.order.items;
            if !stored.differs(customer_id, &o.order, text) && !items_differ {
                report.orders_unchanged += 1;
                if let Some((_, Fresh::Known(at))) = customer {
                    self.fold(at, &o);
                }
                return Ok(());
            }
            orders::update(self.tx, stored.id, &origin, &o.order, text, &self.stamp)?;
            if items_differ {
                order_items::replace(self.tx, stored.id, &o.order.items)?;
            }
            if let Some(old) = stored.customer_id.filter(|old| Some(*old) != customer_id) {
                self.touched.insert(old);
            }
            report.orders_updated += 1;
        }
        match customer {
            Some((_, Fresh::Known(at))) => self.fold(at, &o),
            Some((id, Fresh::No)) => {
                self.touched.insert(id);
            }
            // Created with this order's totals already.
            Some((_, Fresh::Created)) | None => {}
        }
        Ok(())
    }

    /// Adds an order to the totals of a customer this import created.
    fn fold(&mut self, at: usize, o: &ImportedOrder) {
        let t = &mut self.fresh_totals[at].1;
        t.add(o.order.status, o.order.amount_paid, o.order.refund, o.order.created_at);
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

    /// Writes every customer total this import changed.
    fn finish(self) -> Result<()> {
        // Customers created with their first order's totals and no other order are
        // already right; the rest in id order (the order they were created in), so
        // the writes walk the table once.
        for (id, totals) in self.fresh_totals.iter().filter(|(_, t)| t.orders > 1) {
            customers::write_totals(self.tx, *id, totals, &self.stamp)?;
        }
        let fresh: HashSet<i64> = self.fresh_totals.iter().map(|(id, _)| *id).collect();
        let existing: HashSet<i64> = self.touched.into_iter().filter(|id| !fresh.contains(id)).collect();
        customers::refresh_totals(self.tx, &existing, &self.stamp)
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
        let source = ImportFile::open(Box::new(content), &name, opts, self.timezone()?)?;
        let stamp = to_stored(now);
        // A bigger page cache while a file streams in: index lookups stay in memory.
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))?;
        let result = self.import_stream(source, &name, total, read, flags, &stamp, &mut progress);
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{}", crate::db::CACHE_KIB))?;
        result
    }

    #[allow(clippy::too_many_arguments)]
    fn import_stream(
        &mut self,
        source: ImportFile,
        name: &str,
        total: u64,
        read: Arc<AtomicU64>,
        flags: ImportFlags,
        stamp: &str,
        progress: &mut impl FnMut(&ImportProgress) -> bool,
    ) -> Result<FileReport> {
        let name = name.to_owned();
        let stamp = stamp.to_owned();
        // A file that is large next to the archive is a bulk load (see `bulk`).
        let orders_now: i64 = self.conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
        let is_bulk = total > BULK_BYTES && total / 300 > orders_now as u64;
        if is_bulk {
            self.conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA temp_store = FILE")?;
        }
        let rollback_journal = is_bulk && flags.exclusive && self.rollback_journal();
        let result = self.import_tx(source, name, total, read, flags, stamp, progress, is_bulk);
        if is_bulk {
            self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY")?;
        }
        if rollback_journal {
            self.wal_again();
        }
        result
    }

    /// Switches to the rollback journal (with full syncs, as safe as the WAL);
    /// false when SQLite refuses because another connection has the archive open.
    fn rollback_journal(&self) -> bool {
        let mode = self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0));
        mode.is_ok_and(|m| m.eq_ignore_ascii_case("delete"))
            && self.conn.execute_batch("PRAGMA synchronous = FULL").is_ok()
    }

    /// Back to the WAL after a bulk load. Should that fail, the next connection's
    /// open sets it again, so the import's result stands.
    fn wal_again(&self) {
        let back = self
            .conn
            .execute_batch("PRAGMA synchronous = NORMAL")
            .and_then(|_| self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)));
        if let Err(e) = back {
            tracing::warn!("could not return to the WAL after a bulk load: {e}");
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn import_tx(
        &mut self,
        mut source: ImportFile,
        name: String,
        total: u64,
        read: Arc<AtomicU64>,
        flags: ImportFlags,
        stamp: String,
        progress: &mut impl FnMut(&ImportProgress) -> bool,
        is_bulk: bool,
    ) -> Result<FileReport> {
        let platform = source.format.platform();
        let tx = self.conn.transaction()?;
        let deferred = if is_bulk { Some(bulk::defer(&tx)?) } else { None };
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
        let pending = pending_items::any(&tx, platform)?;
        let mut w = Writer {
            tx: &tx,
            batch_id,
            shop_id,
            stamp: stamp.clone(),
            touched: HashSet::new(),
            fresh_totals: Vec::new(),
            known: HashMap::new(),
            pending,
        };
        // The file is read, decoded and assembled on a second thread while this one
        // writes: each takes about half of the work.
        let rows = Arc::new(AtomicU64::new(0));
        let reader_rows = rows.clone();
        std::thread::scope(|scope| -> Result<()> {
            let (send, receive) = std::sync::mpsc::sync_channel::<Result<Vec<Prepared>, ImportError>>(8);
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(EVENT_BATCH);
                while let Some(event) = source.next_event() {
                    match event {
                        Ok(e) => batch.push(Prepared::of(e)),
                        Err(e) => {
                            let _ = send.send(Err(e));
                            return;
                        }
                    }
                    if batch.len() == EVENT_BATCH {
                        reader_rows.store(source.rows, Ordering::Relaxed);
                        if send.send(Ok(std::mem::replace(&mut batch, Vec::with_capacity(EVENT_BATCH)))).is_err() {
                            return; // the writer stopped: cancelled or failed
                        }
                    }
                }
                reader_rows.store(source.rows, Ordering::Relaxed);
                let _ = send.send(Ok(batch));
            });
            let mut since_progress = 0u32;
            for batch in receive {
                for prepared in batch? {
                    match prepared {
                        Prepared::Order(o, text) => w.order(*o, &text, platform, &mut report)?,
                        Prepared::Lines(l) => w.lines(l, platform, &mut report)?,
                        Prepared::Rejected(r) => report.rejected.push(r),
                    }
                    since_progress += 1;
                    if since_progress >= PROGRESS_EVERY {
                        since_progress = 0;
                        let p = ImportProgress {
                            file: name.clone(),
                            bytes_done: read.load(Ordering::Relaxed),
                            bytes_total: total,
                            rows: rows.load(Ordering::Relaxed),
                        };
                        if !progress(&p) {
                            return Err(StoreError::Cancelled);
                        }
                    }
                }
            }
            Ok(())
        })?;
        report.rows = rows.load(Ordering::Relaxed);
        if flags.strict && !report.rejected.is_empty() {
            return Err(ImportError::Strict { file: name, rejected: report.rejected.len() }.into());
        }
        w.finish()?;
        if let Some(d) = deferred {
            bulk::restore(&tx, d)?;
        }
        import_batches::finish(&tx, batch_id, &serde_json::to_value(&report).unwrap_or_default(), &stamp)?;
        progress(&ImportProgress { file: name, bytes_done: total, bytes_total: total, rows: report.rows });
        crate::settings::bump_generation(&tx)?;
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
