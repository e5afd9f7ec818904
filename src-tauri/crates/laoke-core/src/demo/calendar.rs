//! When demo orders happen: a growing shop with peaks at 618, 双11 and 双12, a
//! dip around the Spring Festival, busier evenings than nights, and repeat
//! purchases that drift towards the next big promotion.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::time::DEFAULT_TIMEZONE;

/// How much busier a calendar day (in China) is than an ordinary one.
pub(super) fn season_weight(day: NaiveDate) -> f64 {
    match (day.month(), day.day()) {
        (11, 11) => 8.0,
        (11, 1..=10) => 2.5,
        (11, 12..=15) => 1.8, // 返场: the return period after 双11
        (6, 18) => 5.0,
        (6, 1..=17) => 1.8,
        (6, 19..=20) => 1.4,
        (12, 12) => 4.0,
        (12, 8..=11) => 1.6,
        (1, 25..=31) | (2, 1..=12) => 0.55, // couriers stop around the Spring Festival
        _ => 1.0,
    }
}

/// A customer's first order, between `start` and `latest`: more customers arrive
/// as the shop grows, and more of them during promotions.
pub(super) fn acquisition_time(rng: &mut ChaCha8Rng, start: DateTime<Utc>, latest: DateTime<Utc>) -> DateTime<Utc> {
    let span = (latest - start).num_seconds().max(1);
    loop {
        let t = start + Duration::seconds(rng.random_range(0..span));
        let progress = (t - start).num_seconds() as f64 / span as f64;
        let growth = 0.35 + 0.65 * progress;
        let weight = growth * season_weight(local_day(t)) / 8.0;
        if rng.random::<f64>() < weight {
            return at_shopping_hour(rng, t).min(latest);
        }
    }
}

/// The times of all `count` orders of a customer whose first order is `first`:
/// gaps of about one to three months that scale down to fit before `now`, with a
/// pull towards the next promotion.
pub(super) fn repeat_times(
    rng: &mut ChaCha8Rng,
    first: DateTime<Utc>,
    now: DateTime<Utc>,
    count: usize,
) -> Vec<DateTime<Utc>> {
    let mean_gap_days = 20.0 + rng.random::<f64>() * 70.0;
    let gaps: Vec<f64> = (1..count).map(|_| -mean_gap_days * (1.0 - rng.random::<f64>()).ln()).collect();
    let available = (now - first).num_seconds() as f64 / 86_400.0;
    let total: f64 = gaps.iter().sum();
    let scale = if total > available * 0.98 { available * 0.98 / total.max(1e-9) } else { 1.0 };
    let mut times = Vec::with_capacity(count);
    times.push(first);
    let mut t = first;
    for gap in gaps {
        t += Duration::seconds((gap * scale * 86_400.0) as i64);
        let pulled = pull_to_promotion(rng, t).filter(|p| *p <= now).unwrap_or(t);
        times.push(at_shopping_hour(rng, pulled).min(now));
    }
    times.sort();
    times
}

/// A third of repeat orders that fall within three weeks before 618, 双11 or
/// 双12 move onto that day.
fn pull_to_promotion(rng: &mut ChaCha8Rng, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let day = local_day(t);
    let promos = [(6, 18), (11, 11), (12, 12)];
    let target = promos
        .iter()
        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(day.year(), m, d))
        .find(|p| *p >= day && (*p - day).num_days() <= 21)?;
    if rng.random::<f64>() >= 0.33 {
        return None;
    }
    Some(t + Duration::days((target - day).num_days()))
}

/// Moves `t` to a plausible shopping hour on the same day in China: evenings
/// and lunch breaks are busy, the small hours are quiet.
fn at_shopping_hour(rng: &mut ChaCha8Rng, t: DateTime<Utc>) -> DateTime<Utc> {
    const HOURS: [u32; 12] = [9, 10, 12, 13, 15, 19, 20, 20, 21, 21, 22, 23];
    let local = DEFAULT_TIMEZONE.from_utc_datetime(&t.naive_utc());
    let hour = HOURS[rng.random_range(0..HOURS.len())];
    let moved = local.with_hour(hour).and_then(|l| l.with_minute(rng.random_range(0..60)));
    moved.map_or(t, |l| l.with_timezone(&Utc))
}

fn local_day(t: DateTime<Utc>) -> NaiveDate {
    crate::time::local_date(t, DEFAULT_TIMEZONE)
}
