// The drawer that creates or edits an activity. Rust previews it as it is edited (activity_preview: the total, each
// step's due time, the announcement rendered, the planner's warnings) and refuses a broken one with its code, shown
// here; Save is enabled once the preview of what is on screen is in. A saved activity's steps are ticked off here and
// its results recorded. The UI only holds back what cannot be sent at all (a budget amount that is no number, an
// emptied number box, no segment or tier picked).
import { useCallback, useMemo, useState } from "react";
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Popconfirm, Row, Space, Typography } from "antd";
import { CopyOutlined, DeleteOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../bindings/Activity";
import type { ActivityView } from "../../bindings/ActivityView";
import { activityDelete, activityNew, activityPreview, activitySave } from "../../ipc/commands";
import { copyText } from "../../ipc/shell";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useDebounced } from "../../components/useDebounced";
import { useErrorNotice } from "../../components/useErrorNotice";
import { targetGap } from "../care/TargetPicker";
import { cleanActivity, unsendable, type Namer } from "./activityModel";
import { activityProblem } from "./activityProblem";
import { useActivitySettings, useActivityTypes, useRefreshActivities, useTickStep } from "./activityQueries";
import {
  AnnouncementSection, AudienceSection, BasicsSection, BudgetSection, ExtrasSection, StepsSection, type Audience, type Update,
} from "./EditorSections";
import { ResultsSection } from "./ResultsSection";
import { ClashList } from "./Warnings";

export const PREVIEW_DEBOUNCE_MS = 300;

type Props = { initial: Activity; view: ActivityView | null; namer: Namer; onClose: () => void };

