//! The demo shop's promises: deterministic, prefix-stable, realistic in shape.

use super::*;
use crate::archive::{CustomerTotals, OrderKind};
use crate::OrderStatus;
use chrono::{Datelike, TimeZone};
use std::collections::{HashMap, HashSet};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_shop_and_a_smaller_shop_is_a_prefix() {
    let big = DemoShop::new(7, 500, now());
    let again = DemoShop::new(7, 500, now());
    assert_eq!(big.customer(123), again.customer(123));
    let other = DemoShop::new(8, 500, now());
    assert_ne!(big.customer(123).orders, other.customer(123).orders);
    // Identity suffixes depend on the shop size, but the orders of customer i do not.
    let small = DemoShop::new(7, 100, now());
    assert_eq!(small.customer(42).orders, big.customer(42).orders);
}

#[test]
fn shape_of_a_shop_of_5000() {
    let shop = DemoShop::new(1, 5_000, now());
    let customers: Vec<_> = shop.iter().collect();
    let identities: HashSet<_> = customers.iter().map(|c| c.identity.clone()).collect();
    assert_eq!(identities.len(), 5_000, "identities are unique");

    let counts: Vec<usize> = customers.iter().map(|c| c.orders.len()).collect();
    assert!(counts.iter().all(|&n| (1..=MAX_ORDERS).contains(&n)));
    let mean = counts.iter().sum::<usize>() as f64 / counts.len() as f64;
    assert!((3.0..3.8).contains(&mean), "mean orders per customer {mean}");
    let once = counts.iter().filter(|&&n| n == 1).count() as f64 / 5_000.0;
    assert!((0.45..0.6).contains(&once), "share of one-order customers {once}");
    assert!(counts.iter().any(|&n| n >= 20), "a heavy tail");
    // Frequent buyers have been buying for a while, not 28 orders in a month.
    for c in customers.iter().filter(|c| c.orders.len() >= 20) {
        let history = now() - c.orders[0].created_at;
        assert!(history >= Duration::days(19 * 12 - 1), "{} orders in {} days", c.orders.len(), history.num_days());
    }

    let mut numbers = HashSet::new();
    let mut statuses = HashMap::new();
    let mut by_month = [0u32; 13];
    for c in &customers {
        let mut times: Vec<_> = c.orders.iter().map(|o| o.created_at).collect();
        times.sort();
        assert_eq!(times, c.orders.iter().map(|o| o.created_at).collect::<Vec<_>>(), "orders are in time order");
        for o in &c.orders {
            assert!(o.created_at <= now() && o.created_at >= now() - Duration::days(HISTORY_DAYS + 1));
            assert!(numbers.insert((c.identity.platform, o.order_no.clone())), "order numbers are unique");
            assert!(!o.items.is_empty() && o.refund <= o.amount_paid);
            *statuses.entry(o.status).or_insert(0u32) += 1;
            by_month[crate::time::local_date(o.created_at, crate::time::DEFAULT_TIMEZONE).month() as usize] += 1;
        }
    }
    for s in [OrderStatus::Completed, OrderStatus::Closed, OrderStatus::Refunded] {
        assert!(statuses.get(&s).copied().unwrap_or(0) > 50, "{s:?} orders exist: {statuses:?}");
    }
    // 双11 makes November the busiest month, and the Spring Festival makes February quieter.
    let max = by_month.iter().copied().max().unwrap();
    assert_eq!(by_month[11], max, "{by_month:?}");
    assert!(by_month[2] < by_month[3], "{by_month:?}");

    let birthdays = customers.iter().filter(|c| c.profile.birthday.is_some()).count() as f64 / 5_000.0;
    assert!((0.3..0.4).contains(&birthdays), "{birthdays}");
    assert!(customers.iter().any(|c| c.profile.birthday_lunar));
    assert!(customers.iter().any(|c| !c.identity.platform.is_chinese()));
    assert!(customers.iter().any(|c| c.profile.nick.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))));
}

#[test]
fn some_customers_are_only_potential_and_values_are_exact() {
    let shop = DemoShop::new(3, 3_000, now());
    let mut potential = 0;
    for c in shop.iter() {
        let totals = CustomerTotals::from_orders(&c.orders, true);
        if totals.purchases == 0 {
            potential += 1;
        }
        let purchases: rust_decimal::Decimal =
            c.orders.iter().filter(|o| o.kind(true) == OrderKind::Purchase).map(|o| o.value()).sum();
        assert_eq!(totals.value, purchases);
        assert!(totals.value.scale() <= 2);
    }
    assert!(potential > 10, "customers with orders but no purchase: {potential}");
}
