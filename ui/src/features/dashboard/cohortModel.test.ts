// Cohort rows are padded to the longest; a cell's shade follows its share of the table's best; bars map back.
import { describe, expect, it } from "vitest";
import { cohortRows, heat } from "./cohortModel";
import { barAt, distributionOption } from "./distributionOption";

describe("cohort table", () => {
  it("pads younger cohorts and finds the best share", () => {
    const { rows, width, max } = cohortRows([
      { month: "2025-09", buyers: 10, retention: ["0.2000", "0.1000"] },
      { month: "2025-10", buyers: 5, retention: ["0.4000"] },
      { month: "2025-11", buyers: 7, retention: [] },
    ]);
    expect(width).toBe(2);
    expect(max).toBe(0.4);
    expect(rows[1].cells).toEqual([{ index: 0, rate: "0.4000", share: 0.4 }, null]);
    expect(rows[2].cells).toEqual([null, null]);
  });
  it("shades stronger for better shares, with light text on the strong ones", () => {
    expect(heat(0, 0.4, false)).toEqual({ background: "transparent" });
    expect(heat(0.4, 0.4, false)).toEqual({ background: "rgba(194, 65, 12, 0.900)", color: "#fff" });
    expect(heat(0.04, 0.4, true).color).toBeUndefined();
  });
});

describe("distribution bars", () => {
  it("draws the first bar on top and maps a click back to it", () => {
    const bars = [{ key: "a", label: "A", count: 3 }, { key: "b", label: "B", count: 5 }];
    const o = distributionOption(bars, "en-US") as { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(["B", "A"]);
    expect(barAt(bars, 1)?.key).toBe("a");
    expect(barAt(bars, 0)?.key).toBe("b");
  });
});
