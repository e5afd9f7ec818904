//! `laoke customers`: the customer list from `--offset`, as many as `--limit`
//! says (no page cap), with filters, a saved segment and any sort keys. Stages
//! and RFM are brought up to date first.

use super::{filter_arg, to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_core::dto::CustomerQuery;
use laoke_core::segment::{SortField, SortKey};
use laoke_core::Platform;
use laoke_store::Store;
use std::fmt::Write;

/// `FIELD[:asc|desc]`; descending when the direction is left out.
pub fn parse_sort(text: &str) -> Result<SortKey, Failure> {
    let (field, dir) = text.split_once(':').unwrap_or((text, "desc"));
    let fields = SortField::ALL.map(SortField::as_str).join(", ");
    let field = field
        .trim()
        .parse::<SortField>()
        .map_err(|_| UsageError::SortField { value: field.to_owned(), fields: fields.clone() })?;
    let desc = match dir {
        "desc" => true,
        "asc" => false,
        other => return Err(UsageError::SortDirection { value: other.to_owned() }.into()),
    };
    Ok(SortKey { field, desc })
}

pub struct CustomersArgs {
    pub search: Option<String>,
    pub platform: Option<String>,
    pub filter: Vec<String>,
    pub any: bool,
    pub segment: Option<String>,
    pub sort: Vec<String>,
    pub limit: u32,
    pub offset: u32,
}

pub fn run(store: &mut Store, a: CustomersArgs) -> Result<Output, Failure> {
    let keys = if a.sort.is_empty() { vec!["value:desc".to_owned()] } else { a.sort };
    let keys = keys.iter().map(|k| parse_sort(k)).collect::<Result<Vec<_>, _>>()?;
    let platform = a
        .platform
        .map(|p| p.parse::<Platform>().map_err(|_| UsageError::CustomersPlatform { value: p.to_owned() }))
        .transpose()?;
    let filter = filter_arg::parse(&a.filter, a.any)?;
    let segment_id = a.segment.map(|s| store.segment(&s)).transpose()?.map(|s| s.id);
    let today = today(store)?;
    store.refresh(today)?;
    let q = CustomerQuery {
        search: a.search,
        platform,
        filter,
        segment_id,
        sort: keys[0].field,
        desc: keys[0].desc,
        then_by: Some(keys[1..].to_vec()),
        offset: a.offset,
        limit: a.limit,
    };
    // Every row asked for, however many: a script counting over "all" customers must not get a page.
    let page = store.customer_rows(&q, today)?;
    let mut text = format!("{} customers\n", page.total);
    for c in &page.customers {
        let _ = writeln!(
            text,
            "{:>8}  {:<11} {:<28} {:>3} purchases  {:>12}  {:<9} {}",
            c.id,
            c.platform.as_str(),
            c.nick,
            c.purchases,
            c.value,
            c.stage.as_deref().unwrap_or("-"),
            c.rfm.as_deref().unwrap_or("-"),
        );
    }
    Ok(Output { json: to_json(&page), text })
}
