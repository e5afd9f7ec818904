//! `laoke coupons`: plans with their estimates and results, adding from a file,
//! estimating a plan's cost before it goes out (saving nothing), results.

use super::{to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::Utc;
use laoke_core::dto::CouponPlan;
use laoke_store::{Store, StoreError};
use std::fmt::Write as _;
use std::path::Path;

fn plan(file: &Path) -> Result<CouponPlan, Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| UsageError::CouponFile { file: file.display().to_string(), reason: e.to_string() })?;
    Ok(laoke_core::coupon::parse(&text).map_err(StoreError::from)?)
}

pub fn list(store: &Store) -> Result<Output, Failure> {
    let plans = store.coupon_plans(None, today(store)?)?;
    let mut text = String::new();
    for v in &plans {
        let e = &v.estimate;
        let _ = writeln!(
            text,
            "{:>4}  {:<20} {:<24} {}..{}  {} to {}: cost {}–{} (expected {})",
            v.id,
            v.plan.name,
            v.offer,
            v.plan.valid_from,
            v.plan.valid_to,
            e.handed_out,
            e.target_size,
            e.cost_low,
            e.cost_high,
            e.cost_expected
        );
    }
    Ok(Output { json: to_json(&plans), text })
}

pub fn add(store: &mut Store, file: &Path) -> Result<Output, Failure> {
    let p = plan(file)?;
    let day = today(store)?;
    let v = store.add_coupon_plan(&p, Utc::now(), day)?;
    Ok(Output {
        json: serde_json::json!({ "id": v.id, "estimate": to_json(&v.estimate) }),
        text: format!("coupon plan {} added", v.id),
    })
}

pub fn estimate(store: &Store, file: &Path) -> Result<Output, Failure> {
    let e = store.estimate_coupon_plan(None, &plan(file)?, today(store)?)?;
    let text = format!(
        "{} customers, {} coupons; redemption {} ({}–{}, {}): {} expected; cost {} – {} – {}",
        e.target_size,
        e.handed_out,
        e.redemption_rate,
        e.rate_low,
        e.rate_high,
        <&str>::from(e.rate_source),
        e.expected_redemptions,
        e.cost_low,
        e.cost_expected,
        e.cost_high
    );
    Ok(Output { json: to_json(&e), text })
}

pub fn results(store: &mut Store, id: i64, redeemed: i64) -> Result<Output, Failure> {
    let day = today(store)?;
    let r = store.record_coupon_results(id, redeemed, Utc::now(), day)?;
    Ok(results_output(&r))
}

/// `coupons results ID --from-orders`: the redemptions matched in the imported orders.
pub fn results_from_orders(store: &mut Store, id: i64) -> Result<Output, Failure> {
    let day = today(store)?;
    let r = store.record_coupon_results_from_orders(None, id, Utc::now(), day)?;
    Ok(results_output(&r))
}

fn results_output(r: &laoke_core::dto::CouponResults) -> Output {
    let roi = r.roi.map_or("-".to_owned(), |x| x.to_string());
    let mut text =
        format!("{} redeemed, cost {}, {} orders, revenue {}, ROI {roi}", r.redeemed, r.cost, r.orders, r.revenue);
    if r.source == laoke_core::dto::ResultSource::Orders {
        text.push_str(&format!(" (matched in orders: {} by code, {} by offer)", r.by_code, r.by_offer));
    }
    Output { json: to_json(r), text }
}

pub fn delete(store: &mut Store, id: i64) -> Result<Output, Failure> {
    store.delete_coupon_plan(id)?;
    Ok(Output { json: serde_json::json!({ "deleted": id }), text: format!("coupon plan {id} deleted") })
}
