// DEV/TEST ONLY (never in ui/dist): a fake of the care commands for screenshots of the Care page — a few rules, a
// worklist for every day with each status and skip reason (deterministic: picked by the day's number), 90 calendar
// days with the real festivals of 2026–2027 and statutory days of 2026, the shop's own dates (Gregorian ones on the
// calendar too; the mock has no lunar calendar), and a rule check and preview that imitate Rust's (the real ones live
// in Rust; this only has to look right).
import { emit } from "@tauri-apps/api/event";
import type { CareDay } from "../src/bindings/CareDay";
import type { CareMessage } from "../src/bindings/CareMessage";
import type { CareRule } from "../src/bindings/CareRule";
import type { Channel } from "../src/bindings/Channel";
import type { Festival } from "../src/bindings/Festival";
import type { MessageStatus } from "../src/bindings/MessageStatus";
import type { ShopDate } from "../src/bindings/ShopDate";
import type { SkipReason } from "../src/bindings/SkipReason";
import type { StatutoryDay } from "../src/bindings/StatutoryDay";
import { addDays, todayIn } from "../src/features/care/careModel";

// From tests/data/calendar/festivals_2020_2027.csv (2026-09 to 2027-12) and laoke-core's
// cn_statutory_holidays_2004_2026.csv (the last days off and make-up working days it knows).
const FESTIVALS: Array<[string, string, string, string]> = [
  ["2026-09-25", "mid_autumn", "中秋节", "Mid-Autumn Festival"], ["2026-10-01", "national_day", "国庆节", "National Day"],
  ["2026-10-18", "double_ninth", "重阳节", "Double Ninth Festival"], ["2026-10-20", "double_11_warmup", "双11预热", "Double 11 pre-sale"],
  ["2026-11-11", "double_11", "双11", "Singles' Day (Double 11)"],
  ["2026-11-12", "double_11_return", "双11返场", "Double 11 return sale"], ["2026-11-26", "thanksgiving", "感恩节", "Thanksgiving"],
  ["2026-12-12", "double_12", "双12", "Double 12"], ["2026-12-25", "christmas", "圣诞节", "Christmas"],
  ["2027-01-01", "new_year", "元旦", "New Year's Day"], ["2027-01-15", "laba", "腊八节", "Laba Festival"],
  ["2027-02-05", "chuxi", "除夕", "Chinese New Year's Eve"], ["2027-02-06", "spring_festival", "春节", "Spring Festival"],
  ["2027-02-14", "valentines", "情人节", "Valentine's Day"], ["2027-02-20", "lantern", "元宵节", "Lantern Festival"],
  ["2027-03-08", "womens_day", "妇女节", "Women's Day"], ["2027-04-05", "qingming", "清明节", "Qingming Festival"],
  ["2027-05-01", "labour_day", "劳动节", "Labour Day"], ["2027-05-09", "mothers_day", "母亲节", "Mother's Day"],
  ["2027-05-20", "520", "520", "520"], ["2027-06-01", "childrens_day", "儿童节", "Children's Day"],
  ["2027-06-09", "dragon_boat", "端午节", "Dragon Boat Festival"], ["2027-06-18", "618", "618", "618 Shopping Festival"],
  ["2027-08-08", "qixi", "七夕", "Qixi Festival"], ["2027-09-15", "mid_autumn", "中秋节", "Mid-Autumn Festival"],
  ["2027-10-01", "national_day", "国庆节", "National Day"], ["2027-10-08", "double_ninth", "重阳节", "Double Ninth Festival"],
  ["2027-11-11", "double_11", "双11", "Singles' Day (Double 11)"], ["2027-12-12", "double_12", "双12", "Double 12"],
];
/** Rust's `peak` days (the big promotions' main days) and the promotions that run over several days. */
const PEAKS = new Set(["618", "double_11", "double_12"]);
const PROMOTIONS = new Set(["618", "double_11_warmup", "double_11_return"]);
const runOf = (key: string, date: string): Pick<Festival, "start" | "end"> =>
  key === "618" ? { start: addDays(date, -17) } : key === "double_11_return" ? { end: addDays(date, 3) } : {};
