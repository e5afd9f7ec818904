// Query keys of every server query. The first element is the data-changed tag that makes it stale.
import type { CustomerQuery } from "../bindings/CustomerQuery";

export const queryKeys = {
  info: () => ["info"] as const,
  settings: () => ["settings"] as const,
  dashboard: () => ["stats", "dashboard"] as const,
  customers: (query: CustomerQuery) => ["customers", query] as const,
};
