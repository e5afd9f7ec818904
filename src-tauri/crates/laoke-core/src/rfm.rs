//! RFM: recency, frequency and monetary value scored 1–5 against the shop's own
//! buyers, the 11 named groups, and the Pareto curve of revenue.
//!
//! Scores are quintiles with ties kept together: a buyer's score is
//! `1 + ⌊5 × (buyers strictly worse) / buyers⌋`, capped at 5. So the best fifth
//! scores 5, equal values always share a score, and when half the shop bought
//! exactly once they all get F = 1 rather than being split at random. "Worse"
//! is a later-ago last purchase for R, fewer purchases for F, less value for M.
//!
//! Groups come from R and FM = ⌈(F + M) / 2⌉ on this grid (rows R, columns FM):
//!
//! | R \ FM | 1              | 2                  | 3                  | 4               | 5               |
//! |--------|----------------|--------------------|--------------------|-----------------|-----------------|
//! | 5      | new            | potential_loyalist | potential_loyalist | champions       | champions       |
//! | 4      | promising      | potential_loyalist | potential_loyalist | loyal           | loyal           |
//! | 3      | about_to_sleep | about_to_sleep     | needs_attention    | loyal           | loyal           |
//! | 2      | hibernating    | hibernating        | at_risk            | at_risk         | cant_lose_them  |
//! | 1      | lost           | lost               | at_risk            | at_risk         | cant_lose_them  |

use rust_decimal::Decimal;
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
pub enum RfmGroup {
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedsAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}

impl RfmGroup {
    pub const ALL: [RfmGroup; 11] = [
        RfmGroup::Champions,
        RfmGroup::Loyal,
        RfmGroup::PotentialLoyalist,
        RfmGroup::New,
        RfmGroup::Promising,
        RfmGroup::NeedsAttention,
        RfmGroup::AboutToSleep,
        RfmGroup::AtRisk,
        RfmGroup::CantLoseThem,
        RfmGroup::Hibernating,
        RfmGroup::Lost,
    ];

    pub fn as_str(self) -> &'static str {
        // The spelling is strum's snake case of the variant, as serde's is.
        self.into()
    }

    /// The group of an R, F, M score triple (each 1–5).
    pub fn of(s: RfmScore) -> RfmGroup {
        use RfmGroup::*;
        // The grid of the module docs, rows R = 1 … 5, columns FM = 1 … 5.
        const GRID: [[RfmGroup; 5]; 5] = [
            [Lost, Lost, AtRisk, AtRisk, CantLoseThem],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
            [AboutToSleep, AboutToSleep, NeedsAttention, Loyal, Loyal],
            [Promising, PotentialLoyalist, PotentialLoyalist, Loyal, Loyal],
            [New, PotentialLoyalist, PotentialLoyalist, Champions, Champions],
        ];
        let fm = (s.f + s.m).div_ceil(2);
        GRID[usize::from(s.r.clamp(1, 5) - 1)][usize::from(fm.clamp(1, 5) - 1)]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RfmScore {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

impl RfmScore {
    /// `R5F4M3`: the cell, as the list and filters show it.
    pub fn cell(self) -> String {
        format!("R{}F{}M{}", self.r, self.f, self.m)
    }
}

/// One buyer's inputs: days since the last purchase, purchases, value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RfmInput {
    pub days_since_last: i64,
    pub purchases: u32,
    pub value: Decimal,
}

/// Scores of `values` where a higher value is better: `1 + ⌊5 × worse / n⌋`.
fn quintile_scores<T: PartialOrd + Copy>(values: &[T]) -> Vec<u8> {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| values[a].partial_cmp(&values[b]).unwrap_or(std::cmp::Ordering::Equal));
    let mut scores = vec![0u8; n];
    let mut worse = 0;
    for (rank, &i) in order.iter().enumerate() {
        if rank > 0 && values[order[rank - 1]] < values[i] {
            worse = rank;
        }
        scores[i] = (1 + 5 * worse / n).min(5) as u8;
    }
    scores
}

/// Scores every buyer against all the others (same order as `buyers`).
pub fn score(buyers: &[RfmInput]) -> Vec<RfmScore> {
    // Recency: fewer days is better, so the days are negated.
    let recency: Vec<i64> = buyers.iter().map(|b| -b.days_since_last).collect();
    let frequency: Vec<u32> = buyers.iter().map(|b| b.purchases).collect();
    let monetary: Vec<Decimal> = buyers.iter().map(|b| b.value).collect();
    let (r, f, m) = (quintile_scores(&recency), quintile_scores(&frequency), quintile_scores(&monetary));
    (0..buyers.len()).map(|i| RfmScore { r: r[i], f: f[i], m: m[i] }).collect()
}

