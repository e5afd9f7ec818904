// The app-wide react-query client: local IPC is cheap, so no polling and no retries on errors. A `db.locked` answer
// (the archive was encrypted from the command line while the app ran) makes the lock state stale, so the unlock screen
// takes over instead of every page showing the error.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { toErrorDto } from "./errors";
import { queryKeys } from "./queryKeys";

export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (toErrorDto(error).code === "db.locked") void client.invalidateQueries({ queryKey: queryKeys.archiveLock() });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: Infinity, // data only changes through writes, which emit `data-changed`
      },
      mutations: { retry: false },
    },
  });
  return client;
}
