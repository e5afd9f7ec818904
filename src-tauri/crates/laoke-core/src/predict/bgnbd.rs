//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
//! Easy Way"): while alive, a customer buys as a Poisson process whose rate is
//! gamma(r, α) across customers; after each purchase they drop out with a
//! probability that is beta(a, b) across customers. From a customer's x repeat
//! purchases, the time t_x of the last and their age T it gives P(alive) and
//! the purchases to expect in any horizon. Equations as numbered in the paper.

use super::optimize::{self, Likelihood, Optimum};
use super::special::{hyp2f1, ln_gamma};
use super::Summary;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// The customers of a fit, arranged so that one evaluation of the likelihood
/// and its gradient does the fewest logarithms: customers with the same
/// (x, t_x, T) are one row with a weight, those without a repeat purchase are
/// grouped by T alone (their term depends on nothing else), and ln(α + T) and
/// ln(α + t_x) are computed once per distinct time, not once per row. Times are
/// whole days in a unit, so a shop of any size has a few hundred distinct ones.
pub(crate) struct Sample {
    /// The distinct T and t_x.
    times: Vec<f64>,
    /// (T's index in `times`, weight) of the customers with x = 0.
    newcomers: Vec<(u32, f64)>,
    /// (x, T's index, t_x's index, weight) of the customers with x ≥ 1.
    repeaters: Vec<(u32, u32, u32, f64)>,
    /// The weight of each x, 0 to the largest.
    per_x: Vec<f64>,
    customers: f64,
}

impl Sample {
    pub(crate) fn of(data: &[Summary]) -> Sample {
        // Hashing, not sorting, the customers: a few hundred distinct times and
        // a hundred thousand distinct rows among hundreds of thousands.
        let distinct: HashSet<u64> = data.iter().flat_map(|s| [s.t.to_bits(), s.t_x.to_bits()]).collect();
        let mut times: Vec<f64> = distinct.into_iter().map(f64::from_bits).collect();
        times.sort_unstable_by(f64::total_cmp);
        let at: HashMap<u64, u32> = times.iter().enumerate().map(|(i, t)| (t.to_bits(), i as u32)).collect();
        let mut per_x = vec![0.0; data.iter().map(|s| s.x as usize + 1).max().unwrap_or(1)];
        let mut newcomers: HashMap<u32, f64> = HashMap::default();
        let mut repeaters: HashMap<(u32, u32, u32), f64> = HashMap::default();
        for s in data {
            per_x[s.x as usize] += 1.0;
            let t = at[&s.t.to_bits()];
            if s.x == 0 {
                *newcomers.entry(t).or_default() += 1.0;
            } else {
                *repeaters.entry((s.x, t, at[&s.t_x.to_bits()])).or_default() += 1.0;
            }
        }
        // In a fixed order, so that the sums, and the fit, are reproducible.
        let mut newcomers: Vec<(u32, f64)> = newcomers.into_iter().collect();
        newcomers.sort_unstable_by_key(|r| r.0);
        let mut repeaters: Vec<(u32, u32, u32, f64)> =
            repeaters.into_iter().map(|((x, t, tx), n)| (x, t, tx, n)).collect();
        repeaters.sort_unstable_by_key(|r| (r.0, r.1, r.2));
        Sample { times, newcomers, repeaters, per_x, customers: data.len() as f64 }
    }
}

