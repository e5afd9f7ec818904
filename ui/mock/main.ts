// DEV/TEST ONLY entry (mock.html, built with `--mode mock` into dist-mock/): fakes the Rust IPC,
// then starts the real app. `?scenario=empty` (default), `data`, or `error`; `&lang=zh-CN` presets the language,
// `&theme=dark` the colours, `&forecast=fallback` an unreliable purchase model (the fallback rule's figures).
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { CustomerQuery } from "../src/bindings/CustomerQuery";
import type { CustomerRow } from "../src/bindings/CustomerRow";
import type { Settings } from "../src/bindings/Settings";
import type { DashboardQuery } from "../src/bindings/DashboardQuery";
import type { Filter } from "../src/bindings/Filter";
import { makeCustomers, pageOf, PLATFORMS, shopsOf } from "./fixtures";
import { countOf, dashboardOf, profileOf, rfmOf, slippingOf } from "./dashboard";
import { activityCommand } from "./activities";
import { announceDue, careCommand } from "./care";
import { importCommand } from "./imports";

const params = new URLSearchParams(location.search);
const scenario = params.get("scenario") ?? "empty";
if (params.get("lang")) localStorage.setItem("laoke.lang", params.get("lang")!);
let rows: CustomerRow[] = scenario === "data" ? makeCustomers(2000) : [];
let settings: Settings = { shop_name: "", timezone: "Asia/Shanghai", currency: "CNY", language: null, theme: "system",
  care: { quiet_start: "21:00", quiet_end: "09:00", max_per_week: 2, max_marketing_per_week: 1, no_marketing_after_purchase_days: 2, sms_signature: "" },
  smtp: { host: "", port: 587, security: "starttls", user: "", from: "" } };
if (params.get("theme") === "dark" || params.get("theme") === "light") settings.theme = params.get("theme") as Settings["theme"];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function demoCreate(n: number) {
  if (rows.length > 0) throw { code: "demo.not_empty", message: "archive already has orders", details: null };
  for (let done = 0; done <= n; done += n / 10) {
    await emit("demo-progress", { phase: done < n ? "customers" : "finishing", done, total: n });
    await wait(120);
  }
  rows = makeCustomers(n);
  await emit("data-changed", { tags: ["customers", "orders", "stats", "info"] });
  return { customers: n, orders: rows.reduce((a, c) => a + c.orders, 0), order_items: 0, elapsed_ms: 1200 };
}

mockWindows("main");
mockIPC(async (cmd, args) => {
  const a = (args ?? {}) as Record<string, unknown>;
  if (scenario === "error") throw { code: "db.open", message: "unable to open database file", details: null };
  if (cmd === "segment_count") {
    const n = countOf(rows, a.filter as Filter);
    if (n !== undefined) return { customers: n, of: rows.length };
  }
  const imported = importCommand(cmd, a);
  if (imported) return imported;
  const care = await careCommand(cmd, a);
  if (care !== undefined) return care;
  const activity = await activityCommand(cmd, a, scenario === "data");
  if (activity !== undefined) return activity;
  switch (cmd) {
    case "app_info":
      return { path: "Laoke/laoke.db", schema_version: 1,
        counts: { shops: 1, customers: rows.length, orders: rows.reduce((s, c) => s + c.orders, 0), order_items: 0,
          tags: 0, customer_tags: 0, notes: 0, settings: 1, import_batches: 0 } };
    case "dashboard": await wait(60); return dashboardOf(rows, a.query as DashboardQuery, PLATFORMS);
    case "slipping_away": await wait(200); return slippingOf(rows, params.get("forecast") === "fallback");
    case "rfm_summary": return rfmOf(rows);
    case "customer_profile": {
      const c = rows.find((r) => r.id === a.id);
      if (!c) throw { code: "not_found", message: "no such customer", details: null };
      return profileOf(c);
    }
    case "shops_list": return shopsOf(rows);
    case "customers_page": await wait(80); return pageOf(rows, a.query as CustomerQuery);
    case "demo_create": return demoCreate((a.request as { customers: number }).customers);
    case "settings_get": return settings;
    case "menu_set_language": return null; // a browser has no native menu
    case "settings_update": settings = a.settings as Settings; await emit("data-changed", { tags: ["settings"] }); return settings;
    default: throw { code: "internal", message: `mock: unknown command ${cmd}`, details: null };
  }
}, { shouldMockEvents: true });

if (scenario === "data") announceDue();
void import("../src/main");
