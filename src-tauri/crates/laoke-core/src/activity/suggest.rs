//! "Suggest a month": fills a month with activities to the shop's cadence.
//!
//! Every day of the month gets a score and its reasons; a big promotion's main
//! day (618, 双11, 双12) and any day fewer than [`SPACING_DAYS`] from an
//! activity already planned are out. Then the set of days with the best total
//! score, at least `SPACING_DAYS` apart, is chosen exactly (a small dynamic
//! programme over the month's days), with a bonus for gaps up to the month's
//! even spacing so that the activities spread out rather than bunch up.
//!
//! Scores (documented in ARCHITECTURE.md, "Activities"):
//! - the return period after a big promotion, its 1st–4th day after the main
//!   day (双11返场 12–15 Nov is exactly that): 40 − days after;
//! - 1–7 days before a festival (not a promotion): 30 − 2·|days − 3|, three days
//!   ahead being best (buyers still have time to receive what they order);
//! - a Saturday or Sunday: +5;
//! - otherwise a day only keeps the pace (`spacing`).
//!
//! The type follows the reason: a return sale in a return period, red packets
//! before a festival, and guess-the-price, buyer shows, quizzes and previews in
//! turn for the rest.

use super::{clashes, month_end, shift, total, Neighbour, SPACING_DAYS};
use crate::dto::{ActivityType, BudgetLine, Festival, FestivalKind, ShopDate, Slot, Suggestion, Why};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

/// What the suggestion works from.
pub struct MonthPlan<'a> {
    /// The first day of the month.
    pub month: NaiveDate,
    pub cadence: u32,
    /// The shop's activities (any month: those near the edges keep their distance).
    pub planned: &'a [Neighbour<'a>],
    pub types: &'a [ActivityType],
    pub slots: &'a [Slot],
    pub shop_dates: &'a [ShopDate],
    pub cap: Option<Decimal>,
    /// Titles and budget labels in English.
    pub english: bool,
}

/// The days before a festival that count, and the days after a peak.
const BEFORE_DAYS: i64 = 7;
const RETURN_DAYS: i64 = 4;

struct Day {
    date: NaiveDate,
    score: i64,
    why: Vec<Why>,
    /// The festival that gave the best reason, for the title.
    festival: Option<String>,
}

/// The month's suggestions, saving nothing. Fewer than the cadence only when the
/// activities already planned leave no room.
pub fn suggest(plan: &MonthPlan) -> Vec<Suggestion> {
    let first = plan.month;
    let last = month_end(first);
    let in_month = |d: NaiveDate| (first..=last).contains(&d);
    let already = plan.planned.iter().filter(|p| in_month(p.date)).count() as u32;
    let wanted = plan.cadence.saturating_sub(already) as usize;
    // The festivals a day of the month can be before, listed once for the month.
    let festivals: Vec<Festival> = (first.year()..=shift(last, BEFORE_DAYS as i32).year())
        .filter_map(|y| crate::festival::festivals_in_year(y, plan.shop_dates).ok())
        .flatten()
        .filter(|f| f.kind != FestivalKind::Promotion && !f.peak)
        .collect();
    let days: Vec<Day> =
        first.iter_days().take_while(|d| *d <= last).filter_map(|d| score(d, plan, &festivals)).collect();
    let chosen = choose(&days, wanted, (last.day() / plan.cadence.max(1)) as i64);
    let mut taken: Vec<Neighbour> = plan.planned.to_vec();
    let mut out = Vec::new();
    for (n, i) in chosen.into_iter().enumerate() {
        let s = suggestion(&days[i], n, plan, &taken);
        taken.push(Neighbour { id: None, title: "", date: s.date, total: s.total });
        out.push(s);
    }
    out
}

/// A day's score and reasons; none for a day an activity must not be on.
fn score(date: NaiveDate, plan: &MonthPlan, festivals: &[Festival]) -> Option<Day> {
    let near = |from: NaiveDate, to: NaiveDate| crate::festival::promotion_peaks(from, to);
    if !near(date, date).is_empty() {
        return None;
    }
    let spacing = i64::from(SPACING_DAYS);
    if plan.planned.iter().any(|p| (p.date - date).num_days().abs() < spacing) {
        return None;
    }
    let mut day = Day { date, score: 0, why: Vec::new(), festival: None };
    // The return period: the days just after a peak.
    if let Some((peak, key)) = near(shift(date, -(RETURN_DAYS as i32)), shift(date, -1)).into_iter().next_back() {
        let days = (date - peak).num_days();
        day.score += 40 - days;
        day.why.push(Why::ReturnPeriod { festival: key.to_owned(), days: days as u32 });
        day.festival = Some(key.to_owned());
    } else if let Some((days, key)) = festival_ahead(date, festivals) {
        day.score += 30 - 2 * (days - 3).abs();
        day.why.push(Why::BeforeFestival { festival: key.clone(), days: days as u32 });
        day.festival = Some(key);
    }
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        day.score += 5;
        day.why.push(Why::Weekend);
    }
    if day.why.is_empty() {
        day.why.push(Why::Spacing);
    }
    Some(day)
}