const festivalOn = ([date, key, name_zh, name_en]: (typeof FESTIVALS)[number]): Festival =>
  ({ key, name_zh, name_en, kind: PROMOTIONS.has(key) ? "promotion" : "fixed", date, peak: PEAKS.has(key), ...runOf(key, date) });

const STATUTORY: Array<[string, StatutoryDay["kind"], string]> = [
  ["2026-09-20", "makeup_workday", "国庆节"], ["2026-09-25", "holiday_off", "中秋节"], ["2026-09-26", "holiday_off", "中秋节"],
  ["2026-09-27", "holiday_off", "中秋节"], ...[1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, "holiday_off", "国庆节"] as [string, "holiday_off", string]),
  ["2026-10-10", "makeup_workday", "国庆节"],
];

const PEOPLE: Array<{ id: number; nick: string; wechat: string | null; phone: string | null; email: string | null; item: string }> = [
  { id: 11, nick: "小鹿", wechat: "xiaolu_88", phone: "13800138011", email: null, item: "手工真丝围巾" },
  { id: 12, nick: "tb_星河", wechat: null, phone: "13900139012", email: null, item: "青瓷茶杯（两只装）" },
  { id: 13, nick: "阿狸", wechat: "ali_wx", phone: null, email: null, item: "桂花乌龙 250g" },
  { id: 14, nick: "糖糖", wechat: "tangtang", phone: "13700137014", email: null, item: "羊毛毡钥匙扣" },
  { id: 15, nick: "Emma", wechat: null, phone: null, email: "emma.w@example.com", item: "Silk scarf" },
  { id: 16, nick: "Liam", wechat: null, phone: null, email: "reject.liam@example.com", item: "Tea set" },
  { id: 17, nick: "Olivia", wechat: null, phone: null, email: "olivia.b@example.com", item: "Felt keyring" },
  { id: 18, nick: "木子", wechat: "muzi_2020", phone: "13600136018", email: null, item: "竹编收纳篮" },
  { id: 19, nick: "晴天", wechat: null, phone: "13500135019", email: null, item: "明前龙井" },
  { id: 20, nick: "Noah", wechat: null, phone: null, email: "noah.k@example.com", item: "Ceramic mug" },
];

let nextId = 7;
let rules: CareRule[] = [
  { id: 1, name: "生日祝福", trigger: { kind: "birthday", days_before: 0 }, target: null, channel: "wangwang", send_at: "10:00",
    priority: "care", template: "{nick}，生日快乐！小鱼手作祝你新的一岁顺顺利利，送你一张{coupon}。", coupon: "生日券 满100减20",
    template_en: "Happy birthday, {nick}! Everyone at {shop} wishes you a wonderful year.", working_days_only: false, auto_send: false, enabled: true },
  { id: 2, name: "发货 7 天回访", trigger: { kind: "after_purchase", days: 7, from: "shipped" }, target: null, channel: "wechat",
    send_at: "19:30", priority: "care", template: "{nick}您好，{last_item}收到一周啦，用着还顺手吗？有问题随时找我～",
    working_days_only: false, auto_send: false, enabled: true },
  { id: 3, name: "沉睡 3 天召回", trigger: { kind: "became_sleeping", days_after: 3 }, target: null, channel: "sms",
    send_at: "11:00", priority: "marketing", template: "{nick}，好久不见！给你留了一张{coupon}，回来看看吧", coupon: "老客回归券 满99减15",
    working_days_only: false, auto_send: false, enabled: true },
  { id: 6, name: "双12 老客预告", trigger: { kind: "festival", key: "double_12", days_before: 3 }, target: { segment: "沉睡老客" },
    channel: "wechat", send_at: "20:00", priority: "marketing", template: "{nick}，{festival}老客专享{coupon}，12日零点开抢！",
    coupon: "满199减30", working_days_only: false, auto_send: false, enabled: true },
  { id: 4, name: "Winter newsletter", trigger: { kind: "after_purchase", days: 30, from: "completed" }, target: null, channel: "email",
    send_at: "09:30", priority: "care", template: "Hi {nick}, how is your {last_item}? Here is what is new at {shop} this winter.",
    subject: "News from {shop}", working_days_only: true, auto_send: false, enabled: true },
  { id: 5, name: "中秋问候", trigger: { kind: "festival", key: "mid_autumn", days_before: 2 }, target: null, channel: "wechat",
    send_at: "10:00", priority: "care", template: "{nick}，{festival}快乐！小鱼手作祝你和家人团团圆圆。",
    working_days_only: false, auto_send: false, enabled: false },
];
let shopDates: ShopDate[] = [
  { key: "shop_05_18", name: "店庆", month: 5, day: 18, year: null, lunar: false },
  { key: "shop_lunar_08_08", name: "会员日", month: 8, day: 8, year: null, lunar: true },
];

