// The shop's own dates on the Care settings tab: added without a key (a lunar month and day every year, a one-off
// Gregorian date), saved as one list, shown in both languages with their next day, deleted with a warning when a rule
// uses them, Rust's refusal shown by its code, and the festivals refetched after a save.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy, settings } from "../../test/ipcFixtures";
import { rules } from "../../test/careFixtures";
import type { ShopDate } from "../../bindings/ShopDate";
import type { Festival } from "../../bindings/Festival";
import { CarePage } from "./CarePage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);

const MEMBERS_DAY: ShopDate = { key: "shop_03_15", name: "会员日", month: 3, day: 15, year: null, lunar: false };
/** Where each saved date falls next, as Rust's calendar would say. */
const NEXT: Record<string, string> = { shop_03_15: "2027-03-15", shop_lunar_08_08: "2027-09-08", shop_2026_11_20: "2026-11-20" };

let stored: ShopDate[] = [];
function answer(save: (dates: ShopDate[]) => ShopDate[]) {
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    care_rules: () => [...rules(), { ...rules()[1], id: 7, name: "会员日提醒", trigger: { kind: "festival", key: "shop_03_15", days_before: 1 } }],
    shop_dates: () => stored,
    shop_dates_save: ({ dates }) => save(dates as ShopDate[]),
    care_festivals: () => stored.filter((s) => NEXT[s.key])
      .map((s): Festival => ({ key: s.key, name_zh: s.name, name_en: s.name, kind: "shop", date: NEXT[s.key], peak: false })),
  }) as typeof invoke);
}

beforeEach(async () => {
  invoked.mockReset();
  stored = [MEMBERS_DAY];
  answer((dates) => (stored = dates));
  await i18n.changeLanguage("zh-CN");
});

const card = () => screen.getByTestId("care-shop-dates");
/** The card once the saved list is shown (the first render of the page can be slow on a busy machine). */
const rows = (n: number) => waitFor(() => expect(within(card()).getAllByTestId("care-shop-date-row")).toHaveLength(n), { timeout: 15000 });
const row = (key: string) => within(card()).getAllByTestId("care-shop-date-row").find((r) => r.dataset.key === key)!;
const text = (key: string, part: "name" | "when" | "next") => within(row(key)).getByTestId(`care-shop-date-${part}`).textContent;

async function choose(testId: string, label: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole("combobox"));
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options.at(-1)!);
}

async function addLunarShopAnniversary() {
  fireEvent.change(screen.getByTestId("care-shop-date-name-input"), { target: { value: " 店庆 " } });
  fireEvent.click(screen.getByTestId("care-shop-date-lunar"));
  await choose("care-shop-date-lunar-month", "八月");
  await choose("care-shop-date-lunar-day", "初八");
  fireEvent.click(screen.getByTestId("care-shop-date-add"));
  await waitFor(() => expect(within(card()).getAllByTestId("care-shop-date-row")).toHaveLength(2));
}

async function addOneOff(name: string, date: string) {
  fireEvent.change(screen.getByTestId("care-shop-date-name-input"), { target: { value: name } });
  fireEvent.click(screen.getByTestId("care-shop-date-yearly"));
  await waitFor(() => expect(screen.queryByTestId("care-shop-date-lunar")).toBeNull());
  const input = within(screen.getByTestId("care-shop-date-form")).getByPlaceholderText(/日期|date/i);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: "Enter", code: "Enter", keyCode: 13 });
  fireEvent.click(screen.getByTestId("care-shop-date-add"));
}