/// The best of `festivals` (promotions aside: they have their own rules) 1–7
/// days after `date`, as days ahead and key; the closest to three days ahead wins.
fn festival_ahead(date: NaiveDate, festivals: &[Festival]) -> Option<(i64, String)> {
    let (from, to) = (shift(date, 1), shift(date, BEFORE_DAYS as i32));
    let mut best: Option<(i64, &str)> = None;
    for f in festivals.iter().filter(|f| (from..=to).contains(&f.date)) {
        let days = (f.date - date).num_days();
        if best.is_none_or(|(b, _)| (days - 3).abs() < (b - 3).abs()) {
            best = Some((days, &f.key));
        }
    }
    best.map(|(days, key)| (days, key.to_owned()))
}

/// The indexes of `wanted` days (or as many as fit) at least `SPACING_DAYS` apart
/// with the best total score, gaps rewarded up to `even` days. Ties go to the
/// earlier day, so the answer is the same every time.
fn choose(days: &[Day], wanted: usize, even: i64) -> Vec<usize> {
    let n = days.len();
    let spacing = i64::from(SPACING_DAYS);
    // best[k][i]: the best value of k+1 days whose last is day i, and the day before it.
    let mut best: Vec<Vec<Option<(i64, Option<usize>)>>> = vec![vec![None; n]; wanted];
    for k in 0..wanted {
        for i in 0..n {
            if k == 0 {
                best[0][i] = Some((days[i].score * 10, None));
                continue;
            }
            let mut here: Option<(i64, Option<usize>)> = None;
            for j in 0..i {
                let gap = (days[i].date - days[j].date).num_days();
                let Some((v, _)) = best[k - 1][j] else { continue };
                if gap < spacing {
                    continue;
                }
                let value = v + days[i].score * 10 + gap.min(even.max(spacing)) * 3;
                if here.is_none_or(|(h, _)| value > h) {
                    here = Some((value, Some(j)));
                }
            }
            best[k][i] = here;
        }
    }
    // The most days that fit, then the best of those.
    for k in (0..wanted).rev() {
        let mut end: Option<(i64, usize)> = None;
        for i in 0..n {
            if let Some((v, _)) = best[k][i] {
                if end.is_none_or(|(e, _)| v > e) {
                    end = Some((v, i));
                }
            }
        }
        if let Some((_, mut i)) = end {
            let mut out = vec![i];
            for level in (1..=k).rev() {
                i = best[level][i].and_then(|(_, prev)| prev).unwrap_or(i);
                out.push(i);
            }
            out.reverse();
            return out;
        }
    }
    Vec::new()
}

/// The types the quiet days take in turn.
const ROTATION: [&str; 4] = ["guess_price", "buyer_show", "quiz", "new_preview"];

fn suggestion(day: &Day, n: usize, plan: &MonthPlan, taken: &[Neighbour]) -> Suggestion {
    let key = match day.why.first() {
        Some(Why::ReturnPeriod { .. }) => "return_sale",
        Some(Why::BeforeFestival { .. }) => "red_packet",
        _ => ROTATION[n % ROTATION.len()],
    };
    let kind = plan.types.iter().find(|t| t.key == key).or(plan.types.first());
    let type_name = kind.map(|t| t.name(plan.english).to_owned()).unwrap_or_default();
    let festival = day.festival.as_deref().and_then(|k| crate::festival::names(k, plan.shop_dates));
    let title = match festival {
        Some((zh, _)) if !plan.english => format!("{zh} · {type_name}"),
        Some((_, en)) => format!("{type_name} · {en}"),
        None => type_name,
    };
    let budget: Vec<BudgetLine> = kind.map(|t| t.budget_in(plan.english)).unwrap_or_default();
    let (slot_start, slot_end) = super::evening_slot(plan.slots);
    let clashes = clashes(day.date, total(&budget), taken, plan.cap);
    Suggestion {
        kind: kind.map(|t| t.key.clone()).unwrap_or_else(|| key.to_owned()),
        title,
        date: day.date,
        slot_start,
        slot_end,
        total: total(&budget),
        budget,
        why: day.why.clone(),
        clashes,
    }
}
