// Tier ladder logic in the browser: the checks Rust's `TierLadder::validate` makes, discount display, and preview rows.
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierPreview } from "../../bindings/TierPreview";
import type { TierRule } from "../../bindings/TierRule";
import { toErrorDto } from "../../app/errors";

/** Query keys: under "customers" so data-changed events and an apply make them stale. */
export const tierKeys = {
  state: () => ["customers", "tiers", "state"] as const,
  preview: (ladder: unknown) => ["customers", "tiers", "preview", ladder] as const,
  movers: (ladder: unknown, target: unknown) => ["customers", "tiers", "movers", ladder, target] as const,
  scale: (window: string) => ["customers", "tiers", "scale", window] as const,
  recent: () => ["customers", "tiers", "recent"] as const,
};

export const MIN_TIERS = 2;
export const MAX_TIERS = 8;
export const MAX_NAME = 20;

/** Why a ladder cannot be used; `tier` is 1-based like Rust's messages. */
export type Problem =
  | { reason: "count"; count: number }
  | { reason: "name"; tier: number }
  | { reason: "discount"; tier: number }
  | { reason: "negative"; tier: number }
  | { reason: "shallower"; tier: number };

/** A discount string as a ratio (for comparing only; never money); NaN when it is not a number. */
const ratio = (d: string): number => (d.trim() === "" ? NaN : Number(d));

/** The first problem, in Rust's order; null when the ladder can be previewed and applied. */
export function validateLadder(l: TierLadder): Problem | null {
  const n = l.tiers.length;
  if (n < MIN_TIERS || n > MAX_TIERS) return { reason: "count", count: n };
  for (let i = 0; i < n; i++) {
    const t = l.tiers[i];
    const name = t.name.trim();
    const repeated = l.tiers.slice(0, i).some((o) => o.name.trim() === name);
    if (name === "" || [...name].length > MAX_NAME || repeated) return { reason: "name", tier: i + 1 };
    const d = ratio(t.discount);
    if (!(d > 0 && d <= 1)) return { reason: "discount", tier: i + 1 };
    if ((t.min_value !== null && ratio(t.min_value) < 0) || (t.min_purchases !== null && t.min_purchases < 0)) {
      return { reason: "negative", tier: i + 1 };
    }
    if (i > 0 && d > ratio(l.tiers[i - 1].discount)) return { reason: "shallower", tier: i + 1 };
  }
  return null;
}

export const sameLadder = (a: TierLadder, b: TierLadder): boolean => JSON.stringify(a) === JSON.stringify(b);

/** "95" and "5" for 0.95 (95折, 5 % off); "9" and "10" for 0.9; null for no discount or not a number. */
export function discountParts(discount: string): { zhe: string; off: string } | null {
  const d = ratio(discount);
  if (!(d > 0 && d < 1)) return null;
  const pay = Math.round(d * 10000) / 100; // percent paid, for display only
  const zhe = pay % 10 === 0 ? String(pay / 10) : String(pay);
  const off = String(Math.round((100 - pay) * 100) / 100);
  return { zhe, off };
}

/** A new top tier: no thresholds yet, the same discount as the tier below (so the ladder stays valid). */
export function newTier(below: TierRule | undefined, name: string): TierRule {
  return {
    name, min_value: null, min_purchases: null, combine: "or",
    discount: below?.discount ?? "1", benefits: "", color: null,
  };
}

/** The ladder with min values of tiers 2… taken from Rust's suggestions (tier 1 keeps its own). */
export function withSuggestions(l: TierLadder, suggested: string[]): TierLadder {
  return {
    ...l,
    tiers: l.tiers.map((t, i) => (i > 0 && suggested[i - 1] !== undefined ? { ...t, min_value: suggested[i - 1] } : t)),
  };
}

export type PreviewRow = {
  key: string; name: string | null; now: number; after: number; up: number; down: number;
  share: string | null; cost: string | null;
};

/** One row per tier (lowest first) and a last row for customers with no tier. */
export function previewRows(p: TierPreview): PreviewRow[] {
  const rows: PreviewRow[] = p.tiers.map((o) => ({
    key: `tier:${o.name}`, name: o.name, now: o.customers_now, after: o.customers,
    up: o.moved_up, down: o.moved_down, share: o.revenue_share, cost: o.discount_cost,
  }));
  rows.push({ key: "none", name: null, now: p.no_tier_now, after: p.no_tier, up: 0, down: p.dropped, share: null, cost: null });
  return rows;
}

/** How many customers would change tier: each ends in a tier (moved up or down into it) or drops to none. */
export const changedCustomers = (p: TierPreview): number =>
  p.tiers.reduce((sum, o) => sum + o.moved_up + o.moved_down, 0) + p.dropped;

/** The reason text of a `settings.invalid` error about the ladder, or null for any other error. */
export function ladderReason(e: unknown): string | null {
  const dto = toErrorDto(e);
  if (dto.code !== "settings.invalid") return null;
  const d = dto.details as { field?: unknown; reason?: unknown } | null;
  if (d && d.field === "ladder" && typeof d.reason === "string") return d.reason;
  return null;
}
