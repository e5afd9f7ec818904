// Orders tab: the customer's orders (newest first), each expandable to its lines.
import { Table, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { OrderLineView } from "../../../bindings/OrderLineView";
import type { ProfileOrder } from "../../../bindings/ProfileOrder";
import { useDisplay } from "../../../app/shopQueries";
import { Money } from "../../../components/Money";
import { PlatformTag } from "../../../components/PlatformTag";
import { formatCount, formatDate } from "../../../components/format";

/** Rust sends at most this many orders. */
const ORDER_LIMIT = 100;

function OrderLines({ lines }: { lines: OrderLineView[] }) {
  const { t } = useTranslation();
  const { locale } = useDisplay();
  return (
    <Table<OrderLineView & { key: number }> size="small" pagination={false} data-testid="profile-order-lines"
      dataSource={lines.map((l, key) => ({ ...l, key }))}
      columns={[
        { title: t("profile.orders.item"), dataIndex: "title", ellipsis: true },
        { title: t("profile.orders.sku"), dataIndex: "sku", ellipsis: true, width: 140 },
        { title: t("profile.orders.quantity"), dataIndex: "quantity", align: "right", width: 70,
          render: (n: number) => formatCount(n, locale) },
        { title: t("profile.orders.unitPrice"), dataIndex: "unit_price", align: "right", width: 100,
          render: (v: string | null) => (v ? <Money value={v} /> : "") },
      ]} />
  );
}

export function OrdersTable({ orders }: { orders: ProfileOrder[] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const platforms = new Set(orders.map((o) => o.platform)).size;
  const shops = new Set(orders.map((o) => o.shop)).size;
  return (
    <>
      <Table<ProfileOrder>
        data-testid="profile-orders"
        size="small"
        rowKey={(o) => `${o.platform}:${o.order_no}`}
        dataSource={orders}
        pagination={orders.length > 20 ? { pageSize: 20, size: "small", showSizeChanger: false } : false}
        locale={{ emptyText: t("profile.orders.empty") }}
        expandable={{
          expandedRowRender: (o) => <OrderLines lines={o.items} />,
          rowExpandable: (o) => o.items.length > 0,
        }}
        columns={[
          { title: t("profile.orders.orderNo"), dataIndex: "order_no", ellipsis: true,
            render: (no: string, o) => (
              <>
                {platforms > 1 && <PlatformTag platform={o.platform} />}
                <Typography.Text copyable={{ text: no }}>{no}</Typography.Text>
              </>
            ) },
          ...(shops > 1 ? [{ title: t("profile.orders.shop"), dataIndex: "shop", width: 120, ellipsis: true }] : []),
          { title: t("profile.orders.date"), dataIndex: "created_at", width: 140,
            render: (v: string) => formatDate(v, locale, timeZone, "dateTime") },
          { title: t("profile.orders.status"), dataIndex: "status", width: 90,
            render: (s: string) => t(`orderStatus.${s}`, { defaultValue: s }) },
          { title: t("profile.orders.value"), dataIndex: "value", align: "right", width: 110,
            render: (v: string) => <Money value={v} /> },
          { title: t("profile.orders.purchase"), dataIndex: "purchase", align: "center", width: 80,
            render: (p: boolean, o) => (
              <>
                {p ? <Tag color="green">{t("profile.orders.yes")}</Tag> : <Tag>{t("profile.orders.no")}</Tag>}
                {o.cod && <Tooltip title={t("profile.orders.cod")}><Tag color="purple" data-testid="profile-order-cod">{t("profile.orders.codTag")}</Tag></Tooltip>}
              </>
            ) },
        ]}
      />
      {orders.length >= ORDER_LIMIT && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("profile.orders.limited", { count: ORDER_LIMIT })}
        </Typography.Text>
      )}
    </>
  );
}
