//! Running the archive rules of laoke-core over the stored customers: lifecycle
//! stages (with their history) and RFM scores, the stage counts on any day,
//! a what-if preview of new thresholds, and the RFM/Pareto summary.
//!
//! Stages and scores are recomputed for everyone in one pass over the customer
//! totals (one transaction), writing only what changed: after an import, after
//! a threshold change, and once a day (`refresh`), since time alone moves
//! customers from active to sleeping.

use crate::customer_scores::{self, Score};
use crate::{settings, stage_changes, Result, Store};
use chrono::NaiveDate;
use chrono_tz::Tz;
use laoke_core::dto::{RecomputeReport, RfmSummary, StageCounts, StageMove, StagePreview};
use laoke_core::lifecycle::{stage_began, stage_of, Stage, StageFacts, StageThresholds};
use laoke_core::rfm::{self, RfmGroup, RfmInput};
use laoke_core::time::{local_date, stored_seconds, to_stored};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const THRESHOLDS: &str = "lifecycle.thresholds";
const SCORED_ON: &str = "archive.scored_on";
/// The archive generation the scores were computed for.
const SCORED_GENERATION: &str = "archive.scored_generation";

/// One customer's purchase standing, the input of every rule here.
struct Standing {
    id: i64,
    purchases: u32,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    value: Decimal,
}

impl Standing {
    fn facts(&self) -> StageFacts {
        StageFacts { purchases: self.purchases, first_purchase: self.first, last_purchase: self.last }
    }
}

fn date_of(text: Option<String>, tz: Tz) -> Option<NaiveDate> {
    let secs = stored_seconds(text.as_deref()?)?;
    Some(local_date(chrono::DateTime::from_timestamp(secs, 0)?, tz))
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn counts<'a>(names: impl Iterator<Item = &'a str>, all: &[&'a str]) -> BTreeMap<String, u32> {
    let mut out: BTreeMap<String, u32> = all.iter().map(|s| (s.to_string(), 0)).collect();
    for n in names {
        *out.entry(n.to_owned()).or_default() += 1;
    }
    out
}

fn stage_names() -> Vec<&'static str> {
    Stage::ALL.iter().map(|s| s.as_str()).collect()
}

impl Store {
    pub fn stage_thresholds(&self) -> Result<StageThresholds> {
        Ok(settings::get(&self.conn, THRESHOLDS)?.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default())
    }

    /// Customers' standings from their stored totals (the present).
    fn standings(&self, tz: Tz) -> Result<Vec<Standing>> {
        self.read_standings(
            "SELECT id, purchases, first_purchase_at, last_purchase_at, value FROM customers WHERE merged_into IS NULL",
            [],
            tz,
        )
    }

    /// Customers' standings from their purchases up to the end of `as_of` (any
    /// day), each merged identity's purchases counted for the customer it was
    /// merged into; the value is not needed for stages and reads as zero.
    fn standings_as_of(&self, as_of: NaiveDate, tz: Tz) -> Result<Vec<Standing>> {
        let end = local_midnight(as_of.succ_opt().unwrap_or(as_of), tz);
        // Each person's purchases by then, grouped in SQL and joined here: SQLite scanned the
        // grouped subquery once per person when it was LEFT JOINed in SQL (no automatic index
        // on it), which took 32 s on 30,000 customers and minutes on 300,000.
        let mut by_person: std::collections::HashMap<i64, (u32, Option<String>, Option<String>)> =
            std::collections::HashMap::new();
        let sql = format!(
            "SELECT {} AS root, count(*), min(o.created_at), max(o.created_at)
             FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE o.kind = 'purchase' AND o.created_at < ?1 GROUP BY root",
            crate::persons::PERSON_OF_C
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([end])?;
        while let Some(r) = rows.next()? {
            by_person.insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
        }
        let mut stmt = self.conn.prepare("SELECT id FROM customers WHERE merged_into IS NULL")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let (purchases, first, last) = by_person.remove(&id).unwrap_or((0, None, None));
            out.push(Standing {
                id,
                purchases,
                first: date_of(first, tz),
                last: date_of(last, tz),
                value: Decimal::ZERO,
            });
        }
        Ok(out)
    }

