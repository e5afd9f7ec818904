// Applies the language saved in Settings (through IPC) once it loads, if it differs from the UI's.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { applyLanguage } from "./i18n";
import { isLang } from "./i18n/language";
import { useSettingsQuery } from "./shopQueries";

export function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const saved = useSettingsQuery().data?.language ?? null;
  useEffect(() => {
    if (isLang(saved) && saved !== i18n.language) void applyLanguage(saved);
  }, [saved, i18n]);
}
