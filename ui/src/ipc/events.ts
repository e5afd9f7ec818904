// Typed wrappers around the events Rust emits (`listen`); each returns an unlisten promise.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { DataChanged } from "../bindings/DataChanged";
import type { DemoProgress } from "../bindings/DemoProgress";

export const onDataChanged = (cb: (e: DataChanged) => void): Promise<UnlistenFn> =>
  listen<DataChanged>("data-changed", (ev) => cb(ev.payload));
export const onDemoProgress = (cb: (e: DemoProgress) => void): Promise<UnlistenFn> =>
  listen<DemoProgress>("demo-progress", (ev) => cb(ev.payload));
