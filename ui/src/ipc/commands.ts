// Typed one-line wrappers around the Rust commands (`invoke`); the only place command names appear.
import { invoke } from "@tauri-apps/api/core";
import type { CustomerPage } from "../bindings/CustomerPage";
import type { CustomerQuery } from "../bindings/CustomerQuery";
import type { Dashboard } from "../bindings/Dashboard";
import type { DbInfo } from "../bindings/DbInfo";
import type { DemoReport } from "../bindings/DemoReport";
import type { DemoRequest } from "../bindings/DemoRequest";
import type { ImportBatch } from "../bindings/ImportBatch";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import type { ImportRequest } from "../bindings/ImportRequest";
import type { MappingPreset } from "../bindings/MappingPreset";
import type { Settings } from "../bindings/Settings";

export const appInfo = () => invoke<DbInfo>("app_info");
export const dashboard = () => invoke<Dashboard>("dashboard");
export const customersPage = (query: CustomerQuery) => invoke<CustomerPage>("customers_page", { query });
export const demoCreate = (request: DemoRequest) => invoke<DemoReport>("demo_create", { request });
export const settingsGet = () => invoke<Settings>("settings_get");
export const settingsUpdate = (settings: Settings) => invoke<Settings>("settings_update", { settings });
export const importPreview = (path: string, request: ImportRequest) =>
  invoke<ImportPreview>("import_preview", { path, request });
export const importFiles = (paths: string[], request: ImportRequest) =>
  invoke<ImportReport>("import_files", { paths, request });
export const importCancel = () => invoke<void>("import_cancel");
export const importHistory = () => invoke<ImportBatch[]>("import_history");
export const mappingPresets = () => invoke<MappingPreset[]>("mapping_presets");
export const mappingSave = (preset: MappingPreset) => invoke<void>("mapping_save", { preset });
