//! Prediction: the BG/NBD purchase model and the Gamma-Gamma spend model,
//! fitted by maximum likelihood on the shop's own purchases, in pure Rust.
//!
//! What the models count (checked against the BG/NBD paper's CDNOW results):
//! a customer's transactions are their distinct purchase days (several orders
//! on one day are one transaction, as the paper counts CDNOW's same-day rows),
//! every paid order counting, zero-value ones included. Of the days up to the
//! calibration end, x is the number after the first, t_x the time from the
//! first to the last and T the time from the first to the end, in days or weeks
//! (`Unit`). The spend model reads the mean of the repeat transactions' values
//! (day totals, the first day left out) of the customers with x ≥ 1.

pub mod bgnbd;
pub mod forecast;
pub mod gamma_gamma;
mod optimize;
pub mod special;

pub use bgnbd::BgNbd;
pub use forecast::{Forecast, Method, PredictError, Unreliable};
pub use gamma_gamma::GammaGamma;
pub use optimize::Optimum;

use chrono::NaiveDate;

/// The time unit x, t_x, T and horizons are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    Day,
    Week,
}

impl Unit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
        }
    }
}

/// A customer as the models see them at a calibration end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Repeat transactions: distinct purchase days after the first.
    pub x: u32,
    /// From the first transaction to the last.
    pub t_x: f64,
    /// From the first transaction to the calibration end.
    pub t: f64,
    /// The mean value of the repeat transactions (none without one).
    pub mean_repeat: Option<f64>,
    /// The mean value of all the transactions, the first included: what a
    /// customer without a spend model is expected to spend next time.
    pub mean: f64,
}

/// A customer's summary at `end` from their transactions (distinct days with
/// their totals, in any order); `None` when none is on or before `end`.
pub fn summarize(days: &[(NaiveDate, f64)], end: NaiveDate, unit: Unit) -> Option<Summary> {
    let mut seen: Vec<(NaiveDate, f64)> = days.iter().copied().filter(|(d, _)| *d <= end).collect();
    seen.sort_unstable_by_key(|(d, _)| *d);
    let (first, _) = *seen.first()?;
    let (last, _) = *seen.last()?;
    let span = |from: NaiveDate, to: NaiveDate| (to - from).num_days() as f64 / unit.days();
    let x = (seen.len() - 1) as u32;
    let mean_repeat = (x > 0).then(|| seen[1..].iter().map(|(_, v)| v).sum::<f64>() / f64::from(x));
    let mean = seen.iter().map(|(_, v)| v).sum::<f64>() / seen.len() as f64;
    Some(Summary { x, t_x: span(first, last), t: span(first, end), mean_repeat, mean })
}

#[cfg(test)]
mod tests;
