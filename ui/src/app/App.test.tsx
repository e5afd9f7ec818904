// Start-up: an empty archive opens on the welcome screen; data opens the care worklist (and its due badge); the demo
// shop flow.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import i18n from "./i18n";
import { App } from "./App";
import { resetSession } from "./session";
import { resetCareDue } from "./careDue";
import { sendNotification } from "@tauri-apps/plugin-notification";
import { dbInfo, invokeBy, settings } from "../test/ipcFixtures";
import type { Dashboard } from "../bindings/Dashboard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));
vi.mock("../components/Chart", () => ({ Chart: (p: { testId?: string }) => <div data-testid={p.testId} /> }));
vi.mock("@tauri-apps/plugin-notification", () => ({
  isPermissionGranted: vi.fn(async () => true), requestPermission: vi.fn(async () => "granted"), sendNotification: vi.fn(),
}));

const invoked = vi.mocked(invoke);
const handlers = new Map<string, (e: { payload: unknown }) => void>();

const dash = (orders: number): Dashboard => ({
  stats: { customers: orders ? 2000 : 0, buyers: orders ? 1800 : 0, orders, purchases: orders, revenue: orders ? "1340195.20" : "0",
    aov: orders ? "226.54" : "0", repurchase_rate: orders ? "0.3512" : "0", first_order: null, last_order: null },
  monthly: orders ? [{ start: "2025-10-01", orders, purchases: orders, revenue: "1340195.20", aov: "212.29", new_customers: 10, new_buyers: 10, buyers: 10, repurchase_rate: "0.351" }] : [],
  platforms: orders ? [{ platform: "taobao", customers: 2000, revenue: "1340195.20" }] : [],
  shops: orders ? [{ shop_id: 1, customers: 2000, revenue: "1340195.20" }] : [],
  cohorts: orders ? [{ month: "2025-10", buyers: 10, retention: [] }] : [],
  pareto: { buyers: orders ? 1800 : 0, top20_share: orders ? "0.6100" : "0", curve: [] },
  from: orders ? "2025-10-01" : null, to: orders ? "2025-10-31" : null, daily: [], weekly: [], rolling_repurchase: [],
  churn: { churn_days: 180, churned: 0, yearly_value: "0", cost: "0" }, anomalies: [], peaks: [],
});

function backend(orders: number, extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(orders), settings_get: () => settings, dashboard: () => dash(orders), ...extra,
  }) as typeof invoke);
}

beforeEach(async () => {
  invoked.mockReset();
  handlers.clear();
  vi.mocked(listen).mockImplementation(async (name, cb) => {
    handlers.set(name, cb as (e: { payload: unknown }) => void);
    return () => handlers.delete(name);
  });
  resetSession();
  resetCareDue();
  vi.mocked(sendNotification).mockClear();
  await i18n.changeLanguage("en-US");
});

