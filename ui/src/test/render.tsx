// Test helpers: render a page inside the real providers with a fresh query client and an in-memory router.
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { AppProviders } from "../app/AppProviders";
import { createQueryClient } from "../app/queryClient";

/** Shows the current path (and its query string in `data-search`) so tests can assert navigation. */
function WhereAmI() {
  const location = useLocation();
  return <output data-testid="location" data-search={location.search}>{location.pathname}</output>;
}

export function renderPage(path: string, element: ReactElement) {
  const client = createQueryClient();
  const result = render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={path.split("?")[0]} element={element} />
          <Route path="*" element={<div data-testid="elsewhere" />} />
        </Routes>
        <WhereAmI />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, client };
}
