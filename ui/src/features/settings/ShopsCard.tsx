// The seller's shops: platform, name (renamed in place), orders and customers, and whether shipped
// cash-on-delivery orders not marked paid count as purchases. Saved through `shop_update`, one change at a time.
import { App, Card, Space, Switch, Table, Tooltip, Typography } from "antd";
import { InfoCircleOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ShopUpdate } from "../../bindings/ShopUpdate";
import type { ShopView } from "../../bindings/ShopView";
import { shopUpdate } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useShopsQuery } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PlatformTag } from "../../components/PlatformTag";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";

export function ShopsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useErrorNotice();
  const shops = useShopsQuery();
  const save = useMutation({
    mutationFn: ({ id, change }: { id: number; change: ShopUpdate }) => shopUpdate(id, change),
    onSuccess: (saved) => {
      client.setQueryData<ShopView[]>(queryKeys.shops(), (list) => list?.map((s) => (s.id === saved.id ? saved : s)));
      message.success(t("settings.shops.saved"));
    },
    onError: notifyError,
  });
  const n = (v: number) => formatCount(v, i18n.language);

  return (
    <Card title={t("settings.shops.title")} className="laoke-settings laoke-settings-wide" style={{ marginTop: 16 }}
      data-testid="settings-shops">
      <Typography.Paragraph type="secondary">{t("settings.shops.hint")}</Typography.Paragraph>
      {shops.isError && <ErrorAlert error={shops.error} onRetry={() => void shops.refetch()} />}
      <Table<ShopView>
        size="small"
        rowKey="id"
        loading={shops.isPending}
        dataSource={shops.data ?? []}
        pagination={false}
        locale={{ emptyText: t("settings.shops.empty") }}
        columns={[
          { title: t("settings.shops.platform"), dataIndex: "platform", width: 110,
            render: (p: ShopView["platform"]) => <PlatformTag platform={p} /> },
          { title: t("settings.shops.name"), dataIndex: "name",
            render: (name: string, s) => (
              <Space size={4}>
                <Typography.Text data-testid="settings-shop-name" data-shop={s.id}
                  editable={{
                    tooltip: t("settings.shops.rename"),
                    maxLength: 100,
                    onChange: (next) => {
                      if (next.trim() !== "" && next.trim() !== name) save.mutate({ id: s.id, change: { name: next, count_cod: null } });
                    },
                  }}>
                  {name}
                </Typography.Text>
                {!s.named && (
                  <Tooltip title={t("settings.shops.unnamed")}>
                    <InfoCircleOutlined data-testid="settings-shop-unnamed" style={{ color: "var(--ant-color-text-tertiary)" }} />
                  </Tooltip>
                )}
              </Space>
            ) },
          { title: t("settings.shops.orders"), dataIndex: "orders", align: "right", width: 90, render: n },
          { title: t("settings.shops.customers"), dataIndex: "customers", align: "right", width: 100, render: n },
          { title: <Tooltip title={t("settings.shops.codHint")}>{t("settings.shops.cod")} <InfoCircleOutlined /></Tooltip>,
            dataIndex: "count_cod", width: 170,
            render: (on: boolean, s) => (
              <Switch checked={on} size="small" data-testid="settings-shop-cod" data-shop={s.id}
                loading={save.isPending && save.variables?.id === s.id}
                onChange={(count_cod) => save.mutate({ id: s.id, change: { name: null, count_cod } })} />
            ) },
        ]}
      />
    </Card>
  );
}
