// The activity planner's pure helpers: the month and week grids (weeks start on Monday), the festival, promotion and
// statutory layer of each day, the reasons and warnings as i18n keys with their parameters, step names, an activity
// from a suggestion, and what the editor holds back because it cannot be sent at all. No activity is checked here:
// Rust checks and previews every one.
import type { Activity } from "../../bindings/Activity";
import type { ActivityType } from "../../bindings/ActivityType";
import type { AnnouncementVariable } from "../../bindings/AnnouncementVariable";
import type { Attribution } from "../../bindings/Attribution";
import type { Clash } from "../../bindings/Clash";
import type { Festival } from "../../bindings/Festival";
import type { StatutoryDay } from "../../bindings/StatutoryDay";
import type { StepKind } from "../../bindings/StepKind";
import type { Suggestion } from "../../bindings/Suggestion";
import type { Why } from "../../bindings/Why";
import { addDays } from "../care/careModel";

/** Compiles only when `Missing` is `never`: a list below that forgets a member of its union fails the build. */
type Exhaustive<Missing> = [Missing] extends [never] ? true : { missing: Missing };
const exhaustive = <Missing>(ok: Exhaustive<Missing>) => ok;

/** Every `{variable}` an announcement can name, in the order the chips show them. */
export const ANNOUNCEMENT_VARIABLES = ["shop", "title", "date", "time", "budget", "coupon"] as const satisfies readonly AnnouncementVariable[];
exhaustive<Exclude<AnnouncementVariable, (typeof ANNOUNCEMENT_VARIABLES)[number]>>(true);

export const STEP_KINDS = [
  "pre_announce", "prepare_prizes", "reminder", "run", "announce_winners", "follow_up", "custom",
] as const satisfies readonly StepKind[];
exhaustive<Exclude<StepKind, (typeof STEP_KINDS)[number]>>(true);

export const ATTRIBUTIONS = ["target", "group_segments", "group_platforms", "everyone"] as const satisfies readonly Attribution[];
exhaustive<Exclude<Attribution, (typeof ATTRIBUTIONS)[number]>>(true);

export type CalendarView = "month" | "week";

/** Day of the week, Monday = 0 … Sunday = 6. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The Monday of the week `date` is in. */
export const mondayOf = (date: string) => addDays(date, -weekday(date));

