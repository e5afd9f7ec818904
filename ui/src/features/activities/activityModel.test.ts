// The planner's pure parts: grids of whole Monday-first weeks, the festival layer of each day (a promotion's run as a
// band named once per week row, a peak day, statutory days), reasons and warnings as i18n keys with their parameters,
// a suggestion as an activity, and what the editor holds back.
import { describe, expect, it } from "vitest";
import i18n from "../../app/i18n";
import type { Activity } from "../../bindings/Activity";
import type { Festival } from "../../bindings/Festival";
import {
  clashWords, cleanActivity, dueParts, fromSuggestion, gridWeeks, layDays, runOf, stepAnchor, stepWords, unsendable, whyWords, type Namer,
} from "./activityModel";

const namer: Namer = {
  festival: (key) => ({ double_12: "双12", double_11_return: "双11返场" } as Record<string, string>)[key] ?? key,
  money: (a) => `¥${a}`,
  month: (m) => `M${m}`,
};

const festival = (key: string, date: string, over: Partial<Festival> = {}): Festival =>
  ({ key, name_zh: key, name_en: key, kind: "fixed", date, peak: false, ...over });

describe("calendar grid", () => {
  it("covers a month with whole weeks starting on Monday", () => {
    const weeks = gridWeeks("month", "2026-12-17");
    // 1 December 2026 is a Tuesday: the grid opens on Monday 30 November and closes on Sunday 3 January.
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe("2026-11-30");
    expect(weeks[0][1]).toBe("2026-12-01");
    expect(weeks[4][6]).toBe("2027-01-03");
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(gridWeeks("month", "2027-02-10").map((w) => w[0])).toEqual(["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]);
  });

  it("shows the week of a day, and steps by month or by week", () => {
    expect(gridWeeks("week", "2026-12-06")).toEqual([
      ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"],
    ]);
    expect(stepAnchor("month", "2026-12-17", 1)).toBe("2027-01-01");
    expect(stepAnchor("month", "2026-01-31", -1)).toBe("2025-12-01");
    expect(stepAnchor("week", "2026-12-03", -1)).toBe("2026-11-26");
  });
});

describe("festival layer", () => {
  it("lays festivals, a peak day, promotion runs and statutory days onto the days", () => {
    const weeks = gridWeeks("month", "2026-11-01");
    const layers = layDays(weeks, [
      festival("double_11", "2026-11-11", { peak: true }),
      festival("double_11_return", "2026-11-12", { kind: "promotion", end: "2026-11-15" }),
      festival("618", "2027-06-18", { kind: "promotion", start: "2027-06-01", peak: true }),
    ], [{ date: "2026-11-02", kind: "holiday_off", name_zh: "测试" }, { date: "2026-11-07", kind: "makeup_workday", name_zh: "测试" }]);

    expect(layers.get("2026-11-11")!.festivals.map((f) => [f.key, f.peak])).toEqual([["double_11", true]]);
    expect(layers.get("2026-11-11")!.runs).toEqual([]);
    // The return sale runs Thursday 12 to Sunday 15: one band, named on its first day only.
    expect(["2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"].map((d) => layers.get(d)!.runs.map((r) => r.label)))
      .toEqual([[true], [false], [false], [false]]);
    expect(layers.get("2026-11-16")!.runs).toEqual([]);
    expect(layers.get("2026-11-02")!.statutory?.kind).toBe("holiday_off");
    expect(layers.get("2026-11-07")!.statutory?.kind).toBe("makeup_workday");
    expect(layers.get("2026-11-03")!.statutory).toBeNull();
  });

  it("names a run again at the start of each week row it crosses", () => {
    const weeks = gridWeeks("month", "2027-06-01");
    const layers = layDays(weeks, [festival("618", "2027-06-18", { kind: "promotion", start: "2027-06-01", peak: true })], []);
    const named = weeks.flat().filter((d) => layers.get(d)!.runs.some((r) => r.label));
    // 1 June 2027 is a Tuesday; the run is named there and on the Mondays of the 7th and 14th.
    expect(named).toEqual(["2027-06-01", "2027-06-07", "2027-06-14"]);
    expect(layers.get("2027-06-18")!.runs).toHaveLength(1);
    expect(layers.get("2027-06-19")!.runs).toHaveLength(0);
  });

  it("takes only promotions that run over several days as runs", () => {
    expect(runOf(festival("double_11_warmup", "2026-10-20", { kind: "promotion" }))).toBeNull();
    expect(runOf(festival("x", "2026-10-20", { kind: "fixed", end: "2026-10-22" }))).toBeNull();
    expect(runOf(festival("618", "2027-06-18", { kind: "promotion", start: "2027-06-01" }))).toEqual({ from: "2027-06-01", to: "2027-06-18" });
  });
});

describe("reasons and warnings", () => {
  it("map each reason to its key, with the festival named", () => {
    expect(whyWords({ kind: "return_period", festival: "double_11_return", days: 2 }, namer))
      .toEqual({ key: "activities.why.return_period", params: { festival: "双11返场", count: 2 } });
    expect(whyWords({ kind: "before_festival", festival: "christmas", days: 3 }, namer).params).toEqual({ festival: "christmas", count: 3 });
    expect(whyWords({ kind: "weekend" }, namer)).toEqual({ key: "activities.why.weekend", params: {} });
    expect(whyWords({ kind: "spacing" }, namer).key).toBe("activities.why.spacing");
  });

  it("map each clash to its key, with money and the month formatted", () => {
    expect(clashWords({ kind: "promotion_day", festival: "double_12" }, namer))
      .toEqual({ key: "activities.clash.promotion_day", params: { festival: "双12" } });
    expect(clashWords({ kind: "same_day", other: 3, title: "红包雨" }, namer).params).toEqual({ title: "红包雨" });
    expect(clashWords({ kind: "too_close", other: null, title: "猜价格", days: 2 }, namer).params).toEqual({ title: "猜价格", count: 2 });
    expect(clashWords({ kind: "over_budget", month: "2026-12", total: "388.00", cap: "300" }, namer))
      .toEqual({ key: "activities.clash.over_budget", params: { month: "M2026-12", total: "¥388.00", cap: "¥300" } });
  });

  it("has words for every key in both languages", async () => {
    for (const lng of ["zh-CN", "en-US"]) {
      await i18n.changeLanguage(lng);
      for (const k of ["activities.why.return_period_other", "activities.clash.over_budget", "activities.step.announce_winners"]) {
        expect(i18n.exists(k), `${lng} ${k}`).toBe(true);
      }
    }
    const words = (c: Parameters<typeof clashWords>[0]) => {
      const w = clashWords(c, namer);
      return i18n.t(w.key, w.params);
    };
    expect(words({ kind: "too_close", other: 2, title: "猜价格", days: 2 })).toBe("Only 2 days from “猜价格”: the group tires");
    expect(words({ kind: "too_close", other: 2, title: "猜价格", days: 1 })).toBe("Only 1 day from “猜价格”: the group tires");
  });
});

const activity = (over: Partial<Activity> = {}): Activity => ({
  type: "guess_price", title: "猜价格", date: "2026-12-05", slot_start: "18:30", slot_end: "19:30", groups: ["老客群"],
  budget: [{ label: "奖品", amount: "88.00" }], steps: [{ kind: "run", offset_days: 0, done: false }], announcement: "{title}",
  attribution_days: 7, ...over,
});

describe("the editor's activity", () => {
  it("takes a suggestion's title, slot and budget over the type's new activity", () => {
    const base = activity({ title: "猜价格", steps: [{ kind: "pre_announce", offset_days: -3, done: false }] });
    const made = fromSuggestion(base, {
      type: "red_packet", title: "双12前红包", date: "2026-12-09", slot_start: "22:00", slot_end: "23:00",
      budget: [{ label: "红包池", amount: "100.00" }], total: "100.00", why: [], clashes: [],
    });
    expect(made).toMatchObject({ type: "guess_price", title: "双12前红包", date: "2026-12-09", slot_start: "22:00", slot_end: "23:00",
      budget: [{ label: "红包池", amount: "100.00" }], announcement: "{title}" });
    expect(made.steps).toEqual(base.steps);
  });

  it("holds back an amount that is no number and an emptied number box; Rust judges the rest", () => {
    expect(unsendable(activity())).toBeNull();
    expect(unsendable(activity({ budget: [{ label: "a", amount: "1" }, { label: "b", amount: "12元" }] })))
      .toEqual({ key: "activities.editor.budgetNotNumber", params: { line: 2 } });
    expect(unsendable(activity({ attribution_days: Number.NaN }))?.key).toBe("activities.editor.needNumber");
    expect(unsendable(activity({ title: "", slot_end: "08:00", budget: [{ label: "", amount: "-5" }] }))).toBeNull();
  });

  it("sends groups or a target, without empty optional fields", () => {
    const clean = cleanActivity(activity({ target: { segment: "老客" }, steps: [{ kind: "run", label: " ", offset_days: 0, at: "", done: false }] }));
    expect(clean.groups).toEqual([]);
    expect(clean.steps[0]).toEqual({ kind: "run", offset_days: 0, done: false });
    expect(cleanActivity(activity())).not.toHaveProperty("target");
  });

  it("names a step by its label, else its kind, and splits a due time", () => {
    expect(stepWords({ kind: "custom", label: "买奖品" })).toBe("买奖品");
    expect(stepWords({ kind: "reminder", label: null })).toEqual({ key: "activities.step.reminder", params: {} });
    expect(dueParts("2026-12-04T18:30:00")).toEqual({ date: "2026-12-04", time: "18:30" });
  });
});
