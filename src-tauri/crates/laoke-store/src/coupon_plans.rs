//! The `coupon_plans` table and its use cases: check, estimate before saving,
//! save, list (each with its estimate now, its results and what the orders
//! show), delete, and results. Results are either the redemptions the seller
//! enters by hand, set against the target's purchases in the validity window
//! that met the threshold (the orders the coupon could have been used on), or
//! the redemptions matched in the imported orders where the export names the
//! coupon or the shop's discount (Shopify, WooCommerce, Etsy, 拼多多, 抖音), taken
//! over as the results and recomputed after each import. The rules are
//! `laoke_core::coupon`.

use crate::targets::Missing;
use crate::{Result, RosterSnapshot, Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use laoke_core::coupon::{self, CouponError, EstimateInputs};
use laoke_core::dto::{CouponEstimate, CouponPlan, CouponResults, CouponView, ResultSource};
use laoke_core::time::to_stored;
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// A stored plan and its hand-entered results.
struct Stored {
    id: i64,
    plan: CouponPlan,
    /// (redeemed, handed out) once entered.
    results: Option<(u32, u32)>,
    source: ResultSource,
}

/// Whom a plan reaches: the target's customers and their average purchase value.
struct Reach {
    ids: HashSet<i64>,
    aov: Option<Decimal>,
}

fn read(id: i64, body: &str, redeemed: Option<u32>, handed_out: Option<u32>, source: &str) -> Result<Stored> {
    let mut plan: CouponPlan = serde_json::from_str(body).map_err(|_| StoreError::Corrupt {
        table: "coupon_plans",
        column: "body",
        value: body.to_owned(),
    })?;
    plan.id = Some(id);
    let source = source.parse().map_err(|_| StoreError::Corrupt {
        table: "coupon_plans",
        column: "results_source",
        value: source.to_owned(),
    })?;
    Ok(Stored { id, plan, results: redeemed.map(|r| (r, handed_out.unwrap_or(0))), source })
}

impl Store {
    fn stored_plans(&self) -> Result<Vec<Stored>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, body, redeemed, handed_out, results_source FROM coupon_plans ORDER BY id DESC")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(read(r.get(0)?, &r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, &r.get::<_, String>(4)?)?);
        }
        Ok(out)
    }

    fn stored_plan(&self, id: i64) -> Result<Stored> {
        let row: Option<(String, Option<u32>, Option<u32>, String)> = self
            .conn
            .query_row("SELECT body, redeemed, handed_out, results_source FROM coupon_plans WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let (body, redeemed, handed, source) = row.ok_or(CouponError::NotFound { id })?;
        read(id, &body, redeemed, handed, &source)
    }

    pub fn coupon_plan(&self, id: i64) -> Result<CouponPlan> {
        Ok(self.stored_plan(id)?.plan)
    }

    /// What `{coupon}` says for plan `id`.
    pub(crate) fn coupon_offer(&self, id: i64, english: bool) -> Result<String> {
        Ok(coupon::offer(&self.coupon_plan(id)?, english))
    }

    /// Checks a plan whole: the core's rules, then that its segment or tier exists.
    pub fn check_coupon_plan(&self, p: &CouponPlan) -> Result<()> {
        coupon::check(p)?;
        if let Some(target) = &p.target {
            match self.check_target(target)? {
                Ok(()) => {}
                Err(Missing::Segment(name)) => return Err(CouponError::UnknownSegment { name }.into()),
                Err(Missing::Tier(name)) => return Err(CouponError::UnknownTier { name }.into()),
            }
        }
        Ok(())
    }

    /// The target's customers and their average purchase value.
    fn coupon_target(&self, snap: &RosterSnapshot, p: &CouponPlan, today: NaiveDate) -> Result<Reach> {
        let ids = self.members_of(snap, p.target.as_ref(), today)?;
        let facts = snap.roster.facts();
        let (mut value, mut purchases) = (Decimal::ZERO, 0u64);
        for id in &ids {
            if let Some(f) = snap.roster.position(*id).map(|i| &facts[i]) {
                value += f.value;
                purchases += u64::from(f.purchases);
            }
        }
        let aov = (purchases > 0).then(|| value / Decimal::from(purchases));
        Ok(Reach { ids, aov })
    }

    /// Earlier plans of the same kind with results, other than `except`: (redeemed, handed out).
    fn coupon_history(&self, p: &CouponPlan) -> Result<Vec<(u32, u32)>> {
        let mut stmt = self.conn.prepare(
            "SELECT redeemed, handed_out FROM coupon_plans WHERE kind = ?1 AND redeemed IS NOT NULL AND id IS NOT ?2",
        )?;
        let rows =
            stmt.query_map(params![<&str>::from(p.kind), p.id], |r| Ok((r.get(0)?, r.get::<_, Option<u32>>(1)?)))?;
        let mut out = Vec::new();
        for r in rows {
            let (redeemed, handed): (u32, Option<u32>) = r?;
            out.push((redeemed, handed.unwrap_or(0)));
        }
        Ok(out)
    }

    fn estimate_in(&self, p: &CouponPlan, reach: &Reach) -> Result<CouponEstimate> {
        let history = self.coupon_history(p)?;
        let inputs = EstimateInputs { target_size: reach.ids.len() as u32, target_aov: reach.aov, history: &history };
        Ok(coupon::estimate(p, &inputs))
    }

    /// What a plan will cost before it goes out; checks it first. `roster`: the
    /// app's cached one (the CLI builds one).
    pub fn estimate_coupon_plan(
        &self,
        roster: Option<&RosterSnapshot>,
        p: &CouponPlan,
        today: NaiveDate,
    ) -> Result<CouponEstimate> {
        self.check_coupon_plan(p)?;
        self.over_roster(roster, |snap| self.estimate_in(p, &self.coupon_target(snap, p, today)?))
    }

    pub fn add_coupon_plan(&mut self, p: &CouponPlan, now: DateTime<Utc>, today: NaiveDate) -> Result<CouponView> {
        self.check_coupon_plan(p)?;
        let mut plan = p.clone();
        plan.id = None;
        plan.name = plan.name.trim().to_owned();
        let stamp = to_stored(now);
        self.conn.execute(
            "INSERT INTO coupon_plans (name, kind, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![plan.name, <&str>::from(plan.kind), serde_json::to_string(&plan).unwrap_or_default(), stamp],
        )?;
        let id = self.conn.last_insert_rowid();
        self.coupon_view(&self.roster()?, self.stored_plan(id)?, today, self.english()?)
    }

    /// Replaces plan `id` (its results stay).
    pub fn update_coupon_plan(
        &mut self,
        id: i64,
        p: &CouponPlan,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<CouponView> {
        self.stored_plan(id)?;
        self.check_coupon_plan(p)?;
        let mut plan = p.clone();
        plan.id = None;
        plan.name = plan.name.trim().to_owned();
        self.conn.execute(
            "UPDATE coupon_plans SET name = ?2, kind = ?3, body = ?4, updated_at = ?5 WHERE id = ?1",
            params![
                id,
                plan.name,
                <&str>::from(plan.kind),
                serde_json::to_string(&plan).unwrap_or_default(),
                to_stored(now)
            ],
        )?;
        self.coupon_view(&self.roster()?, self.stored_plan(id)?, today, self.english()?)
    }

    pub fn delete_coupon_plan(&mut self, id: i64) -> Result<()> {
        if self.conn.execute("DELETE FROM coupon_plans WHERE id = ?1", [id])? == 0 {
            return Err(CouponError::NotFound { id }.into());
        }
        Ok(())
    }

    /// Every plan, newest first, with its estimate now and its results.
    pub fn coupon_plans(&self, roster: Option<&RosterSnapshot>, today: NaiveDate) -> Result<Vec<CouponView>> {
        let english = self.english()?;
        self.over_roster(roster, |snap| {
            self.stored_plans()?.into_iter().map(|s| self.coupon_view(snap, s, today, english)).collect()
        })
    }

    fn coupon_view(&self, snap: &RosterSnapshot, s: Stored, today: NaiveDate, english: bool) -> Result<CouponView> {
        let reach = self.coupon_target(snap, &s.plan, today)?;
        let estimate = self.estimate_in(&s.plan, &reach)?;
        // One read of the validity window serves both what the orders matched and hand results.
        let purchases = self.purchases_in_validity(&s.plan)?;
        let matched = coupon_matched(&s.plan, &reach, &purchases);
        let results = match (s.results, s.source) {
            (None, _) => None,
            (Some(_), ResultSource::Orders) => Some(matched.clone()),
            (Some((redeemed, _)), ResultSource::Hand) => Some(coupon_results_of(&s.plan, redeemed, &reach, &purchases)),
        };
        let matched = (matched.redeemed > 0).then_some(matched);
        Ok(CouponView { id: s.id, offer: coupon::offer(&s.plan, english), plan: s.plan, estimate, results, matched })
    }

    /// Records how many coupons were redeemed (with how many went out: the estimate's
    /// count now), and returns the plan's results.
    pub fn record_coupon_results(
        &mut self,
        id: i64,
        redeemed: i64,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<CouponResults> {
        self.record_coupon_results_in(None, id, redeemed, now, today)
    }

    /// [`Store::record_coupon_results`] over the app's cached roster.
    pub fn record_coupon_results_in(
        &mut self,
        roster: Option<&RosterSnapshot>,
        id: i64,
        redeemed: i64,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<CouponResults> {
        if redeemed < 0 || redeemed > i64::from(u32::MAX) {
            return Err(CouponError::NegativeCount { field: "redeemed".into(), value: redeemed }.into());
        }
        let s = self.stored_plan(id)?;
        self.over_roster(roster, |snap| {
            let reach = self.coupon_target(snap, &s.plan, today)?;
            let handed = self.estimate_in(&s.plan, &reach)?.handed_out;
            self.conn.execute(
                "UPDATE coupon_plans SET redeemed = ?2, handed_out = ?3, results_at = ?4, results_source = 'hand'
                 WHERE id = ?1",
                params![id, redeemed, handed, to_stored(now)],
            )?;
            Ok(coupon_results_of(&s.plan, redeemed as u32, &reach, &self.purchases_in_validity(&s.plan)?))
        })
    }

    /// Takes the redemptions matched in the imported orders over as plan `id`'s
    /// results (recomputed after each later import; the count is recorded for the
    /// estimates that learn from it), and returns them.
    pub fn record_coupon_results_from_orders(
        &mut self,
        roster: Option<&RosterSnapshot>,
        id: i64,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<CouponResults> {
        let s = self.stored_plan(id)?;
        self.over_roster(roster, |snap| {
            let reach = self.coupon_target(snap, &s.plan, today)?;
            let handed = self.estimate_in(&s.plan, &reach)?.handed_out;
            let matched = coupon_matched(&s.plan, &reach, &self.purchases_in_validity(&s.plan)?);
            self.conn.execute(
                "UPDATE coupon_plans SET redeemed = ?2, handed_out = ?3, results_at = ?4, results_source = 'orders'
                 WHERE id = ?1",
                params![id, matched.redeemed, handed, to_stored(now)],
            )?;
            Ok(matched)
        })
    }

    /// The purchases created in `p`'s validity window (shop days).
    fn purchases_in_validity(&self, p: &CouponPlan) -> Result<Vec<crate::orders::Purchase>> {
        let tz = self.timezone()?;
        let from = crate::archive_rules::local_midnight(p.valid_from, tz);
        let to = crate::archive_rules::local_midnight(p.valid_to + Days::new(1), tz);
        crate::orders::purchases_between(&self.conn, &from, &to)
    }
}

/// What the imported orders show of `p`: the `purchases` of its validity window
/// that redeemed it (see `laoke_core::coupon::redemption`).
fn coupon_matched(p: &CouponPlan, reach: &Reach, purchases: &[crate::orders::Purchase]) -> CouponResults {
    let seen = purchases.iter().map(|o| coupon::Purchase {
        in_target: reach.ids.contains(&o.person),
        amount_paid: o.amount_paid,
        value: o.value,
        coupon_code: o.coupon_code.as_deref(),
        discount: o.discount,
    });
    coupon::matched_results(p, coupon::per_redemption(p, reach.aov), seen)
}

/// The results of `redeemed` coupons of `p`: their cost, and the target's
/// `purchases` of the validity window at or above the threshold.
fn coupon_results_of(
    p: &CouponPlan,
    redeemed: u32,
    reach: &Reach,
    purchases: &[crate::orders::Purchase],
) -> CouponResults {
    let (mut orders, mut revenue) = (0u32, Decimal::ZERO);
    for o in purchases.iter().filter(|o| reach.ids.contains(&o.person) && o.value >= p.threshold) {
        orders += 1;
        revenue += o.value;
    }
    coupon::results(redeemed, coupon::per_redemption(p, reach.aov), orders, revenue)
}

#[cfg(test)]
mod tests;
