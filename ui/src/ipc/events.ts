// Typed wrappers around the events Rust emits (`listen`) and the webview's file drops; each returns an unlisten promise.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { DataChanged } from "../bindings/DataChanged";
import type { DemoProgress } from "../bindings/DemoProgress";
import type { ImportProgress } from "../bindings/ImportProgress";

/** What the care scheduler says after each round: messages of today due and waiting, emails it sent itself. */
export type CareDue = { due: number; sent: number };

export const onCareDue = (cb: (e: CareDue) => void): Promise<UnlistenFn> =>
  listen<CareDue>("care-due", (ev) => cb(ev.payload));
export const onDataChanged = (cb: (e: DataChanged) => void): Promise<UnlistenFn> =>
  listen<DataChanged>("data-changed", (ev) => cb(ev.payload));
export const onDemoProgress = (cb: (e: DemoProgress) => void): Promise<UnlistenFn> =>
  listen<DemoProgress>("demo-progress", (ev) => cb(ev.payload));
export const onImportProgress = (cb: (e: ImportProgress) => void): Promise<UnlistenFn> =>
  listen<ImportProgress>("import-progress", (ev) => cb(ev.payload));

/** What a file drag over the window means for the page: hovering, dropped paths, or gone. */
export type FileDrop = { type: "hover" } | { type: "drop"; paths: string[] } | { type: "leave" };

/** Tauri's native drag-and-drop (it gives real file paths). Rejects outside Tauri. */
export async function onFileDrop(cb: (e: FileDrop) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent(({ payload }) => {
    if (payload.type === "drop") cb({ type: "drop", paths: payload.paths });
    else if (payload.type === "leave") cb({ type: "leave" });
    else cb({ type: "hover" });
  });
}
