//! The dashboard's figures by hand: definitions, periods, series, cohorts,
//! rolling repurchase, churn cost and anomalies.

use super::anomaly::{detect, DayFigures};
use super::*;
use crate::archive::{order_kind, order_value};
use crate::dto::{AnomalyMetric, Dashboard, PlatformCount};
use crate::OrderStatus;
use chrono::TimeZone;
use rust_decimal_macros::dec;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An order of shop 1 (or 2 for customer 3) as the archive would count it, at
/// noon in Shanghai.
fn order(customer: Option<i64>, status: OrderStatus, paid: Decimal, refund: Decimal, day: NaiveDate) -> OrderFacts {
    let at = Utc.from_utc_datetime(&day.and_hms_opt(4, 0, 0).unwrap());
    let value = order_value(paid, refund);
    OrderFacts {
        customer_id: customer,
        platform: Platform::Taobao,
        shop_id: if customer == Some(3) { 2 } else { 1 },
        kind: order_kind(status.counts_as_paid(), value),
        value,
        created_at: at,
    }
}

fn everything(today: NaiveDate) -> Scope {
    Scope { today, churn_days: 180, ..Scope::default() }
}

fn dashboard(orders: Vec<OrderFacts>, scope: &Scope) -> Dashboard {
    Ledger::new(crate::time::DEFAULT_TIMEZONE, orders).dashboard(scope)
}

#[test]
fn figures_follow_the_definitions() {
    use OrderStatus::*;
    let m = |month| date(2025, month, 10);
    let orders = vec![
        order(Some(1), Completed, dec!(100.00), dec!(0), m(1)),
        order(Some(1), Completed, dec!(60.00), dec!(10.00), m(2)),
        order(Some(2), Completed, dec!(33.33), dec!(0), m(2)),
        order(Some(2), Completed, dec!(-8.00), dec!(0), m(3)), // refund document
        order(Some(3), Unpaid, dec!(20.00), dec!(0), m(3)),    // potential customer
        order(None, Shipped, dec!(5.00), dec!(0), m(3)),       // no identity, still revenue
    ];
    let d = dashboard(orders, &everything(date(2026, 1, 1)));
    let s = d.stats;
    assert_eq!((s.customers, s.buyers, s.orders, s.purchases), (3, 2, 6, 4));
    assert_eq!(s.revenue, dec!(180.33));
    assert_eq!(s.aov.to_string(), "47.08"); // 188.33 / 4 = 47.0825
    assert_eq!(s.repurchase_rate.to_string(), "0.5000");
    assert_eq!(s.first_order.as_deref(), Some("2025-01-10T04:00:00Z"));
    let months: Vec<_> = d.monthly.iter().map(|m| (m.start.as_str(), m.orders, m.new_buyers)).collect();
    assert_eq!(months, [("2025-01-01", 1, 1), ("2025-02-01", 2, 1), ("2025-03-01", 3, 0)]);
    assert_eq!(d.monthly[2].revenue, dec!(-3.00));
    assert_eq!((d.from.as_deref(), d.to.as_deref()), (Some("2025-01-10"), Some("2025-03-10")));
    assert_eq!(d.daily.len(), 60, "every day from the first order to the last");
    assert_eq!(d.platforms[0].customers, 3);
    // Customer 3 ordered in shop 2 without buying: a customer of it, no revenue.
    let shops: Vec<_> = d.shops.iter().map(|s| (s.shop_id, s.customers, s.revenue)).collect();
    assert_eq!(shops, [(1, 2, dec!(180.33)), (2, 1, dec!(0))]);
}

#[test]
fn months_are_calendar_months_in_the_shop_time_zone() {
    // 00:30 on 1 November in Shanghai is still 31 October in UTC.
    let at = Utc.with_ymd_and_hms(2025, 10, 31, 16, 30, 0).unwrap();
    let o = OrderFacts {
        customer_id: Some(1),
        platform: Platform::Jd,
        shop_id: 1,
        kind: OrderKind::Purchase,
        value: dec!(1),
        created_at: at,
    };
    let scope = everything(date(2026, 1, 1));
    let shanghai = Ledger::new(crate::time::DEFAULT_TIMEZONE, [o]).dashboard(&scope);
    assert_eq!(shanghai.monthly[0].start, "2025-11-01");
    assert_eq!(shanghai.daily[0].start, "2025-11-01");
    let d = Ledger::new(chrono_tz::UTC, [o]).dashboard(&scope);
    assert_eq!(d.monthly[0].start, "2025-10-01");
    assert_eq!(d.platforms, [PlatformCount { platform: Platform::Jd, customers: 1, revenue: dec!(1) }]);
}

