// Tier ladder model: the same checks as Rust's TierLadder::validate, discount display, preview rows and counts.
import { describe, expect, it } from "vitest";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierPreview } from "../../bindings/TierPreview";
import {
  changedCustomers, discountParts, ladderProblem, newTier, previewRows, sameLadder, unsendable, withSuggestions,
} from "./ladderModel";

const rule = (name: string, discount: string, min_value: string | null = null) =>
  ({ ...newTier(undefined, name), discount, min_value });
const ladder = (...tiers: TierLadder["tiers"]): TierLadder => ({ window: "lifetime", review: "yearly", grace_days: 30, tiers });

describe("unsendable", () => {
  it("names the first tier whose discount is no number, as Rust words an out-of-range discount", () => {
    expect(unsendable(ladder(rule("A", "0.98", "1"), rule("B", "0.95", "500")))).toBeNull();
    expect(unsendable(ladder(rule("A", "1"), rule("B", "")))).toEqual({ code: "ladder.discount_range", message: "", details: { tier: 2 } });
    // Out of range but a number: Rust's to judge.
    expect(unsendable(ladder(rule("A", "0"), rule("B", "0.9")))).toBeNull();
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
  it("takes a ladder.* error as the ladder's problem, and no other", () => {
    const refused = { code: "ladder.discount_not_deeper", message: "x", details: { tier: 3, previous: 2 } };
    expect(ladderProblem(refused)).toEqual(refused);
    expect(ladderProblem({ code: "internal", message: "x", details: null })).toBeNull();
  });
});
