// DEV/TEST ONLY (never in ui/dist): a fake of the activity and coupon commands for screenshots of the Activities and
// Coupons pages — a few activities in the current month (one with warnings, one with results), the festivals of
// mock/care.ts with their promotion days, a month's suggestions, two coupon plans with estimates (one also redeemed in
// the imported orders). The real rules live in Rust; this only has to look right (so it adds money up in floating
// point, which the UI never does).
import { emit } from "@tauri-apps/api/event";
import type { Activity } from "../src/bindings/Activity";
import type { ActivityResults } from "../src/bindings/ActivityResults";
import type { ActivitySettings } from "../src/bindings/ActivitySettings";
import type { ActivityType } from "../src/bindings/ActivityType";
import type { ActivityView } from "../src/bindings/ActivityView";
import type { Clash } from "../src/bindings/Clash";
import type { CouponEstimate } from "../src/bindings/CouponEstimate";
import type { CouponPlan } from "../src/bindings/CouponPlan";
import type { CouponResults } from "../src/bindings/CouponResults";
import type { CouponView } from "../src/bindings/CouponView";
import type { Step } from "../src/bindings/Step";
import type { Suggestion } from "../src/bindings/Suggestion";
import { addDays, todayIn } from "../src/features/care/careModel";
import { festivalsOf } from "./care";

const english = () => localStorage.getItem("laoke.lang") === "en-US";
const money = (n: number) => n.toFixed(2);
const sum = (amounts: string[]) => amounts.reduce((a, x) => a + Number(x), 0);
const changed = (tag: "activities" | "coupons") => emit("data-changed", { tags: [tag] });
const refuse = (code: string, details: Record<string, unknown>) => ({ code, message: code, details });

const step = (kind: Step["kind"], offset_days: number): Step => ({ kind, offset_days, done: false });
const CONTEST: Step[] = [step("pre_announce", -3), step("prepare_prizes", -2), step("reminder", -1), step("run", 0), step("announce_winners", 0), step("follow_up", 1)];
const SALE: Step[] = [step("pre_announce", -3), step("reminder", -1), step("run", 0), step("follow_up", 1)];

const type = (key: string, name_zh: string, name_en: string, contest: boolean, label: [string, string, string], zh: string, en: string): ActivityType => ({
  key, name_zh, name_en, steps: contest ? CONTEST : SALE, template_zh: zh, template_en: en,
  budget: [{ label_zh: label[0], label_en: label[1], amount: label[2] }], builtin: true,
});
const TYPES: ActivityType[] = [
  type("guess_price", "猜价格", "Guess the price", true, ["奖品", "Prizes", "88.00"],
    "【{shop}】{date} {time} 群内「{title}」：猜中新品价格的前 3 位送出奖品，奖池 {budget} 元！{coupon}",
    "[{shop}] {title} in the group on {date} at {time}: the first 3 to guess the new item's price win. Prize pool {budget}! {coupon}"),
  type("red_packet", "抢红包", "Red-packet round", false, ["红包池", "Red-packet pool", "100.00"],
    "【{shop}】{date} {time} 群里发红包啦！「{title}」共 {budget} 元，准时来抢～{coupon}",
    "[{shop}] Red packets in the group on {date} at {time}: {title}, {budget} in all. Be there! {coupon}"),
  type("buyer_show", "买家秀", "Buyer-show contest", true, ["奖品", "Prizes", "100.00"],
    "【{shop}】「{title}」开始征集买家秀！{date} {time} 前在群里晒图，点赞最多的送好礼（奖品 {budget} 元）。{coupon}",
    "[{shop}] {title}: post your photos in the group by {date} {time}; the most liked win prizes worth {budget}. {coupon}"),
  type("return_sale", "返场", "Return sale", false, ["返场券", "Return-sale coupons", "100.00"],
    "【{shop}】大促返场！{date} {time} 起「{title}」，错过大促的群友再享一次优惠。{coupon}",
    "[{shop}] Return sale from {date} {time}: {title}, one more chance at the promotion's prices. {coupon}"),
  type("quiz", "问答", "Quiz", true, ["奖品", "Prizes", "50.00"],
    "【{shop}】{date} {time} 群内有奖问答「{title}」，答对就有奖（奖品 {budget} 元）！{coupon}",
    "[{shop}] Quiz in the group on {date} at {time}: {title}. Right answers win (prizes worth {budget})! {coupon}"),
];

