//! The `activities` table and the planner's use cases: a new activity from its
//! type, check and preview, save, move (drag), tick a step, delete, results
//! (participants and new members counted by the seller, orders and revenue from
//! the archive), the span of days the planner draws, "suggest a month" and the
//! steps due on a day for the Today worklist. The rules are `laoke_core::activity`.

use crate::archive_rules::local_instant;
use crate::targets::Missing;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use laoke_core::activity::{self, ActivityError, AnnouncementFacts, MonthPlan, Neighbour};
use laoke_core::dto::{
    Activity, ActivityCalendar, ActivityResults, ActivitySettings, ActivityStepItem, ActivityType, ActivityView,
    Attribution, MonthSuggestion,
};
use laoke_core::time::to_stored;
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// How far around a span the planner reads activities for its warnings (a month's
/// budget, the spacing).
const AROUND_DAYS: u64 = 31;
/// How far back the Today worklist looks for steps left undone.
const OVERDUE_DAYS: u64 = 14;

/// A stored activity with its results as last counted.
struct Stored {
    id: i64,
    activity: Activity,
    results: Option<ActivityResults>,
}

/// What rendering views needs once per call.
struct Context {
    settings: ActivitySettings,
    shop: String,
    english: bool,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Store {
    fn stored_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Stored>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, body, results FROM activities WHERE date >= ?1 AND date <= ?2 ORDER BY date, id")?;
        let mut rows = stmt.query(params![day(from), day(to)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(read(r.get(0)?, &r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)?);
        }
        Ok(out)
    }

    fn stored(&self, id: i64) -> Result<Stored> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row("SELECT body, results FROM activities WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (body, results) = row.ok_or(ActivityError::NotFound { id })?;
        read(id, &body, results)
    }

    fn context(&self) -> Result<Context> {
        let settings = self.settings()?;
        Ok(Context {
            settings: self.activity_settings()?,
            english: crate::activity_types::is_english(&settings),
            shop: settings.shop_name,
        })
    }

    /// The shop's activities near `from..=to` (a month either side): what the
    /// warnings of the activities in the span are reckoned against, read once.
    fn around(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Stored>> {
        let from = from.checked_sub_days(Days::new(AROUND_DAYS)).unwrap_or(from);
        self.stored_between(from, to.checked_add_days(Days::new(AROUND_DAYS)).unwrap_or(to))
    }

    /// The view of `a` (stored as `id`, or a draft), its warnings against the
    /// shop's other activities among `around`.
    fn view(
        &self,
        id: Option<i64>,
        a: &Activity,
        results: Option<ActivityResults>,
        around: &[Stored],
        ctx: &Context,
    ) -> Result<ActivityView> {
        let total = activity::total(&a.budget);
        let coupon = match a.coupon_plan {
            Some(plan) => self.coupon_offer(plan, ctx.english)?,
            None => String::new(),
        };
        let facts = AnnouncementFacts { shop: &ctx.shop, coupon: &coupon, english: ctx.english };
        let cap = ctx.settings.monthly_budget_cap;
        Ok(ActivityView {
            id: id.unwrap_or(0),
            activity: a.clone(),
            total,
            steps: activity::steps_due(a),
            announcement: activity::render(a, &facts),
            warnings: activity::clashes(a.date, total, &neighbours(around, id), cap),
            results,
        })
    }

    /// The types the shop plans with, for checks.
    fn type_of(&self, types: &[ActivityType], kind: &str) -> Result<ActivityType> {
        types
            .iter()
            .find(|t| t.key == kind)
            .cloned()
            .ok_or_else(|| ActivityError::UnknownType { kind: kind.to_owned() }.into())
    }

    /// A new activity of type `kind` on `date`: the type's checklist, announcement
    /// and budget in the seller's language, the evening slot.
    pub fn new_activity(&self, kind: &str, date: NaiveDate) -> Result<Activity> {
        let t = self.type_of(&self.activity_types()?, kind)?;
        let english = self.english()?;
        let (slot_start, slot_end) = activity::evening_slot(&self.activity_settings()?.slots);
        Ok(Activity {
            id: None,
            kind: t.key.clone(),
            title: t.name(english).to_owned(),
            date,
            slot_start,
            slot_end,
            groups: Vec::new(),
            target: None,
            budget: t.budget_in(english),
            steps: t.steps.clone(),
            announcement: t.template(english).to_owned(),
            coupon_plan: None,
            attribution_days: 7,
        })
    }

    /// Fills what a file may leave out (the type's steps and announcement), then
    /// checks the whole activity: the core's rules, its target, its coupon plan.
    fn completed(&self, a: &Activity) -> Result<Activity> {
        let types = self.activity_types()?;
        let mut a = a.clone();
        if types.iter().any(|t| t.key == a.kind) {
            let t = self.type_of(&types, &a.kind)?;
            if a.steps.is_empty() {
                a.steps = t.steps.clone();
            }
            if a.announcement.trim().is_empty() {
                a.announcement = t.template(self.english()?).to_owned();
            }
        }
        a.title = a.title.trim().to_owned();
        activity::check(&a, &types, &self.activity_settings()?)?;
        if let Some(target) = &a.target {
            match self.check_target(target)? {
                Ok(()) => {}
                Err(Missing::Segment(name)) => return Err(ActivityError::UnknownSegment { name }.into()),
                Err(Missing::Tier(name)) => return Err(ActivityError::UnknownTier { name }.into()),
            }
        }
        if let Some(id) = a.coupon_plan {
            if self.coupon_plan(id).is_err() {
                return Err(ActivityError::UnknownCouponPlan { id }.into());
            }
        }
        Ok(a)
    }

    /// The activity as it would be saved: checked, with its steps' due times, its
    /// rendered announcement and its warnings. Saves nothing.
    pub fn preview_activity(&self, a: &Activity) -> Result<ActivityView> {
        let a = self.completed(a)?;
        self.view(a.id, &a, None, &self.around(a.date, a.date)?, &self.context()?)
    }

    pub fn add_activity(&mut self, a: &Activity, now: DateTime<Utc>) -> Result<ActivityView> {
        let mut a = self.completed(a)?;
        a.id = None;
        let stamp = to_stored(now);
        self.conn.execute(
            "INSERT INTO activities (date, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![day(a.date), serde_json::to_string(&a).unwrap_or_default(), stamp],
        )?;
        self.activity(self.conn.last_insert_rowid())
    }

    /// Replaces activity `id` (its results stay).
    pub fn update_activity(&mut self, id: i64, a: &Activity, now: DateTime<Utc>) -> Result<ActivityView> {
        self.stored(id)?;
        let mut a = self.completed(a)?;
        a.id = None;
        self.write(id, &a, now)?;
        self.activity(id)
    }

    fn write(&self, id: i64, a: &Activity, now: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE activities SET date = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, day(a.date), serde_json::to_string(a).unwrap_or_default(), to_stored(now)],
        )?;
        Ok(())
    }

