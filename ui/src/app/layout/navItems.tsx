// The left navigation: one entry per area, in the order a seller works through them.
import type { ReactNode } from "react";
import {
  BarChartOutlined, CalendarOutlined, CrownOutlined, GiftOutlined, HeartOutlined,
  ImportOutlined, PartitionOutlined, SettingOutlined, TeamOutlined,
} from "@ant-design/icons";

export type NavItem = { key: string; path: string; icon: ReactNode };

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "dashboard", path: "/dashboard", icon: <BarChartOutlined /> },
  { key: "customers", path: "/customers", icon: <TeamOutlined /> },
  { key: "import", path: "/import", icon: <ImportOutlined /> },
  { key: "segments", path: "/segments", icon: <PartitionOutlined /> },
  { key: "tiers", path: "/tiers", icon: <CrownOutlined /> },
  { key: "care", path: "/care", icon: <HeartOutlined /> },
  { key: "activities", path: "/activities", icon: <CalendarOutlined /> },
  { key: "coupons", path: "/coupons", icon: <GiftOutlined /> },
  { key: "settings", path: "/settings", icon: <SettingOutlined /> },
];

/** The nav key whose path prefixes the current location. */
export function activeNavKey(pathname: string): string | undefined {
  return NAV_ITEMS.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))?.key;
}
