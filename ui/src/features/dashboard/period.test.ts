// Presets are shop-time days on a given today; month arithmetic crosses years; the step follows the span.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, autoGranularity, monthDays, presetOf, presetPeriod, shopToday } from "./period";

describe("period", () => {
  it("works out the presets on a given day", () => {
    expect(presetPeriod("last30", "2025-03-10")).toEqual({ from: "2025-02-09", to: "2025-03-10" });
    expect(presetPeriod("last90", "2025-03-10")).toEqual({ from: "2024-12-11", to: "2025-03-10" });
    expect(presetPeriod("thisYear", "2025-03-10")).toEqual({ from: "2025-01-01", to: "2025-03-10" });
    expect(presetPeriod("lastYear", "2025-03-10")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(presetPeriod("all", "2025-03-10")).toEqual({ from: null, to: null });
    expect(presetOf({ from: "2024-01-01", to: "2024-12-31" }, "2025-03-10")).toBe("lastYear");
    expect(presetOf({ from: null, to: null }, "2025-03-10")).toBe("all");
    expect(presetOf({ from: "2024-02-01", to: "2024-02-05" }, "2025-03-10")).toBeNull();
  });
  it("counts calendar days and months, leap years and year ends included", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(monthDays("2024-02")).toEqual(["2024-02-01", "2024-02-29"]);
    expect(monthDays("2024-11", 2)).toEqual(["2025-01-01", "2025-01-31"]);
    expect(addMonths("2025-12", 1)).toBe("2026-01");
  });
  it("knows today in the shop's time zone", () => {
    const now = new Date("2025-03-09T18:30:00Z"); // 02:30 on the 10th in Shanghai
    expect(shopToday("Asia/Shanghai", now)).toBe("2025-03-10");
    expect(shopToday("America/New_York", now)).toBe("2025-03-09");
    expect(shopToday("Nowhere/Invalid", now)).toBe("2025-03-09");
  });
  it("picks days for short periods, weeks up to a year, months beyond", () => {
    expect(autoGranularity("2025-01-01", "2025-03-31")).toBe("day");
    expect(autoGranularity("2025-01-01", "2025-12-31")).toBe("week");
    expect(autoGranularity("2024-01-01", "2025-12-31")).toBe("month");
    expect(autoGranularity(null, null)).toBe("month");
  });
});
