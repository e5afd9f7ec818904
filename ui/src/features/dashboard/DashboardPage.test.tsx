// The dashboard asks Rust for its query (period, platform), draws every section from the answer, opens the customers
// behind a cohort cell, a cohort or a stage, lists the slipping buyers (saying when the model is not trusted), and
// shows an honest empty state on an empty archive.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { Dashboard } from "../../bindings/Dashboard";
import type { Filter } from "../../bindings/Filter";
import type { Prediction } from "../../bindings/Prediction";
import type { SeriesPoint } from "../../bindings/SeriesPoint";
import type { ShopView } from "../../bindings/ShopView";
import { DashboardPage } from "./DashboardPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
// A chart is a box that reports a click on its first item.
vi.mock("../../components/Chart", () => ({
  Chart: (p: { testId?: string; onClick?: (e: unknown) => void }) => (
    <div data-testid={p.testId} onClick={() => p.onClick?.({ componentType: "series", seriesIndex: 0, dataIndex: 0, name: "" })} />
  ),
}));

const invoked = vi.mocked(invoke);
const callsOf = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, args]) => args);

const pt = (start: string, purchases: number): SeriesPoint => ({
  start, orders: purchases + 2, purchases, revenue: `${purchases * 200}.00`, aov: "200.00", new_customers: 5, new_buyers: 4,
  buyers: purchases - 1, repurchase_rate: "0.0500",
});

function dash(orders: number): Dashboard {
  if (!orders) {
    return {
      from: null, to: null, stats: { customers: 0, buyers: 0, orders: 0, purchases: 0, revenue: "0", aov: "0", repurchase_rate: "0",
        first_order: null, last_order: null },
      daily: [], weekly: [], monthly: [], rolling_repurchase: [], platforms: [], shops: [], cohorts: [],
      pareto: { buyers: 0, top20_share: "0", curve: [] }, churn: { churn_days: 180, churned: 0, yearly_value: "0", cost: "0" },
      anomalies: [], peaks: [],
    };
  }
  return {
    from: "2025-09-01", to: "2025-11-30",
    stats: { customers: 1200, buyers: 1100, orders, purchases: 2900, revenue: "580000.00", aov: "200.00", repurchase_rate: "0.3127",
      first_order: "2025-09-01T02:00:00Z", last_order: "2025-11-30T12:00:00Z" },
    daily: [pt("2025-11-10", 30), pt("2025-11-11", 140)], weekly: [pt("2025-11-10", 170)],
    monthly: [pt("2025-09-01", 900), pt("2025-10-01", 950), pt("2025-11-01", 1050)],
    rolling_repurchase: [{ month: "2025-11", buyers: 1100, rate: "0.3127" }],
    platforms: [{ platform: "taobao", customers: 900, revenue: "480000.00" }, { platform: "jd", customers: 300, revenue: "100000.00" }],
    shops: [{ shop_id: 1, customers: 900, revenue: "480000.00" }, { shop_id: 2, customers: 300, revenue: "100000.00" }],
    cohorts: [
      { month: "2025-09", buyers: 400, retention: ["0.2100", "0.1250"] },
      { month: "2025-10", buyers: 350, retention: ["0.1900"] },
      { month: "2025-11", buyers: 380, retention: [] },
    ],
    pareto: { buyers: 1100, top20_share: "0.6100", curve: Array.from({ length: 101 }, (_, i) => Math.sqrt(i / 100).toFixed(4)) },
    churn: { churn_days: 180, churned: 37, yearly_value: "356.40", cost: "13186.80" },
    anomalies: [{ date: "2025-11-10", metric: "purchases", value: "30.00", expected_low: "50.00", expected_high: "90.00",
      direction: "low", promotion: null }],
    peaks: [{ date: "2025-11-11", metric: "revenue", value: "28000.00", expected_low: "6000.00", expected_high: "15000.00",
      direction: "high", promotion: "double_11" }],
  };
}

const shops: ShopView[] = [
  { id: 1, platform: "taobao", name: "小鱼手作铺", named: true, count_cod: true, orders: 2500, customers: 900, created_at: "2024-01-01T00:00:00Z" },
  { id: 2, platform: "jd", name: "京东店", named: false, count_cod: true, orders: 600, customers: 300, created_at: "2024-01-01T00:00:00Z" },
];

