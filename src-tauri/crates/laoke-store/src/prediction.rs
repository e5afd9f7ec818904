//! `laoke predict`: the shop's purchases as the prediction models read them
//! (each person's distinct purchase days with their totals, in shop time),
//! both models fitted, and every buyer's forecast. The models and the rule
//! for when they are trusted are `laoke_core::predict`.
//!
//! A transaction is a day on which the person paid for something: every order
//! that counts as a purchase, and paid orders worth nothing (the BG/NBD paper
//! counts CDNOW's $0.00 orders; a gift or a fully discounted order is still a
//! visit), never a refund document. Without `as_of` the calibration ends on the
//! day of the newest purchase.

use crate::stored_values::{decimal, instant, parsed};
use crate::{Result, Store};
use chrono::NaiveDate;
use laoke_core::archive::{counts_as_paid, OrderKind};
use laoke_core::dto::{CustomerForecast, Prediction, PredictionModel};
use laoke_core::error::ErrorCode;
use laoke_core::predict::{self, forecast, BgNbd, GammaGamma, PredictError, Summary, Unit};
use laoke_core::OrderStatus;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// A repeat buyer below this P(alive) is slipping away.
pub const SLIPPING_BELOW: f64 = 0.5;

/// What `laoke predict` asks.
#[derive(Debug, Clone, Copy)]
pub struct PredictRequest {
    pub as_of: Option<NaiveDate>,
    pub unit: Unit,
    /// The CLV horizon in days (checked: 1 to 3,650).
    pub horizon_days: i64,
}

