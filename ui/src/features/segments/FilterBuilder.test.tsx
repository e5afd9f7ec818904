// The filter builder turns clicks into the Filter JSON Rust reads; LiveCount asks for counts of complete filters only.
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import type { Filter } from "../../bindings/Filter";
import { FilterBuilder, LiveCount } from "./FilterBuilder";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
let seen: Filter[] = [];
const last = () => seen.at(-1);

function Harness({ initial }: { initial: Filter }) {
  const [filter, setFilter] = useState(initial);
  return (
    <>
      <FilterBuilder value={filter} onChange={(f) => { seen.push(f); setFilter(f); }} />
      <LiveCount filter={filter} />
    </>
  );
}

const empty: Filter = { match: "all", rules: [] };
const show = (initial: Filter = empty) => renderPage("/", <Harness initial={initial} />);

/** Opens an antd Select (found by test id inside `scope`) and clicks the option with this label. */
async function choose(scope: HTMLElement, testId: string, label: string) {
  fireEvent.mouseDown(within(within(scope).getByTestId(testId)).getByRole("combobox"));
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options.at(-1)!);
}

beforeEach(async () => {
  seen = [];
  invoked.mockReset();
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(10),
    settings_get: () => settings,
    tags_list: () => ["回头客", "VIP"],
    segment_count: () => ({ customers: 1234, of: 300000 }),
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("FilterBuilder", () => {
  it("adds a condition and picks stage = sleeping", async () => {
    show();
    fireEvent.click(screen.getByTestId("filter-add-condition"));
    expect(last()).toEqual({ match: "all", rules: [{ field: "stage", op: "in", values: [] }] });
    const row = screen.getByTestId("filter-condition");
    await choose(row, "filter-value", "Sleeping");
    expect(last()).toEqual({ match: "all", rules: [{ field: "stage", op: "in", values: ["sleeping"] }] });
    await choose(row, "filter-op", "is");
    expect(last()!.rules[0]).toEqual({ field: "stage", op: "eq", values: ["sleeping"] });
  });

  it("changing the field resets op and values; numbers and between give two inputs", async () => {
    show({ match: "all", rules: [{ field: "stage", op: "in", values: ["new"] }] });
    const row = screen.getByTestId("filter-condition");
    await choose(row, "filter-field", "Total spent");
    expect(last()!.rules[0]).toEqual({ field: "value", op: "gte", values: [] });
    fireEvent.change(within(row).getByTestId("filter-value"), { target: { value: "500" } });
    expect(last()!.rules[0]).toEqual({ field: "value", op: "gte", values: ["500"] });
    await choose(row, "filter-op", "between");
    expect(last()!.rules[0]).toEqual({ field: "value", op: "between", values: ["500"] });
    fireEvent.change(within(row).getByTestId("filter-value-2"), { target: { value: "2000" } });
    expect(last()!.rules[0]).toEqual({ field: "value", op: "between", values: ["500", "2000"] });
    fireEvent.click(within(row).getByTestId("filter-remove"));
    expect(last()).toEqual(empty);
  });

  it("switches the top level to any", async () => {
    show({ match: "all", rules: [{ field: "city", op: "is_set", values: [] }] });
    fireEvent.click(within(screen.getByTestId("filter-match")).getByText("Any of these"));
    expect(last()).toEqual({ match: "any", rules: [{ field: "city", op: "is_set", values: [] }] });
  });

  it("adds a nested group with its own match and conditions", async () => {
    show({ match: "all", rules: [{ field: "purchases", op: "gte", values: ["2"] }] });
    fireEvent.click(screen.getByTestId("filter-add-group"));
    expect(last()!.rules[1]).toEqual({ match: "any", rules: [{ field: "stage", op: "in", values: [] }] });
    const group = screen.getByTestId("filter-group");
    expect(within(group).queryByTestId("filter-add-group")).toBeNull(); // one level of nesting in the UI
    await choose(within(group).getByTestId("filter-condition"), "filter-value", "Churned");
    fireEvent.click(within(group).getByTestId("filter-add-condition"));
    await choose(within(group).getAllByTestId("filter-condition")[1], "filter-field", "Tag");
    await choose(within(group).getAllByTestId("filter-condition")[1], "filter-value", "回头客");
    expect(last()).toEqual({
      match: "all",
      rules: [
        { field: "purchases", op: "gte", values: ["2"] },
        { match: "any", rules: [{ field: "stage", op: "in", values: ["churned"] }, { field: "tag", op: "in", values: ["回头客"] }] },
      ],
    });
    fireEvent.click(within(within(group).getByTestId("filter-match")).getByText("All of these"));
    expect((last()!.rules[1] as Filter).match).toBe("all");
  });

  it("keeps deeper groups it was given when the top level changes", async () => {
    const deep: Filter = { match: "any", rules: [{ match: "all", rules: [{ field: "dnd", op: "eq", values: ["false"] }] }] };
    show({ match: "all", rules: [{ field: "stage", op: "in", values: ["new"] }, { match: "any", rules: [deep] }] });
    fireEvent.click(within(screen.getAllByTestId("filter-match")[0]).getByText("Any of these"));
    expect(last()).toEqual({ match: "any", rules: [{ field: "stage", op: "in", values: ["new"] }, { match: "any", rules: [deep] }] });
  });

  it("writes dates as YYYY-MM-DD and days as a number", async () => {
    show({ match: "all", rules: [{ field: "first_purchase", op: "within_days", values: ["30"] }] });
    const row = screen.getByTestId("filter-condition");
    fireEvent.change(within(row).getByTestId("filter-value"), { target: { value: "90" } });
    expect(last()!.rules[0]).toEqual({ field: "first_purchase", op: "within_days", values: ["90"] });
    await choose(row, "filter-op", "on or after");
    expect(last()!.rules[0]).toEqual({ field: "first_purchase", op: "gte", values: [] });
    const input = within(row).getByTestId("filter-value");
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: "2025-03-08" } });
    fireEvent.keyDown(input, { key: "Enter", code: "Enter" });
    await waitFor(() => expect(last()!.rules[0]).toEqual({ field: "first_purchase", op: "gte", values: ["2025-03-08"] }));
  });
});

