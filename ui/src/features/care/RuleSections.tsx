// The rule editor's parts, each redrawn only when its own fields change (typing a template redraws the template
// part alone): trigger, target with its live count, channel, send time and priority, the texts with their variable
// chips, and the coupon (its words or a coupon plan).
import { memo, useRef } from "react";
import {
  Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Segmented, Select, Space, Switch, TimePicker, Tooltip,
  Typography,
} from "antd";
import type { InputRef } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { CareRule } from "../../bindings/CareRule";
import type { Channel } from "../../bindings/Channel";
import type { Milestone } from "../../bindings/Milestone";
import type { Target } from "../../bindings/Target";
import type { Trigger } from "../../bindings/Trigger";
import { addDays, CHANNELS, describeTrigger, formatDay, MILESTONES, TRIGGER_KINDS, triggerNumbers, triggerOf, VARIABLES, type TriggerKind } from "./careModel";
import { useCouponPlans } from "../coupons/couponQueries";
import { useFestivals } from "./careQueries";
import { TargetPicker } from "./TargetPicker";

export type Update = (patch: Partial<CareRule> | ((r: CareRule) => Partial<CareRule>)) => void;

export const TriggerSection = memo(function TriggerSection({ trigger, workingDaysOnly, today, update }: {
  trigger: Trigger; workingDaysOnly: boolean; today: string; update: Update;
}) {
  const { t, i18n } = useTranslation();
  const { festivals, query, name: festivalName } = useFestivals(trigger.kind === "festival");
  const complete = triggerNumbers(trigger).every((n) => Number.isFinite(n.value));
  const inWords = complete ? describeTrigger(t, trigger, festivalName, (d) => formatDay(d, i18n.language, true)) : "";
  const setTrigger = (next: Trigger) => update({ trigger: next });

  const festivalOptions = (festivals ?? []).map((f) => ({
    value: f.key, label: `${i18n.language.startsWith("zh") ? f.name_zh : f.name_en} · ${formatDay(f.date, i18n.language)}`,
  }));
  if (trigger.kind === "festival" && !festivalOptions.some((o) => o.value === trigger.key)) {
    festivalOptions.unshift({ value: trigger.key, label: trigger.key });
  }
  const numbers = triggerNumbers(trigger).map((n) => (
    <Space.Compact key={n.field}>
      <InputNumber data-testid={`care-rule-${n.field}`} min={0} precision={0} style={{ width: 110 }}
        value={Number.isFinite(n.value) ? n.value : null}
        onChange={(v) => setTrigger({ ...trigger, [n.field]: v === null ? Number.NaN : Number(v) } as Trigger)} />
      <Space.Addon>{t(`care.editor.unit.${n.field}`)}</Space.Addon>
    </Space.Compact>
  ));

  let fields;
  switch (trigger.kind) {
    case "festival":
      fields = (
        <Space wrap>
          <Select data-testid="care-rule-festival" showSearch optionFilterProp="label" style={{ minWidth: 240 }}
            loading={query.isPending} value={trigger.key} options={festivalOptions}
            onChange={(key: string) => setTrigger({ ...trigger, key })} />
          {numbers}
        </Space>
      );
      break;
    case "after_purchase":
      fields = (
        <Space wrap>
          <Select<Milestone> data-testid="care-rule-milestone" style={{ minWidth: 140 }} value={trigger.from}
            options={MILESTONES.map((m) => ({ value: m, label: t(`care.milestone.${m}`) }))}
            onChange={(from) => setTrigger({ ...trigger, from })} />
          {numbers}
        </Space>
      );
      break;
    case "campaign":
      fields = (
        <DatePicker data-testid="care-rule-date" allowClear={false} value={dayjs(trigger.date)}
          onChange={(d) => d && setTrigger({ ...trigger, date: d.format("YYYY-MM-DD") })} />
      );
      break;
    default:
      fields = <Space wrap>{numbers}</Space>;
  }

  return (
    <Form.Item label={t("care.editor.trigger")} extra={t(`care.trigger.hint.${trigger.kind}`)}>
      <Flex vertical gap={8}>
        <Select<TriggerKind> data-testid="care-rule-trigger" value={trigger.kind}
          options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`care.trigger.kind.${k}`) }))}
          onChange={(kind) => update((r) => ({
            // A new campaign's day is tomorrow, so it can still be prepared.
            trigger: triggerOf(kind, r.trigger, addDays(today, 1)),
            priority: kind === "unpaid" ? "transactional" : r.priority === "transactional" ? "care" : r.priority,
          }))} />
        <Space wrap align="center">
          {fields}
          {inWords && <Typography.Text type="secondary" data-testid="care-rule-trigger-words">= {inWords}</Typography.Text>}
        </Space>
        <Checkbox data-testid="care-rule-working-days" checked={workingDaysOnly}
          onChange={(e) => update({ working_days_only: e.target.checked })}>
          {t("care.editor.workingDaysOnly")}
        </Checkbox>
      </Flex>
    </Form.Item>
  );
});

