//! What the seller typed or asked for that cannot be kept: a tag too long, a
//! segment without a name, a customer merged twice. One variant per failure
//! the seller can tell apart, each with its own code (the UI words it from
//! `errors.<code>` with the variant's fields as parameters); the limits live in
//! the modules that check them.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
pub enum EditError {
    #[strum(serialize = "tag.empty")]
    #[error("a tag cannot be empty")]
    TagEmpty,
    #[strum(serialize = "tag.too_long")]
    #[error("a tag has at most {max} characters")]
    TagTooLong { max: usize },
    #[strum(serialize = "segment.name_empty")]
    #[error("a segment needs a name")]
    SegmentNameEmpty,
    #[strum(serialize = "segment.name_too_long")]
    #[error("a segment name has at most {max} characters")]
    SegmentNameTooLong { max: usize },
    #[strum(serialize = "preset.name_empty")]
    #[error("a column mapping needs a name")]
    PresetNameEmpty,
    #[strum(serialize = "preset.name_too_long")]
    #[error("a column mapping's name has at most {max} characters")]
    PresetNameTooLong { max: usize },
    /// `field` is the profile field (`name`, `phone`, `address`…).
    #[strum(serialize = "profile.too_long")]
    #[error("{field}: at most {max} characters")]
    ProfileTooLong { field: &'static str, max: usize },
    #[strum(serialize = "profile.email_invalid")]
    #[error("email: {value:?} is not an email address (it has no @)")]
    EmailInvalid { value: String },
    #[strum(serialize = "profile.gender_invalid")]
    #[error("gender: {value:?} is not f, m or empty")]
    GenderInvalid { value: String },
    #[strum(serialize = "profile.birthday_invalid")]
    #[error("birthday: {value:?} is not a date YYYY-MM-DD (lunar: a month and day of the lunar calendar)")]
    BirthdayInvalid { value: String },
    #[strum(serialize = "merge.target_merged")]
    #[error("customer {customer} is merged into another customer, so nothing can be merged into it")]
    MergeTargetMerged { customer: i64 },
    #[strum(serialize = "merge.already_merged")]
    #[error("customer {customer} is already merged into another customer")]
    AlreadyMerged { customer: i64 },
    #[strum(serialize = "merge.not_merged")]
    #[error("customer {customer} is not merged into anyone")]
    NotMerged { customer: i64 },
    #[strum(serialize = "tier.not_in_ladder")]
    #[error("no tier named {tier:?} in the ladder")]
    TierNotInLadder { tier: String },
    #[strum(serialize = "settings.shop_name_too_long")]
    #[error("the shop name has at most {max} characters")]
    ShopNameTooLong { max: usize },
    #[strum(serialize = "settings.timezone_invalid")]
    #[error("{value:?} is not an IANA time zone such as Asia/Shanghai")]
    TimezoneInvalid { value: String },
    #[strum(serialize = "settings.currency_invalid")]
    #[error("{value:?} is not a three-letter ISO 4217 code such as CNY")]
    CurrencyInvalid { value: String },
    #[strum(serialize = "settings.language_invalid")]
    #[error("{value:?} is not a language Laoke speaks (zh-CN, en-US or none)")]
    LanguageInvalid { value: String },
    #[strum(serialize = "settings.theme_invalid")]
    #[error("{value:?} is not a theme: system, light or dark")]
    ThemeInvalid { value: String },
    #[strum(serialize = "settings.quiet_hours_invalid")]
    #[error("quiet hours: {value:?} is not a time of day (HH:MM)")]
    QuietHoursInvalid { value: String },
    #[strum(serialize = "settings.care_cap_out_of_range")]
    #[error("{field}: at most {max} messages a week")]
    CareCapOutOfRange { field: &'static str, max: u32 },
    #[strum(serialize = "settings.sms_signature_too_long")]
    #[error("the SMS signature has at most {max} characters, without 【】")]
    SmsSignatureTooLong { max: usize },
    #[strum(serialize = "settings.smtp_from_invalid")]
    #[error("{value:?} is not a sender address (shop@example.com or Name <shop@example.com>)")]
    SmtpFromInvalid { value: String },
    #[strum(serialize = "settings.smtp_host_invalid")]
    #[error("{value:?} is not a mail server's host name")]
    SmtpHostInvalid { value: String },
    #[strum(serialize = "demo.customers_out_of_range")]
    #[error("the demo shop has 1 to {max} customers, not {customers}")]
    DemoCustomers { customers: u32, max: u32 },
}

laoke_core::coded_errors!(EditError);
