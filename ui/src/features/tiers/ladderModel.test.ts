// Tier ladder model: the same checks as Rust's TierLadder::validate, discount display, preview rows and counts.
import { describe, expect, it } from "vitest";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierPreview } from "../../bindings/TierPreview";
import {
  changedCustomers, discountParts, ladderReason, newTier, previewRows, sameLadder, validateLadder, withSuggestions,
} from "./ladderModel";

const rule = (name: string, discount: string, min_value: string | null = null) =>
  ({ ...newTier(undefined, name), discount, min_value });
const ladder = (...tiers: TierLadder["tiers"]): TierLadder => ({ window: "lifetime", review: "yearly", grace_days: 30, tiers });

describe("validateLadder", () => {
  it("accepts a ladder with deeper discounts going up", () => {
    expect(validateLadder(ladder(rule("A", "0.98", "1"), rule("B", "0.95", "500"), rule("C", "0.95")))).toBeNull();
  });
  it("needs 2 to 8 tiers", () => {
    expect(validateLadder(ladder(rule("A", "1")))).toEqual({ reason: "count", count: 1 });
    const nine = Array.from({ length: 9 }, (_, i) => rule(`T${i}`, "1"));
    expect(validateLadder(ladder(...nine))).toEqual({ reason: "count", count: 9 });
  });
  it("needs unique, non-empty names of at most 20 characters", () => {
    expect(validateLadder(ladder(rule("A", "1"), rule("  ", "1")))).toEqual({ reason: "name", tier: 2 });
    expect(validateLadder(ladder(rule("A", "1"), rule(" A ", "1")))).toEqual({ reason: "name", tier: 2 });
    expect(validateLadder(ladder(rule("会".repeat(21), "1"), rule("B", "1")))).toEqual({ reason: "name", tier: 1 });
  });
  it("needs discounts in (0, 1], never shallower than the tier below", () => {
    expect(validateLadder(ladder(rule("A", "0"), rule("B", "0.9")))).toEqual({ reason: "discount", tier: 1 });
    expect(validateLadder(ladder(rule("A", "1"), rule("B", "1.01")))).toEqual({ reason: "discount", tier: 2 });
    expect(validateLadder(ladder(rule("A", "1"), rule("B", "")))).toEqual({ reason: "discount", tier: 2 });
    expect(validateLadder(ladder(rule("A", "0.9"), rule("B", "0.95")))).toEqual({ reason: "shallower", tier: 2 });
  });
  it("refuses negative minimums", () => {
    expect(validateLadder(ladder(rule("A", "1", "-1"), rule("B", "1")))).toEqual({ reason: "negative", tier: 1 });
  });
});

describe("discountParts", () => {
  it("formats 折 and % off from the string", () => {
    expect(discountParts("0.95")).toEqual({ zhe: "95", off: "5" });
    expect(discountParts("0.9")).toEqual({ zhe: "9", off: "10" });
    expect(discountParts("0.88")).toEqual({ zhe: "88", off: "12" });
    expect(discountParts("0.855")).toEqual({ zhe: "85.5", off: "14.5" });
    expect(discountParts("1")).toBeNull();
    expect(discountParts("")).toBeNull();
  });
});

describe("ladder helpers", () => {
  it("fills min values of tiers 2… from suggestions and compares ladders", () => {
    const l = ladder(rule("A", "1", "1"), rule("B", "0.9", "500"), rule("C", "0.8"));
    const s = withSuggestions(l, ["380", "2100"]);
    expect(s.tiers.map((t) => t.min_value)).toEqual(["1", "380", "2100"]);
    expect(sameLadder(l, s)).toBe(false);
    expect(sameLadder(l, ladder(...l.tiers))).toBe(true);
  });
  it("builds preview rows with a no-tier row and counts who changes tier", () => {
    const p: TierPreview = {
      as_of: "2026-03-01", no_tier: 10, no_tier_now: 20, dropped: 3, suggested_min_values: [],
      tiers: [
        { name: "A", customers: 50, customers_now: 45, moved_up: 8, moved_down: 1, revenue_share: "0.3", discount_cost: "12.00" },
        { name: "B", customers: 5, customers_now: 8, moved_up: 0, moved_down: 0, revenue_share: "0.7", discount_cost: "99.50" },
      ],
    };
    const rows = previewRows(p);
    expect(rows.map((r) => [r.name, r.now, r.after])).toEqual([["A", 45, 50], ["B", 8, 5], [null, 20, 10]]);
    expect(changedCustomers(p)).toBe(12);
  });
  it("reads the reason of a settings.invalid ladder error only", () => {
    expect(ladderReason({ code: "settings.invalid", message: "x", details: { field: "ladder", reason: "tier 2: bad" } }))
      .toBe("tier 2: bad");
    expect(ladderReason({ code: "settings.invalid", message: "x", details: { field: "other", reason: "r" } })).toBeNull();
    expect(ladderReason({ code: "internal", message: "x", details: null })).toBeNull();
  });
});
