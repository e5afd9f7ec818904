// Search box and platform filter above the customer table, plus the total count.
import { Input, Select, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Platform } from "../../bindings/Platform";
import { PLATFORMS } from "../../components/PlatformTag";
import { formatCount } from "../../components/format";

type Props = {
  searchText: string;
  onSearchText: (v: string) => void;
  platform: Platform | null;
  onPlatform: (p: Platform | null) => void;
  total: number | undefined;
  /** Shown at the right end (the column chooser). */
  extra?: React.ReactNode;
};

export function CustomersToolbar({ searchText, onSearchText, platform, onPlatform, total, extra }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="laoke-toolbar">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t("customers.searchPlaceholder")}
        value={searchText}
        onChange={(e) => onSearchText(e.target.value)}
        style={{ width: 360 }}
        data-testid="customers-search"
      />
      <Select<Platform | "all">
        value={platform ?? "all"}
        onChange={(v) => onPlatform(v === "all" ? null : v)}
        style={{ width: 180 }}
        data-testid="customers-platform"
        options={[
          { value: "all", label: t("customers.allPlatforms") },
          ...PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) })),
        ]}
      />
      {total !== undefined && (
        <Typography.Text type="secondary" data-testid="customers-total" data-total={total}>
          {t("customers.total", { count: total, formatted: formatCount(total, i18n.language) })}
        </Typography.Text>
      )}
      {extra && <div style={{ marginLeft: "auto" }}>{extra}</div>}
    </div>
  );
}
