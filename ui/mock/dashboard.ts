// DEV/TEST ONLY (never in ui/dist): a fake of the dashboard's figures for screenshots: a deterministic daily history
// (weekday rhythm, growth, 618 / 双11 / 双12 peaks and two odd days), folded into weeks and months, cohorts, the
// rolling repurchase rate, churn, the Pareto curve of the customers' values, and the "slipping away" forecast.
// Money is kept in integer cents and printed as decimal strings.
import type { CustomerProfile } from "../src/bindings/CustomerProfile";
import type { CustomerRow } from "../src/bindings/CustomerRow";
import type { Dashboard } from "../src/bindings/Dashboard";
import type { DashboardQuery } from "../src/bindings/DashboardQuery";
import type { Anomaly } from "../src/bindings/Anomaly";
import type { Filter } from "../src/bindings/Filter";
import type { Condition } from "../src/bindings/Condition";
import type { Prediction } from "../src/bindings/Prediction";
import type { RfmSummary } from "../src/bindings/RfmSummary";
import type { SeriesPoint } from "../src/bindings/SeriesPoint";
import type { Platform } from "../src/bindings/Platform";

const DAY_MS = 86_400_000;
/** The history ends today, so the quick periods (last 30 days…) have figures. */
const LAST_DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const FIRST_DAY = LAST_DAY - 689 * DAY_MS;
const cents = (c: number) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const ratio = (a: number, b: number, places = 4) => (b ? (a / b).toFixed(places) : "0");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

type Day = { date: string; orders: number; purchases: number; cents: number; newCustomers: number; newBuyers: number; repeat: number };

const PEAKS: Array<[string, string]> = [["06-18", "618"], ["11-11", "double_11"], ["12-12", "double_12"]];
const ODD_DAYS: Record<string, number> = {
  [iso(LAST_DAY - 250 * DAY_MS)]: 0.25, [iso(LAST_DAY - 470 * DAY_MS)]: 2.6, [iso(LAST_DAY - 40 * DAY_MS)]: 2.2,
};

/** The whole history of a share `share` (0–1) of the shop: every day from the first order to the last. */
function history(share: number): Day[] {
  const r = rng(11);
  const days: Day[] = [];
  for (let t = FIRST_DAY; t <= LAST_DAY; t += DAY_MS) {
    const date = iso(t);
    const weekday = new Date(t).getUTCDay();
    const growth = 1 + (t - FIRST_DAY) / (LAST_DAY - FIRST_DAY);
    const rhythm = [1.25, 0.9, 0.85, 0.9, 0.95, 1.1, 1.3][weekday];
    const peak = PEAKS.find(([md]) => {
      const main = Date.parse(`${date.slice(0, 4)}-${md}T00:00:00Z`);
      return t <= main && t >= main - 3 * DAY_MS;
    });
    const boost = (peak ? (date.endsWith(peak[0]) ? 4.5 : 1.8) : 1) * (ODD_DAYS[date] ?? 1);
    const purchases = Math.max(0, Math.round(share * 9 * growth * rhythm * boost * (0.8 + 0.4 * r())));
    const aov = 16000 + Math.floor(r() * 9000) + (peak ? 3000 : 0);
    const newBuyers = Math.round(purchases * (0.45 + 0.15 * r()));
    days.push({ date, orders: purchases + Math.round(purchases * 0.12 * r()), purchases, cents: purchases * aov,
      newCustomers: newBuyers + Math.round(share * 2 * r()), newBuyers, repeat: Math.round(purchases * 0.04 * r()) });
  }
  return days;
}

function point(start: string, days: Day[]): SeriesPoint {
  const sum = (f: (d: Day) => number) => days.reduce((a, d) => a + f(d), 0);
  const purchases = sum((d) => d.purchases);
  const revenue = sum((d) => d.cents);
  const buyers = Math.round(purchases * 0.93);
  return {
    start, orders: sum((d) => d.orders), purchases, revenue: cents(revenue), aov: cents(purchases ? Math.round(revenue / purchases) : 0),
    new_customers: sum((d) => d.newCustomers), new_buyers: sum((d) => d.newBuyers), buyers,
    repurchase_rate: ratio(Math.min(buyers, sum((d) => d.repeat) * (days.length > 7 ? 3 : 1)), buyers),
  };
}

function fold(days: Day[], key: (d: Day) => string): SeriesPoint[] {
  const groups = new Map<string, Day[]>();
  for (const d of days) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups.entries()].map(([start, ds]) => point(start < ds[0].date ? ds[0].date : start, ds));
}

const monday = (d: Day) => {
  const t = Date.parse(`${d.date}T00:00:00Z`);
  return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS);
};

/** The rows of a query's platform or shop (shop ids are the platforms' places in `platforms`, plus one). */
function scoped(rows: CustomerRow[], q: DashboardQuery | null, platforms: Platform[]): CustomerRow[] {
  const shopPlatforms = q?.shops?.map((id) => platforms[id - 1]);
  return rows.filter((c) => (!q?.platform || c.platform === q.platform) && (!shopPlatforms || shopPlatforms.includes(c.platform)));
}

