// Vite + Vitest configuration for Laoke's web UI (served by Tauri from ui/dist).
/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The CSP the Tauri shell is expected to set; `vite preview` uses it too so that a
// screenshot of the built UI proves antd, ECharts and the app work under it.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ipc: http://ipc.localhost",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

// `--mode mock` builds the dev-only mock.html entry (fake IPC for screenshots) into
// dist-mock/; the production build (ui/dist) contains index.html only.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { "Content-Security-Policy": CSP },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: mode === "mock" ? "dist-mock" : "dist",
    emptyOutDir: true,
    target: "es2021",
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: mode === "mock" ? here("./mock.html") : here("./index.html"),
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    include: ["src/**/*.test.{ts,tsx}"],
    testTimeout: 20000,
  },
}));
