//! A shop's forecast from its fitted models: per customer P(alive), the
//! purchases to expect in the next 90 days and in the horizon, the expected
//! value of a purchase and the customer lifetime value (CLV) over the horizon.
//!
//! CLV = Σ over the horizon's months i of (the purchases expected in month i) ×
//! (the expected value of a purchase) / (1 + d)^i, d the monthly discount rate
//! ([`MONTHLY_DISCOUNT`], 1 %: money next year is worth about 11 % less to a
//! small shop than money now), months of 30 days, the last one partial.
//!
//! The models are only as good as the data: with fewer than [`MIN_CUSTOMERS`]
//! customers or [`MIN_REPEAT_BUYERS`] repeat buyers, or a fit that did not
//! converge inside its bounds, the forecast is marked not reliable, says why,
//! and uses the fallback rule instead, never the fit:
//! - τ, the shop's mean time between two purchases of one customer (over its
//!   repeat buyers; 90 days without any);
//! - P(alive) = e^−(T − t_x)/τ, fading as the time since the last purchase grows;
//! - purchases expected in h = P(alive) × (x + 1) / max(T, τ) × h (the
//!   customer's own rate, a newcomer's over at least τ);
//! - the value of a purchase = the customer's mean transaction value.

use super::{BgNbd, GammaGamma, Summary, Unit};
use serde::Serialize;

/// Days the `expected_90d` figure looks ahead.
pub const EXPECTED_DAYS: f64 = 90.0;
/// The monthly discount rate of the CLV.
pub const MONTHLY_DISCOUNT: f64 = 0.01;
/// The fewest customers a fit is trusted on.
pub const MIN_CUSTOMERS: usize = 100;
/// The fewest repeat buyers a fit is trusted on.
pub const MIN_REPEAT_BUYERS: usize = 20;
/// The longest horizon, in days (10 years).
pub const MAX_HORIZON_DAYS: u32 = 3650;
/// τ for a shop without repeat buyers, in days.
const FALLBACK_GAP_DAYS: f64 = 90.0;

/// Why a forecast cannot be computed as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "predict.", serialize_all = "snake_case")]
pub enum PredictError {
    #[error("the horizon is {value} days; it must be 1 to {max} days")]
    HorizonOutOfRange { value: i64, max: u32 },
    #[error("the calibration end {as_of} is before the first purchase ({first})")]
    AsOfBeforeFirstPurchase { as_of: String, first: String },
    #[error("the time unit is day or week, not {value:?}")]
    UnknownUnit { value: String },
}

crate::coded_errors!(PredictError);

/// Why the models' figures are not used: the fallback rule's are.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "predict.", serialize_all = "snake_case")]
pub enum Unreliable {
    #[error("{customers} customers are too few for a stable fit (at least {min})")]
    TooFewCustomers { customers: usize, min: usize },
    #[error("{repeat_buyers} repeat buyers are too few for a stable fit (at least {min})")]
    TooFewRepeatBuyers { repeat_buyers: usize, min: usize },
    #[error("the purchase model did not converge on this shop's data")]
    NotConverged,
}

crate::coded_errors!(Unreliable);

/// Checks a horizon in days.
pub fn check_horizon(days: i64) -> Result<u32, PredictError> {
    if days < 1 || days > i64::from(MAX_HORIZON_DAYS) {
        return Err(PredictError::HorizonOutOfRange { value: days, max: MAX_HORIZON_DAYS });
    }
    Ok(days as u32)
}

/// The models a forecast uses, or the fallback rule's one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    Models {
        purchases: BgNbd,
        spend: Option<GammaGamma>,
    },
    /// τ in the unit.
    Fallback {
        gap: f64,
    },
}

/// Decides between the fit and the fallback: `fit` is the BG/NBD fit (with
/// whether it converged), `spend` the Gamma-Gamma fit (if any).
pub fn method(
    data: &[Summary],
    fit: Option<(BgNbd, bool)>,
    spend: Option<(GammaGamma, bool)>,
    unit: Unit,
) -> (Method, Option<Unreliable>) {
    let repeat = data.iter().filter(|s| s.x > 0).count();
    let why = if data.len() < MIN_CUSTOMERS {
        Some(Unreliable::TooFewCustomers { customers: data.len(), min: MIN_CUSTOMERS })
    } else if repeat < MIN_REPEAT_BUYERS {
        Some(Unreliable::TooFewRepeatBuyers { repeat_buyers: repeat, min: MIN_REPEAT_BUYERS })
    } else if !fit.is_some_and(|(_, converged)| converged) {
        Some(Unreliable::NotConverged)
    } else {
        None
    };
    match (why, fit) {
        (None, Some((purchases, _))) => {
            // A spend model that did not converge is left out: values fall back to the customer's mean.
            let spend = spend.filter(|(_, converged)| *converged).map(|(m, _)| m);
            (Method::Models { purchases, spend }, None)
        }
        (why, _) => {
            let (gaps, n) =
                data.iter().filter(|s| s.x > 0).fold((0.0, 0.0), |(g, n), s| (g + s.t_x, n + f64::from(s.x)));
            let gap = if n > 0.0 { gaps / n } else { FALLBACK_GAP_DAYS / unit.days() };
            (Method::Fallback { gap }, why)
        }
    }
}

/// One customer's forecast.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Forecast {
    pub p_alive: f64,
    pub expected_90d: f64,
    /// Purchases expected within the horizon.
    pub expected: f64,
    /// The expected value of one purchase.
    pub value: f64,
    pub clv: f64,
}

impl Method {
    /// The purchases expected in the next `h` (in the unit).
    fn expected(&self, s: &Summary, h: f64) -> f64 {
        match *self {
            Method::Models { purchases, .. } => purchases.expected(s, h),
            Method::Fallback { gap } => self.p_alive(s) * f64::from(s.x + 1) / s.t.max(gap) * h,
        }
    }

    fn p_alive(&self, s: &Summary) -> f64 {
        match *self {
            Method::Models { purchases, .. } => purchases.p_alive(s),
            Method::Fallback { gap } => (-(s.t - s.t_x) / gap).exp(),
        }
    }

    /// A customer's forecast over `horizon_days`; without a spend model (or a
    /// repeat purchase) the next purchase is worth the mean of all of theirs.
    pub fn forecast(&self, s: &Summary, unit: Unit, horizon_days: u32) -> Forecast {
        let value = match *self {
            Method::Models { spend: Some(gg), .. } if s.x > 0 => {
                gg.expected_value(s.x, s.mean_repeat.unwrap_or(s.mean))
            }
            _ => s.mean,
        };
        let in_unit = |days: f64| days / unit.days();
        let horizon = f64::from(horizon_days);
        let mut clv = 0.0;
        let (mut month, mut before) = (1, 0.0);
        while f64::from(month - 1) * 30.0 < horizon {
            let end = (f64::from(month) * 30.0).min(horizon);
            let by_end = self.expected(s, in_unit(end));
            clv += (by_end - before) * value / (1.0 + MONTHLY_DISCOUNT).powi(month);
            before = by_end;
            month += 1;
        }
        Forecast {
            p_alive: self.p_alive(s),
            expected_90d: self.expected(s, in_unit(EXPECTED_DAYS)),
            expected: before,
            value,
            clv,
        }
    }
}
