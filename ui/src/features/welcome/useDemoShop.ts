// Builds the demo shop: calls `demo_create` and follows its `demo-progress` events.
import { useCallback, useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DemoProgress } from "../../bindings/DemoProgress";
import { demoCreate } from "../../ipc/commands";
import { onDemoProgress } from "../../ipc/events";
import { invalidateForTags } from "../../app/dataChanged";

/** 2,000 customers from a fixed seed: every demo shop looks the same. */
export const DEMO_REQUEST = { customers: 2000, seed: 20251122 } as const;

export function useDemoShop(onDone: () => void) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const unlisten = useRef<(() => void) | null>(null);

  const stopListening = useCallback(() => {
    unlisten.current?.();
    unlisten.current = null;
  }, []);
  useEffect(() => stopListening, [stopListening]);

  const mutation = useMutation({
    mutationFn: async () => {
      setProgress({ phase: "customers", done: 0, total: DEMO_REQUEST.customers });
      stopListening();
      unlisten.current = await onDemoProgress(setProgress).catch(() => null);
      return demoCreate({ ...DEMO_REQUEST });
    },
    onSettled: stopListening,
    onSuccess: async () => {
      await invalidateForTags(client, ["customers", "orders", "stats", "info"]);
      onDone();
    },
  });

  return { start: () => mutation.mutate(), running: mutation.isPending, error: mutation.error, progress };
}

/** Percent done, whole numbers, for the progress bar. */
export function progressPercent(p: DemoProgress | null): number {
  if (!p || p.total <= 0) return 0;
  return Math.min(100, Math.floor((p.done * 100) / p.total));
}
