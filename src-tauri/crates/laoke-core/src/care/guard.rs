//! The guards every message passes, in one place: do-not-disturb, an address
//! for the channel, no marketing right after a purchase, one SMS per phone per
//! day, and the per-customer caps over any 7 days. Each message that does not
//! pass says why ([`SkipReason`]); a capped one also names the message that
//! took its place.
//!
//! The caps count what has gone out (copied, exported, sent, possibly sent) and
//! what the seller sent by hand, then admit the candidates in rank order:
//! payment reminders first (the weekly caps do not hold them back, the daily
//! SMS limit does), then care, then marketing, each in order of due time. So
//! when a care message and a marketing message compete for a week's last
//! place, the marketing message yields, never the care one.

use crate::dto::{CareSettings, Channel, Priority, SkipReason};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A message that already counts: gone out, sent by hand, or planned outside
/// the days being planned.
#[derive(Debug, Clone)]
pub struct Counted {
    pub key: String,
    pub customer_id: i64,
    pub day: NaiveDate,
    pub priority: Priority,
    pub channel: Channel,
    pub to: Option<String>,
}

/// What the guards need to know of a candidate message.
#[derive(Debug, Clone)]
pub struct Guarded<'a> {
    pub key: &'a str,
    pub customer_id: i64,
    /// The local day it goes out (after quiet hours).
    pub day: NaiveDate,
    /// For ordering within a rank.
    pub due: i64,
    pub priority: Priority,
    pub channel: Channel,
    pub to: Option<&'a str>,
    pub dnd: bool,
    pub last_purchase: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub skipped: Option<SkipReason>,
    pub displaced_by: Option<String>,
}

fn rank(p: Priority) -> u8 {
    match p {
        Priority::Transactional => 0,
        Priority::Care => 1,
        Priority::Marketing => 2,
    }
}

/// One customer's messages that count against the weekly caps.
#[derive(Default)]
struct Week {
    all: Vec<(NaiveDate, String)>,
    marketing: Vec<(NaiveDate, String)>,
}

/// The first message that would make a 7-day window holding `day` count more
/// than `cap`, or None when `day` fits.
fn over(taken: &[(NaiveDate, String)], day: NaiveDate, cap: u32) -> Option<Option<String>> {
    if cap == 0 {
        return Some(None);
    }
    for start in 0..7 {
        let from = day - chrono::Days::new(6 - start);
        let to = from + chrono::Days::new(6);
        let inside: Vec<&(NaiveDate, String)> = taken.iter().filter(|(d, _)| *d >= from && *d <= to).collect();
        if inside.len() as u32 + 1 > cap {
            return Some(inside.first().map(|(_, k)| k.clone()));
        }
    }
    None
}

