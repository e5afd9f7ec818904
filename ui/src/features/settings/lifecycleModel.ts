// Lifecycle thresholds in the browser: Rust's verdict on them (every preview checks them), and the before → after
// rows of a preview.
import type { StagePreview } from "../../bindings/StagePreview";
import type { ErrorDto } from "../../bindings/ErrorDto";
import type { StageThresholds } from "../../bindings/StageThresholds";
import { toErrorDto } from "../../app/errors";

export type ThresholdField = keyof StageThresholds;
/** What the form holds: an InputNumber that was cleared gives null. */
export type Draft = { [K in ThresholdField]: number | null };

export const FIELDS: ReadonlyArray<{ field: ThresholdField; unit: "days" | "purchases" }> = [
  { field: "new_days", unit: "days" },
  { field: "active_days", unit: "days" },
  { field: "churn_days", unit: "days" },
  { field: "loyal_purchases", unit: "purchases" },
];

/** The stages in the order a seller reads them (Rust's `Stage::ALL`). */
export const STAGES = ["potential", "new", "active", "loyal", "sleeping", "churned"] as const;

/** The first field that holds no whole number (a cleared box): such a draft cannot even be sent to Rust. */
export function blankField(d: Draft): ThresholdField | null {
  const blank = FIELDS.find(({ field }) => { const v = d[field]; return v === null || !Number.isInteger(v) || v < 0; });
  return blank?.field ?? null;
}

/** The draft as thresholds Rust can judge (its `StageThresholds::validate`, run by every preview). */
export function asThresholds(d: Draft): StageThresholds | null {
  return blankField(d) ? null : (d as StageThresholds);
}

/** The `lifecycle.*` error a preview was refused with, or null for any other outcome. */
export function thresholdProblem(e: unknown): ErrorDto | null {
  const dto = toErrorDto(e);
  return dto.code.startsWith("lifecycle.") ? dto : null;
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