function pareto(rows: CustomerRow[]) {
  const values = rows.map((c) => Math.round(Number(c.value) * 100)).sort((a, b) => b - a);
  const total = values.reduce((a, v) => a + v, 0);
  const curve = Array.from({ length: 101 }, (_, k) => {
    const top = values.slice(0, Math.ceil((values.length * k) / 100)).reduce((a, v) => a + v, 0);
    return ratio(top, total);
  });
  return { buyers: values.length, top20_share: curve[20], curve };
}

export function dashboardOf(all: CustomerRow[], q: DashboardQuery | null, platforms: Platform[]): Dashboard {
  const rows = scoped(all, q, platforms);
  const empty: Dashboard = {
    from: null, to: null,
    stats: { customers: 0, buyers: 0, orders: 0, purchases: 0, revenue: "0", aov: "0", repurchase_rate: "0", first_order: null, last_order: null },
    daily: [], weekly: [], monthly: [], rolling_repurchase: [], platforms: [], shops: [], cohorts: [],
    pareto: { buyers: 0, top20_share: "0", curve: [] }, churn: { churn_days: 180, churned: 0, yearly_value: "0", cost: "0" },
    anomalies: [], peaks: [],
  };
  if (rows.length === 0) return empty;
  const from = q?.from && q.from > iso(FIRST_DAY) ? q.from : iso(FIRST_DAY);
  const to = q?.to && q.to < iso(LAST_DAY) ? q.to : iso(LAST_DAY);
  const days = history(rows.length / all.length).filter((d) => d.date >= from && d.date <= to);
  if (days.length === 0) return { ...empty, from, to };
  const daily = days.map((d) => point(d.date, [d]));
  const monthly = fold(days, (d) => `${d.date.slice(0, 7)}-01`);
  const total = point(from, days);
  const r = rng(5);
  const months = monthly.map((m) => m.start.slice(0, 7));
  const lastMonth = iso(LAST_DAY).slice(0, 7);
  const allMonths = [...new Set(history(1).map((d) => d.date.slice(0, 7)))];
  const flags = (days.length > 28 ? days : []).flatMap((d): Anomaly[] => {
    const p = daily.find((x) => x.start === d.date)!;
    const peak = PEAKS.find(([md]) => d.date.endsWith(md));
    if (peak) {
      return [{ date: d.date, metric: "revenue", value: p.revenue, expected_low: cents(Math.round(d.cents / 6)), expected_high: cents(Math.round(d.cents / 2.5)),
        direction: "high", promotion: peak[1] }];
    }
    const odd = ODD_DAYS[d.date];
    if (!odd) return [];
    return [{ date: d.date, metric: "purchases", value: String(d.purchases), expected_low: (d.purchases / odd * 0.7).toFixed(2),
      expected_high: (d.purchases / odd * 1.3).toFixed(2), direction: odd < 1 ? "low" : "high", promotion: null }];
  });
  const churned = Math.round(rows.length * 0.08 * (days.length / 690));
  return {
    from, to,
    stats: {
      customers: Math.round(rows.length * (days.length / 690) * 1.05), buyers: Math.round(rows.length * (days.length / 690)),
      orders: total.orders, purchases: total.purchases, revenue: total.revenue, aov: total.aov, repurchase_rate: "0.3127",
      first_order: `${from}T02:00:00Z`, last_order: `${to}T12:00:00Z`,
    },
    daily, weekly: fold(days, monday), monthly,
    rolling_repurchase: months.map((m) => ({ month: m, buyers: 400 + Math.floor(r() * 300),
      rate: (0.22 + 0.1 * Math.min(1, allMonths.indexOf(m) / 12) + 0.02 * r()).toFixed(4) })),
    platforms: platforms.map((p) => {
      const of = rows.filter((c) => c.platform === p);
      return { platform: p, customers: of.length, revenue: cents(of.reduce((a, c) => a + Math.round(Number(c.value) * 100), 0)) };
    }).filter((p) => p.customers > 0),
    shops: platforms.map((p, i) => {
      const of = rows.filter((c) => c.platform === p);
      return { shop_id: i + 1, customers: of.length, revenue: cents(of.reduce((a, c) => a + Math.round(Number(c.value) * 100), 0)) };
    }).filter((s) => s.customers > 0),
    cohorts: monthly.map((m) => {
      const month = m.start.slice(0, 7);
      const later = allMonths.length - 1 - allMonths.indexOf(month);
      return {
        month, buyers: m.new_buyers,
        retention: Array.from({ length: Math.max(0, Math.min(later, allMonths.indexOf(lastMonth) - allMonths.indexOf(month))) }, (_, k) => {
          const season = allMonths[allMonths.indexOf(month) + k + 1]?.endsWith("-11") ? 0.05 : 0;
          return Math.max(0, 0.16 * Math.exp(-k / 5) + 0.025 + season + 0.02 * (r() - 0.5)).toFixed(4);
        }),
      };
    }),
    pareto: pareto(rows),
    churn: { churn_days: 180, churned, yearly_value: "356.40", cost: cents(churned * 35640) },
    anomalies: flags.filter((a) => !a.promotion),
    peaks: flags.filter((a) => a.promotion),
  };
}

