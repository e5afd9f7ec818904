//! Two exports of one order, taken at different times: what another export may
//! change about an order the archive already holds.
//!
//! An order's number, creation time and buyer never change: an export that says
//! otherwise describes another order (usually one of another shop whose numbers
//! restart, as every Shopify store's do at `#1001`), a conflict that is never
//! written. Creation times up to [`SAME_MOMENT`] apart are two readings of one
//! moment, not two orders: the archive's time zone changed between two imports
//! (exports without a zone are read in it), an export gave only the date or no
//! time (Pinduoduo's order-number date at midnight), a spreadsheet dropped the
//! seconds. The later reading, the more precise one in all but the first case,
//! is kept, whichever file came first. The rest only moves forward, so that the
//! exports of one shop imported in any order give the same archive:
//!
//! - the status by [`OrderStatus::progress`] (unpaid → paid → shipped → completed;
//!   anything → closed or refunded), and at the same status a confirmed payment
//!   after an unconfirmed cash-on-delivery one;
//! - refunds only grow;
//! - priced lines (an item report's) are kept over lines that only name the items.
//!
//! The export that is at least as far along (status, then payment, then refund)
//! gives the amounts, times and lines; an export behind the archive changes
//! nothing but a larger refund or a payment time the archive lacks (a *stale*
//! export: the seller re-imported last month's file). Two exports at the same
//! status that disagree on an amount cannot be told apart by age: the one
//! imported last wins, as it did before.

use crate::archive::OrderRecord;
use std::cmp::Ordering;

/// How far apart two creation times of one order may be read: the widest gap
/// between two time zones (UTC−12 to UTC+14).
pub const SAME_MOMENT: chrono::TimeDelta = chrono::TimeDelta::hours(26);

/// What to do with an export's order, given the stored one.
#[derive(Debug, Clone, PartialEq)]
pub enum Revision {
    /// The export says what the archive holds.
    Same,
    /// The export is older than the archive and says nothing newer: left alone.
    Stale,
    /// The order as it is to be stored now.
    Update(OrderRecord),
    /// Another creation time or another buyer: not this order.
    Conflict,
}

/// How far an export of an order has got: its status, then whether its payment
/// is confirmed, then how much of it was refunded.
fn age(o: &OrderRecord) -> (u8, bool, rust_decimal::Decimal) {
    (o.status.progress(), !o.cod, o.refund)
}

/// Compares an export's order with the stored one. `stored_buyer` and `buyer` are
/// the buyer identities (`None`: the export had no usable one, which is no
/// conflict: a masked export of a known buyer's order is still theirs). The stored
/// order must come with its lines.
pub fn revise(
    stored: &OrderRecord,
    stored_buyer: Option<&str>,
    incoming: &OrderRecord,
    buyer: Option<&str>,
) -> Revision {
    let other_buyer = matches!((stored_buyer, buyer), (Some(a), Some(b)) if a != b);
    if (stored.created_at - incoming.created_at).abs() > SAME_MOMENT || other_buyer {
        return Revision::Conflict;
    }
    let behind = age(incoming).cmp(&age(stored)) == Ordering::Less;
    let mut merged = if behind { stored.clone() } else { incoming.clone() };
    merged.items =
        if keeps_stored_lines(stored, incoming, behind) { stored.items.clone() } else { incoming.items.clone() };
    merged.created_at = stored.created_at.max(incoming.created_at);
    // Once known, the payment time stays known, whichever export said it.
    merged.paid_at = merged.paid_at.or(stored.paid_at).or(incoming.paid_at);
    merged.refund = stored.refund.max(incoming.refund);
    // A coupon used is a fact of the order: an export that does not name it (an
    // item report, a format without the column) does not take it away.
    merged.coupon_code =
        merged.coupon_code.take().or_else(|| stored.coupon_code.clone()).or_else(|| incoming.coupon_code.clone());
    merged.discount = merged.discount.or(stored.discount).or(incoming.discount);
    let gains_buyer = stored_buyer.is_none() && buyer.is_some();
    if merged != *stored || gains_buyer {
        Revision::Update(merged)
    } else if behind {
        Revision::Stale
    } else {
        Revision::Same
    }
}

