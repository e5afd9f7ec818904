// The activity planner's server queries and writes: the calendar of a span of days, the types, the settings, a day's
// steps, and the writes that change them (each refetches every "activities" query; the data-changed event does too,
// but only inside the app; a type saved or reset answers with every type, kept at once as the types query).
import { useMemo } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ActivityType } from "../../bindings/ActivityType";
import type { Festival } from "../../bindings/Festival";
import {
  activityCalendar, activityMove, activitySettings, activitySettingsSave, activitySteps, activityTick, activityTypeReset, activityTypes,
  activityTypeSave,
} from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { formatMoney, formatMonth } from "../../components/format";
import { festivalName } from "../care/careModel";
import type { Namer } from "./activityModel";

export const useActivityCalendar = (from: string, to: string) =>
  useQuery({ queryKey: queryKeys.activityCalendar(from, to), queryFn: () => activityCalendar(from, to) });

export const useActivityTypes = () => useQuery({ queryKey: queryKeys.activityTypes(), queryFn: activityTypes });

export const useActivitySettings = () => useQuery({ queryKey: queryKeys.activitySettings(), queryFn: activitySettings });

export const useActivitySteps = (date: string) =>
  useQuery({ queryKey: queryKeys.activitySteps(date), queryFn: () => activitySteps(date) });

/** Refetches every activity query (calendar, steps, previews…). */
export function useRefreshActivities() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["activities"] });
}

/** A type's name in the UI's language (its key when the type is unknown). */
export function useTypeName(): (key: string) => string {
  const { i18n } = useTranslation();
  const types = useActivityTypes();
  const lang = i18n.language;
  return useMemo(() => {
    const byKey = new Map((types.data ?? []).map((t: ActivityType) => [t.key, festivalName(t, lang)]));
    return (key: string) => byKey.get(key) ?? key;
  }, [types.data, lang]);
}

/** How reasons and warnings name festivals (from `festivals`, by key), money and months, in the UI's language. */
export function useNamer(festivals: readonly Festival[] | undefined): Namer {
  const { i18n } = useTranslation();
  const { locale, currency } = useDisplay();
  const lang = i18n.language;
  return useMemo(() => {
    const byKey = new Map((festivals ?? []).map((f) => [f.key, festivalName(f, lang)]));
    return {
      festival: (key: string) => byKey.get(key) ?? key,
      money: (amount: string) => formatMoney(amount, currency, locale),
      month: (month: string) => formatMonth(month, locale),
    };
  }, [festivals, lang, currency, locale]);
}

export function useMoveActivity(onError: (e: unknown) => void) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: ({ id, date }: { id: number; date: string }) => activityMove(id, date),
    onSuccess: () => void refresh(),
    onError,
  });
}

export function useTickStep(onError: (e: unknown) => void) {
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: ({ id, step, done }: { id: number; step: number; done: boolean }) => activityTick(id, step, done),
    onSuccess: () => void refresh(),
    onError,
  });
}

export function useSaveSettings() {
  const refresh = useRefreshActivities();
  return useMutation({ mutationFn: activitySettingsSave, onSuccess: () => void refresh() });
}

/** Saves a type (an edit of a built-in one, or the shop's own); Rust answers with every type. */
export function useSaveType() {
  const client = useQueryClient();
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (t: ActivityType) => activityTypeSave(t),
    onSuccess: (types) => {
      client.setQueryData(queryKeys.activityTypes(), types);
      void refresh();
    },
  });
}

/** Restores a built-in type or deletes the shop's own; Rust answers with every type. */
export function useResetType(onError: (e: unknown) => void) {
  const client = useQueryClient();
  const refresh = useRefreshActivities();
  return useMutation({
    mutationFn: (key: string) => activityTypeReset(key),
    onSuccess: (types) => {
      client.setQueryData(queryKeys.activityTypes(), types);
      void refresh();
    },
    onError,
  });
}
