// A new coupon plan shows Rust's estimate before it is saved (target size, coupons handed out, the rate with its range
// and source, the cost low / expected / high), a plan Rust refuses shows its code's text and cannot be saved, and
// Save sends the plan as typed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { CouponPlan } from "../../bindings/CouponPlan";
import { CouponsPage } from "./CouponsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
const lastPlan = (cmd: string) => (calls(cmd).at(-1)![1] as { plan: CouponPlan }).plan;

const estimate = {
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
    coupon_save: ({ plan }) => ({ id: 5, plan: { ...(plan as CouponPlan), id: 5 }, offer: "满99减15", estimate, results: null }),
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
