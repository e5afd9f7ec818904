//! The `customer_forecasts` table: each buyer's P(alive), purchases expected in
//! 90 days and CLV, from the forecast the archive rules make when they run
//! (`Store::recompute`), so the customer list can show, filter and sort them
//! without fitting the models on every query.

use crate::prediction::PredictRequest;
use crate::stored_values::decimal;
use crate::{Result, Store, StoreError};
use chrono::NaiveDate;
use laoke_core::predict::{PredictError, Unit};
use laoke_core::segment::Forecast;
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// The forecast the list shows: a year's CLV, weeks as the paper's unit.
const LIST_FORECAST: PredictRequest = PredictRequest { as_of: None, unit: Unit::Week, horizon_days: 365 };

impl Store {
    /// Every buyer's forecast as of the newest purchase, the calibration end
    /// `laoke predict` defaults to (the archive knows nothing after its last
    /// import, and so the forecasts only move when the orders do), or as of
    /// `today` when that lies before it; none when today is before the first
    /// purchase (an archive of the future has nothing to forecast yet).
    pub(crate) fn forecasts(&self, today: NaiveDate) -> Result<HashMap<i64, Forecast>> {
        let mut prediction = self.predict(&LIST_FORECAST)?;
        let as_of = NaiveDate::parse_from_str(&prediction.model.as_of, "%Y-%m-%d").unwrap_or(today);
        if as_of > today {
            let req = PredictRequest { as_of: Some(today), ..LIST_FORECAST };
            prediction = match self.predict(&req) {
                Ok(p) => p,
                Err(StoreError::Predict(PredictError::AsOfBeforeFirstPurchase { .. })) => return Ok(HashMap::new()),
                Err(e) => return Err(e),
            };
        }
        let four = |v: f64| rust_decimal::Decimal::from_f64_retain(v).unwrap_or_default().round_dp(4);
        Ok(prediction
            .customers
            .iter()
            .map(|c| (c.id, Forecast { p_alive: four(c.p_alive), expected_90d: four(c.expected_90d), clv: c.clv }))
            .collect())
    }
}

/// What the forecasts are computed from, in one string: the last import or
/// demo fill, the merges (and their undoing), each shop's cash-on-delivery
/// choice (it decides which orders count) and the time zone (it decides the
/// days). Edits that leave the orders alone (tags, notes, tiers) keep it.
const ORDERS_FINGERPRINT: &str = "SELECT (SELECT coalesce(max(id), 0) FROM import_batches) || '/'
        || (SELECT count(*) || ':' || coalesce(max(undone_at), '') FROM customer_merges) || '/'
        || (SELECT coalesce(group_concat(id || ':' || count_cod), '') FROM shops)";

impl Store {
    fn orders_fingerprint(&self) -> Result<String> {
        let orders: String = self.conn.query_row(ORDERS_FINGERPRINT, [], |r| r.get(0))?;
        Ok(format!("{orders}/{}", self.timezone()?))
    }

    /// The orders' fingerprint if they changed since the forecasts were last
    /// written (to [`stamp`] them with once rewritten), else `None`.
    pub(crate) fn stale_forecasts(&self) -> Result<Option<String>> {
        let now = self.orders_fingerprint()?;
        let at = crate::settings::get(&self.conn, FORECAST_STAMP)?;
        Ok((at.as_ref().and_then(|v| v.as_str()) != Some(now.as_str())).then_some(now))
    }
}

/// Notes that the stored forecasts are those of the orders with `fingerprint`.
pub(crate) fn stamp(tx: &Connection, fingerprint: String) -> Result<()> {
    crate::settings::put(tx, FORECAST_STAMP, fingerprint.into())
}

/// The orders' fingerprint when the stored forecasts were written.
const FORECAST_STAMP: &str = "archive.forecast_stamp";

/// Every stored forecast.
pub(crate) fn load_all(conn: &Connection) -> Result<HashMap<i64, Forecast>> {
    let mut stmt = conn.prepare("SELECT customer_id, p_alive, expected_90d, clv FROM customer_forecasts")?;
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, forecast_at(r, 1)?.unwrap_or_default());
    }
    Ok(out)
}

/// The forecast in columns `at`, `at + 1`, `at + 2` of a row, if the customer has one.
pub(crate) fn forecast_at(r: &rusqlite::Row<'_>, at: usize) -> Result<Option<Forecast>> {
    if r.get_ref(at)?.as_str_or_null()?.is_none() {
        return Ok(None);
    }
    Ok(Some(Forecast {
        p_alive: decimal(r, at, "customer_forecasts", "p_alive")?,
        expected_90d: decimal(r, at + 1, "customer_forecasts", "expected_90d")?,
        clv: decimal(r, at + 2, "customer_forecasts", "clv")?,
    }))
}

/// Makes the table hold `fresh`, writing only what moved.
pub(crate) fn replace(conn: &Connection, fresh: &HashMap<i64, Forecast>) -> Result<usize> {
    let old = load_all(conn)?;
    let mut put = conn.prepare_cached(
        "INSERT INTO customer_forecasts (customer_id, p_alive, expected_90d, clv) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (customer_id) DO UPDATE SET p_alive = excluded.p_alive,
             expected_90d = excluded.expected_90d, clv = excluded.clv",
    )?;
    let mut written = 0;
    for (id, f) in fresh {
        if old.get(id) != Some(f) {
            put.execute(params![id, f.p_alive.to_string(), f.expected_90d.to_string(), f.clv.to_string()])?;
            written += 1;
        }
    }
    let mut gone = conn.prepare_cached("DELETE FROM customer_forecasts WHERE customer_id = ?1")?;
    for id in old.keys().filter(|id| !fresh.contains_key(id)) {
        gone.execute([id])?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use laoke_core::dto::DemoRequest;

    #[test]
    fn the_rules_store_every_buyer_s_forecast_and_rewrite_only_what_moved() {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        store.fill_demo(DemoRequest { customers: 400, seed: 3 }, now, |_| true).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        store.recompute(today).unwrap();
        let stored = load_all(&store.conn).unwrap();
        let buyers: i64 =
            store.conn.query_row("SELECT count(*) FROM customers WHERE purchases > 0", [], |r| r.get(0)).unwrap();
        assert_eq!(stored.len() as i64, buyers);
        // They are the forecast `laoke predict` makes by default (as of the newest purchase).
        let p = store.predict(&LIST_FORECAST).unwrap();
        let best = &p.customers[0];
        assert_eq!(stored[&best.id].clv, best.clv);
        assert!(stored
            .values()
            .all(|f| f.p_alive >= rust_decimal::Decimal::ZERO && f.p_alive <= rust_decimal::Decimal::ONE));
        // The same day again, or a later one without new orders: nothing moves, and the
        // rules do not forecast again.
        assert_eq!(replace(&store.conn, &store.forecasts(today).unwrap()).unwrap(), 0);
        assert_eq!(replace(&store.conn, &store.forecasts(today + chrono::Days::new(30)).unwrap()).unwrap(), 0);
        assert_eq!(store.stale_forecasts().unwrap(), None);
        // An archive whose purchases all lie after today has no forecasts.
        let past = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        assert!(store.forecasts(past).unwrap().is_empty());
    }
}
