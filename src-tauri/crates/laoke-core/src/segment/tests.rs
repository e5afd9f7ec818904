use super::*;
use crate::lifecycle::Stage;
use crate::rfm::RfmScore;
use crate::Platform;
use chrono::{NaiveDate, TimeZone, Utc};
use rust_decimal_macros::dec;
use std::collections::{HashMap, HashSet};

fn at(y: i32, m: u32, d: u32, h: u32) -> Option<i64> {
    Some(Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().timestamp())
}

fn roster() -> Roster {
    let c = |id: i64, nick: &str, platform, stage, value, purchases, last| CustomerFacts {
        id,
        platform: Some(platform),
        buyer_id: nick.into(),
        nick: nick.into(),
        haystack: nick.to_lowercase().into(),
        stage: Some(stage),
        value,
        purchases,
        orders: purchases,
        last_purchase: last,
        first_purchase: last,
        ..Default::default()
    };
    let mut facts = vec![
        c(1, "江南茶客", Platform::Taobao, Stage::Loyal, dec!(1200.50), 5, at(2026, 11, 1, 3)),
        c(2, "Alice", Platform::Shopify, Stage::Sleeping, dec!(300), 2, at(2026, 6, 1, 3)),
        c(3, "tb_小鱼", Platform::Taobao, Stage::Churned, dec!(99.9), 1, at(2025, 1, 1, 3)),
        c(4, "bob", Platform::Etsy, Stage::Active, dec!(300), 2, at(2026, 10, 1, 3)),
        // 16:30 UTC on 21 Nov is 00:30 on 22 Nov in Shanghai.
        c(5, "江南布衣", Platform::Jd, Stage::New, dec!(50), 1, at(2026, 11, 21, 16)),
        c(6, "potential", Platform::Pinduoduo, Stage::Potential, dec!(0), 0, None),
    ];
    facts[0].tags = vec![1].into();
    facts[1].tags = vec![1, 2].into();
    // Customer 1 bought in the Taobao shop and in one of the two shops named 天猫店; customer 3 in the other.
    facts[0].shops = vec![7, 8].into();
    facts[2].shops = vec![9].into();
    facts[0].rfm = Some(RfmScore { r: 5, f: 5, m: 5 });
    facts[2].rfm = Some(RfmScore { r: 1, f: 1, m: 1 });
    facts[3].dnd = true;
    Roster::new(facts)
}

fn ctx_parts() -> HashMap<String, u32> {
    HashMap::from([("老客".to_owned(), 1), ("VIP".to_owned(), 2)])
}

fn run(filter: &str) -> Result<Vec<i64>, FilterError> {
    let tags = ctx_parts();
    // Two shops named 天猫店 (on two platforms) and one 淘宝店.
    let shops = HashMap::from([("淘宝店".to_owned(), vec![7]), ("天猫店".to_owned(), vec![8, 9])]);
    let bought = |_: &Condition| HashSet::from([3i64, 4]);
    let ctx = Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        tz: chrono_tz::Asia::Shanghai,
        tags: &tags,
        shops: &shops,
        bought: &bought,
    };
    let filter: Filter = serde_json::from_str(filter).expect("valid JSON");
    let p = compile(&filter, &ctx)?;
    let mut ids = roster().ids(&p, None);
    ids.sort();
    Ok(ids)
}

