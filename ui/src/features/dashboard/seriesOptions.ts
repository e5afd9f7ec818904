// ECharts options of the dashboard's series (per day, week or month): growth, purchases and revenue, average order
// value, repurchase. Amounts go to ECharts as numbers only to place them on an axis; every shown amount is the
// original string formatted. Days flagged by the anomaly check (and promotion peaks) are marked on the daily charts.
import type { EChartsCoreOption } from "echarts/core";
import type { Anomaly } from "../../bindings/Anomaly";
import type { AnomalyMetric } from "../../bindings/AnomalyMetric";
import type { RollingRepurchase } from "../../bindings/RollingRepurchase";
import type { SeriesPoint } from "../../bindings/SeriesPoint";
import { formatCount, formatMoney, formatMoneyCompact, formatMonth, formatPercent } from "../../components/format";
import type { Granularity } from "./period";

export type SeriesCtx = { locale: string; currency: string; t: (key: string, vars?: Record<string, string>) => string };

export const MARK_COLORS = { high: "#cf1322", low: "#1d39c4", peak: "#d48806" } as const;

/** A day or a week's first day, short ("Nov 3" / "11月3日"); a month as a month. */
export function bucketLabel(start: string, granularity: Granularity, locale: string, long = false): string {
  if (granularity === "month") return formatMonth(start.slice(0, 7), locale);
  const [y, m, d] = start.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const opts: Intl.DateTimeFormatOptions = long
    ? { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
    : { month: "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}

/** The tooltip's heading for a bucket: the day, "week of" its Monday, or the month. */
function bucketTitle(start: string, granularity: Granularity, ctx: SeriesCtx): string {
  const label = bucketLabel(start, granularity, ctx.locale, true);
  return granularity === "week" ? ctx.t("dashboard.series.weekOf", { date: label }) : label;
}

type MarkDatum = {
  name: string; coord: [string, number]; value: string; symbol: string; symbolSize: number; symbolRotate: number;
  itemStyle: { color: string }; label: { formatter: string; color: string; fontSize: number };
};

/**
 * The markPoint data of one metric's series: its flagged days (high above, low below their expected range) and, for
 * values above range on a promotion's peak days, the expected peaks in their own colour. Only days on the axis.
 */
export function anomalyMarks(anomalies: Anomaly[], peaks: Anomaly[], metric: AnomalyMetric, days: readonly string[]): MarkDatum[] {
  const onAxis = new Set(days);
  const mark = (a: Anomaly, kind: "high" | "low" | "peak"): MarkDatum => ({
    name: kind === "peak" ? `peak:${a.promotion ?? ""}` : kind,
    coord: [a.date, Number(a.value)],
    value: a.value,
    symbol: "pin",
    symbolSize: 34,
    // A low day's pin hangs below its point, upside down.
    symbolRotate: kind === "low" ? 180 : 0,
    itemStyle: { color: MARK_COLORS[kind] },
    label: { formatter: kind === "peak" ? "★" : kind === "high" ? "↑" : "↓", color: "#fff", fontSize: 12 },
  });
  const flagged = anomalies
    .filter((a) => a.metric === metric && onAxis.has(a.date))
    .map((a) => mark(a, a.direction === "low" ? "low" : "high"));
  const expected = peaks.filter((a) => a.metric === metric && onAxis.has(a.date)).map((a) => mark(a, "peak"));
  return [...flagged, ...expected];
}

/** Marks for a series, or nothing (not daily, or no flagged day of that metric). */
function marks(metric: AnomalyMetric, flags: Flags | undefined, days: string[]) {
  if (!flags) return {};
  const data = anomalyMarks(flags.anomalies, flags.peaks, metric, days);
  return data.length ? { markPoint: { data, animation: false, tooltip: { show: false } } } : {};
}

/** The day's anomalies and peaks, given only for daily series. */
export type Flags = { anomalies: Anomaly[]; peaks: Anomaly[] };

function base(points: SeriesPoint[], granularity: Granularity, ctx: SeriesCtx, lines: (p: SeriesPoint) => string[]) {
  const days = points.map((p) => p.start);
  return {
    days,
    option: {
      tooltip: {
        trigger: "axis",
        renderMode: "richText", // drawn on the canvas: no HTML is built from data
        formatter: (items: Array<{ dataIndex: number }>) => {
          const p = points[items[0]?.dataIndex ?? -1];
          return p ? [bucketTitle(p.start, granularity, ctx), ...lines(p)].join("\n") : "";
        },
      },
      xAxis: {
        type: "category", data: days,
        axisLabel: { formatter: (v: string) => bucketLabel(v, granularity, ctx.locale), hideOverlap: true },
      },
      ...(points.length > 120 ? { dataZoom: [{ type: "inside" }] } : {}),
    },
  };
}

/** New customers (first order of any status) and new buyers (first purchase) per bucket. */
export function growthOption(points: SeriesPoint[], granularity: Granularity, ctx: SeriesCtx, flags?: Flags): EChartsCoreOption {
  const { t, locale } = ctx;
  const customers = t("dashboard.series.newCustomers");
  const buyers = t("dashboard.series.newBuyers");
  const { days, option } = base(points, granularity, ctx, (p) => [
    `${customers}: ${formatCount(p.new_customers, locale)}`, `${buyers}: ${formatCount(p.new_buyers, locale)}`,
  ]);
  return {
    ...option,
    color: ["#f4a259", "#c2410c"],
    legend: { data: [customers, buyers], top: 0 },
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: customers, type: "bar", data: points.map((p) => p.new_customers), barMaxWidth: 24 },
      { name: buyers, type: "line", data: points.map((p) => p.new_buyers), showSymbol: false, ...marks("new_buyers", flags, days) },
    ],
  };
}

/** Purchases (bars, left axis) and revenue (line, right axis). */
export function salesOption(points: SeriesPoint[], granularity: Granularity, ctx: SeriesCtx, flags?: Flags): EChartsCoreOption {
  const { t, locale, currency } = ctx;
  const purchases = t("dashboard.series.purchases");
  const revenue = t("dashboard.series.revenue");
  const { days, option } = base(points, granularity, ctx, (p) => [
    `${purchases}: ${formatCount(p.purchases, locale)}`, `${revenue}: ${formatMoney(p.revenue, currency, locale)}`,
  ]);
  return {
    ...option,
    color: ["#f4a259", "#c2410c"],
    legend: { data: [purchases, revenue], top: 0 },
    grid: { left: 48, right: 72, top: 48, bottom: 32 },
    yAxis: [
      { type: "value", minInterval: 1, splitLine: { show: true } },
      { type: "value", splitLine: { show: false },
        axisLabel: { formatter: (v: number) => formatMoneyCompact(String(v), currency, locale) } },
    ],
    series: [
      { name: purchases, type: "bar", data: points.map((p) => p.purchases), barMaxWidth: 24, ...marks("purchases", flags, days) },
      { name: revenue, type: "line", yAxisIndex: 1, data: points.map((p) => Number(p.revenue)), showSymbol: false,
        ...marks("revenue", flags, days) },
    ],
  };
}

/** Average order value per bucket (buckets without a purchase have none). */
export function aovOption(points: SeriesPoint[], granularity: Granularity, ctx: SeriesCtx, flags?: Flags): EChartsCoreOption {
  const { t, locale, currency } = ctx;
  const aov = t("dashboard.series.aov");
  const { days, option } = base(points, granularity, ctx, (p) => [
    `${aov}: ${p.purchases > 0 ? formatMoney(p.aov, currency, locale) : "—"}`,
  ]);
  return {
    ...option,
    color: ["#8c5a3c"],
    legend: { data: [aov], top: 0 },
    grid: { left: 72, right: 24, top: 48, bottom: 32 },
    yAxis: { type: "value", scale: true, axisLabel: { formatter: (v: number) => formatMoneyCompact(String(v), currency, locale) } },
    series: [{
      name: aov, type: "line", connectNulls: false, showSymbol: points.length <= 60, areaStyle: { opacity: 0.08 },
      data: points.map((p) => (p.purchases > 0 ? Number(p.aov) : null)), ...marks("aov", flags, days),
    }],
  };
}

/**
 * The repurchase rate per bucket (bars: buyers of the bucket with two or more purchases in it) and, per month, the
 * rolling twelve months' rate (line). On a time axis, so monthly points sit among days or weeks.
 */
export function repurchaseOption(points: SeriesPoint[], rolling: RollingRepurchase[], granularity: Granularity,
  ctx: SeriesCtx): EChartsCoreOption {
  const { t, locale } = ctx;
  const bucket = t("dashboard.series.repurchase");
  const rollingName = t("dashboard.series.rolling");
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(v);
  return {
    color: ["#f4a259", "#c2410c"],
    legend: { data: [bucket, rollingName], top: 0 },
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    tooltip: {
      trigger: "axis",
      renderMode: "richText",
      formatter: (items: Array<{ seriesIndex: number; dataIndex: number }>) => items.flatMap((i) => {
        if (i.seriesIndex === 0) {
          const p = points[i.dataIndex];
          return p ? [bucketTitle(p.start, granularity, ctx), `${bucket}: ${formatPercent(p.repurchase_rate, locale)}`] : [];
        }
        const r = rolling[i.dataIndex];
        return r ? [t("dashboard.series.rollingTo", { month: formatMonth(r.month, locale) }) + `: ${formatPercent(r.rate, locale)}`] : [];
      }).join("\n"),
    },
    xAxis: { type: "time", axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", min: 0, axisLabel: { formatter: pct } },
    series: [
      { name: bucket, type: "bar", barMaxWidth: 24,
        data: points.map((p) => [p.start, p.buyers > 0 ? Number(p.repurchase_rate) : null]) },
      { name: rollingName, type: "line", showSymbol: rolling.length <= 36, smooth: false,
        data: rolling.map((r) => [`${r.month}-01`, Number(r.rate)]) },
    ],
  };
}
