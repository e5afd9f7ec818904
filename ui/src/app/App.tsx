// The root component: providers plus a HashRouter (the app is served from a custom protocol).
import { useState } from "react";
import { HashRouter } from "react-router-dom";
import { AppProviders } from "./AppProviders";
import { createQueryClient } from "./queryClient";
import { AppRoutes } from "./routes";

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <AppProviders client={client}>
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </AppProviders>
  );
}
