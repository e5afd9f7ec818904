// Column definitions of the preview's order table and of every rejected-rows table; cells are plain text.
import { Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import type { TFunction } from "i18next";
import type { PreviewOrder } from "../../bindings/PreviewOrder";
import type { Rejection } from "../../bindings/Rejection";
import { Money } from "../../components/Money";
import { errorKey } from "../../app/errors";
import { formatCount, formatDate } from "../../components/format";
import { ORDER_STATUS_COLORS, orderStatusLabel } from "./labels";

type Ctx = { t: TFunction; locale: string; timeZone: string };

export function orderColumns({ t, locale, timeZone }: Ctx): ColumnsType<PreviewOrder> {
  const money = (v: string) => <Money value={v} />;
  return [
    { title: t("import.col.row"), dataIndex: "row", key: "row", align: "right",
      render: (n: number) => formatCount(n, locale) },
    { title: t("import.col.orderNo"), dataIndex: "order_no", key: "order_no",
      render: (v: string) => <span className="laoke-nowrap">{v}</span> },
    { title: t("import.col.buyer"), key: "buyer",
      render: (_: unknown, r) => r.buyer_id === null ? <Tag>{t("import.col.noIdentity")}</Tag> : (
        <Space direction="vertical" size={0}>
          <Typography.Text className="laoke-nowrap">{r.nick || r.buyer_id}</Typography.Text>
          {r.nick && r.nick !== r.buyer_id && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.buyer_id}</Typography.Text>}
        </Space>
      ) },
    { title: t("import.col.status"), dataIndex: "status", key: "status",
      render: (s: string) => <Tag color={ORDER_STATUS_COLORS[s]}>{orderStatusLabel(t, s)}</Tag> },
    { title: t("import.col.created"), dataIndex: "created_at", key: "created_at",
      render: (v: string) => <span className="laoke-nowrap">{formatDate(v, locale, timeZone, "dateTime")}</span> },
    { title: t("import.col.amount"), dataIndex: "amount_paid", key: "amount_paid", align: "right", render: money },
    { title: t("import.col.refund"), dataIndex: "refund", key: "refund", align: "right", render: money },
    { title: t("import.col.value"), dataIndex: "value", key: "value", align: "right", render: money },
    { title: t("import.col.purchase"), dataIndex: "purchase", key: "purchase",
      render: (p: boolean, r) => (
        <Space size={4}>
          <Tag color={p ? "green" : "default"}>{p ? t("import.col.yes") : t("import.col.no")}</Tag>
          {r.cod && <Tag color="purple" data-testid="import-order-cod">{t("import.col.cod")}</Tag>}
        </Space>
      ) },
    { title: t("import.col.items"), dataIndex: "items", key: "items", align: "right",
      render: (n: number) => formatCount(n, locale) },
  ];
}

/**
 * Why a row was rejected, in the seller's language from its code (`errors.<code>` with its parameters,
 * instants shown in the shop's time zone, a missing buyer said so).
 */
export function rejectionReason(r: Rejection, { t, locale, timeZone }: Ctx): string {
  const param = (k: string, v: string) => {
    if (k.endsWith("created_at") && v) return formatDate(v, locale, timeZone, "dateTime");
    if (k.endsWith("buyer") && !v) return t("import.rejected.noBuyer");
    return v;
  };
  const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, param(k, v)]));
  return t(errorKey(r.code), { ...params, column: r.column ?? "" });
}

export function rejectedColumns(ctx: Ctx): ColumnsType<Rejection> {
  const { t, locale } = ctx;
  return [
    { title: t("import.col.row"), dataIndex: "row", key: "row", width: 80, align: "right",
      render: (n: number) => formatCount(n, locale) },
    { title: t("import.col.column"), dataIndex: "column", key: "column", width: 200, ellipsis: true,
      render: (c: string | null) => c ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: t("import.col.reason"), key: "reason",
      render: (_: unknown, r) => (
        <Typography.Text style={{ wordBreak: "break-word" }} data-code={r.code}>{rejectionReason(r, ctx)}</Typography.Text>
      ) },
  ];
}
