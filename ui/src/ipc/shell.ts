// Wrappers around Tauri plugins the UI calls directly (opener, the native open-file dialog).
import { open } from "@tauri-apps/plugin-dialog";
import { revealItemInDir } from "@tauri-apps/plugin-opener";

export const revealInFolder = (path: string) => revealItemInDir(path);

/** The native "open files" dialog for order exports; `[]` when the user cancels. */
export async function pickOrderFiles(filterName: string): Promise<string[]> {
  const chosen = await open({ multiple: true, filters: [{ name: filterName, extensions: ["csv", "xlsx", "txt"] }] });
  if (!chosen) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}