let settings: ActivitySettings = {
  groups: [
    { name: "小鱼手作老客群", platform: "taobao", members: 386, segment: "沉睡老客" },
    { name: "微信福利群", platform: "generic", members: 152 },
  ],
  slots: [{ start: "08:00", end: "10:00" }, { start: "13:00", end: "14:00" }, { start: "18:30", end: "19:30" }, { start: "22:00", end: "23:00" }],
  cadence: 3,
  monthly_budget_cap: "300.00",
};

const month = () => todayIn("Asia/Shanghai").slice(0, 7);
const dayOf = (d: number) => `${month()}-${String(d).padStart(2, "0")}`;
/** The built-in types as they come; an edit replaces one in TYPES, a reset brings it back. */
const BUILTIN: readonly ActivityType[] = [...TYPES];
const typeOf = (key: string) => TYPES.find((t) => t.key === key) ?? TYPES[0];

function newActivity(kind: string, date: string): Activity {
  const t = typeOf(kind);
  const en = english();
  return {
    type: t.key, title: en ? t.name_en : t.name_zh, date, slot_start: "18:30", slot_end: "19:30", groups: [settings.groups[0].name],
    budget: t.budget.map((l) => ({ label: en ? l.label_en : l.label_zh, amount: l.amount })), steps: t.steps.map((s) => ({ ...s })),
    announcement: en ? t.template_en : t.template_zh, attribution_days: 7,
  };
}

let nextId = 4;
let activities: Activity[] = [
  { ...newActivity("guess_price", dayOf(5)), id: 1, title: "猜新品茶杯价格", steps: CONTEST.map((s, i) => ({ ...s, done: i < 4 })) },
  { ...newActivity("red_packet", dayOf(8)), id: 2, title: "周末红包雨", coupon_plan: 1 },
  { ...newActivity("buyer_show", dayOf(19)), id: 3, title: "冬日买家秀", slot_start: "22:00", slot_end: "23:00" },
];
const results = new Map<number, ActivityResults>([[1, {
  participants: 64, new_members: 9, orders: 23, revenue: "2184.00", cost: "88.00", roi: "23.8182", attributed_to: "group_segments",
  window_end: addDays(dayOf(5), 7),
}]]);

function check(a: Activity): void {
  if (!TYPES.some((t) => t.key === a.type)) throw refuse("activity.unknown_type", { kind: a.type });
  if (!a.title.trim() || a.title.trim().length > 60) throw refuse("activity.title_length", { max: 60 });
  if (a.slot_end <= a.slot_start) throw refuse("activity.slot_reversed", { start: a.slot_start, end: a.slot_end });
  a.budget.forEach((l, i) => {
    if (!l.label.trim()) throw refuse("activity.budget_label", { line: i + 1, max: 40 });
    if (Number(l.amount) < 0) throw refuse("activity.budget_negative", { line: i + 1, value: l.amount });
  });
  a.steps.forEach((s, i) => {
    if (s.kind === "custom" && !s.label?.trim()) throw refuse("activity.step_label", { step: i + 1, max: 40 });
  });
  for (const g of a.groups) if (!settings.groups.some((x) => x.name === g)) throw refuse("activity.unknown_group", { name: g });
  const bad = [...a.announcement.matchAll(/\{(\w*)\}/g)].find((m) => !["shop", "title", "date", "time", "budget", "coupon"].includes(m[1]));
  if (bad) throw refuse("template.unknown_variable", { name: bad[1], at: (bad.index ?? 0) + 1 });
}

const PEAK_DAYS = (from: string, to: string) => festivalsOf(from, to).festivals.filter((f) => f.peak);

function clashesOf(a: Activity, total: number): Clash[] {
  const out: Clash[] = PEAK_DAYS(a.date, a.date).map((f) => ({ kind: "promotion_day", festival: f.key }));
  for (const o of activities.filter((x) => x.id !== a.id)) {
    const days = Math.abs(Math.round((Date.parse(o.date) - Date.parse(a.date)) / 86400000));
    if (days === 0) out.push({ kind: "same_day", other: o.id ?? null, title: o.title });
    else if (days < 5) out.push({ kind: "too_close", other: o.id ?? null, title: o.title, days });
  }
  const cap = settings.monthly_budget_cap;
  if (cap !== null) {
    const spent = total + sum(activities.filter((o) => o.id !== a.id && o.date.slice(0, 7) === a.date.slice(0, 7)).flatMap((o) => o.budget.map((l) => l.amount)));
    if (spent > Number(cap)) out.push({ kind: "over_budget", month: a.date.slice(0, 7), total: money(spent), cap });
  }
  return out;
}

