//! The data that crosses the IPC boundary (and the CLI's `--json` output).
//! Every type derives `ts_rs::TS`; `cargo test` writes their TypeScript twins to
//! `ui/src/bindings/`. Money is `Decimal` and crosses as a string; counts are
//! plain JSON numbers.

mod activity;
mod calendar;
mod care;
mod coupon;
mod customer;
mod data;
mod demo;
mod event;
mod import;
mod info;
mod lifecycle;
mod menu;
mod order;
mod prediction;
mod profile;
mod segment;
mod settings;
mod shop;
mod stats;
mod tiers;

pub use activity::{
    Activity, ActivityCalendar, ActivityResults, ActivitySettings, ActivityStepItem, ActivityType, ActivityView,
    Attribution, BudgetLine, Clash, FanGroup, MonthSuggestion, Slot, Step, StepDue, StepKind, Suggestion,
    TypeBudgetLine, Why,
};
pub use calendar::{DayKind, Festival, FestivalKind, ShopDate, StatutoryDay};
pub use care::{
    CareDay, CareDayRule, CareMessage, CarePlan, CarePreview, CareRule, CareSettings, Channel, EmailReport,
    FailedEmail, MessageStatus, Milestone, Priority, SkipReason, Target, Trigger,
};
pub use coupon::{CouponEstimate, CouponKind, CouponPlan, CouponResults, CouponView, RateSource, ResultSource};
pub use customer::{CustomerPage, CustomerQuery, CustomerRow};
pub use data::{ArchiveLock, BackupPreview, BackupSchedule, ExportFormat, ExportKind, ExportReport, ExportRequest};
pub use demo::{DemoProgress, DemoReport, DemoRequest};
pub use event::{DataChanged, DataTag};
pub use import::{
    FileReport, ImportBatch, ImportPreview, ImportProgress, ImportReport, ImportRequest, MappingPreset, PreviewOrder,
    PreviewShop, ShopMatch,
};
pub use info::{DbInfo, RowCounts};
pub use lifecycle::{RecomputeReport, RfmSummary, StageCounts, StageMove, StagePreview};
pub use menu::MenuLabels;
pub use order::{OrderLineView, OrderView};
pub use prediction::{CustomerForecast, Prediction, PredictionModel};
pub use profile::{
    BulkAction, BulkTarget, CustomerProfile, Identity, ItemBought, MergeSuggestion, NoteView, ProfileEdit,
    ProfileFacts, ProfileOrder, StageChangeView,
};
pub use segment::{Segment, SegmentCount};
pub use settings::{Settings, SmtpSecurity, SmtpSettings, Theme};
pub use shop::{ShopUpdate, ShopView};
pub use stats::{
    Anomaly, AnomalyMetric, ChurnCost, Cohort, Dashboard, DashboardQuery, PlatformCount, RollingRepurchase,
    SeriesPoint, ShopCount, ShopStats,
};
pub use tiers::{
    MoveDirection, TierChangeReason, TierChangeRow, TierChangeView, TierCount, TierMove, TierMoverQuery, TierMoves,
    TierOutcome, TierPreview, TierState,
};
