// The activity types: the ten built-in ones (each editable, and restored by dropping the edit) and the shop's own
// (added and deleted here). A type is what a new activity starts from: its names, its checklist, its announcement in
// both languages (with the same variable chips as the activity editor) and its budget lines. Rust checks a type when
// it is saved and refuses with a code, shown here; the UI only holds back what cannot be sent at all (an amount that is
// no number, an emptied number box, a new key another type already has).
import { useCallback, useState } from "react";
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Popconfirm, Row, Skeleton, Space, Tag, Tooltip, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ActivityType } from "../../bindings/ActivityType";
import type { TypeBudgetLine } from "../../bindings/TypeBudgetLine";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorNotice } from "../../components/useErrorNotice";
import { festivalName } from "../care/careModel";
import { cleanType, suggestTypeKey, typeUnsendable } from "./activityModel";
import { activityProblem } from "./activityProblem";
import { useActivityTypes, useResetType, useSaveType } from "./activityQueries";
import { AnnouncementBox, StepList, type StepsEdit } from "./EditorSections";

type Editing = { key: number; type: ActivityType; isNew: boolean };

/** A new type: announced the day before, run on the day, no budget yet. */
const blankType = (): ActivityType => ({
  key: "", name_zh: "", name_en: "", template_zh: "", template_en: "", budget: [], builtin: false,
  steps: [{ kind: "pre_announce", offset_days: -1, done: false }, { kind: "run", offset_days: 0, done: false }],
});

export function TypesDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const types = useActivityTypes();
  const [editing, setEditing] = useState<Editing | null>(null);
  const open = (type: ActivityType, isNew: boolean) => setEditing({ key: Date.now(), type, isNew });
  return (
    <Drawer open width={editing ? 980 : 680} onClose={onClose} data-testid="activity-types"
      title={!editing ? t("activities.types.title")
        : editing.isNew ? t("activities.types.newTitle") : t("activities.types.editTitle", { key: editing.type.key })}>
      {types.isPending && <Skeleton active />}
      {types.isError && <ErrorAlert error={types.error} onRetry={() => void types.refetch()} testId="activity-types-error" />}
      {types.data && !editing && <TypeList types={types.data} onEdit={(type) => open(type, false)} onNew={() => open(blankType(), true)} />}
      {types.data && editing && (
        <TypeEditor key={editing.key} initial={editing.type} isNew={editing.isNew} keys={types.data.map((x) => x.key)}
          onDone={() => setEditing(null)} />
      )}
    </Drawer>
  );
}

function TypeList({ types, onEdit, onNew }: { types: readonly ActivityType[]; onEdit: (t: ActivityType) => void; onNew: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const reset = useResetType(notifyError);
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("activities.types.hint")}</Typography.Paragraph>
      <Flex vertical gap={4} data-testid="activity-type-list">
        {types.map((x) => {
          const name = festivalName(x, i18n.language);
          const other = i18n.language.startsWith("zh") ? x.name_en : x.name_zh;
          return (
            <Flex key={x.key} gap={12} align="center" data-testid="activity-type-row" data-key={x.key} data-builtin={x.builtin}
              style={{ padding: "6px 0", borderBottom: "1px solid rgba(5, 5, 5, 0.06)" }}>
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis>{name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{other} · {x.key}</Typography.Text>
              </Flex>
              <Tag bordered={false} color={x.builtin ? "default" : "blue"}>
                {x.builtin ? t("activities.types.builtin") : t("activities.types.own")}
              </Tag>
              <Button size="small" icon={<EditOutlined />} data-testid="activity-type-edit" onClick={() => onEdit(x)}>
                {t("activities.types.edit")}
              </Button>
              <Popconfirm
                title={x.builtin ? t("activities.types.restoreConfirm", { name }) : t("activities.types.deleteConfirm", { name })}
                okText={x.builtin ? t("activities.types.restore") : t("activities.types.delete")}
                cancelText={t("activities.settingsDrawer.cancel")}
                onConfirm={() => reset.mutate(x.key, {
                  onSuccess: () => void message.success(x.builtin ? t("activities.types.restored", { name }) : t("activities.types.deleted", { name })),
                })}>
                <Button size="small" danger={!x.builtin} icon={x.builtin ? <UndoOutlined /> : <DeleteOutlined />} data-testid="activity-type-reset"
                  loading={reset.isPending && reset.variables === x.key}>
                  {x.builtin ? t("activities.types.restore") : t("activities.types.delete")}
                </Button>
              </Popconfirm>
            </Flex>
          );
        })}
      </Flex>
      <div>
        <Button type="primary" icon={<PlusOutlined />} data-testid="activity-type-new" onClick={onNew}>{t("activities.types.new")}</Button>
      </div>
    </Flex>
  );
}