function prediction(reliable: boolean): Prediction {
  return {
    model: { r: null, alpha: null, a: null, b: null, ll: null, p: null, q: null, gamma: null, fit_ms: 120, reliable,
      why: reliable ? null : { code: "predict.too_few_repeat_buyers", message: "x", details: { repeat_buyers: 12, min: 20 } },
      as_of: "2025-11-30", unit: "week", horizon_days: 365, customers: 1100, repeat_buyers: reliable ? 340 : 12 },
    customers: [{ id: 41, buyer_id: "tb_lu", nick: "小鹿", x: 4, t_x: 30, T: 60, p_alive: 0.3127, expected_90d: 0.4567,
      expected: 1.2, value: "180.00", clv: "212.30", spent: "2899.00" }],
  };
}

function answer(orders: number, reliable = true) {
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    shops_list: () => shops,
    dashboard: () => dash(orders),
    slipping_away: () => prediction(reliable),
    rfm_summary: () => ({ as_of: "2025-11-30", groups: { champions: 100, lost: 300 }, pareto: dash(orders).pareto }),
    tier_state: () => ({ applied: false, tiers: [], no_tier: 0, pinned: 0,
      ladder: { window: "lifetime", review: "yearly", grace_days: 30, tiers: [] } }),
    segment_count: ({ filter }) => ({ customers: 10 * ((filter as Filter).rules.length + 1), of: 1200 }),
    customer_profile: () => { throw { code: "not_found", message: "gone", details: null }; },
  }) as typeof invoke);
}

const location = () => screen.getByTestId("location");
const openedFilter = (): Filter => {
  const search = location().getAttribute("data-search") ?? "";
  return JSON.parse(new URLSearchParams(search).get("filter") ?? "null") as Filter;
};

beforeEach(async () => {
  invoked.mockReset();
  await i18n.changeLanguage("en-US");
});

