// A horizontal bar per stage or tier (customers now), each bar opening its customers when clicked.
import type { EChartsCoreOption } from "echarts/core";
import { formatCount } from "../../components/format";

export type Bar = { key: string; label: string; count: number; color?: string };

export function distributionOption(bars: Bar[], locale: string): EChartsCoreOption {
  // Top to bottom in the given order: a category y axis draws its first item at the bottom.
  const shown = [...bars].reverse();
  return {
    tooltip: {
      trigger: "item",
      renderMode: "richText",
      formatter: (item: { dataIndex: number }) => {
        const b = shown[item.dataIndex];
        return b ? `${b.label}: ${formatCount(b.count, locale)}` : "";
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: "category", data: shown.map((b) => b.label), axisTick: { show: false } },
    series: [{
      type: "bar", barMaxWidth: 22, cursor: "pointer",
      data: shown.map((b) => ({ value: b.count, ...(b.color ? { itemStyle: { color: b.color } } : {}) })),
      label: { show: true, position: "right", formatter: (p: { value: number }) => formatCount(p.value, locale) },
    }],
  };
}

/** The bar a click on data index `i` of `distributionOption(bars)` hit. */
export const barAt = (bars: Bar[], i: number): Bar | undefined => bars[bars.length - 1 - i];
