// The care calendar: the coming 90 days as month grids. Each day shows its festivals (in the UI's language), a
// statutory day off or make-up working day (休 / 班), and what each rule sends or skips that day; a click opens
// that day's worklist.
import { Card, Flex, Skeleton, Space, Tag, Tooltip, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { CareDay } from "../../bindings/CareDay";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { festivalName } from "./careModel";
import { CALENDAR_DAYS, useCareCalendar } from "./careQueries";
import { CHANNEL_COLORS } from "./MessageItem";

type Props = { today: string; onOpenDay: (date: string) => void };

/** Rules listed in a day's cell; the others are counted ("+2"). */
const RULE_LINES = 3;

type Month = { key: string; year: number; month: number; cells: (CareDay | null)[] };

/** The months the days cover, each as Monday-first weeks (null: a day outside the span). */
export function monthsOf(days: readonly CareDay[]): Month[] {
  const months: Month[] = [];
  for (const d of days) {
    const [y, m] = d.date.split("-").map(Number);
    const key = d.date.slice(0, 7);
    let month = months[months.length - 1];
    if (!month || month.key !== key) {
      const first = new Date(Date.UTC(y, m - 1, 1));
      const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
      const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
      month = { key, year: y, month: m, cells: Array.from({ length: lead + length }, () => null) };
      months.push(month);
    }
    const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
    month.cells[lead + Number(d.date.slice(8, 10)) - 1] = d;
  }
  return months;
}

export function CalendarTab({ today, onOpenDay }: Props) {
  const { t, i18n } = useTranslation();
  const calendar = useCareCalendar(today);
  const locale = i18n.language;
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))));

  return (
    <Flex vertical gap={16} data-testid="care-calendar">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t("care.calendar.hint", { days: CALENDAR_DAYS })}</Typography.Text>
        <Legend />
      </Flex>
      {calendar.isPending && <Skeleton active />}
      {calendar.isError && <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} testId="care-calendar-error" />}
      {calendar.data && monthsOf(calendar.data).map((m) => (
        <Card key={m.key} size="small" data-testid="care-cal-month" data-month={m.key}
          title={new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(m.year, m.month - 1, 1)))}>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: 4 }}>
            {weekdays.map((w) => (
              <Typography.Text key={w} type="secondary" style={{ textAlign: "center", fontSize: 12 }}>{w}</Typography.Text>
            ))}
            {m.cells.map((d, i) => (d ? <DayCell key={d.date} day={d} today={today} onOpen={onOpenDay} /> : <div key={`x${i}`} />))}
          </div>
        </Card>
      ))}
    </Flex>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <Tag color="red" bordered={false}>{t("care.calendar.off")}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("care.calendar.offHint")}</Typography.Text>
      <Tag color="blue" bordered={false}>{t("care.calendar.workday")}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("care.calendar.workdayHint")}</Typography.Text>
    </Flex>
  );
}

function DayCell({ day, today, onOpen }: { day: CareDay; today: string; onOpen: (date: string) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const off = day.statutory?.kind === "holiday_off";
  const makeup = day.statutory?.kind === "makeup_workday";
  const isToday = day.date === today;
  const fmt = (n: number) => formatCount(n, i18n.language);
  const skipped = day.rules.reduce((a, r) => a + r.skipped, 0);
  const weekend = [0, 6].includes(new Date(`${day.date}T00:00:00Z`).getUTCDay());
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid={`care-cal-day-${day.date}`}
      data-statutory={day.statutory?.kind ?? ""}
      onClick={() => onOpen(day.date)}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onOpen(day.date)}
      style={{
        minHeight: 92, padding: "4px 6px", cursor: "pointer", borderRadius: token.borderRadius, minWidth: 0,
        border: `1px solid ${isToday ? token.colorPrimary : token.colorBorderSecondary}`,
        background: off ? token.colorErrorBg : makeup ? token.colorInfoBg : weekend ? token.colorFillQuaternary : token.colorBgContainer,
      }}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Space size={4} align="baseline">
          <Typography.Text strong={isToday} style={{ color: isToday ? token.colorPrimary : undefined }}>
            {Number(day.date.slice(8, 10))}
          </Typography.Text>
          {skipped > 0 && (
            <Tooltip title={t("care.calendar.skippedTip", { formatted: fmt(skipped) })}>
              <Typography.Text type="secondary" style={{ fontSize: 11 }} data-testid="care-cal-skipped" data-count={skipped}>
                {t("care.calendar.skipped", { formatted: fmt(skipped) })}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
        {day.statutory && (
          <Tooltip title={day.statutory.name_zh}>
            <Tag color={off ? "red" : "blue"} bordered={false} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}
              data-testid="care-cal-statutory" data-kind={day.statutory.kind}>
              {t(off ? "care.calendar.off" : "care.calendar.workday")}
            </Tag>
          </Tooltip>
        )}
      </Flex>
      {day.festivals.map((f) => (
        <Typography.Text key={f.key} ellipsis style={{ display: "block", fontSize: 12, color: token.colorPrimaryText }}
          data-testid="care-cal-festival" data-key={f.key}>
          {festivalName(f, i18n.language)}
        </Typography.Text>
      ))}
      {day.rules.slice(0, RULE_LINES).map((r) => (
        <Tooltip key={`${r.rule_id}-${r.channel}`}
          title={t("care.calendar.ruleTip", { rule: r.rule_name ?? t("care.today.manual"), channel: t(`care.channel.${r.channel}`),
            messages: fmt(r.messages), skipped: fmt(r.skipped) })}>
          <Flex gap={4} align="center" data-testid="care-cal-rule" data-messages={r.messages} data-skipped={r.skipped}
            style={{ fontSize: 12, minWidth: 0, lineHeight: "18px" }}>
            <span style={{ width: 6, height: 6, borderRadius: 3, flex: "none", background: token[channelDot(r.channel)] }} />
            <Typography.Text ellipsis type="secondary" style={{ fontSize: 12, flex: 1, minWidth: 0 }}>
              {r.rule_name ?? t("care.today.manual")}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }}>{fmt(r.messages)}</Typography.Text>
          </Flex>
        </Tooltip>
      ))}
      {day.rules.length > RULE_LINES && (
        <Tooltip title={day.rules.slice(RULE_LINES).map((r) => `${r.rule_name ?? t("care.today.manual")} ${fmt(r.messages)}`).join(" · ")}>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {t("care.calendar.moreRules", { formatted: fmt(day.rules.length - RULE_LINES) })}
          </Typography.Text>
        </Tooltip>
      )}
    </div>
  );
}

/** The antd colour token of a channel's dot (the same hues as its tag). */
function channelDot(c: keyof typeof CHANNEL_COLORS): "orange" | "green" | "blue" | "purple" {
  return CHANNEL_COLORS[c] as "orange" | "green" | "blue" | "purple";
}
