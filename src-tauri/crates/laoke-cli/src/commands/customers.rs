//! `laoke customers`: one page of the customer list.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_core::dto::{CustomerQuery, CustomerSort};
use laoke_core::Platform;
use laoke_store::Store;
use std::fmt::Write;

/// `FIELD[:asc|desc]`; descending when the direction is left out.
fn parse_sort(text: &str) -> Result<(CustomerSort, bool), Failure> {
    let (field, dir) = text.split_once(':').unwrap_or((text, "desc"));
    let sort = serde_json::from_value(serde_json::Value::String(field.to_owned()))
        .map_err(|_| Failure::usage("customers.invalid_sort", format!("cannot sort by {field:?}")))?;
    let desc = match dir {
        "desc" => true,
        "asc" => false,
        other => {
            return Err(Failure::usage(
                "customers.invalid_sort",
                format!("direction must be asc or desc, not {other:?}"),
            ))
        }
    };
    Ok((sort, desc))
}

pub fn run(
    store: &Store,
    search: Option<String>,
    platform: Option<&str>,
    sort: &str,
    limit: u32,
    offset: u32,
) -> Result<Output, Failure> {
    let (sort, desc) = parse_sort(sort)?;
    let platform = platform
        .map(|p| p.parse::<Platform>().map_err(|e| Failure::usage("customers.invalid_platform", e.to_string())))
        .transpose()?;
    let page = store.customer_page(&CustomerQuery { search, platform, sort, desc, offset, limit })?;
    let mut text = format!("{} customers\n", page.total);
    for c in &page.customers {
        let _ = writeln!(
            text,
            "{:>8}  {:<11} {:<28} {:>3} purchases  {:>12}",
            c.id,
            c.platform.as_str(),
            c.nick,
            c.purchases,
            c.value
        );
    }
    Ok(Output { json: to_json(&page), text })
}