describe("DashboardPage", () => {
  it("asks for all time and every shop, then draws every section", async () => {
    answer(3100);
    renderPage("/dashboard", <DashboardPage />);
    expect(await screen.findByTestId("dashboard-stat-orders", {}, { timeout: 5000 })).toHaveTextContent("3,100");
    expect(callsOf("dashboard")[0]).toEqual({ query: { shops: null, platform: null, from: null, to: null } });
    // Three months: daily series unless another step is chosen.
    expect(screen.getByTestId("dashboard-series")).toHaveAttribute("data-granularity", "day");
    for (const id of ["growth", "sales", "aov", "repurchase"]) expect(screen.getByTestId(`dashboard-chart-${id}`)).toBeInTheDocument();
    expect(screen.getAllByTestId("cohort-row")).toHaveLength(3);
    expect(screen.getAllByTestId("cohort-cell").map((c) => c.textContent)).toEqual(["21%", "12.5%", "19%"]);
    const low = screen.getByTestId("anomaly-row");
    expect(low).toHaveTextContent("Purchases");
    expect(low).toHaveTextContent("50 – 90");
    expect(low).toHaveTextContent("Below range");
    expect(screen.getByTestId("anomaly-peak")).toHaveTextContent("Expected promotion peak: Double 11");
    expect(screen.getByTestId("anomaly-peak")).toHaveTextContent("CN¥28,000.00");
    expect(screen.getByTestId("dashboard-churn-advice")).toHaveTextContent(
      "Keeping one of them is worth CN¥356.40 a year: a retention budget below CN¥356.40 per kept buyer pays for itself.");
    expect(screen.getByTestId("dashboard-churn")).toHaveTextContent("180 days after their last purchase");
    const row = await screen.findByTestId("slipping-row", {}, { timeout: 5000 });
    expect(row).toHaveTextContent("小鹿");
    expect(row).toHaveTextContent("CN¥2,899.00");
    expect(row).toHaveTextContent("31%");
    expect(row).toHaveTextContent("0.46");
    expect(row).toHaveTextContent("CN¥212.30");
    expect(screen.queryByTestId("slipping-fallback")).not.toBeInTheDocument();
    expect(callsOf("slipping_away")).toEqual([{ limit: 20 }]);
    await waitFor(() => expect(screen.getByTestId("dashboard-stages-bars")).toHaveAttribute("data-counts",
      "potential=20,new=20,active=20,loyal=20,sleeping=20,churned=20"));
    expect(screen.getByTestId("dashboard-tiers-setup")).toBeInTheDocument();
    expect(await screen.findByTestId("pareto-top20")).toHaveTextContent("Top 20% of buyers bring 61% of the value");
    expect(screen.queryByTestId("dashboard-empty")).not.toBeInTheDocument();
  });

  it("opens exactly a cohort cell's customers", async () => {
    answer(3100);
    renderPage("/dashboard", <DashboardPage />);
    const cells = await screen.findAllByTestId("cohort-cell", {}, { timeout: 5000 });
    fireEvent.click(cells[1]); // September's buyers who bought in November
    expect(location()).toHaveTextContent("/customers");
    expect(openedFilter()).toEqual({ match: "all", rules: [
      { field: "first_purchase", op: "between", values: ["2025-09-01", "2025-09-30"] },
      { field: "bought_on", op: "between", values: ["2025-11-01", "2025-11-30"] },
    ] });
    expect(location().getAttribute("data-search")).toBe(`?filter=${encodeURIComponent(JSON.stringify(openedFilter()))}`);
  });

  it("counts a platform when one is chosen, and its cohort cells open that platform's customers", async () => {
    answer(3100);
    renderPage("/dashboard", <DashboardPage />);
    await screen.findByTestId("dashboard-stat-orders", {}, { timeout: 5000 });
    fireEvent.mouseDown(within(screen.getByTestId("dashboard-platform")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("JD"));
    await waitFor(() => expect(callsOf("dashboard").at(-1)).toEqual({ query: { shops: null, platform: "jd", from: null, to: null } }));
    fireEvent.click(screen.getAllByTestId("cohort-size")[0]);
    expect(openedFilter()).toEqual({ match: "all", rules: [
      { field: "first_purchase", op: "between", values: ["2025-09-01", "2025-09-30"] },
      { field: "platform", op: "eq", values: ["jd"] },
    ] });
  });

  it("asks for a preset period", async () => {
    answer(3100);
    renderPage("/dashboard", <DashboardPage />);
    await screen.findByTestId("dashboard-stat-orders", {}, { timeout: 5000 });
    fireEvent.mouseDown(within(screen.getByTestId("dashboard-period")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("Last year"));
    const year = new Date().getFullYear() - 1; // (a run across midnight on 31 December in Shanghai would fail)
    await waitFor(() => expect(callsOf("dashboard").at(-1)).toEqual({
      query: { shops: null, platform: null, from: `${year}-01-01`, to: `${year}-12-31` } }));
  });

  it("opens a stage's customers from its bar", async () => {
    answer(3100);
    renderPage("/dashboard", <DashboardPage />);
    // The chart's first item is its bottom bar, the last stage.
    fireEvent.click(await screen.findByTestId("dashboard-stages-chart", {}, { timeout: 5000 }));
    expect(openedFilter()).toEqual({ match: "all", rules: [{ field: "stage", op: "eq", values: ["churned"] }] });
  });

  it("says when the forecast comes from the fallback rule, in the seller's words", async () => {
    answer(3100, false);
    renderPage("/dashboard", <DashboardPage />);
    const why = await screen.findByTestId("slipping-why", {}, { timeout: 5000 });
    expect(why).toHaveAttribute("data-code", "predict.too_few_repeat_buyers");
    expect(why).toHaveTextContent("12 repeat buyers are too few for a stable forecast (at least 20)");
    expect(screen.getByTestId("slipping-fallback")).toHaveTextContent("come from the simple rule");
  });

  it("speaks Chinese, promotions included", async () => {
    answer(3100);
    await i18n.changeLanguage("zh-CN");
    renderPage("/dashboard", <DashboardPage />);
    expect(await screen.findByTestId("anomaly-peak", {}, { timeout: 5000 })).toHaveTextContent("正常大促高峰：双11");
    expect(screen.getByTestId("dashboard-cohorts")).toHaveTextContent("新客会回来吗");
  });

  it("shows an honest empty state on an empty archive: no charts, a way to import or try the demo", async () => {
    answer(0);
    renderPage("/dashboard", <DashboardPage />);
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("No orders yet");
    expect(screen.getByTestId("dashboard-import")).toBeInTheDocument();
    expect(screen.queryByTestId("dashboard-filters")).not.toBeInTheDocument();
    expect(screen.queryByTestId("dashboard-chart-sales")).not.toBeInTheDocument();
    expect(callsOf("slipping_away")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("dashboard-demo"));
    expect(location()).toHaveTextContent("/welcome");
  });
});