/// Whose lines the order keeps: the ones there are; priced lines (an item
/// report's) over lines that only name the items (a Taobao order report's); else
/// the lines of the export that is further along.
fn keeps_stored_lines(stored: &OrderRecord, incoming: &OrderRecord, behind: bool) -> bool {
    let priced = |o: &OrderRecord| o.items.iter().any(|i| i.unit_price.is_some());
    if incoming.items.is_empty() || stored.items.is_empty() {
        return incoming.items.is_empty();
    }
    match (priced(stored), priced(incoming)) {
        (true, false) => true,
        (false, true) => false,
        _ => behind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::ItemRecord;
    use crate::OrderStatus::{self, *};
    use chrono::{TimeZone, Utc};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn order(status: OrderStatus, refund: Decimal) -> OrderRecord {
        OrderRecord {
            order_no: "#1113".into(),
            status,
            created_at: Utc.with_ymd_and_hms(2025, 5, 11, 13, 55, 16).unwrap(),
            paid_at: None,
            amount_paid: dec!(120.00),
            refund,
            cod: false,
            coupon_code: None,
            discount: None,
            items: vec![ItemRecord {
                title: "Tea".into(),
                sku: None,
                category: None,
                quantity: 1,
                unit_price: Some(dec!(120.00)),
            }],
        }
    }

    #[test]
    fn another_time_or_buyer_is_another_order() {
        let stored = order(Paid, dec!(0));
        let at = |delta: chrono::TimeDelta| OrderRecord { created_at: stored.created_at + delta, ..stored.clone() };
        let two_days_on = at(chrono::TimeDelta::days(2));
        assert_eq!(revise(&stored, Some("a@example.com"), &two_days_on, Some("a@example.com")), Revision::Conflict);
        let beyond = at(-SAME_MOMENT - chrono::TimeDelta::seconds(1));
        assert_eq!(revise(&stored, Some("a@example.com"), &beyond, Some("a@example.com")), Revision::Conflict);
        assert_eq!(revise(&stored, Some("a@example.com"), &stored, Some("b@example.com")), Revision::Conflict);
        // An export without the buyer (masked) is no conflict, and gives the order no buyer.
        assert_eq!(revise(&stored, Some("a@example.com"), &stored, None), Revision::Same);
        // An order stored without a buyer gains the one a later export names.
        assert_eq!(revise(&stored, None, &stored, Some("a@example.com")), Revision::Update(stored.clone()));
    }

    #[test]
    fn status_only_moves_forward_and_refunds_only_grow() {
        let paid = order(Paid, dec!(0));
        let completed = OrderRecord { paid_at: None, ..order(Completed, dec!(0)) };
        assert_eq!(revise(&paid, None, &completed, None), Revision::Update(completed.clone()));
        assert_eq!(revise(&completed, None, &paid, None), Revision::Stale, "an older export");
        assert_eq!(revise(&completed, None, &completed, None), Revision::Same);
        // Closing or refunding ends an order from any stage.
        let closed = order(Closed, dec!(0));
        assert_eq!(revise(&completed, None, &closed, None), Revision::Update(closed.clone()));
        assert_eq!(revise(&closed, None, &completed, None), Revision::Stale);
        // A partial refund on an older status is kept, and an older export keeps it too.
        let shipped_refund = order(Shipped, dec!(10.00));
        let merged = OrderRecord { refund: dec!(10.00), ..completed.clone() };
        assert_eq!(revise(&completed, None, &shipped_refund, None), Revision::Update(merged.clone()));
        assert_eq!(revise(&shipped_refund, None, &completed, None), Revision::Update(merged.clone()));
        assert_eq!(revise(&merged, None, &paid, None), Revision::Stale);
        assert_eq!(revise(&merged, None, &completed, None), Revision::Stale, "same status, smaller refund: older");
    }

    #[test]
    fn any_order_of_the_exports_gives_the_same_order() {
        let snapshots = [
            order(Unpaid, dec!(0)),
            OrderRecord { paid_at: Some(Utc.with_ymd_and_hms(2025, 5, 11, 14, 0, 0).unwrap()), ..order(Paid, dec!(0)) },
            order(Shipped, dec!(0)),
            order(Completed, dec!(0)),
            order(Completed, dec!(20.00)),
        ];
        let apply = |stored: OrderRecord, next: &OrderRecord| match revise(&stored, None, next, None) {
            Revision::Update(o) => o,
            Revision::Same | Revision::Stale => stored,
            Revision::Conflict => panic!("one order"),
        };
        let mut results = Vec::new();
        // Every rotation and its reverse: each snapshot first, and both directions.
        for start in 0..snapshots.len() {
            for reverse in [false, true] {
                let mut seq: Vec<&OrderRecord> = snapshots.iter().cycle().skip(start).take(snapshots.len()).collect();
                if reverse {
                    seq.reverse();
                }
                let first = seq[0].clone();
                results.push(seq[1..].iter().fold(first, |o, next| apply(o, next)));
            }
        }
        let want = OrderRecord { paid_at: snapshots[1].paid_at, ..order(Completed, dec!(20.00)) };
        assert!(results.iter().all(|r| *r == want), "{results:#?}");
    }

    #[test]
    fn a_confirmed_cash_on_delivery_payment_is_newer_than_an_unconfirmed_one() {
        let unconfirmed = OrderRecord { cod: true, ..order(Completed, dec!(0)) };
        let confirmed = order(Completed, dec!(0));
        assert_eq!(revise(&unconfirmed, None, &confirmed, None), Revision::Update(confirmed.clone()));
        assert_eq!(revise(&confirmed, None, &unconfirmed, None), Revision::Stale);
        // Returned after delivery: a later export closes it.
        let returned = OrderRecord { cod: true, ..order(Closed, dec!(0)) };
        assert_eq!(revise(&unconfirmed, None, &returned, None), Revision::Update(returned.clone()));
    }

    #[test]
    fn a_report_that_only_names_the_items_keeps_priced_lines() {
        let stored = order(Completed, dec!(0));
        let mut names_only = stored.clone();
        names_only.items[0].unit_price = None;
        assert_eq!(revise(&stored, None, &names_only, None), Revision::Same);
        let no_lines = OrderRecord { items: vec![], ..stored.clone() };
        assert_eq!(revise(&stored, None, &no_lines, None), Revision::Same);
        // The other way round, priced lines replace named ones.
        assert_eq!(revise(&names_only, None, &stored, None), Revision::Update(stored.clone()));
        // Whichever export is further along: priced lines stay.
        let refunded_names_only = OrderRecord { status: Refunded, ..names_only.clone() };
        let refunded = OrderRecord { status: Refunded, ..stored.clone() };
        assert_eq!(revise(&refunded_names_only, None, &stored, None), Revision::Update(refunded.clone()));
        assert_eq!(revise(&stored, None, &refunded_names_only, None), Revision::Update(refunded));
    }

    #[test]
    fn a_coupon_once_read_stays_with_the_order() {
        let with_code =
            OrderRecord { coupon_code: Some("TEA20".into()), discount: Some(dec!(20.00)), ..order(Paid, dec!(0)) };
        // A later export without the columns (an item report, another format) keeps them.
        let later = order(Completed, dec!(0));
        let want = OrderRecord { coupon_code: Some("TEA20".into()), discount: Some(dec!(20.00)), ..later.clone() };
        assert_eq!(revise(&with_code, None, &later, None), Revision::Update(want.clone()));
        // An older export that names it gives it to an order stored without it.
        assert_eq!(revise(&later, None, &with_code, None), Revision::Update(want.clone()));
        assert_eq!(revise(&want, None, &with_code, None), Revision::Stale);
    }

    /// Two readings of one creation time: the later is kept, in either order.
    #[test]
    fn creation_times_read_a_few_hours_apart_are_one_order() {
        let stored = order(Paid, dec!(0));
        let at = |delta: chrono::TimeDelta| OrderRecord { created_at: stored.created_at + delta, ..stored.clone() };
        // Pinduoduo without a time: midnight of the order number's date; a later export has the time.
        let midnight = at(-chrono::TimeDelta::seconds(13 * 3600 + 55 * 60 + 16));
        assert_eq!(revise(&midnight, None, &stored, None), Revision::Update(stored.clone()));
        assert_eq!(revise(&stored, None, &midnight, None), Revision::Same);
        // The archive's time zone moved from Shanghai to Berlin between two imports.
        let berlin = at(chrono::TimeDelta::hours(7));
        assert_eq!(revise(&stored, Some("a"), &berlin, Some("a")), Revision::Update(berlin.clone()));
        assert_eq!(revise(&berlin, Some("a"), &stored, Some("a")), Revision::Same);
        assert_eq!(revise(&stored, Some("a"), &at(SAME_MOMENT), Some("a")), Revision::Update(at(SAME_MOMENT)));
    }
}
