//! The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo
//! & Jiang 1999): a customer's transaction values are gamma(p, ν) around their
//! own mean, and ν is gamma(q, γ) across customers. Fitted on the customers with
//! at least one repeat purchase, from the number x and mean of their repeat
//! transactions; it gives each customer's expected average transaction value.

use super::optimize::{self, Optimum};
use super::special::ln_gamma;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

impl GammaGamma {
    fn from_params(v: &[f64]) -> GammaGamma {
        GammaGamma { p: v[0], q: v[1], gamma: v[2] }
    }

    /// The log-likelihood of (x, mean value) pairs, x ≥ 1.
    pub fn log_likelihood(&self, data: &[(u32, f64)]) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        let base = -ln_gamma(q) + q * gamma.ln();
        data.iter()
            .map(|&(x, m)| {
                let px = p * f64::from(x);
                ln_gamma(px + q) - ln_gamma(px) + (px - 1.0) * m.ln() + px * f64::from(x).ln()
                    - (px + q) * (f64::from(x) * m + gamma).ln()
                    + base
            })
            .sum()
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
        let starts = [vec![0.0, 0.0, mean.ln()], vec![1.0, 1.0, mean.ln()], vec![2.0, 1.5, mean.ln() + 1.0]];
        let ll = |v: &[f64]| GammaGamma::from_params(v).log_likelihood(&data);
        let best = optimize::maximize(&ll, &starts)?;
        Some((GammaGamma::from_params(&best.params), best))
    }
}
