// The app-wide react-query client: local IPC is cheap, so no polling and no retries on errors.
import { QueryClient } from "@tanstack/react-query";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: Infinity, // data only changes through writes, which emit `data-changed`
      },
      mutations: { retry: false },
    },
  });
}
