//! Folding orders into shop-wide figures: the dashboard's cards, its monthly
//! series, cohorts, Pareto curve and the platform and shop splits, and `laoke
//! stats`. A buyer's cohort is the calendar month (shop time) of their first
//! purchase; retention at +k is the share of the cohort's buyers with at least
//! one purchase in the calendar month k after it. The store streams orders in
//! any order; the definitions (what a purchase is, what revenue is) live in
//! [`crate::archive`] and are only applied here.

use crate::archive::OrderKind;
use crate::dto::{Cohort, Dashboard, MonthlyPoint, PlatformCount, ShopCount, ShopStats};
use crate::time::to_stored;
use crate::Platform;
use chrono::{DateTime, Datelike, TimeZone, Utc};
use chrono_tz::Tz;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{BTreeMap, HashMap};

/// One order as the statistics see it: its kind and value were decided by
/// [`crate::archive`] when the order was written.
#[derive(Debug, Clone, Copy)]
pub struct OrderFacts {
    /// `None` when the export carried no usable buyer identity.
    pub customer_id: Option<i64>,
    pub platform: Platform,
    /// The shop (its id in the archive) the order was placed in.
    pub shop_id: i64,
    pub kind: OrderKind,
    /// Order value; only read for purchases and refund documents.
    pub value: Decimal,
    pub created_at: DateTime<Utc>,
}

struct Buyer {
    platform: Platform,
    purchases: u32,
    first_purchase: Option<DateTime<Utc>>,
    /// The shop of their first order, and any other they ordered in (nearly
    /// always none: no allocation for a buyer of one shop).
    shop: i64,
    other_shops: Vec<i64>,
    /// Purchases less refund documents.
    value: Decimal,
    /// The months (keys) of their purchases, each once.
    months: Vec<i32>,
}

pub struct ShopStatsBuilder {
    tz: Tz,
    orders: u32,
    purchases: u32,
    purchase_value: Decimal,
    revenue: Decimal,
    first_order: Option<DateTime<Utc>>,
    last_order: Option<DateTime<Utc>>,
    /// Keyed by `year * 12 + month - 1` in the shop's time zone.
    months: BTreeMap<i32, MonthlyPoint>,
    customers: HashMap<i64, Buyer>,
    platform_revenue: BTreeMap<Platform, Decimal>,
    shop_revenue: BTreeMap<i64, Decimal>,
}

