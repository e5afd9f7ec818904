// RfmPareto shows the 11 groups with counts and the top-20% headline from rfm_summary, and hides without buyers.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { RfmSummary } from "../../bindings/RfmSummary";
import { RfmPareto } from "./RfmPareto";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
vi.mock("../../components/Chart", () => ({ Chart: (p: { testId?: string }) => <div data-testid={p.testId} /> }));

const invoked = vi.mocked(invoke);

const summary = (buyers: number): RfmSummary => ({
  as_of: "2026-03-01",
  groups: buyers ? { champions: 120, loyal: 200, potential_loyalist: 80, new: 100, promising: 50, needs_attention: 60,
    about_to_sleep: 90, at_risk: 150, cant_lose_them: 30, hibernating: 70, lost: 250 } : {},
  pareto: { buyers, top20_share: buyers ? "0.4321" : "0",
    curve: Array.from({ length: 101 }, (_, i) => (buyers ? Math.sqrt(i / 100) : 0).toFixed(4)) },
});

function answer(buyers: number) {
  invoked.mockImplementation(invokeBy({ settings_get: () => settings, rfm_summary: () => summary(buyers) }) as typeof invoke);
}

beforeEach(async () => {
  invoked.mockReset();
  await i18n.changeLanguage("en-US");
});

describe("RfmPareto", () => {
  it("shows the 11 groups with counts and meanings, and the top-20% headline", async () => {
    answer(1200);
    renderPage("/dashboard", <RfmPareto />);
    const card = await screen.findByTestId("rfm-card");
    const groups = within(card).getAllByTestId("rfm-group");
    expect(groups).toHaveLength(11);
    expect(groups[0]).toHaveAttribute("data-group", "champions");
    expect(groups[0]).toHaveAttribute("data-count", "120");
    expect(groups[0]).toHaveTextContent("Champions");
    expect(groups[0]).toHaveTextContent("Bought recently, often and spent the most.");
    expect(groups[0]).toHaveTextContent("10%");
    const atRisk = groups.find((g) => g.getAttribute("data-group") === "at_risk")!;
    expect(atRisk).toHaveAttribute("data-count", "150");
    expect(atRisk).toHaveTextContent("Used to buy a lot, but not lately.");
    const headline = screen.getByTestId("pareto-top20");
    expect(headline).toHaveAttribute("data-share", "0.4321");
    expect(headline).toHaveTextContent("Top 20% of buyers bring 43.2% of the value");
    expect(screen.getByTestId("pareto-chart")).toBeInTheDocument();
  });

  it("speaks Chinese", async () => {
    answer(1200);
    await i18n.changeLanguage("zh-CN");
    renderPage("/dashboard", <RfmPareto />);
    expect(await screen.findByTestId("pareto-top20")).toHaveTextContent("前 20% 的客户贡献了 43.2% 的销售额");
    expect(screen.getAllByTestId("rfm-group")[8]).toHaveTextContent("重要挽留客户");
  });

  it("renders nothing when there are no buyers", async () => {
    answer(0);
    renderPage("/dashboard", <RfmPareto />);
    await waitFor(() => expect(invoked.mock.calls.some(([c]) => c === "rfm_summary")).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("rfm-card")).not.toBeInTheDocument();
  });

  it("shows an inline error when rfm_summary fails", async () => {
    invoked.mockImplementation(invokeBy({ settings_get: () => settings }) as typeof invoke);
    renderPage("/dashboard", <RfmPareto />);
    expect(await screen.findByTestId("rfm-error")).toBeInTheDocument();
  });
});
