// Providers around the whole UI: react-query, antd theme (light or dark, see theme.ts) + locale (follows i18n),
// data-changed and care-due bridges, the native menu's language.
import type { ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, theme as antdTheme } from "antd";
import { useTranslation } from "react-i18next";
import { useCareDueBridge } from "./careDue";
import { useDataChangedBridge } from "./dataChanged";
import { antdLocale, isLang } from "./i18n/language";
import { useMenuLanguage } from "./menu";
import { DarkContext, useDarkMode } from "./theme";
import { useLanguageSync } from "./useLanguageSync";

function Bridges({ children }: { children: ReactNode }) {
  useDataChangedBridge();
  useCareDueBridge();
  useLanguageSync();
  useMenuLanguage();
  return <>{children}</>;
}

const theme = {
  token: {
    colorPrimary: "#c2410c",
    colorLink: "#c2410c",
    borderRadius: 8,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

function Themed({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : "en-US";
  const dark = useDarkMode();
  const algorithm = dark ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm;
  return (
    <DarkContext.Provider value={dark}>
      <ConfigProvider locale={antdLocale(lang)} theme={{ ...theme, algorithm }}>
        <AntApp>
          <Bridges>{children}</Bridges>
        </AntApp>
      </ConfigProvider>
    </DarkContext.Provider>
  );
}

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <Themed>{children}</Themed>
    </QueryClientProvider>
  );
}
