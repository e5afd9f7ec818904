// The period's series, per day, week or month: growth, purchases and revenue, average order value, repurchase (with
// the rolling twelve months). Daily charts carry the flagged days and the promotion peaks as marks.
import { useMemo } from "react";
import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../bindings/Dashboard";
import { useDisplay } from "../../app/shopQueries";
import { Chart } from "../../components/Chart";
import type { Granularity } from "./period";
import { aovOption, growthOption, repurchaseOption, salesOption, type Flags, type SeriesCtx } from "./seriesOptions";

const POINTS = { day: "daily", week: "weekly", month: "monthly" } as const;

export function SeriesCharts({ data, granularity }: { data: Dashboard; granularity: Granularity }) {
  const { t } = useTranslation();
  const { locale, currency } = useDisplay();
  const points = data[POINTS[granularity]];
  const options = useMemo(() => {
    const ctx: SeriesCtx = { locale, currency, t: (k, v) => t(k, v ?? {}) };
    const flags: Flags | undefined = granularity === "day" ? { anomalies: data.anomalies, peaks: data.peaks } : undefined;
    return {
      growth: growthOption(points, granularity, ctx, flags),
      sales: salesOption(points, granularity, ctx, flags),
      aov: aovOption(points, granularity, ctx, flags),
      repurchase: repurchaseOption(points, data.rolling_repurchase, granularity, ctx),
    };
  }, [data, points, granularity, locale, currency, t]);

  const card = (key: keyof typeof options, hint: string) => (
    <Card key={key} title={t(`dashboard.series.${key}Title`)} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>{hint}</Typography.Paragraph>
      <Chart option={options[key]} testId={`dashboard-chart-${key}`} ariaLabel={t(`dashboard.series.${key}Title`)} height={280} />
    </Card>
  );
  return (
    <div className="laoke-dash-grid-2" data-testid="dashboard-series" data-granularity={granularity} data-points={points.length}>
      {card("growth", t("dashboard.series.growthHint"))}
      {card("sales", t("dashboard.series.salesHint"))}
      {card("aov", t("dashboard.series.aovHint"))}
      {card("repurchase", t("dashboard.series.repurchaseHint"))}
    </div>
  );
}
