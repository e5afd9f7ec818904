// The planner's grid: a month (whole weeks, Monday first) or one week. Each day shows its activities as cards (time
// slot, title, a warning icon when the planner warns), and underneath them the festival layer: festivals in the UI's
// language, a promotion's main day marked, promotion runs as a light band, statutory days off (休) and make-up
// working days (班). Cards are dragged to another day with the browser's own drag and drop.
import { useRef, useState, type DragEvent } from "react";
import { Button, Flex, Tag, Tooltip, Typography, theme } from "antd";
import { PlusOutlined, WarningFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../bindings/ActivityView";
import { festivalName } from "../care/careModel";
import type { CalendarView, DayLayer, Namer } from "./activityModel";
import { clashLines } from "./Warnings";

type Props = {
  view: CalendarView;
  weeks: readonly (readonly string[])[];
  /** The month shown (YYYY-MM): days outside it are dimmed. */
  month: string | null;
  today: string;
  layers: Map<string, DayLayer>;
  activities: Map<string, ActivityView[]>;
  namer: Namer;
  typeName: (key: string) => string;
  onOpen: (activity: ActivityView) => void;
  onNew: (date: string) => void;
  onMove: (id: number, date: string) => void;
};

/** The drag's payload type: an activity id as text. */
const DRAG_TYPE = "text/plain";

export function CalendarGrid(props: Props) {
  const { i18n } = useTranslation();
  const { weeks } = props;
  // The card being dragged, for a drop whose dataTransfer lost the id (a drag simulated by a test driver).
  const dragged = useRef<number | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const weekdays = weeks[0].map((d) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: "short", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)));

  const drop = (date: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = Number(e.dataTransfer?.getData?.(DRAG_TYPE)) || dragged.current;
    dragged.current = null;
    setOver(null);
    if (id) props.onMove(id, date);
  };
  const drag = {
    start: (id: number) => (e: DragEvent) => {
      dragged.current = id;
      e.dataTransfer?.setData?.(DRAG_TYPE, String(id));
      if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
    },
    end: () => {
      dragged.current = null;
      setOver(null);
    },
  };

  return (
    <div data-testid="activity-calendar" data-view={props.view}
      style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: 4 }}>
      {weekdays.map((w) => (
        <Typography.Text key={w} type="secondary" style={{ textAlign: "center", fontSize: 12 }}>{w}</Typography.Text>
      ))}
      {weeks.flat().map((date) => (
        <DayCell key={date} date={date} {...props} over={over === date}
          onDragOver={(e) => {
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
            setOver(date);
          }}
          onDragLeave={() => setOver((o) => (o === date ? null : o))}
          onDrop={drop(date)} onDragStart={drag.start} onDragEnd={drag.end} />
      ))}
    </div>
  );
}

type CellProps = Props & {
  date: string;
  over: boolean;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
  onDragStart: (id: number) => (e: DragEvent) => void;
  onDragEnd: () => void;
};

