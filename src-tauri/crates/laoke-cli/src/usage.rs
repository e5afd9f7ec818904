//! What the command line can get wrong before the store is asked anything: an
//! argument that does not parse, a limit above the maximum. Each failure has
//! its own code (scripts branch on it; `tests/locales.rs` checks that the UI's
//! locale files word every code, these included).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
pub enum UsageError {
    #[strum(serialize = "cli.limit_too_large")]
    #[error("--limit is at most {max} here")]
    LimitTooLarge { max: u32, limit: u32 },
    #[strum(serialize = "cli.filter_syntax")]
    #[error("--filter {text:?}: {reason}")]
    FilterSyntax { text: String, reason: String },
    #[strum(serialize = "cli.mapping_file")]
    #[error("{file}: {reason}")]
    MappingFile { file: String, reason: String },
    #[strum(serialize = "import.invalid_format")]
    #[error("{reason}")]
    ImportFormat { value: String, reason: String },
    #[strum(serialize = "demo.invalid_as_of")]
    #[error("--as-of {value:?} is not an RFC 3339 time: {reason}")]
    DemoAsOf { value: String, reason: String },
    #[strum(serialize = "stages.invalid_date")]
    #[error("--as-of {value:?} is not a YYYY-MM-DD date")]
    StagesDate { value: String },
    #[strum(serialize = "predict.invalid_date")]
    #[error("--as-of {value:?} is not a YYYY-MM-DD date")]
    PredictDate { value: String },
    #[strum(serialize = "stages.invalid_threshold")]
    #[error("--set {value:?}: write KEY=DAYS, KEY one of new_days, active_days, churn_days, loyal_purchases")]
    StagesThreshold { value: String },
    #[strum(serialize = "segments.usage")]
    #[error("give a segment name or --filter, not both")]
    SegmentOrFilter,
    #[strum(serialize = "tiers.pin")]
    #[error("give --tier NAME or --unpin")]
    PinWhat,
    #[strum(serialize = "tiers.ladder_file")]
    #[error("{file}: {reason}")]
    LadderFile { file: String, reason: String },
    #[strum(serialize = "shop.invalid_platform")]
    #[error("unknown platform {value:?}")]
    ShopPlatform { value: String },
    #[strum(serialize = "shop.ambiguous")]
    #[error("several platforms have a shop named {name:?}: add --platform")]
    ShopAmbiguous { name: String },
    #[strum(serialize = "settings.set_syntax")]
    #[error("--set expects KEY=VALUE, not {value:?}")]
    SetSyntax { value: String },
    #[strum(serialize = "settings.unknown_key")]
    #[error(
        "unknown setting {key:?}; the settings are shop_name, timezone, currency, language, theme, care.* and smtp.*"
    )]
    UnknownSetting { key: String },
    #[strum(serialize = "export.invalid_kind")]
    #[error("export {value:?}: write customers or orders")]
    ExportKind { value: String },
    #[strum(serialize = "export.invalid_format")]
    #[error("--format {value:?}: write csv or xlsx")]
    ExportFormat { value: String },
    #[strum(serialize = "customers.invalid_sort")]
    #[error("cannot sort by {value:?}; use one of {fields}")]
    SortField { value: String, fields: String },
    #[strum(serialize = "customers.invalid_sort_direction")]
    #[error("direction must be asc or desc, not {value:?}")]
    SortDirection { value: String },
    #[strum(serialize = "customers.invalid_platform")]
    #[error("unknown platform {value:?}")]
    CustomersPlatform { value: String },
    #[strum(serialize = "cli.invalid_date")]
    #[error("{flag} {value:?} is not a YYYY-MM-DD date")]
    InvalidDate { flag: &'static str, value: String },
    #[strum(serialize = "care.rule_file")]
    #[error("{file}: {reason}")]
    RuleFile { file: String, reason: String },
    #[strum(serialize = "activities.file")]
    #[error("{file}: {reason}")]
    ActivityFile { file: String, reason: String },
    #[strum(serialize = "coupons.file")]
    #[error("{file}: {reason}")]
    CouponFile { file: String, reason: String },
    #[strum(serialize = "care.dates_file")]
    #[error("{file}: {reason}")]
    DatesFile { file: String, reason: String },
    #[strum(serialize = "settings.value_invalid")]
    #[error("{key}: {value:?} is not a {expected}")]
    SettingValue { key: String, value: String, expected: &'static str },
    #[strum(serialize = "customers.bulk_action")]
    #[error("say what to do: one of --dnd on|off, --tag T, --untag T")]
    BulkWhat,
    #[strum(serialize = "customers.bulk_dnd")]
    #[error("--dnd takes on or off, not {value:?}")]
    BulkDnd { value: String },
    /// The output could not be written (a full disk); a closed pipe is no failure.
    #[strum(serialize = "io.write")]
    #[error("cannot write the output: {reason}")]
    Write { reason: String },
}

laoke_core::coded_errors!(UsageError);
