// The Segments page lists saved segments with live counts and saves, renames, deletes and opens them through IPC.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { AppProviders } from "../../app/AppProviders";
import { createQueryClient } from "../../app/queryClient";
import { renderPage } from "../../test/render";
import { dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import type { Filter } from "../../bindings/Filter";
import type { Segment } from "../../bindings/Segment";
import { SegmentsPage } from "./SegmentsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

const sleepers: Filter = { match: "all", rules: [{ field: "stage", op: "in", values: ["sleeping", "churned"] }] };
const big: Filter = { match: "all", rules: [{ field: "value", op: "gte", values: ["1000"] }] };
const segment = (id: number, name: string, filter: Filter): Segment =>
  ({ id, name, filter, created_at: "2025-11-01T02:00:00Z", updated_at: "2025-11-02T09:30:00Z" });

let stored: Segment[] = [];
function answer(saveError?: unknown) {
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(10),
    settings_get: () => settings,
    tags_list: () => [],
    segments_list: () => stored,
    segment_count: ({ filter }) => ({ customers: (filter as Filter).rules[0] && "field" in (filter as Filter).rules[0]
      && ((filter as Filter).rules[0] as { field: string }).field === "value" ? 87 : 1234, of: 300000 }),
    segment_save: ({ name, filter }) => {
      if (saveError) throw saveError;
      const s = segment(stored.length + 10, name as string, filter as Filter);
      stored = [...stored.filter((x) => x.name !== name), s];
      return s;
    },
    segment_delete: ({ id }) => { stored = stored.filter((x) => x.id !== id); },
  }) as typeof invoke);
}

async function choose(scope: HTMLElement, testId: string, label: string) {
  fireEvent.mouseDown(within(within(scope).getByTestId(testId)).getByRole("combobox"));
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options.at(-1)!);
}
const row = (name: string) => screen.getAllByTestId("segment-row").find((r) => r.getAttribute("data-name") === name)!;

beforeEach(async () => {
  invoked.mockReset();
  stored = [segment(1, "沉睡的老客户", sleepers), segment(2, "Big spenders", big)];
  answer();
  await i18n.changeLanguage("en-US");
});