/** The shop's Gregorian dates falling on `date`, as festivals (a lunar one would need a lunar calendar). */
const shopFestivals = (date: string): Festival[] =>
  shopDates
    .filter((s) => !s.lunar && (s.year === null || s.year === Number(date.slice(0, 4))) && s.month === Number(date.slice(5, 7))
      && s.day === Number(date.slice(8, 10)))
    .map((s) => ({ key: s.key, name_zh: s.name, name_en: s.name, kind: "shop", date, peak: false }));

/** What Rust's check says about a shop's date, for the mistakes the form lets through. */
function checkShopDates(dates: ShopDate[]): void {
  const keys = new Set<string>();
  for (const d of dates) {
    if (!/^[a-z0-9_]{1,40}$/.test(d.key)) throw { code: "calendar.shop_date_key", message: "key", details: { key: d.key, max: 40 } };
    if (FESTIVALS.some(([, k]) => k === d.key) || keys.has(d.key)) throw { code: "calendar.shop_date_key_taken", message: "taken", details: { key: d.key } };
    keys.add(d.key);
    if (!d.name.trim() || [...d.name.trim()].length > 40) throw { code: "calendar.shop_date_name", message: "name", details: { max: 40 } };
  }
}

const statuses = new Map<string, { status: MessageStatus; error: string | null }>();
/** Days whose statuses were made up once (copied, sent, failed…), so that refetching changes nothing. */
const seeded = new Set<string>();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const changed = () => emit("data-changed", { tags: ["care"] });

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86400000);
const localToday = () => todayIn("Asia/Shanghai");

function render(rule: CareRule, p: (typeof PEOPLE)[number], festival = ""): string {
  const latin = /^[A-Za-z]/.test(p.nick);
  const text = (latin && rule.template_en) || rule.template;
  const values: Record<string, string> = {
    nick: p.nick, name: p.nick, tier: "VIP2", coupon: rule.coupon ?? "", shop: latin ? "Little Fish Crafts" : "小鱼手作",
    festival, last_item: p.item, days_since: "37",
  };
  const body = text.replace(/\{(\w+)\}/g, (_, v: string) => values[v] ?? `{${v}}`);
  return rule.channel === "sms" ? `【小鱼手作】${body} 回T退订` : body;
}

const addressOf = (c: Channel, p: (typeof PEOPLE)[number]) =>
  c === "wangwang" ? (/^[A-Za-z]/.test(p.nick) ? null : p.nick) : c === "wechat" ? p.wechat : c === "sms" ? p.phone : p.email;

