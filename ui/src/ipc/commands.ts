// Typed one-line wrappers around the Rust commands (`invoke`); the only place command names appear.
import { invoke } from "@tauri-apps/api/core";
import type { ArchiveLock } from "../bindings/ArchiveLock";
import type { EncryptionReport } from "../bindings/EncryptionReport";
import type { Activity } from "../bindings/Activity";
import type { ActivityCalendar } from "../bindings/ActivityCalendar";
import type { ActivityResults } from "../bindings/ActivityResults";
import type { ActivitySettings } from "../bindings/ActivitySettings";
import type { ActivityStepItem } from "../bindings/ActivityStepItem";
import type { ActivityType } from "../bindings/ActivityType";
import type { ActivityView } from "../bindings/ActivityView";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { BackupPreview } from "../bindings/BackupPreview";
import type { BackupSchedule } from "../bindings/BackupSchedule";
import type { ExportReport } from "../bindings/ExportReport";
import type { ExportRequest } from "../bindings/ExportRequest";
import type { CouponEstimate } from "../bindings/CouponEstimate";
import type { CouponPlan } from "../bindings/CouponPlan";
import type { CouponResults } from "../bindings/CouponResults";
import type { CouponView } from "../bindings/CouponView";
import type { MonthSuggestion } from "../bindings/MonthSuggestion";
import type { CustomerPage } from "../bindings/CustomerPage";
import type { CustomerQuery } from "../bindings/CustomerQuery";
import type { Dashboard } from "../bindings/Dashboard";
import type { DashboardQuery } from "../bindings/DashboardQuery";
import type { DbInfo } from "../bindings/DbInfo";
import type { Prediction } from "../bindings/Prediction";
import type { DemoReport } from "../bindings/DemoReport";
import type { DemoRequest } from "../bindings/DemoRequest";
import type { ImportBatch } from "../bindings/ImportBatch";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import type { ImportRequest } from "../bindings/ImportRequest";
import type { MappingPreset } from "../bindings/MappingPreset";
import type { MenuLabels } from "../bindings/MenuLabels";
import type { Settings } from "../bindings/Settings";
import type { ShopUpdate } from "../bindings/ShopUpdate";
import type { ShopView } from "../bindings/ShopView";
import type { BulkAction } from "../bindings/BulkAction";
import type { BulkTarget } from "../bindings/BulkTarget";
import type { CustomerProfile } from "../bindings/CustomerProfile";
import type { Filter } from "../bindings/Filter";
import type { MergeSuggestion } from "../bindings/MergeSuggestion";
import type { TierChangeRow } from "../bindings/TierChangeRow";
import type { TierChangeView } from "../bindings/TierChangeView";
import type { TierMoverQuery } from "../bindings/TierMoverQuery";
import type { TierMoves } from "../bindings/TierMoves";
import type { TierWindow } from "../bindings/TierWindow";
import type { TierLadder } from "../bindings/TierLadder";
import type { TierPreview } from "../bindings/TierPreview";
import type { TierState } from "../bindings/TierState";
import type { ProfileEdit } from "../bindings/ProfileEdit";
import type { RecomputeReport } from "../bindings/RecomputeReport";
import type { RfmSummary } from "../bindings/RfmSummary";
import type { Segment } from "../bindings/Segment";
import type { SegmentCount } from "../bindings/SegmentCount";
import type { StagePreview } from "../bindings/StagePreview";
import type { StageThresholds } from "../bindings/StageThresholds";
import type { CareDay } from "../bindings/CareDay";
import type { CareMessage } from "../bindings/CareMessage";
import type { CarePreview } from "../bindings/CarePreview";
import type { CareRule } from "../bindings/CareRule";
import type { Festival } from "../bindings/Festival";
import type { ShopDate } from "../bindings/ShopDate";
import type { Channel } from "../bindings/Channel";
import type { EmailReport } from "../bindings/EmailReport";
import type { Priority } from "../bindings/Priority";

export const appInfo = () => invoke<DbInfo>("app_info");
/** The figures of every shop, or of the shops with these ids. */
export const dashboard = (query: DashboardQuery) => invoke<Dashboard>("dashboard", { query });
/** The model and up to `limit` repeat buyers with P(alive) below one half, best spenders first. */
export const slippingAway = (limit: number) => invoke<Prediction>("slipping_away", { limit });
export const shopsList = () => invoke<ShopView[]>("shops_list");
export const shopUpdate = (id: number, change: ShopUpdate) => invoke<ShopView>("shop_update", { id, change });
export const customersPage = (query: CustomerQuery) => invoke<CustomerPage>("customers_page", { query });
export const demoCreate = (request: DemoRequest) => invoke<DemoReport>("demo_create", { request });
export const settingsGet = () => invoke<Settings>("settings_get");
export const settingsUpdate = (settings: Settings) => invoke<Settings>("settings_update", { settings });
/** The native menu bar and about box in the language the UI shows (`menu.json`'s labels). */
export const menuSetLanguage = (labels: MenuLabels) => invoke<void>("menu_set_language", { labels });
export const importPreview = (path: string, request: ImportRequest) =>
  invoke<ImportPreview>("import_preview", { path, request });
