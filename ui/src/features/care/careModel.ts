// The Care page's vocabulary and small pure helpers: channels, trigger kinds and template variables (each list
// checked against the generated union at compile time), a new rule's defaults and the starter rules, days in the
// shop's time zone, grouping a day's messages, and the shop's own dates (their key, in words). No rule is checked
// here: Rust checks and previews every rule.
import type { TFunction } from "i18next";
import type { CareMessage } from "../../bindings/CareMessage";
import type { CareRule } from "../../bindings/CareRule";
import type { Channel } from "../../bindings/Channel";
import type { Milestone } from "../../bindings/Milestone";
import type { MessageStatus } from "../../bindings/MessageStatus";
import type { ShopDate } from "../../bindings/ShopDate";
import type { SkipReason } from "../../bindings/SkipReason";
import type { Trigger } from "../../bindings/Trigger";
import type { Variable } from "../../bindings/Variable";

/** Compiles only when `Missing` is `never`: a list below that forgets a member of its union fails the build. */
type Exhaustive<Missing> = [Missing] extends [never] ? true : { missing: Missing };
const exhaustive = <Missing>(ok: Exhaustive<Missing>) => ok;

/** The channels in the order the worklist shows them: the ones the seller pastes by hand first. */
export const CHANNELS = ["wangwang", "wechat", "sms", "email"] as const satisfies readonly Channel[];
exhaustive<Exclude<Channel, (typeof CHANNELS)[number]>>(true);

/** Every `{variable}` a template can name, in the order the chips show them. */
export const VARIABLES = [
  "nick", "name", "tier", "coupon", "shop", "festival", "last_item", "days_since",
] as const satisfies readonly Variable[];
exhaustive<Exclude<Variable, (typeof VARIABLES)[number]>>(true);

export type TriggerKind = Trigger["kind"];
export const TRIGGER_KINDS = [
  "birthday", "festival", "after_purchase", "became_sleeping", "tier_upgrade", "anniversary", "unpaid", "campaign",
] as const satisfies readonly TriggerKind[];
exhaustive<Exclude<TriggerKind, (typeof TRIGGER_KINDS)[number]>>(true);

export const MILESTONES = ["paid", "shipped", "completed"] as const satisfies readonly Milestone[];
exhaustive<Exclude<Milestone, (typeof MILESTONES)[number]>>(true);

export const SKIP_REASONS = [
  "dnd", "no_address", "cap", "marketing_cap", "sms_daily", "marketing_after_purchase",
] as const satisfies readonly SkipReason[];
exhaustive<Exclude<SkipReason, (typeof SKIP_REASONS)[number]>>(true);

/** Statuses of a message that has gone out, or may have. */
export const GONE_OUT: readonly MessageStatus[] = ["copied", "exported", "sent", "ambiguous"];

/** A trigger of `kind` with its usual numbers, keeping what `from` already says where it fits. */
export function triggerOf(kind: TriggerKind, from?: Trigger, today = "2026-01-01"): Trigger {
  const days = from && "days_before" in from ? from.days_before
    : from && "days_after" in from ? from.days_after
      : from && "days" in from ? from.days : 0;
  switch (kind) {
    case "festival": return { kind, key: from?.kind === "festival" ? from.key : "mid_autumn", days_before: days };
    case "birthday": return { kind, days_before: days };
    case "anniversary": return { kind, days_before: days };
    case "after_purchase": return { kind, days: days || 7, from: from?.kind === "after_purchase" ? from.from : "shipped" };
    case "became_sleeping": return { kind, days_after: days };
    case "tier_upgrade": return { kind, days_after: days };
    case "unpaid": return { kind, minutes: from?.kind === "unpaid" ? from.minutes : 60 };
    case "campaign": return { kind, date: from?.kind === "campaign" ? from.date : today };
  }
}

/** The numbers a trigger carries, by field name (for its editor). */
export function triggerNumbers(trigger: Trigger): { field: "days_before" | "days_after" | "days" | "minutes"; value: number }[] {
  switch (trigger.kind) {
    case "festival": case "birthday": case "anniversary": return [{ field: "days_before", value: trigger.days_before }];
    case "after_purchase": return [{ field: "days", value: trigger.days }];
    case "became_sleeping": case "tier_upgrade": return [{ field: "days_after", value: trigger.days_after }];
    case "unpaid": return [{ field: "minutes", value: trigger.minutes }];
    case "campaign": return [];
  }
}

/** A blank new rule: a birthday greeting on Wangwang at 10:00, everyone, care. */
export function newRule(): CareRule {
  return {
    name: "", trigger: { kind: "birthday", days_before: 0 }, target: null, channel: "wangwang", send_at: "10:00",
    priority: "care", template: "", working_days_only: false, auto_send: false, enabled: true,
  };
}

/** Ready-made rules a seller often starts from; names and texts are in care.json (`care.starter.<id>`). */
export type Starter = { id: string; rule: Omit<CareRule, "name" | "template"> };

export const STARTERS: readonly Starter[] = [
  { id: "birthday", rule: { ...newRule(), trigger: { kind: "birthday", days_before: 0 }, channel: "wangwang", send_at: "10:00" } },
  {
    id: "followUp",
    rule: { ...newRule(), trigger: { kind: "after_purchase", days: 7, from: "shipped" }, channel: "wangwang", send_at: "19:30" },
  },
  {
    id: "winBack",
    rule: { ...newRule(), trigger: { kind: "became_sleeping", days_after: 3 }, channel: "wechat", send_at: "20:00", priority: "marketing" },
  },
  {
    id: "midAutumn",
    rule: { ...newRule(), trigger: { kind: "festival", key: "mid_autumn", days_before: 2 }, channel: "wechat", send_at: "10:00" },
  },
];

