// "Then by": a second sort key for the customer list (the column headers set the first).
import { Button, Select, Space, Tooltip } from "antd";
import { SortAscendingOutlined, SortDescendingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { SortField } from "../../bindings/SortField";
import type { SortKey } from "../../bindings/SortKey";
import { SORTABLE } from "./customerQuery";

const LABEL: Partial<Record<SortField, string>> = {
  nick: "customers.col.nick", platform: "customers.col.platform", purchases: "customers.col.purchases",
  orders: "customers.col.orders", value: "customers.col.value", first_purchase: "customers.col.firstPurchase",
  last_purchase: "customers.col.lastPurchase", stage: "customers.col.stage", rfm: "customers.col.rfm",
  tier: "customers.col.tier", tags: "customers.col.tags",
  p_alive: "customers.col.pAlive", expected_90d: "customers.col.expected90", clv: "customers.col.clv",
};

type Props = { primary: SortField; value: SortKey | null; onChange: (k: SortKey | null) => void };

export function ThenBySort({ primary, value, onChange }: Props) {
  const { t } = useTranslation();
  const desc = value?.desc ?? true;
  return (
    <Space.Compact data-testid="customers-then-by">
      <Select<SortField> allowClear style={{ width: 170 }} placeholder={t("customers.sort.thenBy")} value={value?.field}
        onChange={(field) => onChange(field ? { field, desc } : null)}
        options={SORTABLE.filter((f) => f !== primary).map((f) => ({ value: f, label: t("customers.sort.then", { field: t(LABEL[f] ?? f) }) }))} />
      <Tooltip title={t(desc ? "customers.sort.desc" : "customers.sort.asc")}>
        <Button disabled={!value} icon={desc ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
          onClick={() => value && onChange({ ...value, desc: !desc })} data-testid="customers-then-by-dir" />
      </Tooltip>
    </Space.Compact>
  );
}
