// The i18next instance: every translation file of both languages bundled (see locales/resources.ts), language detected once at start-up.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import "dayjs/locale/en";
import { enUS as en, zhCN as zh } from "../../locales/resources";
import { dayjsLocale, detectLang, isLang, readStoredLang, storeLang, systemLang, type Lang } from "./language";

export const resources = { "zh-CN": { translation: zh }, "en-US": { translation: en } } as const;

i18n.on("languageChanged", (lng) => {
  if (isLang(lng)) {
    dayjs.locale(dayjsLocale(lng));
    document.documentElement.lang = lng;
  }
});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLang(readStoredLang(), navigator.language),
  fallbackLng: "en-US",
  supportedLngs: ["zh-CN", "en-US"],
  interpolation: { escapeValue: false }, // React escapes; user data is never HTML
  returnNull: false,
});

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : "en-US";
}

/** Applies a language choice (`null` follows the system) and remembers it. */
export function applyLanguage(choice: string | null): Promise<unknown> {
  const lang = isLang(choice) ? choice : null;
  storeLang(lang);
  return i18n.changeLanguage(lang ?? systemLang(navigator.language));
}

export default i18n;
