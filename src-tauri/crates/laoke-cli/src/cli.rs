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
        /// The shop the orders belong to, created if new (default: the shop the export names, else
        /// the platform's only shop; a platform with several needs this).
        #[arg(long, value_name = "NAME")]
        shop: Option<String>,
        /// Import a file even if most of the orders the shop already holds conflict with it (another
        /// creation time or buyer: it is probably another shop's); the conflicting rows are rejected.
        #[arg(long)]
        allow_conflicts: bool,
        /// Import a file that holds bytes that are no text (a damaged byte) with those bytes
        /// replaced by U+FFFD; the rows they are in are listed in the report (`replaced`).
        #[arg(long)]
        replace_undecodable: bool,
    },
    #[command(flatten)]
    Encryption(EncryptionAction),
    /// Backups: those taken before each import and bulk change and once a day, a copy to a
    /// file of your choice, what a backup holds, restoring one, the daily schedule.
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
    /// Write customers or their orders to CSV or XLSX: every customer, or those --search, --platform,
    /// --filter and --segment select (as `laoke customers` does); --privacy masks phones, emails,
    /// names and addresses. {"path", "kind", "format", "rows", "privacy", "truncated_cells"}.
    Export {
        /// customers or orders.
        kind: String,
        /// The file to write (replaced if it exists; it appears only when complete).
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// csv or xlsx; by default the file name's extension says, else csv.
        #[arg(long)]
        format: Option<String>,
        #[command(flatten)]
        selection: Selection,
        /// Mask phones, emails, names, chat ids and addresses; leave notes and messages out.
        #[arg(long)]
        privacy: bool,
        /// Column titles in zh-CN or en-US (default: the archive's language).
        #[arg(long, value_name = "zh-CN|en-US")]
        lang: Option<String>,
    },
    /// Forecast every buyer with the BG/NBD and Gamma-Gamma models fitted on the shop's purchases:
    /// {"model": {"r", "alpha", "a", "b", "ll", "p", "q", "gamma", "fit_ms", "reliable", "why", …},
    /// "customers": [{"id", "buyer_id", "x", "t_x", "T", "p_alive", "expected_90d", "clv", …}]}, most valuable first.
    Predict {
        /// The calibration end (YYYY-MM-DD, shop time); default the day of the newest purchase.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// The unit of x, t_x and T: day or week.
        #[arg(long, default_value = "week")]
        unit: String,
        /// The CLV horizon in days (1 to 3650).
        #[arg(long, default_value_t = 365, allow_negative_numbers = true)]
        horizon: i64,
    },
    /// Shop-wide figures: customers, buyers, orders, purchases, revenue, AOV, repurchase rate.
    Stats {
        /// Only the orders of the shop(s) with this name.
        #[arg(long, value_name = "NAME")]
        shop: Option<String>,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// Days whose purchases, revenue, AOV or new buyers left their recent range (the Hampel rule
    /// on the 28 days before, weekday pattern taken out; promotion peaks listed apart):
    /// {"anomalies": [{"date", "metric", "value", "expected_low", "expected_high", …}], "peaks": […]}.
    Anomalies {
        /// Only the orders of the shop(s) with this name.
        #[arg(long, value_name = "NAME")]
        shop: Option<String>,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// The shops orders are imported into: list them, rename one, or set whether it counts
    /// cash-on-delivery orders that are shipped but not marked paid.
    Shops {
        #[command(subcommand)]
        action: Option<ShopAction>,
    },
    /// Show the shop settings; `--set KEY=VALUE` changes shop_name, timezone, currency, language or theme
    /// (system, light or dark).
    Settings {
        #[arg(long, value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// One page of the customer list: {"total", "customers": [rows]}.
    Customers {
        #[command(flatten)]
        selection: Selection,
        /// FIELD[:asc|desc]; repeat for ties. FIELD: id, platform, buyer_id, nick, purchases, orders, value,
        /// first_purchase, last_purchase, stage, rfm, tier, tags.
        #[arg(long)]
        sort: Vec<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[command(subcommand)]
        action: Option<CustomerAction>,
    },
    /// Care messages: rules, the plan, today's worklist, marking copied, the SMS list, email.
    Care {
        #[command(subcommand)]
        action: CareAction,
    },
    /// Fan-group activities: a month's plan, add from a JSON file, suggest a month, results.
    Activities {
        #[command(subcommand)]
        action: ActivityAction,
    },
    /// Coupon plans: list, add from a JSON file, estimate a plan's cost before it goes out, results.
    Coupons {
        #[command(subcommand)]
        action: CouponAction,
    },
    /// Saved segments: list, show, count, save, delete.
    Segments {
        #[command(subcommand)]
        action: SegmentAction,
    },
    /// Customers per lifecycle stage: {"as_of", "stages": {STAGE: count}}; --set changes thresholds.
    Stages {
        /// The day (YYYY-MM-DD, shop time zone); today when left out.
        #[arg(long)]
        as_of: Option<String>,
        /// KEY=VALUE with KEY one of new_days, active_days, churn_days, loyal_purchases.
        #[arg(long, value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// With --set: show how many customers would move, save nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// RFM groups and the Pareto view of buyers' value.
    Rfm,
    /// Membership tiers: show, preview or apply a ladder, history, pins.
    Tiers {
        #[command(subcommand)]
        action: TierAction,
    },
    /// The festivals of a year (1901–2099): lunar, solar term, fixed, floating, promotions, as
    /// [{"key","name_zh","name_en","kind","date"}]; with --holidays, China's statutory days off and
    /// make-up working days of that year as [{"date","kind","name_zh"}]. Needs no archive.
    Calendar {
        #[arg(long)]
        year: i32,
        /// The statutory days off (holiday_off) and make-up working days (makeup_workday) instead.
        #[arg(long)]
        holidays: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CustomerAction {
    /// Change every customer the filters select at once (one transaction): {"customers": N changed}.
    Bulk {
        /// As for `laoke customers`; repeat for more (all must hold, or any with --any).
        #[arg(long)]
        filter: Vec<String>,
        #[arg(long)]
        any: bool,
        /// Only customers in this saved segment (name or id).
        #[arg(long)]
        segment: Option<String>,
        /// Do not disturb: on or off.
        #[arg(long, value_name = "on|off")]
        dnd: Option<String>,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        #[arg(long, value_name = "TAG")]
        untag: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CareAction {
    /// Care rules: list, add from a JSON file, delete.
    Rules {
        #[command(subcommand)]
        action: CareRuleAction,
    },
    /// Plan the days from..to (shop time) and list their messages:
    /// {"messages": [{"key","customer_id","rule_id","due","channel","to","priority","status","reason","text"}]}.
    Plan {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
    },
    /// The worklist of one day (today by default), planned first: {"date", "messages": […]}.
    Today {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Mark planned Wangwang/WeChat messages as copied (sent by hand; they count against the caps).
    MarkCopied {
        #[arg(required = true, value_name = "KEY")]
        keys: Vec<String>,
    },
    /// Write the day's planned SMS as a CSV (phone,text) for an SMS platform and mark them exported.
    ExportSms {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Send the day's planned email through the shop's SMTP server (smtp.* settings; the password
    /// from the OS keychain or LAOKE_SMTP_PASSWORD): {"sent", "failed": [{"key","error"}], "ambiguous"}.
    SendEmail {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// Put failed messages back to planned, to be sent again.
    Retry {
        #[arg(required = true, value_name = "KEY")]
        keys: Vec<String>,
    },
    /// The shop's own festival dates (a shop anniversary, a member day): list them, or replace
    /// them with --set FILE.json, [{"key", "name", "month", "day", "year" (one-off), "lunar"}].
    /// Festival rules can name them by key; `laoke calendar` lists them (kind "shop").
    Dates {
        #[arg(long, value_name = "FILE.json")]
        set: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActivityAction {
    /// The month's activities: [{"id", "activity": {…}, "total", "steps": [{"index","kind","due","done"}],
    /// "announcement", "warnings", "results"}].
    List {
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
    },
    /// Add an activity from a JSON file ({"type", "title", "date", "slot_start", "slot_end", "groups" | "target",
    /// "budget": [{"label", "amount"}]}; steps and announcement default to the type's): {"id"}.
    Add {
        #[arg(long, value_name = "FILE.json")]
        activity: std::path::PathBuf,
    },
    /// Suggest a month's activities to the cadence (saves nothing):
    /// {"activities": [{"type", "title", "date", "slot_start", "slot_end", "budget", "why", "clashes"}]}.
    Suggest {
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
    },
    /// Enter an activity's results and count its orders: {"cost", "orders", "revenue", "roi", …}.
    Results {
        id: i64,
        #[arg(long, allow_negative_numbers = true)]
        participants: i64,
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        new_members: i64,
    },
    /// Move an activity to another day (its checklist moves with it).
    Move {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// Tick a checklist step (its index from `list`), or untick it with --undo.
    Tick {
        id: i64,
        #[arg(long)]
        step: u32,
        #[arg(long)]
        undo: bool,
    },
    /// Delete an activity.
    Delete { id: i64 },
    /// The activity types: [{"key", "name_zh", "name_en", "steps", "template_zh", "template_en", "budget"}].
    Types,
    /// The planner's settings (fan groups, slots, cadence, monthly cap); replace them with --set FILE.json.
    Settings {
        #[arg(long, value_name = "FILE.json")]
        set: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CouponAction {
    /// Every plan with its estimate now and its results: [{"id", "plan", "offer", "estimate", "results"}].
    List,
    /// Add a plan from a JSON file ({"name", "kind", "threshold", "amount" | "discount", "quantity",
    /// "valid_from", "valid_to", "target"}): {"id", "estimate"}.
    Add {
        #[arg(long, value_name = "FILE.json")]
        plan: std::path::PathBuf,
    },
    /// What a plan would cost (saves nothing): {"target_size", "redemption_rate", "expected_redemptions",
    /// "cost_low", "cost_expected", "cost_high", …}.
    Estimate {
        #[arg(long, value_name = "FILE.json")]
        plan: std::path::PathBuf,
    },
    /// Enter how many coupons were redeemed (--redeemed N), or take over the redemptions
    /// matched in the imported orders (--from-orders: orders that name the plan's code, or
    /// without a code whose shop discount is its offer): {"redeemed", "cost", "orders",
    /// "revenue", "roi", "source", "by_code", "by_offer"}.
    Results {
        id: i64,
        #[arg(long, allow_negative_numbers = true, required_unless_present = "from_orders")]
        redeemed: Option<i64>,
        #[arg(long, conflicts_with = "redeemed")]
        from_orders: bool,
    },
    /// Delete a plan.
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum CareRuleAction {
    /// Every rule: [{"id", "name", "trigger", …}].
    List,
    /// Add a rule from a JSON file: {"id"}.
    Add {
        #[arg(long, value_name = "FILE.json")]
        rule: std::path::PathBuf,
    },
    /// Delete a rule (what it planned goes; what went out stays).
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum TierAction {
    /// The saved ladder and customers per tier.
    Show,
    /// What a ladder would do (customers per tier, moves, revenue share, discount cost); saves nothing.
    Preview {
        #[arg(long, value_name = "FILE.json")]
        ladder: std::path::PathBuf,
    },
    /// Save a ladder and give every customer the tier the preview shows.
    Apply {
        #[arg(long, value_name = "FILE.json")]
        ladder: std::path::PathBuf,
    },
    /// A customer's tier changes (from, to, when, why); without --customer, the shop's latest.
    History {
        #[arg(long)]
        customer: Option<i64>,
        /// Without --customer: how many changes, newest first.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// The customers a ladder would move (largest value first); saves nothing.
    Movers {
        #[arg(long, value_name = "FILE.json")]
        ladder: std::path::PathBuf,
        #[arg(long, value_enum)]
        direction: MoverDirection,
        /// Only moves into this tier.
        #[arg(long)]
        tier: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Pin a customer to a tier by hand (kept through recomputes), or --unpin.
    Pin {
        #[arg(long)]
        customer: i64,
        #[arg(long, conflicts_with = "unpin")]
        tier: Option<String>,
        #[arg(long)]
        unpin: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum MoverDirection {
    Up,
    Down,
    Dropped,
}

#[derive(Debug, Subcommand)]
pub enum SegmentAction {
    /// Every saved segment.
    List,
    /// One segment's filter.
    Show { name: String },
    /// How many customers a segment (or --filter) holds now.
    Count {
        name: Option<String>,
        #[arg(long)]
        filter: Vec<String>,
        #[arg(long)]
        any: bool,
    },
    /// Save --filter conditions under a name (replacing a segment of that name).
    Save {
        name: String,
        #[arg(long)]
        filter: Vec<String>,
        #[arg(long)]
        any: bool,
    },
    /// Delete a segment.
    Delete { name: String },
}

#[derive(Debug, Subcommand)]
pub enum ShopAction {
    /// Every shop with its platform, orders, customers and settings.
    List,
    /// Change a shop (by name, or by id): --rename, --count-cod.
    Set {
        shop: String,
        /// The shop's platform, when two platforms have a shop of that name.
        #[arg(long)]
        platform: Option<String>,
        #[arg(long, value_name = "NAME")]
        rename: Option<String>,
        /// true: shipped cash-on-delivery orders count as purchases before they are marked paid.
        #[arg(long, value_name = "true|false")]
        count_cod: Option<bool>,
    },
}

/// The customers `laoke customers` lists and `laoke export` writes.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Text to find in nick, name, buyer id, phone, email, order numbers or notes.
    #[arg(long)]
    pub search: Option<String>,
    /// Only customers of this platform (taobao, tmall, pinduoduo, jd, douyin, shopify, woocommerce, etsy, generic).
    #[arg(long)]
    pub platform: Option<String>,
    /// A condition such as stage=loyal,active  value>=500  nick~江南  last_purchase:within_days:30,
    /// or a filter as JSON; repeat for more (all must hold, or any with --any).
    #[arg(long)]
    pub filter: Vec<String>,
    /// Customers matching any --filter instead of all.
    #[arg(long)]
    pub any: bool,
    /// Only customers in this saved segment (name or id).
    #[arg(long)]
    pub segment: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// List backups, newest first.
    List,
    /// Take a backup now: into the backup folder, or with --out to a file of your choice.
    Create {
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
    /// What a backup holds (a name from `backup list`, or a file): customers, orders, last
    /// import, schema version. Changes nothing.
    Preview { name: String },
    /// Replace the archive with a backup (a name from `backup list`, or a file); the current
    /// state is backed up first, and a backup of an older version is migrated.
    Restore { name: String },
    /// Show or change the automatic daily backup and how many backups are kept.
    Schedule {
        #[arg(long, value_name = "true|false")]
        daily: Option<bool>,
        /// Backups kept in the backup folder (1 to 365).
        #[arg(long)]
        keep: Option<u32>,
    },
}

/// The period and platform `laoke stats` and `laoke anomalies` count.
#[derive(Debug, clap::Args)]
pub struct StatsScope {
    /// The first day counted (YYYY-MM-DD, shop time); default the first order's.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// The last day counted; default the last order's.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Only the orders of this platform (taobao, tmall, pinduoduo, jd, douyin, shopify, woocommerce, etsy, generic).
    #[arg(long)]
    pub platform: Option<String>,
}

/// Encryption of the archive file; each replaces the file, so the app must be closed.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum EncryptionAction {
    /// Encrypt the archive and the backups in its folder with a passphrase (LAOKE_PASSPHRASE, or
    /// LAOKE_NEW_PASSPHRASE, or asked twice without echo). A lost passphrase cannot be recovered.
    /// Close the app first. {"archive", "encrypted", "backups_converted", "backups_already", "backups_unreadable"}.
    Encrypt,
    /// Decrypt the archive and its backups (the passphrase from LAOKE_PASSPHRASE or asked).
    Decrypt,
    /// Change the passphrase of the archive and its backups: the current one from LAOKE_PASSPHRASE
    /// (or asked), the new one from LAOKE_NEW_PASSPHRASE (or asked twice).
    Rekey,
}
