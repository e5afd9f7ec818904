//! `laoke customers`: the customer list from `--offset`, as many as `--limit`
//! says (no page cap), with filters, a saved segment and any sort keys. Stages
//! and RFM are brought up to date first.

use super::{filter_arg, to_json, today};
use crate::cli::Selection;
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

/// How `laoke customers` orders and pages the customers it lists.
pub struct Page {
    pub sort: Vec<String>,
    pub limit: u32,
    pub offset: u32,
}

/// The customers a [`Selection`] names, as the list query the store answers
/// (`laoke customers` and `laoke export` select alike).
pub fn query_of(store: &Store, s: Selection) -> Result<CustomerQuery, Failure> {
    let platform = s
        .platform
        .map(|p| p.parse::<Platform>().map_err(|_| UsageError::CustomersPlatform { value: p.to_owned() }))
        .transpose()?;
    let filter = filter_arg::parse(&s.filter, s.any)?;
    let segment_id = s.segment.map(|name| store.segment(&name)).transpose()?.map(|seg| seg.id);
    Ok(CustomerQuery { search: s.search, platform, filter, segment_id, ..CustomerQuery::default() })
}

pub fn run(store: &mut Store, selection: Selection, page: Page) -> Result<Output, Failure> {
    let keys = if page.sort.is_empty() { vec!["value:desc".to_owned()] } else { page.sort };
    let keys = keys.iter().map(|k| parse_sort(k)).collect::<Result<Vec<_>, _>>()?;
    let selected = query_of(store, selection)?;
    let today = today(store)?;
    store.refresh(today)?;
    let q = CustomerQuery {
        sort: keys[0].field,
        desc: keys[0].desc,
        then_by: Some(keys[1..].to_vec()),
        offset: page.offset,
        limit: page.limit,
        ..selected
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

/// The one change `laoke customers bulk` makes.
pub fn bulk_action(
    dnd: Option<String>,
    tag: Option<String>,
    untag: Option<String>,
) -> Result<laoke_core::dto::BulkAction, Failure> {
    use laoke_core::dto::BulkAction;
    match (dnd.as_deref().map(str::trim), tag, untag) {
        (Some("on"), None, None) => Ok(BulkAction::DndOn),
        (Some("off"), None, None) => Ok(BulkAction::DndOff),
        (Some(other), None, None) => Err(UsageError::BulkDnd { value: other.to_owned() }.into()),
        (None, Some(t), None) => Ok(BulkAction::Tag(t)),
        (None, None, Some(t)) => Ok(BulkAction::Untag(t)),
        _ => Err(UsageError::BulkWhat.into()),
    }
}

/// `laoke customers bulk`: the app's bulk actions over every customer the filters select.
pub fn bulk(
    store: &mut Store,
    filter: &[String],
    any: bool,
    segment: Option<&str>,
    action: laoke_core::dto::BulkAction,
) -> Result<Output, Failure> {
    let filter = filter_arg::parse(filter, any)?;
    let segment_id = segment.map(|s| store.segment(s)).transpose()?.map(|s| s.id);
    let today = today(store)?;
    store.refresh(today)?;
    let snap = store.roster()?;
    let q = CustomerQuery { filter, segment_id, limit: u32::MAX, ..CustomerQuery::default() };
    let ids = store.customer_ids_in(&snap, &q, today)?;
    // A bulk change is backed up first, as an import is.
    store.backup(chrono::Utc::now())?;
    let changed = store.bulk(&action, &ids, chrono::Utc::now())?;
    Ok(Output {
        json: serde_json::json!({ "customers": changed, "selected": ids.len() }),
        text: format!("{changed} of {} selected customers changed", ids.len()),
    })
}
