// The Care page (关怀): today's worklist, the rules, the calendar of the coming 90 days, and the care and mail
// settings. The tab and the day shown live in the address (?tab=today&date=YYYY-MM-DD), so the calendar can open a
// day's worklist and the app can open on Today.
import { Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../components/PageHeader";
import { CalendarTab } from "./CalendarTab";
import { CareSettingsTab } from "./CareSettingsTab";
import { RulesTab } from "./RulesTab";
import { TodayTab } from "./TodayTab";
import { useShopToday } from "./careQueries";

const TABS = ["today", "rules", "calendar", "settings"] as const;
type Tab = (typeof TABS)[number];
const isTab = (s: string | null): s is Tab => TABS.includes(s as Tab);
const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

export function CarePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = useShopToday();
  const tab: Tab = isTab(params.get("tab")) ? (params.get("tab") as Tab) : "today";
  const date = isDate(params.get("date")) ? params.get("date")! : today;

  const go = (next: Tab, day?: string) => {
    const p = new URLSearchParams();
    p.set("tab", next);
    if (next === "today" && day && day !== today) p.set("date", day);
    setParams(p, { replace: true });
  };

  const label = (key: Tab) => <span data-testid={`care-tab-${key}`}>{t(`care.tab.${key}`)}</span>;
  return (
    <div data-testid="page-care">
      <PageHeader title={t("care.title")} subtitle={<Typography.Text type="secondary">{t("care.subtitle")}</Typography.Text>} />
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as Tab, date)}
        destroyOnHidden
        items={[
          { key: "today", label: label("today"), children: <TodayTab date={date} today={today} onDate={(d) => go("today", d)} /> },
          { key: "rules", label: label("rules"), children: <RulesTab /> },
          { key: "calendar", label: label("calendar"), children: <CalendarTab today={today} onOpenDay={(d) => go("today", d)} /> },
          { key: "settings", label: label("settings"), children: <CareSettingsTab /> },
        ]}
      />
    </div>
  );
}