function DayCell({ date, view, month, today, layers, activities, namer, typeName, over, onOpen, onNew, ...drag }: CellProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const layer = layers.get(date);
  const off = layer?.statutory?.kind === "holiday_off";
  const makeup = layer?.statutory?.kind === "makeup_workday";
  const outside = month !== null && date.slice(0, 7) !== month;
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const isToday = date === today;
  const day = activities.get(date) ?? [];
  return (
    <div
      className="laoke-cal-day"
      data-testid={`activity-day-${date}`}
      data-date={date}
      data-statutory={layer?.statutory?.kind ?? ""}
      onDragOver={drag.onDragOver}
      onDragLeave={drag.onDragLeave}
      onDrop={drag.onDrop}
      style={{
        minHeight: view === "week" ? 360 : 118, padding: "4px 6px", borderRadius: token.borderRadius, minWidth: 0,
        display: "flex", flexDirection: "column", gap: 3,
        opacity: outside ? 0.55 : 1,
        border: over ? `2px dashed ${token.colorPrimary}` : `1px solid ${isToday ? token.colorPrimary : token.colorBorderSecondary}`,
        background: off ? token.colorErrorBg : makeup ? token.colorInfoBg : weekend ? token.colorFillQuaternary : token.colorBgContainer,
      }}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Typography.Text strong={isToday} style={{ color: isToday ? token.colorPrimary : undefined }}>
          {view === "week" ? dayLabel(date, i18n.language) : Number(date.slice(8, 10))}
        </Typography.Text>
        <Flex gap={2} align="center">
          {layer?.statutory && (
            <Tooltip title={layer.statutory.name_zh}>
              <Tag color={off ? "red" : "blue"} bordered={false} data-testid="activity-statutory" data-kind={layer.statutory.kind}
                style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
                {t(off ? "activities.legend.off" : "activities.legend.workday")}
              </Tag>
            </Tooltip>
          )}
          <Tooltip title={t("activities.addOn")}>
            <Button className="laoke-cal-add" type="text" size="small" icon={<PlusOutlined />} aria-label={t("activities.addOn")}
              data-testid={`activity-add-${date}`} onClick={() => onNew(date)} />
          </Tooltip>
        </Flex>
      </Flex>
      {layer?.runs.map((r) => (
        <div key={r.festival.key} data-testid="activity-run" data-key={r.festival.key}
          title={festivalName(r.festival, i18n.language)}
          style={{ height: 16, lineHeight: "16px", fontSize: 11, paddingInline: 4, marginInline: -6, overflow: "hidden",
            whiteSpace: "nowrap", textOverflow: "ellipsis", background: token.colorWarningBg, color: token.colorWarningText }}>
          {r.label ? festivalName(r.festival, i18n.language) : "\u00a0"}
        </div>
      ))}
      {day.map((a) => (
        <ActivityCard key={a.id} activity={a} view={view} namer={namer} typeName={typeName} onOpen={onOpen}
          onDragStart={drag.onDragStart(a.id)} onDragEnd={drag.onDragEnd} />
      ))}
      <div style={{ flex: 1 }} />
      {layer?.festivals.map((f) => (
        <Flex key={f.key} gap={4} align="center" wrap data-testid="activity-festival" data-key={f.key} data-peak={f.peak}
          style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ fontSize: 12, color: f.peak ? token.colorError : token.colorPrimaryText, fontWeight: f.peak ? 600 : undefined }}>
            {festivalName(f, i18n.language)}
          </Typography.Text>
          {f.peak && (
            <Tag color="red" data-testid="activity-peak" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
              {t("activities.legend.peak")}
            </Tag>
          )}
        </Flex>
      ))}
    </div>
  );
}

function ActivityCard({ activity: a, view, namer, typeName, onOpen, onDragStart, onDragEnd }: {
  activity: ActivityView; view: CalendarView; namer: Namer; typeName: (key: string) => string;
  onOpen: (a: ActivityView) => void; onDragStart: (e: DragEvent) => void; onDragEnd: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const done = a.steps.filter((s) => s.done).length;
  const warnings = a.warnings.length > 0;
  return (
    <div
      role="button"
      tabIndex={0}
      draggable
      data-testid="activity-card"
      data-activity-id={a.id}
      data-date={a.activity.date}
      data-warnings={a.warnings.length}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={() => onOpen(a)}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onOpen(a)}
      style={{
        cursor: "grab", padding: "2px 6px", borderRadius: token.borderRadiusSM, minWidth: 0, fontSize: 12, lineHeight: "18px",
        background: token.colorPrimaryBg, borderInlineStart: `3px solid ${warnings ? token.colorWarning : token.colorPrimary}`,
      }}
    >
      <Flex gap={4} align="center" style={{ minWidth: 0 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11, flex: "none" }} data-testid="activity-card-slot">
          {a.activity.slot_start}{view === "week" ? `–${a.activity.slot_end}` : ""}
        </Typography.Text>
        {warnings && (
          <Tooltip title={<Flex vertical>{clashLines(t, a.warnings, namer).map((l, i) => <span key={i}>{l}</span>)}</Flex>}>
            <WarningFilled style={{ color: token.colorWarning, flex: "none" }} data-testid="activity-card-warning"
              aria-label={t("activities.card.warnings", { count: a.warnings.length })} />
          </Tooltip>
        )}
      </Flex>
      <Typography.Text ellipsis style={{ display: "block", fontSize: 12 }} data-testid="activity-card-title">{a.activity.title}</Typography.Text>
      {view === "week" && (
        <Flex vertical style={{ fontSize: 11 }}>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>{typeName(a.activity.type)}</Typography.Text>
          {a.steps.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t("activities.card.steps", { done, total: a.steps.length })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </div>
  );
}

/** "12月5日 周六" / "Sat, Dec 5" for the week view's day headers. */
function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
