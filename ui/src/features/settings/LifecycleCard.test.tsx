// Lifecycle card: edits preview through stage_preview (debounced, nothing saved), Save sends stage_thresholds_set,
// invalid values explain themselves without asking Rust.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { StagePreview } from "../../bindings/StagePreview";
import type { StageThresholds } from "../../bindings/StageThresholds";
import { LifecycleCard } from "./LifecycleCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
let saved: StageThresholds;

const preview = (thresholds: StageThresholds): StagePreview => ({
  as_of: "2026-03-01", thresholds,
  current: { potential: 12, new: 40, active: 10000, loyal: 300, sleeping: 500, churned: 800 },
  proposed: { potential: 12, new: 40, active: 65, loyal: 300, sleeping: 10435, churned: 800 },
  moves: [{ from: "active", to: "sleeping", customers: 9935 }],
});

beforeEach(async () => {
  invoked.mockReset();
  saved = { new_days: 30, active_days: 90, churn_days: 180, loyal_purchases: 3 };
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    stage_thresholds_get: () => saved,
    // As Rust's StageThresholds::validate does, which every preview runs first.
    stage_preview: ({ thresholds }) => {
      const th = thresholds as StageThresholds;
      if (th.churn_days <= th.active_days) throw { code: "lifecycle.churn_not_after_active", message: "x", details: null };
      if (th.loyal_purchases < 2) throw { code: "lifecycle.loyal_purchases", message: "x", details: { min: 2, max: 1000 } };
      return preview(th);
    },
    stage_thresholds_set: ({ thresholds }) => {
      saved = thresholds as StageThresholds;
      return { as_of: "2026-03-01", stages: {}, rfm: {}, stage_changes: 9935 };
    },
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

async function setActive(value: string) {
  const input = await screen.findByTestId("lifecycle-active-days");
  await waitFor(() => expect(input).toHaveValue("90"));
  fireEvent.change(input, { target: { value } });
  return input;
}

describe("LifecycleCard", () => {
  it("shows the saved thresholds, then a debounced preview of an edit without saving", async () => {
    renderPage("/settings", <LifecycleCard />);
    expect(await screen.findByTestId("lifecycle-new-days")).toHaveValue("30");
    expect(screen.getByTestId("lifecycle-churn-days")).toHaveValue("180");
    expect(screen.getByTestId("lifecycle-loyal-purchases")).toHaveValue("3");
    expect(screen.queryByTestId("lifecycle-preview")).not.toBeInTheDocument();
    expect(screen.getByTestId("lifecycle-save")).toBeDisabled();

    await setActive("60");
    const box = await screen.findByTestId("lifecycle-preview");
    expect(calls("stage_preview")).toHaveLength(1);
    expect(calls("stage_preview")[0][1]).toEqual({ thresholds: { new_days: 30, active_days: 60, churn_days: 180, loyal_purchases: 3 } });
    const rows = within(box).getAllByTestId("lifecycle-preview-row");
    expect(rows.map((r) => r.getAttribute("data-stage"))).toEqual(["potential", "new", "active", "loyal", "sleeping", "churned"]);
    const sleeping = rows.find((r) => r.getAttribute("data-stage") === "sleeping")!;
    expect(sleeping).toHaveAttribute("data-now", "500");
    expect(sleeping).toHaveAttribute("data-after", "10435");
    expect(sleeping).toHaveTextContent("+9,935");
    expect(box).toHaveTextContent("Active → Sleeping: 9,935 customers");
    expect(calls("stage_thresholds_set")).toHaveLength(0);

    fireEvent.click(screen.getByTestId("lifecycle-reset"));
    await waitFor(() => expect(screen.getByTestId("lifecycle-active-days")).toHaveValue("90"));
    expect(screen.queryByTestId("lifecycle-preview")).not.toBeInTheDocument();
    expect(calls("stage_thresholds_set")).toHaveLength(0);
  });

  it("saves the edited thresholds through stage_thresholds_set and reports the changes", async () => {
    renderPage("/settings", <LifecycleCard />);
    await setActive("60");
    fireEvent.change(screen.getByTestId("lifecycle-loyal-purchases"), { target: { value: "4" } });
    await screen.findByTestId("lifecycle-preview");
    fireEvent.click(screen.getByTestId("lifecycle-save"));
    await waitFor(() => expect(calls("stage_thresholds_set")).toHaveLength(1));
    expect(calls("stage_thresholds_set")[0][1]).toEqual({ thresholds: { new_days: 30, active_days: 60, churn_days: 180, loyal_purchases: 4 } });
    expect(await screen.findByText("Saved. 9,935 customers changed stage.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("lifecycle-preview")).not.toBeInTheDocument());
    expect(screen.getByTestId("lifecycle-active-days")).toHaveValue("60");
  });

  it("explains values Rust refuses (churn not after active) in the seller's language, and a cleared box", async () => {
    renderPage("/settings", <LifecycleCard />);
    await setActive("180");
    const invalid = await screen.findByTestId("lifecycle-invalid");
    expect(invalid).toHaveTextContent("must be longer than the active window");
    expect(invalid).toHaveAttribute("data-code", "lifecycle.churn_not_after_active");
    expect(screen.getByTestId("lifecycle-save")).toBeDisabled();
    fireEvent.change(screen.getByTestId("lifecycle-active-days"), { target: { value: "90" } });
    fireEvent.change(screen.getByTestId("lifecycle-loyal-purchases"), { target: { value: "1" } });
    expect(await screen.findByText("Loyal from must be a whole number from 2 to 1000.")).toBeInTheDocument();
    expect(screen.queryByTestId("lifecycle-preview")).not.toBeInTheDocument();
    expect(screen.getByTestId("lifecycle-save")).toBeDisabled();
    fireEvent.change(screen.getByTestId("lifecycle-loyal-purchases"), { target: { value: "" } });
    expect(await screen.findByText("Fill in Loyal from with a whole number.")).toBeInTheDocument();
    const sent = calls("stage_preview").map(([, a]) => (a as { thresholds: StageThresholds }).thresholds.loyal_purchases);
    expect(sent).not.toContain(null);
  });

  it("shows an inline error when the thresholds cannot be read", async () => {
    invoked.mockImplementation(invokeBy({ settings_get: () => settings }) as typeof invoke);
    renderPage("/settings", <LifecycleCard />);
    expect(await screen.findByTestId("lifecycle-error")).toBeInTheDocument();
  });
});
