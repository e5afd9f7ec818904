// Wrappers around Tauri plugins the UI calls directly (opener).
import { revealItemInDir } from "@tauri-apps/plugin-opener";

export const revealInFolder = (path: string) => revealItemInDir(path);
