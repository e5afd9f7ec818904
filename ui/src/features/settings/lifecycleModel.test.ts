// Client-side threshold checks mirror Rust's, and preview rows list every stage with its change.
import { describe, expect, it } from "vitest";
import { asThresholds, formatChange, movedCustomers, previewRows, sameThresholds, validateThresholds } from "./lifecycleModel";

const ok = { new_days: 30, active_days: 90, churn_days: 180, loyal_purchases: 3 };

describe("validateThresholds", () => {
  it("accepts the defaults and the edges of each range", () => {
    expect(validateThresholds(ok)).toBeNull();
    expect(validateThresholds({ new_days: 1, active_days: 1, churn_days: 2, loyal_purchases: 2 })).toBeNull();
    expect(validateThresholds({ new_days: 3650, active_days: 3649, churn_days: 3650, loyal_purchases: 1000 })).toBeNull();
    expect(asThresholds(ok)).toEqual(ok);
  });
  it("names the first field that is empty, fractional or out of range", () => {
    expect(validateThresholds({ ...ok, new_days: null })).toEqual({ reason: "range", field: "new_days", min: 1, max: 3650 });
    expect(validateThresholds({ ...ok, active_days: 0 })).toMatchObject({ field: "active_days" });
    expect(validateThresholds({ ...ok, churn_days: 3651 })).toMatchObject({ field: "churn_days" });
    expect(validateThresholds({ ...ok, new_days: 1.5 })).toMatchObject({ field: "new_days" });
    expect(validateThresholds({ ...ok, loyal_purchases: 1 })).toEqual({ reason: "range", field: "loyal_purchases", min: 2, max: 1000 });
    expect(validateThresholds({ ...ok, loyal_purchases: 1001 })).toMatchObject({ field: "loyal_purchases" });
    expect(asThresholds({ ...ok, loyal_purchases: null })).toBeNull();
  });
  it("requires churn_days after active_days", () => {
    expect(validateThresholds({ ...ok, churn_days: 90 })).toEqual({ reason: "order" });
    expect(validateThresholds({ ...ok, churn_days: 60 })).toEqual({ reason: "order" });
  });
});

describe("previewRows", () => {
  it("lists all stages in order, zero for missing ones, then unknown keys", () => {
    const rows = previewRows({
      current: { active: 100, sleeping: 20, churned: 5, loyal: 10 },
      proposed: { active: 80, sleeping: 40, churned: 5, loyal: 10, vip: 1 },
    });
    expect(rows.map((r) => r.stage)).toEqual(["potential", "new", "active", "loyal", "sleeping", "churned", "vip"]);
    expect(rows[0]).toEqual({ stage: "potential", now: 0, after: 0, change: 0 });
    expect(rows[2]).toEqual({ stage: "active", now: 100, after: 80, change: -20 });
    expect(rows[4]).toEqual({ stage: "sleeping", now: 20, after: 40, change: 20 });
    expect(rows[6]).toEqual({ stage: "vip", now: 0, after: 1, change: 1 });
  });
  it("counts moved customers and formats changes with a sign", () => {
    expect(movedCustomers({ moves: [{ from: "active", to: "sleeping", customers: 9935 }, { from: "new", to: "active", customers: 5 }] })).toBe(9940);
    expect(formatChange(9935, "en-US")).toBe("+9,935");
    expect(formatChange(-20, "en-US")).toBe("\u221220");
    expect(formatChange(0, "en-US")).toBe("0");
  });
  it("compares drafts field by field", () => {
    expect(sameThresholds(ok, { ...ok })).toBe(true);
    expect(sameThresholds(ok, { ...ok, active_days: 60 })).toBe(false);
  });
});
