//! One pass over the ledger answers one [`Scope`]: the orders are sorted by
//! customer, so each customer's orders are folded together (first order, first
//! purchase, buyers per day, week and month, cohort, churn) without a map
//! per customer, and the period's totals, series and splits on the way.

use super::anomaly::{self, DayFigures};
use super::churn::ChurnTally;
use super::{date_of, month_of, month_start, month_text, ratio, week_of, Entry, Ledger, Scope, NO_CUSTOMER};
use crate::archive::OrderKind;
use crate::dto::{Cohort, Dashboard, PlatformCount, RollingRepurchase, SeriesPoint, ShopCount, ShopStats};
use crate::time::to_stored;
use crate::Platform;
use chrono::{DateTime, Datelike};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One day, week or month being counted.
#[derive(Debug, Clone, Default)]
struct Acc {
    orders: u32,
    purchases: u32,
    revenue: Decimal,
    purchase_value: Decimal,
    new_customers: u32,
    new_buyers: u32,
    buyers: u32,
    repeat: u32,
}

impl Acc {
    fn point(&self, start: chrono::NaiveDate) -> SeriesPoint {
        SeriesPoint {
            start: start.to_string(),
            orders: self.orders,
            purchases: self.purchases,
            revenue: self.revenue,
            aov: ratio(self.purchase_value, Decimal::from(self.purchases), 2),
            new_customers: self.new_customers,
            new_buyers: self.new_buyers,
            buyers: self.buyers,
            repurchase_rate: ratio(Decimal::from(self.repeat), Decimal::from(self.buyers), 4),
        }
    }
}

/// The days, weeks and months of the data's span.
struct Buckets {
    base_day: i32,
    base_week: i32,
    base_month: i32,
    day: Vec<Acc>,
    week: Vec<Acc>,
    month: Vec<Acc>,
}

impl Buckets {
    fn new(first: i32, last: i32) -> Buckets {
        let n = |a: i32, b: i32| (b - a + 1).max(0) as usize;
        Buckets {
            base_day: first,
            base_week: week_of(first),
            base_month: month_of(first),
            day: vec![Acc::default(); n(first, last)],
            week: vec![Acc::default(); n(week_of(first), week_of(last))],
            month: vec![Acc::default(); n(month_of(first), month_of(last))],
        }
    }

    /// The three buckets of a day (whose month key is `month`).
    fn of(&mut self, day: i32, month: i32) -> [&mut Acc; 3] {
        [
            &mut self.day[(day - self.base_day) as usize],
            &mut self.week[(week_of(day) - self.base_week) as usize],
            &mut self.month[(month - self.base_month) as usize],
        ]
    }
}

/// A customer's place in the current day, week and month: the bucket of their
/// last purchase and how many purchases they made in it.
#[derive(Clone, Copy)]
struct Seen {
    keys: [i32; 3],
    counts: [u32; 3],
}

impl Ledger {
    /// The dashboard of `scope`.
    pub fn dashboard(&self, scope: &Scope) -> Dashboard {
        let admitted = || self.entries.iter().filter(|e| scope.admits(e));
        let (Some(first), Some(last)) = (admitted().map(|e| e.day).min(), admitted().map(|e| e.day).max()) else {
            return Dashboard {
                from: scope.period.from.map(|d| d.to_string()),
                to: scope.period.to.map(|d| d.to_string()),
                stats: ShopStats {
                    aov: ratio(Decimal::ZERO, Decimal::ZERO, 2),
                    repurchase_rate: ratio(Decimal::ZERO, Decimal::ZERO, 4),
                    ..ShopStats::default()
                },
                churn: ChurnTally::new(scope).finish(),
                ..Dashboard::default()
            };
        };
        let lo = scope.period.from.map_or(first, |d| d.num_days_from_ce());
        let hi = scope.period.to.map_or(last, |d| d.num_days_from_ce());
        let mut fold = Fold {
            scope,
            lo,
            hi,
            // Series and cohorts cover the period where it has data.
            lo_month: month_of(lo.max(first)),
            hi_month: month_of(hi.min(last)),
            buckets: Buckets::new(first, last),
            history: vec![DayFigures::default(); (last - first + 1) as usize],
            orders: 0,
            purchases: 0,
            purchase_value: Decimal::ZERO,
            revenue: Decimal::ZERO,
            first_at: None,
            last_at: None,
            customers: 0,
            buyers: 0,
            repeat: 0,
            values: Vec::new(),
            platforms: BTreeMap::new(),
            shops: BTreeMap::new(),
            cohorts: BTreeMap::new(),
            rolling: BTreeMap::new(),
            churn: ChurnTally::new(scope),
            shops_buf: Vec::new(),
            platforms_buf: Vec::new(),
            months_buf: Vec::new(),
            days_buf: Vec::new(),
        };
        let mut rest = &self.entries[..];
        while let Some(head) = rest.first() {
            let n = rest.iter().position(|e| e.customer != head.customer).unwrap_or(rest.len());
            fold.customer(&rest[..n]);
            rest = &rest[n..];
        }
        fold.finish(first, last)
    }
}