/** A starter as a rule in the seller's language; the English version only where it differs from the main text. */
export function starterRule(s: Starter, t: TFunction): CareRule {
  const template = t(`care.starter.${s.id}.template`);
  const templateEn = t(`care.starter.${s.id}.templateEn`);
  const coupon = t(`care.starter.${s.id}.coupon`);
  return {
    ...s.rule,
    name: t(`care.starter.${s.id}.name`),
    template,
    ...(templateEn !== template ? { template_en: templateEn } : {}),
    ...(template.includes("{coupon}") && coupon ? { coupon } : {}),
  };
}

/** The emptied number boxes of a rule (the one thing the UI keeps: an empty box cannot be sent at all). */
export function blankNumbers(rule: CareRule): string[] {
  return triggerNumbers(rule.trigger).filter((n) => typeof n.value !== "number" || !Number.isFinite(n.value)).map((n) => n.field);
}

/** A rule without the fields that do not apply to its channel, as it is saved and previewed. */
export function cleanRule(rule: CareRule): CareRule {
  const out: CareRule = { ...rule };
  if (rule.channel !== "email") {
    delete out.subject;
    out.auto_send = false;
  }
  for (const k of ["template_en", "subject", "coupon"] as const) if (out[k] !== undefined && out[k]!.trim() === "") delete out[k];
  if (rule.trigger.kind !== "unpaid" && rule.priority === "transactional") out.priority = "care";
  return out;
}

/** Today's date (YYYY-MM-DD) in the shop's time zone (from the parts: how a locale joins them differs by engine). */
export function todayIn(timeZone: string, now = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "12月4日 周五" / "Fri, Dec 4": a calendar day in the UI's language. */
export function formatDay(date: string, locale: string, withYear = false): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, {
    ...(withYear ? { year: "numeric" } : {}), month: "short", day: "numeric", weekday: "short", timeZone: "UTC",
  }).format(d);
}

/** The wall-clock time of a message's due instant, as Rust wrote it with the shop's offset ("10:00"). */
export function dueTime(due: string): string {
  const m = /T(\d{2}:\d{2})/.exec(due);
  return m ? m[1] : due;
}

export type ChannelGroup = { channel: Channel; messages: CareMessage[] };

/** The day's messages that are not skipped, one group per channel that has any, in `CHANNELS` order, by due time. */
export function groupByChannel(messages: readonly CareMessage[]): ChannelGroup[] {
  const byDue = [...messages].filter((m) => m.status !== "skipped").sort((a, b) => a.due.localeCompare(b.due));
  return CHANNELS.map((channel) => ({ channel, messages: byDue.filter((m) => m.channel === channel) }))
    .filter((g) => g.messages.length > 0);
}

/** The festival names of a language: name_zh in Chinese, name_en otherwise. */
export const festivalName = (f: { name_zh: string; name_en: string }, lang: string) =>
  (lang.startsWith("zh") ? f.name_zh : f.name_en);

/** A trigger in words: "中秋节前 2 天", "发货后 7 天", "生日当天". */
export function describeTrigger(t: TFunction, trigger: Trigger, festival: (key: string) => string, date: (d: string) => string): string {
  const same = (days: number) => (days === 0 ? "Same" : "");
  switch (trigger.kind) {
    case "festival":
      return t(`care.trigger.describe.festival${same(trigger.days_before)}`, { festival: festival(trigger.key), days: trigger.days_before });
    case "birthday":
    case "anniversary":
      return t(`care.trigger.describe.${trigger.kind}${same(trigger.days_before)}`, { days: trigger.days_before });
    case "after_purchase":
      return t(`care.trigger.describe.after_purchase${same(trigger.days)}`, {
        milestone: t(`care.milestone.${trigger.from}`), days: trigger.days,
      });
    case "became_sleeping":
    case "tier_upgrade":
      return t(`care.trigger.describe.${trigger.kind}${same(trigger.days_after)}`, { days: trigger.days_after });
    case "unpaid":
      return t("care.trigger.describe.unpaid", { minutes: trigger.minutes });
    case "campaign":
      return t("care.trigger.describe.campaign", { date: date(trigger.date) });
  }
}

/**
 * The key of a date the seller adds, from the date itself: `shop_lunar_08_08` (every year, lunar), `shop_11_20`,
 * `shop_2026_11_20` (once), then `_2`, `_3`… when `taken`. Rust allows lowercase letters, digits and `_`, up to 40,
 * and no built-in festival's key (none starts with `shop_`). A saved date keeps its key: rules name it by it.
 */
export function shopDateKey(d: Pick<ShopDate, "month" | "day" | "year" | "lunar">, taken: Iterable<string>): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const base = ["shop", ...(d.lunar ? ["lunar"] : []), ...(d.year === null ? [] : [String(d.year)]), two(d.month), two(d.day)].join("_");
  const used = new Set(taken);
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** A shop's date in words: "每年 农历八月初八" / "Yearly, lunar 8/8", "仅一次 2026年11月20日" / "Once, 11/20/2026". */
export function describeShopDate(t: TFunction, d: ShopDate): string {
  const { month, day, year } = d;
  if (!d.lunar) return year === null ? t("care.shopDates.when.yearly", { month, day }) : t("care.shopDates.when.once", { month, day, year });
  const lunar = { month: t(`care.shopDates.lunarMonth.${month}`), day: t(`care.shopDates.lunarDay.${day}`) };
  return year === null ? t("care.shopDates.when.yearlyLunar", lunar) : t("care.shopDates.when.onceLunar", { ...lunar, year });
}