/// The log-likelihood (equation 6, in logs) of a sample, and its gradient in
/// the logs of (r, α, a, b). With A₃ = −(r+x)·ln(α+T), A₄ = ln a − ln(b+x−1) −
/// (r+x)·ln(α+t_x) and w = e^A₄ / (e^A₃ + e^A₄) (0 when x = 0), a customer's
/// term is lnΓ(r+x) − lnΓ(r) + r·ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) −
/// lnΓ(a+b+x) + ln(e^A₃ + e^A₄), whose derivatives are
/// - ∂r: ψ(r+x) − ψ(r) + ln α − (1−w)·ln(α+T) − w·ln(α+t_x)
/// - ∂α: r/α − (r+x)·((1−w)/(α+T) + w/(α+t_x))
/// - ∂a: ψ(a+b) − ψ(a+b+x) + w/a
/// - ∂b: ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1)
///
/// where ψ(y+x) − ψ(y) = Σₖ₌₀..ₓ₋₁ 1/(y+k) for a whole x; the gradient in ln p
/// is p times the one in p.
fn evaluate(m: BgNbd, s: &Sample, gradient: Option<&mut [f64]>) -> f64 {
    let BgNbd { r, alpha, a, b } = m;
    let ln_alpha = alpha.ln();
    let ln_at: Vec<f64> = s.times.iter().map(|t| (alpha + t).ln()).collect();
    // The terms that depend on x alone: once per x, not per customer.
    let common = ln_gamma(a + b) - ln_gamma(b) - ln_gamma(r) + r * ln_alpha;
    let (mut ll, mut g) = (0.0, [0.0_f64; 4]);
    let (mut dr, mut dab, mut db) = (0.0, 0.0, 0.0);
    let mut shift = Vec::with_capacity(s.per_x.len());
    for (x, &n) in s.per_x.iter().enumerate() {
        let xf = x as f64;
        if x > 0 {
            // ψ(y + x) − ψ(y) grows by 1/(y + x − 1) from one x to the next.
            dr += 1.0 / (r + xf - 1.0);
            dab += 1.0 / (a + b + xf - 1.0);
            db += 1.0 / (b + xf - 1.0);
        }
        let ln_b = if x > 0 { (b + xf - 1.0).ln() } else { 0.0 };
        shift.push((a.ln() - ln_b, 1.0 / (b + xf - 1.0)));
        if n == 0.0 {
            continue;
        }
        ll += n * (ln_gamma(r + xf) + ln_gamma(b + xf) - ln_gamma(a + b + xf) + common);
        g[0] += n * (dr + ln_alpha);
        g[1] += n * r / alpha;
        g[2] -= n * dab;
        g[3] += n * (db - dab);
    }
    for &(t, n) in &s.newcomers {
        let ln_t = ln_at[t as usize];
        ll -= n * r * ln_t;
        g[0] -= n * ln_t;
        g[1] -= n * r / (alpha + s.times[t as usize]);
    }
    for &(x, t, t_x, n) in &s.repeaters {
        let (xf, (ln_t, ln_tx)) = (f64::from(x), (ln_at[t as usize], ln_at[t_x as usize]));
        let (ln_ab, inv_b) = shift[x as usize];
        let a3 = -(r + xf) * ln_t;
        let a4 = ln_ab - (r + xf) * ln_tx;
        // ln(e^A₃ + e^A₄) and w from one exponential.
        let d = a4 - a3;
        let e = (-d.abs()).exp();
        ll += n * (a3.max(a4) + e.ln_1p());
        let w = if d > 0.0 { 1.0 / (1.0 + e) } else { e / (1.0 + e) };
        let (at_t, at_tx) = (1.0 / (alpha + s.times[t as usize]), 1.0 / (alpha + s.times[t_x as usize]));
        g[0] -= n * ((1.0 - w) * ln_t + w * ln_tx);
        g[1] -= n * (r + xf) * ((1.0 - w) * at_t + w * at_tx);
        g[2] += n * w / a;
        g[3] -= n * w * inv_b;
    }
    if let Some(out) = gradient {
        for (o, (gi, p)) in out.iter_mut().zip(g.iter().zip([r, alpha, a, b])) {
            *o = gi * p;
        }
    }
    ll
}

impl Likelihood for Sample {
    fn count(&self) -> f64 {
        self.customers
    }

    fn evaluate(&self, params: &[f64], gradient: Option<&mut [f64]>) -> f64 {
        evaluate(BgNbd::from_params(params), self, gradient)
    }
}

impl BgNbd {
    fn from_params(p: &[f64]) -> BgNbd {
        BgNbd { r: p[0], alpha: p[1], a: p[2], b: p[3] }
    }

    /// The log-likelihood of the data (equation 6, in logs).
    pub fn log_likelihood(&self, data: &[Summary]) -> f64 {
        evaluate(*self, &Sample::of(data), None)
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
        let sample = Sample::of(data);
        let mean_t = data.iter().map(|s| s.t).sum::<f64>() / data.len().max(1) as f64;
        let span = mean_t.max(1.0).ln();
        let starts = [
            vec![0.0, span, 0.0, 0.0],
            vec![-1.0, span - 1.0, -0.5, 1.0],
            vec![0.5, span + 1.0, 0.5, 0.5],
            vec![0.0; 4],
        ];
        let coarse = optimize::coarse_sample(data).map(|d| Sample::of(&d));
        let best = optimize::maximize(&sample, coarse.as_ref().map(|c| c as &dyn Likelihood), &starts)?;
        Some((BgNbd::from_params(&best.params), best))
    }
}