struct Fold<'a> {
    scope: &'a Scope,
    lo: i32,
    hi: i32,
    lo_month: i32,
    hi_month: i32,
    buckets: Buckets,
    /// Every day's figures from the first to the last day of data, whatever the
    /// period: a period's first days are judged against the days before it.
    history: Vec<DayFigures>,
    orders: u32,
    purchases: u32,
    purchase_value: Decimal,
    revenue: Decimal,
    first_at: Option<i64>,
    last_at: Option<i64>,
    customers: u32,
    buyers: u32,
    repeat: u32,
    /// The period's buyers' values in it, for the Pareto curve.
    values: Vec<Decimal>,
    /// Customers and revenue per platform and per shop.
    platforms: BTreeMap<Platform, (u32, Decimal)>,
    shops: BTreeMap<i64, (u32, Decimal)>,
    /// Per cohort month: its buyers, and per later month how many of them bought.
    cohorts: BTreeMap<i32, (u32, BTreeMap<i32, u32>)>,
    /// Per month: buyers and repeat buyers of the twelve months ending with it.
    rolling: BTreeMap<i32, (u32, u32)>,
    churn: ChurnTally,
    /// The customer's shops with an order in the period, their value there, and
    /// whether an order with a value (a purchase or refund document) is among them.
    shops_buf: Vec<(i64, Decimal, bool)>,
    /// The customer's value in the period per platform (a merged person's orders
    /// can span platforms, those without a buyer identity always do).
    platforms_buf: Vec<(Platform, Decimal)>,
    /// The customer's purchase months, one entry per purchase up to the period's end.
    months_buf: Vec<i32>,
    /// The customer's purchases and refund documents: day, value, whether a purchase.
    days_buf: Vec<(i32, Decimal, bool)>,
}