    /// Moves activity `id` to `date`; its steps move with it (they are relative).
    pub fn move_activity(&mut self, id: i64, date: NaiveDate, now: DateTime<Utc>) -> Result<ActivityView> {
        let mut s = self.stored(id)?;
        s.activity.date = date;
        self.write(id, &s.activity, now)?;
        self.activity(id)
    }

    pub fn tick_activity_step(&mut self, id: i64, step: u32, done: bool, now: DateTime<Utc>) -> Result<ActivityView> {
        let mut s = self.stored(id)?;
        let st = s.activity.steps.get_mut(step as usize).ok_or(ActivityError::StepNotFound { id, step })?;
        st.done = done;
        self.write(id, &s.activity, now)?;
        self.activity(id)
    }

    pub fn delete_activity(&mut self, id: i64) -> Result<()> {
        if self.conn.execute("DELETE FROM activities WHERE id = ?1", [id])? == 0 {
            return Err(ActivityError::NotFound { id }.into());
        }
        Ok(())
    }

    pub fn activity(&self, id: i64) -> Result<ActivityView> {
        let s = self.stored(id)?;
        let around = self.around(s.activity.date, s.activity.date)?;
        self.view(Some(id), &s.activity, s.results, &around, &self.context()?)
    }

    /// Every activity on a day of `from..=to`, as the planner shows them.
    pub fn activities_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ActivityView>> {
        let ctx = self.context()?;
        let around = self.around(from, to)?;
        around
            .iter()
            .filter(|s| (from..=to).contains(&s.activity.date))
            .map(|s| self.view(Some(s.id), &s.activity, s.results.clone(), &around, &ctx))
            .collect()
    }

