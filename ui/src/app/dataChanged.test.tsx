// data-changed → query invalidation: by the first element of each query key, from the real event bridge.
import { describe, expect, it, vi } from "vitest";
import { renderHook } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { invalidateForTags, isAffected, useDataChangedBridge } from "./dataChanged";
import { queryKeys } from "./queryKeys";
import type { CustomerQuery } from "../bindings/CustomerQuery";

const listeners = new Map<string, (e: { payload: unknown }) => void>();
const unlisten = vi.fn();
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (name: string, cb: (e: { payload: unknown }) => void) => {
    listeners.set(name, cb);
    return unlisten;
  }),
}));

const query: CustomerQuery = { search: null, platform: null, sort: "value", desc: true, offset: 0, limit: 50 };

function seeded(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(queryKeys.customers(query), { total: 0, customers: [] });
  client.setQueryData(queryKeys.dashboard(), {});
  client.setQueryData(queryKeys.info(), {});
  client.setQueryData(queryKeys.settings(), {});
  return client;
}
const stale = (c: QueryClient) =>
  c.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => q.queryKey[0]).sort();

describe("isAffected", () => {
  it("matches the first key element against the tags", () => {
    expect(isAffected(["customers", query], ["customers"])).toBe(true);
    expect(isAffected(["stats", "dashboard"], ["stats"])).toBe(true);
    expect(isAffected(["stats", "dashboard"], ["dashboard"])).toBe(false);
    expect(isAffected(["settings"], ["customers", "orders", "stats", "info"])).toBe(false);
    expect(isAffected([42], ["42"])).toBe(false);
  });
  it("a write of orders also makes the import history stale, never a file preview", () => {
    expect(isAffected(queryKeys.importHistory(), ["customers", "orders", "stats", "info"])).toBe(true);
    expect(isAffected(queryKeys.mappingPresets(), ["orders"])).toBe(true);
    expect(isAffected(queryKeys.importHistory(), ["settings"])).toBe(false);
    expect(isAffected(queryKeys.importPreview("/a.csv", { format: null, mapping: null, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false }), ["orders"]))
      .toBe(false);
  });
});

describe("invalidateForTags", () => {
  it("an archive write makes customers, stats and info stale but not settings", async () => {
    const client = seeded();
    await invalidateForTags(client, ["customers", "orders", "stats", "info"]);
    expect(stale(client)).toEqual(["customers", "info", "stats"]);
  });
  it("a settings write only makes settings stale; no tags, nothing", async () => {
    const client = seeded();
    await invalidateForTags(client, []);
    expect(stale(client)).toEqual([]);
    await invalidateForTags(client, ["settings"]);
    expect(stale(client)).toEqual(["settings"]);
  });
});

describe("useDataChangedBridge", () => {
  it("listens to data-changed once and invalidates on each event; unlistens on unmount", async () => {
    const client = seeded();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { unmount } = renderHook(() => useDataChangedBridge(), { wrapper });
    await vi.waitFor(() => expect(listeners.has("data-changed")).toBe(true));
    listeners.get("data-changed")!({ payload: { tags: ["stats"] } });
    await vi.waitFor(() => expect(stale(client)).toEqual(["stats"]));
    unmount();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });
});
