// Wrappers around Tauri plugins the UI calls directly (opener, the native open-file and save-file dialogs,
// the clipboard, desktop notifications).
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import { open, save } from "@tauri-apps/plugin-dialog";
import { isPermissionGranted, requestPermission, sendNotification } from "@tauri-apps/plugin-notification";
import { revealItemInDir } from "@tauri-apps/plugin-opener";

export const revealInFolder = (path: string) => revealItemInDir(path);

/** The native "open files" dialog for order exports; `[]` when the user cancels. */
export async function pickOrderFiles(filterName: string): Promise<string[]> {
  const chosen = await open({ multiple: true, filters: [{ name: filterName, extensions: ["csv", "xlsx", "xls", "txt"] }] });
  if (!chosen) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

/** The native "save as" dialog for a CSV export; `null` when the user cancels. */
export async function pickCsvTarget(defaultName: string, filterName: string): Promise<string | null> {
  return save({ defaultPath: defaultName, filters: [{ name: filterName, extensions: ["csv"] }] });
}

/** The native "save as" dialog for a file of one kind (`extensions` without dots); `null` when the user cancels. */
export async function pickSaveTarget(defaultName: string, filterName: string, extensions: string[]): Promise<string | null> {
  return save({ defaultPath: defaultName, filters: [{ name: filterName, extensions }] });
}

/** The native "open a file" dialog for one file of one kind; `null` when the user cancels. */
export async function pickOneFile(filterName: string, extensions: string[]): Promise<string | null> {
  const chosen = await open({ multiple: false, filters: [{ name: filterName, extensions }] });
  return Array.isArray(chosen) ? (chosen[0] ?? null) : chosen;
}

/** Puts plain text on the system clipboard (a care message to paste into Wangwang or WeChat). */
export const copyText = (text: string) => writeText(text);

/** A desktop notification, asking for permission the first time; false when the system refuses. */
export async function notifyDesktop(title: string, body: string): Promise<boolean> {
  let granted = await isPermissionGranted();
  if (!granted) granted = (await requestPermission()) === "granted";
  if (granted) sendNotification({ title, body });
  return granted;
}
