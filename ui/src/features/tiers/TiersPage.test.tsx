// Tiers page: loads the ladder, previews an edit through tier_preview (debounced), explains an invalid ladder
// without asking Rust, and Apply sends tier_apply with the edited ladder.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierPreview } from "../../bindings/TierPreview";
import type { TierState } from "../../bindings/TierState";
import { TiersPage } from "./TiersPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
vi.mock("../../components/Chart", () => ({ Chart: (p: { testId?: string }) => <div data-testid={p.testId} /> }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);

const rule = (name: string, min_value: string, min_purchases: number, discount: string) =>
  ({ name, min_value, min_purchases, combine: "or" as const, discount, benefits: "", color: null });
const savedLadder = (): TierLadder => ({
  window: "lifetime", review: "yearly", grace_days: 30,
  tiers: [rule("普通会员", "1", 1, "0.98"), rule("高级会员", "500", 3, "0.95"), rule("VIP会员", "2000", 6, "0.92")],
});
let state: TierState;

const preview = (ladder: TierLadder): TierPreview => ({
  as_of: "2026-03-01", no_tier: 5, no_tier_now: 5, dropped: 0, suggested_min_values: ["380", "2100"],
  tiers: ladder.tiers.map((t, i) => ({
    name: t.name, customers: 100 - i * 30 + (i === 1 ? 7 : 0), customers_now: 100 - i * 30,
    moved_up: i === 1 ? 7 : 0, moved_down: 0, revenue_share: "0.3333", discount_cost: "120.50",
  })),
});

beforeEach(async () => {
  invoked.mockReset();
  state = { ladder: savedLadder(), applied: true, tiers: [{ name: "普通会员", customers: 100 }], no_tier: 5, pinned: 0 };
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    tier_state: () => state,
    // As Rust's TierLadder::validate does: a higher tier cannot discount less than the one below.
    tier_preview: ({ ladder }) => {
      const l = ladder as TierLadder;
      const i = l.tiers.findIndex((t, j) => j > 0 && Number(t.discount) > Number(l.tiers[j - 1].discount));
      if (i > 0) throw { code: "ladder.discount_not_deeper", message: "tier", details: { tier: i + 1, previous: i } };
      return preview(l);
    },
    tier_value_scale: () => ["1", "50", "100", "200", "300", "400", "500", "800", "1200", "2000", "5000"],
    tier_changes_recent: ({ skipLadder }) => [
      { customer_id: 3, buyer_id: "tb_mei", nick: "阿美", from: "普通会员", to: "高级会员", on: "2026-02-20", reason: "purchase" },
      ...(skipLadder ? [] : [{ customer_id: 4, buyer_id: "tb_li", nick: "", from: null, to: "普通会员", on: "2026-01-01", reason: "ladder" }]),
    ],
    tier_movers: ({ query }) => ({
      total: 7,
      customers: [{ customer_id: 11, platform: "taobao", buyer_id: "tb_up", nick: "升级的小王", from: "普通会员",
        to: (query as { tier: string }).tier, value: "812.00", purchases: 3 }],
    }),
    tier_apply: ({ ladder }) => {
      state = { ...state, ladder: ladder as TierLadder };
      return preview(ladder as TierLadder);
    },
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

const row = (i: number) => screen.getAllByTestId("tier-row")[i];

async function editMinValue(index: number, value: string) {
  await waitFor(() => expect(screen.getAllByTestId("tier-row")).toHaveLength(3));
  const input = within(row(index)).getByTestId("tier-min-value");
  expect(input).toHaveValue("500");
  fireEvent.change(input, { target: { value } });
}

describe("TiersPage", () => {
  it("loads the saved ladder, shows what it does today, and waits for an edit to apply", async () => {
    renderPage("/tiers", <TiersPage />);
    expect(await screen.findByTestId("tiers-editor")).toBeInTheDocument();
    expect(screen.getAllByTestId("tier-row")).toHaveLength(3);
    expect(within(row(2)).getByTestId("tier-name")).toHaveValue("VIP会员");
    expect(within(row(1)).getByTestId("tier-discount")).toHaveValue("0.95");
    expect(row(1)).toHaveTextContent("5% off");
    expect(screen.queryByTestId("tiers-not-applied")).not.toBeInTheDocument();
    expect(await screen.findByTestId("tiers-preview-unchanged")).toHaveTextContent("the saved ladder as it stands today");
    await screen.findByTestId("tiers-preview");
    expect((calls("tier_preview")[0][1] as { ladder: TierLadder }).ladder).toEqual(savedLadder());
    expect(screen.getByTestId("tiers-apply")).toBeDisabled();
  });

  it("explains that nobody has a tier before a ladder was applied", async () => {
    state = { ...state, applied: false, tiers: [] };
    renderPage("/tiers", <TiersPage />);
    expect(await screen.findByTestId("tiers-not-applied")).toHaveTextContent("Nobody has a tier yet");
    expect(await screen.findByTestId("tiers-preview")).toBeInTheDocument();
  });

  it("previews an edited min value through tier_preview and shows the rows", async () => {
    renderPage("/tiers", <TiersPage />);
    await editMinValue(1, "800");
    await waitFor(() => expect(screen.queryByTestId("tiers-preview-unchanged")).not.toBeInTheDocument());
    const box = await screen.findByTestId("tiers-preview");
    await waitFor(() => expect((calls("tier_preview").at(-1)![1] as { ladder: TierLadder }).ladder.tiers[1].min_value).toBe("800"));
    const sent = (calls("tier_preview").at(-1)![1] as { ladder: TierLadder }).ladder;
    expect(sent.tiers[0]).toEqual(savedLadder().tiers[0]);
    const rows = within(box).getAllByTestId("tiers-preview-row");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(["普通会员", "高级会员", "VIP会员", ""]);
    expect(rows[1]).toHaveAttribute("data-now", "70");
    expect(rows[1]).toHaveAttribute("data-after", "77");
    expect(rows[3]).toHaveTextContent("No tier");
    expect(within(box).getByTestId("tiers-chart")).toBeInTheDocument();
    expect(calls("tier_apply")).toHaveLength(0);
  });

  it("shows Rust's reason, in the seller's language, when a ladder breaks a rule", async () => {
    renderPage("/tiers", <TiersPage />);
    await screen.findByTestId("tiers-editor");
    fireEvent.change(within(row(2)).getByTestId("tier-discount"), { target: { value: "0.99" } });
    const problem = await screen.findByTestId("tiers-problem");
    expect(problem).toHaveTextContent("Tier 3: its discount must be at least as deep as tier 2's.");
    expect(problem).toHaveAttribute("data-code", "ladder.discount_not_deeper");
    expect(screen.getByTestId("tiers-apply")).toBeDisabled();
    expect(screen.queryByTestId("tiers-preview-error")).toBeNull();
    await i18n.changeLanguage("zh-CN");
    expect(await screen.findByTestId("tiers-problem")).toHaveTextContent("第 3 级的折扣不能比第 2 级浅");
  });

  it("sends no ladder whose discount is no number", async () => {
    renderPage("/tiers", <TiersPage />);
    await screen.findByTestId("tiers-editor");
    fireEvent.change(within(row(2)).getByTestId("tier-discount"), { target: { value: "" } });
    expect(await screen.findByTestId("tiers-problem")).toHaveAttribute("data-code", "ladder.discount_range");
    await new Promise((r) => setTimeout(r, 500));
    const sent = calls("tier_preview").map(([, a]) => (a as { ladder: TierLadder }).ladder.tiers[2].discount);
    expect(sent).not.toContain("");
  });

  it("applies the edited ladder through tier_apply after confirming", async () => {
    renderPage("/tiers", <TiersPage />);
    await editMinValue(1, "800");
    await screen.findByTestId("tiers-preview");
    await waitFor(() => expect(screen.getByTestId("tiers-apply")).toBeEnabled());
    fireEvent.click(screen.getByTestId("tiers-apply"));
    expect(await screen.findByText("7 customers change tier. Apply the ladder?")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("tiers-apply-confirm"));
    await waitFor(() => expect(calls("tier_apply")).toHaveLength(1));
    const sent = (calls("tier_apply")[0][1] as { ladder: TierLadder }).ladder;
    expect(sent.tiers.map((t) => t.min_value)).toEqual(["1", "800", "2000"]);
    expect(await screen.findByText("Ladder applied. 7 customers changed tier.")).toBeInTheDocument();
  });

  it("fills min values from the suggestions", async () => {
    renderPage("/tiers", <TiersPage />);
    await screen.findByTestId("tiers-editor");
    fireEvent.click(screen.getByTestId("tiers-suggest"));
    await waitFor(() => expect(within(row(1)).getByTestId("tier-min-value")).toHaveValue("380"));
    expect(within(row(2)).getByTestId("tier-min-value")).toHaveValue("2100");
  });

  it("a threshold slider walks the shop's own scale and previews each step", async () => {
    renderPage("/tiers", <TiersPage />);
    await waitFor(() => expect(within(row(1)).getAllByRole("slider")).toHaveLength(1));
    const handle = within(row(1)).getByRole("slider");
    expect(handle).toHaveAttribute("aria-valuenow", "6"); // "500" is point 6 of the scale
    fireEvent.keyDown(handle, { key: "ArrowRight", keyCode: 39 });
    await waitFor(() => expect(within(row(1)).getByTestId("tier-min-value")).toHaveValue("800"));
    await waitFor(() => expect(calls("tier_preview").length).toBeGreaterThan(0));
    const sent = (calls("tier_preview").at(-1)![1] as { ladder: TierLadder }).ladder;
    expect(sent.tiers[1].min_value).toBe("800");
    expect(calls("tier_value_scale")[0][1]).toEqual({ window: "lifetime" });
  });

  it("opens who moves up into a tier from the preview's count", async () => {
    renderPage("/tiers", <TiersPage />);
    await editMinValue(1, "800");
    const box = await screen.findByTestId("tiers-preview");
    fireEvent.click(await within(box).findByTestId("tiers-preview-up"));
    await waitFor(() => expect(calls("tier_movers")).toHaveLength(1));
    const args = calls("tier_movers")[0][1] as { ladder: TierLadder; query: unknown };
    expect(args.query).toEqual({ direction: "up", tier: "高级会员", limit: 200 });
    expect(args.ladder.tiers[1].min_value).toBe("800");
    const modal = await screen.findByTestId("tiers-movers");
    expect(await within(modal).findByText("升级的小王")).toBeInTheDocument();
    expect(within(modal).getByTestId("tiers-movers-total")).toHaveTextContent("7 customers, largest spend first.");
    expect(within(modal).getByText("普通会员 → 高级会员")).toBeInTheDocument();
  });

  it("lists the latest tier changes and can hide those from applying a ladder", async () => {
    renderPage("/tiers", <TiersPage />);
    const card = await screen.findByTestId("tiers-history");
    await waitFor(() => expect(within(card).getAllByTestId("tiers-history-row")).toHaveLength(2));
    expect(within(card).getByText("阿美")).toBeInTheDocument();
    expect(within(card).getByText("tb_li")).toBeInTheDocument(); // no nick: the buyer ID
    expect(card).toHaveTextContent("upgraded by a purchase");
    fireEvent.click(within(card).getByTestId("tiers-history-skip-ladder"));
    await waitFor(() => expect(within(card).getAllByTestId("tiers-history-row")).toHaveLength(1));
    expect(calls("tier_changes_recent").at(-1)![1]).toEqual({ limit: 100, skipLadder: true });
  });
});