    /// The planner's span: activities, festivals (with the promotions' runs and
    /// main days) and the statutory days off and make-up working days.
    pub fn activity_calendar(&self, from: NaiveDate, to: NaiveDate) -> Result<ActivityCalendar> {
        let statutory = laoke_core::festival::statutory_days(from, to);
        // A promotion's run can open weeks before its main day (618 from 1 June) or go on
        // after it: every festival whose run touches the span is drawn.
        let wide = self.festivals_between(from - Days::new(AROUND_DAYS), to + Days::new(AROUND_DAYS))?;
        let festivals = wide
            .into_iter()
            .filter(|f| f.start.unwrap_or(f.date).min(f.date) <= to && f.end.unwrap_or(f.date).max(f.date) >= from)
            .collect();
        Ok(ActivityCalendar { activities: self.activities_between(from, to)?, festivals, statutory })
    }

    /// Records what the seller counted and counts the purchases attributed to the
    /// activity: by its customers (its target, its groups' segments, or the
    /// groups' platforms' buyers), from its slot's start to the end of day
    /// `date + attribution_days` in the shop's time zone.
    pub fn record_activity_results(
        &mut self,
        id: i64,
        participants: i64,
        new_members: i64,
        today: NaiveDate,
    ) -> Result<ActivityResults> {
        self.record_activity_results_in(None, id, participants, new_members, today)
    }

    /// [`Store::record_activity_results`] over the app's cached roster.
    pub fn record_activity_results_in(
        &mut self,
        roster: Option<&crate::RosterSnapshot>,
        id: i64,
        participants: i64,
        new_members: i64,
        today: NaiveDate,
    ) -> Result<ActivityResults> {
        for (field, value) in [("participants", participants), ("new_members", new_members)] {
            if value < 0 || value > i64::from(u32::MAX) {
                return Err(ActivityError::NegativeCount { field: field.into(), value }.into());
            }
        }
        let s = self.stored(id)?;
        let (orders, mut revenue, attributed_to, window_end) = self.attributed_purchases(roster, &s.activity, today)?;
        revenue.rescale(2);
        let cost = activity::total(&s.activity.budget);
        let results = ActivityResults {
            participants: participants as u32,
            new_members: new_members as u32,
            orders,
            revenue,
            cost,
            roi: activity::roi(revenue, cost),
            attributed_to,
            window_end,
        };
        self.conn.execute(
            "UPDATE activities SET results = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(&results).unwrap_or_default()],
        )?;
        Ok(results)
    }

    /// The purchases attributed to `a`: (orders, revenue, whose, the window's last day).
    fn attributed_purchases(
        &self,
        roster: Option<&crate::RosterSnapshot>,
        a: &Activity,
        today: NaiveDate,
    ) -> Result<(u32, Decimal, Attribution, NaiveDate)> {
        let tz = self.timezone()?;
        let (start, _) = activity::slot_times(&a.slot_start, &a.slot_end)?;
        let last = activity::shift(a.date, a.attribution_days as i32);
        let from = local_instant(a.date.and_time(start), tz);
        let to = crate::archive_rules::local_midnight(last + Days::new(1), tz);
        let (who, whose) = self.attributed_customers(roster, a, today)?;
        let (mut orders, mut revenue) = (0u32, Decimal::ZERO);
        for p in crate::orders::purchases_between(&self.conn, &from, &to)? {
            if who.as_ref().is_none_or(|w| w.contains(&p.person)) {
                orders += 1;
                revenue += p.value;
            }
        }
        Ok((orders, revenue, whose, last))
    }

