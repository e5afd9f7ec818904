//! Importing an export file into the archive: one transaction per file, so a
//! file that fails, is cancelled, or was only a dry run leaves the archive
//! exactly as it was. Orders go to a shop (the one chosen, the one the export
//! names, or the platform's only one) and are matched by shop and order number:
//! a re-import changes nothing, a later overlapping export moves the orders
//! forward, an older one leaves them alone, and a row that is another order of
//! the same number (another creation time or buyer) is rejected. A file most of
//! whose known orders conflict so probably belongs to another shop, and is
//! refused whole unless the seller insists. Customer totals are refolded at the
//! end for the customers the file touched.

use crate::import_batches::{self, BatchSource};
use crate::orders::OrderText;
use crate::{bulk, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::dto::{FileReport, ImportProgress};
use laoke_core::import::{Event, ImportError, ImportFile, ImportOptions, ImportedOrder, OrderLines, Rejection};
use laoke_core::time::to_stored;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use writer::Writer;

/// What the caller asks besides the file.
#[derive(Debug, Clone, Default)]
pub struct ImportFlags {
    /// The shop the file's orders go to, by name (created if new); `None`: the
    /// shop the export names, else the platform's only shop.
    pub shop: Option<String>,
    /// Import a file even when most of its known orders conflict with the shop's
    /// (the rows in conflict are still rejected).
    pub allow_conflicts: bool,
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

/// Conflicting orders from which a file whose known orders mostly conflict is
/// taken for another shop's (one or two are more likely typos in a file).
const OTHER_SHOP_CONFLICTS: u32 = 3;
/// Files above this size (when they would at least double the archive's orders)
/// import with their indexes deferred.
const BULK_BYTES: u64 = 16 << 20;
/// The page cache during an import, in KiB: 96 MiB was a second faster on a
/// million orders but brought the peak memory near 300 MB.
const IMPORT_CACHE_KIB: u32 = 80 * 1024;
/// Events handed from the reading thread to the writing one at a time: small
/// enough that the writer starts soon (a UCI order is twenty rows to read), large
/// enough that handing over costs nothing next to the work.
const EVENT_BATCH: usize = 64;
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
    Replaced(Rejection),
}

impl Prepared {
    fn of(event: Event) -> Prepared {
        match event {
            Event::Order(o) => {
                // Most shops count cash on delivery; the writer redoes the text of a
                // COD order for one that does not.
                let text = OrderText::of(&o.order, true);
                Prepared::Order(o, text)
            }
            Event::Lines(l) => Prepared::Lines(l),
            Event::Rejected(r) => Prepared::Rejected(r),
            Event::Replaced(r) => Prepared::Replaced(r),
        }
    }
}

/// A file being imported: its rows, its name, its size and the bytes read so far
/// (for progress), and the import's time as stored.
struct FileStream {
    source: ImportFile,
    name: String,
    total: u64,
    read: Arc<AtomicU64>,
    stamp: String,
}

impl Store {
    /// Imports one file. `progress` is called every few thousand orders and may
    /// return `false` to cancel, which leaves the archive unchanged.
    pub fn import_file(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        flags: &ImportFlags,
        now: DateTime<Utc>,
        mut progress: impl FnMut(&ImportProgress) -> bool,
    ) -> Result<FileReport> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| StoreError::File { path: path.to_path_buf(), source })?;
        let total = file.metadata().map(|m| m.len()).unwrap_or(0);
        let read = Arc::new(AtomicU64::new(0));
        let content = Counted { inner: std::io::BufReader::with_capacity(1 << 16, file), read: read.clone() };
        let source = ImportFile::open(Box::new(content), &name, opts, self.timezone()?)?;
        let stream = FileStream { source, name, total, read, stamp: to_stored(now) };
        // A bigger page cache while a file streams in: index lookups stay in memory.
        // No memory map: an import writes, which goes through the cache, and the
        // pages it maps would only add to its memory.
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}; PRAGMA mmap_size = 0"))?;
        let result = self.import_stream(stream, flags, &mut progress);
        self.conn.execute_batch(&format!(
            "PRAGMA cache_size = -{}; PRAGMA mmap_size = {}",
            crate::db::CACHE_KIB,
            crate::db::MMAP_BYTES
        ))?;
        result
    }

    fn import_stream(
        &mut self,
        stream: FileStream,
        flags: &ImportFlags,
        progress: &mut impl FnMut(&ImportProgress) -> bool,
    ) -> Result<FileReport> {
        // A file that is large next to the archive is a bulk load (see `bulk`).
        let orders_now: i64 = self.conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
        let is_bulk = stream.total > BULK_BYTES && stream.total / 300 > orders_now as u64;
        if is_bulk {
            // SQLCipher does not encrypt temporary files: an encrypted archive sorts in memory.
            let temp = if self.encrypted() { "MEMORY" } else { "FILE" };
            self.conn.execute_batch(&format!("PRAGMA foreign_keys = OFF; PRAGMA temp_store = {temp}"))?;
        }
        let rollback_journal = is_bulk && flags.exclusive && self.rollback_journal();
        let result = self.import_tx(stream, flags, progress, is_bulk);
        // Settings back whatever the import's result; then the result, then any failure of these.
        if rollback_journal {
            self.wal_again();
        }
        let restored = if is_bulk {
            self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY")
        } else {
            Ok(())
        };
        let report = result?;
        restored?;
        Ok(report)
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

    fn import_tx(
        &mut self,
        stream: FileStream,
        flags: &ImportFlags,
        progress: &mut impl FnMut(&ImportProgress) -> bool,
        is_bulk: bool,
    ) -> Result<FileReport> {
        let FileStream { mut source, name, total, read, stamp } = stream;
        let platform = source.format.platform();
        let tx = self.conn.transaction()?;
        let deferred = if is_bulk { Some(bulk::defer(&tx)?) } else { None };
        let batch_id = import_batches::start(&tx, BatchSource::File, &stamp)?;
        import_batches::describe(&tx, batch_id, &name, source.format, source.encoding)?;
        let mut report = FileReport {
            file: name.clone(),
            format: source.format,
            encoding: source.encoding,
            rows: 0,
            orders_new: 0,
            orders_updated: 0,
            orders_unchanged: 0,
            orders_stale: 0,
            conflicts: 0,
            cod_counted: 0,
            shops: Vec::new(),
            items: 0,
            customers_new: 0,
            no_identity: 0,
            rejected: Vec::new(),
            replaced: Vec::new(),
            batch_id: (!flags.dry_run).then_some(batch_id),
            dry_run: flags.dry_run,
        };
        let route = route::ShopRoute::new(platform, flags.shop.clone());
        let mut w = Writer::new(&tx, batch_id, stamp.clone(), platform, route);
        // The file is read, decoded and assembled on a second thread while this one
        // writes: each takes about half of the work.
        let rows = Arc::new(AtomicU64::new(0));
        let reader_rows = rows.clone();
        let reader_read = read.clone();
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
                        // A workbook was read whole before its first row: its progress is
                        // how far through the sheet the rows are, not the bytes read.
                        if let Some(f) = source.fraction() {
                            reader_read.store((total as f64 * f) as u64, Ordering::Relaxed);
                        }
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
                        Prepared::Order(o, text) => w.order(o, text, &mut report)?,
                        Prepared::Lines(l) => w.lines(l, &mut report)?,
                        Prepared::Rejected(r) => report.rejected.push(r),
                        Prepared::Replaced(r) => report.replaced.push(r),
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
        let matched = report.orders_updated + report.orders_unchanged + report.orders_stale + report.conflicts;
        if !flags.allow_conflicts && report.conflicts >= OTHER_SHOP_CONFLICTS && report.conflicts * 2 >= matched {
            return Err(StoreError::OtherShop {
                file: name,
                shop: report.shops.join(", "),
                conflicts: report.conflicts,
                matched,
            });
        }
        if let Some(shop) = w.chosen_shop() {
            crate::settings::remember_import_shop(&tx, platform, shop)?;
        }
        w.finish(&mut report)?;
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

mod route;
#[cfg(test)]
mod tests;
mod writer;
