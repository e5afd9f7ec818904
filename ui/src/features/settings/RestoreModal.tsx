// The confirmation before a restore: what the backup file holds (read by `backup_preview`, nothing changed), whether
// its schema is older (upgraded on restore) or newer (this Laoke cannot restore it: the button is disabled), and that
// the current data is backed up first. Only the Restore button calls `backup_restore`.
import { Alert, Descriptions, Modal, Skeleton, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { backupPreview } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatBytes, formatCount, formatDate } from "../../components/format";

/** The computer's own time zone: a backup's last import is shown as the seller's clock read it. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Props = {
  /** The backup file to restore; the modal is open while it is set. */
  path: string | null;
  restoring: boolean;
  onConfirm: (path: string) => void;
  onCancel: () => void;
};

export function RestoreModal({ path, restoring, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const preview = useQuery({
    queryKey: queryKeys.backupPreview(path ?? ""),
    queryFn: () => backupPreview(path as string),
    enabled: path !== null,
    retry: false,
    gcTime: 0,
  });
  const p = preview.data;
  const newer = !!p && p.schema_version > p.current_schema;
  const older = !!p && p.schema_version < p.current_schema;
  const n = (v: number) => formatCount(v, i18n.language);

  return (
    <Modal
      open={path !== null}
      title={t("settings.backups.restoreTitle")}
      okText={t("settings.backups.restoreConfirm")}
      cancelText={t("settings.backups.cancel")}
      okButtonProps={{ danger: true, disabled: !p || newer, ...{ "data-testid": "backup-restore-confirm" } }}
      cancelButtonProps={{ disabled: restoring }}
      confirmLoading={restoring}
      closable={!restoring}
      maskClosable={false}
      onOk={() => path && onConfirm(path)}
      onCancel={() => !restoring && onCancel()}
      destroyOnHidden
    >
      <div data-testid="backup-preview">
        {preview.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
        {preview.isError && <ErrorAlert error={preview.error} testId="backup-preview-error" />}
        {p && (
          <>
            <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t("settings.backups.file")}>
                <Typography.Text code style={{ wordBreak: "break-all" }}>{p.path}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("settings.backups.size")}>{formatBytes(p.bytes, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t("settings.backups.contents")}>
                <span data-testid="backup-preview-counts">
                  {t("settings.countsText", { customers: n(p.customers), orders: n(p.orders) })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("settings.backups.lastImport")}>
                <span data-testid="backup-preview-last-import">
                  {p.last_import
                    ? formatDate(p.last_import, i18n.language, localZone(), "dateTime")
                    : t("settings.backups.noImport")}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("settings.schemaVersion")}>
                <span data-testid="backup-preview-schema">{p.schema_version}</span>
              </Descriptions.Item>
            </Descriptions>
            {newer && (
              <Alert type="error" showIcon data-testid="backup-preview-newer" style={{ marginBottom: 12 }}
                message={t("settings.backups.newer", { version: p.schema_version, supported: p.current_schema })} />
            )}
            {older && (
              <Alert type="info" showIcon data-testid="backup-preview-older" style={{ marginBottom: 12 }}
                message={t("settings.backups.older", { version: p.schema_version, current: p.current_schema })} />
            )}
            {!newer && (
              <Alert type="warning" showIcon data-testid="backup-preview-replace"
                message={t("settings.backups.replaceWarning")} description={t("settings.backups.safetyNote")} />
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
