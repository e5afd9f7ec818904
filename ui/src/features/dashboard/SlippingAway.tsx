// "Slipping away": the repeat buyers who spent the most and whose chance of still buying has fallen below one half,
// from the purchase model (or its fallback rule, said as such). A row opens the customer's profile.
import { useState } from "react";
import { Card, Skeleton, Space, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CustomerForecast } from "../../bindings/CustomerForecast";
import { slippingAway } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatCount, formatDate } from "../../components/format";
import { ProfileDrawer } from "../customers/profile/ProfileDrawer";

export const SLIPPING_LIMIT = 20;

/** A chance (0–1) as a percent: 0.3127 → "31%". */
export const formatChance = (p: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(p);

/** Expected purchases, to two places at most. */
export const formatExpected = (n: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);

export function SlippingAway() {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const [openId, setOpenId] = useState<number | null>(null);
  const query = useQuery({ queryKey: queryKeys.slippingAway(SLIPPING_LIMIT), queryFn: () => slippingAway(SLIPPING_LIMIT) });
  const data = query.data;
  const model = data?.model;

  return (
    <Card title={t("dashboard.slipping.title")} size="small" data-testid="dashboard-slipping">
      {query.isPending && <Skeleton active paragraph={{ rows: 5 }} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} testId="slipping-error" />}
      {data && model && (
        <Space direction="vertical" size={8} style={{ width: "100%" }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("dashboard.slipping.hint")}{" "}
            {t("dashboard.slipping.asOf", { date: formatDate(model.as_of, locale, timeZone),
              customers: formatCount(model.customers, locale), repeat: formatCount(model.repeat_buyers, locale) })}
          </Typography.Text>
          {!model.reliable && (
            <div data-testid="slipping-fallback">
              {model.why && <ErrorAlert error={model.why} type="warning" testId="slipping-why" />}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "6px 0 0" }}>
                {t("dashboard.slipping.fallback")}
              </Typography.Paragraph>
            </div>
          )}
          <Table<CustomerForecast> size="small" rowKey="id" dataSource={data.customers} pagination={false}
            scroll={{ x: 560 }} data-testid="slipping-table"
            locale={{ emptyText: t("dashboard.slipping.none") }}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" }, "data-testid": "slipping-row",
              "data-id": r.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: "nick", title: t("dashboard.slipping.nick"), ellipsis: true,
                render: (_, r) => <Typography.Text strong>{r.nick || r.buyer_id}</Typography.Text> },
              { key: "spent", title: t("dashboard.slipping.spent"), align: "right", width: 120, render: (_, r) => <Money value={r.spent} /> },
              { key: "p_alive", title: t("dashboard.slipping.pAlive"), align: "right", width: 110,
                render: (_, r) => formatChance(r.p_alive, locale) },
              { key: "expected", title: t("dashboard.slipping.expected90"), align: "right", width: 120,
                render: (_, r) => formatExpected(r.expected_90d, locale) },
              { key: "clv", title: t("dashboard.slipping.clv"), align: "right", width: 120, render: (_, r) => <Money value={r.clv} /> },
            ]} />
        </Space>
      )}
      <ProfileDrawer customerId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