export const importFiles = (paths: string[], request: ImportRequest) =>
  invoke<ImportReport>("import_files", { paths, request });
export const importCancel = () => invoke<void>("import_cancel");
export const importHistory = () => invoke<ImportBatch[]>("import_history");
export const mappingPresets = () => invoke<MappingPreset[]>("mapping_presets");
export const mappingSave = (preset: MappingPreset) => invoke<void>("mapping_save", { preset });
export const customerProfile = (id: number) => invoke<CustomerProfile>("customer_profile", { id });
export const customerUpdate = (id: number, edit: ProfileEdit) => invoke<void>("customer_update", { id, edit });
export const customerTag = (id: number, tag: string) => invoke<void>("customer_tag", { id, tag });
export const customerUntag = (id: number, tag: string) => invoke<void>("customer_untag", { id, tag });
export const customerNoteAdd = (id: number, body: string) => invoke<void>("customer_note_add", { id, body });
export const tagsList = () => invoke<string[]>("tags_list");
export const customersBulk = (action: BulkAction, target: BulkTarget) =>
  invoke<number>("customers_bulk", { action, target });
export const customersExport = (target: BulkTarget, path: string) =>
  invoke<number>("customers_export", { target, path });
export const segmentsList = () => invoke<Segment[]>("segments_list");
export const segmentSave = (name: string, filter: Filter) => invoke<Segment>("segment_save", { name, filter });
export const segmentDelete = (id: number) => invoke<void>("segment_delete", { id });
export const segmentCount = (filter: Filter) => invoke<SegmentCount>("segment_count", { filter });
export const stageThresholdsGet = () => invoke<StageThresholds>("stage_thresholds_get");
export const stagePreview = (thresholds: StageThresholds) => invoke<StagePreview>("stage_preview", { thresholds });
export const stageThresholdsSet = (thresholds: StageThresholds) =>
  invoke<RecomputeReport>("stage_thresholds_set", { thresholds });
export const rfmSummary = () => invoke<RfmSummary>("rfm_summary");
export const mergeSuggestions = () => invoke<MergeSuggestion[]>("merge_suggestions");
export const customersMerge = (target: number, others: number[]) => invoke<void>("customers_merge", { target, others });
export const customerUnmerge = (id: number) => invoke<void>("customer_unmerge", { id });
export const tierState = () => invoke<TierState>("tier_state");
export const tierPreview = (ladder: TierLadder) => invoke<TierPreview>("tier_preview", { ladder });
export const tierApply = (ladder: TierLadder) => invoke<TierPreview>("tier_apply", { ladder });
export const tierHistory = (customer: number) => invoke<TierChangeView[]>("tier_history", { customer });
export const tierPin = (customer: number, tier: string | null) => invoke<void>("tier_pin", { customer, tier });
export const tierMovers = (ladder: TierLadder, query: TierMoverQuery) => invoke<TierMoves>("tier_movers", { ladder, query });
export const tierValueScale = (window: TierWindow) => invoke<string[]>("tier_value_scale", { window });
export const tierChangesRecent = (limit: number, skipLadder: boolean) =>
  invoke<TierChangeRow[]>("tier_changes_recent", { limit, skipLadder });

// Care: rules (checked and previewed by Rust as they are edited), the calendar, a day's worklist, the outbox.
export const careRules = () => invoke<CareRule[]>("care_rules");
export const careRuleCheck = (rule: CareRule) => invoke<null>("care_rule_check", { rule });
export const careRuleSave = (rule: CareRule) => invoke<CareRule>("care_rule_save", { rule });
export const careRuleEnable = (id: number, enabled: boolean) => invoke<CareRule>("care_rule_enable", { id, enabled });
export const careRuleDelete = (id: number) => invoke<void>("care_rule_delete", { id });
/** The rule's message for a real customer: the one with the most purchases when `customerId` is null. */
export const careRulePreview = (rule: CareRule, customerId: number | null) =>
  invoke<CarePreview>("care_rule_preview", { rule, customerId });
/** Days `from..=to` (YYYY-MM-DD, shop time), planned first. */
export const careCalendar = (from: string, to: string) => invoke<CareDay[]>("care_calendar", { from, to });
/** The festivals of days `from..=to`, the shop's own dates included; nothing is planned. */
export const careFestivals = (from: string, to: string) => invoke<Festival[]>("care_festivals", { from, to });
/** The shop's own festival dates (店庆, 会员日…); saving replaces them all and returns the saved list. */
export const shopDates = () => invoke<ShopDate[]>("shop_dates");
export const shopDatesSave = (dates: ShopDate[]) => invoke<ShopDate[]>("shop_dates_save", { dates });
/** Today's messages due by now and waiting for the seller (the badge before the scheduler's first report). */
export const careDue = () => invoke<number>("care_due");
/** Every message of one day (YYYY-MM-DD), planned first. */
export const careDay = (date: string) => invoke<CareMessage[]>("care_day", { date });
export const careMarkCopied = (keys: string[]) => invoke<CareMessage[]>("care_mark_copied", { keys });
export const careExportSms = (date: string, path: string) => invoke<number>("care_export_sms", { date, path });
export const careSendEmail = (date: string) => invoke<EmailReport>("care_send_email", { date });
export const careRetry = (keys: string[]) => invoke<number>("care_retry", { keys });
export const careRecordManual = (customerId: number, channel: Channel, priority: Priority, text: string) =>
  invoke<CareMessage>("care_record_manual", { customerId, channel, priority, text });
