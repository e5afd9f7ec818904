// What the dashboard counts: a period (quick presets or any two days), a platform and a shop, and the step of its
// series (day, week, month).
import { DatePicker, Segmented, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Platform } from "../../bindings/Platform";
import type { ShopView } from "../../bindings/ShopView";
import { ALL_TIME, PRESETS, presetOf, presetPeriod, type Granularity, type Period, type Preset } from "./period";

type Props = {
  today: string;
  period: Period;
  onPeriod: (p: Period) => void;
  platforms: Platform[];
  platform: Platform | null;
  onPlatform: (p: Platform | null) => void;
  /** The shops that can be picked (those of the chosen platform); no picker unless a platform has several. */
  shops: ShopView[];
  shop: number | null;
  onShop: (id: number | null) => void;
  shopLabel: (s: ShopView) => string;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
};

const DAY = "YYYY-MM-DD";

export function DashboardFilters(p: Props) {
  const { t } = useTranslation();
  const preset = presetOf(p.period, p.today);
  // With one shop per platform, the platform picker says it all.
  const severalShops = p.shops.length > new Set(p.shops.map((s) => s.platform)).size;
  const range: [Dayjs, Dayjs] | null = p.period.from && p.period.to ? [dayjs(p.period.from, DAY), dayjs(p.period.to, DAY)] : null;
  const pickerPresets = PRESETS.filter((k) => k !== "all").map((k) => {
    const q = presetPeriod(k, p.today);
    return { label: t(`dashboard.period.${k}`), value: [dayjs(q.from, DAY), dayjs(q.to, DAY)] as [Dayjs, Dayjs] };
  });
  return (
    <Space wrap size={8} data-testid="dashboard-filters">
      <Select<Preset | "custom"> data-testid="dashboard-period" style={{ width: 150 }} virtual={false}
        value={preset ?? "custom"} onChange={(k) => k !== "custom" && p.onPeriod(presetPeriod(k, p.today))}
        options={[
          ...PRESETS.map((k) => ({ value: k, label: t(`dashboard.period.${k}`) })),
          ...(preset ? [] : [{ value: "custom" as const, label: t("dashboard.period.custom") }]),
        ]} />
      <DatePicker.RangePicker data-testid="dashboard-range" value={range} presets={pickerPresets} allowClear
        placeholder={[t("dashboard.period.firstOrder"), t("dashboard.period.lastOrder")]} style={{ width: 260 }}
        onChange={(dates) => p.onPeriod(dates?.[0] && dates[1]
          ? { from: dates[0].format(DAY), to: dates[1].format(DAY) }
          : ALL_TIME)} />
      {p.platforms.length > 1 && (
        <Select<Platform | "all"> data-testid="dashboard-platform" style={{ width: 150 }} virtual={false}
          value={p.platform ?? "all"} onChange={(v) => p.onPlatform(v === "all" ? null : v)}
          options={[{ value: "all", label: t("dashboard.allPlatforms") },
            ...p.platforms.map((x) => ({ value: x, label: t(`platform.${x}`) }))]} />
      )}
      {severalShops && (
        <Select<number | "all"> data-testid="dashboard-shop" style={{ minWidth: 180 }} virtual={false}
          value={p.shop ?? "all"} onChange={(v) => p.onShop(v === "all" ? null : v)}
          options={[{ value: "all", label: t("dashboard.allShops") },
            ...p.shops.map((s) => ({ value: s.id, label: p.shopLabel(s) }))]} />
      )}
      <Segmented<Granularity> data-testid="dashboard-granularity" value={p.granularity} onChange={p.onGranularity}
        options={(["day", "week", "month"] as const).map((g) => ({ value: g, label: t(`dashboard.granularity.${g}`) }))} />
    </Space>
  );
}
