//! Lifecycle stages: where a customer stands with the shop on a given day.
//!
//! The rules read only calendar dates in the shop's time zone, so "exactly
//! `active_days` ago" means the same thing at 00:05 and at 23:55 in Shanghai.
//! Days are whole calendar days between the purchase date and today:
//!
//! | stage     | rule (first match wins)                                              |
//! |-----------|----------------------------------------------------------------------|
//! | potential | orders, but no purchase                                              |
//! | loyal     | last purchase ≤ `active_days` ago and ≥ `loyal_purchases` purchases  |
//! | new       | first purchase ≤ `new_days` ago                                      |
//! | active    | last purchase ≤ `active_days` ago                                    |
//! | sleeping  | last purchase > `active_days` and ≤ `churn_days` ago                 |
//! | churned   | last purchase > `churn_days` ago                                     |
//!
//! Loyal is checked before new: a buyer who came back three times in their first
//! weeks is a fan, and the seller wants to see that, not "new".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Potential,
    New,
    Active,
    Loyal,
    Sleeping,
    Churned,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Potential, Stage::New, Stage::Active, Stage::Loyal, Stage::Sleeping, Stage::Churned];

    pub fn as_str(self) -> &'static str {
        // The spelling is strum's snake case of the variant, as serde's is.
        self.into()
    }
}

/// The shop's stage thresholds (a setting; these are the documented defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageThresholds {
    pub new_days: u32,
    pub active_days: u32,
    pub churn_days: u32,
    pub loyal_purchases: u32,
}

impl Default for StageThresholds {
    fn default() -> Self {
        StageThresholds { new_days: 30, active_days: 90, churn_days: 180, loyal_purchases: 3 }
    }
}

/// Why a set of thresholds cannot be used.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "lifecycle.", serialize_all = "snake_case")]
pub enum ThresholdError {
    /// `field` is `new_days`, `active_days` or `churn_days`.
    #[error("{field} must be between {min} and {max}")]
    DaysOutOfRange { field: &'static str, min: u32, max: u32 },
    #[error("churn_days must be greater than active_days")]
    ChurnNotAfterActive,
    #[error("loyal_purchases must be between {min} and {max}")]
    LoyalPurchases { min: u32, max: u32 },
}

crate::coded_errors!(ThresholdError);

/// The days a threshold can span, and the purchases that can make a customer loyal.
pub const THRESHOLD_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;
pub const LOYAL_PURCHASES: std::ops::RangeInclusive<u32> = 2..=1000;

impl StageThresholds {
    pub fn validate(&self) -> Result<(), ThresholdError> {
        for (field, v) in
            [("new_days", self.new_days), ("active_days", self.active_days), ("churn_days", self.churn_days)]
        {
            if !THRESHOLD_DAYS.contains(&v) {
                let (min, max) = (*THRESHOLD_DAYS.start(), *THRESHOLD_DAYS.end());
                return Err(ThresholdError::DaysOutOfRange { field, min, max });
            }
        }
        if self.churn_days <= self.active_days {
            return Err(ThresholdError::ChurnNotAfterActive);
        }
        if !LOYAL_PURCHASES.contains(&self.loyal_purchases) {
            let (min, max) = (*LOYAL_PURCHASES.start(), *LOYAL_PURCHASES.end());
            return Err(ThresholdError::LoyalPurchases { min, max });
        }
        Ok(())
    }
}

/// What the stage rules need to know about a customer, as of the day asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageFacts {
    pub purchases: u32,
    /// Local calendar dates of the first and last purchase.
    pub first_purchase: Option<NaiveDate>,
    pub last_purchase: Option<NaiveDate>,
}

/// The stage of a customer on `today`.
pub fn stage_of(f: &StageFacts, today: NaiveDate, t: &StageThresholds) -> Stage {
    let (Some(first), Some(last)) = (f.first_purchase, f.last_purchase) else { return Stage::Potential };
    if f.purchases == 0 {
        return Stage::Potential;
    }
    // A purchase dated after `today` (asking about the past) counts as today.
    let since_last = (today - last).num_days().max(0);
    let since_first = (today - first).num_days().max(0);
    let active = since_last <= i64::from(t.active_days);
    if active && f.purchases >= t.loyal_purchases {
        Stage::Loyal
    } else if since_first <= i64::from(t.new_days) {
        Stage::New
    } else if active {
        Stage::Active
    } else if since_last <= i64::from(t.churn_days) {
        Stage::Sleeping
    } else {
        Stage::Churned
    }
}

