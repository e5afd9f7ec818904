//! The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo
//! & Jiang 1999): a customer's transaction values are gamma(p, ν) around their
//! own mean, and ν is gamma(q, γ) across customers. Fitted on the customers with
//! at least one repeat purchase, from the number x and mean of their repeat
//! transactions; it gives each customer's expected average transaction value.

use super::optimize::{self, Likelihood, Optimum};
use super::special::{digamma, ln_gamma};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

impl GammaGamma {
    /// The model from the searched parameters (p, q, γ/q): the likelihood's
    /// ridge runs along γ ∝ q (the same mean spend level), so searching over
    /// γ/q instead of γ keeps the search off that ridge's narrow valley.
    fn from_search(v: &[f64]) -> GammaGamma {
        GammaGamma { p: v[0], q: v[1], gamma: v[1] * v[2] }
    }

    /// The log-likelihood of (x, mean value) pairs, x ≥ 1.
    pub fn log_likelihood(&self, data: &[(u32, f64)]) -> f64 {
        evaluate(*self, &Sample::of(data), None)
    }

    /// E[M | x, mean]: the expected average transaction value of a customer with
    /// `x` repeat transactions of mean `mean` (with none, the population mean).
    pub fn expected_value(&self, x: u32, mean: f64) -> f64 {
        let x = f64::from(x);
        self.p * (self.gamma + x * mean) / (self.p * x + self.q - 1.0)
    }

    /// The maximum-likelihood fit on the customers with repeat purchases and a
    /// positive mean; `None` when there are none.
    pub fn fit(data: &[(u32, f64)]) -> Option<(GammaGamma, Optimum)> {
        let data: Vec<(u32, f64)> = data.iter().copied().filter(|&(x, m)| x > 0 && m > 0.0).collect();
        if data.is_empty() {
            return None;
        }
        let mean = data.iter().map(|d| d.1).sum::<f64>() / data.len() as f64;
        // The mean spend is about p·γ/q: each start puts p·(γ/q) at the data's mean.
        let starts = [vec![0.0, 0.0, mean.ln()], vec![1.0, 1.0, mean.ln() - 1.0], vec![2.0, 1.5, mean.ln() - 2.0]];
        let coarse = optimize::coarse_sample(&data).map(|d| Sample::of(&d));
        let best = optimize::maximize(&Sample::of(&data), coarse.as_ref().map(|c| c as &dyn Likelihood), &starts)?;
        Some((GammaGamma::from_search(&best.params), best))
    }
}

/// The (x, mean) pairs of a fit, with what depends on the data alone computed
/// once: ln m, ln x, and the x's themselves (a few dozen distinct ones), so that
/// the gamma-function terms are computed per x, not per customer.
pub(crate) struct Sample {
    /// (index of x in `xs`, x·m, ln m).
    rows: Vec<(u32, f64, f64)>,
    /// The distinct x with their weight.
    xs: Vec<(f64, f64)>,
}

impl Sample {
    pub(crate) fn of(data: &[(u32, f64)]) -> Sample {
        let mut distinct: Vec<u32> = data.iter().map(|d| d.0).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut xs: Vec<(f64, f64)> = distinct.iter().map(|&x| (f64::from(x), 0.0)).collect();
        let rows = data
            .iter()
            .map(|&(x, m)| {
                let i = distinct.partition_point(|&d| d < x);
                xs[i].1 += 1.0;
                (i as u32, f64::from(x) * m, m.ln())
            })
            .collect();
        Sample { rows, xs }
    }
}

/// The log-likelihood and its gradient in the logs of (p, q, γ). A customer's
/// term is lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q·ln γ + (px−1)·ln m + px·ln x −
/// (px+q)·ln(xm+γ), whose derivatives are
/// - ∂p: x·(ψ(px+q) − ψ(px) + ln m + ln x − ln(xm+γ))
/// - ∂q: ψ(px+q) − ψ(q) + ln γ − ln(xm+γ)
/// - ∂γ: q/γ − (px+q)/(xm+γ)
fn evaluate(m: GammaGamma, s: &Sample, gradient: Option<&mut [f64]>) -> f64 {
    let GammaGamma { p, q, gamma } = m;
    let (ln_gamma_, psi_q) = (gamma.ln(), digamma(q));
    let base = -ln_gamma(q) + q * ln_gamma_;
    let (mut ll, mut g) = (0.0, [0.0_f64; 3]);
    // Per x: its gamma-function terms, and ψ(px+q) − ψ(px).
    let per_x: Vec<(f64, f64)> =
        s.xs.iter()
            .map(|&(x, n)| {
                let px = p * x;
                ll += n * (ln_gamma(px + q) - ln_gamma(px) + px * x.ln() + base);
                let psi = digamma(px + q);
                g[0] += n * x * (psi - digamma(px) + x.ln());
                g[1] += n * (psi - psi_q + ln_gamma_);
                (x, px)
            })
            .collect();
    for &(i, xm, ln_m) in &s.rows {
        let (x, px) = per_x[i as usize];
        let ln_xm = (xm + gamma).ln();
        ll += (px - 1.0) * ln_m - (px + q) * ln_xm;
        g[0] += x * (ln_m - ln_xm);
        g[1] -= ln_xm;
        g[2] += q / gamma - (px + q) / (xm + gamma);
    }
    if let Some(out) = gradient {
        for (o, (gi, v)) in out.iter_mut().zip(g.iter().zip([p, q, gamma])) {
            *o = gi * v;
        }
    }
    ll
}

impl Likelihood for Sample {
    fn count(&self) -> f64 {
        self.rows.len() as f64
    }

    /// In the search's parameters (p, q, γ/q): with ln γ = ln q + ln(γ/q), the
    /// derivative in ln q gains the one in ln γ.
    fn evaluate(&self, params: &[f64], gradient: Option<&mut [f64]>) -> f64 {
        let m = GammaGamma::from_search(params);
        match gradient {
            None => evaluate(m, self, None),
            Some(out) => {
                let ll = evaluate(m, self, Some(out));
                out[1] += out[2];
                ll
            }
        }
    }
}
