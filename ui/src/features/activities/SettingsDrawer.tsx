// The planner's settings: the fan groups (platform, members, the segment that holds them), the posting slots, how
// many activities a month "Suggest this month" aims for, and the monthly budget cap. Rust checks them when saved and
// refuses with a code, shown here.
import { useState } from "react";
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Skeleton, Space, TimePicker, Tooltip, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { ActivitySettings } from "../../bindings/ActivitySettings";
import type { FanGroup } from "../../bindings/FanGroup";
import type { Slot } from "../../bindings/Slot";
import { segmentsList } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PLATFORMS } from "../../components/PlatformTag";
import { isDecimalText } from "./activityModel";
import { activityProblem } from "./activityProblem";
import { useActivitySettings, useSaveSettings } from "./activityQueries";

export function SettingsDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useActivitySettings();
  return (
    <Drawer open width={760} title={t("activities.settingsDrawer.title")} onClose={onClose} data-testid="activity-settings">
      {settings.isPending && <Skeleton active />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} testId="activity-settings-load-error" />}
      {settings.data && <SettingsForm initial={settings.data} onClose={onClose} />}
    </Drawer>
  );
}

/** The cap as typed: empty is no cap. */
type Draft = Omit<ActivitySettings, "monthly_budget_cap"> & { cap: string };

