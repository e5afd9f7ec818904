//! The writing side of an import: each order the file yields goes to its shop
//! (`route`); where that shop held orders before the import, the stored order
//! of its number is read and the export weighed against it
//! (`laoke_core::revision`: another creation time or buyer is a conflict,
//! rejected; an older export is stale, left alone); new orders are stored in
//! batches. The reader hands each order number of a file out once (a number met
//! again after its order closed is a rejected row), so in a shop without orders
//! before the import every order is new. Each order's customer is
//! created on first sight (profile fields filled only where empty) and its
//! totals folded. Item-report lines go onto their order or wait for it. One
//! `Writer` per file, inside the file's transaction.

use super::route::{ShopRoute, Target};
use crate::orders::{OrderOrigin, OrderText, StoredOrder};
use crate::{customers, order_items, orders, pending_items, Result, StoreError};
use laoke_core::archive::{BuyerIdentity, CustomerRecord, CustomerTotals};
use laoke_core::dto::FileReport;
use laoke_core::import::{ImportedOrder, OrderLines, Rejection, RowProblem};
use laoke_core::revision::{revise, Revision};
use laoke_core::time::to_stored;
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
    stamp: String,
    platform: Platform,
    route: ShopRoute,
    /// Customers whose totals must be refolded from the archive at the end:
    /// existing ones the file touched, and new ones whose order was an update.
    touched: HashSet<i64>,
    /// Totals of the customers this import created, in the order (and so the id
    /// order) they were created.
    fresh_totals: Vec<(i64, CustomerTotals)>,
    known: HashMap<BuyerIdentity, Known>,
    /// Orders waiting for the next batch insert, all of one shop.
    queue: Vec<Queued>,
    queue_shop: Option<Target>,
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
        stamp: String,
        platform: Platform,
        route: ShopRoute,
    ) -> Self {
        Writer {
            tx,
            batch_id,
            stamp,
            platform,
            route,
            touched: HashSet::new(),
            fresh_totals: Vec::new(),
            known: HashMap::new(),
            queue: Vec::with_capacity(orders::BATCH),
            queue_shop: None,
            lines: order_items::LineInserts::new(tx),
        }
    }

    /// The shop the seller chose for the file, once an order went there.
    pub(super) fn chosen_shop(&self) -> Option<i64> {
        self.route.chosen()
    }

    fn customer(&mut self, o: &ImportedOrder, shop: Target, report: &mut FileReport) -> Result<Option<(i64, Fresh)>> {
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
        first.add_order(&o.order, shop.count_cod);
        let known = match customers::insert_new(self.tx, shop.id, identity, &o.profile, &first, &self.stamp)? {
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

    /// Takes an order from the file: into its shop, compared with the stored one
    /// where there may be one, else with the next batch (see [`orders::insert_batch`]).
    /// `text` assumes a shop that counts cash on delivery.
    pub(super) fn order(
        &mut self,
        mut o: Box<ImportedOrder>,
        mut text: OrderText,
        report: &mut FileReport,
    ) -> Result<()> {
        let target = self.route.target(self.tx, o.shop.as_deref(), &self.stamp, report)?;
        report.items += o.order.items.len() as u32;
        // A shop that held orders may hold this one (or, where numbers are the
        // platform's, another shop there): weigh it before touching its buyer.
        if target.had_orders {
            if let Some(stored) = orders::find(self.tx, target.id, &o.order.order_no)? {
                return self.stored(o, stored, target, report);
            }
        }
        if let Some((stored, shop)) = self.route.find_elsewhere(self.tx, target, &o.order.order_no, report)? {
            return self.stored(o, stored, shop, report);
        }
        if o.order.cod && !target.count_cod {
            text = OrderText::of(&o.order, false);
        }
        let customer = self.customer(&o, target, report)?;
        // Lines an item report left for this order replace the order report's title line.
        if target.pending {
            if let Some(lines) = pending_items::take(self.tx, target.id, &o.order.order_no)? {
                o.order.items = lines;
            }
        }
        report.cod_counted += u32::from(o.order.counted_as_cod(target.count_cod));
        if self.queue_shop != Some(target) {
            self.flush(report)?;
            self.queue_shop = Some(target);
        }
        self.queue.push(Queued { o, text, customer });
        if self.queue.len() == orders::BATCH {
            self.flush(report)?;
        }
        Ok(())
    }

    /// Stores the queued orders, all new to their shop, in one statement.
    fn flush(&mut self, report: &mut FileReport) -> Result<()> {
        if self.queue.is_empty() {
            return Ok(());
        }
        let queue = std::mem::take(&mut self.queue);
        let Some(shop) = self.queue_shop else { return Ok(()) };
        let origin =
            OrderOrigin { platform: self.platform, shop_id: shop.id, customer_id: None, batch_id: self.batch_id };
        let rows: Vec<orders::BatchRow<'_>> =
            queue.iter().map(|q| (q.customer.map(|(id, _)| id), &q.o.order, &q.text)).collect();
        let ids = orders::insert_batch(self.tx, &origin, &rows, &self.stamp)?;
        drop(rows);
        for (q, id) in queue.into_iter().zip(ids) {
            self.lines.insert(id, &q.o.order.items)?;
            report.orders_new += 1;
            match q.customer {
                Some((_, Fresh::Known(at))) => self.fresh_totals[at].1.add_order(&q.o.order, shop.count_cod),
                Some((id, Fresh::No)) => {
                    self.touched.insert(id);
                }
                // Created with this order's totals already.
                Some((_, Fresh::Created)) | None => {}
            }
        }
        Ok(())
    }

    /// An order whose number the shop holds: the same, newer, older, or another order.
    fn stored(
        &mut self,
        o: Box<ImportedOrder>,
        stored: StoredOrder,
        target: Target,
        report: &mut FileReport,
    ) -> Result<()> {
        let mut buyer = o.identity.as_ref().map(|i| i.buyer_id.as_str());
        // Another identity of the same person (customers the seller merged) is the same buyer.
        if let (Some(identity), Some(person)) = (&o.identity, stored.person) {
            if stored.buyer.as_deref() != buyer && customers::person_of(self.tx, identity)? == Some(person) {
                buyer = stored.buyer.as_deref();
            }
        }
        match revise(&stored.record, stored.buyer.as_deref(), &o.order, buyer) {
            Revision::Conflict => {
                report.conflicts += 1;
                let shop = crate::shops::get(self.tx, target.id)?.map(|s| s.name).unwrap_or_default();
                report.rejected.push(conflict(&o, &stored, shop));
            }
            Revision::Stale => report.orders_stale += 1,
            Revision::Same => {
                // The export may still know more of the buyer.
                self.customer(&o, target, report)?;
                report.orders_unchanged += 1;
                report.cod_counted += u32::from(stored.record.counted_as_cod(target.count_cod));
            }
            Revision::Update(order) => {
                let customer = self.customer(&o, target, report)?;
                // The buyer never changes: the order stays with its customer, and one
                // stored without a buyer gains this export's.
                let customer_id = stored.customer_id.or(customer.map(|(id, _)| id));
                let origin =
                    OrderOrigin { platform: self.platform, shop_id: target.id, customer_id, batch_id: self.batch_id };
                let text = OrderText::of(&order, target.count_cod);
                orders::update(self.tx, stored.id, &origin, &order, &text, &self.stamp)?;
                if order.items != stored.record.items {
                    self.lines.replace(stored.id, &order.items)?;
                }
                report.orders_updated += 1;
                report.cod_counted += u32::from(order.counted_as_cod(target.count_cod));
                // The stored order already counted (perhaps for a customer this import
                // created): refolded from the archive, not added again.
                if let Some(id) = customer_id {
                    self.touched.insert(id);
                }
            }
        }
        Ok(())
    }

    /// Lines from an item report: onto their order, or waiting for it.
    pub(super) fn lines(&mut self, l: OrderLines, report: &mut FileReport) -> Result<()> {
        // Queued orders first: the lines may belong to one of them.
        self.flush(report)?;
        let target = self.route.target(self.tx, None, &self.stamp, report)?;
        report.items += l.items.len() as u32;
        let mut stored = orders::find(self.tx, target.id, &l.order_no)?;
        if stored.is_none() {
            stored = self.route.find_elsewhere(self.tx, target, &l.order_no, report)?.map(|(s, _)| s);
        }
        match stored {
            None => pending_items::put(self.tx, target.id, &l.order_no, &l.items, self.batch_id)?,
            Some(stored) if stored.record.items == l.items => report.orders_unchanged += 1,
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
        // the writes walk the table once. Those an update touched are refolded after.
        for (id, totals) in self.fresh_totals.iter().filter(|(id, t)| t.orders > 1 && !self.touched.contains(id)) {
            customers::write_totals(self.tx, *id, totals, &self.stamp)?;
        }
        customers::refresh_totals(self.tx, &self.touched, &self.stamp)
    }
}

/// The rejection of an export's order that is not the stored order of its number.
fn conflict(o: &ImportedOrder, stored: &StoredOrder, shop: String) -> Rejection {
    let why = RowProblem::OrderConflict {
        order_no: o.order.order_no.clone(),
        shop,
        created_at: to_stored(stored.record.created_at),
        buyer: stored.buyer.clone().unwrap_or_default(),
        file_created_at: to_stored(o.order.created_at),
        file_buyer: o.identity.as_ref().map(|i| i.buyer_id.clone()).unwrap_or_default(),
    };
    Rejection::new(o.row, None, &why)
}