impl ShopStatsBuilder {
    pub fn new(tz: Tz) -> Self {
        ShopStatsBuilder {
            tz,
            orders: 0,
            purchases: 0,
            purchase_value: Decimal::ZERO,
            revenue: Decimal::ZERO,
            first_order: None,
            last_order: None,
            months: BTreeMap::new(),
            customers: HashMap::new(),
            platform_revenue: BTreeMap::new(),
            shop_revenue: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, o: OrderFacts) {
        self.orders += 1;
        self.first_order = Some(self.first_order.map_or(o.created_at, |t| t.min(o.created_at)));
        self.last_order = Some(self.last_order.map_or(o.created_at, |t| t.max(o.created_at)));
        let month_key = self.month_key(o.created_at);
        let month = self.months.entry(month_key).or_default();
        month.orders += 1;
        let buyer = o.customer_id.map(|id| {
            let b = self.customers.entry(id).or_insert(Buyer {
                platform: o.platform,
                purchases: 0,
                first_purchase: None,
                shop: o.shop_id,
                other_shops: Vec::new(),
                value: Decimal::ZERO,
                months: Vec::new(),
            });
            if b.shop != o.shop_id && !b.other_shops.contains(&o.shop_id) {
                b.other_shops.push(o.shop_id);
            }
            b
        });
        if o.kind == OrderKind::Other {
            return;
        }
        self.revenue += o.value;
        month.revenue += o.value;
        *self.platform_revenue.entry(o.platform).or_default() += o.value;
        *self.shop_revenue.entry(o.shop_id).or_default() += o.value;
        let buyer = buyer.map(|b| {
            b.value += o.value;
            b
        });
        if o.kind == OrderKind::Purchase {
            self.purchases += 1;
            self.purchase_value += o.value;
            month.purchases += 1;
            if let Some(buyer) = buyer {
                buyer.purchases += 1;
                buyer.first_purchase = Some(buyer.first_purchase.map_or(o.created_at, |t| t.min(o.created_at)));
                if !buyer.months.contains(&month_key) {
                    buyer.months.push(month_key);
                }
            }
        }
    }

    fn month_key(&self, t: DateTime<Utc>) -> i32 {
        let local = self.tz.from_utc_datetime(&t.naive_utc());
        local.year() * 12 + local.month0() as i32
    }

    pub fn finish(mut self) -> Dashboard {
        let mut buyers = 0u32;
        let mut repeat = 0u32;
        let mut values: Vec<Decimal> = Vec::new();
        // Per cohort month: its buyers, and per later month how many of them bought.
        let mut cohorts: BTreeMap<i32, (u32, BTreeMap<i32, u32>)> = BTreeMap::new();
        let mut platform_customers: BTreeMap<Platform, u32> = BTreeMap::new();
        let mut shop_customers: BTreeMap<i64, u32> = BTreeMap::new();
        for buyer in self.customers.values() {
            *platform_customers.entry(buyer.platform).or_default() += 1;
            for &shop in std::iter::once(&buyer.shop).chain(&buyer.other_shops) {
                *shop_customers.entry(shop).or_default() += 1;
            }
            if buyer.purchases >= 1 {
                buyers += 1;
                values.push(buyer.value);
            }
            if buyer.purchases >= 2 {
                repeat += 1;
            }
            if let Some(first) = buyer.first_purchase {
                let key = self.month_key(first);
                self.months.entry(key).or_default().new_buyers += 1;
                let (n, later) = cohorts.entry(key).or_default();
                *n += 1;
                for &m in buyer.months.iter().filter(|&&m| m > key) {
                    *later.entry(m).or_default() += 1;
                }
            }
        }
        let last_month = self.months.keys().next_back().copied().unwrap_or_default();
        let cohorts = cohorts
            .into_iter()
            .map(|(key, (n, later))| Cohort {
                month: month_text(key),
                buyers: n,
                retention: (key + 1..=last_month)
                    .map(|m| ratio(Decimal::from(later.get(&m).copied().unwrap_or(0)), Decimal::from(n), 4))
                    .collect(),
            })
            .collect();
        let stats = ShopStats {
            customers: self.customers.len() as u32,
            buyers,
            orders: self.orders,
            purchases: self.purchases,
            revenue: self.revenue,
            aov: ratio(self.purchase_value, Decimal::from(self.purchases), 2),
            repurchase_rate: ratio(Decimal::from(repeat), Decimal::from(buyers), 4),
            first_order: self.first_order.map(to_stored),
            last_order: self.last_order.map(to_stored),
        };
        let monthly =
            self.months.into_iter().map(|(key, point)| MonthlyPoint { month: month_text(key), ..point }).collect();
        let mut platforms: BTreeMap<Platform, PlatformCount> = BTreeMap::new();
        for (platform, customers) in platform_customers {
            platforms.insert(platform, PlatformCount { platform, customers, revenue: Decimal::ZERO });
        }
        for (platform, revenue) in self.platform_revenue {
            platforms
                .entry(platform)
                .or_insert(PlatformCount { platform, customers: 0, revenue: Decimal::ZERO })
                .revenue = revenue;
        }
        // Every shop with customers or revenue (a shop of unpaid orders only has no revenue).
        let mut shops: BTreeMap<i64, ShopCount> = shop_customers
            .into_iter()
            .map(|(shop_id, customers)| (shop_id, ShopCount { shop_id, customers, revenue: Decimal::ZERO }))
            .collect();
        for (shop_id, revenue) in self.shop_revenue {
            shops.entry(shop_id).or_insert(ShopCount { shop_id, customers: 0, revenue: Decimal::ZERO }).revenue =
                revenue;
        }
        let shops = shops.into_values().collect();
        let pareto = crate::rfm::pareto(&values);
        Dashboard { stats, monthly, platforms: platforms.into_values().collect(), shops, cohorts, pareto }
    }
}

/// `YYYY-MM` of a month key.
fn month_text(key: i32) -> String {
    format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1)
}

/// `num / den` rounded half away from zero to `dp` places, and exactly that many
/// places even for whole results ("0.00"), so the text is stable for scripts.
pub(crate) fn ratio(num: Decimal, den: Decimal, dp: u32) -> Decimal {
    rounded(if den.is_zero() { Decimal::ZERO } else { num / den }, dp)
}