function viewOf(a: Activity): ActivityView {
  const total = sum(a.budget.map((l) => l.amount));
  const coupon = coupons.find((c) => c.id === a.coupon_plan);
  const en = english();
  const values: Record<string, string> = {
    shop: en ? "Little Fish Crafts" : "小鱼手作", title: a.title.trim(), time: a.slot_start, budget: money(total),
    date: en ? `${Number(a.date.slice(8))} ${new Date(`${a.date}T00:00:00Z`).toLocaleString("en", { month: "short", timeZone: "UTC" })}`
      : `${Number(a.date.slice(5, 7))}月${Number(a.date.slice(8))}日`,
    coupon: coupon ? offerOf(coupon) : "",
  };
  return {
    id: a.id ?? 0, activity: a, total: money(total),
    steps: a.steps.map((s, index) => ({
      index, kind: s.kind, label: s.label ?? null, done: s.done,
      due: `${addDays(a.date, s.offset_days)}T${s.at ?? (s.kind === "announce_winners" ? a.slot_end : a.slot_start)}:00`,
    })),
    announcement: a.announcement.replace(/\{(\w+)\}/g, (_, v: string) => values[v] ?? `{${v}}`).trim(),
    warnings: clashesOf(a, total),
    results: results.get(a.id ?? 0) ?? null,
  };
}

function suggest(m: string): Suggestion[] {
  const en = english();
  const days = [`${m}-06`, `${m}-13`, `${m}-26`];
  return days.map((date, i) => {
    const t = TYPES[[4, 1, 2][i]];
    const a = { ...newActivity(t.key, date) };
    const why: Suggestion["why"] = i === 1
      ? [{ kind: "before_festival", festival: "double_12", days: 3 }, { kind: "weekend" }]
      : i === 2 ? [{ kind: "before_festival", festival: "christmas", days: 3 }] : [{ kind: "spacing" }];
    return {
      type: t.key, title: en ? `${t.name_en} (${date.slice(5)})` : `${t.name_zh} · ${Number(date.slice(8))}日`, date,
      slot_start: "18:30", slot_end: "19:30", budget: a.budget, total: sum(a.budget.map((l) => l.amount)).toFixed(2), why, clashes: clashesOf({ ...a, id: -1 }, sum(a.budget.map((l) => l.amount))),
    };
  });
}

// Coupon plans.
let nextCoupon = 3;
// `matched`: what the imported orders show (as if 3 web-shop orders named the code HUIGUI15).
let coupons: Array<{ id: number; plan: CouponPlan; results: CouponResults | null; matched: CouponResults | null }> = [
  { id: 1, plan: { id: 1, name: "老客回归券", kind: "amount_off", threshold: "99", amount: "15", quantity: 300,
    valid_from: dayOf(1), valid_to: dayOf(20), target: { segment: "沉睡老客" }, code: "HUIGUI15" },
  results: { redeemed: 26, cost: "390.00", orders: 41, revenue: "5230.00", roi: "12.4103", source: "hand", by_code: 0, by_offer: 0 },
  matched: { redeemed: 3, cost: "45.00", orders: 3, revenue: "540.00", roi: "11.0000", source: "orders", by_code: 3, by_offer: 0 } },
  { id: 2, plan: { id: 2, name: "VIP 双12 九折", kind: "discount", threshold: "0", discount: "0.90", quantity: 120,
    valid_from: dayOf(10), valid_to: dayOf(14), target: { tier: "VIP2" } }, results: null, matched: null },
];

function offerOf(c: { plan: CouponPlan }): string {
  const p = c.plan;
  const en = english();
  const code = p.code ? (en ? `, code ${p.code}` : `，券码 ${p.code}`) : "";
  if (p.kind === "amount_off") {
    return Number(p.threshold) > 0 ? (en ? `${p.amount} off orders of ${p.threshold}${code}` : `满${p.threshold}减${p.amount}${code}`)
      : (en ? `${p.amount} off${code}` : `立减${p.amount}${code}`);
  }
  const d = Number(p.discount ?? "1");
  return en ? `${Math.round((1 - d) * 100)}% off${code}` : `${Number((d * 10).toFixed(1))}折${code}`;
}