/// The day a customer entered `stage`, as far as their purchases tell: a buyer
/// became sleeping the day after `active_days` ran out, not on the day the app
/// happened to notice. Never later than `today`; `None` for potential.
pub fn stage_began(stage: Stage, f: &StageFacts, today: NaiveDate, t: &StageThresholds) -> Option<NaiveDate> {
    let days = |n: u32| chrono::Duration::days(i64::from(n));
    let (first, last) = (f.first_purchase?, f.last_purchase?);
    let day = match stage {
        Stage::Potential => return None,
        Stage::New => first,
        Stage::Loyal => last,
        Stage::Active => last.max(first + days(t.new_days + 1)),
        Stage::Sleeping => last + days(t.active_days + 1),
        Stage::Churned => last + days(t.churn_days + 1),
    };
    Some(day.min(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(purchases: u32, first: NaiveDate, last: NaiveDate) -> StageFacts {
        StageFacts { purchases, first_purchase: Some(first), last_purchase: Some(last) }
    }

    #[test]
    fn no_purchase_is_potential() {
        let t = StageThresholds::default();
        assert_eq!(stage_of(&StageFacts::default(), d(2026, 1, 1), &t), Stage::Potential);
    }

    #[test]
    fn every_boundary_is_inclusive_on_the_nearer_side() {
        let t = StageThresholds::default();
        let today = d(2026, 11, 22);
        let ago = |days: i64| today - chrono::Duration::days(days);
        let old = ago(400);
        // new: first purchase exactly new_days ago is still new; one more day is not.
        assert_eq!(stage_of(&facts(1, ago(30), ago(30)), today, &t), Stage::New);
        assert_eq!(stage_of(&facts(1, ago(31), ago(31)), today, &t), Stage::Active);
        // active: exactly active_days ago is active; a day more is sleeping.
        assert_eq!(stage_of(&facts(2, old, ago(90)), today, &t), Stage::Active);
        assert_eq!(stage_of(&facts(2, old, ago(91)), today, &t), Stage::Sleeping);
        // churned: exactly churn_days ago is still sleeping.
        assert_eq!(stage_of(&facts(2, old, ago(180)), today, &t), Stage::Sleeping);
        assert_eq!(stage_of(&facts(2, old, ago(181)), today, &t), Stage::Churned);
        // loyal: active with loyal_purchases; not once they stop being active.
        assert_eq!(stage_of(&facts(3, old, ago(90)), today, &t), Stage::Loyal);
        assert_eq!(stage_of(&facts(2, old, ago(0)), today, &t), Stage::Active);
        assert_eq!(stage_of(&facts(9, old, ago(91)), today, &t), Stage::Sleeping);
        // Loyal wins over new.
        assert_eq!(stage_of(&facts(3, ago(10), ago(1)), today, &t), Stage::Loyal);
    }

    #[test]
    fn leap_years_count_calendar_days() {
        let t = StageThresholds::default();
        // 2024 is a leap year: 29 Feb counts, so 90 days before 2024-05-29 is 2024-02-29.
        let today = d(2024, 5, 29);
        assert_eq!(stage_of(&facts(2, d(2023, 1, 1), d(2024, 2, 29)), today, &t), Stage::Active);
        assert_eq!(stage_of(&facts(2, d(2023, 1, 1), d(2024, 2, 28)), today, &t), Stage::Sleeping);
        // In 2025 (no 29 Feb) the same span ends a day later.
        assert_eq!(stage_of(&facts(2, d(2024, 1, 1), d(2025, 3, 1)), d(2025, 5, 30), &t), Stage::Active);
    }

    #[test]
    fn stages_began_when_the_purchases_say() {
        let t = StageThresholds::default();
        let today = d(2026, 11, 22);
        let f = facts(2, d(2026, 1, 1), d(2026, 6, 1));
        assert_eq!(stage_of(&f, today, &t), Stage::Sleeping);
        assert_eq!(stage_began(Stage::Sleeping, &f, today, &t), Some(d(2026, 8, 31)));
        assert_eq!(stage_began(Stage::Churned, &f, today, &t), Some(d(2026, 11, 29)).map(|x| x.min(today)));
        assert_eq!(
            stage_began(Stage::Active, &facts(1, d(2026, 10, 1), d(2026, 10, 1)), today, &t),
            Some(d(2026, 11, 1))
        );
        assert_eq!(stage_began(Stage::Potential, &StageFacts::default(), today, &t), None);
    }

    #[test]
    fn a_purchase_after_the_day_asked_counts_as_that_day() {
        let t = StageThresholds::default();
        assert_eq!(stage_of(&facts(1, d(2026, 2, 1), d(2026, 2, 1)), d(2026, 1, 1), &t), Stage::New);
    }

    #[test]
    fn thresholds_are_validated() {
        assert_eq!(StageThresholds::default().validate(), Ok(()));
        let bad = StageThresholds { churn_days: 90, ..Default::default() };
        assert_eq!(bad.validate(), Err(ThresholdError::ChurnNotAfterActive));
        let bad = StageThresholds { new_days: 0, ..Default::default() };
        assert_eq!(bad.validate(), Err(ThresholdError::DaysOutOfRange { field: "new_days", min: 1, max: 3650 }));
        let bad = StageThresholds { loyal_purchases: 1, ..Default::default() };
        assert_eq!(bad.validate(), Err(ThresholdError::LoyalPurchases { min: 2, max: 1000 }));
        assert_eq!("sleeping".parse(), Ok(Stage::Sleeping));
    }
}
