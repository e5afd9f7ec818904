//! The rules of putting an order together from its rows.

use super::*;
use crate::archive::ItemRecord;
use crate::import::line::{Amount, Line};
use crate::{OrderStatus, Platform};
use chrono::TimeZone;
use rust_decimal_macros::dec;

fn line(row: u64, status: OrderStatus, amount: Amount) -> Line {
    let mut l = Line::new(row, "A1".into());
    l.status = Some(status);
    l.amount = amount;
    l.created_at = Some(Utc.with_ymd_and_hms(2026, 9, 22, 0, 54, 10).unwrap());
    l
}

#[test]
fn shares_add_up_and_a_closed_gift_line_does_not_close_the_order() {
    let mut a = line(2, OrderStatus::Completed, Amount::Part(dec!(20.00)));
    a.refund = dec!(0);
    let b = line(3, OrderStatus::Closed, Amount::Part(dec!(0.00)));
    let o = assemble(Platform::Douyin, vec![a, b]).unwrap();
    assert_eq!(o.order.status, OrderStatus::Completed);
    assert_eq!(o.order.amount_paid, dec!(20.00));
    assert_eq!(o.row, 2);
    assert_eq!(o.identity, None);
}

#[test]
fn an_order_amount_on_every_row_counts_once_and_items_price_the_rest() {
    let mut a = line(2, OrderStatus::Completed, Amount::Order(dec!(99.00)));
    a.refund = dec!(10.00);
    let mut b = line(3, OrderStatus::Completed, Amount::Order(dec!(99.00)));
    b.refund = dec!(10.00);
    let o = assemble(Platform::Jd, vec![a, b]).unwrap();
    assert_eq!((o.order.amount_paid, o.order.refund), (dec!(99.00), dec!(10.00)));

    let item = |q, p| ItemRecord { title: "x".into(), sku: None, category: None, quantity: q, unit_price: Some(p) };
    let mut c = line(5, OrderStatus::Completed, Amount::Missing);
    c.items.push(item(6, dec!(2.55)));
    let mut d = line(6, OrderStatus::Completed, Amount::Missing);
    d.items.push(item(-2, dec!(1.25)));
    let o = assemble(Platform::Generic, vec![c, d]).unwrap();
    assert_eq!(o.order.amount_paid, dec!(12.80));
    assert_eq!(o.order.items.len(), 2);
}

fn merge_status(statuses: &[OrderStatus]) -> OrderStatus {
    let mut fold = StatusFold::default();
    statuses.iter().for_each(|&s| fold.add(s));
    fold.status()
}

#[test]
fn statuses_merge() {
    use OrderStatus::*;
    assert_eq!(merge_status(&[Refunded, Refunded]), Refunded);
    assert_eq!(merge_status(&[Closed, Refunded]), Refunded);
    assert_eq!(merge_status(&[Closed]), Closed);
    assert_eq!(merge_status(&[Paid, Shipped, Closed]), Shipped);
    assert_eq!(merge_status(&[Shipped, Paid, Refunded]), Shipped);
    assert_eq!(merge_status(&[Completed, Unpaid]), Completed);
    assert_eq!(merge_status(&[Unpaid, Closed]), Unpaid);
    assert_eq!(merge_status(&[]), Completed);
}

#[test]
fn an_order_folds_its_rows_in_file_order() {
    let t = |h| Some(Utc.with_ymd_and_hms(2026, 9, 22, h, 0, 0).unwrap());
    let mut a = line(7, OrderStatus::Paid, Amount::Part(dec!(5.00)));
    a.created_at = t(9);
    a.refund = dec!(1.00);
    a.profile.nick = String::new();
    let mut b = line(8, OrderStatus::Shipped, Amount::Part(dec!(7.50)));
    b.created_at = t(8);
    b.paid_at = t(10);
    b.buyer = Some("buyer-b".into());
    b.profile.phone = Some("13800001111".into());
    b.order_adjust = Some(dec!(2.00));
    b.refund = dec!(0.50);
    let mut c = line(9, OrderStatus::Closed, Amount::Part(dec!(0)));
    c.created_at = t(12);
    c.buyer = Some("buyer-c".into());
    c.paid_at = t(11);
    c.profile.phone = Some("13900002222".into());
    let o = assemble(Platform::Generic, vec![a, b, c]).unwrap();
    assert_eq!(o.row, 7);
    assert_eq!(o.order.order_no, "A1");
    assert_eq!(o.order.status, OrderStatus::Shipped);
    assert_eq!((o.order.created_at, o.order.paid_at), (t(8).unwrap(), t(10)));
    // Parts add up, the order-level adjustment counts once, per-row refunds add up.
    assert_eq!((o.order.amount_paid, o.order.refund), (dec!(14.50), dec!(1.50)));
    // The first buyer and the first phone win; a nick-less order takes the buyer id.
    assert_eq!(o.identity.map(|i| i.buyer_id), Some("buyer-b".to_owned()));
    assert_eq!(o.profile.phone.as_deref(), Some("13800001111"));
    assert_eq!(o.profile.nick, "buyer-b");
}

#[test]
fn an_order_without_a_time_is_not_an_order() {
    let mut a = line(2, OrderStatus::Paid, Amount::Order(dec!(1)));
    a.created_at = None;
    assert_eq!(assemble(Platform::Generic, vec![a]), None);
    assert_eq!(assemble(Platform::Generic, vec![]), None);
}

#[test]
fn a_coupon_is_read_once_and_shares_of_a_discount_add_up() {
    // Shopify: the code and discount on the first row only.
    let mut a = line(2, OrderStatus::Completed, Amount::Order(dec!(180.00)));
    a.coupon_code = Some("TEA20".into());
    a.discount = Amount::Order(dec!(20.00));
    let b = line(3, OrderStatus::Completed, Amount::Missing);
    let o = assemble(Platform::Shopify, vec![a, b]).unwrap();
    assert_eq!((o.order.coupon_code.as_deref(), o.order.discount), (Some("TEA20"), Some(dec!(20.00))));
    // 抖音: each sub-order carries the shop's share of the discount.
    let mut a = line(2, OrderStatus::Completed, Amount::Part(dec!(28.90)));
    a.discount = Amount::Part(dec!(5.00));
    let mut b = line(3, OrderStatus::Completed, Amount::Part(dec!(20.00)));
    b.discount = Amount::Part(dec!(3.50));
    let o = assemble(Platform::Douyin, vec![a, b]).unwrap();
    assert_eq!((o.order.coupon_code, o.order.discount), (None, Some(dec!(8.50))));
    // An export without discounts says nothing of them.
    let o = assemble(Platform::Taobao, vec![line(2, OrderStatus::Completed, Amount::Order(dec!(9.90)))]).unwrap();
    assert_eq!(o.order.discount, None);
}
