// Typed one-line wrappers around the Rust commands (`invoke`); the only place command names appear.
import { invoke } from "@tauri-apps/api/core";
import type { CustomerPage } from "../bindings/CustomerPage";
import type { CustomerQuery } from "../bindings/CustomerQuery";
import type { Dashboard } from "../bindings/Dashboard";
import type { DbInfo } from "../bindings/DbInfo";
import type { DemoReport } from "../bindings/DemoReport";
import type { DemoRequest } from "../bindings/DemoRequest";
import type { Settings } from "../bindings/Settings";

export const appInfo = () => invoke<DbInfo>("app_info");
export const dashboard = () => invoke<Dashboard>("dashboard");
export const customersPage = (query: CustomerQuery) => invoke<CustomerPage>("customers_page", { query });
export const demoCreate = (request: DemoRequest) => invoke<DemoReport>("demo_create", { request });
export const settingsGet = () => invoke<Settings>("settings_get");
export const settingsUpdate = (settings: Settings) => invoke<Settings>("settings_update", { settings });
