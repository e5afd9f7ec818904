// Which UI language to use: stored choice, else the system language; plus antd/dayjs locale mapping.
import type { Locale } from "antd/es/locale";
// The ES modules: the production build imports `antd/locale/*` (CommonJS) as its whole
// `module.exports`, so antd got `{ default: locale }` and drew its own texts in English.
import zhCN from "antd/es/locale/zh_CN";
import enUS from "antd/es/locale/en_US";

export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];
export const STORAGE_KEY = "laoke.lang";

export const isLang = (v: unknown): v is Lang => v === "zh-CN" || v === "en-US";

/** zh-CN when the system language starts with `zh`, else en-US. */
export function systemLang(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** A stored explicit choice wins over the system language. */
export function detectLang(stored: string | null | undefined, navigatorLanguage: string | undefined): Lang {
  return isLang(stored) ? stored : systemLang(navigatorLanguage);
}

export function readStoredLang(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Persists the choice; `null` means "follow the system" and clears it. */
export function storeLang(lang: Lang | null): void {
  try {
    if (lang) window.localStorage.setItem(STORAGE_KEY, lang);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage can be unavailable; the choice then lasts for this session only
  }
}

export const antdLocale = (lang: Lang): Locale => (lang === "zh-CN" ? zhCN : enUS);
export const dayjsLocale = (lang: Lang): string => (lang === "zh-CN" ? "zh-cn" : "en");
