//! `laoke import FILE…`: back the archive up, then import each file in its own
//! transaction and print the report.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::Utc;
use laoke_core::dto::ImportReport;
use laoke_core::import::{ColumnMapping, ImportFormat, ImportOptions};
use laoke_core::ErrorCode;
use laoke_store::{ImportFlags, Store};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub struct ImportArgs {
    pub files: Vec<PathBuf>,
    pub format: String,
    pub mapping: Option<PathBuf>,
    pub strict: bool,
    pub dry_run: bool,
    pub shop: Option<String>,
    pub allow_conflicts: bool,
    pub replace_undecodable: bool,
}

fn options(args: &ImportArgs) -> Result<ImportOptions, Failure> {
    let format = match args.format.as_str() {
        "auto" => None,
        other => Some(
            other
                .parse::<ImportFormat>()
                .map_err(|e| UsageError::ImportFormat { value: other.to_owned(), reason: e })?,
        ),
    };
    let mapping = match &args.mapping {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| UsageError::MappingFile { file: path.display().to_string(), reason: e.to_string() })?;
            let mapping: ColumnMapping = serde_json::from_str(&text)
                .map_err(|e| UsageError::MappingFile { file: path.display().to_string(), reason: e.to_string() })?;
            Some(mapping)
        }
    };
    Ok(ImportOptions { format, mapping, replace_undecodable: args.replace_undecodable })
}

pub fn run(store: &mut Store, args: ImportArgs) -> Result<Output, Failure> {
    let opts = options(&args)?;
    // The command is the archive's only user while it runs (see `ImportFlags::exclusive`).
    let flags = &ImportFlags {
        strict: args.strict,
        dry_run: args.dry_run,
        exclusive: true,
        shop: args.shop.clone(),
        allow_conflicts: args.allow_conflicts,
    };
    if !args.dry_run {
        store.backup(Utc::now())?;
    }
    let tty = std::io::stderr().is_terminal();
    let mut report = ImportReport::default();
    for file in &args.files {
        let result = store.import_file(file, &opts, flags, Utc::now(), |p| {
            if tty {
                eprint!("\r{}: {} rows, {}%   ", p.file, p.rows, p.bytes_done * 100 / p.bytes_total.max(1));
                let _ = std::io::stderr().flush();
            }
            true
        });
        if tty {
            eprintln!();
        }
        match result {
            Ok(r) => report.files.push(r),
            Err(e) => {
                let mut dto = e.to_dto();
                // Files before this one were imported (each in its own transaction): say so.
                if let serde_json::Value::Object(map) = &mut dto.details {
                    map.insert("files_done".into(), to_json(&report.files));
                }
                return Err(Failure(dto));
            }
        }
    }
    let mut text = String::new();
    for f in &report.files {
        let _ = writeln!(
            text,
            "{}: {} ({}) into {}, {} rows: {} new, {} updated, {} unchanged, {} older than the archive's orders; \
             {} new customers; {} without buyer identity; {} cash-on-delivery counted; {} rejected{}",
            f.file,
            f.format.as_str(),
            f.encoding.as_str(),
            f.shops.join(", "),
            f.rows,
            f.orders_new,
            f.orders_updated,
            f.orders_unchanged,
            f.orders_stale,
            f.customers_new,
            f.no_identity,
            f.cod_counted,
            f.rejected.len(),
            if f.dry_run { " (dry run: nothing saved)" } else { "" }
        );
        if f.conflicts > 0 {
            let _ = writeln!(
                text,
                "  {} rows are other orders than the shop's orders of the same number (another time or buyer): \
                 is the file another shop's? Import it with --shop NAME",
                f.conflicts
            );
        }
        if !f.replaced.is_empty() {
            let rows: Vec<String> = f.replaced.iter().take(20).map(|r| r.row.to_string()).collect();
            let _ = writeln!(
                text,
                "  {} rows were imported with bytes that are not text replaced by U+FFFD: rows {}",
                f.replaced.len(),
                rows.join(", ")
            );
        }
        for r in f.rejected.iter().take(20) {
            let _ = writeln!(
                text,
                "  row {}{}: {}",
                r.row,
                r.column.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default(),
                r.reason
            );
        }
    }
    Ok(Output { json: to_json(&report), text })
}
