//! The writing side of an import: each order the file yields is matched to its
//! customer (created on first sight, profile fields filled only when new), stored
//! or compared with the stored one, and folded into the customer's totals; item
//! report lines go onto their order or wait for it. One `Writer` per file, inside
//! the file's transaction.

use crate::orders::{OrderOrigin, OrderText};
use crate::{customers, order_items, orders, pending_items, Result, StoreError};
use laoke_core::archive::{BuyerIdentity, CustomerRecord, CustomerTotals};
use laoke_core::dto::FileReport;
use laoke_core::import::{ImportedOrder, OrderLines};
use laoke_core::Platform;
use std::collections::{HashMap, HashSet};

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

pub(super) struct Writer<'t> {
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
    platform: Platform,
    /// Orders waiting for the next batch insert.
    queue: Vec<Queued>,
    lines: order_items::LineInserts<'t>,
}

/// An order waiting to be stored, with its customer already resolved.
struct Queued {
    o: Box<ImportedOrder>,
    text: OrderText,
    customer: Option<(i64, Fresh)>,
}

impl<'t> Writer<'t> {
    pub(super) fn new(
        tx: &'t rusqlite::Transaction<'t>,
        batch_id: i64,
        shop_id: i64,
        stamp: String,
        pending: bool,
        platform: Platform,
    ) -> Self {
        Writer {
            tx,
            batch_id,
            shop_id,
            stamp,
            touched: HashSet::new(),
            fresh_totals: Vec::new(),
            known: HashMap::new(),
            pending,
            platform,
            queue: Vec::with_capacity(orders::BATCH),
            lines: order_items::LineInserts::new(tx),
        }
    }

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

    /// Takes an order from the file: its customer now, the order itself with the
    /// next batch (see [`orders::insert_batch`]).
    pub(super) fn order(&mut self, mut o: Box<ImportedOrder>, text: OrderText, report: &mut FileReport) -> Result<()> {
        let customer = self.customer(&o, report)?;
        report.items += o.order.items.len() as u32;
        // Lines an item report left for this order replace the order report's title line.
        if self.pending {
            if let Some(lines) = pending_items::take(self.tx, self.platform, &o.order.order_no)? {
                o.order.items = lines;
            }
        }
        self.queue.push(Queued { o, text, customer });
        if self.queue.len() == orders::BATCH {
            self.flush(report)?;
        }
        Ok(())
    }

    /// Stores the queued orders: new ones in one statement, the others one by one
    /// against what is stored.
    fn flush(&mut self, report: &mut FileReport) -> Result<()> {
        if self.queue.is_empty() {
            return Ok(());
        }
        let queue = std::mem::take(&mut self.queue);
        let rows: Vec<orders::BatchRow<'_>> =
            queue.iter().map(|q| (q.customer.map(|(id, _)| id), &q.o.order, &q.text)).collect();
        let ids = orders::insert_batch(self.tx, self.platform, self.shop_id, self.batch_id, &rows, &self.stamp)?;
        drop(rows);
        for (q, id) in queue.into_iter().zip(ids) {
            match id {
                Some(id) => {
                    self.lines.insert(id, &q.o.order.items)?;
                    report.orders_new += 1;
                    self.settle(q.customer, &q.o);
                }
                None => self.stored(q, report)?,
            }
        }
        Ok(())
    }

    /// An order whose number is already stored: unchanged, or updated.
    fn stored(&mut self, q: Queued, report: &mut FileReport) -> Result<()> {
        let Queued { o, text, customer } = q;
        let customer_id = customer.map(|(id, _)| id);
        let origin =
            OrderOrigin { platform: self.platform, shop_id: self.shop_id, customer_id, batch_id: self.batch_id };
        let stored = orders::find(self.tx, self.platform, &o.order.order_no)?.ok_or(StoreError::Corrupt {
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
        if !stored.differs(customer_id, &o.order, &text) && !items_differ {
            report.orders_unchanged += 1;
            if let Some((_, Fresh::Known(at))) = customer {
                self.fold(at, &o);
            }
            return Ok(());
        }
        orders::update(self.tx, stored.id, &origin, &o.order, &text, &self.stamp)?;
        if items_differ {
            self.lines.replace(stored.id, &o.order.items)?;
        }
        if let Some(old) = stored.customer_id.filter(|old| Some(*old) != customer_id) {
            self.touched.insert(old);
        }
        report.orders_updated += 1;
        self.settle(customer, &o);
        Ok(())
    }

    /// After an order was stored (new or updated): its customer's totals.
    fn settle(&mut self, customer: Option<(i64, Fresh)>, o: &ImportedOrder) {
        match customer {
            Some((_, Fresh::Known(at))) => self.fold(at, o),
            Some((id, Fresh::No)) => {
                self.touched.insert(id);
            }
            // Created with this order's totals already.
            Some((_, Fresh::Created)) | None => {}
        }
    }

    /// Adds an order to the totals of a customer this import created.
    fn fold(&mut self, at: usize, o: &ImportedOrder) {
        let t = &mut self.fresh_totals[at].1;
        t.add(o.order.status, o.order.amount_paid, o.order.refund, o.order.created_at);
    }

    /// Lines from an item report: onto their order, or waiting for it.
    pub(super) fn lines(&mut self, l: OrderLines, report: &mut FileReport) -> Result<()> {
        // Queued orders first: the lines may belong to one of them.
        self.flush(report)?;
        let platform = self.platform;
        report.items += l.items.len() as u32;
        match orders::find(self.tx, platform, &l.order_no)? {
            None => pending_items::put(self.tx, platform, &l.order_no, &l.items, self.batch_id)?,
            Some(stored) if order_items::load(self.tx, stored.id)? == l.items => report.orders_unchanged += 1,
            Some(stored) => {
                self.lines.replace(stored.id, &l.items)?;
                report.orders_updated += 1;
            }
        }
        Ok(())
    }

    /// Writes every customer total this import changed.
    pub(super) fn finish(mut self, report: &mut FileReport) -> Result<()> {
        self.flush(report)?;
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
