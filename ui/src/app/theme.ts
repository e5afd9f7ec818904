// Light or dark: the seller's choice in Settings (`Settings.theme`), or the operating system's when it is
// "system". The shell sets <html data-theme> for the few colours app.css draws itself; antd takes its dark
// algorithm and ECharts its dark theme from `useIsDark`.
import { createContext, useContext, useEffect, useState } from "react";
import { useSettingsQuery } from "./shopQueries";

const QUERY = "(prefers-color-scheme: dark)";

/** Whether the operating system asks for dark colours, following its changes. */
export function useSystemDark(): boolean {
  const media = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(QUERY) : null;
  const [dark, setDark] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const change = (e: MediaQueryListEvent) => setDark(e.matches);
    media.addEventListener?.("change", change);
    return () => media.removeEventListener?.("change", change);
  }, [media]);
  return dark;
}

/** The colours to draw with now: the saved choice, or the system's. */
export function useDarkMode(): boolean {
  const choice = useSettingsQuery().data?.theme ?? "system";
  const system = useSystemDark();
  const dark = choice === "dark" || (choice === "system" && system);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);
  return dark;
}

export const DarkContext = createContext(false);
export const useIsDark = () => useContext(DarkContext);
