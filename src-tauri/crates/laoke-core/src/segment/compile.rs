//! Turning a [`Filter`] into a predicate over [`CustomerFacts`]: values are
//! parsed by field type once, dates become instants in the shop's time zone,
//! tag and shop names become ids, and item conditions become the set of customers the
//! store found. A filter that does not make sense is refused with the place
//! of the rule (`rules[1].rules[0]`) and the reason.

use super::filter::{Condition, Field, FieldKind, Filter, Match, Op, Rule};
use super::roster::CustomerFacts;
use crate::lifecycle::Stage;
use crate::rfm::RfmGroup;
use crate::Platform;
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// Why a filter cannot be used. `path` names the rule in the filter's JSON
/// (`rules[2].rules[0]`), `rule` as a person counts it (`3.1`); `field` and `op`
/// are spelled as in the JSON.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "filter.", serialize_all = "snake_case")]
pub enum FilterError {
    #[error("filter rule {path}: {op:?} does not apply to {field:?}")]
    OpNotApplicable { path: String, rule: String, field: Field, op: Op },
    #[error("filter rule {path}: needs at least one value")]
    NoValues { path: String, rule: String },
    #[error("filter rule {path}: needs {expected} value(s), has {actual}")]
    ValueCount { path: String, rule: String, expected: usize, actual: usize },
    #[error("filter rule {path}: {value:?} is not one of true or false")]
    NotAYesNo { path: String, rule: String, value: String },
    #[error("filter rule {path}: {value:?} is not a known {field:?} value")]
    UnknownChoice { path: String, rule: String, field: Field, value: String },
    #[error("filter rule {path}: {value:?} is not a number")]
    NotANumber { path: String, rule: String, value: String },
    #[error("filter rule {path}: {value:?} is not a number of days")]
    NotDays { path: String, rule: String, value: String },
    #[error("filter rule {path}: {value:?} is not a YYYY-MM-DD date")]
    NotADate { path: String, rule: String, value: String },
}

crate::coded_errors!(FilterError);

/// What compiling needs from outside the filter.
pub struct Context<'a> {
    pub today: NaiveDate,
    pub tz: Tz,
    /// Tag name → id.
    pub tags: &'a HashMap<String, u32>,
    /// Shop name → the ids of the shops of that name.
    pub shops: &'a HashMap<String, Vec<u32>>,
    /// Customers who bought an item (or category) matching a condition, or on
    /// the days a `bought_on` condition names; the store answers this from the
    /// orders and their lines.
    pub bought: &'a dyn Fn(&Condition) -> HashSet<i64>,
}

/// A compiled filter.
#[derive(Debug, Clone)]
pub enum Predicate {
    All(Vec<Predicate>),
    Any(Vec<Predicate>),
    Test(Test),
}

#[derive(Debug, Clone)]
pub enum Test {
    /// A fixed-vocabulary field (platform, stage, RFM group) as a bit set of the
    /// values wanted: one load and one AND per customer.
    Mask {
        field: Field,
        mask: u32,
    },
    /// The field's text is one of these (`negate`: is none of them).
    OneOf {
        field: Field,
        set: HashSet<String>,
        negate: bool,
    },
    /// The customer carries one of these ids of a named-set field (tags, shops).
    Labels {
        field: Field,
        ids: Vec<u32>,
        negate: bool,
    },
    IsSet {
        field: Field,
        set: bool,
    },
    /// lo ≤ x ≤ hi, either end open.
    Range {
        field: Field,
        lo: Option<Decimal>,
        hi: Option<Decimal>,
        exclusive: (bool, bool),
    },
    NumberIn {
        field: Field,
        set: Vec<Decimal>,
        negate: bool,
    },
    /// An instant in [lo, hi).
    Instant {
        field: Field,
        lo: Option<i64>,
        hi: Option<i64>,
    },
    Contains {
        field: Field,
        needle: String,
    },
    Ids {
        ids: HashSet<i64>,
        negate: bool,
    },
    Dnd(bool),
}