/** Each mock customer's stage and tier, fixed by their id. */
export const STAGES = ["potential", "new", "active", "loyal", "sleeping", "churned"] as const;
export const stageOf = (c: CustomerRow) => STAGES[[0, 1, 2, 2, 3, 4, 4, 5, 5, 5][c.id % 10]];
export const tierOf = (c: CustomerRow) => (Number(c.value) > 2500 ? "VIP3" : Number(c.value) > 1500 ? "VIP2" : Number(c.value) > 700 ? "VIP1" : null);

/** Counts a filter of single conditions on stage, tier and platform (what the dashboard's bars ask). */
export function countOf(rows: CustomerRow[], filter: Filter): number | undefined {
  const rules = filter.rules as Condition[];
  if (!rules.length || rules.some((c) => !("field" in c) || !["stage", "tier", "platform", "shop"].includes(c.field))) return undefined;
  return rows.filter((c) => rules.every((rule) => {
    if (rule.field === "stage") return stageOf(c) === rule.values[0];
    if (rule.field === "tier") return rule.op === "not_set" ? tierOf(c) === null : tierOf(c) === rule.values[0];
    if (rule.field === "platform") return c.platform === rule.values[0];
    return c.shops.includes(rule.values[0]);
  })).length;
}

export function slippingOf(rows: CustomerRow[], fallback: boolean): Prediction {
  const r = rng(3);
  const repeat = rows.filter((c) => c.purchases >= 2);
  return {
    model: {
      r: fallback ? null : 0.243, alpha: fallback ? null : 4.41, a: fallback ? null : 0.793, b: fallback ? null : 2.43,
      ll: fallback ? null : -9582.4, p: fallback ? null : 6.25, q: fallback ? null : 3.74, gamma: fallback ? null : 15.44,
      fit_ms: 412, reliable: !fallback,
      why: fallback ? { code: "predict.too_few_repeat_buyers", message: "too few repeat buyers", details: { repeat_buyers: 12, min: 20 } } : null,
      as_of: iso(LAST_DAY), unit: "week", horizon_days: 365, customers: rows.length, repeat_buyers: repeat.length,
    },
    customers: [...repeat].sort((a, b) => Number(b.value) - Number(a.value)).slice(0, 20).map((c) => {
      const p = 0.05 + 0.44 * r();
      return {
        id: c.id, buyer_id: c.buyer_id, nick: c.nick, x: c.purchases - 1, t_x: 20 + Math.floor(r() * 40), T: 80,
        p_alive: Number(p.toFixed(4)), expected_90d: Number((p * 1.1).toFixed(4)), expected: Number((p * 3.2).toFixed(4)),
        value: cents(Math.round((Number(c.value) * 100) / c.purchases)), clv: cents(Math.round(Number(c.value) * 100 * p * 0.6)), spent: c.value,
      };
    }),
  };
}

export function rfmOf(rows: CustomerRow[]): RfmSummary {
  const n = rows.length;
  const share = [0.08, 0.1, 0.07, 0.09, 0.06, 0.08, 0.09, 0.11, 0.04, 0.1, 0.18];
  const groups = ["champions", "loyal", "potential_loyalist", "new", "promising", "needs_attention", "about_to_sleep", "at_risk",
    "cant_lose_them", "hibernating", "lost"];
  return { as_of: iso(LAST_DAY), groups: Object.fromEntries(groups.map((g, i) => [g, Math.round(n * share[i])])), pareto: pareto(rows) };
}

export function profileOf(c: CustomerRow): CustomerProfile {
  return {
    id: c.id, platform: c.platform, buyer_id: c.buyer_id, nick: c.nick,
    contact: { name: null, phone: null, email: null, wechat: null, province: c.province, city: c.city, address: null, birthday: null,
      birthday_lunar: false, gender: null, hobbies: null, dnd: false },
    next_birthday: null, tags: c.tags, shops: c.shops, notes: [],
    facts: { orders: c.orders, purchases: c.purchases, value: c.value, refunds: "0.00",
      aov: cents(Math.round((Number(c.value) * 100) / c.purchases)), days_between_purchases: c.purchases > 1 ? "41.5" : null,
      first_purchase: c.first_purchase, last_purchase: c.last_purchase, first_order: c.first_purchase, last_order: c.last_purchase },
    stage: c.stage, stage_since: null, stage_history: [], rfm: c.rfm, rfm_cell: c.rfm_cell,
    p_alive: c.p_alive, expected_90d: c.expected_90d, clv: c.clv, tier: c.tier, tier_since: null, tier_pinned: false,
    tier_downgrade_due: null, tier_history: [], items: [], orders: [], identities: [], created_at: c.first_purchase ?? "2024-01-01T00:00:00Z",
  };
}