export const TargetSection = memo(function TargetSection({ target, update }: { target: Target | null; update: Update }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t("care.editor.target")}>
      <TargetPicker target={target} onChange={(next) => update({ target: next })} />
    </Form.Item>
  );
});

export const ChannelSection = memo(function ChannelSection({ channel, update }: { channel: Channel; update: Update }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t("care.editor.channel")} extra={t(`care.channelHint.${channel}`)}>
      <Segmented<Channel> data-testid="care-rule-channel" value={channel} onChange={(c) => update({ channel: c })}
        options={CHANNELS.map((c) => ({ value: c, label: <span data-testid={`care-rule-channel-${c}`}>{t(`care.channel.${c}`)}</span> }))} />
    </Form.Item>
  );
});

export const TimingSection = memo(function TimingSection({ sendAt, priority, transactional, update }: {
  sendAt: string; priority: CareRule["priority"]; transactional: boolean; update: Update;
}) {
  const { t } = useTranslation();
  const time = dayjs(sendAt, "HH:mm");
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Form.Item label={t("care.editor.sendAt")} extra={t("care.editor.sendAtHint")}>
          <TimePicker data-testid="care-rule-send-at" format="HH:mm" allowClear={false} needConfirm={false} minuteStep={5}
            value={time.isValid() ? time : null} onChange={(d) => d && update({ send_at: d.format("HH:mm") })} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item label={t("care.editor.priority")}
          extra={transactional ? t("care.editor.transactionalHint") : t(`care.editor.priorityHint.${priority === "marketing" ? "marketing" : "care"}`)}>
          {transactional ? (
            <Typography.Text data-testid="care-rule-transactional">{t("care.priority.transactional")}</Typography.Text>
          ) : (
            <Segmented data-testid="care-rule-priority" value={priority} onChange={(p) => update({ priority: p as CareRule["priority"] })}
              options={(["care", "marketing"] as const).map((p) => ({
                value: p, label: <span data-testid={`care-rule-priority-${p}`}>{t(`care.priority.${p}`)}</span>,
              }))} />
          )}
        </Form.Item>
      </Col>
    </Row>
  );
});

type TextField = "template" | "template_en" | "subject";

