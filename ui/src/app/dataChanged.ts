// Maps a `data-changed` event to the queries it makes stale, and listens for it once at the root.
import { useEffect } from "react";
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { onDataChanged } from "../ipc/events";

/**
 * Query families a tag also makes stale: every write of orders (an import, the demo shop) is a batch in the history,
 * and new orders are what activities' and coupon plans' results and estimates count.
 */
const ALSO_STALE: Record<string, readonly string[]> = { orders: ["imports", "activities", "coupons"] };

/** A query is stale when the first element of its key is one of the event's tags (or a family they imply). */
export function isAffected(queryKey: QueryKey, tags: readonly string[]): boolean {
  const head = queryKey[0];
  if (typeof head !== "string") return false;
  return tags.includes(head) || tags.some((tag) => ALSO_STALE[tag]?.includes(head));
}

export function invalidateForTags(client: QueryClient, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (q) => isAffected(q.queryKey, tags) });
}

/** Subscribes to `data-changed` for the lifetime of the app root. */
export function useDataChangedBridge(): void {
  const client = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    onDataChanged((e) => void invalidateForTags(client, e.tags))
      .then((fn) => (cancelled ? fn() : (unlisten = fn)))
      .catch(() => undefined); // outside Tauri there is no event bus; queries still work or fail visibly
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, [client]);
}
