// DEV/TEST ONLY (never in ui/dist): an in-memory fake of the Rust side for screenshots and UI tests.
// Deterministic invented data; money is kept in integer cents and printed as decimal strings.
import type { CustomerPage } from "../src/bindings/CustomerPage";
import type { CustomerQuery } from "../src/bindings/CustomerQuery";
import type { CustomerRow } from "../src/bindings/CustomerRow";
import type { ShopView } from "../src/bindings/ShopView";
import type { Platform } from "../src/bindings/Platform";
import { stageOf, tierOf } from "./dashboard";

const NICKS = ["小鹿", "tb_星河", "阿狸", "jd_晴天", "抖音_小米", "Emma", "Liam", "Olivia", "糖糖", "木子", "pdd_阳光", "Noah"];
const CITIES: Array<[string, string]> = [["浙江省", "杭州市"], ["广东省", "深圳市"], ["北京市", "北京市"], ["上海市", "上海市"], ["四川省", "成都市"], ["江苏省", "南京市"]];
export const PLATFORMS: Platform[] = ["taobao", "tmall", "pinduoduo", "jd", "douyin", "shopify", "etsy"];
const TAGS = ["回头客", "爱买新品", "大促党", "VIP"];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;

/** One shop per platform, named as Laoke names a shop nobody named. */
const SHOP_NAMES: Record<Platform, string> = {
  taobao: "淘宝店", tmall: "天猫店", pinduoduo: "拼多多店", jd: "京东店", douyin: "抖店", shopify: "Shopify store",
  woocommerce: "WooCommerce store", etsy: "Etsy shop", generic: "Other shop",
};

export function shopsOf(rows: CustomerRow[]): ShopView[] {
  return PLATFORMS.map((platform, i) => {
    const of = rows.filter((c) => c.platform === platform);
    return { id: i + 1, platform, name: SHOP_NAMES[platform], named: false, count_cod: true,
      orders: of.reduce((a, c) => a + c.orders, 0), customers: of.length, created_at: "2024-01-01T00:00:00Z" };
  }).filter((s) => s.customers > 0);
}

export function makeCustomers(n: number, seed = 7): CustomerRow[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const purchases = 1 + Math.floor(r() ** 3 * 9);
    const first = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 600) * 86400000);
    const last = new Date(first.getTime() + Math.floor(r() * 200) * 86400000 * (purchases > 1 ? 1 : 0));
    const [province, city] = CITIES[Math.floor(r() * CITIES.length)];
    const platform = PLATFORMS[Math.floor(r() * PLATFORMS.length)];
    return {
      id: i + 1, platform, buyer_id: `buyer${1000 + i}`,
      nick: `${NICKS[i % NICKS.length]}${i}`, purchases, orders: purchases + (r() < 0.2 ? 1 : 0),
      value: cents(purchases * (3000 + Math.floor(r() * 40000))),
      first_purchase: first.toISOString().replace(/\.\d+Z$/, "Z"), last_purchase: last.toISOString().replace(/\.\d+Z$/, "Z"),
      stage: null, rfm: null, rfm_cell: null, tier: null as string | null, tags: r() < 0.3 ? [TAGS[Math.floor(r() * TAGS.length)]] : [],
      shops: [SHOP_NAMES[platform]], province, city,
      name: null, email: null, phone: null, wechat: null, birthday: null, birthday_lunar: false, dnd: false,
      // The forecast, as the archive rules store it (4 and 2 places); one in twenty has none yet.
      p_alive: i % 20 === 19 ? null : (((i * 37) % 97) / 100).toFixed(4),
      expected_90d: i % 20 === 19 ? null : ((((i * 37) % 97) / 100) * 0.9 * purchases / 3).toFixed(4),
      clv: i % 20 === 19 ? null : cents(Math.round(((i * 37) % 97) * purchases * 41)),
    };
  }).map((c) => ({ ...c, stage: stageOf(c), tier: tierOf(c) }));
}

const cmp = (a: CustomerRow, b: CustomerRow, sort: CustomerQuery["sort"]): number => {
  switch (sort) {
    case "nick": return a.nick.localeCompare(b.nick);
    case "purchases": return a.purchases - b.purchases;
    case "value": return Number(a.value) - Number(b.value);
    case "first_purchase": return (a.first_purchase ?? "").localeCompare(b.first_purchase ?? "");
    case "last_purchase": return (a.last_purchase ?? "").localeCompare(b.last_purchase ?? "");
    case "p_alive": case "expected_90d": case "clv": return Number(a[sort] ?? -1) - Number(b[sort] ?? -1);
    default: return a.id - b.id;
  }
};

export function pageOf(rows: CustomerRow[], q: CustomerQuery): CustomerPage {
  const s = q.search?.toLowerCase();
  const hits = rows.filter((c) => (!q.platform || c.platform === q.platform) &&
    (!s || c.nick.toLowerCase().includes(s) || c.buyer_id.includes(s)));
  hits.sort((a, b) => (q.desc ? -1 : 1) * cmp(a, b, q.sort) || a.id - b.id);
  return { total: hits.length, customers: hits.slice(q.offset, q.offset + q.limit) };
}
