// Lifecycle thresholds in the browser: the same checks Rust makes, and the before → after rows of a preview.
import type { StagePreview } from "../../bindings/StagePreview";
import type { StageThresholds } from "../../bindings/StageThresholds";

export type ThresholdField = keyof StageThresholds;
/** What the form holds: an InputNumber that was cleared gives null. */
export type Draft = { [K in ThresholdField]: number | null };

export const FIELDS: ReadonlyArray<{ field: ThresholdField; min: number; max: number; unit: "days" | "purchases" }> = [
  { field: "new_days", min: 1, max: 3650, unit: "days" },
  { field: "active_days", min: 1, max: 3650, unit: "days" },
  { field: "churn_days", min: 1, max: 3650, unit: "days" },
  { field: "loyal_purchases", min: 2, max: 1000, unit: "purchases" },
];

/** The stages in the order a seller reads them (Rust's `Stage::ALL`). */
export const STAGES = ["potential", "new", "active", "loyal", "sleeping", "churned"] as const;

/** Why thresholds cannot be used: a field out of its range, or churn not after active. */
export type Problem =
  | { reason: "range"; field: ThresholdField; min: number; max: number }
  | { reason: "order" };

/** The first problem, checked like `StageThresholds::validate` in Rust; null when the values can be used. */
export function validateThresholds(d: Draft): Problem | null {
  for (const { field, min, max } of FIELDS) {
    const v = d[field];
    if (v === null || !Number.isInteger(v) || v < min || v > max) return { reason: "range", field, min, max };
  }
  if ((d.churn_days as number) <= (d.active_days as number)) return { reason: "order" };
  return null;
}

/** The draft as thresholds once it is valid. */
export function asThresholds(d: Draft): StageThresholds | null {
  return validateThresholds(d) ? null : (d as StageThresholds);
}

export function sameThresholds(a: Draft, b: Draft): boolean {
  return FIELDS.every(({ field }) => a[field] === b[field]);
}

export type PreviewRow = { stage: string; now: number; after: number; change: number };

/** One row per stage (known stages first, then any other key Rust sent), with the change in customers. */
export function previewRows(p: Pick<StagePreview, "current" | "proposed">): PreviewRow[] {
  const extra = [...Object.keys(p.current), ...Object.keys(p.proposed)]
    .filter((s, i, all) => !(STAGES as readonly string[]).includes(s) && all.indexOf(s) === i);
  return [...STAGES, ...extra].map((stage) => {
    const now = p.current[stage] ?? 0;
    const after = p.proposed[stage] ?? 0;
    return { stage, now, after, change: after - now };
  });
}

/** How many customers would change stage (each customer moves at most once). */
export const movedCustomers = (p: Pick<StagePreview, "moves">): number =>
  p.moves.reduce((sum, m) => sum + m.customers, 0);

/** "+1,234" / "−56" / "0" for the change column (a real minus sign). */
export function formatChange(n: number, locale: string): string {
  const abs = new Intl.NumberFormat(locale).format(Math.abs(n));
  return n > 0 ? `+${abs}` : n < 0 ? `\u2212${abs}` : abs;
}
