//! The demo shop: a realistic, deterministic synthetic shop for first-run
//! exploration, UI work and benchmarks.
//!
//! Customer `i` of seed `s` is always the same customer: each one draws from its
//! own ChaCha stream (`seed`, stream `i`), so a shop of 2,000 customers is the
//! first 2,000 customers of a shop of 300,000, generation can be chunked freely,
//! and nothing depends on the clock except the `now` passed in.
//!
//! What makes it realistic: several platforms with Chinese or English buyers,
//! 1–30 orders per customer from a truncated power law (most buy once, a few buy
//! very often; mean ≈ 3.4), more new customers over time and around 618, 双11 and
//! 双12, unpaid, closed, refunded and partly refunded orders, and birthdays
//! (some lunar) for about a third of the customers.

mod calendar;
mod catalog;
mod orders;
mod people;

use crate::archive::{BuyerIdentity, CustomerRecord, OrderRecord};
use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How far back the demo shop's history reaches.
pub const HISTORY_DAYS: i64 = 3 * 365;
/// The most orders one demo customer places.
pub const MAX_ORDERS: usize = 30;

/// One synthetic customer with their whole order history.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCustomer {
    pub identity: BuyerIdentity,
    pub profile: CustomerRecord,
    pub orders: Vec<OrderRecord>,
}

/// A demo shop of `customers` customers as of `now`.
#[derive(Debug, Clone, Copy)]
pub struct DemoShop {
    seed: u64,
    customers: u32,
    now: DateTime<Utc>,
}

impl DemoShop {
    pub fn new(seed: u64, customers: u32, now: DateTime<Utc>) -> Self {
        DemoShop { seed, customers, now }
    }

    pub fn len(&self) -> u32 {
        self.customers
    }

    pub fn is_empty(&self) -> bool {
        self.customers == 0
    }

    /// Customer number `index` (0-based) of this shop.
    pub fn customer(&self, index: u32) -> DemoCustomer {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(u64::from(index));
        let platform = people::platform(&mut rng);
        let (identity, profile) = people::buyer(&mut rng, platform, self.unique_number(index));
        let count = order_count(&mut rng);
        let start = self.now - Duration::days(HISTORY_DAYS);
        // A customer with many orders has been buying for a while: leave room for gaps
        // of at least twelve days on average, instead of squeezing 28 orders into a month.
        let room = Duration::days(((count as i64 - 1) * 12).min(HISTORY_DAYS * 9 / 10));
        let first = calendar::acquisition_time(&mut rng, start, self.now - room);
        let times = calendar::repeat_times(&mut rng, first, self.now, count);
        let orders = times
            .into_iter()
            .enumerate()
            .map(|(seq, at)| orders::order(&mut rng, platform, index, seq, at, self.now))
            .collect();
        DemoCustomer { identity, profile, orders }
    }

    /// All customers in order.
    pub fn iter(&self) -> impl Iterator<Item = DemoCustomer> + '_ {
        (0..self.customers).map(|i| self.customer(i))
    }

    /// A number unique to `index` within this shop, scrambled so that
    /// neighbouring customers do not get neighbouring nick suffixes.
    fn unique_number(&self, index: u32) -> u64 {
        // An affine map modulo the shop size is a bijection when the multiplier is
        // coprime with it; 7919 is prime, so only shops of a multiple of it need the
        // fallback of the plain index.
        let n = u64::from(self.customers.max(1));
        if n % 7919 == 0 {
            return u64::from(index) + 1;
        }
        (u64::from(index) * 7919 + self.seed % n) % n + 1
    }
}

/// Orders one customer places: P(k) ∝ k^-1.7 for k in 1..=30.
fn order_count(rng: &mut ChaCha8Rng) -> usize {
    const EXPONENT: f64 = 1.7;
    let total: f64 = (1..=MAX_ORDERS).map(|k| (k as f64).powf(-EXPONENT)).sum();
    let mut u = rng.random::<f64>() * total;
    for k in 1..=MAX_ORDERS {
        u -= (k as f64).powf(-EXPONENT);
        if u <= 0.0 {
            return k;
        }
    }
    MAX_ORDERS
}

#[cfg(test)]
mod tests;
