// The dashboard: headline figures, monthly orders/revenue and the platform and shop mix, of every shop or of
// one — or an empty state.
import { useMemo, useState } from "react";
import { Button, Card, Flex, Segmented, Select, Skeleton, Space } from "antd";
import { ImportOutlined, TeamOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { dashboard } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay, useShopsQuery } from "../../app/shopQueries";
import { Chart } from "../../components/Chart";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../components/format";
import { shopLabel } from "../../components/shopLabel";
import { monthlyOption, platformOption, shopOption } from "./chartOptions";
import { StatCards } from "./StatCards";
import { RfmPareto } from "./RfmPareto";

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, currency, timeZone } = useDisplay();
  const shops = useShopsQuery().data ?? [];
  /** The shop the figures are of; `null` for all. */
  const [shop, setShop] = useState<number | null>(null);
  const [mix, setMix] = useState<"platforms" | "shops">("platforms");
  const scope = shop !== null && shops.some((s) => s.id === shop) ? [shop] : null;
  const query = useQuery({ queryKey: queryKeys.dashboard(scope), queryFn: () => dashboard({ shops: scope, platform: null, from: null, to: null }) });
  const data = query.data;
  const ctx = useMemo(() => ({ locale, currency, t: (k: string) => t(k) }), [locale, currency, t]);
  const monthly = useMemo(() => data && monthlyOption(data.monthly, ctx), [data, ctx]);
  const label = useMemo(() => (s: (typeof shops)[number]) => shopLabel(s, shops, t), [shops, t]);
  const platforms = useMemo(() => data && (mix === "shops" && shops.length > 1
    ? shopOption(data.shops, shops, { ...ctx, label })
    : platformOption(data.platforms, ctx)), [data, ctx, mix, shops, label]);

  const range = data?.stats.first_order && data.stats.last_order
    ? t("dashboard.range", { from: formatDate(data.stats.first_order, locale, timeZone),
        to: formatDate(data.stats.last_order, locale, timeZone) })
    : undefined;

  return (
    <div data-testid="page-dashboard">
      <PageHeader title={t("dashboard.title")} subtitle={range} extra={(
        <Space wrap>
          {shops.length > 1 && (
            <Select data-testid="dashboard-shop" style={{ minWidth: 200 }} value={scope ? scope[0] : "all"}
              onChange={(v: number | "all") => setShop(v === "all" ? null : v)} virtual={false}
              options={[{ value: "all", label: t("dashboard.allShops") },
                ...shops.map((s) => ({ value: s.id, label: label(s) }))]} />
          )}
          {data && data.stats.orders > 0 && (
            <Button icon={<TeamOutlined />} onClick={() => navigate("/customers")}>{t("dashboard.viewCustomers")}</Button>
          )}
        </Space>
      )} />
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.stats.orders === 0 && (
        <Card>
          <EmptyState testId="dashboard-empty" title={t("dashboard.emptyTitle")} description={t("dashboard.emptyText")}
            actions={<Button type="primary" icon={<ImportOutlined />} onClick={() => navigate("/import")}
              data-testid="dashboard-import">{t("common.importFirst")}</Button>} />
        </Card>
      )}
      {data && data.stats.orders > 0 && monthly && platforms && (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <StatCards stats={data.stats} />
          <div className="laoke-chart-grid">
            <Card title={t("dashboard.monthlyTitle")}>
              {data.monthly.length > 0
                ? <Chart option={monthly} testId="dashboard-chart-monthly" ariaLabel={t("dashboard.monthlyTitle")} />
                : <Flex justify="center">{t("dashboard.noMonths")}</Flex>}
            </Card>
            <Card title={mix === "shops" ? t("dashboard.shopTitle") : t("dashboard.platformTitle")}
              extra={shops.length > 1 && (
                <Segmented size="small" value={mix} onChange={(v) => setMix(v as "platforms" | "shops")}
                  data-testid="dashboard-mix" options={[
                    { value: "platforms", label: t("dashboard.byPlatform") }, { value: "shops", label: t("dashboard.byShop") },
                  ]} />
              )}>
              <Chart option={platforms} testId="dashboard-chart-platforms"
                ariaLabel={mix === "shops" ? t("dashboard.shopTitle") : t("dashboard.platformTitle")} />
            </Card>
          </div>
          <RfmPareto />
        </Space>
      )}
    </div>
  );
}