/** Keeps the SMTP password in the OS keychain (an empty one removes it). */
export const smtpPasswordSave = (password: string) => invoke<void>("smtp_password_save", { password });
export const smtpTest = (to: string, subject: string, text: string) => invoke<void>("smtp_test", { to, subject, text });

// Activities: the planner's span of days (activities, festivals, days off), the types, the settings, and an
// activity's life (a new one from its type, check with preview, save, move, tick, results).
export const activityCalendar = (from: string, to: string) => invoke<ActivityCalendar>("activity_calendar", { from, to });
export const activityTypes = () => invoke<ActivityType[]>("activity_types");
export const activityTypeSave = (activityType: ActivityType) => invoke<ActivityType[]>("activity_type_save", { activityType });
export const activityTypeReset = (key: string) => invoke<ActivityType[]>("activity_type_reset", { key });
export const activitySettings = () => invoke<ActivitySettings>("activity_settings");
export const activitySettingsSave = (settings: ActivitySettings) =>
  invoke<ActivitySettings>("activity_settings_save", { settings });
export const activityNew = (kind: string, date: string) => invoke<Activity>("activity_new", { kind, date });
export const activityPreview = (activity: Activity) => invoke<ActivityView>("activity_preview", { activity });
export const activitySave = (activity: Activity) => invoke<ActivityView>("activity_save", { activity });
export const activityMove = (id: number, date: string) => invoke<ActivityView>("activity_move", { id, date });
export const activityDelete = (id: number) => invoke<void>("activity_delete", { id });
export const activityTick = (id: number, step: number, done: boolean) =>
  invoke<ActivityView>("activity_tick", { id, step, done });
export const activityResults = (id: number, participants: number, newMembers: number) =>
  invoke<ActivityResults>("activity_results", { id, participants, newMembers });
export const activitySuggest = (month: string) => invoke<MonthSuggestion>("activity_suggest", { month });
export const activitySteps = (date: string) => invoke<ActivityStepItem[]>("activity_steps", { date });

// Coupon plans: the list with estimates and results, an estimate before saving, results entered by hand or taken over
// from the redemptions matched in the imported orders.
export const couponPlans = () => invoke<CouponView[]>("coupon_plans");
export const couponEstimate = (plan: CouponPlan) => invoke<CouponEstimate>("coupon_estimate", { plan });
export const couponSave = (plan: CouponPlan) => invoke<CouponView>("coupon_save", { plan });
export const couponDelete = (id: number) => invoke<void>("coupon_delete", { id });
export const couponResults = (id: number, redeemed: number) => invoke<CouponResults>("coupon_results", { id, redeemed });
export const couponResultsFromOrders = (id: number) => invoke<CouponResults>("coupon_results_from_orders", { id });

// The encrypted archive: whether it is locked, unlocking it at start, and encryption turned on, to a new passphrase, or off
// (each rewrites the archive and its backups).
export const archiveLock = () => invoke<ArchiveLock>("archive_lock");
export const archiveUnlock = (passphrase: string) => invoke<void>("archive_unlock", { passphrase });
export const encryptionEnable = (passphrase: string) => invoke<EncryptionReport>("encryption_enable", { passphrase });
export const encryptionChange = (current: string, next: string) =>
  invoke<EncryptionReport>("encryption_change", { current, next });
export const encryptionDisable = (current: string) => invoke<EncryptionReport>("encryption_disable", { current });

// Backups and exports: the backup folder's automatic backups (newest first), a backup now (to a chosen file, or into the
// folder with `null`), what a backup file holds, a restore (the current state backed up first), the daily schedule, and
// customers or orders written to CSV or XLSX.
export const backups = () => invoke<BackupInfo[]>("backups");
export const backupCreate = (path: string | null) => invoke<BackupInfo | null>("backup_create", { path });
export const backupPreview = (path: string) => invoke<BackupPreview>("backup_preview", { path });
export const backupRestore = (path: string) => invoke<BackupPreview>("backup_restore", { path });
export const backupSchedule = () => invoke<BackupSchedule>("backup_schedule");
export const backupScheduleSave = (schedule: BackupSchedule) => invoke<BackupSchedule>("backup_schedule_save", { schedule });
export const exportData = (request: ExportRequest) => invoke<ExportReport>("export_data", { request });
