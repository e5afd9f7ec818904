// The coupon form: a plan is sent with only its kind's value and no empty optional fields; a number box holding no
// number, or an emptied quantity, is held back (everything else is Rust's to refuse); targets and rate sources in words;
// what the imported orders matched is offered unless the results already are it.
import { describe, expect, it } from "vitest";
import type { CouponResults } from "../../bindings/CouponResults";
import { formOf, matchedBreakdown, newForm, offersMatched, planOf, rateSourceWords, targetWords } from "./couponModel";

describe("coupon form", () => {
  it("sends an amount-off plan with its amount only, and a discount with its discount only", () => {
    const form = { ...newForm("2026-12-03"), name: "回归券", threshold: "99", amount: "15", discount: "0.9", code: " " };
    expect(planOf(form)).toEqual({ plan: {
      name: "回归券", kind: "amount_off", threshold: "99", amount: "15", quantity: 100, valid_from: "2026-12-03", valid_to: "2026-12-17",
      target: null,
    } });
    const discount = planOf({ ...form, kind: "discount", threshold: "", code: "VIP9" });
    expect(discount).toEqual({ plan: expect.objectContaining({ kind: "discount", threshold: "0", discount: "0.9", code: "VIP9" }) });
    expect("plan" in discount && discount.plan).not.toHaveProperty("amount");
  });

  it("leaves an empty amount for Rust to refuse, and holds back what is no number", () => {
    const form = { ...newForm("2026-12-03"), name: "x" };
    expect("plan" in planOf(form) && planOf(form)).not.toHaveProperty("plan.amount");
    expect(planOf({ ...form, amount: "15元" })).toEqual({ hold: { key: "coupons.editor.notNumber", field: "amount" } });
    expect(planOf({ ...form, threshold: "满99" })).toEqual({ hold: { key: "coupons.editor.notNumber", field: "threshold" } });
    expect(planOf({ ...form, quantity: null })).toEqual({ hold: { key: "coupons.editor.needQuantity" } });
    expect("plan" in planOf({ ...form, threshold: "-1", amount: "200", quantity: 0 })).toBe(true);
  });

  it("round-trips a saved plan through the form", () => {
    const plan = { id: 4, name: "VIP", kind: "discount" as const, threshold: "0", discount: "0.90", quantity: 50,
      valid_from: "2026-12-10", valid_to: "2026-12-14", target: { tier: "VIP2" } };
    expect(planOf(formOf(plan))).toEqual({ plan });
  });

  it("says whom a plan is for and where its rate comes from", () => {
    expect(targetWords(null).key).toBe("coupons.target.everyone");
    expect(targetWords({ segment: "沉睡老客" })).toEqual({ key: "coupons.target.segment", params: { name: "沉睡老客" } });
    expect(targetWords({ tier: "VIP2" })).toEqual({ key: "coupons.target.tier", params: { name: "VIP2" } });
    expect(rateSourceWords({ rate_source: "history", history_plans: 3 })).toEqual({ key: "coupons.estimate.source.history", params: { count: 3 } });
    expect(rateSourceWords({ rate_source: "default", history_plans: 0 }).key).toBe("coupons.estimate.source.default");
  });

  it("words how the orders matched, and offers the match unless the results already are it", () => {
    const matched: CouponResults = { redeemed: 3, cost: "45.00", orders: 3, revenue: "540.00", roi: "11.0000", source: "orders", by_code: 3, by_offer: 0 };
    expect(matchedBreakdown(matched)).toEqual({ key: "coupons.matched.byCode", code: 3, offer: 0 });
    expect(matchedBreakdown({ by_code: 0, by_offer: 2 })?.key).toBe("coupons.matched.byOffer");
    expect(matchedBreakdown({ by_code: 1, by_offer: 2 })?.key).toBe("coupons.matched.byBoth");
    expect(matchedBreakdown({ by_code: 0, by_offer: 0 })).toBeNull();
    const hand: CouponResults = { ...matched, source: "hand", by_code: 0, by_offer: 0 };
    expect(offersMatched(null, matched)).toBe(true);
    expect(offersMatched(hand, matched)).toBe(true);
    expect(offersMatched({ ...matched }, matched)).toBe(false);
    expect(offersMatched({ ...matched, redeemed: 2, cost: "30.00" }, matched)).toBe(true);
  });
});
