// Test data for the Care page's tests: a day's worklist with every status and skip reason, rules, and a calendar.
import type { CareDay } from "../bindings/CareDay";
import type { CareMessage } from "../bindings/CareMessage";
import type { CareRule } from "../bindings/CareRule";
import { addDays } from "../features/care/careModel";

const base = (key: string, over: Partial<CareMessage>): CareMessage => ({
  key, customer_id: 11, rule_id: 1, rule_name: "生日祝福", nick: "小鹿", due: "2026-12-04T10:00:00+08:00", day: "2026-12-04",
  channel: "wangwang", to: "小鹿", priority: "care", status: "planned", reason: null, displaced_by: null, subject: null,
  text: "小鹿，生日快乐！", error: null, ...over,
});

export const BIRTHDAY_KEY = "r1:c11:b2026-12-04";

export function dayMessages(): CareMessage[] {
  return [
    base(BIRTHDAY_KEY, {}),
    base("r2:c12:o901", { customer_id: 12, rule_id: 2, rule_name: "发货 7 天回访", nick: "阿狸", to: "阿狸", status: "copied",
      due: "2026-12-04T19:30:00+08:00", text: "阿狸您好，真丝围巾收到一周啦" }),
    base("r3:c13:s2026-12-01", { customer_id: 13, rule_id: 3, rule_name: "沉睡召回", nick: "木子", channel: "wechat", to: "muzi_wx",
      priority: "marketing", due: "2026-12-04T20:00:00+08:00", text: "木子，好久不见！" }),
    base("r5:c14:b2026-12-04", { customer_id: 14, rule_id: 5, rule_name: "生日短信", nick: "糖糖", channel: "sms", to: "13800138000",
      status: "exported", text: "【小鱼手作】糖糖，生日快乐！回T退订" }),
    base("r6:c15:c2026-12-04", { customer_id: 15, rule_id: 6, rule_name: "Winter sale", nick: "Emma", channel: "email",
      to: "emma@example.com", status: "sent", subject: "Winter sale", text: "Hi Emma" }),
    base("r6:c16:c2026-12-04", { customer_id: 16, rule_id: 6, rule_name: "Winter sale", nick: "Liam", channel: "email",
      to: "reject@example.com", status: "failed", subject: "Winter sale", text: "Hi Liam", error: "550 5.1.1 mailbox unavailable" }),
    base("r6:c17:c2026-12-04", { customer_id: 17, rule_id: 6, rule_name: "Winter sale", nick: "Olivia", channel: "email",
      to: "olivia@example.com", status: "ambiguous", subject: "Winter sale", text: "Hi Olivia" }),
    base("r6:c18:c2026-12-04", { customer_id: 18, rule_id: 6, rule_name: "Winter sale", nick: "Noah", channel: "email",
      to: "noah@example.com", status: "planned", subject: "Winter sale", text: "Hi Noah" }),
    base("r4:c11:c2026-12-04", { rule_id: 4, rule_name: "双12预告", priority: "marketing", status: "skipped", reason: "marketing_cap",
      displaced_by: BIRTHDAY_KEY, text: "双12预告" }),
    base("r1:c19:b2026-12-04", { customer_id: 19, nick: "晴天", status: "skipped", reason: "dnd", to: "晴天" }),
  ];
}

export function rules(): CareRule[] {
  return [
    { id: 1, name: "生日祝福", trigger: { kind: "birthday", days_before: 0 }, target: null, channel: "wangwang", send_at: "10:00",
      priority: "care", template: "{nick}，生日快乐！", working_days_only: false, auto_send: false, enabled: true },
    { id: 4, name: "中秋问候", trigger: { kind: "festival", key: "mid_autumn", days_before: 2 }, target: { segment: "老客" },
      channel: "wechat", send_at: "10:00", priority: "care", template: "{nick}，中秋快乐！", working_days_only: true, auto_send: false,
      enabled: false },
  ];
}

/** `count` days from `from`: 中秋 on day 2, a statutory day off on day 4, a make-up working day on day 7. */
export function calendar(from: string, count: number): CareDay[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i);
    return {
      date,
      festivals: i === 2 ? [{ key: "mid_autumn", name_zh: "中秋节", name_en: "Mid-Autumn Festival", kind: "lunar", date, peak: false }] : [],
      statutory: i === 4 ? { date, kind: "holiday_off", name_zh: "国庆节" } : i === 7 ? { date, kind: "makeup_workday", name_zh: "国庆节" } : null,
      rules: i === 0 ? [{ rule_id: 4, rule_name: "中秋问候", channel: "wechat", messages: 12, skipped: 2 }] : [],
    };
  });
}
