// The root component: providers, the unlock screen of an encrypted archive, and a HashRouter (the app is served from a
// custom protocol).
import { useState } from "react";
import { HashRouter } from "react-router-dom";
import { AppProviders } from "./AppProviders";
import { createQueryClient } from "./queryClient";
import { AppRoutes } from "./routes";
import { ArchiveGate } from "../features/lock/ArchiveGate";

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <AppProviders client={client}>
      <ArchiveGate>
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </ArchiveGate>
    </AppProviders>
  );
}
