// RFM rows keep the fixed group order; Pareto shares are formatted from their strings, and chart points parsed.
import { describe, expect, it } from "vitest";
import { formatFraction, formatShare, groupRows, hasBuyers, paretoOption, paretoPoints, RFM_GROUPS } from "./rfmModel";

describe("groupRows", () => {
  it("lists the 11 groups best first, zero when missing, with the share of buyers", () => {
    const rows = groupRows({ lost: 50, champions: 25, at_risk: 25 });
    expect(rows.map((r) => r.group)).toEqual(RFM_GROUPS);
    expect(rows[0]).toEqual({ group: "champions", count: 25, share: 0.25 });
    expect(rows.find((r) => r.group === "lost")).toEqual({ group: "lost", count: 50, share: 0.5 });
    expect(rows.find((r) => r.group === "loyal")).toEqual({ group: "loyal", count: 0, share: 0 });
  });
  it("keeps an unknown group at the end and survives an empty summary", () => {
    expect(groupRows({ whales: 1 }).at(-1)).toEqual({ group: "whales", count: 1, share: 1 });
    expect(groupRows({}).every((r) => r.share === 0)).toBe(true);
  });
});

describe("pareto", () => {
  it("formats the decimal string share as a percent", () => {
    expect(formatShare("0.4321", "en-US")).toBe("43.2%");
    expect(formatShare("1", "en-US")).toBe("100%");
    expect(formatShare("n/a", "en-US")).toBe("n/a");
    expect(formatFraction(0.2, "zh-CN")).toBe("20%");
  });
  it("turns the curve into [x, y] points, skipping text that is not a number", () => {
    expect(paretoPoints(["0", "0.25", "", "x", "1"])).toEqual([[0, 0], [1, 0.25], [4, 1]]);
  });
  it("knows when there are buyers", () => {
    const summary = (buyers: number) => ({ as_of: "2026-01-01", groups: {}, pareto: { buyers, top20_share: "0", curve: [] } });
    expect(hasBuyers(summary(0))).toBe(false);
    expect(hasBuyers(summary(3))).toBe(true);
    expect(hasBuyers(undefined)).toBe(false);
  });
  it("builds a line option with the curve and an even reference line", () => {
    const curve = Array.from({ length: 101 }, (_, i) => (i / 100).toFixed(4));
    const option = paretoOption(curve, { locale: "en-US", t: (k) => k }) as { series: Array<{ data: unknown[] }> };
    expect(option.series[0].data).toHaveLength(101);
    expect(option.series[0].data[20]).toEqual([20, 0.2]);
    expect(option.series[1].data).toEqual([[0, 0], [100, 1]]);
  });
  it("marks the 20 % point with the top-20 share", () => {
    const curve = Array.from({ length: 101 }, (_, i) => Math.sqrt(i / 100).toFixed(4));
    type Marked = { series: Array<{ markLine?: { data: unknown[] }; markPoint?: { data: Array<{ coord: number[]; value: string }>;
      label: { formatter: string } } }> };
    const option = paretoOption(curve, { locale: "en-US", t: (k) => k }, "0.4321") as Marked;
    expect(option.series[0].markLine?.data).toEqual([{ xAxis: 20 }]);
    expect(option.series[0].markPoint?.data).toEqual([{ name: "top20", coord: [20, 0.4321], value: "0.4321" }]);
    expect(option.series[0].markPoint?.label.formatter).toBe("43.2%");
    // Without the share, the curve's own 20 % point; without a curve, no mark.
    expect((paretoOption(curve, { locale: "en-US", t: (k) => k }) as Marked).series[0].markPoint?.data[0].coord).toEqual([20, 0.4472]);
    expect((paretoOption([], { locale: "en-US", t: (k) => k }) as Marked).series[0].markPoint).toBeUndefined();
  });
});
