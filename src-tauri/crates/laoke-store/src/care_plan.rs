//! Planning care messages for some days: gathers what the rules need from the
//! archive (customers with their addresses and birthdays, the orders, stage and
//! tier changes that event rules fire on, the segments rules target, what the
//! outbox already holds), lets `laoke_core::care` decide, and writes the plan to
//! the outbox in one transaction. Planning the same days twice changes nothing.

use crate::care_messages::{self, Held};
use crate::persons::PERSON_OF_C;
use crate::{care_rules, Result, Store};
use chrono::{DateTime, Days, NaiveDate, Utc};
use laoke_core::care::plan::{self, Event, EventAt, Planned, Planning, Recipient};
use laoke_core::care::CheckedRule;
use laoke_core::dto::{CareMessage, Milestone, Target, Trigger};
use laoke_core::lifecycle::Stage;
use laoke_core::time::{from_stored, to_stored};
use rusqlite::params;
use std::collections::{HashMap, HashSet};

/// The longest span one plan may cover: the calendar view's 90 days, and some.
pub const PLAN_DAYS_MAX: i64 = 400;

/// Days a message can move past its occasion (quiet hours, a week of holidays).
const SPILL_DAYS: u64 = 10;

impl Store {
    /// Plans days `from..=to` (shop time) and returns their messages, planned,
    /// skipped and gone out alike, by due time.
    pub fn plan_care(&mut self, from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Result<Vec<CareMessage>> {
        let tz = self.timezone()?;
        let today = laoke_core::time::local_date(now, tz);
        if (to - from).num_days() > PLAN_DAYS_MAX || to < from {
            return Err(laoke_core::care::CareError::PlanSpan { from, to, max: PLAN_DAYS_MAX }.into());
        }
        // Stages and tiers first: "became sleeping" and "tier upgrade" read their history.
        self.refresh(today)?;
        let settings = self.settings()?;
        let shop_dates = self.shop_dates()?;
        let rules: Vec<CheckedRule> = care_rules::all(&self.conn)?
            .into_iter()
            .filter(|r| r.enabled)
            // A stored rule was checked when saved; one a later change broke (its
            // festival removed) plans nothing rather than stopping the others.
            .filter_map(|r| laoke_core::care::check(&r, &shop_dates).ok())
            .collect();
        let planning =
            Planning { from, to, tz, limits: &settings.care, shop: &settings.shop_name, shop_dates: &shop_dates };
        let uses_last_item = rules.iter().any(|r| {
            [Some(&r.template), r.template_en.as_ref(), Some(&r.subject)]
                .into_iter()
                .flatten()
                .any(|t| t.variables().contains(&laoke_core::care::Variable::LastItem))
        });
        let recipients = self.recipients(uses_last_item, None)?;
        let targets = self.rule_targets(&rules, today)?;
        let held: Held = care_messages::held(&self.conn, from, to, SPILL_DAYS)?;
        let mut plan: Vec<Planned> = Vec::new();
        for rule in &rules {
            let target = targets.get(&rule.id());
            let is_target = |id: i64| target.is_none_or(|t| t.contains(&id));
            let occasions = match &rule.rule.trigger {
                Trigger::Festival { .. }
                | Trigger::Birthday { .. }
                | Trigger::Anniversary { .. }
                | Trigger::Campaign { .. } => {
                    plan::calendar_occasions(rule, &planning, recipients.values().filter(|r| is_target(r.id)))
                }
                _ => plan::event_occasions(rule, &planning, &self.events(rule, &planning)?, is_target),
            };
            let messages = plan::messages(rule, &planning, &occasions, &recipients, &held.open);
            plan.extend(messages.into_iter().filter(|m| !held.out.contains(&m.key)));
        }
        plan.sort_by(|a, b| a.key.cmp(&b.key));
        let planned: HashSet<&str> = plan.iter().map(|m| m.key.as_str()).collect();
        let counted: Vec<_> = held.counted.iter().filter(|c| !planned.contains(c.key.as_str())).cloned().collect();
        plan::guard_all(&mut plan, &recipients, &counted, &settings.care);
        let tx = self.conn.transaction()?;
        care_messages::store_plan(&tx, &plan, from, to, now)?;
        tx.commit()?;
        self.care_messages(from, to)
    }

    /// Every customer (merged identities folded away) as planning sees them.
    /// `only`: just that customer (the rule editor's preview).
    pub(crate) fn recipients(&self, with_last_item: bool, only: Option<i64>) -> Result<HashMap<i64, Recipient>> {
        let tz = self.timezone()?;
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.platform, c.buyer_id, c.nick, c.name, c.email, c.phone, c.wechat, c.dnd, t.tier,
                    c.birthday, c.birthday_lunar, c.first_purchase_at, c.last_purchase_at
             FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id
             WHERE c.merged_into IS NULL AND (?1 IS NULL OR c.id = ?1)",
        )?;
        let mut rows = stmt.query([only])?;
        let mut out = HashMap::new();
        let day = |t: Option<String>| t.as_deref().and_then(from_stored).map(|t| laoke_core::time::local_date(t, tz));
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let birthday: Option<String> = r.get(10)?;
            let lunar: bool = r.get(11)?;
            out.insert(
                id,
                Recipient {
                    id,
                    platform: r.get_ref(1)?.as_str()?.parse().ok(),
                    buyer_id: r.get(2)?,
                    nick: r.get(3)?,
                    name: r.get(4)?,
                    email: r.get(5)?,
                    phone: r.get(6)?,
                    wechat: r.get(7)?,
                    dnd: r.get(8)?,
                    tier: r.get(9)?,
                    birthday: birthday.as_deref().and_then(laoke_core::birthday::month_day).map(|(m, d)| (m, d, lunar)),
                    first_purchase: day(r.get(12)?),
                    last_purchase: day(r.get(13)?),
                    last_item: None,
                },
            );
        }
        if with_last_item {
            self.fill_last_items(&mut out, only)?;
        }
        Ok(out)
    }

    /// The title of each customer's last purchased item, for `{last_item}`.
    fn fill_last_items(&self, recipients: &mut HashMap<i64, Recipient>, only: Option<i64>) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PERSON_OF_C}, i.title, o.created_at FROM orders o
             JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id
             WHERE o.kind = 'purchase' AND (?1 IS NULL OR {PERSON_OF_C} = ?1)
             ORDER BY o.created_at, i.order_id, i.line_no"
        ))?;
        let mut rows = stmt.query([only])?;
        while let Some(r) = rows.next()? {
            if let Some(rec) = recipients.get_mut(&r.get::<_, i64>(0)?) {
                rec.last_item = r.get(1)?;
            }
        }
        Ok(())
    }

    /// The customers each targeted rule writes to (rules without a target are absent: everyone).
    fn rule_targets(&self, rules: &[CheckedRule], today: NaiveDate) -> Result<HashMap<i64, HashSet<i64>>> {
        let mut out = HashMap::new();
        if rules.iter().all(|r| r.rule.target.is_none()) {
            return Ok(out);
        }
        let snap = self.roster()?;
        for rule in rules {
            let filter = match &rule.rule.target {
                None => continue,
                Some(Target::Filter(f)) => f.clone(),
                Some(Target::Segment(name)) => match self.segment(name) {
                    Ok(s) => s.filter,
                    // The segment was deleted after the rule was saved: it targets no one.
                    Err(crate::StoreError::SegmentNotFound { .. }) => {
                        out.insert(rule.id(), HashSet::new());
                        continue;
                    }
                    Err(e) => return Err(e),
                },
            };
            let predicate = self.compile_filter(&filter, today, &snap.tags, &snap.shops)?;
            out.insert(rule.id(), snap.roster.ids(&predicate, None).into_iter().collect());
        }
        Ok(out)
    }

    /// The events an event rule fires on that can fall in the planned days.
    fn events(&self, rule: &CheckedRule, p: &Planning) -> Result<Vec<Event>> {
        let back = |n: u32| (p.from - Days::new(u64::from(n) + 1), p.to - Days::new(u64::from(n)) + Days::new(1));
        let instant = |d: NaiveDate| to_stored(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        let mut out = Vec::new();
        match rule.rule.trigger {
            Trigger::AfterPurchase { days, from } => {
                // A column chosen by the enum, never text from the rule.
                let column = match from {
                    Milestone::Paid => "paid_at",
                    Milestone::Shipped => "shipped_at",
                    Milestone::Completed => "completed_at",
                };
                let (a, b) = back(days);
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT {PERSON_OF_C}, o.id, o.{column} FROM orders o JOIN customers c ON c.id = o.customer_id
                     WHERE o.kind = 'purchase' AND o.{column} >= ?1 AND o.{column} < ?2"
                ))?;
                let mut rows = stmt.query(params![instant(a), instant(b + Days::new(1))])?;
                while let Some(r) = rows.next()? {
                    if let Some(t) = r.get_ref(2)?.as_str_or_null()?.and_then(from_stored) {
                        out.push(Event { customer_id: r.get(0)?, id: r.get(1)?, at: EventAt::Instant(t) });
                    }
                }
            }
            Trigger::Unpaid { minutes } => {
                let a = p.from - Days::new(u64::from(minutes / (24 * 60)) + 2);
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT {PERSON_OF_C}, o.id, o.created_at FROM orders o JOIN customers c ON c.id = o.customer_id
                     WHERE o.status = 'unpaid' AND o.created_at >= ?1 AND o.created_at < ?2"
                ))?;
                let mut rows = stmt.query(params![instant(a), instant(p.to + Days::new(2))])?;
                while let Some(r) = rows.next()? {
                    if let Some(t) = from_stored(r.get_ref(2)?.as_str()?) {
                        out.push(Event { customer_id: r.get(0)?, id: r.get(1)?, at: EventAt::Instant(t) });
                    }
                }
            }
            Trigger::BecameSleeping { days_after } => {
                let (a, b) = back(days_after);
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT {PERSON_OF_C}, s.changed_on FROM stage_changes s JOIN customers c ON c.id = s.customer_id
                     WHERE s.to_stage = ?1 AND s.changed_on >= ?2 AND s.changed_on <= ?3"
                ))?;
                let mut rows = stmt.query(params![<&str>::from(Stage::Sleeping), a.to_string(), b.to_string()])?;
                while let Some(r) = rows.next()? {
                    if let Ok(d) = r.get::<_, String>(1)?.parse::<NaiveDate>() {
                        out.push(Event { customer_id: r.get(0)?, id: 0, at: EventAt::Day(d) });
                    }
                }
            }
            Trigger::TierUpgrade { days_after } => {
                let (ladder, _) = self.ladder()?;
                let rank = |t: Option<String>| -> i64 {
                    t.and_then(|t| ladder.tiers.iter().position(|l| l.name == t)).map_or(-1, |i| i as i64)
                };
                let (a, b) = back(days_after);
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT {PERSON_OF_C}, t.id, t.from_tier, t.to_tier, t.changed_on FROM tier_changes t
                     JOIN customers c ON c.id = t.customer_id
                     WHERE t.reason != ?3 AND t.changed_on >= ?1 AND t.changed_on <= ?2"
                ))?;
                // A new ladder re-tiers everyone: that is no customer's upgrade to greet.
                let ladder_reason = <&str>::from(laoke_core::dto::TierChangeReason::Ladder);
                let mut rows = stmt.query(params![a.to_string(), b.to_string(), ladder_reason])?;
                while let Some(r) = rows.next()? {
                    let up = rank(r.get(3)?) > rank(r.get(2)?);
                    if let (true, Ok(d)) = (up, r.get::<_, String>(4)?.parse::<NaiveDate>()) {
                        out.push(Event { customer_id: r.get(0)?, id: r.get(1)?, at: EventAt::Day(d) });
                    }
                }
            }
            _ => {}
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