impl Fold<'_> {
    fn in_period(&self, day: i32) -> bool {
        self.lo <= day && day <= self.hi
    }

    /// The orders of one customer (or every order without a buyer identity).
    fn customer(&mut self, run: &[Entry]) {
        let identified = run[0].customer != NO_CUSTOMER;
        let mut first_order: Option<i32> = None;
        let mut first_purchase: Option<i32> = None;
        let mut platform: Option<Platform> = None;
        let mut any_in = false;
        let mut purchases_in = 0u32;
        let mut value_in = Decimal::ZERO;
        let mut seen = Seen { keys: [i32::MIN; 3], counts: [0; 3] };
        let mut month_cache = (i32::MIN, 0);
        self.shops_buf.clear();
        self.platforms_buf.clear();
        self.months_buf.clear();
        self.days_buf.clear();
        for e in run.iter().filter(|e| self.scope.admits(e)) {
            if month_cache.0 != e.day {
                month_cache = (e.day, month_of(e.day));
            }
            let month = month_cache.1;
            platform.get_or_insert(e.platform);
            first_order.get_or_insert(e.day);
            let inside = self.in_period(e.day);
            if inside {
                any_in = true;
                self.orders += 1;
                self.first_at = Some(self.first_at.map_or(e.at, |t| t.min(e.at)));
                self.last_at = Some(self.last_at.map_or(e.at, |t| t.max(e.at)));
                for acc in self.buckets.of(e.day, month) {
                    acc.orders += 1;
                }
                if !self.shops_buf.iter().any(|s| s.0 == e.shop) {
                    self.shops_buf.push((e.shop, Decimal::ZERO, false));
                }
            }
            if e.kind == OrderKind::Other {
                continue;
            }
            let purchase = e.kind == OrderKind::Purchase;
            let h = &mut self.history[(e.day - self.buckets.base_day) as usize];
            h.revenue += e.value;
            if purchase {
                h.purchases += 1;
                h.purchase_value += e.value;
            }
            if identified {
                self.days_buf.push((e.day, e.value, purchase));
            }
            // The period's revenue and purchase value, per day and in total, are
            // the history's (summed in `finish`); a buyer's are added up here and
            // counted once per customer.
            if inside {
                value_in += e.value;
                if let Some(s) = self.shops_buf.iter_mut().find(|s| s.0 == e.shop) {
                    s.1 += e.value;
                    s.2 = true;
                }
                match self.platforms_buf.iter_mut().find(|p| p.0 == e.platform) {
                    Some(p) => p.1 += e.value,
                    None => self.platforms_buf.push((e.platform, e.value)),
                }
            }
            if !purchase {
                continue;
            }
            first_purchase.get_or_insert(e.day);
            if e.day <= self.hi {
                self.months_buf.push(month);
            }
            if inside {
                self.purchases += 1;
                purchases_in += 1;
                let keys = [e.day, week_of(e.day), month];
                let accs = self.buckets.of(e.day, month);
                for (g, acc) in accs.into_iter().enumerate() {
                    acc.purchases += 1;
                    if !identified {
                        continue;
                    }
                    if seen.keys[g] != keys[g] {
                        seen.keys[g] = keys[g];
                        seen.counts[g] = 0;
                        acc.buyers += 1;
                    }
                    seen.counts[g] += 1;
                    if seen.counts[g] == 2 {
                        acc.repeat += 1;
                    }
                }
            }
        }
        for (platform, value) in &self.platforms_buf {
            self.platforms.entry(*platform).or_default().1 += *value;
        }
        if !identified {
            for (shop, value, _) in self.shops_buf.iter().filter(|s| s.2) {
                self.shops.entry(*shop).or_default().1 += *value;
            }
            return;
        }
        if let Some(d) = first_order.filter(|&d| self.in_period(d)) {
            for acc in self.buckets.of(d, month_of(d)) {
                acc.new_customers += 1;
            }
        }
        if let Some(d) = first_purchase {
            self.history[(d - self.buckets.base_day) as usize].new_buyers += 1;
        }
        if let Some(d) = first_purchase.filter(|&d| self.in_period(d)) {
            for acc in self.buckets.of(d, month_of(d)) {
                acc.new_buyers += 1;
            }
        }
        if any_in {
            self.customers += 1;
            if let Some(p) = platform {
                self.platforms.entry(p).or_default().0 += 1;
            }
            for (shop, value, _) in &self.shops_buf {
                let entry = self.shops.entry(*shop).or_default();
                entry.0 += 1;
                entry.1 += *value;
            }
        }
        if purchases_in >= 1 {
            self.buyers += 1;
            self.values.push(value_in);
        }
        if purchases_in >= 2 {
            self.repeat += 1;
        }
        if let Some(first) = first_purchase {
            self.cohort(month_of(first));
            self.roll();
        }
        self.churn.add(&self.days_buf);
    }

    /// Counts the customer in their cohort, if it is one of the period's months.
    fn cohort(&mut self, key: i32) {
        if key < self.lo_month || key > self.hi_month {
            return;
        }
        let (n, later) = self.cohorts.entry(key).or_default();
        *n += 1;
        let mut last = key;
        for &m in &self.months_buf {
            if m > last && m <= self.hi_month {
                *later.entry(m).or_default() += 1;
                last = m;
            }
        }
    }

    /// Counts the customer in every period month whose twelve months hold a purchase of theirs.
    fn roll(&mut self) {
        let months = &self.months_buf;
        let (Some(&first), Some(&last)) = (months.first(), months.last()) else { return };
        let (mut start, mut end) = (0, 0);
        for m in first.max(self.lo_month)..=(last + 11).min(self.hi_month) {
            while end < months.len() && months[end] <= m {
                end += 1;
            }
            while start < end && months[start] < m - 11 {
                start += 1;
            }
            let count = end - start;
            if count >= 1 {
                let r = self.rolling.entry(m).or_default();
                r.0 += 1;
                if count >= 2 {
                    r.1 += 1;
                }
            }
        }
    }

    fn finish(mut self, first: i32, last: i32) -> Dashboard {
        let out_lo = self.lo.max(first);
        let out_hi = self.hi.min(last);
        // A day of the period holds the same orders in its bucket as in the history.
        for d in out_lo..=out_hi {
            let h = &self.history[(d - self.buckets.base_day) as usize];
            let (revenue, purchase_value) = (h.revenue, h.purchase_value);
            self.revenue += revenue;
            self.purchase_value += purchase_value;
            for acc in self.buckets.of(d, month_of(d)) {
                acc.revenue += revenue;
                acc.purchase_value += purchase_value;
            }
        }
        let b = &self.buckets;
        let mut daily = Vec::new();
        let mut weekly = Vec::new();
        let mut monthly = Vec::new();
        if out_lo <= out_hi {
            daily = (out_lo..=out_hi).map(|d| b.day[(d - b.base_day) as usize].point(date_of(d))).collect();
            weekly = (week_of(out_lo)..=week_of(out_hi))
                .map(|w| b.week[(w - b.base_week) as usize].point(date_of(w * 7 + 1)))
                .collect();
            monthly = (month_of(out_lo)..=month_of(out_hi))
                .map(|m| b.month[(m - b.base_month) as usize].point(month_start(m)))
                .collect();
        }
        let last_month = self.hi_month;
        let cohorts = self
            .cohorts
            .iter()
            .map(|(&key, (n, later))| Cohort {
                month: month_text(key),
                buyers: *n,
                retention: (key + 1..=last_month)
                    .map(|m| ratio(Decimal::from(later.get(&m).copied().unwrap_or(0)), Decimal::from(*n), 4))
                    .collect(),
            })
            .collect();
        let rolling_repurchase = if out_lo <= out_hi {
            (self.lo_month..=self.hi_month)
                .map(|m| {
                    let (buyers, repeat) = self.rolling.get(&m).copied().unwrap_or_default();
                    RollingRepurchase {
                        month: month_text(m),
                        buyers,
                        rate: ratio(Decimal::from(repeat), Decimal::from(buyers), 4),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let (anomalies, peaks) =
            anomaly::detect(&self.history, b.base_day, out_lo, out_hi.min(self.scope.today.num_days_from_ce() - 1));
        let stamp = |t: Option<i64>| t.and_then(|s| DateTime::from_timestamp(s, 0)).map(to_stored);
        let stats = ShopStats {
            customers: self.customers,
            buyers: self.buyers,
            orders: self.orders,
            purchases: self.purchases,
            revenue: self.revenue,
            aov: ratio(self.purchase_value, Decimal::from(self.purchases), 2),
            repurchase_rate: ratio(Decimal::from(self.repeat), Decimal::from(self.buyers), 4),
            first_order: stamp(self.first_at),
            last_order: stamp(self.last_at),
        };
        Dashboard {
            from: Some(date_of(self.lo).to_string()),
            to: Some(date_of(self.hi).to_string()),
            stats,
            daily,
            weekly,
            monthly,
            rolling_repurchase,
            platforms: self
                .platforms
                .iter()
                .map(|(&platform, &(customers, revenue))| PlatformCount { platform, customers, revenue })
                .collect(),
            shops: self
                .shops
                .iter()
                .map(|(&shop_id, &(customers, revenue))| ShopCount { shop_id, customers, revenue })
                .collect(),
            cohorts,
            pareto: crate::rfm::pareto(&self.values),
            churn: self.churn.finish(),
            anomalies,
            peaks,
        }
    }
}
