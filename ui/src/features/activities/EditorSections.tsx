// The activity editor's parts: what and when (type, title, day, slot), for whom (fan groups or customers), the budget
// lines, the checklist with each step's due time, the announcement with its variable chips, the coupon plan and the
// results window. Totals and due times come from Rust's preview; nothing is added up here. The step list and the
// announcement box are shared with the activity type editor (TypesDrawer).
import { memo, useCallback, useRef } from "react";
import {
  Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Segmented, Select, Space, TimePicker, Tooltip, Typography,
} from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { Activity } from "../../bindings/Activity";
import type { ActivitySettings } from "../../bindings/ActivitySettings";
import type { ActivityType } from "../../bindings/ActivityType";
import type { BudgetLine } from "../../bindings/BudgetLine";
import type { Step } from "../../bindings/Step";
import type { StepDue } from "../../bindings/StepDue";
import type { StepKind } from "../../bindings/StepKind";
import type { Target } from "../../bindings/Target";
import { Money } from "../../components/Money";
import { festivalName, formatDay } from "../care/careModel";
import { TargetPicker } from "../care/TargetPicker";
import { useCouponPlans } from "../coupons/couponQueries";
import { ANNOUNCEMENT_VARIABLES, dueParts, STEP_KINDS, stepWords } from "./activityModel";

export type Update = (patch: Partial<Activity> | ((a: Activity) => Partial<Activity>)) => void;

const time = (s: string | undefined) => {
  const d = s ? dayjs(s, "HH:mm") : null;
  return d && d.isValid() ? d : null;
};