function SettingsForm({ initial, onClose }: { initial: ActivitySettings; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const segments = useQuery({ queryKey: queryKeys.segments(), queryFn: segmentsList });
  const [draft, setDraft] = useState<Draft>({
    groups: initial.groups, slots: initial.slots, cadence: initial.cadence, cap: initial.monthly_budget_cap ?? "",
  });
  const save = useSaveSettings();
  const refused = save.isError ? activityProblem(t, save.error) : null;
  const setGroup = (i: number, patch: Partial<FanGroup>) =>
    setDraft((d) => ({ ...d, groups: d.groups.map((g, j) => (j === i ? { ...g, ...patch } : g)) }));
  const setSlot = (i: number, patch: Partial<Slot>) =>
    setDraft((d) => ({ ...d, slots: d.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  // What cannot be sent at all: a cap that is no number, an emptied number box.
  const cap = draft.cap.trim();
  const holdBack = cap !== "" && !isDecimalText(cap) ? t("activities.settingsDrawer.capNotNumber")
    : !Number.isFinite(draft.cadence) || draft.groups.some((g) => !Number.isFinite(g.members)) ? t("activities.editor.needNumber") : null;
  const submit = () => {
    const groups = draft.groups.map((g) => {
      const out: FanGroup = { name: g.name, platform: g.platform, members: g.members };
      if (g.segment) out.segment = g.segment;
      return out;
    });
    save.mutate({ groups, slots: draft.slots, cadence: draft.cadence, monthly_budget_cap: cap === "" ? null : cap }, {
      onSuccess: () => {
        void message.success(t("activities.settingsDrawer.saved"));
        onClose();
      },
    });
  };

  const time = (s: string) => (dayjs(s, "HH:mm").isValid() ? dayjs(s, "HH:mm") : null);
  return (
    <Form layout="vertical" requiredMark={false} component="div">
      <Form.Item label={t("activities.settingsDrawer.groups")} extra={t("activities.settingsDrawer.groupsHint")}>
        <Flex vertical gap={6} data-testid="activity-settings-groups">
          {draft.groups.length === 0 && <Typography.Text type="secondary">{t("activities.settingsDrawer.noGroups")}</Typography.Text>}
          {draft.groups.length > 0 && (
            <Flex gap={8} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ flex: 2, fontSize: 12 }}>{t("activities.settingsDrawer.groupName")}</Typography.Text>
              <Typography.Text type="secondary" style={{ width: 130, fontSize: 12 }}>{t("activities.settingsDrawer.platform")}</Typography.Text>
              <Typography.Text type="secondary" style={{ width: 100, fontSize: 12 }}>{t("activities.settingsDrawer.members")}</Typography.Text>
              <Typography.Text type="secondary" style={{ width: 150, fontSize: 12 }}>{t("activities.settingsDrawer.segment")}</Typography.Text>
              <span style={{ width: 32 }} />
            </Flex>
          )}
          {draft.groups.map((g, i) => (
            <Flex key={i} gap={8} align="center" data-testid="activity-settings-group">
              <Input data-testid={`group-name-${i}`} value={g.name} placeholder={t("activities.settingsDrawer.groupName")}
                aria-label={t("activities.settingsDrawer.groupName")} style={{ flex: 2 }} onChange={(e) => setGroup(i, { name: e.target.value })} />
              <Select data-testid={`group-platform-${i}`} value={g.platform} style={{ width: 130 }} aria-label={t("activities.settingsDrawer.platform")}
                options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} onChange={(platform) => setGroup(i, { platform })} />
              <InputNumber data-testid={`group-members-${i}`} min={0} precision={0} style={{ width: 100 }}
                aria-label={t("activities.settingsDrawer.members")} placeholder={t("activities.settingsDrawer.members")}
                value={Number.isFinite(g.members) ? g.members : null}
                onChange={(v) => setGroup(i, { members: v === null ? Number.NaN : Number(v) })} />
              <Select data-testid={`group-segment-${i}`} allowClear style={{ width: 150 }} value={g.segment}
                placeholder={t("activities.settingsDrawer.segmentNone")} aria-label={t("activities.settingsDrawer.segment")}
                options={(segments.data ?? []).map((s) => ({ value: s.name, label: s.name }))}
                onChange={(segment: string | undefined) => setGroup(i, { segment })} />
              <Tooltip title={t("activities.settingsDrawer.remove")}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t("activities.settingsDrawer.remove")}
                  onClick={() => setDraft((d) => ({ ...d, groups: d.groups.filter((_, j) => j !== i) }))} />
              </Tooltip>
            </Flex>
          ))}
          <div>
            <Button size="small" icon={<PlusOutlined />} data-testid="group-add"
              onClick={() => setDraft((d) => ({ ...d, groups: [...d.groups, { name: "", platform: "taobao", members: 0 }] }))}>
              {t("activities.settingsDrawer.addGroup")}
            </Button>
          </div>
        </Flex>
      </Form.Item>
      <Form.Item label={t("activities.settingsDrawer.slots")} extra={t("activities.settingsDrawer.slotsHint")}>
        <Flex vertical gap={6}>
          {draft.slots.map((s, i) => (
            <Flex key={i} gap={8} align="center" data-testid="activity-settings-slot">
              <TimePicker format="HH:mm" allowClear={false} needConfirm={false} minuteStep={5} value={time(s.start)}
                data-testid={`slot-start-${i}`} onChange={(d) => d && setSlot(i, { start: d.format("HH:mm") })} />
              <span>–</span>
              <TimePicker format="HH:mm" allowClear={false} needConfirm={false} minuteStep={5} value={time(s.end)}
                data-testid={`slot-end-${i}`} onChange={(d) => d && setSlot(i, { end: d.format("HH:mm") })} />
              <Button type="text" icon={<DeleteOutlined />} aria-label={t("activities.settingsDrawer.remove")}
                onClick={() => setDraft((d) => ({ ...d, slots: d.slots.filter((_, j) => j !== i) }))} />
            </Flex>
          ))}
          <div>
            <Button size="small" icon={<PlusOutlined />} data-testid="slot-add"
              onClick={() => setDraft((d) => ({ ...d, slots: [...d.slots, { start: "20:00", end: "21:00" }] }))}>
              {t("activities.settingsDrawer.addSlot")}
            </Button>
          </div>
        </Flex>
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item label={t("activities.settingsDrawer.cadence")} extra={t("activities.settingsDrawer.cadenceHint")} style={{ flex: 1, minWidth: 220 }}>
          <Space.Compact>
            <InputNumber data-testid="activity-cadence" min={1} precision={0} style={{ width: 90 }}
              value={Number.isFinite(draft.cadence) ? draft.cadence : null}
              onChange={(v) => setDraft((d) => ({ ...d, cadence: v === null ? Number.NaN : Number(v) }))} />
            <Space.Addon>{t("activities.settingsDrawer.cadenceUnit")}</Space.Addon>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t("activities.settingsDrawer.cap")} extra={t("activities.settingsDrawer.capHint")} style={{ flex: 1, minWidth: 220 }}>
          <Input data-testid="activity-cap" value={draft.cap} inputMode="decimal" placeholder={t("activities.settingsDrawer.capPlaceholder")}
            style={{ maxWidth: 200 }} onChange={(e) => setDraft((d) => ({ ...d, cap: e.target.value }))} />
        </Form.Item>
      </Flex>
      <Flex vertical gap={8}>
        {holdBack && <Typography.Text type="secondary" data-testid="activity-settings-incomplete">{holdBack}</Typography.Text>}
        {refused && <Alert type="error" showIcon data-testid="activity-settings-error" data-code={refused.code} message={refused.text} />}
        {save.isError && !refused && <ErrorAlert error={save.error} testId="activity-settings-error" />}
        <Space>
          <Button onClick={onClose}>{t("activities.settingsDrawer.cancel")}</Button>
          <Button type="primary" data-testid="activity-settings-save" disabled={!!holdBack} loading={save.isPending} onClick={submit}>
            {t("activities.settingsDrawer.save")}
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}
