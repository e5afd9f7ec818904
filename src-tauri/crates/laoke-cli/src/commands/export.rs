//! `laoke export customers|orders --out FILE`: the customers a list query
//! selects, or their orders, as CSV or XLSX, optionally masked.

use super::{to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_core::dto::{CustomerQuery, ExportFormat, ExportKind, ExportRequest};
use laoke_store::Store;
use std::path::Path;

pub fn run(
    store: &mut Store,
    kind: &str,
    out: &Path,
    format: Option<&str>,
    query: CustomerQuery,
    privacy: bool,
    language: Option<String>,
) -> Result<Output, Failure> {
    let kind: ExportKind = kind.trim().parse().map_err(|_| UsageError::ExportKind { value: kind.to_owned() })?;
    let format: ExportFormat = match format {
        Some(f) => {
            f.trim().to_ascii_lowercase().parse().map_err(|_| UsageError::ExportFormat { value: f.to_owned() })?
        }
        None => ExportFormat::of_path(out),
    };
    let today = today(store)?;
    // Stages, RFM and tiers as of today, as the customer list shows them.
    store.refresh(today)?;
    let req = ExportRequest { kind, format, query, ids: None, privacy, language, path: out.display().to_string() };
    let report = store.export(&req, today)?;
    let text = format!(
        "{} {} written to {}{}",
        report.rows,
        <&str>::from(report.kind),
        report.path,
        if report.privacy { " (contacts masked)" } else { "" }
    );
    Ok(Output { json: to_json(&report), text })
}
