// The activities page (群活动): the fan-group activity planner. A month (or week) grid of activities over the festival
// and promotion calendar and the statutory days off; drag a card to another day to move it; a new activity starts
// from its type (Rust fills in its checklist, announcement and budget), "Suggest this month" proposes days with their
// reasons, the settings hold the fan groups, posting slots, cadence and monthly budget cap, and the types drawer edits
// what each type starts a new activity with.
import { useMemo, useState, type ReactNode } from "react";
import { App, Button, Card, Flex, Segmented, Skeleton, Space, Tag, Typography } from "antd";
import { AppstoreOutlined, BulbOutlined, LeftOutlined, PlusOutlined, RightOutlined, SettingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../bindings/Activity";
import type { ActivityView } from "../../bindings/ActivityView";
import { PageHeader } from "../../components/PageHeader";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatMonth } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { addDays, formatDay } from "../care/careModel";
import { useShopToday } from "../care/careQueries";
import { gridWeeks, layDays, stepAnchor, type CalendarView } from "./activityModel";
import { useActivityCalendar, useMoveActivity, useNamer, useTypeName } from "./activityQueries";
import { ActivityEditor } from "./ActivityEditor";
import { CalendarGrid } from "./CalendarGrid";
import { NewActivityModal } from "./NewActivityModal";
import { SettingsDrawer } from "./SettingsDrawer";
import { SuggestModal } from "./SuggestModal";
import { TypesDrawer } from "./TypesDrawer";

/**
 * Days fetched beyond the grid: before it, so that a suggestion's reason can name a festival just outside it and a
 * run that lasts after its main day (双11返场) shows; after it, so that a promotion whose run opens weeks before its main
 * day (618 from 1 June) shows its band (Rust lists a festival by its main day).
 */
const MARGIN_BEFORE = 7;
const MARGIN_AFTER = 21;

type Editing = { key: number; view: ActivityView | null; activity: Activity };

