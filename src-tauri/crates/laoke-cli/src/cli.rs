//! The command line, declared with clap. Command names, flags and JSON field
//! names are a public contract: scripts depend on them.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "laoke", version, about = "Laoke (老客): the returning-customer desk for one-person shops")]
pub struct Args {
    /// The archive file (default: the OS application-data folder).
    #[arg(long, global = true, env = "LAOKE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print exactly one JSON document on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the archive, or bring its schema up to date.
    Init,
    /// Schema version, path and row counts.
    Info,
    /// Fill an empty archive with a realistic, deterministic demo shop.
    Demo {
        /// How many customers (about 3.4 orders each).
        #[arg(long, default_value_t = 2_000)]
        customers: u32,
        /// The same seed (and --as-of) always gives the same shop.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The instant the shop's history ends, RFC 3339 (default: now).
        #[arg(long, value_name = "TIME")]
        as_of: Option<String>,
    },
    /// Import order exports (Taobao/Tmall, Pinduoduo, JD, Douyin, Shopify, WooCommerce, Etsy, or any
    /// CSV/XLSX with --mapping). The archive is backed up first; each file is one transaction.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// auto (detect from the header), taobao_orders, or generic.
        #[arg(long, default_value = "auto")]
        format: String,
        /// A column mapping for a generic file: {"columns": {FIELD: "header", …}, "date_format": "…"}.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// Import nothing from a file if any of its rows is rejected.
        #[arg(long)]
        strict: bool,
        /// Read and report everything, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The backups taken before each import.
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
    /// Shop-wide figures: customers, buyers, orders, purchases, revenue, AOV, repurchase rate.
    Stats,
    /// Show the shop settings; `--set KEY=VALUE` changes shop_name, timezone, currency or language.
    Settings {
        #[arg(long, value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// One page of the customer list.
    Customers {
        /// Text to find in nick, name, buyer id, phone or email.
        #[arg(long)]
        search: Option<String>,
        /// Only customers of this platform (taobao, tmall, pinduoduo, jd, douyin, shopify, woocommerce, etsy, generic).
        #[arg(long)]
        platform: Option<String>,
        /// FIELD[:asc|desc], FIELD one of nick, purchases, value, first_purchase, last_purchase.
        #[arg(long, default_value = "value:desc")]
        sort: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// List backups, newest first.
    List,
    /// Replace the archive with a backup (see `backup list` for names).
    Restore { name: String },
}
