// The dashboard: headline figures, monthly orders/revenue and the platform mix — or an empty state.
import { useMemo } from "react";
import { Button, Card, Flex, Skeleton, Space } from "antd";
import { ImportOutlined, TeamOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { dashboard } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { Chart } from "../../components/Chart";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../components/format";
import { monthlyOption, platformOption } from "./chartOptions";
import { StatCards } from "./StatCards";
import { RfmPareto } from "./RfmPareto";

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, currency, timeZone } = useDisplay();
  const query = useQuery({ queryKey: queryKeys.dashboard(), queryFn: dashboard });
  const data = query.data;
  const ctx = useMemo(() => ({ locale, currency, t: (k: string) => t(k) }), [locale, currency, t]);
  const monthly = useMemo(() => data && monthlyOption(data.monthly, ctx), [data, ctx]);
  const platforms = useMemo(() => data && platformOption(data.platforms, ctx), [data, ctx]);

  const range = data?.stats.first_order && data.stats.last_order
    ? t("dashboard.range", { from: formatDate(data.stats.first_order, locale, timeZone),
        to: formatDate(data.stats.last_order, locale, timeZone) })
    : undefined;

  return (
    <div data-testid="page-dashboard">
      <PageHeader title={t("dashboard.title")} subtitle={range} extra={data && data.stats.orders > 0 && (
        <Button icon={<TeamOutlined />} onClick={() => navigate("/customers")}>{t("dashboard.viewCustomers")}</Button>
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
            <Card title={t("dashboard.platformTitle")}>
              <Chart option={platforms} testId="dashboard-chart-platforms" ariaLabel={t("dashboard.platformTitle")} />
            </Card>
          </div>
          <RfmPareto />
        </Space>
      )}
    </div>
  );
}
