// Which optional columns of the customer table the seller shows, remembered on this computer.
import { useCallback, useState } from "react";

export const OPTIONAL_COLUMNS = [
  "platform", "shops", "stage", "rfm", "tier", "purchases", "orders", "value", "first_purchase", "last_purchase", "region",
  "tags",
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

const KEY = "laoke.customers.columns";
const DEFAULT: OptionalColumn[] = OPTIONAL_COLUMNS.filter((c) => c !== "orders");

function read(): OptionalColumn[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null") as unknown;
    if (Array.isArray(stored)) return OPTIONAL_COLUMNS.filter((c) => stored.includes(c));
  } catch {
    // A damaged setting falls back to the defaults.
  }
  return DEFAULT;
}

export function useColumnChoice(): [OptionalColumn[], (next: OptionalColumn[]) => void] {
  const [shown, setShown] = useState<OptionalColumn[]>(read);
  const update = useCallback((next: OptionalColumn[]) => {
    setShown(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  }, []);
  return [shown, update];
}
