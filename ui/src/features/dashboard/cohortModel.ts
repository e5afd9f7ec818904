// The cohort table's cells and heat colours. Retention shares arrive as decimal strings; Number() only decides a
// cell's shade, the shown text is the string formatted.
import type { Cohort } from "../../bindings/Cohort";

export type CohortCell = { index: number; rate: string; share: number };
export type CohortRow = { month: string; buyers: number; cells: Array<CohortCell | null> };

/** One row per cohort, each with as many cells as the longest (null where its months have not come yet). */
export function cohortRows(cohorts: Cohort[]): { rows: CohortRow[]; width: number; max: number } {
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  let max = 0;
  const rows = cohorts.map((c) => ({
    month: c.month,
    buyers: c.buyers,
    cells: Array.from({ length: width }, (_, index) => {
      const rate = c.retention[index];
      if (rate === undefined) return null;
      const share = Number(rate);
      const safe = Number.isFinite(share) ? share : 0;
      max = Math.max(max, safe);
      return { index, rate, share: safe };
    }),
  }));
  return { rows, width, max };
}

/** A cell's shade: the brand colour, stronger the closer its share is to the table's best. */
export function heat(share: number, max: number, dark: boolean): { background: string; color?: string } {
  if (share <= 0 || max <= 0) return { background: "transparent" };
  const strength = Math.min(1, share / max);
  const alpha = 0.12 + 0.78 * strength;
  return {
    background: dark ? `rgba(234, 122, 63, ${alpha.toFixed(3)})` : `rgba(194, 65, 12, ${alpha.toFixed(3)})`,
    ...(alpha > 0.5 ? { color: "#fff" } : {}),
  };
}