function checkPlan(p: CouponPlan): void {
  if (!p.name.trim() || p.name.trim().length > 40) throw refuse("coupon.name_length", { max: 40 });
  if (Number(p.threshold) < 0) throw refuse("coupon.threshold_negative", { value: p.threshold });
  if (p.kind === "amount_off") {
    if (!p.amount || Number(p.amount) <= 0) throw refuse("coupon.amount_missing", {});
    if (Number(p.threshold) > 0 && Number(p.amount) >= Number(p.threshold)) {
      throw refuse("coupon.amount_exceeds_threshold", { amount: p.amount, threshold: p.threshold });
    }
  } else if (!p.discount || Number(p.discount) <= 0 || Number(p.discount) >= 1) {
    throw refuse("coupon.discount_out_of_range", { value: p.discount ?? "" });
  }
  if (p.valid_to < p.valid_from) throw refuse("coupon.validity_reversed", { from: p.valid_from, to: p.valid_to });
  if (p.quantity === 0) throw refuse("coupon.quantity_zero", {});
  if (p.target && "tier" in p.target && !["VIP1", "VIP2", "VIP3"].includes(p.target.tier)) throw refuse("coupon.unknown_tier", { name: p.target.tier });
}

function estimateOf(p: CouponPlan): CouponEstimate {
  checkPlan(p);
  const target_size = !p.target ? 2000 : "segment" in p.target ? 318 : "tier" in p.target ? 164 : 500;
  const handed_out = Math.min(p.quantity, target_size);
  const history = coupons.filter((c) => c.plan.kind === p.kind && c.results && c.id !== p.id);
  const [rate, low, high] = history.length ? [0.0867, 0.0598, 0.1241] : p.kind === "amount_off" ? [0.08, 0.04, 0.15] : [0.06, 0.03, 0.12];
  const per = p.kind === "amount_off" ? Number(p.amount) : Math.max(Number(p.threshold), 168) * (1 - Number(p.discount));
  return {
    target_size, handed_out, redemption_rate: rate.toFixed(4), rate_low: low.toFixed(4), rate_high: high.toFixed(4),
    rate_source: history.length ? "history" : "default", history_plans: history.length, expected_redemptions: Math.round(handed_out * rate),
    per_redemption: money(per), cost_low: money(handed_out * low * per), cost_expected: money(handed_out * rate * per),
    cost_high: money(handed_out * high * per),
  };
}

const couponView = (c: (typeof coupons)[number]): CouponView =>
  ({ id: c.id, plan: c.plan, offer: offerOf(c), estimate: estimateOf(c.plan), results: c.results, matched: c.matched });

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let started = false;

