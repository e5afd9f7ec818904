//! The `activity_types` table and the planner's settings: the types a shop
//! plans with (the built-in ten, as edited, then its own) and its fan groups,
//! posting slots, cadence and monthly budget cap (setting `activities.settings`).

use crate::settings::{get, put};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::activity::{self, ActivityError, CADENCE_MAX};
use laoke_core::dto::{ActivitySettings, ActivityType};
use rusqlite::params;

const SETTINGS: &str = "activities.settings";

/// Whether `settings` say the seller reads English (`ui.language` en-…).
pub(crate) fn is_english(settings: &laoke_core::dto::Settings) -> bool {
    settings.language.as_deref().is_some_and(|l| l.starts_with("en"))
}
const NAME_MAX: usize = 40;

impl Store {
    /// Every type: the built-in ones (the shop's edit where it made one), then its own by key.
    pub fn activity_types(&self) -> Result<Vec<ActivityType>> {
        let mut stmt = self.conn.prepare("SELECT key, body FROM activity_types ORDER BY key")?;
        let mut stored = Vec::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (key, body) = row?;
            let mut t: ActivityType = serde_json::from_str(&body).map_err(|_| StoreError::Corrupt {
                table: "activity_types",
                column: "body",
                value: body.clone(),
            })?;
            t.key = key;
            stored.push(t);
        }
        let mut out: Vec<ActivityType> = activity::builtin_types()
            .into_iter()
            .map(|b| {
                stored.iter().find(|s| s.key == b.key).map(|s| ActivityType { builtin: true, ..s.clone() }).unwrap_or(b)
            })
            .collect();
        out.extend(
            stored.into_iter().filter(|s| !activity::is_builtin(&s.key)).map(|s| ActivityType { builtin: false, ..s }),
        );
        Ok(out)
    }

    /// Saves a type: an edit of a built-in one, or the shop's own.
    pub fn save_activity_type(&mut self, t: &ActivityType, now: DateTime<Utc>) -> Result<Vec<ActivityType>> {
        let key_ok = (1..=40).contains(&t.key.len())
            && t.key.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
        if !key_ok {
            return Err(ActivityError::TypeKey { key: t.key.clone() }.into());
        }
        for name in [&t.name_zh, &t.name_en] {
            let n = name.trim().chars().count();
            if n == 0 || n > NAME_MAX {
                return Err(ActivityError::TypeName { max: NAME_MAX }.into());
            }
        }
        activity::check_steps(&t.steps)?;
        activity::announcement(&t.template_zh)?;
        activity::announcement(&t.template_en)?;
        for (i, l) in t.budget.iter().enumerate() {
            if l.amount.is_sign_negative() && !l.amount.is_zero() {
                return Err(ActivityError::BudgetNegative { line: i + 1, value: l.amount.to_string() }.into());
            }
        }
        let body = serde_json::to_string(t).unwrap_or_default();
        self.conn.execute(
            "INSERT INTO activity_types (key, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![t.key, body, laoke_core::time::to_stored(now)],
        )?;
        self.activity_types()
    }

    /// Drops the shop's edit of a built-in type (restoring it), or its own type.
    pub fn reset_activity_type(&mut self, key: &str) -> Result<Vec<ActivityType>> {
        self.conn.execute("DELETE FROM activity_types WHERE key = ?1", [key])?;
        self.activity_types()
    }

    pub fn activity_settings(&self) -> Result<ActivitySettings> {
        Ok(get(&self.conn, SETTINGS)?.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default())
    }

    /// Saves the planner's settings whole: named groups (each name once), real slots,
    /// a cadence of 1–6, a cap that is no negative amount.
    pub fn save_activity_settings(&mut self, s: &ActivitySettings) -> Result<ActivitySettings> {
        let mut names = std::collections::HashSet::new();
        for g in &s.groups {
            let n = g.name.trim().chars().count();
            if n == 0 || n > NAME_MAX || !names.insert(g.name.trim()) {
                return Err(ActivityError::GroupName { max: NAME_MAX }.into());
            }
            if let Some(seg) = &g.segment {
                if let Err(StoreError::SegmentNotFound { .. }) = self.segment(seg) {
                    return Err(ActivityError::UnknownSegment { name: seg.clone() }.into());
                }
            }
        }
        for slot in &s.slots {
            let (start, end) = activity::slot_times(&slot.start, &slot.end)?;
            if end <= start {
                return Err(ActivityError::SlotReversed { start: slot.start.clone(), end: slot.end.clone() }.into());
            }
        }
        if !(1..=CADENCE_MAX).contains(&s.cadence) {
            return Err(ActivityError::CadenceOutOfRange { max: CADENCE_MAX }.into());
        }
        if let Some(cap) = s.monthly_budget_cap.filter(|c| c.is_sign_negative() && !c.is_zero()) {
            return Err(ActivityError::BudgetNegative { line: 0, value: cap.to_string() }.into());
        }
        let mut clean = s.clone();
        for g in &mut clean.groups {
            g.name = g.name.trim().to_owned();
        }
        put(&self.conn, SETTINGS, serde_json::to_value(&clean).unwrap_or_default())?;
        self.activity_settings()
    }

    /// Whether the seller reads the app in English (`ui.language` en-…); Chinese otherwise.
    pub(crate) fn english(&self) -> Result<bool> {
        Ok(is_english(&self.settings()?))
    }
}