impl Predicate {
    /// The filter that matches everyone.
    pub fn everyone() -> Predicate {
        Predicate::All(Vec::new())
    }

    pub fn matches(&self, c: &CustomerFacts) -> bool {
        match self {
            Predicate::All(ps) => ps.iter().all(|p| p.matches(c)),
            Predicate::Any(ps) => ps.iter().any(|p| p.matches(c)),
            Predicate::Test(t) => t.matches(c),
        }
    }
}

impl Test {
    fn matches(&self, c: &CustomerFacts) -> bool {
        match self {
            Test::Mask { field, mask } => c.code(*field).is_some_and(|code| mask & (1 << code) != 0),
            Test::OneOf { field, set, negate } => {
                c.text(*field).is_some_and(|v| set.iter().any(|s| s.as_str() == v.as_ref())) != *negate
            }
            Test::Labels { field, ids, negate } => ids.iter().any(|id| c.labels(*field).contains(id)) != *negate,
            Test::IsSet { field, set } => c.is_set(*field) == *set,
            Test::Range { field, lo, hi, exclusive } => c.number(*field).is_some_and(|x| {
                lo.is_none_or(|lo| if exclusive.0 { x > lo } else { x >= lo })
                    && hi.is_none_or(|hi| if exclusive.1 { x < hi } else { x <= hi })
            }),
            Test::NumberIn { field, set, negate } => c.number(*field).is_some_and(|x| set.contains(&x)) != *negate,
            Test::Instant { field, lo, hi } => {
                c.instant(*field).is_some_and(|t| lo.is_none_or(|lo| t >= lo) && hi.is_none_or(|hi| t < hi))
            }
            Test::Contains { field: Field::Nick, needle } => c.nick_lower().contains(needle.as_str()),
            Test::Contains { field, needle } => c.text(*field).is_some_and(|v| v.to_lowercase().contains(needle)),
            Test::Ids { ids, negate } => ids.contains(&c.id) != *negate,
            Test::Dnd(want) => c.dnd == *want,
        }
    }
}

pub fn compile(filter: &Filter, ctx: &Context) -> Result<Predicate, FilterError> {
    group(filter, ctx, "rules", "")
}

/// `path` is where the group's rules are in the JSON, `place` its own number as a person counts it.
fn group(filter: &Filter, ctx: &Context, path: &str, place: &str) -> Result<Predicate, FilterError> {
    let mut parts = Vec::with_capacity(filter.rules.len());
    for (i, rule) in filter.rules.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let number = if place.is_empty() { (i + 1).to_string() } else { format!("{place}.{}", i + 1) };
        parts.push(match rule {
            Rule::Condition(c) => Predicate::Test(condition(c, ctx, &here, &number)?),
            Rule::Group(g) => group(g, ctx, &format!("{here}.rules"), &number)?,
        });
    }
    Ok(match filter.match_ {
        Match::All => Predicate::All(parts),
        Match::Any => Predicate::Any(parts),
    })
}