// Each test clicks through antd Selects and a DatePicker on the whole page: slow on a busy machine.
describe("the shop's own dates", { timeout: 60000 }, () => {
  it("adds a yearly lunar date and a one-off date, saves the whole list with keys from the dates, and refetches the festivals", async () => {
    renderPage("/care?tab=settings", <CarePage />);
    await rows(1);
    expect(text("shop_03_15", "when")).toBe("每年 3月15日");
    await waitFor(() => expect(text("shop_03_15", "next")).toContain("2027"));
    const festivalsBefore = calls("care_festivals").length;
    expect(screen.getByTestId("care-shop-dates-save")).toBeDisabled();

    await addLunarShopAnniversary();
    expect(text("shop_lunar_08_08", "name")).toBe("店庆");
    expect(text("shop_lunar_08_08", "when")).toBe("每年 农历八月初八");
    expect(text("shop_lunar_08_08", "next")).toBe("保存后显示");
    await addOneOff("周年大促", "2026-11-20");
    await waitFor(() => expect(within(card()).getAllByTestId("care-shop-date-row")).toHaveLength(3));
    expect(text("shop_2026_11_20", "when")).toBe("仅一次 2026年11月20日");
    expect(screen.getByTestId("care-shop-dates-unsaved")).toHaveTextContent("有改动还没保存");

    fireEvent.click(screen.getByTestId("care-shop-dates-save"));
    await waitFor(() => expect(calls("shop_dates_save")).toHaveLength(1));
    expect(calls("shop_dates_save")[0][1]).toEqual({
      dates: [
        MEMBERS_DAY,
        { key: "shop_lunar_08_08", name: "店庆", month: 8, day: 8, year: null, lunar: true },
        { key: "shop_2026_11_20", name: "周年大促", month: 11, day: 20, year: 2026, lunar: false },
      ],
    });
    // The festivals (the rule editor's list) are asked for again, and now know the new dates.
    await waitFor(() => expect(calls("care_festivals").length).toBeGreaterThan(festivalsBefore));
    await waitFor(() => expect(text("shop_lunar_08_08", "next")).toContain("2027"));
    expect(screen.queryByTestId("care-shop-dates-unsaved")).toBeNull();
    expect(screen.getByTestId("care-shop-dates-save")).toBeDisabled();

    await i18n.changeLanguage("en-US");
    expect(text("shop_03_15", "when")).toBe("Yearly, 3/15");
    expect(text("shop_lunar_08_08", "when")).toBe("Yearly, lunar 8/8");
    expect(text("shop_lunar_08_08", "name")).toBe("店庆");
    expect(text("shop_2026_11_20", "when")).toBe("Once, 11/20/2026");
    expect(text("shop_2026_11_20", "next")).toMatch(/Nov 20, 2026/);
  });

  it("gives a second date on the same day a key of its own, and warns before deleting a date a rule uses", async () => {
    stored = [MEMBERS_DAY, { key: "shop_lunar_08_08", name: "店庆", month: 8, day: 8, year: null, lunar: true }];
    renderPage("/care?tab=settings", <CarePage />);
    await rows(2);
    fireEvent.change(screen.getByTestId("care-shop-date-name-input"), { target: { value: "老客答谢日" } });
    fireEvent.click(screen.getByTestId("care-shop-date-lunar"));
    await choose("care-shop-date-lunar-month", "八月");
    await choose("care-shop-date-lunar-day", "初八");
    fireEvent.click(screen.getByTestId("care-shop-date-add"));
    await waitFor(() => expect(text("shop_lunar_08_08_2", "name")).toBe("老客答谢日"));

    fireEvent.click(screen.getByTestId("care-shop-date-delete-shop_lunar_08_08"));
    fireEvent.click(await screen.findByTestId("care-shop-date-delete-shop_03_15"));
    // 会员日 is used by the rule “会员日提醒”: the seller confirms first.
    expect(await screen.findByText(/规则“会员日提醒”用到了这个日子/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("care-shop-date-delete-ok"));
    await rows(1);
    fireEvent.click(screen.getByTestId("care-shop-dates-save"));
    await waitFor(() => expect(calls("shop_dates_save")).toHaveLength(1));
    expect(calls("shop_dates_save")[0][1]).toEqual({
      dates: [{ key: "shop_lunar_08_08_2", name: "老客答谢日", month: 8, day: 8, year: null, lunar: true }],
    });
  });

  it("shows Rust's refusal in the seller's language, from its code, and keeps the unsaved list", async () => {
    answer(() => {
      throw { code: "calendar.shop_date_name", message: "a date's name must be 1 to 40 characters", details: { max: 40 } };
    });
    renderPage("/care?tab=settings", <CarePage />);
    await rows(1);
    await addLunarShopAnniversary();
    fireEvent.click(screen.getByTestId("care-shop-dates-save"));
    const error = await screen.findByTestId("care-shop-dates-error");
    expect(error).toHaveAttribute("data-code", "calendar.shop_date_name");
    expect(error).toHaveTextContent("日子的名称须为 1 到 40 个字。");
    expect(error).not.toHaveTextContent("a date's name must be");
    await i18n.changeLanguage("en-US");
    expect(screen.getByTestId("care-shop-dates-error")).toHaveTextContent("A date's name must be 1 to 40 characters.");
    expect(within(card()).getAllByTestId("care-shop-date-row")).toHaveLength(2);
    expect(screen.getByTestId("care-shop-dates-unsaved")).toBeInTheDocument();
    expect(calls("care_festivals").length).toBe(1);
  });

  it("asks for a name before adding", async () => {
    renderPage("/care?tab=settings", <CarePage />);
    await rows(1);
    fireEvent.click(screen.getByTestId("care-shop-date-lunar"));
    fireEvent.click(screen.getByTestId("care-shop-date-add"));
    expect(await screen.findByText("请填写名称。", {}, { timeout: 15000 })).toBeInTheDocument();
    expect(within(card()).getAllByTestId("care-shop-date-row")).toHaveLength(1);
  });
});
