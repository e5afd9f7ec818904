//! Planning: which messages the rules make for some days, with their due
//! instant, address and rendered text, then the guards' verdict on each.
//!
//! Everything is counted in whole local days of the shop's time zone: an
//! occasion names a day, the rule's `send_at` is a wall-clock time on that day,
//! and only then is the instant worked out, so a birthday is never a day early
//! or late around a daylight-saving change (a time that does not exist that day,
//! 02:30 when clocks jump from 02:00 to 03:00, moves on by the hour skipped).
//!
//! A message's key is its rule, its customer and its occasion (`r3:c17:b2026-12-05`):
//! planning the same days again finds the same keys, which is how the outbox
//! knows what it already holds.

use super::guard::{self, Counted, Guarded};
use super::rule::CheckedRule;
use super::sms::sms_text;
use super::template::Variable;
use crate::dto::{CareSettings, Channel, MessageStatus, Milestone, ShopDate, SkipReason, Trigger};
use crate::Platform;
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// What planning knows of a customer.
#[derive(Debug, Clone, Default)]
pub struct Recipient {
    pub id: i64,
    pub platform: Option<Platform>,
    pub buyer_id: String,
    pub nick: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub wechat: Option<String>,
    pub dnd: bool,
    pub tier: Option<String>,
    /// Month, day, and whether it is a lunar date.
    pub birthday: Option<(u32, u32, bool)>,
    /// Local days of the first and last purchase.
    pub first_purchase: Option<NaiveDate>,
    pub last_purchase: Option<NaiveDate>,
    pub last_item: Option<String>,
}

impl Recipient {
    /// The customer's address on `channel`, if they have one: an email with an
    /// `@`; a phone with at least 7 digits and no mask (`138****1234` is no
    /// phone); a WeChat id; the buyer nick on Taobao/Tmall (Wangwang's address).
    pub fn address(&self, channel: Channel) -> Option<String> {
        let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        match channel {
            Channel::Email => some(&self.email).filter(|e| e.contains('@')),
            Channel::Sms => some(&self.phone).filter(|p| {
                p.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-'))
                    && p.chars().filter(char::is_ascii_digit).count() >= 7
            }),
            Channel::Wechat => some(&self.wechat),
            Channel::Wangwang => {
                reaches(channel, self.platform).then(|| self.buyer_id.trim().to_owned()).filter(|b| !b.is_empty())
            }
        }
    }
}

/// Whether a channel exists at all for a platform's buyers: Wangwang is
/// Taobao's and Tmall's messenger, so a Wangwang rule writes to their buyers
/// only (a JD or Shopify buyer is not a customer it skipped, but one it never
/// meant). Email, SMS and WeChat reach anyone with the address.
pub fn reaches(channel: Channel, platform: Option<Platform>) -> bool {
    channel != Channel::Wangwang || matches!(platform, Some(Platform::Taobao | Platform::Tmall))
}

/// An order, stage or tier event an event-driven rule fires on.
#[derive(Debug, Clone)]
pub struct Event {
    pub customer_id: i64,
    /// The order id or the tier change id (in the key), unused for stage changes.
    pub id: i64,
    pub at: EventAt,
}

#[derive(Debug, Clone, Copy)]
pub enum EventAt {
    Instant(DateTime<Utc>),
    Day(NaiveDate),
}

/// The days being planned and the shop they are planned for.
pub struct Planning<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tz: Tz,
    pub limits: &'a CareSettings,
    pub shop: &'a str,
    pub shop_dates: &'a [ShopDate],
}

