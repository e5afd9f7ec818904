// Saved segments: each with its live customer count, edited in a drawer, deleted, or opened as a customer list.
import { useState, type HTMLAttributes } from "react";
import { App, Button, Card, Popconfirm, Space, Table, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Segment } from "../../bindings/Segment";
import { segmentDelete, segmentsList } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { emptyFilter } from "./filterModel";
import { LiveCount } from "./LiveCount";
import { SegmentEditor, type SegmentDraft } from "./SegmentEditor";
import { SEGMENT_TEMPLATES, templateFilter } from "./segmentTemplates";

export function SegmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const { locale, timeZone } = useDisplay();
  const [draft, setDraft] = useState<SegmentDraft | null>(null);
  const list = useQuery({ queryKey: queryKeys.segments(), queryFn: segmentsList });
  const segments = list.data ?? [];

  const remove = useMutation({
    mutationFn: (s: Segment) => segmentDelete(s.id),
    onSuccess: async (_, s) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ["segments"] }),
        client.invalidateQueries({ queryKey: ["customers"] }),
      ]);
      message.success(t("segments.page.deleted", { name: s.name }));
    },
    onError: notifyError,
  });

  const startNew = () => setDraft({ name: "", filter: emptyFilter() });
  const fromTemplate = (id: string) => {
    const tpl = SEGMENT_TEMPLATES.find((x) => x.id === id);
    if (tpl) setDraft({ name: t(`segments.template.${id}.name`), filter: templateFilter(tpl) });
  };

  const columns = [
    { key: "name", title: t("segments.page.col.name"), render: (_: unknown, s: Segment) => <Typography.Text strong>{s.name}</Typography.Text> },
    {
      key: "count", title: t("segments.page.col.count"), width: 260,
      render: (_: unknown, s: Segment) => <LiveCount filter={s.filter} delayMs={0} testId="segment-row-count" />,
    },
    {
      key: "updated", title: t("segments.page.col.updated"), width: 170,
      render: (_: unknown, s: Segment) => formatDate(s.updated_at, locale, timeZone, "dateTime"),
    },
    {
      key: "actions", title: t("segments.page.col.actions"), width: 300,
      render: (_: unknown, s: Segment) => (
        <Space size={4} wrap>
          <Button size="small" type="link" icon={<TeamOutlined />} data-testid="segment-show"
            onClick={() => navigate(`/customers?segment=${s.id}`)}>{t("segments.page.show")}</Button>
          <Button size="small" type="link" icon={<EditOutlined />} data-testid="segment-edit"
            onClick={() => setDraft({ id: s.id, name: s.name, filter: s.filter })}>{t("segments.page.edit")}</Button>
          <Popconfirm title={t("segments.page.deleteConfirm", { name: s.name })} okText={t("segments.page.deleteOk")}
            cancelText={t("segments.page.cancel")} okButtonProps={{ danger: true, "data-testid": "segment-delete-ok" }}
            onConfirm={() => remove.mutateAsync(s).catch(() => undefined)}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="segment-delete">
              {t("segments.page.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const empty = list.isSuccess && segments.length === 0;
  return (
    <div data-testid="page-segments">
      <PageHeader title={t("segments.page.title")} subtitle={t("segments.page.subtitle")}
        extra={<Button type="primary" icon={<PlusOutlined />} data-testid="segments-new" onClick={startNew}>
          {t("segments.page.new")}</Button>} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card>
        {empty ? (
          <EmptyState testId="segments-empty" title={t("segments.page.emptyTitle")} description={t("segments.page.emptyText")}
            actions={
              <Space wrap style={{ justifyContent: "center" }}>
                {SEGMENT_TEMPLATES.map((tpl) => (
                  <Button key={tpl.id} data-testid="segments-template" data-template={tpl.id} title={t(`segments.template.${tpl.id}.hint`)}
                    onClick={() => fromTemplate(tpl.id)}>{t(`segments.template.${tpl.id}.name`)}</Button>
                ))}
              </Space>
            } />
        ) : (
          <Table<Segment> data-testid="segments-table" rowKey="id" size="middle" columns={columns} dataSource={segments}
            loading={list.isLoading} pagination={false}
            onRow={(s) => ({ "data-testid": "segment-row", "data-name": s.name }) as HTMLAttributes<HTMLElement>} />
        )}
      </Card>
      {draft && <SegmentEditor draft={draft} segments={segments} onClose={() => setDraft(null)} />}
    </div>
  );
}
