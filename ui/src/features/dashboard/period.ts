// The dashboard's period and series step: quick presets as shop-time days (`YYYY-MM-DD`, both ends included),
// calendar arithmetic on those days, and the step chosen for a span when the seller has not chosen one.
// Pure: "today" is passed in.

export type Granularity = "day" | "week" | "month";
export type Preset = "last30" | "last90" | "thisYear" | "lastYear" | "all";
export const PRESETS: readonly Preset[] = ["last30", "last90", "thisYear", "lastYear", "all"];

/** A period: null ends reach the first or last order. */
export type Period = { from: string | null; to: string | null };
export const ALL_TIME: Period = { from: null, to: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function parseDay(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The calendar day `n` days after (before, when negative) `day`. */
export const addDays = (day: string, n: number): string => {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / 86_400_000);

/** Today in the shop's time zone, `YYYY-MM-DD`. */
export function shopToday(timeZone: string, now: Date = new Date()): string {
  const day = (zone: string) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("year")}-${part("month")}-${part("day")}`;
  };
  try {
    return day(timeZone);
  } catch {
    return day("UTC"); // an unknown zone name
  }
}

/** The days a preset covers on `today`. */
export function presetPeriod(preset: Preset, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case "last30": return { from: addDays(today, -29), to: today };
    case "last90": return { from: addDays(today, -89), to: today };
    case "thisYear": return { from: `${year}-01-01`, to: today };
    case "lastYear": return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "all": return ALL_TIME;
  }
}

/** The preset a period is, on `today`, if any. */
export function presetOf(period: Period, today: string): Preset | null {
  return PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  }) ?? null;
}

/** The first and last day of calendar month `month` (`YYYY-MM`) moved by `offset` months. */
export function monthDays(month: string, offset = 0): [string, string] {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const first = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return [iso(first), iso(last)];
}

/** `YYYY-MM` moved by `offset` months. */
export const addMonths = (month: string, offset: number): string => monthDays(month, offset)[0].slice(0, 7);

/**
 * The series step that suits a span of days: days up to three months, weeks up to a year, months beyond.
 * `from`/`to` are the days the dashboard counted (its open ends filled in).
 */
export function autoGranularity(from: string | null, to: string | null): Granularity {
  if (!from || !to) return "month";
  const span = daysBetween(from, to) + 1;
  return span <= 92 ? "day" : span <= 366 ? "week" : "month";
}
