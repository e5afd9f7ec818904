//! What the Care page shows besides the outbox itself: a rule's message
//! rendered for one real customer while it is edited, and the calendar of the
//! coming days (festivals, statutory days, and per rule what goes out or is
//! skipped each day).

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use laoke_core::care::plan::{self, EventAt, Occasion, Planning};
use laoke_core::care::sms::sms_length;
use laoke_core::dto::{CareDay, CareDayRule, CarePreview, CareRule, Channel, Festival, MessageStatus};
use std::collections::{BTreeMap, HashMap, HashSet};

impl Store {
    /// `rule`'s message for customer `customer_id` (or the customer with the
    /// most purchases) as if it went out today; the rule is checked first.
    pub fn preview_care_message(
        &self,
        rule: &CareRule,
        customer_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<CarePreview> {
        let mut checked = self.check_care_rule(rule)?;
        checked.rule.id = Some(0);
        let settings = self.settings()?;
        let shop_dates = self.shop_dates()?;
        let tz = self.timezone()?;
        let today = laoke_core::time::local_date(now, tz);
        let id = match customer_id {
            Some(id) => id,
            None => self
                .conn
                .query_row(
                    "SELECT id FROM customers WHERE merged_into IS NULL ORDER BY purchases DESC, id LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .map_err(|_| StoreError::CustomerNotFound { id: 0 })?,
        };
        let mut recipients = self.recipients(&HashSet::from([id]))?;
        self.fill_last_items(&mut recipients, std::iter::once(id))?;
        self.fill_tiers(&mut recipients)?;
        let r = recipients.get(&id).ok_or(StoreError::CustomerNotFound { id })?;
        let festival = match &rule.trigger {
            laoke_core::dto::Trigger::Festival { key, .. } => Some(key.clone()),
            _ => None,
        };
        // The festival's next day, so `{festival}` reads as it will.
        let day = festival
            .as_deref()
            .and_then(|k| {
                laoke_core::festival::occurrences(k, today, today + Days::new(400), &shop_dates).first().copied()
            })
            .unwrap_or(today);
        let planning = Planning {
            from: day,
            to: day,
            tz,
            limits: &settings.care,
            shop: &settings.shop_name,
            shop_dates: &shop_dates,
        };
        let occasion = Occasion {
            customer_id: id,
            id: "preview".into(),
            when: EventAt::Day(day),
            festival,
            order: None,
            item: None,
        };
        let m = plan::messages(&checked, &planning, &[occasion], &recipients, &HashMap::new())
            .pop()
            .ok_or(StoreError::CustomerNotFound { id })?;
        Ok(CarePreview {
            customer_id: id,
            nick: r.nick.clone(),
            to: m.to,
            subject: m.subject,
            sms: (rule.channel == Channel::Sms).then(|| sms_length(&m.text)),
            text: m.text,
        })
    }

    /// The festivals of days `from..=to`, the shop's own dates included, by
    /// date (what the rule editor offers; nothing is planned).
    pub fn festivals_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Festival>> {
        use chrono::Datelike;
        let shop_dates = self.shop_dates()?;
        let mut out = Vec::new();
        // Years outside the calendar's range have no festivals to show.
        for year in from.year()..=to.year() {
            let year = laoke_core::festival::festivals_in_year(year, &shop_dates).unwrap_or_default();
            out.extend(year.into_iter().filter(|f| f.date >= from && f.date <= to));
        }
        out.sort_by_key(|f| f.date);
        Ok(out)
    }

    /// Plans days `from..=to` (over `roster` when the caller keeps one) and
    /// gathers them by day for the calendar view.
    pub fn care_calendar(
        &mut self,
        roster: Option<&crate::RosterSnapshot>,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<CareDay>> {
        let messages = self.plan_care_in(roster, from, to, now)?;
        let mut festivals: BTreeMap<NaiveDate, Vec<Festival>> = BTreeMap::new();
        for f in self.festivals_between(from, to)? {
            festivals.entry(f.date).or_default().push(f);
        }
        let statutory: HashMap<NaiveDate, laoke_core::dto::StatutoryDay> =
            laoke_core::festival::statutory_days(from, to).into_iter().map(|d| (d.date, d)).collect();
        let mut per_day: BTreeMap<NaiveDate, BTreeMap<(Option<i64>, &'static str), CareDayRule>> = BTreeMap::new();
        for m in &messages {
            let entry =
                per_day.entry(m.day).or_default().entry((m.rule_id, m.channel.into())).or_insert_with(|| CareDayRule {
                    rule_id: m.rule_id,
                    rule_name: m.rule_name.clone(),
                    channel: m.channel,
                    messages: 0,
                    skipped: 0,
                });
            match m.status {
                MessageStatus::Skipped | MessageStatus::Failed => entry.skipped += 1,
                _ => entry.messages += 1,
            }
        }
        let mut days = Vec::new();
        let mut day = from;
        while day <= to {
            days.push(CareDay {
                date: day,
                festivals: festivals.remove(&day).unwrap_or_default(),
                statutory: statutory.get(&day).cloned(),
                rules: per_day.remove(&day).map(|r| r.into_values().collect()).unwrap_or_default(),
            });
            day = day + Days::new(1);
        }
        Ok(days)
    }
}