/** The day's messages: each enabled rule writes to two or three people picked by the day's number. */
function messagesOf(date: string): CareMessage[] {
  const n = dayNumber(date);
  const out: CareMessage[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    // A festival rule writes on the festival's day minus its days before; {festival} is that festival.
    let festival = "";
    if (rule.trigger.kind === "festival") {
      const { key, days_before } = rule.trigger;
      const f = FESTIVALS.find(([d, k]) => k === key && addDays(d, -days_before) === date);
      if (!f) continue;
      festival = f[2];
    }
    const count = rule.channel === "email" || rule.channel === "sms" ? 4 : 2 + ((n + (rule.id ?? 0)) % 2);
    // Mostly people the channel can reach; now and then one it cannot (skipped: no address).
    const pool = PEOPLE.filter((p) => addressOf(rule.channel, p) !== null || (rule.channel === "wechat" && (n + p.id) % 7 === 0));
    for (let i = 0; i < count && i < pool.length; i++) {
      const p = pool[(n * 3 + i * 7 + (rule.id ?? 0)) % pool.length];
      const key = `r${rule.id}:c${p.id}:${rule.trigger.kind[0]}${date}`;
      if (out.some((m) => m.key === key)) continue;
      const to = addressOf(rule.channel, p);
      const saved = statuses.get(key);
      const reason: SkipReason | null = !to ? "no_address" : (n + p.id) % 11 === 0 ? "dnd" : null;
      out.push({
        key, customer_id: p.id, rule_id: rule.id ?? null, rule_name: rule.name, nick: p.nick,
        due: `${date}T${rule.send_at}:00+08:00`, day: date, channel: rule.channel, to, priority: rule.priority,
        status: reason ? "skipped" : saved?.status ?? "planned", reason, displaced_by: null,
        subject: rule.channel === "email" ? (rule.subject ?? rule.name).replace("{shop}", "Little Fish Crafts") : null,
        text: render(rule, p, festival), error: saved?.error ?? null,
      });
    }
  }
  // A marketing message capped by a care message to the same person, and the statuses a day can show.
  const care = out.find((m) => m.priority === "care" && m.status === "planned");
  const marketing = out.find((m) => m.priority === "marketing" && m.status === "planned" && m.key !== care?.key);
  if (care && marketing) {
    Object.assign(marketing, { status: "skipped", reason: "marketing_cap", displaced_by: care.key, nick: care.nick, customer_id: care.customer_id });
  }
  if (date <= localToday() && !seeded.has(date)) {
    seeded.add(date);
    const seed = (s: MessageStatus, c: Channel, error: string | null = null) => {
      const m = out.find((x) => x.channel === c && x.status === "planned" && !statuses.has(x.key));
      if (m) statuses.set(m.key, { status: s, error }), Object.assign(m, { status: s, error });
    };
    seed("copied", "wangwang");
    seed("exported", "sms");
    seed("sent", "email");
    seed("failed", "email", "550 5.1.1 <reject.liam@example.com>: mailbox unavailable");
    seed("ambiguous", "email");
  }
  return out;
}

function calendarOf(from: string, to: string): CareDay[] {
  const days: CareDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const festivals: Festival[] = [
      ...FESTIVALS.filter(([date]) => date === d).map(festivalOn),
      ...shopFestivals(d),
    ];
    const s = STATUTORY.find(([date]) => date === d);
    const byRule = new Map<number, CareDay["rules"][number]>();
    for (const m of messagesOf(d)) {
      const r = byRule.get(m.rule_id ?? 0) ?? { rule_id: m.rule_id, rule_name: m.rule_name, channel: m.channel, messages: 0, skipped: 0 };
      if (m.status === "skipped" || m.status === "failed") r.skipped++;
      else r.messages++;
      byRule.set(m.rule_id ?? 0, r);
    }
    days.push({ date: d, festivals, statutory: s ? { date: d, kind: s[1], name_zh: s[2] } : null, rules: [...byRule.values()] });
  }
  return days;
}

/** The festivals (the shop's own Gregorian dates too) and statutory days of `from..=to`, as the activity calendar has them. */
export function festivalsOf(from: string, to: string): { festivals: Festival[]; statutory: StatutoryDay[] } {
  const festivals: Festival[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) festivals.push(...FESTIVALS.filter(([date]) => date === d).map(festivalOn), ...shopFestivals(d));
  const statutory = STATUTORY.filter(([date]) => date >= from && date <= to).map(([date, kind, name_zh]) => ({ date, kind, name_zh }));
  return { festivals, statutory };
}

const VARIABLES = ["nick", "name", "tier", "coupon", "shop", "festival", "last_item", "days_since"];

/** What Rust's check says about the few mistakes a screenshot shows. */
function check(rule: CareRule): void {
  if (!rule.name.trim()) throw { code: "care.name_length", message: "name", details: { max: 40 } };
  for (const [field, text] of [["template", rule.template], ["template_en", rule.template_en], ["subject", rule.subject]] as const) {
    if (text === undefined) continue;
    if (field === "template" && !text.trim()) throw { code: "template.empty", message: "empty", details: { field } };
    const bad = [...text.matchAll(/\{(\w*)\}/g)].find((m) => !VARIABLES.includes(m[1]));
    if (bad) throw { code: "template.unknown_variable", message: "unknown", details: { field, name: bad[1], at: (bad.index ?? 0) + 1 } };
  }
}

