//! One demo order: its number in the platform's own style, its items, what was
//! paid, and a status that depends on how old the order is.

use super::catalog::PRODUCTS;
use crate::archive::{ItemRecord, OrderRecord};
use crate::{OrderStatus, Platform};
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

pub(super) fn order(
    rng: &mut ChaCha8Rng,
    platform: Platform,
    customer: u32,
    seq: usize,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> OrderRecord {
    let items = items(rng, platform);
    let goods: Decimal = items.iter().map(|i| i.unit_price.unwrap_or_default() * Decimal::from(i.quantity)).sum();
    let shipping = if goods >= Decimal::from(99) { Decimal::ZERO } else { Decimal::new(800, 2) };
    // 满200减20 and 满100减10 coupons, as a Chinese shop would run them.
    let coupon = if goods >= Decimal::from(200) && rng.random_bool(0.4) {
        Decimal::from(20)
    } else if goods >= Decimal::from(100) && rng.random_bool(0.3) {
        Decimal::from(10)
    } else {
        Decimal::ZERO
    };
    let total = goods + shipping - coupon;
    let age_days = (now - at).num_days();
    let status = status(rng, age_days);
    let (amount_paid, refund, paid_at) = match status {
        OrderStatus::Unpaid => (Decimal::ZERO, Decimal::ZERO, None),
        // Half of the closed orders were cancelled before payment, half refunded after it.
        OrderStatus::Closed if rng.random_bool(0.5) => (Decimal::ZERO, Decimal::ZERO, None),
        OrderStatus::Closed | OrderStatus::Refunded => (total, total, Some(paid_after(rng, at))),
        _ if age_days > 10 && rng.random_bool(0.03) => {
            // A partial refund: one item damaged in transit, say.
            let part = (total * Decimal::new(rng.random_range(10..=50), 2)).round_dp(2);
            (total, part, Some(paid_after(rng, at)))
        }
        _ => (total, Decimal::ZERO, Some(paid_after(rng, at))),
    };
    OrderRecord {
        order_no: order_no(platform, customer, seq, at),
        status,
        created_at: at,
        paid_at,
        amount_paid,
        refund,
        // The demo's buyers all pay online.
        cod: false,
        items,
        // The shop's own 满减 coupon, without a code: what a Chinese export shows.
        coupon_code: None,
        discount: (!coupon.is_zero()).then_some(coupon),
    }
}

fn status(rng: &mut ChaCha8Rng, age_days: i64) -> OrderStatus {
    let u: f64 = rng.random();
    match age_days {
        0..=1 if u < 0.10 => OrderStatus::Unpaid,
        0..=1 if u < 0.55 => OrderStatus::Paid,
        0..=1 => OrderStatus::Shipped,
        2..=9 if u < 0.04 => OrderStatus::Closed,
        2..=9 if u < 0.45 => OrderStatus::Shipped,
        2..=9 => OrderStatus::Completed,
        _ if u < 0.05 => OrderStatus::Closed,
        _ if u < 0.09 => OrderStatus::Refunded,
        _ => OrderStatus::Completed,
    }
}

fn paid_after(rng: &mut ChaCha8Rng, at: DateTime<Utc>) -> DateTime<Utc> {
    at + Duration::seconds(rng.random_range(5..900))
}

fn items(rng: &mut ChaCha8Rng, platform: Platform) -> Vec<ItemRecord> {
    let lines = match rng.random::<f64>() {
        u if u < 0.65 => 1,
        u if u < 0.90 => 2,
        u if u < 0.97 => 3,
        _ => 4,
    };
    (0..lines)
        .map(|_| {
            let p = &PRODUCTS[rng.random_range(0..PRODUCTS.len())];
            let chinese = platform.is_chinese();
            ItemRecord {
                title: if chinese { p.zh } else { p.en }.to_owned(),
                sku: Some(p.sku.to_owned()),
                category: Some(if chinese { p.category_zh } else { p.category_en }.to_owned()),
                quantity: if rng.random_bool(0.8) { 1 } else { rng.random_range(2..=3) },
                unit_price: Some(p.price()),
            }
        })
        .collect()
}

/// An order number in the platform's style, unique per platform because it
/// embeds the customer index and the order's position (fewer than 32).
fn order_no(platform: Platform, customer: u32, seq: usize, at: DateTime<Utc>) -> String {
    let serial = u64::from(customer) * 32 + seq as u64;
    let day = at.format("%y%m%d");
    match platform {
        Platform::Taobao | Platform::Tmall => format!("{day}{:013}", 7_000_000_000_000 + serial),
        Platform::Pinduoduo => format!("{day}-{:015}", 480_000_000_000_000 + serial),
        Platform::Jd => format!("{:012}", 280_000_000_000 + serial),
        Platform::Douyin => format!("69{day}{:011}", serial),
        Platform::Shopify | Platform::Woocommerce => format!("#{}", 1001 + serial),
        Platform::Etsy => format!("{}", 3_100_000_000 + serial),
        Platform::Generic => format!("G{serial}"),
    }
}
