// Runs an import: one `import_files` call per job, following `import-progress`, with Cancel; then the
// import history is refreshed (Rust's `data-changed` refreshes the rest).
import { useCallback, useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ErrorDto } from "../../bindings/ErrorDto";
import type { FileReport } from "../../bindings/FileReport";
import type { ImportProgress } from "../../bindings/ImportProgress";
import { importCancel, importFiles } from "../../ipc/commands";
import { onImportProgress } from "../../ipc/events";
import { toErrorDto } from "../../app/errors";
import { queryKeys } from "../../app/queryKeys";
import type { ImportJob } from "./fileEntries";

/** What a run ended with: the files imported before any failure, and the failure (or cancellation). */
export type ImportOutcome = { files: FileReport[]; error: ErrorDto | null };

const CANCELLED: ErrorDto = { code: "cancelled", message: "cancelled before the next file", details: null };

/** Percent of the current file read, whole numbers, for the progress bar. */
export function importPercent(p: ImportProgress | null): number {
  if (!p || p.bytes_total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((p.bytes_done * 100) / p.bytes_total)));
}

/** The reports an error carries of the files imported before it (`files_done`). */
function filesDone(details: unknown): FileReport[] {
  if (typeof details !== "object" || details === null || !("files_done" in details)) return [];
  return Array.isArray(details.files_done) ? (details.files_done as FileReport[]) : [];
}

export const isCancelled = (outcome: ImportOutcome | undefined) => outcome?.error?.code === "cancelled";

export function useImportRun(onFinished: (outcome: ImportOutcome) => void) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancelRequested = useRef(false);
  const unlisten = useRef<(() => void) | null>(null);

  const stopListening = useCallback(() => {
    unlisten.current?.();
    unlisten.current = null;
  }, []);
  useEffect(() => stopListening, [stopListening]);

  const mutation = useMutation({
    mutationFn: async (jobs: ImportJob[]): Promise<ImportOutcome> => {
      cancelRequested.current = false;
      setCancelling(false);
      setProgress(null);
      stopListening();
      unlisten.current = await onImportProgress(setProgress).catch(() => null);
      const files: FileReport[] = [];
      for (const job of jobs) {
        if (cancelRequested.current) return { files, error: CANCELLED };
        try {
          files.push(...(await importFiles(job.paths, job.request)).files);
        } catch (e) {
          // The files of this call imported before the failing one come with the error.
          const error = toErrorDto(e);
          files.push(...filesDone(error.details));
          return { files, error };
        }
      }
      return { files, error: null };
    },
    onSettled: async () => {
      stopListening();
      await client.invalidateQueries({ queryKey: queryKeys.importHistory() });
    },
    onSuccess: onFinished,
  });

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setCancelling(true);
    void importCancel().catch(() => undefined); // nothing running on the Rust side: nothing to stop
  }, []);

  return {
    run: (jobs: ImportJob[]) => mutation.mutate(jobs),
    cancel,
    running: mutation.isPending,
    cancelling,
    progress,
    outcome: mutation.data,
    reset: mutation.reset,
  };
}
