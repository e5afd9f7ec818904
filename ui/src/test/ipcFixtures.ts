// Minimal IPC answers for component tests (shapes of the bindings; values are test data only).
import type { DbInfo } from "../bindings/DbInfo";
import type { Settings } from "../bindings/Settings";
import type { CustomerRow } from "../bindings/CustomerRow";

export function dbInfo(orders: number): DbInfo {
  return {
    path: "/tmp/laoke-test.sqlite3", schema_version: 1,
    counts: { shops: 1, customers: orders ? 3 : 0, orders, order_items: orders, tags: 0, customer_tags: 0,
      notes: 0, settings: 1, import_batches: 0 },
  };
}

export const settings: Settings = { shop_name: "Test shop", timezone: "Asia/Shanghai", currency: "CNY", language: null, theme: "system",
  care: { quiet_start: "21:00", quiet_end: "09:00", max_per_week: 2, max_marketing_per_week: 1, no_marketing_after_purchase_days: 2, sms_signature: "" },
  smtp: { host: "", port: 587, security: "starttls", user: "", from: "" } };

export function customer(id: number, nick: string): CustomerRow {
  return {
    id, platform: "taobao", buyer_id: `b${id}`, nick, purchases: 2, orders: 3, value: "1234.50",
    first_purchase: "2025-01-02T03:04:05Z", last_purchase: "2025-11-02T17:30:00Z", stage: "loyal", rfm: "champions", rfm_cell: "R5F5M4",
    tier: null, tags: ["回头客"], shops: ["小鱼手作铺"], province: "浙江省", city: "杭州市",
    name: null, email: null, phone: null, wechat: null, birthday: null, birthday_lunar: false, dnd: false,
    p_alive: null, expected_90d: null, clv: null,
  };
}

type Handler = (args: Record<string, unknown>) => unknown;

/** An `invoke` implementation answering by command name; unknown commands reject like Rust would. */
export function invokeBy(handlers: Record<string, Handler>) {
  return async (cmd: string, args?: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw { code: "internal", message: `no handler for ${cmd}`, details: null };
    return h(args ?? {});
  };
}
