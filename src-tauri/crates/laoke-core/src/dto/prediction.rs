//! A shop's forecast as `laoke predict --json` prints it and the app shows it:
//! the fitted models and, per customer, the summary the models read and what
//! they predict. The rules are `crate::predict`.

use crate::error::ErrorDto;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The models behind a forecast. The parameters are those of a reliable fit,
/// else null: the figures then come from the fallback rule (`why` says why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PredictionModel {
    pub r: Option<f64>,
    pub alpha: Option<f64>,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// The BG/NBD log-likelihood at the fit.
    pub ll: Option<f64>,
    pub p: Option<f64>,
    pub q: Option<f64>,
    pub gamma: Option<f64>,
    /// How long fitting both models took.
    #[ts(type = "number")]
    pub fit_ms: u64,
    pub reliable: bool,
    /// Why the fit is not used (`predict.too_few_customers` …), when it is not.
    pub why: Option<ErrorDto>,
    /// The calibration end (YYYY-MM-DD, shop time).
    pub as_of: String,
    /// `day` or `week`: the unit of x, t_x and T.
    pub unit: String,
    pub horizon_days: u32,
    pub customers: u32,
    pub repeat_buyers: u32,
}

/// One customer's summary and forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerForecast {
    /// The customer (a merged person's kept customer).
    #[ts(type = "number")]
    pub id: i64,
    pub buyer_id: String,
    pub nick: String,
    /// Repeat transactions (purchase days after the first) up to the calibration end.
    pub x: u32,
    /// From the first to the last transaction, in the unit.
    pub t_x: f64,
    /// From the first transaction to the calibration end, in the unit.
    #[serde(rename = "T")]
    #[ts(rename = "T")]
    pub t: f64,
    /// 4 places.
    pub p_alive: f64,
    /// Purchases expected in the next 90 days, 4 places.
    pub expected_90d: f64,
    /// Purchases expected within the horizon, 4 places.
    pub expected: f64,
    /// The expected value of one purchase.
    #[ts(type = "string")]
    pub value: Decimal,
    /// The discounted value of the purchases expected within the horizon.
    #[ts(type = "string")]
    pub clv: Decimal,
    /// What their transactions up to the calibration end came to.
    #[ts(type = "string")]
    pub spent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Prediction {
    pub model: PredictionModel,
    pub customers: Vec<CustomerForecast>,
}