export function ActivityEditor({ initial, view, namer, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const refresh = useRefreshActivities();
  const types = useActivityTypes();
  const settings = useActivitySettings();
  const [activity, setActivity] = useState<Activity>(initial);
  const [saved, setSaved] = useState<ActivityView | null>(view);
  const [audience, setAudience] = useState<Audience>(initial.target ? "target" : "groups");
  const update: Update = useCallback(
    (patch) => setActivity((a) => ({ ...a, ...(typeof patch === "function" ? patch(a) : patch) })), []);
  const id = activity.id ?? saved?.id;

  // What cannot be sent at all stays here; everything else is Rust's to judge.
  const gap = targetGap(activity.target);
  const held = unsendable(activity);
  const holdBack = held ? t(held.key, held.params) : gap ? t(gap) : null;
  const candidate = useMemo(() => (holdBack ? null : cleanActivity(activity)), [activity, holdBack]);
  const debounced = useDebounced(candidate, PREVIEW_DEBOUNCE_MS);
  const settled = !!candidate && !!debounced && JSON.stringify(candidate) === JSON.stringify(debounced);
  const preview = useQuery({
    queryKey: queryKeys.activityPreview(debounced),
    queryFn: () => activityPreview(debounced!),
    enabled: !!debounced,
    placeholderData: keepPreviousData,
  });
  const shown = preview.isError ? null : preview.data ?? null;
  const refused = preview.isError ? activityProblem(t, preview.error) : null;
  const checked = settled && preview.isSuccess && !preview.isPlaceholderData;

  const changeType = useMutation({
    mutationFn: (kind: string) => activityNew(kind, activity.date),
    // The new type's checklist, announcement and budget, as Rust makes them; the rest stays as the seller set it.
    onSuccess: (fresh) => update({ type: fresh.type, steps: fresh.steps, announcement: fresh.announcement, budget: fresh.budget }),
    onError: notifyError,
  });
  const save = useMutation({
    mutationFn: (a: Activity) => activitySave(a),
    onSuccess: (v) => {
      setSaved(v);
      setActivity({ ...v.activity, id: v.id });
      void message.success(t("activities.editor.saved", { title: v.activity.title }));
      void refresh();
    },
  });
  const saveRefused = save.isError ? activityProblem(t, save.error) : null;
  const remove = useMutation({
    mutationFn: (x: number) => activityDelete(x),
    onSuccess: () => {
      void message.success(t("activities.editor.deleted", { title: activity.title }));
      void refresh();
      onClose();
    },
    onError: notifyError,
  });
  const tick = useTickStep(notifyError);
  const onTick = useCallback((index: number, done: boolean) => {
    if (id === undefined) return;
    tick.mutate({ id, step: index, done }, {
      onSuccess: (v) => {
        setSaved(v);
        update((a) => ({ steps: a.steps.map((s, i) => (i === index ? { ...s, done: v.activity.steps[index]?.done ?? done } : s)) }));
      },
    });
  }, [id, tick, update]);
  const copy = useMutation({
    mutationFn: (text: string) => copyText(text),
    onSuccess: () => void message.success(t("activities.editor.copied")),
    onError: notifyError,
  });

  return (
    <Drawer
      open
      width={1120}
      data-testid="activity-editor"
      data-id={id ?? ""}
      title={id === undefined ? t("activities.editor.titleNew") : t("activities.editor.titleEdit", { title: saved?.activity.title ?? initial.title })}
      onClose={onClose}
      footer={
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div style={{ flex: 1, minWidth: 0 }}>
            {holdBack && <Typography.Text type="secondary" data-testid="activity-incomplete">{holdBack}</Typography.Text>}
            {!holdBack && refused && (
              <Alert type={activity === initial ? "info" : "error"} showIcon data-testid="activity-problem" data-code={refused.code}
                message={refused.text} />
            )}
            {!holdBack && preview.isError && !refused && (
              <ErrorAlert error={preview.error} testId="activity-problem" onRetry={() => void preview.refetch()} />
            )}
            {saveRefused && <Alert type="error" showIcon data-testid="activity-save-error" data-code={saveRefused.code} message={saveRefused.text} />}
            {save.isError && !saveRefused && <ErrorAlert error={save.error} testId="activity-save-error" />}
          </div>
          <Space>
            {id !== undefined && (
              <Popconfirm title={t("activities.editor.deleteConfirm", { title: activity.title })} okText={t("activities.editor.delete")}
                cancelText={t("activities.settingsDrawer.cancel")} onConfirm={() => remove.mutate(id)}>
                <Button danger icon={<DeleteOutlined />} data-testid="activity-delete" loading={remove.isPending}>
                  {t("activities.editor.delete")}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose} data-testid="activity-close">{t("activities.editor.close")}</Button>
            <Button type="primary" data-testid="activity-save" disabled={!checked || save.isPending} loading={save.isPending}
              onClick={() => candidate && save.mutate(candidate)}>
              {t("activities.editor.save")}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Form layout="vertical" requiredMark={false} component="div">
            <BasicsSection activity={activity} types={types.data ?? []} settings={settings.data} update={update}
              onType={(kind) => changeType.mutate(kind)} />
            <AudienceSection audience={audience} onAudience={setAudience} groups={activity.groups} target={activity.target}
              settings={settings.data} update={update} />
            <BudgetSection budget={activity.budget} total={settled ? shown?.total : undefined} update={update} />
            <StepsSection steps={activity.steps} due={settled ? shown?.steps : undefined} saved={id !== undefined} onTick={onTick}
              ticking={tick.isPending ? tick.variables?.step ?? null : null} update={update} />
            <AnnouncementSection announcement={activity.announcement} update={update} />
            <ExtrasSection couponPlan={activity.coupon_plan} attributionDays={activity.attribution_days} update={update} />
          </Form>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t("activities.editor.warnings")} data-testid="activity-preview"
              data-stale={!settled || preview.isFetching}>
              {shown ? <ClashList clashes={shown.warnings} namer={namer} showNone />
                : <Typography.Text type="secondary">{refused ? t("activities.editor.refusedHint") : t("activities.editor.preview")}</Typography.Text>}
            </Card>
            <Card size="small" title={t("activities.editor.rendered")}
              extra={
                <Button size="small" icon={<CopyOutlined />} data-testid="activity-copy" disabled={!shown}
                  onClick={() => shown && copy.mutate(shown.announcement)}>
                  {t("activities.editor.copy")}
                </Button>
              }>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("activities.editor.renderedHint")}</Typography.Paragraph>
              <Typography.Paragraph data-testid="activity-announcement-preview" style={{ whiteSpace: "pre-wrap", margin: 0, opacity: settled ? 1 : 0.6 }}>
                {shown?.announcement ?? "…"}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title={t("activities.results.title")}>
              {id !== undefined ? <ResultsSection key={id} id={id} results={saved?.results ?? null} />
                : <Typography.Text type="secondary">{t("activities.results.saveFirst")}</Typography.Text>}
            </Card>
          </Flex>
        </Col>
      </Row>
    </Drawer>
  );
}