/// By hand: January's cohort (customers 1 and 2) and February's (3); a refund
/// document and a closed order in March are no purchases, an unpaid order no buyer.
#[test]
fn cohorts_and_the_pareto_curve_by_hand() {
    use OrderStatus::*;
    let m = |month| date(2025, month, 10);
    let orders = vec![
        order(Some(1), Completed, dec!(100.00), dec!(0), m(1)),
        order(Some(2), Completed, dec!(30.00), dec!(0), m(1)),
        order(Some(1), Completed, dec!(60.00), dec!(10.00), m(2)),
        order(Some(3), Completed, dec!(40.00), dec!(0), m(2)),
        order(Some(4), Unpaid, dec!(15.00), dec!(0), m(2)),
        order(Some(2), Completed, dec!(-8.00), dec!(0), m(3)), // refund document
        order(Some(3), Closed, dec!(40.00), dec!(0), m(3)),
        order(Some(1), Completed, dec!(20.00), dec!(0), m(4)),
    ];
    let d = dashboard(orders, &everything(date(2026, 1, 1)));
    let cohorts: Vec<(&str, u32, Vec<String>)> = d
        .cohorts
        .iter()
        .map(|c| (c.month.as_str(), c.buyers, c.retention.iter().map(|r| r.to_string()).collect()))
        .collect();
    assert_eq!(
        cohorts,
        [
            ("2025-01", 2, vec!["0.5000".to_owned(), "0.0000".to_owned(), "0.5000".to_owned()]),
            ("2025-02", 1, vec!["0.0000".to_owned(), "0.0000".to_owned()]),
        ]
    );
    // Values 170 (1), 40 (3), 22 (2: 30 less the 8 refunded): the best of three buyers brings 170 / 232.
    assert_eq!((d.pareto.buyers, d.pareto.top20_share), (3, dec!(0.7328)));
    assert_eq!(d.stats.repurchase_rate, dec!(0.3333), "one of three buyers bought twice");
}

/// A small shop across February and March 2025, with a partial refund, a fully
/// refunded order, a closed order and a refund document.
fn period_shop() -> Vec<OrderFacts> {
    use OrderStatus::*;
    vec![
        order(Some(1), Completed, dec!(100), dec!(0), date(2025, 1, 10)),
        order(Some(1), Completed, dec!(50), dec!(0), date(2025, 2, 10)),
        order(Some(1), Completed, dec!(30), dec!(10), date(2025, 2, 20)), // partly refunded: 20
        order(Some(2), Completed, dec!(40), dec!(0), date(2025, 2, 10)),
        order(Some(3), Refunded, dec!(25), dec!(25), date(2025, 2, 15)), // their first order, no purchase
        order(Some(2), Completed, dec!(-8), dec!(0), date(2025, 3, 5)),  // refund document
        order(Some(3), Closed, dec!(20), dec!(0), date(2025, 3, 6)),
        order(Some(3), Completed, dec!(60), dec!(0), date(2025, 3, 7)),
        order(Some(1), Completed, dec!(70), dec!(0), date(2025, 4, 10)),
    ]
}

fn period(from: &str, to: &str) -> Period {
    Period::parse(Some(from), Some(to)).unwrap()
}

