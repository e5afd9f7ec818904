// The planner's month: each day cell carries its date, an activity's card shows its slot, title and warning, the
// festival layer marks a promotion's main day and a statutory day off; dropping a card on another day moves the
// activity there through Rust (activity_move with that day). The types drawer saves a new type through Rust
// (activity_type_save) with a key from its English name, and shows a refusal by its code.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import type { ActivityType } from "../../bindings/ActivityType";
import type { ActivityView } from "../../bindings/ActivityView";
import { addDays, todayIn } from "../care/careModel";
import { ActivitiesPage } from "./ActivitiesPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
const today = todayIn("Asia/Shanghai");
const month = today.slice(0, 7);
const first = `${month}-01`;
const fifteenth = `${month}-15`;

const view = (id: number, date: string, title: string, over: Partial<ActivityView> = {}): ActivityView => ({
  id, total: "88.00", announcement: title, results: null, warnings: [],
  steps: [{ index: 0, kind: "run", label: null, due: `${date}T18:30:00`, done: false }],
  activity: {
    id, type: "guess_price", title, date, slot_start: "18:30", slot_end: "19:30", groups: [], budget: [{ label: "奖品", amount: "88.00" }],
    steps: [{ kind: "run", offset_days: 0, done: false }], announcement: "{title}", attribution_days: 7,
  },
  ...over,
});

/** A data transfer that keeps what is set on it, as the browser's does (jsdom has none). */
function transfer() {
  const data = new Map<string, string>();
  return { setData: (k: string, v: string) => void data.set(k, v), getData: (k: string) => data.get(k) ?? "", effectAllowed: "", dropEffect: "" };
}

const guessPrice: ActivityType = {
  key: "guess_price", name_zh: "猜价格", name_en: "Guess the price", steps: [], template_zh: "", template_en: "", budget: [], builtin: true,
};
let types: ActivityType[] = [];

beforeEach(async () => {
  invoked.mockReset();
  types = [guessPrice];
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    activity_types: () => types,
    // As Rust does: an empty announcement is refused with its code.
    activity_type_save: ({ activityType }) => {
      const t = activityType as ActivityType;
      if (!t.template_zh.trim() || !t.template_en.trim()) throw { code: "template.empty", message: "the template is empty", details: null };
      types = [...types.filter((x) => x.key !== t.key), t];
      return types;
    },
    activity_calendar: () => ({
      activities: [view(7, first, "猜新品价格", { warnings: [{ kind: "promotion_day", festival: "big_day" }] })],
      festivals: [{ key: "big_day", name_zh: "大促", name_en: "Big Sale", kind: "fixed", date: first, peak: true }],
      statutory: [{ date: addDays(first, 1), kind: "holiday_off", name_zh: "元旦" }],
    }),
    activity_move: ({ id, date }) => view(id as number, date as string, "猜新品价格"),
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("the activity calendar", () => {
  it("draws the month over its festivals, and a dropped card moves its activity to that day", async () => {
    renderPage("/activities", <ActivitiesPage />);
    const card = await screen.findByTestId("activity-card");
    expect(card).toHaveAttribute("data-activity-id", "7");
    expect(card).toHaveTextContent("18:30");
    expect(card).toHaveTextContent("猜新品价格");
    expect(within(card).getByTestId("activity-card-warning")).toBeInTheDocument();
    const firstDay = screen.getByTestId(`activity-day-${first}`);
    expect(firstDay).toHaveAttribute("data-date", first);
    expect(firstDay).toContainElement(card);
    expect(within(firstDay).getByTestId("activity-festival")).toHaveTextContent("Big Sale");
    expect(within(firstDay).getByTestId("activity-peak")).toHaveTextContent("Promotion day");
    expect(within(screen.getByTestId(`activity-day-${addDays(first, 1)}`)).getByTestId("activity-statutory")).toHaveTextContent("Off");
    // The grid is whole weeks from a Monday; the calendar was asked for a week before it and three after (a run's main day).
    const days = screen.getAllByTestId(/^activity-day-/);
    expect(days.length % 7).toBe(0);
    expect(new Date(`${days[0].dataset.date}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(calls("activity_calendar")[0][1]).toEqual({ from: addDays(days[0].dataset.date!, -7), to: addDays(days.at(-1)!.dataset.date!, 21) });

    const dataTransfer = transfer();
    const target = screen.getByTestId(`activity-day-${fifteenth}`);
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    await waitFor(() => expect(calls("activity_move")).toHaveLength(1));
    expect(calls("activity_move")[0][1]).toEqual({ id: 7, date: fifteenth });
    // Dropped back on its own day, it stays where it is.
    fireEvent.dragStart(card, { dataTransfer: transfer() });
    fireEvent.drop(firstDay, { dataTransfer: transfer() });
    expect(calls("activity_move")).toHaveLength(1);
  });
});

describe("the activity types", () => {
  it("saves a new type with a key from its English name, after showing Rust's refusal by its code", async () => {
    renderPage("/activities", <ActivitiesPage />);
    fireEvent.click(await screen.findByTestId("activity-types-open"));
    const row = await screen.findByTestId("activity-type-row");
    expect(row).toHaveAttribute("data-key", "guess_price");
    expect(row).toHaveTextContent("Guess the price");
    expect(within(row).getByTestId("activity-type-reset")).toHaveTextContent("Restore");

    fireEvent.click(screen.getByTestId("activity-type-new"));
    fireEvent.change(await screen.findByTestId("activity-type-name-zh"), { target: { value: "幸运抽奖" } });
    fireEvent.change(screen.getByTestId("activity-type-name-en"), { target: { value: "Lucky Draw!" } });
    expect(screen.getByTestId("activity-type-key")).toHaveValue("lucky_draw");
    fireEvent.click(screen.getByTestId("activity-type-save"));
    const refused = await screen.findByTestId("activity-type-error");
    expect(refused).toHaveAttribute("data-code", "template.empty");
    expect(refused).toHaveTextContent("Announcement: The template is empty.");

    fireEvent.change(screen.getByTestId("activity-type-template-zh"), { target: { value: "【{shop}】{title}" } });
    fireEvent.change(screen.getByTestId("activity-type-template-en"), { target: { value: "{title} at {time}" } });
    fireEvent.click(screen.getByTestId("activity-type-save"));
    await waitFor(() => expect(screen.getAllByTestId("activity-type-row")).toHaveLength(2));
    expect(calls("activity_type_save").at(-1)![1]).toEqual({
      activityType: {
        key: "lucky_draw", name_zh: "幸运抽奖", name_en: "Lucky Draw!", template_zh: "【{shop}】{title}", template_en: "{title} at {time}",
        budget: [], builtin: false,
        steps: [{ kind: "pre_announce", offset_days: -1, done: false }, { kind: "run", offset_days: 0, done: false }],
      },
    });
    expect(screen.getAllByTestId("activity-type-row")[1]).toHaveAttribute("data-key", "lucky_draw");
  });
});
