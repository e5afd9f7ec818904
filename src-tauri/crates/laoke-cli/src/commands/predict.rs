//! `laoke predict`: every buyer's P(alive), expected purchases and CLV from the
//! models fitted on the shop's purchases (see `laoke_store::prediction`).

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::NaiveDate;
use laoke_core::predict::{PredictError, Unit};
use laoke_store::{PredictRequest, Store};
use std::fmt::Write;

pub fn run(store: &Store, as_of: Option<&str>, unit: &str, horizon: i64) -> Result<Output, Failure> {
    let as_of = as_of
        .map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| UsageError::PredictDate { value: d.to_owned() })
        })
        .transpose()?;
    let unit: Unit = unit
        .trim()
        .parse()
        .map_err(|_| laoke_store::StoreError::from(PredictError::UnknownUnit { value: unit.to_owned() }))?;
    let p = store.predict(&PredictRequest { as_of, unit, horizon_days: horizon })?;
    let m = &p.model;
    let mut text = String::new();
    let fmt = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.4}"));
    let _ = writeln!(
        text,
        "as of {} ({}s), {} customers, {} repeat buyers, fitted in {} ms",
        m.as_of, m.unit, m.customers, m.repeat_buyers, m.fit_ms
    );
    let _ = writeln!(
        text,
        "BG/NBD r {} alpha {} a {} b {} LL {}; Gamma-Gamma p {} q {} gamma {}",
        fmt(m.r),
        fmt(m.alpha),
        fmt(m.a),
        fmt(m.b),
        fmt(m.ll),
        fmt(m.p),
        fmt(m.q),
        fmt(m.gamma)
    );
    match &m.why {
        None => text.push_str("reliable\n"),
        Some(why) => {
            let _ = writeln!(text, "not reliable: {} (the figures follow the fallback rule)", why.message);
        }
    }
    for c in p.customers.iter().take(20) {
        let _ = writeln!(
            text,
            "{:<24} p_alive {:.4}  next 90 days {:.4}  clv {}",
            c.buyer_id, c.p_alive, c.expected_90d, c.clv
        );
    }
    Ok(Output { json: to_json(&p), text })
}