describe("start-up", () => {
  it("shows the welcome screen, outside the nav, when counts.orders is 0", async () => {
    backend(0);
    render(<App />);
    expect(await screen.findByTestId("welcome-demo")).toBeInTheDocument();
    expect(screen.getByTestId("welcome-import")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-dashboard")).not.toBeInTheDocument();
    expect(window.location.hash).toBe("#/welcome");
  });

  it("opens on today's care worklist once orders exist; the dashboard is one click away", async () => {
    backend(6313, { care_day: () => [] });
    render(<App />);
    expect(await screen.findByTestId("care-today")).toBeInTheDocument();
    expect(window.location.hash).toBe("#/care?tab=today");
    expect(await screen.findByTestId("care-day-empty")).toHaveTextContent("Nothing to send today");
    expect(screen.queryByTestId("welcome")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect(await screen.findByTestId("dashboard-stat-orders")).toHaveTextContent("6,313");
    expect(screen.getByTestId("dashboard-stat-revenue")).toHaveTextContent("CN¥1,340,195.20");
    expect(screen.getByTestId("dashboard-stat-revenue")).toHaveAttribute("data-value", "1340195.20");
    expect(screen.getByTestId("dashboard-stat-repurchase")).toHaveTextContent("35.1%");
    expect(screen.getByTestId("dashboard-chart-sales")).toBeInTheDocument();
    expect(screen.getByTestId("nav-customers")).toHaveTextContent("Customers");
  });

  it("shows the archive's due count on the Care menu at start, before the scheduler's first report", async () => {
    backend(6313, { care_day: () => [], care_due: () => 4 });
    render(<App />);
    expect(await screen.findByTestId("nav-care-due")).toHaveTextContent("4");
    expect(invoked.mock.calls.filter(([cmd]) => cmd === "care_due")).toHaveLength(1);
    // The scheduler's report is newer than the start count.
    await waitFor(() => expect(handlers.has("care-due")).toBe(true));
    act(() => handlers.get("care-due")!({ payload: { due: 2, sent: 0 } }));
    expect(await screen.findByTestId("nav-care-due")).toHaveTextContent("2");
  });

  it("shows the care scheduler's due count on the Care menu and notifies once per rise", async () => {
    backend(6313, { care_day: () => [] });
    render(<App />);
    await screen.findByTestId("care-today");
    await waitFor(() => expect(handlers.has("care-due")).toBe(true));
    act(() => handlers.get("care-due")!({ payload: { due: 3, sent: 0 } }));
    expect(await screen.findByTestId("nav-care-due")).toHaveTextContent("3");
    await waitFor(() => expect(sendNotification).toHaveBeenCalledTimes(1));
    expect(sendNotification).toHaveBeenCalledWith({ title: "Laoke · care messages are due", body: "Care messages waiting today: 3." });
    act(() => handlers.get("care-due")!({ payload: { due: 3, sent: 0 } }));
    act(() => handlers.get("care-due")!({ payload: { due: 1, sent: 0 } }));
    expect(await screen.findByTestId("nav-care-due")).toHaveTextContent("1");
    act(() => handlers.get("care-due")!({ payload: { due: 2, sent: 0 } }));
    await waitFor(() => expect(sendNotification).toHaveBeenCalledTimes(2));
    act(() => handlers.get("care-due")!({ payload: { due: 0, sent: 0 } }));
    await waitFor(() => expect(screen.queryByTestId("nav-care-due")).not.toBeInTheDocument());
  });

  it("skip enters the empty app on an empty dashboard", async () => {
    backend(0);
    render(<App />);
    fireEvent.click(await screen.findByTestId("welcome-skip"));
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("No orders yet");
    expect(screen.getByTestId("nav-import")).toBeInTheDocument();
  });

  it("shows a localized error page when the database cannot be opened", async () => {
    invoked.mockRejectedValue({ code: "db.open", message: "unable to open database file", details: null });
    await i18n.changeLanguage("zh-CN");
    render(<App />);
    const alert = await screen.findByTestId("start-error");
    expect(alert).toHaveTextContent("无法打开客户数据库");
    expect(alert).toHaveAttribute("data-code", "db.open");
  });
});

describe("demo shop", () => {
  it("creates 2,000 customers with a fixed seed, shows progress events, then opens the dashboard", async () => {
    let finish: (v: unknown) => void = () => undefined;
    let orders = 0;
    backend(0, { demo_create: () => new Promise((r) => (finish = r)), dashboard: () => dash(orders) });
    render(<App />);
    fireEvent.click(await screen.findByTestId("welcome-demo"));
    await waitFor(() => expect(invoked).toHaveBeenCalledWith("demo_create", { request: { customers: 2000, seed: 20251122 } }));
    expect(screen.getByTestId("demo-progress")).toBeInTheDocument();
    act(() => handlers.get("demo-progress")!({ payload: { phase: "orders", done: 500, total: 2000 } }));
    expect(await screen.findByText("Creating orders…")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    orders = 6313;
    await act(async () => finish({ customers: 2000, orders: 6313, order_items: 9000, elapsed_ms: 900 }));
    expect(await screen.findByTestId("dashboard-stat-orders")).toHaveTextContent("6,313");
    expect(window.location.hash).toBe("#/dashboard");
  });

  it("shows the localized reason when the demo cannot be created", async () => {
    backend(0, { demo_create: () => Promise.reject({ code: "demo.not_empty", message: "has orders", details: null }) });
    render(<App />);
    fireEvent.click(await screen.findByTestId("welcome-demo"));
    expect(await screen.findByTestId("demo-error")).toHaveTextContent("only be created in an empty archive");
  });
});