export const BasicsSection = memo(function BasicsSection({ activity, types, settings, onType, update }: {
  activity: Activity; types: readonly ActivityType[]; settings: ActivitySettings | undefined; onType: (kind: string) => void;
  update: Update;
}) {
  const { t, i18n } = useTranslation();
  const slots = settings?.slots ?? [];
  const slotKey = `${activity.slot_start}-${activity.slot_end}`;
  const known = slots.some((s) => `${s.start}-${s.end}` === slotKey);
  const typeOptions = types.map((x) => ({ value: x.key, label: festivalName(x, i18n.language) }));
  if (!types.some((x) => x.key === activity.type)) typeOptions.unshift({ value: activity.type, label: activity.type });
  return (
    <>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={t("activities.editor.type")} extra={t("activities.editor.typeHint")}>
            <Select data-testid="activity-type" value={activity.type} options={typeOptions} onChange={onType} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label={t("activities.editor.title")}>
            <Input data-testid="activity-title" value={activity.title} maxLength={80} placeholder={t("activities.editor.titlePlaceholder")}
              onChange={(e) => update({ title: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={t("activities.editor.date")}>
            <DatePicker data-testid="activity-date" allowClear={false} value={dayjs(activity.date)} style={{ width: "100%" }}
              onChange={(d) => d && update({ date: d.format("YYYY-MM-DD") })} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label={t("activities.editor.slot")}>
            <Flex gap={8} wrap>
              <Select data-testid="activity-slot" style={{ minWidth: 150 }} value={known ? slotKey : "custom"}
                options={[
                  ...slots.map((s) => ({ value: `${s.start}-${s.end}`, label: `${s.start}–${s.end}` })),
                  { value: "custom", label: t("activities.editor.slotCustom") },
                ]}
                onChange={(v: string) => {
                  const s = slots.find((x) => `${x.start}-${x.end}` === v);
                  if (s) update({ slot_start: s.start, slot_end: s.end });
                }} />
              <Space.Compact>
                <TimePicker data-testid="activity-slot-start" format="HH:mm" allowClear={false} needConfirm={false} minuteStep={5}
                  aria-label={t("activities.editor.slotStart")} value={time(activity.slot_start)} style={{ width: 96 }}
                  onChange={(d) => d && update({ slot_start: d.format("HH:mm") })} />
                <TimePicker data-testid="activity-slot-end" format="HH:mm" allowClear={false} needConfirm={false} minuteStep={5}
                  aria-label={t("activities.editor.slotEnd")} value={time(activity.slot_end)} style={{ width: 96 }}
                  onChange={(d) => d && update({ slot_end: d.format("HH:mm") })} />
              </Space.Compact>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
});

export type Audience = "groups" | "target";

export const AudienceSection = memo(function AudienceSection({ audience, onAudience, groups, target, settings, update }: {
  audience: Audience; onAudience: (a: Audience) => void; groups: readonly string[]; target: Target | undefined;
  settings: ActivitySettings | undefined; update: Update;
}) {
  const { t } = useTranslation();
  const names = (settings?.groups ?? []).map((g) => g.name);
  return (
    <Form.Item label={t("activities.editor.audience")}>
      <Flex vertical gap={8}>
        <Segmented<Audience> data-testid="activity-audience" value={audience}
          onChange={(a) => {
            onAudience(a);
            update(a === "groups" ? { target: undefined } : { groups: [] });
          }}
          options={(["groups", "target"] as const).map((a) => ({
            value: a, label: <span data-testid={`activity-audience-${a}`}>{t(`activities.editor.audienceMode.${a}`)}</span>,
          }))} />
        {audience === "groups" ? (
          <Select mode="multiple" data-testid="activity-groups" value={[...groups]} placeholder={t("activities.editor.groupsPlaceholder")}
            notFoundContent={t("activities.editor.noGroups")}
            options={[...new Set([...names, ...groups])].map((n) => ({ value: n, label: n }))}
            onChange={(g: string[]) => update({ groups: g })} />
        ) : (
          <TargetPicker target={target ?? null} testId="activity" modes={["everyone", "segment", "tier", "filter"]}
            onChange={(next) => update({ target: next ?? undefined, groups: [] })} />
        )}
      </Flex>
    </Form.Item>
  );
});

export const BudgetSection = memo(function BudgetSection({ budget, total, update }: {
  budget: readonly BudgetLine[]; total: string | undefined; update: Update;
}) {
  const { t } = useTranslation();
  const setLine = (i: number, patch: Partial<BudgetLine>) =>
    update((a) => ({ budget: a.budget.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  return (
    <Form.Item label={t("activities.editor.budget")}>
      <Flex vertical gap={6} data-testid="activity-budget">
        {budget.map((l, i) => (
          <Flex key={i} gap={8} align="center">
            <Input data-testid={`budget-label-${i}`} value={l.label} placeholder={t("activities.editor.budgetLabel")}
              aria-label={t("activities.editor.budgetLabel")} style={{ flex: 2 }} onChange={(e) => setLine(i, { label: e.target.value })} />
            <Input data-testid={`budget-amount-${i}`} value={l.amount} placeholder={t("activities.editor.budgetAmount")}
              aria-label={t("activities.editor.budgetAmount")} inputMode="decimal" style={{ flex: 1 }}
              onChange={(e) => setLine(i, { amount: e.target.value })} />
            <Tooltip title={t("activities.editor.remove")}>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t("activities.editor.remove")} data-testid={`budget-remove-${i}`}
                onClick={() => update((a) => ({ budget: a.budget.filter((_, j) => j !== i) }))} />
            </Tooltip>
          </Flex>
        ))}
        <Flex justify="space-between" align="center">
          <Button size="small" icon={<PlusOutlined />} data-testid="budget-add"
            onClick={() => update((a) => ({ budget: [...a.budget, { label: "", amount: "0" }] }))}>
            {t("activities.editor.addLine")}
          </Button>
          <Typography.Text>
            {t("activities.editor.total")}: {total !== undefined ? <Money value={total} testId="activity-total" /> : "…"}
          </Typography.Text>
        </Flex>
      </Flex>
    </Form.Item>
  );
});

/** Edits a list of steps in place: `edit` gets the latest list and returns the next one. */
export type StepsEdit = (edit: (steps: Step[]) => Step[]) => void;

/** The activity's checklist extras: a tick box before each step (once saved) and each step's due time (Rust's preview). */
export type Checklist = {
  due: readonly StepDue[] | undefined; saved: boolean; onTick: (index: number, done: boolean) => void; ticking: number | null;
};

/**
 * A list of steps: name (a custom step's label), days from the activity, time of day, remove, add. An activity's
 * (`checklist`) ticks steps off and shows when each is due; a type's (`pickKind`) picks each step's kind. `prefix`
 * starts every test id (`step-offset-0`), `testId` names the list and `rowTestId` each row.
 */
export function StepList({ steps, onEdit, checklist, pickKind = false, prefix = "step", testId = "activity-steps", rowTestId = "activity-step" }: {
  steps: readonly Step[]; onEdit: StepsEdit; checklist?: Checklist; pickKind?: boolean; prefix?: string; testId?: string; rowTestId?: string;
}) {
  const { t, i18n } = useTranslation();
  const setStep = (i: number, patch: Partial<Step>) => onEdit((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {steps.length > 0 && (
        <Flex gap={8} align="center">
          {checklist && <Typography.Text type="secondary" style={{ fontSize: 12, width: 16 }} />}
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1, minWidth: 140 }}>{t("activities.editor.stepName")}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, width: 104 }}>{t("activities.editor.offset")}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, width: 104 }}>{t("activities.editor.at")}</Typography.Text>
          {checklist && <Typography.Text type="secondary" style={{ fontSize: 12, width: 130 }}>{t("activities.editor.due")}</Typography.Text>}
          <span style={{ width: 32 }} />
        </Flex>
      )}
      {steps.map((s, i) => {
        const words = stepWords(s);
        const d = checklist?.due?.find((x) => x.index === i);
        const parts = d ? dueParts(d.due) : null;
        const label = (
          <Input data-testid={`${prefix}-label-${i}`} value={s.label ?? ""} placeholder={t("activities.editor.customPlaceholder")}
            aria-label={pickKind ? t("activities.editor.customPlaceholder") : undefined}
            style={{ flex: 1, minWidth: 140 }} onChange={(e) => setStep(i, { label: e.target.value })} />
        );
        return (
          <Flex key={i} gap={8} align="center" wrap data-testid={rowTestId} data-kind={s.kind} data-done={s.done}>
            {checklist && (
              <Tooltip title={checklist.saved ? undefined : t("activities.editor.tickSaveFirst")}>
                <Checkbox data-testid={`${prefix}-${i}`} checked={s.done} disabled={!checklist.saved || checklist.ticking === i}
                  aria-label={t("activities.editor.done")} onChange={(e) => checklist.onTick(i, e.target.checked)} />
              </Tooltip>
            )}
            {pickKind ? (
              <Flex gap={8} style={{ flex: 1, minWidth: 140 }}>
                <Select<StepKind> data-testid={`${prefix}-kind-${i}`} value={s.kind} style={{ flex: 1, minWidth: 140 }}
                  aria-label={t("activities.editor.stepName")}
                  options={STEP_KINDS.map((k) => ({ value: k, label: t(`activities.step.${k}`) }))}
                  // A label names a custom step; another kind is named by the kind.
                  onChange={(kind) => setStep(i, kind === "custom" ? { kind } : { kind, label: undefined })} />
                {s.kind === "custom" && label}
              </Flex>
            ) : s.kind === "custom" ? label : (
              <Typography.Text style={{ flex: 1, minWidth: 140 }} delete={s.done}>
                {typeof words === "string" ? words : t(words.key, words.params)}
              </Typography.Text>
            )}
            <Space.Compact>
              <InputNumber data-testid={`${prefix}-offset-${i}`} precision={0} style={{ width: 76 }} aria-label={t("activities.editor.offset")}
                value={Number.isFinite(s.offset_days) ? s.offset_days : null}
                onChange={(v) => setStep(i, { offset_days: v === null ? Number.NaN : Number(v) })} />
              <Space.Addon>{t("activities.editor.offsetUnit")}</Space.Addon>
            </Space.Compact>
            <TimePicker data-testid={`${prefix}-at-${i}`} format="HH:mm" needConfirm={false} minuteStep={5} style={{ width: 104 }}
              placeholder={t("activities.editor.atDefault")} aria-label={t("activities.editor.at")} value={time(s.at)}
              onChange={(v) => setStep(i, { at: v ? v.format("HH:mm") : undefined })} />
            {checklist && (
              <Typography.Text type="secondary" style={{ width: 130, fontSize: 12 }} data-testid={`${prefix}-due-${i}`}>
                {parts ? `${formatDay(parts.date, i18n.language)} ${parts.time}` : "…"}
              </Typography.Text>
            )}
            <Button type="text" icon={<DeleteOutlined />} aria-label={t("activities.editor.remove")} data-testid={`${prefix}-remove-${i}`}
              onClick={() => onEdit((list) => list.filter((_, j) => j !== i))} />
          </Flex>
        );
      })}
      <div>
        <Button size="small" icon={<PlusOutlined />} data-testid={`${prefix}-add`}
          onClick={() => onEdit((list) => [...list, { kind: "custom", label: "", offset_days: 0, done: false }])}>
          {t("activities.editor.addStep")}
        </Button>
      </div>
    </Flex>
  );
}

export const StepsSection = memo(function StepsSection({ steps, due, saved, onTick, ticking, update }: {
  steps: readonly Step[]; due: readonly StepDue[] | undefined; saved: boolean;
  onTick: (index: number, done: boolean) => void; ticking: number | null; update: Update;
}) {
  const { t } = useTranslation();
  const onEdit: StepsEdit = useCallback((edit) => update((a) => ({ steps: edit(a.steps) })), [update]);
  return (
    <Form.Item label={t("activities.editor.steps")}>
      <StepList steps={steps} onEdit={onEdit} checklist={{ due, saved, onTick, ticking }} />
    </Form.Item>
  );
});

/**
 * An announcement's text box with its `{variable}` chips; a chip writes its variable at the caret. `onEdit` gets the
 * latest text and returns the next one. `testId` names the box, `chipPrefix` starts each chip's test id.
 */
export function AnnouncementBox({ value, onEdit, testId, chipPrefix, placeholder, ariaLabel }: {
  value: string; onEdit: (edit: (text: string) => string) => void; testId: string; chipPrefix: string; placeholder?: string;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const box = useRef<TextAreaRef | null>(null);
  const insert = (name: string) => {
    const el = box.current?.resizableTextArea?.textArea;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    onEdit((text) => text.slice(0, start) + token + text.slice(end));
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <>
      <Input.TextArea data-testid={testId} ref={box} value={value} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={placeholder}
        aria-label={ariaLabel} onChange={(e) => onEdit(() => e.target.value)} />
      <Flex gap={4} wrap align="center" style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("activities.editor.variables")}</Typography.Text>
        {ANNOUNCEMENT_VARIABLES.map((v) => (
          <Tooltip key={v} title={t(`activities.variable.${v}`)}>
            <Button size="small" data-testid={`${chipPrefix}-${v}`} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(v)}>
              {`{${v}}`}
            </Button>
          </Tooltip>
        ))}
      </Flex>
    </>
  );
}