function TypeEditor({ initial, isNew, keys, onDone }: { initial: ActivityType; isNew: boolean; keys: readonly string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<ActivityType>(initial);
  // A new type's key follows its English name until the seller types one.
  const [keyTyped, setKeyTyped] = useState(false);
  const patch = useCallback((p: Partial<ActivityType> | ((x: ActivityType) => Partial<ActivityType>)) =>
    setDraft((d) => ({ ...d, ...(typeof p === "function" ? p(d) : p) })), []);
  const onSteps: StepsEdit = useCallback((edit) => patch((d) => ({ steps: edit(d.steps) })), [patch]);
  const onTemplateZh = useCallback((edit: (s: string) => string) => patch((d) => ({ template_zh: edit(d.template_zh) })), [patch]);
  const onTemplateEn = useCallback((edit: (s: string) => string) => patch((d) => ({ template_en: edit(d.template_en) })), [patch]);
  const setLine = (i: number, p: Partial<TypeBudgetLine>) => patch((d) => ({ budget: d.budget.map((l, j) => (j === i ? { ...l, ...p } : l)) }));

  const held = typeUnsendable(draft, isNew, keys);
  const holdBack = held ? t(held.key, held.params) : null;
  const save = useSaveType();
  const refused = save.isError ? activityProblem(t, save.error) : null;
  const submit = () => {
    const out = cleanType(draft);
    save.mutate(out, {
      onSuccess: () => {
        void message.success(t("activities.types.saved", { name: festivalName(out, i18n.language) }));
        onDone();
      },
    });
  };

  return (
    <Form layout="vertical" requiredMark={false} component="div" data-testid="activity-type-editor">
      <Typography.Paragraph type="secondary">
        {draft.builtin ? t("activities.types.builtinHint") : t("activities.types.editorHint")}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t("activities.types.key")} extra={isNew ? t("activities.types.keyHint") : undefined}>
            {isNew ? (
              <Input data-testid="activity-type-key" value={draft.key} placeholder="lucky_draw" maxLength={40}
                onChange={(e) => {
                  setKeyTyped(e.target.value !== "");
                  patch({ key: e.target.value });
                }} />
            ) : (
              <Typography.Text code data-testid="activity-type-key-fixed">{draft.key}</Typography.Text>
            )}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t("activities.types.nameZh")}>
            <Input data-testid="activity-type-name-zh" value={draft.name_zh} placeholder={t("activities.types.nameZhPlaceholder")}
              onChange={(e) => patch({ name_zh: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t("activities.types.nameEn")}>
            <Input data-testid="activity-type-name-en" value={draft.name_en} placeholder={t("activities.types.nameEnPlaceholder")}
              onChange={(e) => {
                const name_en = e.target.value;
                patch(isNew && !keyTyped ? { name_en, key: suggestTypeKey(name_en) } : { name_en });
              }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("activities.types.steps")} extra={t("activities.types.stepsHint")}>
        <StepList steps={draft.steps} onEdit={onSteps} pickKind prefix="type-step" testId="activity-type-steps" rowTestId="activity-type-step" />
      </Form.Item>
      <Form.Item label={t("activities.types.templateZh")} extra={t("activities.types.templateHint")}>
        <AnnouncementBox value={draft.template_zh} onEdit={onTemplateZh} testId="activity-type-template-zh" chipPrefix="activity-type-zh-var"
          ariaLabel={t("activities.types.templateZh")} />
      </Form.Item>
      <Form.Item label={t("activities.types.templateEn")}>
        <AnnouncementBox value={draft.template_en} onEdit={onTemplateEn} testId="activity-type-template-en" chipPrefix="activity-type-en-var"
          ariaLabel={t("activities.types.templateEn")} />
      </Form.Item>
      <Form.Item label={t("activities.types.budget")} extra={t("activities.types.budgetHint")}>
        <Flex vertical gap={6} data-testid="activity-type-budget">
          {draft.budget.map((l, i) => (
            <Flex key={i} gap={8} align="center">
              <Input data-testid={`type-budget-label-zh-${i}`} value={l.label_zh} placeholder={t("activities.types.labelZh")}
                aria-label={t("activities.types.labelZh")} style={{ flex: 2 }} onChange={(e) => setLine(i, { label_zh: e.target.value })} />
              <Input data-testid={`type-budget-label-en-${i}`} value={l.label_en} placeholder={t("activities.types.labelEn")}
                aria-label={t("activities.types.labelEn")} style={{ flex: 2 }} onChange={(e) => setLine(i, { label_en: e.target.value })} />
              <Input data-testid={`type-budget-amount-${i}`} value={l.amount} placeholder={t("activities.editor.budgetAmount")}
                aria-label={t("activities.editor.budgetAmount")} inputMode="decimal" style={{ flex: 1 }}
                onChange={(e) => setLine(i, { amount: e.target.value })} />
              <Tooltip title={t("activities.editor.remove")}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t("activities.editor.remove")} data-testid={`type-budget-remove-${i}`}
                  onClick={() => patch((d) => ({ budget: d.budget.filter((_, j) => j !== i) }))} />
              </Tooltip>
            </Flex>
          ))}
          <div>
            <Button size="small" icon={<PlusOutlined />} data-testid="type-budget-add"
              onClick={() => patch((d) => ({ budget: [...d.budget, { label_zh: "", label_en: "", amount: "0" }] }))}>
              {t("activities.editor.addLine")}
            </Button>
          </div>
        </Flex>
      </Form.Item>
      <Flex vertical gap={8}>
        {holdBack && <Typography.Text type="secondary" data-testid="activity-type-incomplete">{holdBack}</Typography.Text>}
        {refused && <Alert type="error" showIcon data-testid="activity-type-error" data-code={refused.code} message={refused.text} />}
        {save.isError && !refused && <ErrorAlert error={save.error} testId="activity-type-error" />}
        <Space>
          <Button data-testid="activity-type-back" onClick={onDone}>{t("activities.types.back")}</Button>
          <Button type="primary" data-testid="activity-type-save" disabled={!!holdBack} loading={save.isPending} onClick={submit}>
            {t("activities.types.save")}
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}
