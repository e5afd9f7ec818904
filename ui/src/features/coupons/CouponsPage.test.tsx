// A new coupon plan shows Rust's estimate before it is saved (target size, coupons handed out, the rate with its range
// and source, the cost low / expected / high), a plan Rust refuses shows its code's text and cannot be saved, and
// Save sends the plan as typed. A plan the imported orders redeemed shows what they matched, which can be taken over as
// its results.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { CouponEstimate } from "../../bindings/CouponEstimate";
import type { CouponPlan } from "../../bindings/CouponPlan";
import type { CouponResults } from "../../bindings/CouponResults";
import type { CouponView } from "../../bindings/CouponView";
import { CouponsPage } from "./CouponsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
const lastPlan = (cmd: string) => (calls(cmd).at(-1)![1] as { plan: CouponPlan }).plan;

const estimate: CouponEstimate = {
  target_size: 318, handed_out: 300, redemption_rate: "0.0800", rate_low: "0.0400", rate_high: "0.1500", rate_source: "default",
  history_plans: 0, expected_redemptions: 24, per_redemption: "15.00", cost_low: "180.00", cost_expected: "360.00", cost_high: "675.00",
};

beforeEach(async () => {
  invoked.mockReset();
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    coupon_plans: () => [],
    // As Rust's check does: an amount off is less than the threshold.
    coupon_estimate: ({ plan }) => {
      const p = plan as CouponPlan;
      if (Number(p.amount) >= Number(p.threshold)) {
        throw { code: "coupon.amount_exceeds_threshold", message: "amount", details: { amount: p.amount, threshold: p.threshold } };
      }
      return estimate;
    },
    coupon_save: ({ plan }) => ({ id: 5, plan: { ...(plan as CouponPlan), id: 5 }, offer: "满99减15", estimate, results: null, matched: null }),
  }) as typeof invoke);
  await i18n.changeLanguage("zh-CN");
});

describe("a new coupon plan", () => {
  it("shows its estimated cost before saving, Rust's refusal by its code, and saves the plan", async () => {
    renderPage("/coupons", <CouponsPage />);
    expect(await screen.findByTestId("coupon-empty")).toHaveTextContent("还没有优惠券方案");
    fireEvent.click(screen.getByTestId("coupon-new"));
    fireEvent.change(await screen.findByTestId("coupon-name"), { target: { value: "老客回归券" } });
    fireEvent.change(screen.getByTestId("coupon-threshold"), { target: { value: "99" } });
    fireEvent.change(screen.getByTestId("coupon-amount"), { target: { value: "150" } });

    const block = screen.getByTestId("coupon-estimate");
    const problem = await within(block).findByTestId("coupon-problem");
    expect(problem).toHaveAttribute("data-code", "coupon.amount_exceeds_threshold");
    expect(problem).toHaveTextContent("减免金额 150 须小于使用门槛 99。");
    expect(screen.getByTestId("coupon-save")).toBeDisabled();

    fireEvent.change(screen.getByTestId("coupon-amount"), { target: { value: "15" } });
    fireEvent.change(screen.getByTestId("coupon-quantity"), { target: { value: "300" } });
    await waitFor(() => expect(within(block).getByTestId("coupon-cost-expected")).toHaveTextContent("¥360.00"));
    expect(within(block).queryByTestId("coupon-problem")).toBeNull();
    expect(within(block).getByTestId("coupon-target-size")).toHaveTextContent("318");
    expect(within(block).getByTestId("coupon-handed-out")).toHaveTextContent("300");
    expect(within(block).getByTestId("coupon-rate")).toHaveTextContent("8%");
    expect(within(block).getByTestId("coupon-rate")).toHaveTextContent("4% – 15%");
    expect(within(block).getByTestId("coupon-rate-source")).toHaveTextContent("默认假设");
    expect(within(block).getByTestId("coupon-cost-low")).toHaveTextContent("¥180.00");
    expect(within(block).getByTestId("coupon-cost-high")).toHaveTextContent("¥675.00");
    expect(lastPlan("coupon_estimate")).toMatchObject({ name: "老客回归券", kind: "amount_off", threshold: "99", amount: "15", quantity: 300, target: null });

    await waitFor(() => expect(screen.getByTestId("coupon-save")).toBeEnabled());
    fireEvent.click(screen.getByTestId("coupon-save"));
    await waitFor(() => expect(calls("coupon_save")).toHaveLength(1));
    expect(lastPlan("coupon_save")).toEqual(lastPlan("coupon_estimate"));
    expect(lastPlan("coupon_save")).not.toHaveProperty("id");
    expect(lastPlan("coupon_save")).not.toHaveProperty("discount");
  });
});

describe("a plan redeemed in the imported orders", () => {
  it("shows the matched redemptions and takes them over as its results", async () => {
    const matched: CouponResults = { redeemed: 4, cost: "60.00", orders: 4, revenue: "540.00", roi: "8.0000", source: "orders", by_code: 3, by_offer: 1 };
    let results: CouponResults = { redeemed: 26, cost: "390.00", orders: 41, revenue: "5230.00", roi: "12.4103", source: "hand", by_code: 0, by_offer: 0 };
    const plan: CouponPlan = { id: 7, name: "老客回归券", kind: "amount_off", threshold: "99", amount: "15", quantity: 300,
      valid_from: "2025-12-01", valid_to: "2026-12-20", target: null, code: "HUIGUI15" };
    const view = (): CouponView => ({ id: 7, plan, offer: "满99减15，券码 HUIGUI15", estimate, results, matched });
    invoked.mockImplementation(invokeBy({
      settings_get: () => settings,
      coupon_plans: () => [view()],
      coupon_results_from_orders: () => (results = matched),
    }) as typeof invoke);
    renderPage("/coupons", <CouponsPage />);

    const block = await screen.findByTestId("coupon-row-matched");
    // A window across a year says its years.
    expect(screen.getByTestId("coupon-row-validity")).toHaveTextContent(/2025.*2026/);
    expect(block).toHaveTextContent("从导入订单匹配");
    expect(within(block).getByTestId("coupon-matched-redeemed")).toHaveTextContent("4 次核销（按券码 3 次，按优惠金额 1 次）");
    expect(within(block).getByTestId("coupon-matched-cost")).toHaveTextContent("¥60.00");
    expect(within(block).getByTestId("coupon-matched-revenue")).toHaveTextContent("¥540.00");
    expect(within(block).getByTestId("coupon-matched-roi")).toHaveTextContent("800%");
    expect(screen.getByTestId("coupon-results-source")).toHaveTextContent("手动录入");

    fireEvent.click(within(block).getByTestId("coupon-use-matched-7"));
    await waitFor(() => expect(calls("coupon_results_from_orders")).toEqual([["coupon_results_from_orders", { id: 7 }]]));
    // Refetched: the results are the orders' now, so they are not offered again.
    await waitFor(() => expect(screen.getByTestId("coupon-results-source")).toHaveTextContent("来自导入订单"));
    expect(screen.queryByTestId("coupon-row-matched")).toBeNull();
    expect(screen.queryByTestId("coupon-use-matched-7")).toBeNull();
  });
});
