// Which optional columns of the customer table the seller shows, remembered on this computer. Until they
// choose, the defaults: every column but the order count and the forecast's three, and the shops only when a
// platform has several (with one shop per platform the column would repeat the platform).
import { useCallback, useMemo, useState } from "react";

export const OPTIONAL_COLUMNS = [
  "platform", "shops", "stage", "rfm", "tier", "purchases", "orders", "value", "first_purchase", "last_purchase", "region",
  "tags", "p_alive", "expected_90d", "clv",
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

const KEY = "laoke.customers.columns";
/** Shown only when chosen. */
const OPT_IN: readonly OptionalColumn[] = ["orders", "p_alive", "expected_90d", "clv"];

export function defaultColumns(severalShops: boolean): OptionalColumn[] {
  return OPTIONAL_COLUMNS.filter((c) => !OPT_IN.includes(c) && (c !== "shops" || severalShops));
}

function read(): OptionalColumn[] | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null") as unknown;
    if (Array.isArray(stored)) return OPTIONAL_COLUMNS.filter((c) => stored.includes(c));
  } catch {
    // A damaged setting falls back to the defaults.
  }
  return null;
}

export function useColumnChoice(severalShops = false): [OptionalColumn[], (next: OptionalColumn[]) => void] {
  const [chosen, setChosen] = useState<OptionalColumn[] | null>(read);
  const update = useCallback((next: OptionalColumn[]) => {
    setChosen(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  }, []);
  // One array per answer: the table's columns are rebuilt when it changes.
  const defaults = useMemo(() => defaultColumns(severalShops), [severalShops]);
  return [chosen ?? defaults, update];
}
