// Backups: the daily backup and how many backups are kept (saved through `backup_schedule_save`, Rust checks the
// number), a backup now to a file chosen in the save dialog, the backup folder's automatic backups, and a restore —
// from one of those or from a file — always through the preview in RestoreModal.
import { useState } from "react";
import { App, Button, Card, Form, InputNumber, Skeleton, Space, Switch, Table, Typography } from "antd";
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { BackupInfo } from "../../bindings/BackupInfo";
import type { BackupSchedule } from "../../bindings/BackupSchedule";
import { backupCreate, backupRestore, backupSchedule, backupScheduleSave, backups } from "../../ipc/commands";
import { pickOneFile, pickSaveTarget } from "../../ipc/shell";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatBytes, formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { RestoreModal } from "./RestoreModal";

const BACKUP_EXTENSIONS = ["db"];

/** The schedule as edited; `keep` is null while its box is emptied (nothing to send then). */
type Draft = { daily: boolean; keep: number | null };

export function BackupsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useErrorNotice();
  const schedule = useQuery({ queryKey: queryKeys.backupSchedule(), queryFn: backupSchedule });
  const list = useQuery({ queryKey: queryKeys.backups(), queryFn: backups });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restorePath, setRestorePath] = useState<string | null>(null);

  const values: Draft | undefined = draft ?? schedule.data;
  const dirty = !!(draft && schedule.data && (draft.daily !== schedule.data.daily || draft.keep !== schedule.data.keep));
  const refreshList = () => client.invalidateQueries({ queryKey: queryKeys.backups() });

  const saveSchedule = useMutation({
    mutationFn: (s: BackupSchedule) => backupScheduleSave(s),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.backupSchedule(), saved);
      setDraft(null);
      message.success(t("settings.backups.scheduleSaved"));
      void refreshList(); // a smaller keep deletes the oldest backups
    },
  });
  const edit = (next: Draft) => {
    saveSchedule.reset();
    setDraft(next);
  };

  const backupNow = useMutation({
    mutationFn: async () => {
      const name = t("settings.backups.fileName", { date: dayjs().format("YYYY-MM-DD") });
      const path = await pickSaveTarget(name, t("settings.backups.filter"), BACKUP_EXTENSIONS);
      return path ? { path, made: await backupCreate(path) } : null;
    },
    onSuccess: (r) => {
      if (!r) return;
      message.success(t("settings.backups.created", { path: r.made?.path ?? r.path }));
      void refreshList();
    },
    onError: notifyError,
  });

  const chooseFile = useMutation({
    mutationFn: () => pickOneFile(t("settings.backups.filter"), BACKUP_EXTENSIONS),
    onSuccess: (path) => path && setRestorePath(path),
    onError: notifyError,
  });

  const restore = useMutation({
    mutationFn: (path: string) => backupRestore(path),
    onSuccess: (p) => {
      setRestorePath(null);
      const n = (v: number) => formatCount(v, i18n.language);
      message.success(t("settings.backups.restored", { customers: n(p.customers), orders: n(p.orders) }));
      // Everything else is made stale by the data-changed event the restore emits.
      void refreshList();
    },
    onError: notifyError,
  });

  return (
    <Card title={t("settings.backups.title")} className="laoke-settings laoke-settings-wide" style={{ marginTop: 16 }}
      data-testid="settings-backups">
      <Typography.Paragraph type="secondary">{t("settings.backups.intro")}</Typography.Paragraph>
      {schedule.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {schedule.isError && <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} testId="backups-schedule-load-error" />}
      {values && (
        <Form layout="vertical" component="div">
          <Form.Item label={t("settings.backups.daily")} extra={t("settings.backups.dailyHint")} htmlFor="backups-daily">
            <Switch id="backups-daily" data-testid="backups-daily" checked={values.daily} disabled={saveSchedule.isPending}
              onChange={(daily) => edit({ ...values, daily })} />
          </Form.Item>
          <Form.Item label={t("settings.backups.keep")} extra={t("settings.backups.keepHint")} htmlFor="backups-keep">
            <Space.Compact>
              <InputNumber<number> id="backups-keep" data-testid="backups-keep" value={values.keep} precision={0}
                disabled={saveSchedule.isPending} style={{ width: 120 }} onChange={(keep) => edit({ ...values, keep })} />
              <Space.Addon>{t("settings.backups.keepUnit")}</Space.Addon>
            </Space.Compact>
          </Form.Item>
          {saveSchedule.isError && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={saveSchedule.error} type="warning" testId="backups-schedule-error" />
            </div>
          )}
          <Button type="primary" data-testid="backups-schedule-save" loading={saveSchedule.isPending}
            disabled={!dirty || values.keep === null}
            onClick={() => values.keep !== null && saveSchedule.mutate({ daily: values.daily, keep: values.keep })}>
            {t("common.save")}
          </Button>
        </Form>
      )}

      <Space wrap style={{ marginTop: 24, marginBottom: 12 }}>
        <Button icon={<SaveOutlined />} data-testid="backups-now" loading={backupNow.isPending} onClick={() => backupNow.mutate()}>
          {t("settings.backups.now")}
        </Button>
        <Button icon={<FolderOpenOutlined />} data-testid="backups-restore-file" loading={chooseFile.isPending}
          onClick={() => chooseFile.mutate()}>
          {t("settings.backups.restoreFile")}
        </Button>
      </Space>

      <Typography.Title level={5}>{t("settings.backups.listTitle")}</Typography.Title>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} testId="backups-list-error" />}
      <Table<BackupInfo>
        size="small"
        rowKey="path"
        data-testid="backups-list"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={(list.data?.length ?? 0) > 10 ? { pageSize: 10, size: "small" } : false}
        locale={{ emptyText: t("settings.backups.empty") }}
        onRow={(b) => ({ "data-testid": "backup-row", "data-name": b.name } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t("settings.backups.name"), dataIndex: "name",
            render: (name: string) => <Typography.Text style={{ wordBreak: "break-all" }}>{name}</Typography.Text> },
          { title: t("settings.backups.size"), dataIndex: "bytes", width: 110, align: "right",
            render: (bytes: number) => formatBytes(bytes, i18n.language) },
          { title: "", key: "restore", width: 110, align: "right",
            render: (_: unknown, b) => (
              <Button size="small" type="link" icon={<CloudDownloadOutlined />} data-testid={`backup-restore-${b.name}`}
                onClick={() => setRestorePath(b.path)}>
                {t("settings.backups.restore")}
              </Button>
            ) },
        ]}
      />

      <RestoreModal path={restorePath} restoring={restore.isPending}
        onConfirm={(path) => restore.mutate(path)} onCancel={() => setRestorePath(null)} />
    </Card>
  );
}
