//! `--filter` arguments: a segment filter as JSON (`{"match": "any", "rules": […]}`)
//! or one condition written `FIELD OP VALUE[,VALUE…]`:
//!
//! | written              | meaning                  |
//! |----------------------|--------------------------|
//! | `stage=loyal,active` | stage in (loyal, active) |
//! | `stage!=churned`     | stage not in (churned)   |
//! | `value>=500`         | also `>`, `<`, `<=`      |
//! | `value=100..500`     | between, both included   |
//! | `nick~江南`          | contains                 |
//! | `FIELD:OP[:VALUES]`  | any operator by name, e.g. `last_purchase:within_days:30`, `tag:is_set` |
//!
//! Several `--filter`s must all hold, or any of them with `--any`.

use crate::output::Failure;
use crate::usage::UsageError;
use laoke_core::segment::{Condition, Filter, Match, Rule};

fn invalid(text: &str, why: &str) -> Failure {
    UsageError::FilterSyntax { text: text.to_owned(), reason: why.to_owned() }.into()
}

fn named<T: serde::de::DeserializeOwned>(name: &str, text: &str, what: &str) -> Result<T, Failure> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_owned()))
        .map_err(|_| invalid(text, &format!("{name:?} is not a {what}")))
}

fn values(v: &str) -> Vec<String> {
    v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

/// One `--filter` argument as a rule.
pub fn parse_rule(text: &str) -> Result<Rule, Failure> {
    let t = text.trim();
    if t.starts_with('{') {
        let f: Filter = serde_json::from_str(t).map_err(|e| invalid(text, &format!("not a filter: {e}")))?;
        return Ok(Rule::Group(f));
    }
    // The symbol forms; two-character operators are tried first.
    for (symbol, op) in
        [("!=", "not_in"), (">=", "gte"), ("<=", "lte"), ("=", "in"), (">", "gt"), ("<", "lt"), ("~", "contains")]
    {
        if let Some((field, value)) = t.split_once(symbol) {
            if field.contains(':') {
                break;
            }
            let field = named(field, text, "customer field")?;
            if op == "in" {
                if let Some((lo, hi)) = value.split_once("..") {
                    let values = vec![lo.trim().to_owned(), hi.trim().to_owned()];
                    return Ok(Rule::Condition(Condition { field, op: named("between", text, "")?, values }));
                }
            }
            let values = if op == "contains" { vec![value.trim().to_owned()] } else { values(value) };
            return Ok(Rule::Condition(Condition { field, op: named(op, text, "")?, values }));
        }
    }
    let mut parts = t.splitn(3, ':');
    let (Some(field), Some(op)) = (parts.next(), parts.next()) else {
        return Err(invalid(text, "write FIELD=VALUE, FIELD>=VALUE, FIELD~TEXT or FIELD:OP:VALUES"));
    };
    Ok(Rule::Condition(Condition {
        field: named(field, text, "customer field")?,
        op: named(op, text, "filter operator")?,
        values: parts.next().map(values).unwrap_or_default(),
    }))
}

/// All `--filter` arguments as one filter (AND, or OR with `any`).
pub fn parse(filters: &[String], any: bool) -> Result<Option<Filter>, Failure> {
    if filters.is_empty() {
        return Ok(None);
    }
    let rules = filters.iter().map(|f| parse_rule(f)).collect::<Result<_, _>>()?;
    Ok(Some(Filter { match_: if any { Match::Any } else { Match::All }, rules }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use laoke_core::segment::{Field, Op};

    fn cond(text: &str) -> Condition {
        match parse_rule(text).unwrap() {
            Rule::Condition(c) => c,
            Rule::Group(_) => panic!("a condition"),
        }
    }

    #[test]
    fn symbol_and_named_forms() {
        assert_eq!(cond("stage=loyal,active").op, Op::In);
        assert_eq!(cond("stage=loyal,active").values, ["loyal", "active"]);
        assert_eq!(cond("stage!=churned").op, Op::NotIn);
        let c = cond("value>=500");
        assert_eq!((c.field, c.op, c.values), (Field::Value, Op::Gte, vec!["500".to_owned()]));
        let c = cond("value=100..500");
        assert_eq!((c.op, c.values), (Op::Between, vec!["100".to_owned(), "500".to_owned()]));
        assert_eq!(cond("nick~江南,茶").values, ["江南,茶"]);
        let c = cond("last_purchase:within_days:30");
        assert_eq!((c.field, c.op, c.values), (Field::LastPurchase, Op::WithinDays, vec!["30".to_owned()]));
        assert_eq!(cond("tag:is_set").values, Vec::<String>::new());
        assert_eq!(cond("last_purchase<2026-01-01").op, Op::Lt);
    }

    #[test]
    fn json_groups_and_mistakes() {
        assert!(matches!(parse_rule(r#"{"match":"any","rules":[]}"#), Ok(Rule::Group(_))));
        for bad in ["colour=red", "stage", "value:most:1", "{not json"] {
            let err = parse_rule(bad).unwrap_err();
            assert_eq!(err.0.code, "cli.filter_syntax", "{bad}");
        }
        let f = parse(&["stage=new".into(), "value>1".into()], true).unwrap().unwrap();
        assert_eq!(f.match_, Match::Any);
        assert_eq!(f.rules.len(), 2);
    }
}