#[test]
fn a_period_counts_its_own_orders_and_knows_who_is_new() {
    let scope = Scope { period: period("2025-02-01", "2025-03-31"), ..everything(date(2025, 6, 30)) };
    let d = dashboard(period_shop(), &scope);
    let s = &d.stats;
    assert_eq!((s.orders, s.purchases, s.customers, s.buyers), (7, 4, 3, 3));
    // 50 + 20 + 40 + 60 = 170 of purchases, less the 8 of the refund document.
    assert_eq!((s.revenue, s.aov, s.repurchase_rate), (dec!(162), dec!(42.50), dec!(0.3333)));
    assert_eq!((d.from.as_deref(), d.to.as_deref()), (Some("2025-02-01"), Some("2025-03-31")));
    assert_eq!(d.daily.len(), 59);
    let months: Vec<_> = d
        .monthly
        .iter()
        .map(|m| {
            (
                m.start.as_str(),
                m.orders,
                m.purchases,
                m.revenue,
                m.aov.to_string(),
                m.new_customers,
                m.new_buyers,
                m.buyers,
                m.repurchase_rate.to_string(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            // Customer 1 bought twice in February but first in January: a buyer, not a new one;
            // customer 3's first order (refunded) makes them a new customer in February.
            ("2025-02-01", 4, 3, dec!(110), "36.67".to_owned(), 2, 1, 2, "0.5000".to_owned()),
            ("2025-03-01", 3, 1, dec!(52), "60.00".to_owned(), 0, 1, 1, "0.0000".to_owned()),
        ]
    );
    // 10 February 2025 was a Monday: customers 1 and 2 bought that day, once each.
    let week = d.weekly.iter().find(|w| w.start == "2025-02-10").unwrap();
    assert_eq!((week.purchases, week.buyers, week.repurchase_rate), (2, 2, dec!(0.0000)));
    assert_eq!(d.weekly.first().unwrap().start, "2025-01-27", "the week of 1 February starts on Monday");
    // Values in the period: 70 (1), 60 (3), 32 (2): the best buyer brings 70 / 162.
    assert_eq!(d.pareto.top20_share, dec!(0.4321));
    // Cohorts of the period's months only (January's is not one), retention up to its end.
    let cohorts: Vec<_> = d.cohorts.iter().map(|c| (c.month.as_str(), c.buyers, c.retention.clone())).collect();
    assert_eq!(cohorts, [("2025-02", 1, vec![dec!(0.0000)]), ("2025-03", 1, vec![])]);
    // Twelve months to February: 1 bought three times, 2 once; to March 3 is a buyer too.
    let rolling: Vec<_> = d.rolling_repurchase.iter().map(|r| (r.month.as_str(), r.buyers, r.rate)).collect();
    assert_eq!(rolling, [("2025-02", 2, dec!(0.5000)), ("2025-03", 3, dec!(0.3333))]);
}

#[test]
fn churn_cost_counts_who_became_churned_in_the_period() {
    let scope = Scope { period: period("2025-02-01", "2025-03-31"), churn_days: 30, ..everything(date(2025, 6, 30)) };
    let d = dashboard(period_shop(), &scope);
    // Customer 1 churned on 10 February (31 days after 10 January) and on 23 March (after
    // 20 February), counted once at the last: 100 + 50 + 20 up to 20 February, within a
    // year of their first purchase. Customer 2 churned on 13 March: 40 (the refund came
    // after). Customer 3's churn day, 7 April, is after the period.
    assert_eq!((d.churn.churn_days, d.churn.churned), (30, 2));
    assert_eq!((d.churn.cost, d.churn.yearly_value), (dec!(210.00), dec!(105.00)));
    // An open period ends today: 3 churned on 7 April and 1 again on 11 May.
    let open = dashboard(period_shop(), &Scope { churn_days: 30, ..everything(date(2025, 6, 30)) });
    assert_eq!(open.churn.churned, 3);
    // Nobody has churned before their churn day has come.
    let early = dashboard(period_shop(), &Scope { churn_days: 30, ..everything(date(2025, 3, 12)) });
    assert_eq!(early.churn.churned, 1, "only customer 1, on 10 February");
}

#[test]
fn a_long_customer_s_yearly_value_divides_by_their_years() {
    use OrderStatus::*;
    let orders = vec![
        order(Some(1), Completed, dec!(300), dec!(0), date(2022, 1, 1)),
        order(Some(1), Completed, dec!(300), dec!(0), date(2024, 1, 1)), // 730 days later: two years
    ];
    let d = dashboard(orders, &Scope { churn_days: 180, ..everything(date(2025, 1, 1)) });
    assert_eq!((d.churn.churned, d.churn.yearly_value), (1, dec!(300.00)));
}

#[test]
fn scopes_keep_to_their_shops_and_platforms() {
    let scope = Scope { shops: Some(vec![2]), ..everything(date(2025, 6, 30)) };
    let d = dashboard(period_shop(), &scope);
    assert_eq!((d.stats.customers, d.stats.orders, d.stats.revenue), (1, 3, dec!(60)));
    let none = dashboard(period_shop(), &Scope { platform: Some(Platform::Jd), ..everything(date(2025, 6, 30)) });
    assert_eq!((none.stats.orders, none.daily.len(), none.from), (0, 0, None));
}

#[test]
fn a_period_is_checked() {
    assert_eq!(
        Period::parse(Some("2025-03-01"), Some("2025-02-01")),
        Err(StatsError::FromAfterTo { from: "2025-03-01".into(), to: "2025-02-01".into() })
    );
    assert_eq!(Period::parse(Some("2025-02-30"), None), Err(StatsError::InvalidDate { value: "2025-02-30".into() }));
    assert_eq!(Period::parse(None, None), Ok(Period::default()));
}

#[test]
fn an_empty_shop_has_zero_figures_with_fixed_decimals() {
    let d = dashboard(Vec::new(), &everything(date(2025, 1, 1)));
    let s = d.stats;
    assert_eq!((s.aov.to_string(), s.repurchase_rate.to_string()), ("0.00".into(), "0.0000".into()));
    assert_eq!((s.first_order, d.churn.cost.to_string()), (None, "0.00".into()));
}

/// 150 days from 1 July 2025: 20 purchases on weekdays, 40 at weekends, ±2 of
/// deterministic noise; a planted spike, a planted drop and 双11.
fn planted() -> (Vec<DayFigures>, i32) {
    let base = date(2025, 7, 1);
    let figures = (0..150)
        .map(|i| {
            let day = base + chrono::Days::new(i);
            let weekend = day.weekday().number_from_monday() >= 6;
            let noise = (i as i64 * 7 % 5) - 2;
            let mut n = if weekend { 40 } else { 20 } + noise;
            if day == date(2025, 10, 15) {
                n = 80;
            }
            if day == date(2025, 9, 17) {
                n = 3;
            }
            if day == date(2025, 11, 11) {
                n = 150;
            }
            let n = n as u32;
            let value = Decimal::from(n) * dec!(100);
            DayFigures { purchases: n, revenue: value, purchase_value: value, new_buyers: n / 4 }
        })
        .collect();
    (figures, base.num_days_from_ce())
}

#[test]
fn a_planted_spike_and_drop_are_flagged_and_double_11_is_an_expected_peak() {
    let (figures, base) = planted();
    let (anomalies, peaks) = detect(&figures, base, base, base + 149);
    let flagged: std::collections::BTreeSet<(&str, &str)> =
        anomalies.iter().map(|a| (a.date.as_str(), a.direction.as_str())).collect();
    assert_eq!(flagged, [("2025-09-17", "low"), ("2025-10-15", "high")].into_iter().collect());
    let spike: Vec<_> = anomalies.iter().filter(|a| a.date == "2025-10-15").map(|a| a.metric).collect();
    assert!(spike.contains(&AnomalyMetric::Purchases) && spike.contains(&AnomalyMetric::Revenue), "{spike:?}");
    let purchases = anomalies.iter().find(|a| a.date == "2025-10-15" && a.metric == AnomalyMetric::Purchases).unwrap();
    assert_eq!(purchases.value, dec!(80));
    assert!(
        purchases.expected_low < dec!(20) && purchases.expected_high > dec!(22) && purchases.expected_high < dec!(40)
    );
    // The AOV never moved (100 a purchase) and is never flagged.
    assert!(anomalies.iter().all(|a| a.metric != AnomalyMetric::Aov));
    assert!(!peaks.is_empty() && peaks.iter().all(|p| p.date == "2025-11-11"));
    assert_eq!(peaks[0].promotion.as_deref(), Some("double_11"));
}

#[test]
fn a_tiny_shop_is_not_flooded_with_anomalies() {
    let (figures, base) = planted();
    // The same shape at a tenth of the volume: 2 purchases a day, below the minimum.
    let tiny: Vec<DayFigures> =
        figures.iter().map(|f| DayFigures { purchases: f.purchases / 10, new_buyers: 0, ..f.clone() }).collect();
    let (anomalies, peaks) = detect(&tiny, base, base, base + 149);
    assert!(anomalies.is_empty() && peaks.is_empty(), "{anomalies:?}");
}

#[test]
fn the_first_four_weeks_are_not_judged() {
    let (figures, base) = planted();
    let (anomalies, _) = detect(&figures[..28], base, base, base + 27);
    assert!(anomalies.is_empty());
}
