// Shared queries every screen needs (database info, settings) and the display context they give.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { appInfo, settingsGet, shopsList } from "../ipc/commands";
import { queryKeys } from "./queryKeys";

export const DEFAULT_TIMEZONE = "Asia/Shanghai";
export const DEFAULT_CURRENCY = "CNY";

export const useInfoQuery = () => useQuery({ queryKey: queryKeys.info(), queryFn: appInfo });
export const useSettingsQuery = () => useQuery({ queryKey: queryKeys.settings(), queryFn: settingsGet });
/** The seller's shops (storefronts), by platform and then age. */
export const useShopsQuery = () => useQuery({ queryKey: queryKeys.shops(), queryFn: shopsList });

/**
 * Whether a platform has several shops (so that shops need naming beside platforms). Selected from the shop
 * list so that a screen using it renders again only when the answer changes, not when the list reloads.
 */
export function useSeveralShops(): boolean {
  const { data } = useQuery({
    queryKey: queryKeys.shops(), queryFn: shopsList,
    select: (shops) => new Set(shops.map((s) => s.platform)).size < shops.length,
  });
  return data ?? false;
}

/** Locale, currency and time zone for formatting; defaults until settings load (or if they fail). */
export function useDisplay(): { locale: string; currency: string; timeZone: string } {
  const { i18n } = useTranslation();
  const { data } = useSettingsQuery();
  return {
    locale: i18n.language,
    currency: data?.currency || DEFAULT_CURRENCY,
    timeZone: data?.timezone || DEFAULT_TIMEZONE,
  };
}

/** True once the archive holds at least one order; undefined while unknown. */
export function useHasOrders(): boolean | undefined {
  const { data } = useInfoQuery();
  return data ? data.counts.orders > 0 : undefined;
}