fn condition(c: &Condition, ctx: &Context, path: &str, place: &str) -> Result<Test, FilterError> {
    let path = || path.to_owned();
    let rule = || place.to_owned();
    let kind = c.field.kind();
    if !c.op.fits(kind) {
        return Err(FilterError::OpNotApplicable { path: path(), rule: rule(), field: c.field, op: c.op });
    }
    let wanted = match c.op {
        Op::IsSet | Op::NotSet => 0,
        Op::Between => 2,
        Op::In | Op::NotIn => usize::MAX,
        _ => 1,
    };
    match wanted {
        usize::MAX if c.values.is_empty() => return Err(FilterError::NoValues { path: path(), rule: rule() }),
        usize::MAX => {}
        n if c.values.len() != n => {
            return Err(FilterError::ValueCount { path: path(), rule: rule(), expected: n, actual: c.values.len() })
        }
        _ => {}
    }
    let values: Vec<&str> = c.values.iter().map(|v| v.trim()).collect();
    let negate = matches!(c.op, Op::Ne | Op::NotIn);
    if matches!(c.op, Op::IsSet | Op::NotSet) {
        return Ok(Test::IsSet { field: c.field, set: c.op == Op::IsSet });
    }
    if matches!(c.field, Field::Item | Field::Category) {
        return Ok(Test::Ids { ids: (ctx.bought)(c), negate });
    }
    match kind {
        FieldKind::Flag => match (values.as_slice(), negate) {
            (["true" | "1" | "yes"], _) => Ok(Test::Dnd(!negate)),
            (["false" | "0" | "no"], _) => Ok(Test::Dnd(negate)),
            _ => Err(FilterError::NotAYesNo { path: path(), rule: rule(), value: values.join(", ") }),
        },
        FieldKind::Choice | FieldKind::Text if c.op == Op::Contains => {
            Ok(Test::Contains { field: c.field, needle: values[0].to_lowercase() })
        }
        FieldKind::Choice | FieldKind::Text if c.field == Field::Tag => {
            // An unknown tag matches nobody; that is not an error (it may be created later).
            let ids = values.iter().filter_map(|v| ctx.tags.get(*v).copied()).collect();
            Ok(Test::Labels { field: c.field, ids, negate })
        }
        FieldKind::Choice | FieldKind::Text if c.field == Field::Shop => {
            // Likewise an unknown shop (a segment kept for a shop not imported yet).
            let ids = values.iter().flat_map(|v| ctx.shops.get(*v).into_iter().flatten().copied()).collect();
            Ok(Test::Labels { field: c.field, ids, negate })
        }
        FieldKind::Choice | FieldKind::Text => {
            for v in &values {
                if !choice_is_known(c.field, v) {
                    return Err(FilterError::UnknownChoice {
                        path: path(),
                        rule: rule(),
                        field: c.field,
                        value: v.to_string(),
                    });
                }
            }
            if let Some(codes) = values.iter().map(|v| value_code(c.field, v)).collect::<Option<Vec<u32>>>() {
                let mask = codes.iter().fold(0u32, |m, code| m | 1 << code);
                // "Not one of" also excludes customers without a value, as OneOf does.
                let all = (1u32 << vocabulary_len(c.field)) - 1;
                return Ok(Test::Mask { field: c.field, mask: if negate { all & !mask } else { mask } });
            }
            Ok(Test::OneOf { field: c.field, set: values.iter().map(|v| v.to_string()).collect(), negate })
        }
        FieldKind::Number => {
            let nums = values
                .iter()
                .map(|v| {
                    Decimal::from_str(v).map_err(|_| FilterError::NotANumber {
                        path: path(),
                        rule: rule(),
                        value: v.to_string(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let range = |lo, hi, exclusive| Ok(Test::Range { field: c.field, lo, hi, exclusive });
            match c.op {
                Op::Eq | Op::Ne | Op::In | Op::NotIn => Ok(Test::NumberIn { field: c.field, set: nums, negate }),
                Op::Gt => range(Some(nums[0]), None, (true, false)),
                Op::Gte => range(Some(nums[0]), None, (false, false)),
                Op::Lt => range(None, Some(nums[0]), (false, true)),
                Op::Lte => range(None, Some(nums[0]), (false, false)),
                _ => range(Some(nums[0].min(nums[1])), Some(nums[0].max(nums[1])), (false, false)),
            }
        }
        FieldKind::Date => {
            let (lo, hi) = instant_bounds(c, &values, ctx.today, ctx.tz, &path, &rule)?;
            if c.field == Field::BoughtOn {
                // Who bought on those days is in the orders: the store looked it up.
                return Ok(Test::Ids { ids: (ctx.bought)(c), negate: false });
            }
            Ok(Test::Instant { field: c.field, lo, hi })
        }
    }
}

/// The instants `[lo, hi)` a date condition (not is_set / not_set) covers: days
/// are the shop's, so a day starts at its local midnight.
fn instant_bounds(
    c: &Condition,
    values: &[&str],
    today: NaiveDate,
    tz: Tz,
    path: &dyn Fn() -> String,
    rule: &dyn Fn() -> String,
) -> Result<(Option<i64>, Option<i64>), FilterError> {
    let midnight = |d: NaiveDate| -> i64 {
        let naive = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        // A midnight that does not exist (a DST gap) starts at the first instant after it.
        tz.from_local_datetime(&naive).earliest().map_or(naive.and_utc().timestamp(), |t| t.timestamp())
    };
    // A day past the calendar's ends (chrono's ±262,000 years) is refused with the value
    // that asked for it; adding the days unchecked panicked (found by `make fuzz`).
    let day = |d: NaiveDate, add: i64| d.checked_add_signed(chrono::Duration::days(add)).map(midnight);
    if matches!(c.op, Op::WithinDays | Op::OlderThanDays) {
        let not_days = || FilterError::NotDays { path: path(), rule: rule(), value: values[0].to_owned() };
        let n: u32 = values[0].parse().map_err(|_| not_days())?;
        let edge = day(today, -i64::from(n)).ok_or_else(not_days)?;
        return Ok(if c.op == Op::WithinDays { (Some(edge), None) } else { (None, Some(edge)) });
    }
    let dates = values
        .iter()
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| FilterError::NotADate {
                path: path(),
                rule: rule(),
                value: v.to_string(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let day = |d: NaiveDate, add: i64| {
        day(d, add).ok_or_else(|| FilterError::NotADate {
            path: path(),
            rule: rule(),
            value: values[dates.iter().position(|x| *x == d).unwrap_or(0)].to_owned(),
        })
    };
    let d = dates[0];
    Ok(match c.op {
        Op::Eq => (Some(day(d, 0)?), Some(day(d, 1)?)),
        Op::Gt => (Some(day(d, 1)?), None),
        Op::Gte => (Some(day(d, 0)?), None),
        Op::Lt => (None, Some(day(d, 0)?)),
        Op::Lte => (None, Some(day(d, 1)?)),
        _ => (Some(day(d.min(dates[1]), 0)?), Some(day(d.max(dates[1]), 1)?)),
    })
}

/// The instants a `bought_on` condition covers, for the store to find who
/// bought then; `None` when the condition is not one it can answer (the
/// compiler reports why).
pub fn bought_on_bounds(c: &Condition, today: NaiveDate, tz: Tz) -> Option<(Option<i64>, Option<i64>)> {
    if c.field != Field::BoughtOn || matches!(c.op, Op::IsSet | Op::NotSet) || !c.op.fits(c.field.kind()) {
        return None;
    }
    let values: Vec<&str> = c.values.iter().map(|v| v.trim()).collect();
    let wanted = if c.op == Op::Between { 2 } else { 1 };
    if values.len() != wanted {
        return None;
    }
    instant_bounds(c, &values, today, tz, &String::new, &String::new).ok()
}

/// The position of a value in its field's fixed vocabulary.
fn value_code(field: Field, v: &str) -> Option<u32> {
    let pos = match field {
        Field::Platform => Platform::ALL.iter().position(|p| p.as_str() == v),
        Field::Stage => Stage::ALL.iter().position(|s| s.as_str() == v),
        Field::Rfm => RfmGroup::ALL.iter().position(|g| g.as_str() == v),
        _ => None,
    };
    pos.map(|p| p as u32)
}

fn vocabulary_len(field: Field) -> u32 {
    match field {
        Field::Platform => Platform::ALL.len() as u32,
        Field::Stage => Stage::ALL.len() as u32,
        _ => RfmGroup::ALL.len() as u32,
    }
}

/// Fields with a fixed vocabulary refuse values outside it (a typo would
/// otherwise silently match nobody).
/// The genders a profile records: female and male (or none).
pub(crate) const GENDERS: [&str; 2] = ["f", "m"];

fn choice_is_known(field: Field, v: &str) -> bool {
    match field {
        Field::Platform => Platform::from_str(v).is_ok(),
        Field::Stage => Stage::from_str(v).is_ok(),
        Field::Rfm => RfmGroup::from_str(v).is_ok(),
        Field::Gender => GENDERS.contains(&v),
        _ => true,
    }
}
