//! Days whose figure left its recent range: the Hampel rule on the trailing 28
//! days, with the shop's weekday pattern taken out first.
//!
//! For a day t and a metric (purchases, revenue, AOV, new buyers):
//! 1. **Weekday pattern.** Over the 56 days before t (or the 28 to 55 there are),
//!    each weekday's factor is the median of that weekday's values ÷ the median
//!    of all of them (1 for every weekday when a median is zero), so a shop that
//!    always sells twice as much on Sundays has no Sunday anomalies.
//! 2. **Range.** The 28 days before t, each divided by its weekday's factor, give
//!    the median m and the MAD; the spread is 1.4826 × MAD, at least 10 % of m
//!    (a perfectly regular shop would otherwise flag every small change). The
//!    expected range is m ± 3 × spread, times t's weekday factor, never below 0.
//! 3. **Volume.** A day is only judged when the 28 days before it had a median
//!    of at least 5 purchases a day: a tiny shop's figures are all noise.
//! 4. **Promotions.** A day above its range on a big promotion's main day or the
//!    three days before it (618, 双11, 双12: [`crate::festival::promotion_peaks`])
//!    is an expected peak, listed apart and not flagged.
//!
//! The AOV of a day without purchases is unknown and neither judged nor used.

use crate::dto::{Anomaly, AnomalyMetric};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// Days before t whose range judges it.
pub const WINDOW_DAYS: usize = 28;
/// Weeks of history the weekday pattern is read from.
pub const PATTERN_WEEKS: usize = 8;
/// How many spreads from the median a figure may be.
pub const K: f64 = 3.0;
/// MAD × this estimates the standard deviation of normal data.
pub const MAD_SCALE: f64 = 1.4826;
/// The smallest spread, as a share of the median.
pub const MIN_SPREAD: f64 = 0.1;
/// The median daily purchases below which a day is not judged.
pub const MIN_DAILY_PURCHASES: f64 = 5.0;
/// Days before a promotion's main day that belong to its peak.
pub const PEAK_LEAD_DAYS: i32 = 3;

/// One day's figures, as the dashboard folded them.
#[derive(Debug, Clone, Default)]
pub struct DayFigures {
    pub purchases: u32,
    pub revenue: Decimal,
    pub purchase_value: Decimal,
    pub new_buyers: u32,
}

impl DayFigures {
    fn metric(&self, m: AnomalyMetric) -> Option<f64> {
        match m {
            AnomalyMetric::Purchases => Some(f64::from(self.purchases)),
            AnomalyMetric::Revenue => self.revenue.to_f64(),
            AnomalyMetric::Aov => {
                (self.purchases > 0).then(|| self.purchase_value.to_f64().unwrap_or(0.0) / f64::from(self.purchases))
            }
            AnomalyMetric::NewBuyers => Some(f64::from(self.new_buyers)),
        }
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// Monday 0 … Sunday 6 of a day number (day 1 of the common era was a Monday).
fn weekday(day: i32) -> usize {
    (day - 1).rem_euclid(7) as usize
}

/// The weekday factors of the (up to) 56 days before index `t` of `values`.
fn weekday_factors(values: &[Option<f64>], t: usize, base_day: i32) -> [f64; 7] {
    let span = (PATTERN_WEEKS * 7).min(t);
    if span < WINDOW_DAYS {
        return [1.0; 7];
    }
    let mut all: Vec<f64> = values[t - span..t].iter().flatten().copied().collect();
    let Some(overall) = median(&mut all).filter(|m| *m > 0.0) else { return [1.0; 7] };
    let mut factors = [1.0; 7];
    for (wd, factor) in factors.iter_mut().enumerate() {
        let mut of_day: Vec<f64> =
            (t - span..t).filter(|&j| weekday(base_day + j as i32) == wd).filter_map(|j| values[j]).collect();
        match median(&mut of_day) {
            Some(m) if m > 0.0 => *factor = m / overall,
            _ => return [1.0; 7],
        }
    }
    factors
}

fn money(v: f64) -> Decimal {
    Decimal::from_f64(v).unwrap_or_default().round_dp(2)
}

/// The anomalies and the expected peaks among days `from..=to` (day numbers) of
/// `days`, whose first element is day `base_day`.
pub fn detect(days: &[DayFigures], base_day: i32, from: i32, to: i32) -> (Vec<Anomaly>, Vec<Anomaly>) {
    let mut anomalies = Vec::new();
    let mut peaks = Vec::new();
    if days.is_empty() || from > to {
        return (anomalies, peaks);
    }
    let date = super::date_of;
    let peak_days: Vec<(i32, &'static str)> = crate::festival::promotion_peaks(date(from), date(to + PEAK_LEAD_DAYS))
        .into_iter()
        .map(|(d, key)| (chrono::Datelike::num_days_from_ce(&d), key))
        .collect();
    let promotion = |day: i32| peak_days.iter().find(|(p, _)| (p - PEAK_LEAD_DAYS..=*p).contains(&day)).map(|p| p.1);
    let volume: Vec<f64> = days.iter().map(|d| f64::from(d.purchases)).collect();
    let first = ((from - base_day).max(WINDOW_DAYS as i32)) as usize;
    let last = (to - base_day).min(days.len() as i32 - 1);
    if last < 0 || first as i32 > last {
        return (anomalies, peaks);
    }
    let series: Vec<(AnomalyMetric, Vec<Option<f64>>)> = <AnomalyMetric as strum::VariantArray>::VARIANTS
        .iter()
        .map(|&m| (m, days.iter().map(|d| d.metric(m)).collect()))
        .collect();
    for t in first..=last as usize {
        let mut recent = volume[t - WINDOW_DAYS..t].to_vec();
        if median(&mut recent).unwrap_or(0.0) < MIN_DAILY_PURCHASES {
            continue;
        }
        let day = base_day + t as i32;
        for (metric, values) in &series {
            let Some(value) = values[t] else { continue };
            let factors = weekday_factors(values, t, base_day);
            let mut window: Vec<f64> = (t - WINDOW_DAYS..t)
                .filter_map(|j| values[j].map(|v| v / factors[weekday(base_day + j as i32)]))
                .collect();
            if window.len() < WINDOW_DAYS / 2 {
                continue;
            }
            let Some(m) = median(&mut window) else { continue };
            let mut deviations: Vec<f64> = window.iter().map(|v| (v - m).abs()).collect();
            let mad = median(&mut deviations).unwrap_or(0.0);
            let spread = (MAD_SCALE * mad).max(MIN_SPREAD * m.abs());
            let f = factors[weekday(day)];
            let low = ((m - K * spread) * f).max(0.0);
            let high = (m + K * spread) * f;
            if (low..=high).contains(&value) {
                continue;
            }
            let high_side = value > high;
            let peak = promotion(day).filter(|_| high_side);
            let a = Anomaly {
                date: date(day).to_string(),
                metric: *metric,
                value: money(value),
                expected_low: money(low),
                expected_high: money(high),
                direction: if high_side { "high" } else { "low" }.to_owned(),
                promotion: peak.map(str::to_owned),
            };
            if peak.is_some() {
                peaks.push(a);
            } else {
                anomalies.push(a);
            }
        }
    }
    (anomalies, peaks)
}