function preview(rule: CareRule, customerId: number | null) {
  check(rule);
  const p = PEOPLE.find((x) => x.id === customerId) ?? PEOPLE[0];
  const text = render(rule, p, rule.trigger.kind === "festival" ? (FESTIVALS.find(([, k]) => k === (rule.trigger as { key: string }).key)?.[2] ?? "") : "");
  const ucs2 = /[^\x00-\x7f]/.test(text);
  const single = ucs2 ? 70 : 160;
  return {
    customer_id: p.id, nick: p.nick, to: addressOf(rule.channel, p), subject: rule.channel === "email" ? rule.subject ?? rule.name : null, text,
    sms: rule.channel === "sms" ? { length: text.length, encoding: ucs2 ? "ucs2" : "gsm7", single_max: single,
      segments: text.length <= single ? 1 : Math.ceil(text.length / (ucs2 ? 67 : 153)) } : null,
  };
}

/** Answers a care command, or undefined for any other command. */
export async function careCommand(cmd: string, a: Record<string, unknown>): Promise<unknown> {
  switch (cmd) {
    case "care_rules": return rules;
    case "care_rule_check": check(a.rule as CareRule); return null;
    case "care_rule_preview": await wait(60); return preview(a.rule as CareRule, (a.customerId as number | null) ?? null);
    case "care_rule_save": {
      const rule = a.rule as CareRule;
      check(rule);
      const saved = { ...rule, id: rule.id ?? nextId++ };
      rules = rule.id ? rules.map((r) => (r.id === rule.id ? saved : r)) : [...rules, saved];
      await changed();
      return saved;
    }
    case "care_rule_enable": rules = rules.map((r) => (r.id === a.id ? { ...r, enabled: a.enabled as boolean } : r)); await changed(); return rules.find((r) => r.id === a.id);
    case "care_rule_delete": rules = rules.filter((r) => r.id !== a.id); await changed(); return null;
    case "care_day": await wait(80); return messagesOf(a.date as string);
    case "care_calendar": await wait(120); return calendarOf(a.from as string, a.to as string);
    case "care_festivals": return calendarOf(a.from as string, a.to as string).flatMap((d) => d.festivals);
    case "shop_dates": return shopDates;
    case "shop_dates_save": {
      checkShopDates(a.dates as ShopDate[]);
      shopDates = a.dates as ShopDate[];
      await changed();
      return shopDates;
    }
    case "care_due": return messagesOf(localToday()).filter((m) => m.status === "planned").length;
    case "care_mark_copied": {
      for (const key of a.keys as string[]) statuses.set(key, { status: "copied", error: null });
      await changed();
      return [];
    }
    case "care_export_sms": {
      const sms = messagesOf(a.date as string).filter((m) => m.channel === "sms" && m.status === "planned");
      sms.forEach((m) => statuses.set(m.key, { status: "exported", error: null }));
      await changed();
      return sms.length;
    }
    case "care_send_email": {
      await wait(600);
      const email = messagesOf(a.date as string).filter((m) => m.channel === "email" && m.status === "planned");
      const failed = email.filter((m) => m.to?.includes("reject")).map((m) => ({ key: m.key, error: "550 5.1.1 mailbox unavailable" }));
      email.forEach((m) => statuses.set(m.key, failed.some((f) => f.key === m.key) ? { status: "failed", error: failed[0].error } : { status: "sent", error: null }));
      await changed();
      return { sent: email.length - failed.length, failed, ambiguous: 0 };
    }
    case "care_retry": for (const key of a.keys as string[]) statuses.set(key, { status: "planned", error: null }); await changed(); return (a.keys as string[]).length;
    case "care_record_manual": await changed(); return null;
    case "smtp_password_save": return null;
    case "smtp_test": await wait(400); return null;
    case "segments_list": return [{ id: 1, name: "沉睡老客", filter: { match: "all", rules: [{ field: "stage", op: "in", values: ["sleeping"] }] },
      created_at: "2026-11-01T02:00:00Z", updated_at: "2026-11-01T02:00:00Z" }];
    case "segment_count": return { customers: (a.filter as { rules: unknown[] }).rules.length ? 318 : 2000, of: 2000 };
    default: return undefined;
  }
}

/** The scheduler's report a moment after start: a few messages of today are due. */
export function announceDue(): void {
  setTimeout(() => void emit("care-due", { due: messagesOf(localToday()).filter((m) => m.status === "planned").length, sent: 0 }), 1500);
}
