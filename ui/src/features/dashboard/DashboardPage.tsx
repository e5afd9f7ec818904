// The dashboard: for a period, a platform and a shop, the headline figures, the series per day/week/month with the
// flagged days, cohorts, stages and tiers, the platform mix, churn's cost, the buyers slipping away and the 80/20
// curve; every number opens the customers behind it. An empty archive gets an honest empty state, not empty charts.
import { useMemo, useState } from "react";
import { Button, Card, Empty, Segmented, Skeleton, Space } from "antd";
import { ExperimentOutlined, ImportOutlined, TeamOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { DashboardQuery } from "../../bindings/DashboardQuery";
import type { Platform } from "../../bindings/Platform";
import { dashboard } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay, useShopsQuery } from "../../app/shopQueries";
import { Chart } from "../../components/Chart";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { PLATFORMS } from "../../components/PlatformTag";
import { formatDate } from "../../components/format";
import { shopLabel } from "../../components/shopLabel";
import { platformOption, shopOption } from "./chartOptions";
import { AnomalyList } from "./AnomalyList";
import { ChurnCard } from "./ChurnCard";
import { CohortHeatmap } from "./CohortHeatmap";
import { DashboardFilters } from "./DashboardFilters";
import { StageDistribution, TierDistribution } from "./Distributions";
import { RfmPareto } from "./RfmPareto";
import { SeriesCharts } from "./SeriesCharts";
import { SlippingAway } from "./SlippingAway";
import { StatCards } from "./StatCards";
import type { Scope } from "./drilldown";
import { ALL_TIME, autoGranularity, shopToday, type Granularity, type Period } from "./period";

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, currency, timeZone } = useDisplay();
  const shops = useShopsQuery().data ?? [];
  const today = shopToday(timeZone);
  const [period, setPeriod] = useState<Period>(ALL_TIME);
  const [platform, setPlatform] = useState<Platform | null>(null);
  /** The shop the figures are of; `null` for all (of the platform). */
  const [shop, setShop] = useState<number | null>(null);
  const [chosenStep, setChosenStep] = useState<Granularity | null>(null);
  const [mix, setMix] = useState<"platforms" | "shops">("platforms");

  const platforms = useMemo(() => PLATFORMS.filter((p) => shops.some((s) => s.platform === p)), [shops]);
  const pickable = useMemo(() => shops.filter((s) => !platform || s.platform === platform), [shops, platform]);
  const chosenShop = pickable.find((s) => s.id === shop) ?? null;
  const query: DashboardQuery = {
    shops: chosenShop ? [chosenShop.id] : null, platform: platforms.includes(platform as Platform) ? platform : null,
    from: period.from, to: period.to,
  };
  const scope: Scope = useMemo(() => ({
    platform: query.platform, shop: chosenShop ? { name: chosenShop.name, platform: chosenShop.platform } : null,
  }), [query.platform, chosenShop]);
  const result = useQuery({ queryKey: queryKeys.dashboard(query), queryFn: () => dashboard(query), placeholderData: keepPreviousData });
  const data = result.data;
  const granularity = chosenStep ?? autoGranularity(data?.from ?? null, data?.to ?? null);

  const label = useMemo(() => (s: (typeof shops)[number]) => shopLabel(s, shops, t), [shops, t]);
  const ctx = useMemo(() => ({ locale, currency, t: (k: string) => t(k) }), [locale, currency, t]);
  const mixOption = useMemo(() => data && (mix === "shops" && shops.length > 1
    ? shopOption(data.shops, shops, { ...ctx, label })
    : platformOption(data.platforms, ctx)), [data, ctx, mix, shops, label]);

  const allScope = period.from === null && period.to === null && query.platform === null && query.shops === null;
  // No order at all (not just none in a period or a shop): Rust fills the ends of an open period from the orders.
  const archiveEmpty = data !== undefined && data.from === null && allScope;
  const range = data?.from && data.to && !archiveEmpty
    ? t("dashboard.range", { from: formatDate(data.from, locale, timeZone), to: formatDate(data.to, locale, timeZone) })
    : undefined;

  const filters = !archiveEmpty && (
    <DashboardFilters today={today} period={period} onPeriod={setPeriod} platforms={platforms} platform={query.platform}
      onPlatform={(p) => { setPlatform(p); setShop(null); }} shops={pickable} shop={chosenShop?.id ?? null} onShop={setShop}
      shopLabel={label} granularity={granularity} onGranularity={setChosenStep} />
  );

  return (
    <div data-testid="page-dashboard">
      <PageHeader title={t("dashboard.title")} subtitle={range} extra={data && data.stats.orders > 0 && (
        <Button icon={<TeamOutlined />} onClick={() => navigate("/customers")}>{t("dashboard.viewCustomers")}</Button>
      )} />
      {filters && <div className="laoke-dash-filters">{filters}</div>}
      {result.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      {archiveEmpty && (
        <Card>
          <EmptyState testId="dashboard-empty" title={t("dashboard.emptyTitle")} description={t("dashboard.emptyText")}
            actions={(
              <Space wrap>
                <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate("/import")}
                  data-testid="dashboard-import">{t("common.importFirst")}</Button>
                <Button icon={<ExperimentOutlined />} onClick={() => navigate("/welcome")}
                  data-testid="dashboard-demo">{t("dashboard.tryDemo")}</Button>
              </Space>
            )} />
        </Card>
      )}
      {!archiveEmpty && data && data.stats.orders === 0 && (
        <Card data-testid="dashboard-period-empty">
          <Empty description={t("dashboard.periodEmpty")}>
            <Button onClick={() => { setPeriod(ALL_TIME); setPlatform(null); setShop(null); }}
              data-testid="dashboard-show-all">{t("dashboard.showAll")}</Button>
          </Empty>
        </Card>
      )}
      {!archiveEmpty && data && data.stats.orders > 0 && (
        <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="dashboard-body"
          data-from={data.from ?? ""} data-to={data.to ?? ""}>
          <StatCards stats={data.stats} />
          <SeriesCharts data={data} granularity={granularity} />
          <AnomalyList anomalies={data.anomalies} peaks={data.peaks} daily={granularity === "day"} />
          <CohortHeatmap cohorts={data.cohorts} scope={scope} />
          <div className="laoke-dash-grid-3">
            <StageDistribution scope={scope} />
            <TierDistribution scope={scope} />
            <Card size="small" title={mix === "shops" ? t("dashboard.shopTitle") : t("dashboard.platformTitle")}
              extra={shops.length > 1 && (
                <Segmented size="small" value={mix} onChange={(v) => setMix(v as "platforms" | "shops")}
                  data-testid="dashboard-mix" options={[
                    { value: "platforms", label: t("dashboard.byPlatform") }, { value: "shops", label: t("dashboard.byShop") },
                  ]} />
              )}>
              {mixOption && <Chart option={mixOption} testId="dashboard-chart-platforms" height={280}
                ariaLabel={mix === "shops" ? t("dashboard.shopTitle") : t("dashboard.platformTitle")} />}
            </Card>
          </div>
          <div className="laoke-dash-grid-churn">
            <ChurnCard churn={data.churn} from={period.from} to={period.to} today={today} scope={scope} />
            <SlippingAway />
          </div>
          <RfmPareto pareto={data.pareto} />
        </Space>
      )}
    </div>
  );
}
