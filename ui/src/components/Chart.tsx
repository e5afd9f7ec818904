// A tiny React wrapper around ECharts core (tree-shaken: bar, line, pie, mark points and lines, zoom by wheel;
// canvas renderer), in ECharts' dark theme when the app is dark. `onClick` gets the clicked item's indices.
import { useEffect, useRef } from "react";
import { useIsDark } from "../app/theme";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

echarts.use([
  BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, MarkPointComponent, MarkLineComponent,
  DataZoomComponent, CanvasRenderer,
]);

/** What a click hit: the series and the item's index in its data (a mark point has componentType "markPoint"). */
export type ChartClick = { componentType: string; seriesIndex: number; dataIndex: number; name: string };

type Props = {
  option: EChartsCoreOption; height?: number; testId?: string; ariaLabel?: string; onClick?: (e: ChartClick) => void;
};

export function Chart({ option, height = 320, testId, ariaLabel, onClick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const click = useRef(onClick);
  click.current = onClick;
  const dark = useIsDark();

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, dark ? "dark" : undefined, { renderer: "canvas" });
    chart.current = instance;
    // The card behind the chart shows through (the dark theme's own background is another colour).
    instance.setOption({ backgroundColor: "transparent", ...latest.current }, { notMerge: true });
    instance.on("click", (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: "transparent", ...option }, { notMerge: true });
  }, [option]);

  return (
    <div ref={el} role="img" aria-label={ariaLabel} data-testid={testId} data-theme={dark ? "dark" : "light"}
      style={{ width: "100%", height }} />
  );
}
