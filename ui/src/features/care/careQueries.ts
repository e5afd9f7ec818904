// The Care page's server queries: the rules, one day's worklist, the calendar, the festivals of the coming year,
// "today" in the shop's time zone, and the shop's own dates with their save.
import { useMemo } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Festival } from "../../bindings/Festival";
import { careCalendar, careDay, careFestivals, careRules, shopDates, shopDatesSave } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { addDays, festivalName, todayIn } from "./careModel";

/** How far the calendar looks ahead. */
export const CALENDAR_DAYS = 90;

export const useCareRules = () => useQuery({ queryKey: queryKeys.careRules(), queryFn: careRules });

export const useCareDay = (date: string) =>
  useQuery({ queryKey: queryKeys.careDay(date), queryFn: () => careDay(date) });

/** Today (YYYY-MM-DD) where the shop is. */
export function useShopToday(): string {
  const { timeZone } = useDisplay();
  return todayIn(timeZone);
}

export function useCareCalendar(from: string, days = CALENDAR_DAYS) {
  const to = addDays(from, days - 1);
  return useQuery({ queryKey: queryKeys.careCalendar(from, to), queryFn: () => careCalendar(from, to) });
}

/**
 * Every festival of the coming year, first occurrence of each key, from Rust's festival calendar (the one place
 * that says which festivals exist, the shop's own dates included). Only asked for when `enabled`.
 */
export function useFestivals(enabled: boolean) {
  const { i18n } = useTranslation();
  const today = useShopToday();
  const to = addDays(today, 365);
  const query = useQuery({
    queryKey: queryKeys.careFestivals(today, to),
    queryFn: () => careFestivals(today, to),
    enabled,
    staleTime: 60 * 60 * 1000,
    select: (festivals) => {
      const seen = new Map<string, Festival>();
      for (const f of festivals) if (!seen.has(f.key)) seen.set(f.key, f);
      return [...seen.values()];
    },
  });
  const lang = i18n.language;
  const name = useMemo(() => {
    const byKey = new Map((query.data ?? []).map((f) => [f.key, festivalName(f, lang)]));
    return (key: string) => byKey.get(key) ?? key;
  }, [query.data, lang]);
  return { festivals: query.data, name, query };
}

export const useShopDates = () => useQuery({ queryKey: queryKeys.shopDates(), queryFn: shopDates });

/**
 * Saves the shop's whole list of dates. The festivals (the rule editor's list, the rules' descriptions) and the
 * calendar and day lists are refetched here, not left to the `data-changed` event: its "care" tag does not reach
 * the festivals, which live under "settings".
 */
export function useSaveShopDates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: shopDatesSave,
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.shopDates(), saved);
      // Every range of each: the first two elements of a key name the family.
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.careFestivals("", "").slice(0, 2) }),
        client.invalidateQueries({ queryKey: queryKeys.careCalendar("", "").slice(0, 2) }),
        client.invalidateQueries({ queryKey: queryKeys.careDay("").slice(0, 2) }),
      ]);
    },
  });
}