    /// Rows of (id, purchases, first and last purchase instant, value) as standings.
    fn read_standings(&self, sql: &str, args: impl rusqlite::Params, tz: Tz) -> Result<Vec<Standing>> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(Standing {
                id: r.get(0)?,
                purchases: r.get(1)?,
                first: date_of(r.get(2)?, tz),
                last: date_of(r.get(3)?, tz),
                value: crate::stored_values::decimal(r, 4, "customers", "value")?,
            });
        }
        Ok(out)
    }

    /// Stage counts on `as_of` from the purchases made by then; customers with
    /// no purchase by then (including those who arrived later) are potential.
    pub fn stage_counts(&self, as_of: NaiveDate) -> Result<StageCounts> {
        let tz = self.timezone()?;
        let t = self.stage_thresholds()?;
        let standings = self.standings_as_of(as_of, tz)?;
        let stages = counts(standings.iter().map(|s| stage_of(&s.facts(), as_of, &t).as_str()), &stage_names());
        Ok(StageCounts { as_of: day(as_of), stages })
    }

    /// What `proposed` thresholds would do today, without saving them.
    pub fn preview_thresholds(&self, proposed: StageThresholds, today: NaiveDate) -> Result<StagePreview> {
        proposed.validate()?;
        let tz = self.timezone()?;
        let current = self.stage_thresholds()?;
        let standings = self.standings(tz)?;
        let mut moves: BTreeMap<(Stage, Stage), u32> = BTreeMap::new();
        let (mut now, mut then) = (Vec::new(), Vec::new());
        for s in &standings {
            let (a, b) = (stage_of(&s.facts(), today, &current), stage_of(&s.facts(), today, &proposed));
            now.push(a);
            then.push(b);
            if a != b {
                *moves.entry((a, b)).or_default() += 1;
            }
        }
        let mut moves: Vec<StageMove> = moves
            .into_iter()
            .map(|((a, b), n)| StageMove { from: a.as_str().into(), to: b.as_str().into(), customers: n })
            .collect();
        moves.sort_by_key(|m| std::cmp::Reverse(m.customers));
        Ok(StagePreview {
            as_of: day(today),
            thresholds: proposed,
            current: counts(now.iter().map(|s| s.as_str()), &stage_names()),
            proposed: counts(then.iter().map(|s| s.as_str()), &stage_names()),
            moves,
        })
    }

    /// Saves new thresholds and recomputes at once.
    pub fn set_stage_thresholds(&mut self, t: StageThresholds, today: NaiveDate) -> Result<RecomputeReport> {
        t.validate()?;
        settings::put(&self.conn, THRESHOLDS, serde_json::to_value(t).unwrap_or_default())?;
        self.recompute(today)
    }

    /// Recomputes every customer's stage and RFM scores as of `today`.
    pub fn recompute(&mut self, today: NaiveDate) -> Result<RecomputeReport> {
        let tz = self.timezone()?;
        let t = self.stage_thresholds()?;
        let standings = self.standings(tz)?;
        let buyers: Vec<usize> = (0..standings.len()).filter(|&i| standings[i].purchases > 0).collect();
        let inputs: Vec<RfmInput> = buyers
            .iter()
            .map(|&i| {
                let s = &standings[i];
                let since = s.last.map_or(i64::MAX / 2, |d| (today - d).num_days().max(0));
                RfmInput { days_since_last: since, purchases: s.purchases, value: s.value }
            })
            .collect();
        let mut rfm = vec![None; standings.len()];
        for (k, score) in rfm::score(&inputs).into_iter().enumerate() {
            rfm[buyers[k]] = Some(score);
        }
        let old = customer_scores::load_all(&self.conn)?;
        // The forecasts follow the orders, not the day: computed again only when
        // the orders changed since they were written.
        let forecasts = match self.stale_forecasts()? {
            Some(fingerprint) => Some((self.forecasts(today)?, fingerprint)),
            None => None,
        };
        // Immediate: the transaction reads the stored forecasts before it writes, and a
        // deferred one would then fail at once ("database is locked") had another
        // connection written in between, instead of waiting its turn.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if let Some((forecasts, fingerprint)) = forecasts {
            crate::customer_forecasts::replace(&tx, &forecasts)?;
            crate::customer_forecasts::stamp(&tx, fingerprint)?;
        }
        let mut changes = 0;
        let mut stages = Vec::with_capacity(standings.len());
        for (s, rfm) in standings.iter().zip(rfm.iter().copied()) {
            let facts = s.facts();
            let stage = stage_of(&facts, today, &t);
            stages.push(stage);
            let previous = old.get(&s.id);
            let since = match previous {
                Some(p) if p.stage == stage => p.stage_since.clone(),
                _ => day(stage_began(stage, &facts, today, &t).unwrap_or(today)),
            };
            let score = Score { stage, stage_since: since, rfm };
            if previous == Some(&score) {
                continue;
            }
            if previous.map(|p| p.stage) != Some(stage) {
                stage_changes::record(&tx, s.id, previous.map(|p| p.stage), stage, &score.stage_since)?;
                changes += 1;
            }
            customer_scores::put(&tx, s.id, &score)?;
        }
        settings::put(&tx, SCORED_ON, day(today).into())?;
        settings::bump_generation(&tx)?;
        let generation = settings::get(&tx, "archive.generation")?.unwrap_or_default();
        settings::put(&tx, SCORED_GENERATION, generation)?;
        tx.commit()?;
        let groups = rfm.iter().flatten().map(|s| RfmGroup::of(*s).as_str());
        Ok(RecomputeReport {
            as_of: day(today),
            stages: counts(stages.iter().map(|s| s.as_str()), &stage_names()),
            rfm: counts(groups, &RfmGroup::ALL.map(RfmGroup::as_str)),
            stage_changes: changes,
        })
    }

    /// Recomputes stages, RFM and tiers unless the scores are from today and
    /// nothing changed since (time alone moves stages and brings reviews due;
    /// imports and merges change the inputs).
    pub fn refresh(&mut self, today: NaiveDate) -> Result<Option<RecomputeReport>> {
        let scored_on = settings::get(&self.conn, SCORED_ON)?;
        let scored_generation = settings::get(&self.conn, SCORED_GENERATION)?.and_then(|v| v.as_i64());
        let fresh = scored_on.as_ref().and_then(|v| v.as_str()) == Some(day(today).as_str())
            && scored_generation == Some(self.generation()?);
        if fresh {
            return Ok(None);
        }
        // Tiers first: upgrades from new purchases, downgrades that came due.
        self.tier_evaluate(today)?;
        self.recompute(today).map(Some)
    }

    /// RFM groups as last computed, and the Pareto curve of buyers' value.
    pub fn rfm_summary(&self) -> Result<RfmSummary> {
        let tz = self.timezone()?;
        let scores = customer_scores::load_all(&self.conn)?;
        let standings = self.standings(tz)?;
        let groups = scores.values().filter_map(|s| s.rfm).map(|s| RfmGroup::of(s).as_str());
        let values: Vec<Decimal> = standings.iter().filter(|s| s.purchases > 0).map(|s| s.value).collect();
        let as_of = settings::get(&self.conn, SCORED_ON)?.and_then(|v| v.as_str().map(str::to_owned));
        Ok(RfmSummary {
            as_of: as_of.unwrap_or_default(),
            groups: counts(groups, &RfmGroup::ALL.map(RfmGroup::as_str)),
            pareto: rfm::pareto(&values),
        })
    }

    /// A customer's stage history: (from, to, date), oldest first.
    pub fn stage_history(&self, customer_id: i64) -> Result<Vec<(Option<String>, String, String)>> {
        stage_changes::history(&self.conn, customer_id)
    }
}

/// The stored instant at which local day `d` begins in `tz`.
pub(crate) fn local_midnight(d: NaiveDate, tz: Tz) -> String {
    local_instant(d.and_hms_opt(0, 0, 0).unwrap_or_default(), tz)
}

/// The stored instant of local time `naive` in `tz` (the earlier of two in a
/// repeated hour; a skipped hour's time read as UTC).
pub(crate) fn local_instant(naive: chrono::NaiveDateTime, tz: Tz) -> String {
    use chrono::TimeZone;
    let t = tz.from_local_datetime(&naive).earliest().map_or(naive.and_utc(), |t| t.with_timezone(&chrono::Utc));
    to_stored(t)
}

#[cfg(test)]
mod tests;
