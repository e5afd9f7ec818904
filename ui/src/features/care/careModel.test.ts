// The Care page's pure helpers: days in the shop's time zone, grouping a day by channel, a rule cleaned for sending,
// triggers in words, the calendar's month grids, and the shop's own dates (their key, in words).
import { describe, expect, it } from "vitest";
import i18n from "../../app/i18n";
import { dayMessages } from "../../test/careFixtures";
import type { CareDay } from "../../bindings/CareDay";
import {
  addDays, blankNumbers, cleanRule, describeShopDate, describeTrigger, dueTime, groupByChannel, newRule, shopDateKey, todayIn, triggerOf,
} from "./careModel";
import { monthsOf } from "./CalendarTab";

describe("care model", () => {
  it("tells today in the shop's time zone and walks days", () => {
    const instant = new Date("2026-12-03T17:30:00Z");
    expect(todayIn("Asia/Shanghai", instant)).toBe("2026-12-04");
    expect(todayIn("America/Toronto", instant)).toBe("2026-12-03");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(dueTime("2026-12-04T10:05:00+08:00")).toBe("10:05");
  });

  it("groups the messages that are not skipped by channel, hand-sent channels first, by due time", () => {
    const groups = groupByChannel(dayMessages());
    expect(groups.map((g) => [g.channel, g.messages.length])).toEqual([["wangwang", 2], ["wechat", 1], ["sms", 1], ["email", 4]]);
    expect(groups[0].messages.map((m) => m.due)).toEqual(["2026-12-04T10:00:00+08:00", "2026-12-04T19:30:00+08:00"]);
  });

  it("sends no emptied number and drops what the channel does not use", () => {
    expect(blankNumbers({ ...newRule(), trigger: { kind: "birthday", days_before: Number.NaN } })).toEqual(["days_before"]);
    const r = cleanRule({ ...newRule(), channel: "wechat", subject: "Hi", auto_send: true, template_en: " ", coupon: "" });
    expect(r).not.toHaveProperty("subject");
    expect(r).not.toHaveProperty("template_en");
    expect(r).not.toHaveProperty("coupon");
    expect(r.auto_send).toBe(false);
    expect(triggerOf("after_purchase", { kind: "birthday", days_before: 3 })).toEqual({ kind: "after_purchase", days: 3, from: "shipped" });
  });

  it("says a trigger in words", async () => {
    await i18n.changeLanguage("zh-CN");
    const t = i18n.t.bind(i18n);
    const name = () => "中秋节";
    expect(describeTrigger(t, { kind: "festival", key: "mid_autumn", days_before: 2 }, name, (d) => d)).toBe("中秋节前 2 天");
    expect(describeTrigger(t, { kind: "after_purchase", days: 7, from: "shipped" }, name, (d) => d)).toBe("发货后 7 天");
    expect(describeTrigger(t, { kind: "birthday", days_before: 0 }, name, (d) => d)).toBe("生日当天");
    await i18n.changeLanguage("en-US");
    expect(describeTrigger(t, { kind: "unpaid", minutes: 30 }, name, (d) => d)).toBe("Unpaid 30 minutes after the order");
  });

  it("keys a shop's date by its date, never reusing a key, in what Rust allows", () => {
    const lunar = { month: 8, day: 8, year: null, lunar: true };
    expect(shopDateKey(lunar, [])).toBe("shop_lunar_08_08");
    expect(shopDateKey(lunar, ["shop_lunar_08_08", "shop_lunar_08_08_2"])).toBe("shop_lunar_08_08_3");
    expect(shopDateKey({ month: 11, day: 20, year: null, lunar: false }, [])).toBe("shop_11_20");
    expect(shopDateKey({ month: 2, day: 29, year: 2028, lunar: false }, ["shop_11_20"])).toBe("shop_2028_02_29");
    expect(shopDateKey({ month: 12, day: 30, year: 2099, lunar: true }, [])).toMatch(/^[a-z0-9_]{1,40}$/);
  });

  it("says a shop's date in words", async () => {
    const t = i18n.t.bind(i18n);
    const d = (month: number, day: number, year: number | null, lunar: boolean) => ({ key: "k", name: "店庆", month, day, year, lunar });
    await i18n.changeLanguage("zh-CN");
    expect(describeShopDate(t, d(8, 8, null, true))).toBe("每年 农历八月初八");
    expect(describeShopDate(t, d(12, 30, null, true))).toBe("每年 农历腊月三十");
    expect(describeShopDate(t, d(1, 21, 2027, true))).toBe("仅一次 农历2027年正月廿一");
    expect(describeShopDate(t, d(11, 20, null, false))).toBe("每年 11月20日");
    expect(describeShopDate(t, d(11, 20, 2026, false))).toBe("仅一次 2026年11月20日");
    await i18n.changeLanguage("en-US");
    expect(describeShopDate(t, d(8, 8, null, true))).toBe("Yearly, lunar 8/8");
    expect(describeShopDate(t, d(1, 21, 2027, true))).toBe("Once, lunar 1/21 of lunar year 2027");
    expect(describeShopDate(t, d(11, 20, 2026, false))).toBe("Once, 11/20/2026");
  });

  it("lays days out in Monday-first month grids", () => {
    const days: CareDay[] = Array.from({ length: 40 }, (_, i) => ({ date: addDays("2026-12-03", i), festivals: [], statutory: null, rules: [] }));
    const months = monthsOf(days);
    expect(months.map((m) => m.key)).toEqual(["2026-12", "2027-01"]);
    // 1 December 2026 is a Tuesday: one empty cell before it; the 3rd is the first day shown.
    expect(months[0].cells.slice(0, 4).map((c) => c?.date ?? null)).toEqual([null, null, null, "2026-12-03"]);
    expect(months[1].cells.findIndex((c) => c?.date === "2027-01-01")).toBe(4); // a Friday
  });
});
