// Tier ladder logic in the browser: Rust's verdict on a ladder, discount display, and preview rows.
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierPreview } from "../../bindings/TierPreview";
import type { TierRule } from "../../bindings/TierRule";
import type { ErrorDto } from "../../bindings/ErrorDto";
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

/** Why a ladder cannot be used: a `ladder.*` error from Rust (`TierLadder::validate`, run by every preview). */
export type Problem = ErrorDto;

/** A discount string as a ratio (for comparing only; never money); NaN when it is not a number. */
const ratio = (d: string): number => (d.trim() === "" ? NaN : Number(d));

/**
 * A ladder that cannot even be sent (a discount field left empty is no decimal), worded as Rust words the
 * out-of-range discount; every rule about a ladder that can be sent is Rust's alone.
 */
export function unsendable(l: TierLadder): Problem | null {
  const i = l.tiers.findIndex((t) => Number.isNaN(ratio(t.discount)));
  return i < 0 ? null : { code: "ladder.discount_range", message: "", details: { tier: i + 1 } };
}

/** The `ladder.*` error a preview or an apply was refused with, or null for any other outcome. */
export function ladderProblem(e: unknown): Problem | null {
  const dto = toErrorDto(e);
  return dto.code.startsWith("ladder.") ? dto : null;
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