#[test]
fn conditions_by_field_kind() {
    assert_eq!(run(r#"{"rules":[{"field":"stage","op":"in","values":["sleeping","churned"]}]}"#), Ok(vec![2, 3]));
    assert_eq!(run(r#"{"rules":[{"field":"platform","op":"ne","values":["taobao"]}]}"#), Ok(vec![2, 4, 5, 6]));
    assert_eq!(run(r#"{"rules":[{"field":"value","op":"gte","values":["300"]}]}"#), Ok(vec![1, 2, 4]));
    assert_eq!(run(r#"{"rules":[{"field":"value","op":"between","values":["300","50"]}]}"#), Ok(vec![2, 3, 4, 5]));
    assert_eq!(run(r#"{"rules":[{"field":"tag","op":"in","values":["老客"]}]}"#), Ok(vec![1, 2]));
    assert_eq!(run(r#"{"rules":[{"field":"tag","op":"not_in","values":["VIP"]}]}"#), Ok(vec![1, 3, 4, 5, 6]));
    assert_eq!(run(r#"{"rules":[{"field":"tag","op":"in","values":["nobody has this"]}]}"#), Ok(vec![]));
    assert_eq!(run(r#"{"rules":[{"field":"shop","op":"eq","values":["天猫店"]}]}"#), Ok(vec![1, 3]));
    assert_eq!(run(r#"{"rules":[{"field":"shop","op":"in","values":["淘宝店"]}]}"#), Ok(vec![1]));
    assert_eq!(run(r#"{"rules":[{"field":"shop","op":"ne","values":["淘宝店"]}]}"#), Ok(vec![2, 3, 4, 5, 6]));
    assert_eq!(run(r#"{"rules":[{"field":"shop","op":"is_set"}]}"#), Ok(vec![1, 3]));
    assert_eq!(run(r#"{"rules":[{"field":"shop","op":"in","values":["not imported yet"]}]}"#), Ok(vec![]));
    assert_eq!(run(r#"{"rules":[{"field":"nick","op":"contains","values":["江南"]}]}"#), Ok(vec![1, 5]));
    assert_eq!(run(r#"{"rules":[{"field":"rfm","op":"eq","values":["champions"]}]}"#), Ok(vec![1]));
    assert_eq!(run(r#"{"rules":[{"field":"rfm_r","op":"lte","values":["2"]}]}"#), Ok(vec![3]));
    assert_eq!(run(r#"{"rules":[{"field":"dnd","op":"eq","values":["true"]}]}"#), Ok(vec![4]));
    assert_eq!(run(r#"{"rules":[{"field":"dnd","op":"ne","values":["true"]}]}"#), Ok(vec![1, 2, 3, 5, 6]));
    assert!(run(r#"{"rules":[{"field":"dnd","op":"in","values":["true","false"]}]}"#).is_err());
    assert_eq!(run(r#"{"rules":[{"field":"item","op":"contains","values":["龙井"]}]}"#), Ok(vec![3, 4]));
    assert_eq!(run(r#"{"rules":[{"field":"last_purchase","op":"not_set"}]}"#), Ok(vec![6]));
}

#[test]
fn dates_are_calendar_days_in_the_shop_time_zone() {
    // Customer 5 bought at 00:30 on 22 Nov Shanghai time (still 21 Nov in UTC).
    assert_eq!(run(r#"{"rules":[{"field":"last_purchase","op":"eq","values":["2026-11-22"]}]}"#), Ok(vec![5]));
    assert_eq!(run(r#"{"rules":[{"field":"last_purchase","op":"lt","values":["2026-11-22"]}]}"#), Ok(vec![1, 2, 3, 4]));
    assert_eq!(run(r#"{"rules":[{"field":"last_purchase","op":"within_days","values":["21"]}]}"#), Ok(vec![1, 5]));
    assert_eq!(run(r#"{"rules":[{"field":"last_purchase","op":"older_than_days","values":["90"]}]}"#), Ok(vec![2, 3]));
    assert_eq!(
        run(r#"{"rules":[{"field":"first_purchase","op":"between","values":["2026-06-01","2026-10-01"]}]}"#),
        Ok(vec![2, 4])
    );
}

#[test]
fn and_or_groups_nest() {
    let f = r#"{"match":"all","rules":[
        {"field":"platform","op":"in","values":["taobao","shopify","etsy"]},
        {"match":"any","rules":[
            {"field":"value","op":"gt","values":["1000"]},
            {"field":"stage","op":"eq","values":["churned"]}]}]}"#;
    assert_eq!(run(f), Ok(vec![1, 3]));
    assert_eq!(run(r#"{"match":"any","rules":[]}"#), Ok(vec![]), "an empty OR matches nobody");
    assert_eq!(run(r#"{"rules":[]}"#), Ok(vec![1, 2, 3, 4, 5, 6]), "an empty AND matches everyone");
}

#[test]
fn nonsense_is_refused_with_the_place_of_the_rule() {
    let err =
        run(r#"{"rules":[{"match":"any","rules":[{"field":"value","op":"gt","values":["lots"]}]}]}"#).unwrap_err();
    let at = || ("rules[0].rules[0]".to_owned(), "1.1".to_owned());
    assert_eq!(err, FilterError::NotANumber { path: at().0, rule: at().1, value: "lots".into() });
    assert_eq!(
        crate::ErrorCode::details(&err),
        serde_json::json!({ "path": "rules[0].rules[0]", "rule": "1.1", "value": "lots" })
    );
    let code = |f: &str| crate::ErrorCode::code(&run(f).unwrap_err());
    assert_eq!(code(r#"{"rules":[{"field":"stage","op":"gt","values":["new"]}]}"#), "filter.op_not_applicable");
    assert_eq!(code(r#"{"rules":[{"field":"stage","op":"eq","values":["sleepy"]}]}"#), "filter.unknown_choice");
    assert_eq!(code(r#"{"rules":[{"field":"value","op":"between","values":["1"]}]}"#), "filter.value_count");
    assert_eq!(code(r#"{"rules":[{"field":"last_order","op":"eq","values":["22/11/2026"]}]}"#), "filter.not_a_date");
    assert_eq!(code(r#"{"rules":[{"field":"stage","op":"in","values":[]}]}"#), "filter.no_values");
    assert_eq!(code(r#"{"rules":[{"field":"dnd","op":"eq","values":["maybe"]}]}"#), "filter.not_a_yes_no");
    assert_eq!(code(r#"{"rules":[{"field":"last_order","op":"within_days","values":["soon"]}]}"#), "filter.not_days");
    let err = run(r#"{"rules":[{"field":"stage","op":"gt","values":["new"]}]}"#).unwrap_err();
    assert_eq!(crate::ErrorCode::details(&err)["op"], "gt", "field and op are spelled as in the JSON");
}

#[test]
fn pages_follow_the_sort_with_ties_broken_by_id() {
    let r = roster();
    let all = Predicate::everyone();
    let by_value = [SortKey { field: SortField::Value, desc: true }];
    let page = |offset, limit| r.select(&all, None, &by_value, offset, limit);
    // 2 and 4 tie at 300: the descending list breaks the tie by id descending too.
    assert_eq!(page(0, 10).ids, vec![1, 4, 2, 3, 5, 6]);
    assert_eq!(page(0, 10).total, 6);
    let pieces: Vec<i64> = (0..6).flat_map(|o| page(o, 1).ids).collect();
    assert_eq!(pieces, vec![1, 4, 2, 3, 5, 6], "one-row pages put together are the whole list");
    assert_eq!(page(2, 3).ids, vec![2, 3, 5]);
    assert!(page(6, 10).ids.is_empty());
    // Two keys: platform ascending, then value descending.
    let two = [SortKey { field: SortField::Platform, desc: false }, SortKey { field: SortField::Value, desc: true }];
    assert_eq!(r.select(&all, None, &two, 0, 10).ids, vec![4, 5, 6, 2, 1, 3]);
}

#[test]
fn search_matches_text_or_the_ids_the_store_found() {
    let r = roster();
    let all = Predicate::everyone();
    let sort = [SortKey { field: SortField::Id, desc: false }];
    let found = |s: Search| r.select(&all, Some(&s), &sort, 0, 10).ids;
    assert_eq!(found(Search::new("江南", HashSet::new())), vec![1, 5]);
    assert_eq!(found(Search::new(" ALICE ", HashSet::new())), vec![2]);
    assert_eq!(found(Search::new("zzz", HashSet::from([6]))), vec![6]);
}

#[test]
fn vocabulary_lists_are_in_declaration_order() {
    // The roster's bit masks rely on it.
    assert!(Platform::ALL.iter().enumerate().all(|(i, p)| *p as usize == i));
    assert!(Stage::ALL.iter().enumerate().all(|(i, s)| *s as usize == i));
    assert!(crate::rfm::RfmGroup::ALL.iter().enumerate().all(|(i, g)| *g as usize == i));
}

#[test]
fn a_large_roster_scanned_in_parallel_gives_the_same_answers_in_order() {
    let facts: Vec<CustomerFacts> = (1..=120_000)
        .map(|id| CustomerFacts {
            id,
            stage: Some(Stage::ALL[(id % 6) as usize]),
            value: rust_decimal::Decimal::from(id % 997),
            ..Default::default()
        })
        .collect();
    let want: Vec<i64> =
        facts.iter().filter(|f| f.stage == Some(Stage::Sleeping) && f.id % 997 >= 500).map(|f| f.id).collect();
    let r = Roster::new(facts);
    let tags = HashMap::new();
    let shops = HashMap::new();
    let bought = |_: &Condition| HashSet::new();
    let ctx = Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        tz: chrono_tz::UTC,
        tags: &tags,
        shops: &shops,
        bought: &bought,
    };
    let f: Filter = serde_json::from_str(
        r#"{"rules":[{"field":"stage","op":"eq","values":["sleeping"]},{"field":"value","op":"gte","values":["500"]}]}"#,
    )
    .unwrap();
    let p = compile(&f, &ctx).unwrap();
    assert_eq!(r.ids(&p, None), want, "same customers, in roster order");
    assert_eq!(r.count(&p) as usize, want.len());
    let page = r.select(&p, None, &[SortKey { field: SortField::Value, desc: true }], 10, 5);
    assert_eq!(page.total as usize, want.len());
    assert_eq!(page.ids.len(), 5);
}