/// A person's transactions: their days with the day's total.
struct Person {
    buyer_id: String,
    nick: String,
    days: BTreeMap<NaiveDate, Decimal>,
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

fn money(v: f64) -> Decimal {
    Decimal::from_f64(v).unwrap_or_default().round_dp(2)
}

impl Store {
    /// Every person's transactions, by person id.
    fn transactions(&self) -> Result<HashMap<i64, Person>> {
        let tz = self.timezone()?;
        // The person's own row (the kept customer) names them: joined here, not read per person.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {}, o.created_at, o.value, o.kind, o.status, o.cod, p.buyer_id, p.nick
             FROM orders o JOIN customers c ON c.id = o.customer_id JOIN customers p ON p.id = {0}
             WHERE o.kind = 'purchase' OR o.kind = 'other'",
            crate::persons::PERSON_OF_C
        ))?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<i64, Person> = HashMap::new();
        while let Some(r) = rows.next()? {
            let kind = crate::orders::kind_at(r, 3)?;
            let value = decimal(r, 2, "orders", "value")?;
            let status: OrderStatus = parsed(r, 4, "orders", "status")?;
            let paid_nothing = value.is_zero() && counts_as_paid(status, r.get(5)?, false);
            if kind != OrderKind::Purchase && !paid_nothing {
                continue;
            }
            let day = instant(r, 1, "orders", "created_at")?.with_timezone(&tz).date_naive();
            let person = match out.entry(r.get(0)?) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Person { buyer_id: r.get(6)?, nick: r.get(7)?, days: BTreeMap::new() })
                }
            };
            *person.days.entry(day).or_default() += value;
        }
        Ok(out)
    }

    /// The shop's forecast: the models fitted at the calibration end and every
    /// buyer's figures, most valuable first.
    pub fn predict(&self, req: &PredictRequest) -> Result<Prediction> {
        let horizon_days = forecast::check_horizon(req.horizon_days)?;
        let people = self.transactions()?;
        let first = people.values().filter_map(|p| p.days.keys().next()).min().copied();
        let last = people.values().filter_map(|p| p.days.keys().next_back()).max().copied();
        let as_of = req.as_of.or(last).unwrap_or_default();
        if let (Some(asked), Some(first)) = (req.as_of, first) {
            if asked < first {
                return Err(PredictError::AsOfBeforeFirstPurchase {
                    as_of: asked.to_string(),
                    first: first.to_string(),
                }
                .into());
            }
        }
        let mut ids: Vec<i64> = people.keys().copied().collect();
        ids.sort_unstable();
        let mut rows: Vec<(i64, Summary, Decimal)> = Vec::with_capacity(ids.len());
        for id in ids {
            let days: Vec<(NaiveDate, f64)> =
                people[&id].days.iter().map(|(d, v)| (*d, v.to_f64().unwrap_or_default())).collect();
            if let Some(s) = predict::summarize(&days, as_of, req.unit) {
                let spent: Decimal = people[&id].days.range(..=as_of).map(|(_, v)| *v).sum();
                rows.push((id, s, spent));
            }
        }
        let data: Vec<Summary> = rows.iter().map(|(_, s, _)| *s).collect();
        let started = std::time::Instant::now();
        let fit = BgNbd::fit(&data);
        let spend_data: Vec<(u32, f64)> = data.iter().filter_map(|s| Some((s.x, s.mean_repeat?))).collect();
        let spend = GammaGamma::fit(&spend_data);
        let fit_ms = started.elapsed().as_millis() as u64;
        let (method, why) = forecast::method(
            &data,
            fit.as_ref().map(|(m, o)| (*m, o.converged)),
            spend.as_ref().map(|(m, o)| (*m, o.converged)),
            req.unit,
        );
        let used = match method {
            forecast::Method::Models { purchases, spend: gg } => Some((purchases, gg)),
            forecast::Method::Fallback { .. } => None,
        };
        let model = PredictionModel {
            r: used.map(|(m, _)| m.r),
            alpha: used.map(|(m, _)| m.alpha),
            a: used.map(|(m, _)| m.a),
            b: used.map(|(m, _)| m.b),
            ll: used.and(fit.as_ref().map(|(_, o)| o.ll)),
            p: used.and_then(|(_, g)| g).map(|g| g.p),
            q: used.and_then(|(_, g)| g).map(|g| g.q),
            gamma: used.and_then(|(_, g)| g).map(|g| g.gamma),
            fit_ms,
            reliable: why.is_none(),
            why: why.map(|w| w.to_dto()),
            as_of: as_of.to_string(),
            unit: <&str>::from(req.unit).to_owned(),
            horizon_days,
            customers: data.len() as u32,
            repeat_buyers: data.iter().filter(|s| s.x > 0).count() as u32,
        };
        let mut customers: Vec<CustomerForecast> = rows
            .into_iter()
            .map(|(id, s, spent)| {
                let f = method.forecast(&s, req.unit, horizon_days);
                let person = &people[&id];
                CustomerForecast {
                    id,
                    buyer_id: person.buyer_id.clone(),
                    nick: person.nick.clone(),
                    x: s.x,
                    t_x: round(s.t_x, 4),
                    t: round(s.t, 4),
                    p_alive: round(f.p_alive, 4),
                    expected_90d: round(f.expected_90d, 4),
                    expected: round(f.expected, 4),
                    value: money(f.value),
                    clv: money(f.clv),
                    spent,
                }
            })
            .collect();
        customers.sort_by(|a, b| b.clv.cmp(&a.clv).then(a.id.cmp(&b.id)));
        Ok(Prediction { model, customers })
    }

    /// The dashboard's "slipping away": the `limit` repeat buyers who spent the
    /// most and whose P(alive) has fallen below one half, most spent first.
    pub fn slipping_away(&self, req: &PredictRequest, limit: usize) -> Result<Prediction> {
        let mut p = self.predict(req)?;
        p.customers.retain(|c| c.x >= 1 && c.p_alive < SLIPPING_BELOW);
        p.customers.sort_by(|a, b| b.spent.cmp(&a.spent).then(a.id.cmp(&b.id)));
        p.customers.truncate(limit);
        Ok(p)
    }
}

#[cfg(test)]
mod tests;
