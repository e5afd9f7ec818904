//! What churn cost in a period. A buyer became churned on the day their last
//! purchase is `churn_days` + 1 days behind them without a purchase in between:
//! the day the lifecycle moves them to `churned` ([`crate::lifecycle`]), so the
//! dashboard and the stage history agree. A buyer who came back and left again
//! is counted once, at their last churn in the period.
//!
//! Their **yearly value** is what they brought up to that last purchase
//! (purchases less refund documents) ÷ the years from their first purchase to
//! it, counted as at least one year: a one-time buyer's yearly value is their
//! purchase. The cost of the period's churn is the sum of those yearly values,
//! revenue a year that the shop no longer gets. These are revenue, not profit:
//! keeping one of them is worth up to their yearly value a year.

use super::{ratio, rounded, Scope};
use crate::dto::ChurnCost;
use chrono::Datelike;
use rust_decimal::Decimal;

pub(super) struct ChurnTally {
    churn_days: u32,
    /// The churn days counted: the period's, up to today.
    from: i32,
    to: i32,
    churned: u32,
    yearly: Decimal,
}

impl ChurnTally {
    /// An open period ends today: buyers churn after the last order too.
    pub(super) fn new(scope: &Scope) -> ChurnTally {
        let today = scope.today.num_days_from_ce();
        let to = scope.period.to.map_or(today, |d| d.num_days_from_ce()).min(today);
        ChurnTally {
            churn_days: scope.churn_days,
            from: scope.period.from.map_or(i32::MIN, |d| d.num_days_from_ce()),
            to,
            churned: 0,
            yearly: Decimal::ZERO,
        }
    }

    /// One buyer's purchases and refund documents in day order: day, value, whether a purchase.
    pub(super) fn add(&mut self, orders: &[(i32, Decimal, bool)]) {
        let gap = self.churn_days as i32 + 1;
        let purchase_days = || orders.iter().filter(|o| o.2).map(|o| o.0);
        let Some(first) = purchase_days().next() else { return };
        // The last purchase day whose churn day falls in the period with no purchase before it.
        let mut churned_after: Option<i32> = None;
        let mut days = purchase_days().peekable();
        while let Some(day) = days.next() {
            while days.peek() == Some(&day) {
                days.next();
            }
            let churn_day = day + gap;
            let came_back = days.peek().is_some_and(|&next| next < churn_day);
            if !came_back && (self.from..=self.to).contains(&churn_day) {
                churned_after = Some(day);
            }
        }
        let Some(last) = churned_after else { return };
        let value: Decimal = orders.iter().filter(|o| o.0 <= last).map(|o| o.1).sum();
        let years = (Decimal::from(last - first) / Decimal::from(365)).max(Decimal::ONE);
        self.churned += 1;
        self.yearly += value / years;
    }

    pub(super) fn finish(self) -> ChurnCost {
        ChurnCost {
            churn_days: self.churn_days,
            churned: self.churned,
            yearly_value: ratio(self.yearly, Decimal::from(self.churned), 2),
            cost: rounded(self.yearly, 2),
        }
    }
}