/** The `{variable}` chips; clicking one writes it where the seller last was, at the caret. */
const VariableChips = memo(function VariableChips({ onInsert }: { onInsert: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center" style={{ marginTop: 6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("care.editor.variables")}</Typography.Text>
      {VARIABLES.map((v) => (
        <Tooltip key={v} title={t(`care.variable.${v}`)}>
          <Button size="small" data-testid={`care-var-${v}`} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(v)}>
            {`{${v}}`}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
});

/** The template boxes of one editor: where a variable chip writes (the box the seller was last in, at the caret). */
export type TemplateBoxes = {
  areaRef: (field: TextField) => (r: TextAreaRef | null) => void;
  inputRef: (field: TextField) => (r: InputRef | null) => void;
  focus: (field: TextField) => () => void;
  insert: (name: string) => void;
};

export function useTemplateBoxes(update: Update): TemplateBoxes {
  const boxes = useRef<Record<TextField, HTMLTextAreaElement | HTMLInputElement | null>>({ template: null, template_en: null, subject: null });
  const last = useRef<TextField>("template");
  return useRef<TemplateBoxes>({
    areaRef: (field) => (r) => {
      boxes.current[field] = r?.resizableTextArea?.textArea ?? null;
    },
    inputRef: (field) => (r) => {
      boxes.current[field] = r?.input ?? null;
    },
    focus: (field) => () => {
      last.current = field;
    },
    insert: (name) => {
      const field = last.current;
      const el = boxes.current[field];
      const token = `{${name}}`;
      const start = el?.selectionStart ?? el?.value.length ?? 0;
      const end = el?.selectionEnd ?? start;
      update((r) => {
        const value = r[field] ?? "";
        return { [field]: value.slice(0, start) + token + value.slice(end) };
      });
      window.requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(start + token.length, start + token.length);
      });
    },
  }).current;
}

/** The subject (email) and the message with its variable chips. */
export const MessageSection = memo(function MessageSection({ channel, name, subject, template, boxes, update }: {
  channel: Channel; name: string; subject: string | undefined; template: string; boxes: TemplateBoxes; update: Update;
}) {
  const { t } = useTranslation();
  return (
    <>
      {channel === "email" && (
        <Form.Item label={t("care.editor.subject")} extra={t("care.editor.subjectHint")}>
          <Input data-testid="care-rule-subject" ref={boxes.inputRef("subject")} value={subject ?? ""}
            placeholder={name || t("care.editor.subjectPlaceholder")}
            onFocus={boxes.focus("subject")} onChange={(e) => update({ subject: e.target.value })} />
        </Form.Item>
      )}
      <Form.Item label={t("care.editor.template")}>
        <Input.TextArea data-testid="care-rule-template" ref={boxes.areaRef("template")} value={template}
          rows={4} placeholder={t("care.editor.templatePlaceholder")}
          onFocus={boxes.focus("template")} onChange={(e) => update({ template: e.target.value })} />
        <VariableChips onInsert={boxes.insert} />
      </Form.Item>
    </>
  );
});

/** The English version, the coupon (its words, or a coupon plan whose offer fills them), and (email) sending by itself. */
export const ExtrasSection = memo(function ExtrasSection({ channel, templateEn, coupon, couponPlan, autoSend, boxes, update }: {
  channel: Channel; templateEn: string | undefined; coupon: string | undefined; couponPlan: number | undefined; autoSend: boolean;
  boxes: TemplateBoxes; update: Update;
}) {
  const { t } = useTranslation();
  const plans = useCouponPlans();
  const email = channel === "email";
  const planOptions = (plans.data ?? []).map((p) => ({ value: p.id, label: `${p.plan.name} · ${p.offer}` }));
  // A plan deleted since the rule was saved is still shown (Rust's check names it), by its number.
  if (couponPlan !== undefined && plans.data && !planOptions.some((o) => o.value === couponPlan)) {
    planOptions.unshift({ value: couponPlan, label: `#${couponPlan}` });
  }
  return (
    <>
      <Form.Item label={t("care.editor.templateEn")} extra={t("care.editor.templateEnHint")}>
        <Input.TextArea data-testid="care-rule-template-en" ref={boxes.areaRef("template_en")} value={templateEn ?? ""}
          rows={2} placeholder={t("care.editor.templateEnPlaceholder")}
          onFocus={boxes.focus("template_en")} onChange={(e) => update({ template_en: e.target.value })} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t("care.editor.coupon")} extra={t("care.editor.couponHint")}>
            <Input data-testid="care-rule-coupon" value={coupon ?? ""} placeholder={t("care.editor.couponPlaceholder")}
              onChange={(e) => update({ coupon: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t("care.editor.couponPlan")} extra={t("care.editor.couponPlanHint")}>
            <Select<number | undefined> data-testid="care-rule-coupon-plan" allowClear value={couponPlan}
              placeholder={t("care.editor.couponPlanNone")} loading={plans.isPending} options={planOptions}
              notFoundContent={t("care.editor.couponPlanEmpty")}
              onChange={(id) => update({ coupon_plan: id ?? undefined })} />
          </Form.Item>
        </Col>
      </Row>
      {email && (
        <Form.Item label={t("care.editor.autoSend")} extra={t("care.editor.autoSendHint")}>
          <Switch data-testid="care-rule-auto-send" checked={autoSend} onChange={(v) => update({ auto_send: v })} />
        </Form.Item>
      )}
    </>
  );
});
