// Which shop a file's orders go to: the shop the export names (店铺名称), one of the platform's shops, or a new
// one — and what the preview found there: orders the shop already holds as other orders (the file is probably
// another shop's), or orders another shop holds (the file is probably that shop's).
import { useState } from "react";
import { Alert, Button, Flex, Input, Select, Space, Tag, Typography } from "antd";
import { ShopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../bindings/ImportPreview";
import { useShopsQuery } from "../../app/shopQueries";
import type { FileEntry } from "./fileEntries";

type Props = { entry: FileEntry; preview: ImportPreview; onPick: (shop: string | null) => void };

/** The picker's values: the export's own shop, a shop by name, or "a new shop…". */
const FROM_FILE = "file:";
const NEW = "new:";
const named = (name: string) => `shop:${name}`;

/** The value shown for what is chosen now: the seller's pick, else what the preview decided. */
export function pickerValue(entry: FileEntry, preview: ImportPreview): string | undefined {
  if (entry.shop === null) return FROM_FILE;
  if (entry.shop !== undefined) return named(entry.shop);
  if (preview.file_shop !== null) return FROM_FILE;
  return preview.shop?.name ? named(preview.shop.name) : undefined;
}

export function ShopPicker({ entry, preview, onPick }: Props) {
  const { t } = useTranslation();
  const shops = useShopsQuery();
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState("");
  const check = preview.shop;
  if (!check || !preview.platform) return null;

  const own = (shops.data ?? []).filter((s) => s.platform === preview.platform).map((s) => s.name);
  const value = pickerValue(entry, preview);
  const options = [
    ...(preview.file_shop !== null
      ? [{ value: FROM_FILE, label: t("import.shop.fromFile", { name: preview.file_shop }) }] : []),
    ...own.map((name) => ({ value: named(name), label: name })),
    // A new name typed before, not a shop yet.
    ...(check.new && check.name && !own.includes(check.name) && value !== FROM_FILE
      ? [{ value: named(check.name), label: t("import.shop.newNamed", { name: check.name }) }] : []),
    { value: NEW, label: t("import.shop.new") },
  ];
  const submit = () => {
    const name = draft.trim();
    if (name === "") return;
    setTyping(false);
    setDraft("");
    onPick(name);
  };
  const choose = (v: string) => {
    if (v === NEW) return setTyping(true);
    setTyping(false);
    onPick(v === FROM_FILE ? null : v.slice(named("").length));
  };
  const orders = preview.orders.length;

  return (
    <div className="laoke-shop-picker" data-testid="import-shop">
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary"><ShopOutlined /> {t("import.shop.label")}</Typography.Text>
        <Select data-testid="import-shop-select" style={{ minWidth: 240 }} value={typing ? NEW : value}
          options={options} onChange={choose} placeholder={t("import.shop.choose")} virtual={false}
          status={value === undefined && !typing ? "warning" : undefined} />
        {typing && (
          <Space.Compact>
            <Input autoFocus data-testid="import-shop-new-name" placeholder={t("import.shop.newName")} maxLength={100}
              value={draft} onChange={(e) => setDraft(e.target.value)} onPressEnter={submit} />
            <Button type="primary" onClick={submit} disabled={draft.trim() === ""} data-testid="import-shop-new-ok">
              {t("common.ok")}
            </Button>
          </Space.Compact>
        )}
        {!typing && check.new && check.name && <Tag color="blue" data-testid="import-shop-new">{t("import.shop.willCreate")}</Tag>}
        {!typing && check.remembered && entry.shop === undefined && (
          <Typography.Text type="secondary" data-testid="import-shop-remembered">{t("import.shop.remembered")}</Typography.Text>
        )}
      </Flex>
      {value === undefined && !typing && (
        <Alert type="warning" showIcon className="laoke-shop-alert" data-testid="import-shop-required"
          message={t("import.shop.required", { shops: check.choices.join(t("common.listSeparator")) })} />
      )}
      {check.renames && value === FROM_FILE && (
        <Alert type="info" showIcon className="laoke-shop-alert" data-testid="import-shop-renames"
          message={t("import.shop.renames", { from: check.renames, to: check.name })} />
      )}
      {check.conflicts > 0 && (
        <Alert type="warning" showIcon className="laoke-shop-alert" data-testid="import-shop-conflicts"
          data-count={check.conflicts}
          message={t("import.shop.conflicts", { count: check.conflicts, orders, shop: check.name })}
          description={t("import.shop.conflictsText")} />
      )}
      {check.elsewhere.map((m) => (
        <Alert key={m.shop_id} type="info" showIcon className="laoke-shop-alert" data-testid="import-shop-elsewhere"
          message={t("import.shop.elsewhere", { count: m.orders, orders, shop: m.name })}
          action={<Button size="small" onClick={() => onPick(m.name)} data-testid="import-shop-use-elsewhere">
            {t("import.shop.useThat", { shop: m.name })}
          </Button>} />
      ))}
    </div>
  );
}