impl Planning<'_> {
    fn contains(&self, d: NaiveDate) -> bool {
        d >= self.from && d <= self.to
    }

    /// The SMS signature: the setting, else the shop's name.
    pub fn signature(&self) -> &str {
        let s = self.limits.sms_signature.trim();
        if s.is_empty() {
            self.shop.trim()
        } else {
            s
        }
    }

    /// The instant of a wall-clock time in the shop's time zone: the earlier of
    /// two when clocks go back, the hour after when it falls in a gap.
    pub fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let mut t = local;
        for _ in 0..4 {
            if let Some(i) = self.tz.from_local_datetime(&t).earliest() {
                return i.with_timezone(&Utc);
            }
            t += chrono::Duration::hours(1);
        }
        local.and_utc()
    }

    /// The first allowed moment at or after `local` (quiet hours move it to their end).
    pub fn out_of_quiet(&self, local: NaiveDateTime) -> NaiveDateTime {
        let (Some(start), Some(end)) =
            (super::rule::time_of_day(&self.limits.quiet_start), super::rule::time_of_day(&self.limits.quiet_end))
        else {
            return local;
        };
        let t = local.time();
        let day = local.date();
        if start == end {
            local
        } else if start > end {
            // Over midnight (21:00–09:00): late evening moves to the next morning.
            if t >= start {
                (day + Days::new(1)).and_time(end)
            } else if t < end {
                day.and_time(end)
            } else {
                local
            }
        } else if t >= start && t < end {
            day.and_time(end)
        } else {
            local
        }
    }
}

/// One occasion of one rule for one customer.
#[derive(Debug, Clone)]
pub struct Occasion {
    pub customer_id: i64,
    /// The occasion's part of the key (`b2026-12-05`, `o1234`).
    pub id: String,
    pub when: EventAt,
    /// The festival's key, for `{festival}`.
    pub festival: Option<String>,
    /// The order an after-purchase or unpaid occasion is about: its
    /// `{last_item}` is that order's item, not the item of a later order.
    pub order: Option<i64>,
    /// The order's first item, filled in by the store for messages that name it.
    pub item: Option<String>,
}

fn date_days(d: NaiveDate, n: u32, back: bool) -> NaiveDate {
    if back {
        d - Days::new(u64::from(n))
    } else {
        d + Days::new(u64::from(n))
    }
}

