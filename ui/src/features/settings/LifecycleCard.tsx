// Settings card: the customer lifecycle stage thresholds, with a live before → after preview; saved only on Save.
import { useState } from "react";
import { Alert, App, Button, Card, Flex, Form, InputNumber, Skeleton, Space, Spin, Typography } from "antd";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { StageThresholds } from "../../bindings/StageThresholds";
import { stagePreview, stageThresholdsGet, stageThresholdsSet } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { errorKey, errorParams } from "../../app/errors";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { useDebounced } from "../../components/useDebounced";
import { useErrorNotice } from "../../components/useErrorNotice";
import { FIELDS, asThresholds, blankField, sameThresholds, thresholdProblem, type Draft, type ThresholdField } from "./lifecycleModel";
import { LifecyclePreview } from "./LifecyclePreview";

const TEST_IDS: Record<ThresholdField, string> = {
  new_days: "lifecycle-new-days", active_days: "lifecycle-active-days",
  churn_days: "lifecycle-churn-days", loyal_purchases: "lifecycle-loyal-purchases",
};

export function LifecycleCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useErrorNotice();
  const saved = useQuery({ queryKey: queryKeys.stageThresholds(), queryFn: stageThresholdsGet });
  const [draft, setDraft] = useState<Draft | null>(null);

  const values: Draft | undefined = draft ?? saved.data;
  const dirty = !!(draft && saved.data && !sameThresholds(draft, saved.data));
  const blank = dirty && draft ? blankField(draft) : null;
  const proposed = dirty && draft ? asThresholds(draft) : null;
  const debounced = useDebounced(proposed, 300);
  const settled = !!(proposed && debounced && sameThresholds(proposed, debounced));

  const preview = useQuery({
    queryKey: queryKeys.stagePreview(debounced),
    queryFn: () => stagePreview(debounced as StageThresholds),
    enabled: !!proposed && !!debounced,
    placeholderData: keepPreviousData,
  });
  const refused = proposed && settled && preview.isError ? thresholdProblem(preview.error) : null;
  const label = (field: unknown) => t(`lifecycle.field.${String(field)}.label`);
  const problem = blank
    ? t("lifecycle.invalid.blank", { field: label(blank) })
    : refused && t(errorKey(refused.code), { ...errorParams(refused.details), field: label(errorParams(refused.details).field) });

  const save = useMutation({
    mutationFn: (th: StageThresholds) => stageThresholdsSet(th),
    onSuccess: async (report, th) => {
      client.setQueryData(queryKeys.stageThresholds(), th);
      setDraft(null);
      const formatted = formatCount(report.stage_changes, i18n.language);
      message.success(t("lifecycle.saved", { count: report.stage_changes, formatted }));
      await Promise.all([
        client.invalidateQueries({ queryKey: ["customers"] }),
        client.invalidateQueries({ queryKey: ["segments"] }),
      ]);
    },
    onError: notifyError,
  });

  return (
    <Card title={t("lifecycle.title")} className="laoke-settings" style={{ marginTop: 16 }} data-testid="lifecycle-card">
      {saved.isPending && <Skeleton active />}
      {saved.isError && <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} testId="lifecycle-error" />}
      {values && (
        <>
          <Typography.Paragraph type="secondary">{t("lifecycle.intro")}</Typography.Paragraph>
          <Form layout="vertical" component="div">
            {FIELDS.map(({ field, unit }) => (
              <Form.Item key={field} label={t(`lifecycle.field.${field}.label`)} extra={t(`lifecycle.field.${field}.hint`)}
                htmlFor={TEST_IDS[field]}>
                <Space.Compact>
                  <InputNumber<number> id={TEST_IDS[field]} data-testid={TEST_IDS[field]} value={values[field]}
                    disabled={save.isPending} style={{ width: 120 }} onChange={(v) => setDraft({ ...values, [field]: v })} />
                  <Space.Addon>{t(`lifecycle.unit.${unit}`)}</Space.Addon>
                </Space.Compact>
              </Form.Item>
            ))}
          </Form>
          <Typography.Paragraph type="secondary">{t("lifecycle.potentialRule")}</Typography.Paragraph>
          {problem && <Alert type="warning" showIcon message={problem} data-testid="lifecycle-invalid"
            data-code={refused?.code ?? "blank"} style={{ marginBottom: 16 }} />}
          {proposed && preview.isError && !refused && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} testId="lifecycle-preview-error" />
            </div>
          )}
          {proposed && !preview.data && !preview.isError && <Flex justify="center" style={{ marginBottom: 16 }}><Spin /></Flex>}
          {proposed && preview.data && !refused && (
            <LifecyclePreview preview={preview.data} stale={!settled || preview.isPlaceholderData || preview.isFetching} />
          )}
          <Space>
            <Button type="primary" data-testid="lifecycle-save" disabled={!proposed || !!refused} loading={save.isPending}
              onClick={() => proposed && save.mutate(proposed)}>
              {t("common.save")}
            </Button>
            <Button data-testid="lifecycle-reset" disabled={!draft || save.isPending} onClick={() => setDraft(null)}>
              {t("lifecycle.reset")}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}
