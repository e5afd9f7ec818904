// The care rules: each with its on/off switch, its trigger in words, channel, send time and priority; edit, delete,
// or start a new one blank or from a starter (birthday, follow-up after shipping, win-back, 中秋).
import { useState } from "react";
import { App, Button, Card, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import type { ButtonProps } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CareRule } from "../../bindings/CareRule";
import { careRuleDelete, careRuleEnable } from "../../ipc/commands";
import { useDisplay } from "../../app/shopQueries";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDate } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { describeTrigger, newRule, STARTERS, starterRule } from "./careModel";
import { useCareRules, useFestivals } from "./careQueries";
import { CHANNEL_COLORS } from "./MessageItem";
import { RuleEditor } from "./RuleEditor";

export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const { locale } = useDisplay();
  const rules = useCareRules();
  const list = rules.data ?? [];
  const { name: festival } = useFestivals(list.some((r) => r.trigger.kind === "festival"));
  const [editing, setEditing] = useState<CareRule | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: ["care"] });
  const enable = useMutation({
    mutationFn: (r: { id: number; enabled: boolean }) => careRuleEnable(r.id, r.enabled),
    onSuccess: () => void refresh(),
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (r: CareRule) => careRuleDelete(r.id!),
    onSuccess: (_, r) => {
      void message.success(t("care.rules.deleted", { name: r.name }));
      void refresh();
    },
    onError: notifyError,
  });

  const date = (d: string) => formatDate(d, locale, "UTC");
  const columns = [
    {
      key: "enabled", title: t("care.rules.col.enabled"), width: 70,
      render: (_: unknown, r: CareRule) => (
        <Switch size="small" data-testid="care-rule-enabled" aria-label={t("care.rules.col.enabled")}
          checked={enable.isPending && enable.variables?.id === r.id ? enable.variables.enabled : r.enabled}
          loading={enable.isPending && enable.variables?.id === r.id}
          onChange={(enabled) => enable.mutate({ id: r.id!, enabled })} />
      ),
    },
    {
      key: "name", title: t("care.rules.col.name"),
      render: (_: unknown, r: CareRule) => (
        <Flex vertical>
          <Typography.Text strong data-testid="care-rule-name">{r.name}</Typography.Text>
          <Typography.Text type="secondary" data-testid="care-rule-trigger-text">{describeTrigger(t, r.trigger, festival, date)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="care-rule-target-text">
            {!r.target ? t("care.rules.targetEveryone")
              : "segment" in r.target ? t("care.rules.targetSegment", { name: r.target.segment })
              : "tier" in r.target ? t("care.rules.targetTier", { name: r.target.tier }) : t("care.rules.targetFilter")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "channel", title: t("care.rules.col.channel"), width: 110,
      render: (_: unknown, r: CareRule) => <Tag color={CHANNEL_COLORS[r.channel]}>{t(`care.channel.${r.channel}`)}</Tag>,
    },
    { key: "send_at", title: t("care.rules.col.sendAt"), width: 90, render: (_: unknown, r: CareRule) => r.send_at },
    {
      key: "priority", title: t("care.rules.col.priority"), width: 110,
      render: (_: unknown, r: CareRule) => {
        const p = r.trigger.kind === "unpaid" ? "transactional" : r.priority;
        return <Tag color={p === "marketing" ? "gold" : p === "care" ? "cyan" : "default"}>{t(`care.priority.${p}`)}</Tag>;
      },
    },
    {
      key: "actions", title: t("care.rules.col.actions"), width: 190,
      render: (_: unknown, r: CareRule) => (
        <Space size={4}>
          <Button size="small" type="link" icon={<EditOutlined />} data-testid="care-rule-edit" onClick={() => setEditing(r)}>
            {t("care.rules.edit")}
          </Button>
          <Popconfirm title={t("care.rules.deleteConfirm", { name: r.name })} description={t("care.rules.deleteHint")}
            okText={t("care.rules.delete")} cancelText={t("common.cancel")}
            okButtonProps={{ danger: true, "data-testid": "care-rule-delete-ok" } as ButtonProps}
            onConfirm={() => remove.mutateAsync(r).catch(() => undefined)}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="care-rule-delete">{t("care.rules.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const starters = (
    <Flex gap={6} wrap align="center">
      <Typography.Text type="secondary">{t("care.rules.starters")}</Typography.Text>
      {STARTERS.map((s) => (
        <Button key={s.id} size="small" type="dashed" data-testid="care-rule-starter" data-starter={s.id}
          title={t(`care.starter.${s.id}.hint`)} onClick={() => setEditing(starterRule(s, t))}>
          {t(`care.starter.${s.id}.name`)}
        </Button>
      ))}
    </Flex>
  );

  return (
    <Card
      title={t("care.rules.title")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="care-rule-new" onClick={() => setEditing(newRule())}>
          {t("care.rules.new")}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        {starters}
        {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} testId="care-rules-error" />}
        {rules.data && list.length === 0 ? (
          <EmptyState testId="care-rules-empty" title={t("care.rules.emptyTitle")} description={t("care.rules.emptyHint")} />
        ) : (
          <Table<CareRule> rowKey={(r) => String(r.id)} data-testid="care-rules" loading={rules.isPending} dataSource={list}
            columns={columns} pagination={false} size="middle"
            onRow={() => ({ "data-testid": "care-rule-row" }) as React.HTMLAttributes<HTMLElement>} />
        )}
      </Flex>
      {editing && <RuleEditor initial={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
