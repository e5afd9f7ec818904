//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
//! Easy Way"): while alive, a customer buys as a Poisson process whose rate is
//! gamma(r, α) across customers; after each purchase they drop out with a
//! probability that is beta(a, b) across customers. From a customer's x repeat
//! purchases, the time t_x of the last and their age T it gives P(alive) and
//! the purchases to expect in any horizon. Equations as numbered in the paper.

use super::optimize::{self, Optimum};
use super::special::{hyp2f1, ln_gamma};
use super::Summary;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// The customers of a fit, those with the same (x, t_x, T) counted once with a weight.
struct Groups {
    rows: Vec<(u32, f64, f64, f64)>,
    max_x: u32,
}

impl Groups {
    fn of(data: &[Summary]) -> Groups {
        let mut keys: Vec<(u32, u64, u64)> = data.iter().map(|s| (s.x, s.t_x.to_bits(), s.t.to_bits())).collect();
        keys.sort_unstable();
        let mut rows: Vec<(u32, f64, f64, f64)> = Vec::new();
        for (x, t_x, t) in keys {
            let (t_x, t) = (f64::from_bits(t_x), f64::from_bits(t));
            match rows.last_mut() {
                Some(last) if last.0 == x && last.1 == t_x && last.2 == t => last.3 += 1.0,
                _ => rows.push((x, t_x, t, 1.0)),
            }
        }
        let max_x = rows.iter().map(|r| r.0).max().unwrap_or(0);
        Groups { rows, max_x }
    }
}

impl BgNbd {
    fn from_params(p: &[f64]) -> BgNbd {
        BgNbd { r: p[0], alpha: p[1], a: p[2], b: p[3] }
    }

    /// The log-likelihood of the data (equation 6, in logs).
    pub fn log_likelihood(&self, data: &[Summary]) -> f64 {
        self.ll_groups(&Groups::of(data))
    }

    fn ll_groups(&self, g: &Groups) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        // The gamma-function terms depend on x alone: once per x, not per customer.
        let common = ln_gamma(a + b) - ln_gamma(b) - ln_gamma(r) + r * alpha.ln();
        let by_x: Vec<f64> = (0..=g.max_x)
            .map(|x| {
                let x = f64::from(x);
                ln_gamma(r + x) + ln_gamma(b + x) - ln_gamma(a + b + x) + common
            })
            .collect();
        let mut ll = 0.0;
        for &(x, t_x, t, weight) in &g.rows {
            let xf = f64::from(x);
            let a3 = -(r + xf) * (alpha + t).ln();
            let tail = if x > 0 {
                let a4 = a.ln() - (b + xf - 1.0).ln() - (r + xf) * (alpha + t_x).ln();
                log_add_exp(a3, a4)
            } else {
                a3
            };
            ll += weight * (by_x[x as usize] + tail);
        }
        ll
    }

    /// P(alive | x, t_x, T) (equation 11).
    pub fn p_alive(&self, s: &Summary) -> f64 {
        if s.x == 0 {
            return 1.0;
        }
        let x = f64::from(s.x);
        let ratio = ((self.alpha + s.t) / (self.alpha + s.t_x)).ln() * (self.r + x);
        1.0 / (1.0 + self.a / (self.b + x - 1.0) * ratio.exp())
    }

    /// E[Y(horizon) | x, t_x, T]: the purchases to expect in the next `horizon`
    /// (equation 10).
    pub fn expected(&self, s: &Summary, horizon: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(s.x);
        let z = horizon / (alpha + s.t + horizon);
        let head = (a + b + x - 1.0) / (a - 1.0);
        let shrink = ((alpha + s.t) / (alpha + s.t + horizon)).powf(r + x);
        let body = 1.0 - shrink * hyp2f1(r + x, b + x, a + b + x - 1.0, z);
        let alive_odds = if s.x > 0 { a / (b + x - 1.0) * ((alpha + s.t) / (alpha + s.t_x)).powf(r + x) } else { 0.0 };
        head * body / (1.0 + alive_odds)
    }

    /// The maximum-likelihood fit: `None` when the data give no finite likelihood.
    pub fn fit(data: &[Summary]) -> Option<(BgNbd, Optimum)> {
        let g = Groups::of(data);
        let mean_t = data.iter().map(|s| s.t).sum::<f64>() / data.len().max(1) as f64;
        let span = mean_t.max(1.0).ln();
        let starts = [
            vec![0.0, span, 0.0, 0.0],
            vec![-1.0, span - 1.0, -0.5, 1.0],
            vec![0.5, span + 1.0, 0.5, 0.5],
            vec![0.0; 4],
        ];
        let ll = |p: &[f64]| BgNbd::from_params(p).ll_groups(&g);
        let best = optimize::maximize(&ll, &starts)?;
        Some((BgNbd::from_params(&best.params), best))
    }
}

/// ln(eᵃ + eᵇ) without overflow.
fn log_add_exp(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}