/// The occasions of a calendar rule (festival, birthday, anniversary, campaign)
/// for the customers it targets, whose send day is in the planned days.
pub fn calendar_occasions<'r>(
    rule: &CheckedRule,
    p: &Planning,
    targets: impl Iterator<Item = &'r Recipient>,
) -> Vec<Occasion> {
    let mut out = Vec::new();
    let day = |customer_id, id: String, d, festival: Option<String>| Occasion {
        customer_id,
        id,
        when: EventAt::Day(d),
        festival,
        order: None,
        item: None,
    };
    match &rule.rule.trigger {
        Trigger::Festival { key, days_before } => {
            let dates = crate::festival::occurrences(
                key,
                date_days(p.from, *days_before, false),
                date_days(p.to, *days_before, false),
                p.shop_dates,
            );
            for r in targets {
                for d in &dates {
                    out.push(day(r.id, format!("f{d}"), date_days(*d, *days_before, true), Some(key.clone())));
                }
            }
        }
        Trigger::Campaign { date } if p.contains(*date) => {
            out.extend(targets.map(|r| day(r.id, format!("c{date}"), *date, None)));
        }
        Trigger::Birthday { days_before } => {
            let (first, last) = (date_days(p.from, *days_before, false), date_days(p.to, *days_before, false));
            // Birthdays in the days planned, by (month, day, lunar): a few hundred
            // pairs however many customers, so the lunar conversions run once each.
            let mut days_of: HashMap<(u32, u32, bool), Vec<NaiveDate>> = HashMap::new();
            for r in targets {
                let Some(birthday) = r.birthday else { continue };
                let days = days_of.entry(birthday).or_insert_with(|| {
                    let (month, mday, lunar) = birthday;
                    let mut out = Vec::new();
                    let mut from = first;
                    while let Some(b) = crate::birthday::next_birthday(month, mday, lunar, from).filter(|b| *b <= last)
                    {
                        out.push(b);
                        from = b + Days::new(1);
                    }
                    out
                });
                for b in days.iter() {
                    out.push(day(r.id, format!("b{b}"), date_days(*b, *days_before, true), None));
                }
            }
        }
        Trigger::Anniversary { days_before } => {
            use chrono::Datelike;
            for r in targets {
                let Some(first) = r.first_purchase else { continue };
                for year in p.from.year()..=p.to.year() + 1 {
                    let Some(a) = first.with_year(year).or_else(|| NaiveDate::from_ymd_opt(year, 2, 28)) else {
                        continue;
                    };
                    let send = date_days(a, *days_before, true);
                    if year > first.year() && p.contains(send) {
                        out.push(day(r.id, format!("a{year}"), send, None));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// The occasions of an event rule (after purchase, became sleeping, tier
/// upgrade, unpaid) from its events, for the customers `is_target` admits.
pub fn event_occasions(
    rule: &CheckedRule,
    p: &Planning,
    events: &[Event],
    is_target: impl Fn(i64) -> bool,
) -> Vec<Occasion> {
    let local = |t: DateTime<Utc>| crate::time::local_date(t, p.tz);
    let mut out = Vec::new();
    for e in events.iter().filter(|e| is_target(e.customer_id)) {
        let (id, when) = match (&rule.rule.trigger, e.at) {
            (Trigger::AfterPurchase { days, .. }, EventAt::Instant(t)) => {
                (format!("o{}", e.id), EventAt::Day(date_days(local(t), *days, false)))
            }
            (Trigger::BecameSleeping { days_after }, EventAt::Day(d)) => {
                (format!("s{d}"), EventAt::Day(date_days(d, *days_after, false)))
            }
            (Trigger::TierUpgrade { days_after }, EventAt::Day(d)) => {
                (format!("t{}", e.id), EventAt::Day(date_days(d, *days_after, false)))
            }
            (Trigger::Unpaid { minutes }, EventAt::Instant(t)) => {
                (format!("u{}", e.id), EventAt::Instant(t + chrono::Duration::minutes(i64::from(*minutes))))
            }
            _ => continue,
        };
        let day = match when {
            EventAt::Day(d) => d,
            EventAt::Instant(t) => local(t),
        };
        if p.contains(day) {
            let order =
                matches!(rule.rule.trigger, Trigger::AfterPurchase { .. } | Trigger::Unpaid { .. }).then_some(e.id);
            out.push(Occasion { customer_id: e.customer_id, id, when, festival: None, order, item: None });
        }
    }
    out
}

/// Which order time an after-purchase rule reads (the store asks for these).
pub fn milestone_of(rule: &CheckedRule) -> Option<Milestone> {
    match rule.rule.trigger {
        Trigger::AfterPurchase { from, .. } => Some(from),
        _ => None,
    }
}

/// A planned message before the outbox stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub key: String,
    pub customer_id: i64,
    pub rule_id: i64,
    pub due: DateTime<Utc>,
    /// The local day of `due`.
    pub day: NaiveDate,
    pub channel: Channel,
    pub to: Option<String>,
    pub priority: crate::dto::Priority,
    pub status: MessageStatus,
    pub reason: Option<SkipReason>,
    pub displaced_by: Option<String>,
    pub subject: Option<String>,
    pub text: String,
}

/// What the outbox holds of an open (planned or skipped) message. Planning
/// keeps its due time and text as they were first planned, and rewrites the
/// row only when its address or the guards' verdict changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub due: DateTime<Utc>,
    pub subject: Option<String>,
    pub text: String,
    pub to: Option<String>,
    pub status: MessageStatus,
    pub reason: Option<SkipReason>,
    pub displaced_by: Option<String>,
}

impl Planned {
    /// Whether the outbox's row already says what this plan says.
    pub fn is_kept_as(&self, k: &Kept) -> bool {
        self.to == k.to && self.status == k.status && self.reason == k.reason && self.displaced_by == k.displaced_by
    }
}

/// A message's key.
pub fn key(rule_id: i64, customer_id: i64, occasion: &str) -> String {
    format!("r{rule_id}:c{customer_id}:{occasion}")
}

/// The festival's name in the message's language.
fn festival_name(key: &str, english: bool, shop_dates: &[ShopDate]) -> String {
    crate::festival::names(key, shop_dates).map(|(zh, en)| if english { en } else { zh }).unwrap_or_default()
}

/// Turns occasions into messages (due time, address, text). `kept` holds the
/// open messages already in the outbox, whose due time, subject and text stay
/// as they were planned.
pub fn messages(
    rule: &CheckedRule,
    p: &Planning,
    occasions: &[Occasion],
    recipients: &HashMap<i64, Recipient>,
    kept: &HashMap<String, Kept>,
) -> Vec<Planned> {
    let mut out = Vec::with_capacity(occasions.len());
    for o in occasions {
        let Some(r) = recipients.get(&o.customer_id) else { continue };
        if !reaches(rule.rule.channel, r.platform) {
            continue;
        }
        let key = key(rule.id(), r.id, &o.id);
        let channel = rule.rule.channel;
        let (due, subject, text) = match kept.get(&key) {
            Some(k) => (k.due, k.subject.clone(), k.text.clone()),
            None => {
                let local = match o.when {
                    EventAt::Day(d) => {
                        let d = if rule.rule.working_days_only {
                            crate::festival::first_working_day_on_or_after(d)
                        } else {
                            d
                        };
                        d.and_time(rule.send_at)
                    }
                    EventAt::Instant(t) => p.tz.from_utc_datetime(&t.naive_utc()).naive_local(),
                };
                let due = p.instant(p.out_of_quiet(local));
                let send_day = crate::time::local_date(due, p.tz);
                let english = r.platform.is_some_and(|pl| !pl.is_chinese()) && rule.template_en.is_some();
                let value = |v: Variable| -> String {
                    match v {
                        Variable::Nick => r.nick.clone(),
                        Variable::Name => {
                            r.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| r.nick.clone())
                        }
                        Variable::Tier => r.tier.clone().unwrap_or_default(),
                        Variable::Coupon => rule.rule.coupon.clone().unwrap_or_default(),
                        Variable::Shop => p.shop.to_owned(),
                        Variable::Festival => {
                            o.festival.as_deref().map(|k| festival_name(k, english, p.shop_dates)).unwrap_or_default()
                        }
                        Variable::LastItem => o.item.clone().or_else(|| r.last_item.clone()).unwrap_or_default(),
                        Variable::DaysSince => {
                            r.last_purchase.map(|l| (send_day - l).num_days().max(0).to_string()).unwrap_or_default()
                        }
                    }
                };
                let template =
                    if english { rule.template_en.as_ref().unwrap_or(&rule.template) } else { &rule.template };
                let body = template.render(value);
                let text = if channel == Channel::Sms { sms_text(&body, p.signature()) } else { body };
                let subject = (channel == Channel::Email).then(|| rule.subject.render(value));
                (due, subject, text)
            }
        };
        out.push(Planned {
            key,
            customer_id: r.id,
            rule_id: rule.id(),
            due,
            day: crate::time::local_date(due, p.tz),
            channel,
            to: r.address(channel),
            priority: rule.priority(),
            status: MessageStatus::Planned,
            reason: None,
            displaced_by: None,
            subject,
            text,
        });
    }
    out
}

/// Runs the guards over every planned message at once (the caps span rules).
pub fn guard_all(
    planned: &mut [Planned],
    recipients: &HashMap<i64, Recipient>,
    history: &[Counted],
    limits: &CareSettings,
) {
    let guarded: Vec<Guarded> = planned
        .iter()
        .map(|m| {
            let r = recipients.get(&m.customer_id);
            Guarded {
                key: &m.key,
                customer_id: m.customer_id,
                day: m.day,
                due: m.due.timestamp(),
                priority: m.priority,
                channel: m.channel,
                to: m.to.as_deref(),
                dnd: r.is_some_and(|r| r.dnd),
                last_purchase: r.and_then(|r| r.last_purchase),
            }
        })
        .collect();
    let verdicts = guard::decide(&guarded, history, limits);
    for (m, v) in planned.iter_mut().zip(verdicts) {
        m.status = if v.skipped.is_some() { MessageStatus::Skipped } else { MessageStatus::Planned };
        m.reason = v.skipped;
        m.displaced_by = v.displaced_by;
    }
}

#[cfg(test)]
mod tests;