/** Answers an activity or coupon command, or undefined for any other command; without `withData` the shop starts with none. */
export async function activityCommand(cmd: string, a: Record<string, unknown>, withData: boolean): Promise<unknown> {
  if (!started) {
    started = true;
    if (!withData) {
      activities = [];
      coupons = [];
      results.clear();
    }
  }
  switch (cmd) {
    case "activity_calendar": {
      await wait(80);
      const from = a.from as string;
      const to = a.to as string;
      return { activities: activities.filter((x) => x.date >= from && x.date <= to).map(viewOf), ...festivalsOf(from, to) };
    }
    case "activity_types": return TYPES;
    case "activity_type_save": {
      const t = a.activityType as ActivityType;
      if (!/^[a-z0-9_]{1,40}$/.test(t.key)) throw refuse("activity.type_key", { key: t.key });
      if ([t.name_zh, t.name_en].some((n) => !n.trim() || n.trim().length > 40)) throw refuse("activity.type_name", { max: 40 });
      if ([t.template_zh, t.template_en].some((x) => !x.trim())) throw refuse("template.empty", {});
      const saved = { ...t, builtin: BUILTIN.some((b) => b.key === t.key) };
      const at = TYPES.findIndex((x) => x.key === t.key);
      if (at >= 0) TYPES[at] = saved;
      else TYPES.push(saved);
      await changed("activities");
      return TYPES;
    }
    case "activity_type_reset": {
      const at = TYPES.findIndex((x) => x.key === a.key);
      const builtin = BUILTIN.find((b) => b.key === a.key);
      if (at >= 0 && builtin) TYPES[at] = builtin;
      else if (at >= 0) TYPES.splice(at, 1);
      await changed("activities");
      return TYPES;
    }
    case "activity_settings": return settings;
    case "activity_settings_save": {
      const s = a.settings as ActivitySettings;
      if (s.groups.some((g) => !g.name.trim())) throw refuse("activity.group_name", { max: 40 });
      if (s.cadence < 1 || s.cadence > 6) throw refuse("activity.cadence_out_of_range", { max: 6 });
      settings = s;
      await changed("activities");
      return settings;
    }
    case "activity_new": return newActivity(a.kind as string, a.date as string);
    case "activity_preview": {
      await wait(50);
      const x = a.activity as Activity;
      check(x);
      return viewOf({ ...x, id: x.id ?? 0 });
    }
    case "activity_save": {
      const x = a.activity as Activity;
      check(x);
      const saved = { ...x, id: x.id ?? nextId++ };
      activities = x.id ? activities.map((o) => (o.id === x.id ? saved : o)) : [...activities, saved];
      await changed("activities");
      return viewOf(saved);
    }
    case "activity_move": {
      const found = activities.find((o) => o.id === a.id);
      if (!found) throw refuse("activity.not_found", { id: a.id });
      found.date = a.date as string;
      await changed("activities");
      return viewOf(found);
    }
    case "activity_delete": activities = activities.filter((o) => o.id !== a.id); await changed("activities"); return null;
    case "activity_tick": {
      const found = activities.find((o) => o.id === a.id);
      const s = found?.steps[a.step as number];
      if (!found || !s) throw refuse("activity.step_not_found", { id: a.id, step: a.step });
      s.done = a.done as boolean;
      await changed("activities");
      return viewOf(found);
    }
    case "activity_results": {
      const found = activities.find((o) => o.id === a.id);
      if (!found) throw refuse("activity.not_found", { id: a.id });
      const cost = sum(found.budget.map((l) => l.amount));
      const revenue = 96 * (a.participants as number);
      const r: ActivityResults = {
        participants: a.participants as number, new_members: a.newMembers as number, orders: Math.round((a.participants as number) / 3),
        revenue: money(revenue), cost: money(cost), roi: cost > 0 ? ((revenue - cost) / cost).toFixed(4) : null,
        attributed_to: found.target ? "target" : found.groups.length ? "group_segments" : "everyone", window_end: addDays(found.date, found.attribution_days),
      };
      results.set(found.id!, r);
      await changed("activities");
      return r;
    }
    case "activity_suggest": await wait(200); return { activities: suggest(a.month as string) };
    case "activity_steps": {
      const date = a.date as string;
      return activities.flatMap((x) => viewOf(x).steps.map((step) => ({ activity_id: x.id!, title: x.title, activity_date: x.date, step })))
        .filter((i) => i.step.due.slice(0, 10) === date || (i.step.due.slice(0, 10) < date && !i.step.done && i.activity_date >= addDays(date, -7)));
    }
    case "coupon_plans": await wait(60); return coupons.map(couponView);
    case "coupon_estimate": await wait(60); return estimateOf(a.plan as CouponPlan);
    case "coupon_save": {
      const p = a.plan as CouponPlan;
      checkPlan(p);
      const id = p.id ?? nextCoupon++;
      const old = coupons.find((c) => c.id === id);
      const saved = { id, plan: { ...p, id }, results: old?.results ?? null, matched: old?.matched ?? null };
      coupons = p.id ? coupons.map((c) => (c.id === id ? saved : c)) : [...coupons, saved];
      await changed("coupons");
      return couponView(saved);
    }
    case "coupon_delete": coupons = coupons.filter((c) => c.id !== a.id); await changed("coupons"); return null;
    case "coupon_results": {
      const c = coupons.find((x) => x.id === a.id);
      if (!c) throw refuse("coupon.not_found", { id: a.id });
      const redeemed = a.redeemed as number;
      const per = Number(estimateOf(c.plan).per_redemption);
      const cost = redeemed * per;
      const revenue = redeemed * 186;
      c.results = { redeemed, cost: money(cost), orders: Math.round(redeemed * 1.4), revenue: money(revenue),
        roi: cost > 0 ? ((revenue - cost) / cost).toFixed(4) : null, source: "hand", by_code: 0, by_offer: 0 };
      await changed("coupons");
      return c.results;
    }
    case "coupon_results_from_orders": {
      const c = coupons.find((x) => x.id === a.id);
      if (!c) throw refuse("coupon.not_found", { id: a.id });
      // No order redeemed it: the results are none, as Rust records them.
      c.results = c.matched ?? { redeemed: 0, cost: "0.00", orders: 0, revenue: "0.00", roi: null, source: "orders", by_code: 0, by_offer: 0 };
      await changed("coupons");
      return c.results;
    }
    case "tier_state": return {
      ladder: { window: "lifetime", review: "monthly", grace_days: 30, tiers: ["VIP1", "VIP2", "VIP3"].map((name, i) => ({
        name, min_value: String(500 * (i + 1)), min_purchases: null, combine: "or", discount: "1", benefits: "", color: null })) },
      applied: true, tiers: [{ name: "VIP1", customers: 412 }, { name: "VIP2", customers: 164 }, { name: "VIP3", customers: 38 }], no_tier: 1386, pinned: 0,
    };
    default: return undefined;
  }
}