/** `YYYY-MM` moved by `months`. */
export function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/** The weeks the calendar shows around `anchor`: the whole weeks (Monday first) covering its month, or its week. */
export function gridWeeks(view: CalendarView, anchor: string): string[][] {
  const first = view === "month" ? mondayOf(`${anchor.slice(0, 7)}-01`) : mondayOf(anchor);
  if (view === "week") return [Array.from({ length: 7 }, (_, i) => addDays(first, i))];
  const month = anchor.slice(0, 7);
  const weeks: string[][] = [];
  for (let monday = first; monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** Where the calendar goes from `anchor` with previous (−1) or next (+1): a month or a week. */
export function stepAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  return view === "month" ? `${shiftMonth(anchor.slice(0, 7), direction)}-01` : addDays(anchor, 7 * direction);
}

/** A promotion's run over several days: from its start to its main day, or from its main day to its end. */
export function runOf(f: Festival): { from: string; to: string } | null {
  if (f.kind !== "promotion") return null;
  if (f.start && f.start < f.date) return { from: f.start, to: f.date };
  if (f.end && f.end > f.date) return { from: f.date, to: f.end };
  return null;
}

/** A promotion running over a day; `label` is true where its name is written (its first day in each week row). */
export type RunMark = { festival: Festival; label: boolean };

/** What lies under a day's activities: its festivals, the promotions running over it, and a statutory day off or make-up working day. */
export type DayLayer = { festivals: Festival[]; runs: RunMark[]; statutory: StatutoryDay | null };

/** The festival layer of every day of `weeks`. */
export function layDays(weeks: readonly (readonly string[])[], festivals: readonly Festival[], statutory: readonly StatutoryDay[]): Map<string, DayLayer> {
  const out = new Map<string, DayLayer>();
  const runs = festivals.map((f) => ({ festival: f, run: runOf(f) })).filter((r) => r.run !== null);
  for (const week of weeks) {
    for (const [i, day] of week.entries()) {
      out.set(day, {
        festivals: festivals.filter((f) => f.date === day),
        runs: runs
          .filter((r) => r.run!.from <= day && day <= r.run!.to)
          // One run per key: a festival listed again (the same promotion, another query) is drawn once.
          .filter((r, j, all) => all.findIndex((x) => x.festival.key === r.festival.key) === j)
          .map((r) => ({ festival: r.festival, label: i === 0 || day === r.run!.from })),
        statutory: statutory.find((s) => s.date === day && (s.kind === "holiday_off" || s.kind === "makeup_workday")) ?? null,
      });
    }
  }
  return out;
}

/** An i18n key and its parameters (`count` picks the plural form). */
export type Words = { key: string; params: Record<string, string | number> };

/** How a reason and a warning name things: festivals by key, money and months formatted for display. */
export type Namer = { festival: (key: string) => string; money: (amount: string) => string; month: (month: string) => string };

/** Why a day was suggested, in words. */
export function whyWords(why: Why, name: Namer): Words {
  switch (why.kind) {
    case "return_period":
    case "before_festival":
      return { key: `activities.why.${why.kind}`, params: { festival: name.festival(why.festival), count: why.days } };
    case "weekend":
    case "spacing":
      return { key: `activities.why.${why.kind}`, params: {} };
  }
}

/** What the planner warns of, in words. */
export function clashWords(clash: Clash, name: Namer): Words {
  switch (clash.kind) {
    case "promotion_day":
      return { key: "activities.clash.promotion_day", params: { festival: name.festival(clash.festival) } };
    case "same_day":
      return { key: "activities.clash.same_day", params: { title: clash.title } };
    case "too_close":
      return { key: "activities.clash.too_close", params: { title: clash.title, count: clash.days } };
    case "over_budget":
      return { key: "activities.clash.over_budget", params: { month: name.month(clash.month), total: name.money(clash.total), cap: name.money(clash.cap) } };
  }
}

/** A step's name: the seller's words when it has them, else its kind's name. */
export function stepWords(step: { kind: StepKind; label?: string | null }): Words | string {
  const label = step.label?.trim();
  return label ? label : { key: `activities.step.${step.kind}`, params: {} };
}

/** "2026-12-05T19:30:00" → { date: "2026-12-05", time: "19:30" }. */
export function dueParts(due: string): { date: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(due);
  return m ? { date: m[1], time: m[2] } : { date: due.slice(0, 10), time: "" };
}

/**
 * A suggestion as an activity to save: the type's own new activity for that day (its steps, its announcement in the
 * seller's language, its attribution) with the suggestion's title, slot and budget.
 */
export function fromSuggestion(base: Activity, s: Suggestion): Activity {
  return { ...base, title: s.title, date: s.date, slot_start: s.slot_start, slot_end: s.slot_end, budget: s.budget.map((l) => ({ ...l })) };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether a typed amount can be sent as a decimal at all (Rust judges its value). */
export const isDecimalText = (s: string) => DECIMAL.test(s.trim());

/**
 * What keeps an activity from being sent at all: a budget amount that is no number (1-based line), an emptied number
 * box. Everything else — an empty title, a reversed slot, a negative amount — is Rust's to refuse.
 */
export function unsendable(a: Activity): Words | null {
  const line = a.budget.findIndex((l) => !isDecimalText(l.amount));
  if (line >= 0) return { key: "activities.editor.budgetNotNumber", params: { line: line + 1 } };
  if (!Number.isFinite(a.attribution_days) || a.steps.some((s) => !Number.isFinite(s.offset_days))) {
    return { key: "activities.editor.needNumber", params: {} };
  }
  return null;
}

/** An activity as it is previewed and saved: trimmed amounts, no empty optional fields, groups or a target. */
export function cleanActivity(a: Activity): Activity {
  const out: Activity = {
    ...a,
    budget: a.budget.map((l) => ({ label: l.label, amount: l.amount.trim() })),
    steps: a.steps.map((s) => {
      const step = { ...s };
      if (!step.at) delete step.at;
      if (step.kind !== "custom" && !step.label?.trim()) delete step.label;
      return step;
    }),
  };
  if (out.target) out.groups = [];
  else delete out.target;
  if (out.coupon_plan === undefined || out.coupon_plan === null) delete out.coupon_plan;
  return out;
}

/** A new type's key from its English name: lowercase letters, digits and `_` ("Lucky Draw!" → "lucky_draw"), at most 40. */
export function suggestTypeKey(nameEn: string): string {
  return nameEn.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40).replace(/_+$/, "");
}

/**
 * What keeps a type from being sent at all: a budget amount that is no number (1-based line), an emptied number box,
 * or a new type's key that another type already has (saving would overwrite it). Everything else is Rust's to refuse.
 */
export function typeUnsendable(t: ActivityType, isNew: boolean, keys: readonly string[]): Words | null {
  const line = t.budget.findIndex((l) => !isDecimalText(l.amount));
  if (line >= 0) return { key: "activities.editor.budgetNotNumber", params: { line: line + 1 } };
  if (t.steps.some((s) => !Number.isFinite(s.offset_days))) return { key: "activities.editor.needNumber", params: {} };
  if (isNew && keys.includes(t.key.trim())) return { key: "activities.types.keyTaken", params: { key: t.key.trim() } };
  return null;
}

/** A type as it is saved: trimmed key, names and amounts, steps not done and without empty optional fields. */
export function cleanType(t: ActivityType): ActivityType {
  return {
    ...t,
    key: t.key.trim(),
    name_zh: t.name_zh.trim(),
    name_en: t.name_en.trim(),
    budget: t.budget.map((l) => ({ label_zh: l.label_zh, label_en: l.label_en, amount: l.amount.trim() })),
    steps: t.steps.map((s) => {
      const step = { ...s, done: false };
      if (!step.at) delete step.at;
      if (step.kind !== "custom" && !step.label?.trim()) delete step.label;
      return step;
    }),
  };
}
