// Providers around the whole UI: react-query, antd theme + locale (follows i18n), data-changed bridge.
import type { ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import { useTranslation } from "react-i18next";
import { useDataChangedBridge } from "./dataChanged";
import { antdLocale, isLang } from "./i18n/language";
import { useLanguageSync } from "./useLanguageSync";

function Bridges({ children }: { children: ReactNode }) {
  useDataChangedBridge();
  useLanguageSync();
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

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : "en-US";
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={antdLocale(lang)} theme={theme}>
        <AntApp>
          <Bridges>{children}</Bridges>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
