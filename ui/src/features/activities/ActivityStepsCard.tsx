// The activity steps due on a day (and the undone ones already overdue), for the Care page's Today list: tick a step
// off where it is listed; each names its activity, the step and when it is due.
import { Button, Card, Checkbox, Flex, Tag, Typography, theme } from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { ActivityStepItem } from "../../bindings/ActivityStepItem";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorNotice } from "../../components/useErrorNotice";
import { formatDay } from "../care/careModel";
import { dueParts, stepWords } from "./activityModel";
import { useTickStep } from "./activityQueries";

type Props = { date: string; steps: UseQueryResult<ActivityStepItem[]> };

export function ActivityStepsCard({ date, steps }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const notifyError = useErrorNotice();
  const tick = useTickStep(notifyError);
  const items = [...(steps.data ?? [])].sort((a, b) => a.step.due.localeCompare(b.step.due));
  const busy = (s: ActivityStepItem) =>
    tick.isPending && tick.variables?.id === s.activity_id && tick.variables.step === s.step.index;

  return (
    <Card data-testid="activity-steps-card" data-count={items.length}
      title={
        <Flex gap={8} align="baseline">
          <span>{t("activities.todaySteps.title")}</span>
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {t("activities.todaySteps.count", { count: items.length })}
          </Typography.Text>
        </Flex>
      }
      extra={<Button type="link" size="small" onClick={() => navigate("/activities")}>{t("activities.todaySteps.open")}</Button>}
      styles={{ body: { display: "flex", flexDirection: "column", gap: 8 } }}>
      {steps.isError && <ErrorAlert error={steps.error} onRetry={() => void steps.refetch()} testId="activity-steps-error" />}
      {items.map((s) => {
        const due = dueParts(s.step.due);
        const overdue = due.date < date;
        const words = stepWords(s.step);
        return (
          <Flex key={`${s.activity_id}-${s.step.index}`} gap={10} align="flex-start" data-testid="activity-step-item"
            data-activity-id={s.activity_id} data-step={s.step.index} data-done={s.step.done} data-overdue={overdue}
            style={{ border: `1px solid ${overdue ? token.colorErrorBorder : token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG,
              padding: "8px 12px", background: s.step.done ? token.colorFillQuaternary : token.colorBgContainer }}>
            <Checkbox data-testid={`activity-step-${s.activity_id}-${s.step.index}`} checked={s.step.done} disabled={busy(s)}
              aria-label={t("activities.editor.done")}
              onChange={(e) => tick.mutate({ id: s.activity_id, step: s.step.index, done: e.target.checked })} />
            <Flex vertical style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong delete={s.step.done}>{typeof words === "string" ? words : t(words.key, words.params)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {s.title} · {formatDay(s.activity_date, i18n.language)}
              </Typography.Text>
            </Flex>
            <Flex vertical align="flex-end" gap={2} style={{ flex: "none" }}>
              <Tag bordered={false} style={{ marginInlineEnd: 0 }} data-testid="activity-step-due">
                {overdue ? t("activities.todaySteps.dueOn", { date: formatDay(due.date, i18n.language), time: due.time })
                  : t("activities.todaySteps.dueAt", { time: due.time })}
              </Tag>
              {overdue && !s.step.done && (
                <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="activity-step-overdue">{t("activities.todaySteps.overdue")}</Tag>
              )}
            </Flex>
          </Flex>
        );
      })}
    </Card>
  );
}
