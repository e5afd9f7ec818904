// "Suggest this month": Rust proposes days for the month's activities (the shop's cadence, never a promotion's main
// day, a few days apart) with why each day and what to watch; nothing is saved until the seller adds one. An added
// suggestion is the type's own new activity for that day (its checklist and announcement) with the suggested title,
// slot and budget.
import { useEffect, useState } from "react";
import { App, Button, Card, Empty, Flex, Modal, Skeleton, Space, Tag, Typography } from "antd";
import { CheckOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Suggestion } from "../../bindings/Suggestion";
import { activityNew, activitySave, activitySuggest } from "../../ipc/commands";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatDay } from "../care/careModel";
import { fromSuggestion, type Namer } from "./activityModel";
import { useRefreshActivities } from "./activityQueries";
import { ClashList, WhyList } from "./Warnings";

type Props = { month: string; namer: Namer; typeName: (key: string) => string; onClose: () => void };

/** Saves one suggestion as an activity. */
async function addSuggestion(s: Suggestion) {
  const base = await activityNew(s.type, s.date);
  return activitySave(fromSuggestion(base, s));
}

export function SuggestModal({ month, namer, typeName, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshActivities();
  // Asked once when opened: the list stays put while suggestions are added (adding one would change what Rust suggests).
  const suggest = useMutation({ mutationFn: activitySuggest });
  const { mutate } = suggest;
  useEffect(() => mutate(month), [mutate, month]);
  const [added, setAdded] = useState<ReadonlySet<number>>(new Set());
  const list = suggest.data?.activities ?? [];

  const add = useMutation({
    mutationFn: async (indexes: number[]) => {
      const done: number[] = [];
      try {
        for (const i of indexes) {
          await addSuggestion(list[i]);
          done.push(i);
        }
      } finally {
        setAdded((prev) => new Set([...prev, ...done]));
        void refresh();
      }
      return done.length;
    },
    onSuccess: (count, indexes) => {
      if (indexes.length > 1) void message.success(t("activities.suggestModal.addedAll", { count }));
    },
  });
  const open = list.map((_, i) => i).filter((i) => !added.has(i));

  return (
    <Modal open width={760} title={t("activities.suggestModal.title", { month: namer.month(month) })} onCancel={onClose}
      data-testid="activity-suggest-modal"
      footer={
        <Space>
          <Button onClick={onClose}>{t("activities.editor.close")}</Button>
          <Button type="primary" icon={<PlusOutlined />} data-testid="suggest-add-all" disabled={open.length === 0}
            loading={add.isPending && (add.variables?.length ?? 0) > 1} onClick={() => add.mutate(open)}>
            {t("activities.suggestModal.addAll")}
          </Button>
        </Space>
      }>
      <Typography.Paragraph type="secondary">{t("activities.suggestModal.hint")}</Typography.Paragraph>
      {suggest.isPending && <Skeleton active />}
      {suggest.isError && <ErrorAlert error={suggest.error} testId="activity-suggest-error" onRetry={() => mutate(month)} />}
      {add.isError && <ErrorAlert error={add.error} testId="activity-suggest-add-error" />}
      {suggest.isSuccess && list.length === 0 && <Empty description={t("activities.suggestModal.empty")} />}
      <Flex vertical gap={10}>
        {list.map((s, i) => (
          <Card key={`${s.date}-${i}`} size="small" data-testid="activity-suggestion" data-date={s.date} data-type={s.type}>
            <Flex justify="space-between" align="flex-start" gap={12}>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Space wrap size={8}>
                  <Typography.Text strong>{formatDay(s.date, i18n.language)}</Typography.Text>
                  <Tag bordered={false} style={{ marginInlineEnd: 0 }}>{`${s.slot_start}–${s.slot_end}`}</Tag>
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>{typeName(s.type)}</Tag>
                  <Typography.Text data-testid="activity-suggestion-title">{s.title}</Typography.Text>
                </Space>
                {s.budget.length > 0 && (
                  <Space wrap size={12}>
                    {s.budget.map((l, j) => (
                      <Typography.Text key={j} type="secondary" style={{ fontSize: 12 }}>{l.label} <Money value={l.amount} /></Typography.Text>
                    ))}
                  </Space>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("activities.suggestModal.why")}</Typography.Text>
                <WhyList why={s.why} namer={namer} />
                {s.clashes.length > 0 && (
                  <>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("activities.suggestModal.clashes")}</Typography.Text>
                    <ClashList clashes={s.clashes} namer={namer} testId="activity-suggestion-clashes" />
                  </>
                )}
              </Flex>
              {added.has(i) ? (
                <Tag color="success" icon={<CheckOutlined />} data-testid={`suggest-added-${i}`}>{t("activities.suggestModal.added")}</Tag>
              ) : (
                <Button size="small" icon={<PlusOutlined />} data-testid={`suggest-add-${i}`}
                  loading={add.isPending && add.variables?.length === 1 && add.variables[0] === i} disabled={add.isPending}
                  onClick={() => add.mutate([i])}>
                  {t("activities.suggestModal.add")}
                </Button>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Modal>
  );
}