/// The Pareto view: how much of the buyers' value the best buyers bring.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pareto {
    pub buyers: u32,
    /// Share (0–1, 4 decimals) of the value from the top 20 % of buyers.
    #[ts(type = "string")]
    pub top20_share: Decimal,
    /// 101 points: the share of value from the top 0 %, 1 %, … 100 % of buyers.
    #[ts(type = "Array<string>")]
    pub curve: Vec<Decimal>,
}

/// The Pareto curve over buyers' values (refunds included, so a value may be
/// negative; the total is what the buyers brought in net).
pub fn pareto(values: &[Decimal]) -> Pareto {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let total: Decimal = sorted.iter().sum();
    let mut prefix = Vec::with_capacity(sorted.len() + 1);
    let mut running = Decimal::ZERO;
    prefix.push(running);
    for v in &sorted {
        running += v;
        prefix.push(running);
    }
    let n = sorted.len();
    let share_of_top = |percent: usize| -> Decimal {
        if total <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        // The top p % of n buyers, rounded up so that 20 % of 3 buyers is one buyer.
        let k = (n * percent).div_ceil(100);
        (prefix[k] / total).round_dp(4)
    };
    Pareto { buyers: n as u32, top20_share: share_of_top(20), curve: (0..=100).map(share_of_top).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn quintiles_split_distinct_values_into_fifths() {
        let values: Vec<u32> = (1..=10).collect();
        assert_eq!(quintile_scores(&values), vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    }

    #[test]
    fn ties_share_a_score() {
        // Six buyers bought once, two twice, two five times.
        let values = [1u32, 1, 1, 1, 1, 1, 2, 2, 5, 5];
        assert_eq!(quintile_scores(&values), vec![1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
        // Everyone equal: everyone 1.
        assert_eq!(quintile_scores(&[7u32; 4]), vec![1, 1, 1, 1]);
        assert_eq!(quintile_scores::<u32>(&[]), Vec::<u8>::new());
    }

    #[test]
    fn recency_rewards_the_most_recent() {
        let buyers: Vec<RfmInput> =
            (0..5).map(|i| RfmInput { days_since_last: i * 10, purchases: 1, value: dec!(10) }).collect();
        let s = score(&buyers);
        assert_eq!(s.iter().map(|s| s.r).collect::<Vec<_>>(), vec![5, 4, 3, 2, 1]);
        assert!(s.iter().all(|s| s.f == 1 && s.m == 1));
        assert_eq!(RfmGroup::of(s[0]), RfmGroup::New);
        assert_eq!(RfmGroup::of(s[4]), RfmGroup::Lost);
    }

    #[test]
    fn every_cell_has_exactly_one_group_and_all_11_are_used() {
        let mut used = std::collections::BTreeSet::new();
        for r in 1..=5 {
            for f in 1..=5 {
                for m in 1..=5 {
                    used.insert(RfmGroup::of(RfmScore { r, f, m }));
                }
            }
        }
        assert_eq!(used.len(), 11);
        let g = |r, f, m| RfmGroup::of(RfmScore { r, f, m });
        assert_eq!(g(5, 5, 5), RfmGroup::Champions);
        assert_eq!(g(1, 5, 5), RfmGroup::CantLoseThem);
        assert_eq!(g(2, 4, 3), RfmGroup::AtRisk);
        assert_eq!(g(3, 3, 3), RfmGroup::NeedsAttention);
        assert_eq!(g(3, 1, 2), RfmGroup::AboutToSleep);
        assert_eq!(g(4, 1, 1), RfmGroup::Promising);
        assert_eq!(g(2, 1, 1), RfmGroup::Hibernating);
        assert_eq!(g(4, 5, 4), RfmGroup::Loyal);
        assert_eq!(g(4, 2, 3), RfmGroup::PotentialLoyalist);
        assert_eq!(RfmScore { r: 5, f: 4, m: 3 }.cell(), "R5F4M3");
        assert_eq!("cant_lose_them".parse(), Ok(RfmGroup::CantLoseThem));
    }

    #[test]
    fn pareto_of_a_skewed_shop() {
        // 10 buyers: one brings 800, nine bring 20 or 25 each, one refunded more than they paid.
        let values =
            [dec!(800), dec!(25), dec!(20), dec!(20), dec!(20), dec!(20), dec!(20), dec!(20), dec!(20), dec!(-5)];
        let p = pareto(&values);
        assert_eq!(p.buyers, 10);
        let total = dec!(960);
        assert_eq!(p.top20_share, ((dec!(825)) / total).round_dp(4));
        assert_eq!(p.curve.len(), 101);
        assert_eq!(p.curve[0], dec!(0));
        assert_eq!(p.curve[100], dec!(1));
        assert!(p.curve.windows(2).take(90).all(|w| w[0] <= w[1]));
        assert_eq!(pareto(&[]).top20_share, dec!(0));
    }
}