/// Decides every candidate; `history` is what already counts.
pub fn decide(candidates: &[Guarded], history: &[Counted], limits: &CareSettings) -> Vec<Verdict> {
    let mut weeks: HashMap<i64, Week> = HashMap::new();
    let mut sms_days: HashSet<(String, NaiveDate)> = HashSet::new();
    for h in history {
        if h.channel == Channel::Sms {
            if let Some(to) = &h.to {
                sms_days.insert((to.clone(), h.day));
            }
        }
        let week = weeks.entry(h.customer_id).or_default();
        if h.priority != Priority::Transactional {
            week.all.push((h.day, h.key.clone()));
        }
        if h.priority == Priority::Marketing {
            week.marketing.push((h.day, h.key.clone()));
        }
    }
    let mut verdicts = vec![Verdict { skipped: None, displaced_by: None }; candidates.len()];
    let mut order: Vec<usize> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let marketing_after_purchase = c.priority == Priority::Marketing
            && c.last_purchase
                .is_some_and(|p| p + chrono::Days::new(u64::from(limits.no_marketing_after_purchase_days)) >= c.day);
        verdicts[i].skipped = if c.dnd {
            Some(SkipReason::Dnd)
        } else if c.to.is_none() {
            Some(SkipReason::NoAddress)
        } else if marketing_after_purchase {
            Some(SkipReason::MarketingAfterPurchase)
        } else {
            order.push(i);
            None
        };
    }
    order.sort_by(|&a, &b| {
        let (a, b) = (&candidates[a], &candidates[b]);
        (rank(a.priority), a.due, a.key).cmp(&(rank(b.priority), b.due, b.key))
    });
    for i in order {
        let c = &candidates[i];
        let sms = (c.channel == Channel::Sms).then(|| (c.to.unwrap_or_default().to_owned(), c.day));
        if sms.as_ref().is_some_and(|s| sms_days.contains(s)) {
            verdicts[i].skipped = Some(SkipReason::SmsDaily);
            continue;
        }
        let week = weeks.entry(c.customer_id).or_default();
        if c.priority != Priority::Transactional {
            if let Some(by) = over(&week.all, c.day, limits.max_per_week) {
                verdicts[i] = Verdict { skipped: Some(SkipReason::Cap), displaced_by: by };
                continue;
            }
            if c.priority == Priority::Marketing {
                if let Some(by) = over(&week.marketing, c.day, limits.max_marketing_per_week) {
                    verdicts[i] = Verdict { skipped: Some(SkipReason::MarketingCap), displaced_by: by };
                    continue;
                }
                week.marketing.push((c.day, c.key.to_owned()));
            }
            week.all.push((c.day, c.key.to_owned()));
        }
        if let Some(s) = sms {
            sms_days.insert(s);
        }
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn msg(key: &str, d: u32, priority: Priority) -> Guarded<'_> {
        Guarded {
            key,
            customer_id: 1,
            day: day(d),
            due: i64::from(d),
            priority,
            channel: Channel::Wangwang,
            to: Some("小美"),
            dnd: false,
            last_purchase: None,
        }
    }

    fn reasons(v: &[Verdict]) -> Vec<Option<SkipReason>> {
        v.iter().map(|v| v.skipped).collect()
    }

    #[test]
    fn care_outranks_marketing_under_the_weekly_cap() {
        let limits = CareSettings::default();
        // Marketing on the 1st, care on the 3rd and 5th: the week holds two, so marketing yields.
        let c = [msg("m1", 1, Priority::Marketing), msg("c3", 3, Priority::Care), msg("c5", 5, Priority::Care)];
        let v = decide(&c, &[], &limits);
        assert_eq!(reasons(&v), vec![Some(SkipReason::Cap), None, None]);
        assert_eq!(v[0].displaced_by.as_deref(), Some("c3"));
        // A week later the window has room again.
        let c = [msg("c1", 1, Priority::Care), msg("c3", 3, Priority::Care), msg("c8", 8, Priority::Care)];
        assert_eq!(reasons(&decide(&c, &[], &limits)), vec![None, None, None]);
        let c = [msg("c1", 1, Priority::Care), msg("c3", 3, Priority::Care), msg("c7", 7, Priority::Care)];
        assert_eq!(reasons(&decide(&c, &[], &limits)), vec![None, None, Some(SkipReason::Cap)]);
    }

    #[test]
    fn one_marketing_message_a_week_and_manual_sends_count() {
        let limits = CareSettings::default();
        let c = [msg("m1", 1, Priority::Marketing), msg("m4", 4, Priority::Marketing)];
        let v = decide(&c, &[], &limits);
        assert_eq!(reasons(&v), vec![None, Some(SkipReason::MarketingCap)]);
        assert_eq!(v[1].displaced_by.as_deref(), Some("m1"));
        // Two messages the seller sent by hand this week fill it: even care waits.
        let manual = |key: &str, d| Counted {
            key: key.into(),
            customer_id: 1,
            day: day(d),
            priority: Priority::Care,
            channel: Channel::Wechat,
            to: Some("wx".into()),
        };
        let v = decide(&[msg("c3", 3, Priority::Care)], &[manual("h1", 1), manual("h2", 2)], &limits);
        assert_eq!(v[0], Verdict { skipped: Some(SkipReason::Cap), displaced_by: Some("h1".into()) });
        // Another customer is not affected.
        let mut other = msg("c3", 3, Priority::Care);
        other.customer_id = 2;
        assert_eq!(reasons(&decide(&[other], &[manual("h1", 1), manual("h2", 2)], &limits)), vec![None]);
    }

    #[test]
    fn dnd_wins_then_address_then_recent_purchase() {
        let limits = CareSettings::default();
        let mut dnd = msg("a", 1, Priority::Care);
        dnd.dnd = true;
        dnd.to = None;
        let mut nowhere = msg("b", 1, Priority::Care);
        nowhere.to = None;
        let mut bought = msg("c", 10, Priority::Marketing);
        bought.last_purchase = Some(day(8));
        let mut bought_care = msg("d", 10, Priority::Care);
        bought_care.last_purchase = Some(day(9));
        let mut bought_earlier = msg("e", 20, Priority::Marketing);
        bought_earlier.last_purchase = Some(day(17));
        let v = decide(&[dnd, nowhere, bought, bought_care, bought_earlier], &[], &limits);
        assert_eq!(
            reasons(&v),
            vec![
                Some(SkipReason::Dnd),
                Some(SkipReason::NoAddress),
                Some(SkipReason::MarketingAfterPurchase),
                None,
                None
            ]
        );
    }

    #[test]
    fn payment_reminders_skip_the_weekly_caps_but_not_the_daily_sms() {
        let limits = CareSettings::default();
        let sms = |key: &'static str, d, p, to: &'static str, customer_id| Guarded {
            channel: Channel::Sms,
            to: Some(to),
            customer_id,
            ..msg(key, d, p)
        };
        let c = [
            sms("c1", 1, Priority::Care, "13800000000", 1),
            sms("c2", 2, Priority::Care, "13800000000", 1),
            sms("u3", 3, Priority::Transactional, "13800000000", 1),
            // Same phone, another customer record, same day as a reminder.
            sms("c3", 3, Priority::Care, "13800000000", 2),
        ];
        assert_eq!(reasons(&decide(&c, &[], &limits)), vec![None, None, None, Some(SkipReason::SmsDaily)]);
    }
}
