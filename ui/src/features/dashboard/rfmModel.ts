// RFM groups and the Pareto curve for display: rows in a fixed order, percent text, the ECharts line option.
// Shares arrive as exact decimal strings; Number() is used only for the chart's y values.
import type { EChartsCoreOption } from "echarts/core";
import type { RfmGroup } from "../../bindings/RfmGroup";
import type { RfmSummary } from "../../bindings/RfmSummary";
import { formatPercent } from "../../components/format";

/** Best to worst, as Rust's `RfmGroup::ALL`. */
export const RFM_GROUPS: readonly RfmGroup[] = [
  "champions", "loyal", "potential_loyalist", "new", "promising", "needs_attention",
  "about_to_sleep", "at_risk", "cant_lose_them", "hibernating", "lost",
];

/** `share` is the group's fraction of all grouped buyers (counts, not money). */
export type GroupRow = { group: string; count: number; share: number };

/** Every known group (zero when absent), then any other group Rust sent. */
export function groupRows(groups: RfmSummary["groups"]): GroupRow[] {
  const known = RFM_GROUPS as readonly string[];
  const names = [...known, ...Object.keys(groups).filter((g) => !known.includes(g))];
  const total = names.reduce((sum, g) => sum + (groups[g] ?? 0), 0);
  return names.map((group) => {
    const count = groups[group] ?? 0;
    return { group, count, share: total > 0 ? count / total : 0 };
  });
}

export const hasBuyers = (s: RfmSummary | undefined): s is RfmSummary => !!s && s.pareto.buyers > 0;

/** A count fraction (0–1) as percent text: 0.1234 → "12.3%". */
export const formatFraction = (fraction: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(fraction);

/** The headline share, "0.4321" → "43.2%" (Intl formats the decimal string; unknown text is shown as is). */
export const formatShare = (share: string, locale: string): string => formatPercent(share, locale);

/** Chart points [% of buyers, share of value]; a point that is not a number is left out. */
export function paretoPoints(curve: string[]): Array<[number, number]> {
  return curve.flatMap((s, i): Array<[number, number]> => {
    const y = Number(s);
    return s.trim() !== "" && Number.isFinite(y) ? [[i, y]] : [];
  });
}

type Ctx = { locale: string; t: (key: string, vars?: Record<string, string>) => string };

/**
 * The curve against an even spread, with the 20 % point marked: a dashed line at 20 % of buyers and a point at the
 * share of value they bring (`top20`, the exact string, else the curve's 21st point).
 */
export function paretoOption(curve: string[], { locale, t }: Ctx, top20?: string): EChartsCoreOption {
  const points = paretoPoints(curve);
  const share20 = top20 ?? curve[20];
  const y20 = Number(share20);
  const mark20 = share20 !== undefined && share20.trim() !== "" && Number.isFinite(y20);
  const buyersPct = (x: number) => formatFraction(x / 100, locale);
  const curveName = t("lifecycle.rfm.curve");
  const evenName = t("lifecycle.rfm.even");
  return {
    color: ["#c2410c", "#bfbfbf"],
    tooltip: {
      trigger: "axis",
      renderMode: "richText", // drawn on the canvas: no HTML is built
      formatter: (items: Array<{ dataIndex: number; seriesName: string }>) => {
        const item = items.find((i) => i.seriesName === curveName);
        const x = item ? points[item.dataIndex]?.[0] : undefined;
        if (x === undefined) return "";
        return t("lifecycle.rfm.point", { buyers: buyersPct(x), value: formatShare(curve[x], locale) });
      },
    },
    legend: { data: [curveName, evenName], top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    xAxis: {
      type: "value", min: 0, max: 100, interval: 20, name: t("lifecycle.rfm.axisBuyers"),
      nameLocation: "middle", nameGap: 28, axisLabel: { formatter: buyersPct },
    },
    yAxis: {
      type: "value", min: 0, max: 1, interval: 0.2, name: t("lifecycle.rfm.axisValue"),
      axisLabel: { formatter: (v: number) => formatFraction(v, locale) },
    },
    series: [
      { name: curveName, type: "line", data: points, showSymbol: false, areaStyle: { opacity: 0.15 },
        ...(mark20 ? {
          markLine: { silent: true, symbol: "none", animation: false, lineStyle: { type: "dashed", color: "#c2410c" },
            label: { formatter: t("lifecycle.rfm.top20Line") }, data: [{ xAxis: 20 }] },
          markPoint: { silent: true, animation: false, symbol: "circle", symbolSize: 10, itemStyle: { color: "#c2410c" },
            label: { position: "right", fontWeight: "bold", formatter: formatShare(share20, locale) },
            data: [{ name: "top20", coord: [20, y20], value: share20 }] },
        } : {}) },
      { name: evenName, type: "line", data: [[0, 0], [100, 1]], showSymbol: false, silent: true,
        lineStyle: { type: "dashed", width: 1 } },
    ],
  };
}