/// `d` rounded half away from zero to exactly `dp` places ("0.00", not "0").
pub(crate) fn rounded(d: Decimal, dp: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{order_kind, order_value};
    use crate::OrderStatus;
    use chrono::TimeZone;
    use rust_decimal_macros::dec;

    /// An order of shop 1 (or 2 for customer 3) as the archive would count it.
    fn facts(
        customer: Option<i64>,
        platform: Platform,
        status: OrderStatus,
        paid: Decimal,
        at: DateTime<Utc>,
    ) -> OrderFacts {
        let value = order_value(paid, Decimal::ZERO);
        let shop_id = if customer == Some(3) { 2 } else { 1 };
        OrderFacts {
            customer_id: customer,
            platform,
            shop_id,
            kind: order_kind(status.counts_as_paid(), value),
            value,
            created_at: at,
        }
    }

    fn order(customer: Option<i64>, status: OrderStatus, paid: Decimal, refund: Decimal, month: u32) -> OrderFacts {
        let at = Utc.with_ymd_and_hms(2025, month, 10, 4, 0, 0).unwrap();
        facts(customer, Platform::Taobao, status, paid - refund, at)
    }

    #[test]
    fn figures_follow_the_definitions() {
        use OrderStatus::*;
        let mut b = ShopStatsBuilder::new(crate::time::DEFAULT_TIMEZONE);
        b.add(order(Some(1), Completed, dec!(100.00), dec!(0), 1));
        b.add(order(Some(1), Completed, dec!(60.00), dec!(10.00), 2));
        b.add(order(Some(2), Completed, dec!(33.33), dec!(0), 2));
        b.add(order(Some(2), Completed, dec!(-8.00), dec!(0), 3)); // refund document
        b.add(order(Some(3), Unpaid, dec!(20.00), dec!(0), 3)); // potential customer
        b.add(order(None, Shipped, dec!(5.00), dec!(0), 3)); // no identity, still revenue
        let d = b.finish();
        let s = d.stats;
        assert_eq!((s.customers, s.buyers, s.orders, s.purchases), (3, 2, 6, 4));
        assert_eq!(s.revenue, dec!(180.33));
        assert_eq!(s.aov.to_string(), "47.08"); // 188.33 / 4 = 47.0825
        assert_eq!(s.repurchase_rate.to_string(), "0.5000");
        assert_eq!(s.first_order.as_deref(), Some("2025-01-10T04:00:00Z"));
        let months: Vec<_> = d.monthly.iter().map(|m| (m.month.as_str(), m.orders, m.new_buyers)).collect();
        assert_eq!(months, [("2025-01", 1, 1), ("2025-02", 2, 1), ("2025-03", 3, 0)]);
        assert_eq!(d.monthly[2].revenue, dec!(-3.00));
        assert_eq!(d.platforms[0].customers, 3);
        // Customer 3 ordered in shop 2 without buying: a customer of it, no revenue.
        let shops: Vec<_> = d.shops.iter().map(|s| (s.shop_id, s.customers, s.revenue)).collect();
        assert_eq!(shops, [(1, 2, dec!(180.33)), (2, 1, dec!(0))]);
    }

    #[test]
    fn months_are_calendar_months_in_the_shop_time_zone() {
        // 00:30 on 1 November in Shanghai is still 31 October in UTC.
        let at = Utc.with_ymd_and_hms(2025, 10, 31, 16, 30, 0).unwrap();
        let o = facts(Some(1), Platform::Jd, OrderStatus::Completed, dec!(1), at);
        let mut shanghai = ShopStatsBuilder::new(crate::time::DEFAULT_TIMEZONE);
        shanghai.add(o);
        let mut utc = ShopStatsBuilder::new(chrono_tz::UTC);
        utc.add(o);
        assert_eq!(shanghai.finish().monthly[0].month, "2025-11");
        let d = utc.finish();
        assert_eq!(d.monthly[0].month, "2025-10");
        assert_eq!(d.platforms, [PlatformCount { platform: Platform::Jd, customers: 1, revenue: dec!(1) }]);
    }

    /// By hand: January's cohort (customers 1 and 2) and February's (3); a refund
    /// document and a closed order in March are no purchases, an unpaid order no buyer.
    #[test]
    fn cohorts_and_the_pareto_curve_by_hand() {
        use OrderStatus::*;
        let mut b = ShopStatsBuilder::new(crate::time::DEFAULT_TIMEZONE);
        b.add(order(Some(1), Completed, dec!(100.00), dec!(0), 1));
        b.add(order(Some(2), Completed, dec!(30.00), dec!(0), 1));
        b.add(order(Some(1), Completed, dec!(60.00), dec!(10.00), 2));
        b.add(order(Some(3), Completed, dec!(40.00), dec!(0), 2));
        b.add(order(Some(4), Unpaid, dec!(15.00), dec!(0), 2));
        b.add(order(Some(2), Completed, dec!(-8.00), dec!(0), 3)); // refund document
        b.add(order(Some(3), Closed, dec!(40.00), dec!(0), 3));
        b.add(order(Some(1), Completed, dec!(20.00), dec!(0), 4));
        let d = b.finish();
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

    #[test]
    fn an_empty_shop_has_zero_figures_with_fixed_decimals() {
        let s = ShopStatsBuilder::new(chrono_tz::UTC).finish().stats;
        assert_eq!((s.aov.to_string(), s.repurchase_rate.to_string()), ("0.00".into(), "0.0000".into()));
        assert_eq!(s.first_order, None);
    }
}
