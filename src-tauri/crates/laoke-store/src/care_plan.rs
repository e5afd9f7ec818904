//! Planning care messages for some days: gathers what the rules need from the
//! archive (customers with their addresses and birthdays, the orders, stage and
//! tier changes that event rules fire on, the segments rules target, what the
//! outbox already holds), lets `laoke_core::care` decide, and writes the plan to
//! the outbox in one transaction. Planning the same days twice changes nothing.

use crate::care_messages::{self, Held};
use crate::persons::{ORDERS_OF_PERSON, PERSON_OF_C};
use crate::roster::RosterSnapshot;
use crate::{care_rules, Result, Store};
use chrono::{DateTime, Days, NaiveDate, Utc};
use laoke_core::care::plan::{self, Event, EventAt, Planned, Planning, Recipient};
use laoke_core::care::CheckedRule;
use laoke_core::dto::{CareMessage, Milestone, Trigger};
use laoke_core::lifecycle::Stage;
use laoke_core::time::{from_stored, to_stored};
use rusqlite::{params, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// Whether a trigger's occasions come from the calendar (and the customers' own days).
fn is_calendar(t: &Trigger) -> bool {
    matches!(
        t,
        Trigger::Festival { .. } | Trigger::Birthday { .. } | Trigger::Anniversary { .. } | Trigger::Campaign { .. }
    )
}

/// Whether any text of the rule names `variable`.
fn uses(rule: &CheckedRule, variable: laoke_core::care::Variable) -> bool {
    [Some(&rule.template), rule.template_en.as_ref(), Some(&rule.subject)]
        .into_iter()
        .flatten()
        .any(|t| t.variables().contains(&variable))
}

/// The local day of a stored instant (read by position: the stored format is fixed).
fn local_day(stored: Option<&str>, tz: chrono_tz::Tz) -> Option<NaiveDate> {
    stored
        .and_then(laoke_core::time::stored_seconds)
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .map(|t| laoke_core::time::local_date(t, tz))
}

/// The longest span one plan may cover: the calendar view's 90 days, and some.
pub const PLAN_DAYS_MAX: i64 = 400;

/// The longest an order takes from creation to being completed that an
/// after-purchase rule still sees (Taobao confirms receipt by itself after 10
/// days after shipping, JD after 7 to 15; a dispute may add a few weeks).
const MILESTONE_AFTER_CREATION_DAYS: u64 = 45;

/// Days a message can move past its occasion (quiet hours, a week of holidays).
const SPILL_DAYS: u64 = 10;

impl Store {
    /// Plans days `from..=to` (shop time) and returns their messages, planned,
    /// skipped and gone out alike, by due time.
    pub fn plan_care(&mut self, from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Result<Vec<CareMessage>> {
        self.plan_care_in(None, from, to, now)
    }

    /// [`Store::plan_care`] with a roster already built (the app keeps one until
    /// the archive changes); without one, a roster is built if a rule has a target.
    pub fn plan_care_in(
        &mut self,
        roster: Option<&RosterSnapshot>,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<CareMessage>> {
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
            .filter_map(|r| self.with_coupon_offer(r).ok())
            .filter_map(|r| laoke_core::care::check(&r, &shop_dates).ok())
            .collect();
        let planning =
            Planning { from, to, tz, limits: &settings.care, shop: &settings.shop_name, shop_dates: &shop_dates };
        let targets = self.rule_targets(&rules, today, roster)?;
        let held: Held = care_messages::held(&self.conn, from, to, SPILL_DAYS)?;
        // Occasions first, from what each trigger needs (birthdays and first
        // purchases for the calendar rules, events for the others); then only the
        // customers with an occasion are read whole.
        let people = self.calendar_people(&rules, &targets)?;
        let mut occasions_of = Vec::with_capacity(rules.len());
        for rule in &rules {
            let target = targets.get(&rule.id());
            let is_target = |id: i64| target.is_none_or(|t| t.contains(&id));
            let occasions = match (&rule.rule.trigger, target) {
                // A festival or a campaign reads no more of its targets than their ids.
                (Trigger::Festival { .. } | Trigger::Campaign { .. }, Some(ids)) => {
                    let stubs: Vec<Recipient> =
                        ids.iter().map(|&id| Recipient { id, ..Recipient::default() }).collect();
                    plan::calendar_occasions(rule, &planning, stubs.iter())
                }
                (t, _) if is_calendar(t) => {
                    let reached = |r: &&Recipient| plan::reaches(rule.rule.channel, r.platform) && is_target(r.id);
                    plan::calendar_occasions(rule, &planning, people.iter().filter(reached))
                }
                _ => plan::event_occasions(rule, &planning, &self.events(rule, &planning)?, is_target),
            };
            occasions_of.push(occasions);
        }
        drop(people);
        let needed: HashSet<i64> = occasions_of.iter().flatten().map(|o| o.customer_id).collect();
        let mut recipients = self.recipients(&needed)?;
        if rules.iter().any(|r| uses(r, laoke_core::care::Variable::Tier)) {
            self.fill_tiers(&mut recipients)?;
        }
        let mut plan: Vec<Planned> = Vec::new();
        for (rule, occasions) in rules.iter().zip(&mut occasions_of) {
            if uses(rule, laoke_core::care::Variable::LastItem) {
                // Only new messages are rendered: an occasion about an order reads
                // that order's item, the others their customer's last item.
                let mut last_of = Vec::new();
                let fresh = occasions
                    .iter_mut()
                    .filter(|o| !held.open.contains_key(&plan::key(rule.id(), o.customer_id, &o.id)));
                for o in fresh {
                    match o.order {
                        Some(order) => o.item = self.first_item(order)?,
                        None => last_of.push(o.customer_id),
                    }
                }
                self.fill_last_items(&mut recipients, last_of.into_iter())?;
            }
            let messages = plan::messages(rule, &planning, occasions, &recipients, &held.open);
            plan.extend(messages.into_iter().filter(|m| !held.out.contains(&m.key)));
        }
        plan.sort_by(|a, b| a.key.cmp(&b.key));
        let planned: HashSet<&str> = plan.iter().map(|m| m.key.as_str()).collect();
        let counted: Vec<_> = held.counted.iter().filter(|c| !planned.contains(c.key.as_str())).cloned().collect();
        plan::guard_all(&mut plan, &recipients, &counted, &settings.care);
        let tx = self.conn.transaction()?;
        care_messages::store_plan(&tx, &plan, &held, now)?;
        tx.commit()?;
        self.care_messages(from, to)
    }

    /// The customers the calendar rules find occasions for (merged identities
    /// folded away), with no more than that needs: the platform (for the
    /// channel's reach), the birthday, and the first purchase for anniversaries. Only customers with a birthday are read
    /// unless a rule needs everyone (an anniversary, or a festival or campaign
    /// without a target).
    fn calendar_people(&self, rules: &[CheckedRule], targets: &HashMap<i64, HashSet<i64>>) -> Result<Vec<Recipient>> {
        let wants = |f: fn(&Trigger) -> bool| rules.iter().any(|r| f(&r.rule.trigger));
        let birthdays = wants(|t| matches!(t, Trigger::Birthday { .. }));
        let anniversaries = wants(|t| matches!(t, Trigger::Anniversary { .. }));
        let everyone = anniversaries
            || rules.iter().any(|r| {
                matches!(r.rule.trigger, Trigger::Festival { .. } | Trigger::Campaign { .. })
                    && !targets.contains_key(&r.id())
            });
        if !birthdays && !everyone {
            return Ok(Vec::new());
        }
        let tz = self.timezone()?;
        let mut stmt = self.conn.prepare_cached(if everyone {
            "SELECT id, platform, birthday, birthday_lunar, first_purchase_at FROM customers WHERE merged_into IS NULL"
        } else {
            "SELECT id, platform, birthday, birthday_lunar, first_purchase_at FROM customers
             WHERE merged_into IS NULL AND birthday IS NOT NULL"
        })?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let platform = r.get_ref(1)?.as_str()?.parse().ok();
            let mut person = Recipient { id: r.get(0)?, platform, ..Recipient::default() };
            if birthdays {
                let lunar: bool = r.get(3)?;
                person.birthday = r
                    .get_ref(2)?
                    .as_str_or_null()?
                    .and_then(laoke_core::birthday::month_day)
                    .map(|(m, d)| (m, d, lunar));
            }
            if anniversaries {
                person.first_purchase = local_day(r.get_ref(4)?.as_str_or_null()?, tz);
            }
            out.push(person);
        }
        Ok(out)
    }

    /// Customers `ids` as messages to them need them: contacts, names, DND,
    /// purchase days. They are looked up one by one in id order, so the 60,000
    /// of a big plan cost a fraction of reading a 300,000-customer archive.
    /// A merged identity is no recipient.
    pub(crate) fn recipients(&self, ids: &HashSet<i64>) -> Result<HashMap<i64, Recipient>> {
        let tz = self.timezone()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT platform, birthday, birthday_lunar, first_purchase_at, last_purchase_at,
                    dnd, buyer_id, nick, name, email, phone, wechat
             FROM customers WHERE id = ?1 AND merged_into IS NULL",
        )?;
        let mut sorted: Vec<i64> = ids.iter().copied().collect();
        sorted.sort_unstable();
        let mut out = HashMap::with_capacity(sorted.len());
        for id in sorted {
            let mut rows = stmt.query([id])?;
            let Some(r) = rows.next()? else { continue };
            let lunar: bool = r.get(2)?;
            let person = Recipient {
                id,
                platform: r.get_ref(0)?.as_str()?.parse().ok(),
                birthday: r
                    .get_ref(1)?
                    .as_str_or_null()?
                    .and_then(laoke_core::birthday::month_day)
                    .map(|(m, d)| (m, d, lunar)),
                first_purchase: local_day(r.get_ref(3)?.as_str_or_null()?, tz),
                last_purchase: local_day(r.get_ref(4)?.as_str_or_null()?, tz),
                dnd: r.get(5)?,
                buyer_id: r.get(6)?,
                nick: r.get(7)?,
                name: r.get(8)?,
                email: r.get(9)?,
                phone: r.get(10)?,
                wechat: r.get(11)?,
                ..Recipient::default()
            };
            out.insert(id, person);
        }
        Ok(out)
    }

    /// The recipients' membership tiers, for `{tier}` (read only when a template names it).
    pub(crate) fn fill_tiers(&self, recipients: &mut HashMap<i64, Recipient>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached("SELECT tier FROM customer_tiers WHERE customer_id = ?1")?;
        for (id, r) in recipients.iter_mut() {
            r.tier = stmt.query_row([id], |row| row.get(0)).optional()?;
        }
        Ok(())
    }

    /// The title of an order's first item.
    fn first_item(&self, order: i64) -> Result<Option<String>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT title FROM order_items WHERE order_id = ?1 ORDER BY line_no LIMIT 1")?;
        Ok(stmt.query_row([order], |r| r.get(0)).optional()?)
    }

    /// The title of the last item each of `customers` bought, for `{last_item}`
    /// (read once per customer, by the customer's orders index).
    pub(crate) fn fill_last_items(
        &self,
        recipients: &mut HashMap<i64, Recipient>,
        customers: impl Iterator<Item = i64>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT i.title FROM orders o JOIN order_items i ON i.order_id = o.id
             WHERE ({ORDERS_OF_PERSON}) AND o.kind = 'purchase'
             ORDER BY o.created_at DESC, i.order_id DESC, i.line_no LIMIT 1"
        ))?;
        for id in customers {
            if let Some(r) = recipients.get_mut(&id).filter(|r| r.last_item.is_none()) {
                r.last_item = stmt.query_row([id], |row| row.get(0)).optional()?;
            }
        }
        Ok(())
    }

    /// The customers each targeted rule writes to and its channel reaches (rules
    /// without a target are absent: everyone).
    fn rule_targets(
        &self,
        rules: &[CheckedRule],
        today: NaiveDate,
        roster: Option<&RosterSnapshot>,
    ) -> Result<HashMap<i64, HashSet<i64>>> {
        let mut out = HashMap::new();
        if rules.iter().all(|r| r.rule.target.is_none()) {
            return Ok(out);
        }
        let built;
        let snap = match roster {
            Some(s) => s,
            None => {
                built = self.roster()?;
                &built
            }
        };
        for rule in rules {
            let Some(target) = &rule.rule.target else { continue };
            let filter = match self.target_filter(target)? {
                Ok(f) => f,
                // The segment or tier went after the rule was saved: it targets no one.
                Err(_) => {
                    out.insert(rule.id(), HashSet::new());
                    continue;
                }
            };
            let predicate = self.compile_filter(&filter, today, &snap.tags, &snap.shops)?;
            // Only the customers the channel reaches (Wangwang: Taobao and Tmall buyers),
            // so the messages it never meant are not looked up.
            let facts = snap.roster.facts();
            let reached = |id: &i64| {
                snap.roster.position(*id).is_some_and(|i| plan::reaches(rule.rule.channel, facts[i].platform))
            };
            out.insert(rule.id(), snap.roster.ids(&predicate, None).into_iter().filter(reached).collect());
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
                // An order is paid, shipped and completed after it is created: bounding the
                // creation time too lets the orders' creation index find them (there is no
                // index on the other times; imports would pay for one).
                let created_from = a - Days::new(MILESTONE_AFTER_CREATION_DAYS);
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT {PERSON_OF_C}, o.id, o.{column} FROM orders o JOIN customers c ON c.id = o.customer_id
                     WHERE o.created_at >= ?3 AND o.created_at < ?2
                       AND o.kind = 'purchase' AND o.{column} >= ?1 AND o.{column} < ?2"
                ))?;
                let mut rows = stmt.query(params![instant(a), instant(b + Days::new(1)), instant(created_from)])?;
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
