//! `laoke demo`: fill an empty archive with the demo shop, with progress on stderr.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::{DateTime, Utc};
use laoke_core::dto::DemoRequest;
use laoke_store::Store;
use std::io::{IsTerminal, Write};

pub fn run(store: &mut Store, customers: u32, seed: u64, as_of: Option<&str>) -> Result<Output, Failure> {
    let now = match as_of {
        None => Utc::now(),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map_err(|e| UsageError::DemoAsOf { value: text.to_owned(), reason: e.to_string() })?
            .with_timezone(&Utc),
    };
    let tty = std::io::stderr().is_terminal();
    let report = store.fill_demo(DemoRequest { customers, seed }, now, |p| {
        if tty {
            eprint!("\r{} {}/{}   ", p.phase, p.done, p.total);
            let _ = std::io::stderr().flush();
        }
        true
    })?;
    if tty {
        eprintln!();
    }
    let text = format!(
        "demo shop: {} customers, {} orders, {} order items in {:.1} s",
        report.customers,
        report.orders,
        report.order_items,
        report.elapsed_ms as f64 / 1000.0
    );
    Ok(Output { json: to_json(&report), text })
}
