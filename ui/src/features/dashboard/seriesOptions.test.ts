// The series options: anomalies become mark points on their metric's series (high up, low down, promotion peaks in
// their own colour), only on daily charts; amounts are plotted as numbers and shown from their strings.
import { describe, expect, it } from "vitest";
import type { Anomaly } from "../../bindings/Anomaly";
import type { SeriesPoint } from "../../bindings/SeriesPoint";
import { anomalyMarks, aovOption, bucketLabel, growthOption, MARK_COLORS, repurchaseOption, salesOption } from "./seriesOptions";

const pt = (start: string, purchases = 10): SeriesPoint => ({
  start, orders: purchases + 1, purchases, revenue: `${purchases * 100}.50`, aov: "100.05", new_customers: 4, new_buyers: 3,
  buyers: 9, repurchase_rate: "0.1111",
});
const days = ["2025-11-08", "2025-11-09", "2025-11-10", "2025-11-11"];
const points = days.map((d) => pt(d));
const flag = (date: string, metric: Anomaly["metric"], direction: string, promotion: string | null = null): Anomaly =>
  ({ date, metric, value: "42.00", expected_low: "10.00", expected_high: "20.00", direction, promotion });
const ctx = { locale: "en-US", currency: "CNY", t: (k: string) => k };
type Series = { name: string; data: unknown[]; markPoint?: { data: Array<{ coord: [string, number]; itemStyle: { color: string }; symbolRotate: number }> } };
const series = (o: unknown) => (o as { series: Series[] }).series;

describe("anomalyMarks", () => {
  it("marks the metric's flagged days at their value, high and low apart, and peaks as expected", () => {
    const marks = anomalyMarks(
      [flag("2025-11-09", "revenue", "high"), flag("2025-11-10", "revenue", "low"), flag("2025-11-10", "purchases", "high")],
      [flag("2025-11-11", "revenue", "high", "double_11")], "revenue", days);
    expect(marks.map((m) => [m.coord, m.itemStyle.color, m.symbolRotate])).toEqual([
      [["2025-11-09", 42], MARK_COLORS.high, 0],
      [["2025-11-10", 42], MARK_COLORS.low, 180],
      [["2025-11-11", 42], MARK_COLORS.peak, 0],
    ]);
    expect(marks[2].name).toBe("peak:double_11");
    expect(marks.map((m) => m.label.formatter)).toEqual(["↑", "↓", "★"]);
  });
  it("leaves out days that are not on the axis", () => {
    expect(anomalyMarks([flag("2024-01-01", "aov", "high")], [], "aov", days)).toEqual([]);
  });
});

describe("series options", () => {
  const flags = { anomalies: [flag("2025-11-09", "purchases", "high"), flag("2025-11-10", "new_buyers", "low")],
    peaks: [flag("2025-11-11", "revenue", "high", "double_11")] };
  it("put each metric's marks on its own series of the daily charts", () => {
    const sales = series(salesOption(points, "day", ctx, flags));
    expect(sales[0].markPoint?.data.map((m) => m.coord)).toEqual([["2025-11-09", 42]]);
    expect(sales[1].markPoint?.data.map((m) => m.coord)).toEqual([["2025-11-11", 42]]);
    expect(sales[1].data).toEqual([1000.5, 1000.5, 1000.5, 1000.5]);
    const growth = series(growthOption(points, "day", ctx, flags));
    expect(growth[0].markPoint).toBeUndefined();
    expect(growth[1].markPoint?.data).toHaveLength(1);
    expect(series(aovOption(points, "day", ctx, flags))[0].markPoint).toBeUndefined();
  });
  it("draw no marks without flags (weeks and months)", () => {
    expect(series(salesOption(points, "week", ctx)).every((s) => !s.markPoint)).toBe(true);
  });
  it("leaves a bucket without purchases out of the average order value", () => {
    expect(series(aovOption([pt("2025-11-08", 0), pt("2025-11-09")], "day", ctx))[0].data).toEqual([null, 100.05]);
  });
  it("puts the rolling twelve months on the time axis with the buckets", () => {
    const o = repurchaseOption(points, [{ month: "2025-11", buyers: 400, rate: "0.3127" }], "day", ctx);
    expect(series(o)[0].data[0]).toEqual(["2025-11-08", 0.1111]);
    expect(series(o)[1].data).toEqual([["2025-11-01", 0.3127]]);
  });
  it("labels days, weeks and months in the locale", () => {
    expect(bucketLabel("2025-11-03", "day", "en-US")).toBe("Nov 3");
    expect(bucketLabel("2025-11-03", "week", "zh-CN")).toBe("11月3日");
    expect(bucketLabel("2025-11-01", "month", "en-US")).toBe("Nov 2025");
  });
});