export function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const today = useShopToday();
  const [view, setView] = useState<CalendarView>("month");
  const [anchor, setAnchor] = useState(today);
  const weeks = useMemo(() => gridWeeks(view, anchor), [view, anchor]);
  const first = weeks[0][0];
  const last = weeks[weeks.length - 1][6];
  const calendar = useActivityCalendar(addDays(first, -MARGIN_BEFORE), addDays(last, MARGIN_AFTER));
  const namer = useNamer(calendar.data?.festivals);
  const typeName = useTypeName();
  const layers = useMemo(
    () => layDays(weeks, calendar.data?.festivals ?? [], calendar.data?.statutory ?? []), [weeks, calendar.data]);
  const byDay = useMemo(() => {
    const out = new Map<string, ActivityView[]>();
    const sorted = [...(calendar.data?.activities ?? [])].sort((a, b) => a.activity.slot_start.localeCompare(b.activity.slot_start));
    for (const a of sorted) out.set(a.activity.date, [...(out.get(a.activity.date) ?? []), a]);
    return out;
  }, [calendar.data]);

  const [editing, setEditing] = useState<Editing | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [typesOpen, setTypesOpen] = useState(false);
  const open = (v: ActivityView | null, activity: Activity) => setEditing({ key: Date.now(), view: v, activity });

  const move = useMoveActivity(notifyError);
  const onMove = (id: number, date: string) => {
    const a = calendar.data?.activities.find((x) => x.id === id);
    if (!a || a.activity.date === date) return;
    move.mutate({ id, date }, { onSuccess: () => void message.success(t("activities.moved", { date: formatDay(date, i18n.language) })) });
  };

  const month = anchor.slice(0, 7);
  const title = view === "month" ? formatLongMonth(month, i18n.language)
    : t("activities.weekOf", { from: formatDay(first, i18n.language), to: formatDay(last, i18n.language) });
  const shown = (calendar.data?.activities ?? []).filter((a) => a.activity.date >= first && a.activity.date <= last);

  return (
    <div data-testid="page-activities">
      <PageHeader title={t("activities.title")} subtitle={t("activities.subtitle")}
        extra={
          <Space wrap>
            <Button icon={<AppstoreOutlined />} data-testid="activity-types-open" onClick={() => setTypesOpen(true)}>
              {t("activities.types.open")}
            </Button>
            <Button icon={<SettingOutlined />} data-testid="activity-settings-open" onClick={() => setSettingsOpen(true)}>
              {t("activities.settings")}
            </Button>
            <Button icon={<BulbOutlined />} data-testid="activity-suggest" onClick={() => setSuggesting(true)}>
              {t("activities.suggest")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} data-testid="activity-new" onClick={() => setCreating(today)}>
              {t("activities.new")}
            </Button>
          </Space>
        } />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Button icon={<LeftOutlined />} aria-label={t("activities.prev")} data-testid="activity-prev"
              onClick={() => setAnchor(stepAnchor(view, anchor, -1))} />
            <Button data-testid="activity-today" onClick={() => setAnchor(today)}>{t("activities.today")}</Button>
            <Button icon={<RightOutlined />} aria-label={t("activities.next")} data-testid="activity-next"
              onClick={() => setAnchor(stepAnchor(view, anchor, 1))} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="activity-period">{title}</Typography.Title>
          </Space>
          <Segmented<CalendarView> data-testid="activity-view" value={view}
            onChange={(v) => {
              setView(v);
              // The week shown is today's when today is in the month, else the month's first week.
              if (v === "week" && today.slice(0, 7) !== month) setAnchor(`${month}-01`);
              if (v === "week" && today.slice(0, 7) === month) setAnchor(today);
            }}
            options={(["month", "week"] as const).map((v) => ({
              value: v, label: <span data-testid={`activity-view-${v}`}>{t(`activities.view.${v}`)}</span>,
            }))} />
        </Flex>
        {calendar.isError && <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} testId="activity-calendar-error" />}
        {calendar.isPending && <Skeleton active />}
        {calendar.data && (
          <>
            <CalendarGrid view={view} weeks={weeks} month={view === "month" ? month : null} today={today} layers={layers}
              activities={byDay} namer={namer} typeName={typeName} onOpen={(v) => open(v, { ...v.activity, id: v.id })}
              onNew={setCreating} onMove={onMove} />
            <Flex justify="space-between" wrap gap={8} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary" data-testid="activity-hint">
                {shown.length === 0 ? t("activities.empty") : t("activities.dragHint")}
              </Typography.Text>
              <Legend />
            </Flex>
          </>
        )}
      </Card>
      {creating && (
        <NewActivityModal date={creating} onClose={() => setCreating(null)}
          onCreated={(a) => {
            setCreating(null);
            open(null, a);
          }} />
      )}
      {editing && (
        <ActivityEditor key={editing.key} initial={editing.activity} view={editing.view} namer={namer} onClose={() => setEditing(null)} />
      )}
      {suggesting && <SuggestModal month={month} namer={namer} typeName={typeName} onClose={() => setSuggesting(false)} />}
      {settingsOpen && <SettingsDrawer onClose={() => setSettingsOpen(false)} />}
      {typesOpen && <TypesDrawer onClose={() => setTypesOpen(false)} />}
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const small = { fontSize: 12 } as const;
  return (
    <Flex gap={8} wrap align="center">
      <TagLike color="red">{t("activities.legend.peak")}</TagLike>
      <TagLike color="gold">{t("activities.legend.run")}</TagLike>
      <TagLike color="red">{t("activities.legend.off")}</TagLike>
      <Typography.Text type="secondary" style={small}>{t("activities.legend.offHint")}</Typography.Text>
      <TagLike color="blue">{t("activities.legend.workday")}</TagLike>
      <Typography.Text type="secondary" style={small}>{t("activities.legend.workdayHint")}</Typography.Text>
    </Flex>
  );
}

function TagLike({ color, children }: { color: string; children: ReactNode }) {
  return <Tag color={color} bordered={false} style={{ marginInlineEnd: 0 }}>{children}</Tag>;
}

/** "2026年12月" / "December 2026". */
function formatLongMonth(month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return formatMonth(month, locale);
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" })
    .format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