    /// Whose purchases count for `a` (none: everyone's).
    fn attributed_customers(
        &self,
        roster: Option<&crate::RosterSnapshot>,
        a: &Activity,
        today: NaiveDate,
    ) -> Result<(Option<HashSet<i64>>, Attribution)> {
        if a.target.is_none() && a.groups.is_empty() {
            return Ok((None, Attribution::Everyone));
        }
        self.over_roster(roster, |snap| self.attributed_in(snap, a, today))
    }

    fn attributed_in(
        &self,
        snap: &crate::RosterSnapshot,
        a: &Activity,
        today: NaiveDate,
    ) -> Result<(Option<HashSet<i64>>, Attribution)> {
        if a.target.is_some() {
            return Ok((Some(self.members_of(snap, a.target.as_ref(), today)?), Attribution::Target));
        }
        let settings = self.activity_settings()?;
        let groups: Vec<_> = settings.groups.iter().filter(|g| a.groups.contains(&g.name)).collect();
        let mut who = HashSet::new();
        let mut whose = Attribution::GroupSegments;
        for g in groups {
            match &g.segment {
                Some(seg) => {
                    who.extend(self.members_of(snap, Some(&laoke_core::dto::Target::Segment(seg.clone())), today)?)
                }
                None => {
                    // A group without a segment: every buyer of its platform, an upper bound.
                    whose = Attribution::GroupPlatforms;
                    who.extend(snap.roster.facts().iter().filter(|f| f.platform == Some(g.platform)).map(|f| f.id));
                }
            }
        }
        Ok((Some(who), whose))
    }

    /// "Suggest a month" (`month`: its first day): saves nothing.
    pub fn suggest_activities(&self, month: NaiveDate) -> Result<MonthSuggestion> {
        let settings = self.activity_settings()?;
        let types = self.activity_types()?;
        let stored = self.around(month, activity::month_end(month))?;
        let planned = neighbours(&stored, None);
        let shop_dates = self.shop_dates()?;
        let plan = MonthPlan {
            month,
            cadence: settings.cadence,
            planned: &planned,
            types: &types,
            slots: &settings.slots,
            shop_dates: &shop_dates,
            cap: settings.monthly_budget_cap,
            english: self.english()?,
        };
        Ok(MonthSuggestion { activities: activity::suggest(&plan) })
    }

    /// The checklist steps due on `date`, and those left undone from the days before
    /// (up to two weeks), for the Today worklist.
    pub fn activity_steps_on(&self, date: NaiveDate) -> Result<Vec<ActivityStepItem>> {
        let from = date.checked_sub_days(Days::new(OVERDUE_DAYS + 31)).unwrap_or(date);
        let to = date + Days::new(31);
        let mut out = Vec::new();
        for s in self.stored_between(from, to)? {
            for step in activity::steps_due(&s.activity) {
                let d = step.due.date();
                let overdue = d < date && !step.done && (date - d).num_days() <= OVERDUE_DAYS as i64;
                if d == date || overdue {
                    out.push(ActivityStepItem {
                        activity_id: s.id,
                        title: s.activity.title.clone(),
                        activity_date: s.activity.date,
                        step,
                    });
                }
            }
        }
        out.sort_by(|a, b| (a.step.due, a.activity_id).cmp(&(b.step.due, b.activity_id)));
        Ok(out)
    }
}

/// The activities of `stored` other than `except`, as the warnings and the suggestion see them.
fn neighbours(stored: &[Stored], except: Option<i64>) -> Vec<Neighbour<'_>> {
    stored
        .iter()
        .filter(|o| Some(o.id) != except)
        .map(|o| Neighbour {
            id: Some(o.id),
            title: &o.activity.title,
            date: o.activity.date,
            total: activity::total(&o.activity.budget),
        })
        .collect()
}

fn read(id: i64, body: &str, results: Option<String>) -> Result<Stored> {
    let corrupt = |column: &'static str, value: &str| StoreError::Corrupt {
        table: "activities",
        column,
        value: value.to_owned(),
    };
    let mut activity: Activity = serde_json::from_str(body).map_err(|_| corrupt("body", body))?;
    activity.id = Some(id);
    let results = match results {
        Some(r) => Some(serde_json::from_str(&r).map_err(|_| corrupt("results", &r))?),
        None => None,
    };
    Ok(Stored { id, activity, results })
}

#[cfg(test)]
mod tests;
