// Column definitions of the customer table; every cell renders user data as plain text.
import { Space, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, SortOrder } from "antd/es/table/interface";
import type { TFunction } from "i18next";
import type { CustomerRow } from "../../bindings/CustomerRow";
import { Money } from "../../components/Money";
import { PlatformTag } from "../../components/PlatformTag";
import { formatCount, formatDate, formatDecimal, formatPercent } from "../../components/format";
import { TierTag } from "../tiers/TierBadge";
import type { ListState } from "./customerQuery";
import type { OptionalColumn } from "./useColumnChoice";

type Ctx = {
  t: TFunction; locale: string; timeZone: string; state: ListState; shown?: readonly OptionalColumn[];
  /** Badge colour per tier name (see `useTierColors`). */
  tierColors?: Map<string, string>;
};

/** Colours of the lifecycle stages: warm for customers to look after, grey for the lost. */
export const STAGE_COLORS: Record<string, string> = {
  potential: "default", new: "cyan", active: "green", loyal: "gold", sleeping: "orange", churned: "red",
};

export function region(row: Pick<CustomerRow, "province" | "city">): string {
  const parts = [row.province, row.city].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length === 2 && parts[0] === parts[1] ? parts[0] : parts.join(" ");
}

export function customerColumns(ctx: Ctx): ColumnsType<CustomerRow> {
  const shown = ctx.shown;
  return allColumns(ctx).filter((c) => c.key === "nick" || !shown || shown.includes(c.key as OptionalColumn));
}

function allColumns({ t, locale, timeZone, state, tierColors }: Ctx): ColumnsType<CustomerRow> {
  const order = (key: string): SortOrder => (state.sort === key ? (state.desc ? "descend" : "ascend") : null);
  const sortable = (key: string, first: "ascend" | "descend" = "descend") => ({
    key, sorter: true, sortOrder: order(key),
    sortDirections: (first === "ascend" ? ["ascend", "descend"] : ["descend", "ascend"]) as SortOrder[],
  });
  const date = (v: string | null) => formatDate(v, locale, timeZone, "numeric");
  // A buyer without a forecast yet (none before the archive rules ran; none without a purchase).
  const none = <Tooltip title={t("customers.noForecast")}><Typography.Text type="secondary">—</Typography.Text></Tooltip>;
  return [
    { title: t("customers.col.nick"), dataIndex: "nick", ...sortable("nick", "ascend"), ellipsis: true, width: 140,
      render: (_: string, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.nick || r.buyer_id}</Typography.Text>
          {r.nick && r.buyer_id !== r.nick && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.buyer_id}</Typography.Text>}
        </Space>
      ) },
    { title: t("customers.col.platform"), dataIndex: "platform", ...sortable("platform", "ascend"), width: 100,
      render: (p: CustomerRow["platform"]) => <PlatformTag platform={p} /> },
    { title: t("customers.col.shops"), dataIndex: "shops", key: "shops", width: 130, ellipsis: true,
      render: (shops: string[]) => (
        <Typography.Text title={shops.join(t("common.listSeparator"))} data-testid="customer-shops">
          {shops.join(t("common.listSeparator"))}
        </Typography.Text>
      ) },
    { title: t("customers.col.stage"), dataIndex: "stage", ...sortable("stage", "ascend"), width: 92,
      render: (s: string | null) => s ? <Tag color={STAGE_COLORS[s]} data-testid="customer-stage">{t(`lifecycle.stage.${s}`)}</Tag> : null },
    { title: t("customers.col.rfm"), dataIndex: "rfm", ...sortable("rfm"), width: 120, ellipsis: true,
      render: (g: string | null, r) => g ? <Typography.Text title={r.rfm_cell ?? undefined}>{t(`lifecycle.rfm.${g}.name`)}</Typography.Text> : null },
    { title: t("customers.col.tier"), dataIndex: "tier", ...sortable("tier"), width: 90,
      render: (tier: string | null) => tier ? <TierTag name={tier} color={tierColors?.get(tier) ?? "default"} /> : null },
    { title: t("customers.col.purchases"), dataIndex: "purchases", ...sortable("purchases"), align: "right", width: 112,
      render: (n: number) => formatCount(n, locale) },
    { title: t("customers.col.orders"), dataIndex: "orders", ...sortable("orders"), align: "right", width: 90,
      render: (n: number) => formatCount(n, locale) },
    { title: t("customers.col.value"), dataIndex: "value", ...sortable("value"), align: "right", width: 124,
      render: (v: string) => <Money value={v} /> },
    { title: t("customers.col.firstPurchase"), dataIndex: "first_purchase", ...sortable("first_purchase"), width: 116, render: date },
    { title: t("customers.col.lastPurchase"), dataIndex: "last_purchase", ...sortable("last_purchase"), width: 116, render: date },
    { title: t("customers.col.pAlive"), dataIndex: "p_alive", ...sortable("p_alive"), align: "right", width: 120,
      render: (v: string | null) => (v === null ? none : <span data-testid="customer-p-alive">{formatPercent(v, locale)}</span>) },
    { title: t("customers.col.expected90"), dataIndex: "expected_90d", ...sortable("expected_90d"), align: "right", width: 128,
      render: (v: string | null) => (v === null ? none : formatDecimal(v, locale)) },
    { title: t("customers.col.clv"), dataIndex: "clv", ...sortable("clv"), align: "right", width: 124,
      render: (v: string | null) => (v === null ? none : <Money value={v} />) },
    { title: t("customers.col.region"), key: "region", ellipsis: true, width: 110, render: (_: unknown, r) => region(r) },
    { title: t("customers.col.tags"), dataIndex: "tags", key: "tags", width: 160,
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.slice(0, 3).map((tag) => <Tag key={tag}>{tag}</Tag>)}
          {tags.length > 3 && <Tag>+{tags.length - 3}</Tag>}
        </Space>
      ) },
  ];
}
