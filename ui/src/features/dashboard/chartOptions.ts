// ECharts options of the dashboard's platform and shop mix (the series are in seriesOptions.ts); tooltips format
// the original strings, so shown amounts stay exact.
import type { EChartsCoreOption } from "echarts/core";
import type { PlatformCount } from "../../bindings/PlatformCount";
import type { ShopCount } from "../../bindings/ShopCount";
import type { ShopView } from "../../bindings/ShopView";
import { formatCount, formatMoney } from "../../components/format";
import { PLATFORM_COLORS } from "../../components/PlatformTag";

type Ctx = { locale: string; currency: string; t: (key: string) => string };

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
