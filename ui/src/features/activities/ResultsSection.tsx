// A saved activity's results: the seller counts participants and new members; Rust counts the orders its customers
// placed in the window after it, and works out revenue, cost and the return on cost. The ROI is a ratio (not money),
// shown as a percentage.
import { useState } from "react";
import { Alert, Button, Descriptions, Flex, InputNumber, Space, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ActivityResults } from "../../bindings/ActivityResults";
import { activityResults } from "../../ipc/commands";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatPercent } from "../../components/format";
import { formatDay } from "../care/careModel";
import { activityProblem } from "./activityProblem";
import { useRefreshActivities } from "./activityQueries";

type Props = { id: number; results: ActivityResults | null };

export function ResultsSection({ id, results }: Props) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshActivities();
  const [participants, setParticipants] = useState<number | null>(results?.participants ?? 0);
  const [newMembers, setNewMembers] = useState<number | null>(results?.new_members ?? 0);
  const save = useMutation({
    mutationFn: () => activityResults(id, participants ?? 0, newMembers ?? 0),
    onSuccess: () => void refresh(),
  });
  const shown = save.data ?? results;
  const refused = save.isError ? activityProblem(t, save.error) : null;

  return (
    <Flex vertical gap={12} data-testid="activity-results">
      <Typography.Text type="secondary">{t("activities.results.hint")}</Typography.Text>
      <Space wrap align="end">
        <Flex vertical gap={4}>
          <Typography.Text>{t("activities.results.participants")}</Typography.Text>
          <InputNumber data-testid="activity-participants" min={0} precision={0} value={participants} onChange={setParticipants} />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text>{t("activities.results.newMembers")}</Typography.Text>
          <InputNumber data-testid="activity-new-members" min={0} precision={0} value={newMembers} onChange={setNewMembers} />
        </Flex>
        <Button type="primary" data-testid="activity-results-save" loading={save.isPending}
          disabled={participants === null || newMembers === null} onClick={() => save.mutate()}>
          {t("activities.results.save")}
        </Button>
      </Space>
      {refused && <Alert type="error" showIcon data-testid="activity-results-error" data-code={refused.code} message={refused.text} />}
      {save.isError && !refused && <ErrorAlert error={save.error} testId="activity-results-error" />}
      {save.isSuccess && <Typography.Text type="success" data-testid="activity-results-saved">{t("activities.results.saved")}</Typography.Text>}
      {shown && (
        <Descriptions size="small" column={1} bordered data-testid="activity-results-figures">
          <Descriptions.Item label={t("activities.results.orders")}>
            <span data-testid="activity-orders">{new Intl.NumberFormat(i18n.language).format(shown.orders)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("activities.results.revenue")}><Money value={shown.revenue} testId="activity-revenue" /></Descriptions.Item>
          <Descriptions.Item label={t("activities.results.cost")}><Money value={shown.cost} testId="activity-cost" /></Descriptions.Item>
          <Descriptions.Item label={t("activities.results.roi")}>
            <span data-testid="activity-roi" data-value={shown.roi ?? ""}>
              {shown.roi === null ? t("activities.results.roiNone") : formatPercent(shown.roi, i18n.language)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("activities.results.attributedTo")}>
            <span data-testid="activity-attributed" data-value={shown.attributed_to}>
              {t(`activities.results.attribution.${shown.attributed_to}`)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("activities.results.windowEnd")}>
            <span data-testid="activity-window-end">{formatDay(shown.window_end, i18n.language, true)}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}
