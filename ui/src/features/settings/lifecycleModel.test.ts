// Which drafts can be sent to Rust and which refusals are about thresholds; preview rows list every stage.
import { describe, expect, it } from "vitest";
import { asThresholds, blankField, formatChange, movedCustomers, previewRows, sameThresholds, thresholdProblem } from "./lifecycleModel";

const ok = { new_days: 30, active_days: 90, churn_days: 180, loyal_purchases: 3 };

describe("blankField", () => {
  it("names the first box that holds no whole number; the ranges are Rust's to judge", () => {
    expect(blankField(ok)).toBeNull();
    expect(asThresholds(ok)).toEqual(ok);
    expect(blankField({ ...ok, loyal_purchases: 1 })).toBeNull();
    expect(blankField({ ...ok, new_days: null })).toBe("new_days");
    expect(blankField({ ...ok, churn_days: 1.5 })).toBe("churn_days");
    expect(asThresholds({ ...ok, active_days: null })).toBeNull();
  });
  it("takes a lifecycle.* error as the problem, and no other", () => {
    const refused = { code: "lifecycle.churn_not_after_active", message: "x", details: null };
    expect(thresholdProblem(refused)).toEqual(refused);
    expect(thresholdProblem({ code: "db.query", message: "x", details: null })).toBeNull();
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
