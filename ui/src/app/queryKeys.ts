// Query keys of every server query. The first element is the data-changed tag that makes it stale.
import type { CustomerQuery } from "../bindings/CustomerQuery";
import type { DashboardQuery } from "../bindings/DashboardQuery";
import type { ImportRequest } from "../bindings/ImportRequest";

export const queryKeys = {
  info: () => ["info"] as const,
  /** Whether the archive is encrypted and unlocked: under "info", which a restore or an unlock makes stale. */
  archiveLock: () => ["info", "archive-lock"] as const,
  settings: () => ["settings"] as const,
  /** The backup folder's backups: under "info" (a restore, an import, a bulk change each leave a new one there). */
  backups: () => ["info", "backups"] as const,
  /** The daily backup and how many backups are kept (changed only here, and by a restore's settings). */
  backupSchedule: () => ["settings", "backup-schedule"] as const,
  /** The dashboard of a scope and period: the whole query is the key. */
  dashboard: (query: DashboardQuery | null = null) => ["stats", "dashboard", query] as const,
  /** The repeat buyers slipping away (forecast from the orders, so stale with the stats). */
  slippingAway: (limit: number) => ["stats", "slipping-away", limit] as const,
  shops: () => ["shops", "list"] as const,
  customers: (query: CustomerQuery) => ["customers", query] as const,
  profile: (id: number) => ["customers", "profile", id] as const,
  tags: () => ["customers", "tags"] as const,
  stageThresholds: () => ["customers", "stage-thresholds"] as const,
  stagePreview: (t: unknown) => ["customers", "stage-preview", t] as const,
  rfm: () => ["customers", "rfm"] as const,
  segments: () => ["segments", "list"] as const,
  segmentCount: (filter: unknown) => ["customers", "segment-count", filter] as const,
  careRules: () => ["care", "rules"] as const,
  careDay: (date: string) => ["care", "day", date] as const,
  careCalendar: (from: string, to: string) => ["care", "calendar", from, to] as const,
  /** A rule as edited: Rust's check, and its message for one customer (null: the one with most purchases). */
  careRuleCheck: (rule: unknown) => ["care", "rule-check", rule] as const,
  careRulePreview: (rule: unknown, customerId: number | null) => ["care", "rule-preview", rule, customerId] as const,
  /**
   * The festivals of the coming year (for the rule editor's festival list and the rules' descriptions). Under
   * "settings": they change with the shop's own dates, not with the outbox, which the scheduler touches every round.
   */
  careFestivals: (from: string, to: string) => ["settings", "care-festivals", from, to] as const,
  /** The shop's own festival dates; under "settings" with the festivals they add to. */
  shopDates: () => ["settings", "shop-dates"] as const,
  /** The activity planner: its span of days, the types, the settings, an activity as edited, a day's steps. */
  activityCalendar: (from: string, to: string) => ["activities", "calendar", from, to] as const,
  activityTypes: () => ["activities", "types"] as const,
  activitySettings: () => ["activities", "settings"] as const,
  activityPreview: (activity: unknown) => ["activities", "preview", activity] as const,
  activitySteps: (date: string) => ["activities", "steps", date] as const,
  couponPlans: () => ["coupons", "plans"] as const,
  /** A plan as edited: Rust's check and its cost before it goes out. */
  couponEstimate: (plan: unknown) => ["coupons", "estimate", plan] as const,
  importHistory: () => ["imports", "history"] as const,
  mappingPresets: () => ["imports", "presets"] as const,
  /** Not under "imports": a preview reads a file, not the archive, so imports do not make it stale. */
  importPreview: (path: string, request: ImportRequest) => ["import-preview", path, request] as const,
  /** What a backup file holds; reads the file, not the archive, so no data-changed tag makes it stale. */
  backupPreview: (path: string) => ["backup-preview", path] as const,
};