export const AnnouncementSection = memo(function AnnouncementSection({ announcement, update }: { announcement: string; update: Update }) {
  const { t } = useTranslation();
  const onEdit = useCallback((edit: (text: string) => string) => update((a) => ({ announcement: edit(a.announcement) })), [update]);
  return (
    <Form.Item label={t("activities.editor.announcement")}>
      <AnnouncementBox value={announcement} onEdit={onEdit} testId="activity-announcement" chipPrefix="activity-var" />
    </Form.Item>
  );
});

export const ExtrasSection = memo(function ExtrasSection({ couponPlan, attributionDays, update }: {
  couponPlan: number | undefined; attributionDays: number; update: Update;
}) {
  const { t } = useTranslation();
  const plans = useCouponPlans();
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Form.Item label={t("activities.editor.coupon")} extra={t("activities.editor.couponHint")}>
          <Select data-testid="activity-coupon" allowClear value={couponPlan} placeholder={t("activities.editor.couponNone")}
            loading={plans.isPending}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.plan.name} · ${p.offer}` }))}
            onChange={(id: number | undefined) => update({ coupon_plan: id ?? undefined })} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item label={t("activities.editor.attribution")} extra={t("activities.editor.attributionHint")}>
          <Space.Compact>
            <InputNumber data-testid="activity-attribution" min={1} precision={0} style={{ width: 90 }}
              value={Number.isFinite(attributionDays) ? attributionDays : null}
              onChange={(v) => update({ attribution_days: v === null ? Number.NaN : Number(v) })} />
            <Space.Addon>{t("activities.editor.attributionUnit")}</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Col>
    </Row>
  );
});