describe("SegmentsPage", () => {
  it("lists saved segments with their live counts and updated date", async () => {
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    expect(screen.getAllByTestId("segment-row").map((r) => r.getAttribute("data-name"))).toEqual(["沉睡的老客户", "Big spenders"]);
    await waitFor(() => expect(within(row("Big spenders")).getByTestId("segment-row-count")).toHaveAttribute("data-count", "87"));
    expect(within(row("沉睡的老客户")).getByTestId("segment-row-count")).toHaveTextContent("1,234 of 300,000 customers");
    expect(calls("segment_count").map((a) => a.filter)).toEqual(expect.arrayContaining([sleepers, big]));
    expect(row("Big spenders")).toHaveTextContent("11/02/2025");
  });

  it("saves a new segment with its name and filter, then closes the editor and reloads the list", async () => {
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    fireEvent.click(screen.getByTestId("segments-new"));
    const editor = await screen.findByTestId("segment-editor");
    expect(within(editor).getByTestId("segment-save")).toBeDisabled();
    fireEvent.change(within(editor).getByTestId("segment-name"), { target: { value: " 睡着的回头客 " } });
    fireEvent.click(within(editor).getByTestId("filter-add-condition"));
    await choose(within(editor).getByTestId("filter-condition"), "filter-value", "Sleeping");
    await waitFor(() => expect(within(editor).getByTestId("segment-live-count")).toHaveAttribute("data-count", "1234"));
    fireEvent.click(within(editor).getByTestId("segment-save"));
    await waitFor(() => expect(screen.queryByTestId("segment-editor")).toBeNull());
    expect(calls("segment_save")).toEqual([
      { name: "睡着的回头客", filter: { match: "all", rules: [{ field: "stage", op: "in", values: ["sleeping"] }] } },
    ]);
    expect(calls("segment_delete")).toEqual([]);
    expect(await screen.findByText("睡着的回头客")).toBeInTheDocument(); // the list was invalidated and reloaded
  });

  it("prefills the editor from a template", async () => {
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    fireEvent.click(screen.getByTestId("segments-new"));
    const editor = await screen.findByTestId("segment-editor");
    fireEvent.click(within(editor).getAllByTestId("segment-template").find((e) => e.dataset.template === "newIn30")!);
    expect(within(editor).getByTestId("segment-name")).toHaveValue("New in the last 30 days");
    fireEvent.click(within(editor).getByTestId("segment-save"));
    await waitFor(() => expect(calls("segment_save")).toHaveLength(1));
    expect(calls("segment_save")[0]).toEqual({
      name: "New in the last 30 days",
      filter: { match: "all", rules: [{ field: "first_purchase", op: "within_days", values: ["30"] }] },
    });
  });

  it("renaming an edited segment saves the new name and deletes the old one", async () => {
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    fireEvent.click(within(row("Big spenders")).getByTestId("segment-edit"));
    const editor = await screen.findByTestId("segment-editor");
    expect(within(editor).getByTestId("filter-value")).toHaveValue("1000");
    fireEvent.change(within(editor).getByTestId("segment-name"), { target: { value: "VIP spenders" } });
    fireEvent.click(within(editor).getByTestId("segment-save"));
    await waitFor(() => expect(calls("segment_delete")).toEqual([{ id: 2 }]));
    expect(calls("segment_save")).toEqual([{ name: "VIP spenders", filter: big }]);
  });

  it("deletes a segment after confirmation", async () => {
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    fireEvent.click(within(row("沉睡的老客户")).getByTestId("segment-delete"));
    fireEvent.click(await screen.findByTestId("segment-delete-ok"));
    await waitFor(() => expect(calls("segment_delete")).toEqual([{ id: 1 }]));
    await waitFor(() => expect(screen.getAllByTestId("segment-row").map((r) => r.dataset.name)).toEqual(["Big spenders"]));
  });

  it("shows a refused rule by its code, with the rule's place, and keeps the editor open", async () => {
    answer({ code: "filter.value_count", message: "filter rule rules[0]: needs 2 value(s), has 1",
      details: { path: "rules[0]", rule: "1", expected: 2, actual: 1 } });
    renderPage("/segments", <SegmentsPage />);
    await screen.findAllByTestId("segment-row");
    fireEvent.click(within(row("Big spenders")).getByTestId("segment-edit"));
    const editor = await screen.findByTestId("segment-editor");
    fireEvent.click(within(editor).getByTestId("segment-save"));
    const error = await within(editor).findByTestId("segment-save-error");
    expect(error).toHaveAttribute("data-code", "filter.value_count");
    expect(error).toHaveTextContent("Condition 1 needs 2 value(s), it has 1.");
    expect(screen.getByTestId("segment-editor")).toBeInTheDocument();
  });

  it("shows an empty state whose templates open the editor", async () => {
    stored = [];
    renderPage("/segments", <SegmentsPage />);
    const empty = await screen.findByTestId("segments-empty");
    fireEvent.click(within(empty).getAllByTestId("segments-template").find((e) => e.dataset.template === "highValue")!);
    const editor = await screen.findByTestId("segment-editor");
    expect(within(editor).getByTestId("segment-name")).toHaveValue("High-value customers");
    expect(within(editor).getByTestId("filter-value")).toHaveValue("1000");
  });

  it("opens the segment's customers", async () => {
    const Where = () => { const l = useLocation(); return <output data-testid="where">{l.pathname + l.search}</output>; };
    render(
      <AppProviders client={createQueryClient()}>
        <MemoryRouter initialEntries={["/segments"]}>
          <Routes>
            <Route path="/segments" element={<SegmentsPage />} />
            <Route path="/customers" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </AppProviders>,
    );
    await screen.findAllByTestId("segment-row");
    fireEvent.click(within(row("Big spenders")).getByTestId("segment-show"));
    expect(await screen.findByTestId("where")).toHaveTextContent("/customers?segment=2");
  });
});
