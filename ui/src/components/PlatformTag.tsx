// A platform's localized name as a coloured tag, plus the list of platforms for filters.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Platform } from "../bindings/Platform";

export const PLATFORMS: readonly Platform[] = [
  "taobao", "tmall", "pinduoduo", "jd", "douyin", "shopify", "woocommerce", "etsy", "generic",
];

export const PLATFORM_COLORS: Record<Platform, string> = {
  taobao: "#ff5000", tmall: "#d9001b", pinduoduo: "#e02e24", jd: "#c91623", douyin: "#1f1f1f",
  shopify: "#5e8e3e", woocommerce: "#7f54b3", etsy: "#f1641e", generic: "#8c8c8c",
};

export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return <Tag color={PLATFORM_COLORS[platform]}>{t(`platform.${platform}`)}</Tag>;
}
