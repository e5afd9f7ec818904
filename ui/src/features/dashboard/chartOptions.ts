// ECharts options for the dashboard. Revenue strings go to ECharts as-is (it plots them);
// tooltips and axis labels format the original strings, so shown amounts stay exact.
import type { EChartsCoreOption } from "echarts/core";
import type { SeriesPoint } from "../../bindings/SeriesPoint";
import type { PlatformCount } from "../../bindings/PlatformCount";
import type { ShopCount } from "../../bindings/ShopCount";
import type { ShopView } from "../../bindings/ShopView";
import { formatCount, formatMoney, formatMoneyCompact, formatMonth } from "../../components/format";
import { PLATFORM_COLORS } from "../../components/PlatformTag";

type Ctx = { locale: string; currency: string; t: (key: string) => string };

export function monthlyOption(points: SeriesPoint[], { locale, currency, t }: Ctx): EChartsCoreOption {
  const ordersName = t("dashboard.chart.orders");
  const revenueName = t("dashboard.chart.revenue");
  return {
    color: ["#f4a259", "#c2410c"],
    tooltip: {
      trigger: "axis",
      renderMode: "richText", // drawn on the canvas: no HTML is ever built from data
      formatter: (items: Array<{ dataIndex: number }>) => {
        const p = points[items[0]?.dataIndex ?? 0];
        if (!p) return "";
        return [formatMonth(p.start.slice(0, 7), locale), `${ordersName}: ${formatCount(p.orders, locale)}`,
          `${revenueName}: ${formatMoney(p.revenue, currency, locale)}`].join("\n");
      },
    },
    legend: { data: [ordersName, revenueName], top: 0 },
    grid: { left: 56, right: 72, top: 40, bottom: 32 },
    xAxis: { type: "category", data: points.map((p) => formatMonth(p.start.slice(0, 7), locale)) },
    yAxis: [
      { type: "value", name: ordersName, minInterval: 1 },
      { type: "value", name: revenueName,
        axisLabel: { formatter: (v: number) => formatMoneyCompact(String(v), currency, locale) } },
    ],
    series: [
      { name: ordersName, type: "bar", data: points.map((p) => p.orders), barMaxWidth: 28 },
      { name: revenueName, type: "line", yAxisIndex: 1, smooth: true, data: points.map((p) => p.revenue) },
    ],
  };
}

/** One slice of a mix: a platform's or a shop's customers (the slice) and revenue (in the tooltip). */
export type Slice = { name: string; customers: number; revenue: string; color?: string };

export function mixOption(slices: Slice[], { locale, currency, t }: Ctx): EChartsCoreOption {
  return {
    tooltip: {
      trigger: "item",
      renderMode: "richText",
      formatter: (item: { dataIndex: number; percent: number }) => {
        const r = slices[item.dataIndex];
        if (!r) return "";
        return [r.name, `${t("dashboard.stat.customers")}: ${formatCount(r.customers, locale)}`,
          `${t("dashboard.chart.revenue")}: ${formatMoney(r.revenue, currency, locale)}`].join("\n");
      },
    },
    // One scrolling line: shop names are long, and many would wrap over the ring.
    legend: { type: "scroll", bottom: 0, left: "center", itemWidth: 12, itemHeight: 12 },
    series: [{
      type: "pie", radius: ["38%", "62%"], center: ["50%", "44%"],
      label: { show: false }, // names are in the legend; counts and revenue in the tooltip
      emphasis: { label: { show: true, formatter: "{d}%", fontSize: 16, fontWeight: "bold" } },
      data: slices.map((r) => ({ name: r.name, value: r.customers, ...(r.color ? { itemStyle: { color: r.color } } : {}) })),
    }],
  };
}

export function platformOption(rows: PlatformCount[], ctx: Ctx): EChartsCoreOption {
  return mixOption(rows.map((r) => ({
    name: ctx.t(`platform.${r.platform}`), customers: r.customers, revenue: r.revenue, color: PLATFORM_COLORS[r.platform],
  })), ctx);
}

/** The shop mix, each shop under its label (see `shopLabel`). */
export function shopOption(rows: ShopCount[], shops: ShopView[], ctx: Ctx & { label: (s: ShopView) => string }): EChartsCoreOption {
  const byId = new Map(shops.map((s) => [s.id, s]));
  return mixOption(rows.flatMap((r) => {
    const s = byId.get(r.shop_id);
    return s ? [{ name: ctx.label(s), customers: r.customers, revenue: r.revenue }] : [];
  }), ctx);
}
