// Entry point: i18n first, then the React root.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./app/i18n";
import "./app/app.css";
import { App } from "./app/App";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
