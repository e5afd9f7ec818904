// Stands before the whole app: while the archive is encrypted and this run of the app has not been given its passphrase,
// the unlock screen is all there is. When the answer cannot be had (no desktop runtime), the app shows as usual: the
// lock itself is enforced by Rust, which opens nothing without the key.
import type { ReactNode } from "react";
import { Spin } from "antd";
import { useQuery } from "@tanstack/react-query";
import { archiveLock } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { UnlockScreen } from "./UnlockScreen";

export function ArchiveGate({ children }: { children: ReactNode }) {
  const lock = useQuery({ queryKey: queryKeys.archiveLock(), queryFn: archiveLock, retry: false });
  if (lock.isPending) return <Spin fullscreen />;
  if (lock.data && lock.data.encrypted && !lock.data.unlocked) return <UnlockScreen />;
  return <>{children}</>;
}