describe("LiveCount", () => {
  const counts = () => invoked.mock.calls.filter(([cmd]) => cmd === "segment_count").map(([, a]) => (a as { filter: Filter }).filter);

  it("counts only complete filters, after a pause, and shows 'n of total'", async () => {
    show({ match: "all", rules: [{ field: "stage", op: "in", values: [] }] });
    expect(screen.getByTestId("segment-live-count")).toHaveAttribute("data-state", "incomplete");
    await choose(screen.getByTestId("filter-condition"), "filter-value", "Loyal");
    await waitFor(() => expect(screen.getByTestId("segment-live-count")).toHaveAttribute("data-count", "1234"));
    expect(screen.getByTestId("segment-live-count")).toHaveTextContent("1,234 of 300,000 customers");
    expect(counts()).toEqual([{ match: "all", rules: [{ field: "stage", op: "in", values: ["loyal"] }] }]);
  });

  it("says why Rust refuses a value, in the seller's words, instead of a count", async () => {
    invoked.mockImplementation(invokeBy({
      app_info: () => dbInfo(10),
      settings_get: () => settings,
      tags_list: () => [],
      segment_count: () => {
        throw { code: "filter.not_a_number", message: "x", details: { path: "rules[0]", rule: "1", value: "lots" } };
      },
    }) as typeof invoke);
    show({ match: "all", rules: [{ field: "value", op: "gte", values: ["lots"] }] });
    await waitFor(() => expect(screen.getByTestId("segment-live-count")).toHaveAttribute("data-state", "refused"));
    const count = screen.getByTestId("segment-live-count");
    expect(count).toHaveAttribute("data-code", "filter.not_a_number");
    expect(count).toHaveTextContent("Condition 1: “lots” is not a number.");
  });
});
