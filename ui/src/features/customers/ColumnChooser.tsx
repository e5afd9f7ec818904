// The "Columns" menu above the customer table: which optional columns to show.
import { Button, Checkbox, Popover, Space } from "antd";
import { TableOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { OPTIONAL_COLUMNS, type OptionalColumn } from "./useColumnChoice";

const LABEL: Record<OptionalColumn, string> = {
  platform: "customers.col.platform", shops: "customers.col.shops", stage: "customers.col.stage", rfm: "customers.col.rfm", tier: "customers.col.tier",
  purchases: "customers.col.purchases", orders: "customers.col.orders", value: "customers.col.value",
  first_purchase: "customers.col.firstPurchase", last_purchase: "customers.col.lastPurchase",
  region: "customers.col.region", tags: "customers.col.tags",
  p_alive: "customers.col.pAlive", expected_90d: "customers.col.expected90", clv: "customers.col.clv",
};

type Props = { shown: OptionalColumn[]; onChange: (next: OptionalColumn[]) => void };

export function ColumnChooser({ shown, onChange }: Props) {
  const { t } = useTranslation();
  const content = (
    <Checkbox.Group value={shown} onChange={(v) => onChange(OPTIONAL_COLUMNS.filter((c) => v.includes(c)))}>
      <Space direction="vertical" size={4} data-testid="customers-columns-list">
        {OPTIONAL_COLUMNS.map((c) => <Checkbox key={c} value={c} data-testid={`column-${c}`}>{t(LABEL[c])}</Checkbox>)}
      </Space>
    </Checkbox.Group>
  );
  return (
    <Popover trigger="click" title={t("customers.columns.title")} content={content} placement="bottomRight">
      <Button icon={<TableOutlined />} data-testid="customers-columns">{t("customers.columns.button")}</Button>
    </Popover>
  );
}
