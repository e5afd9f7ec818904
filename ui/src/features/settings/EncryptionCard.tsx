// Encryption of the archive: whether it is encrypted, and turning it on, to a new passphrase, or off. Each rewrites the
// archive and the backups in its folder under the new key (Rust checks the passphrase's length and the current one);
// the form only checks that the new passphrase was typed the same twice and that the seller has read the warning that a
// lost passphrase cannot be recovered.
import { useState } from "react";
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { LockOutlined, UnlockOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { EncryptionReport } from "../../bindings/EncryptionReport";
import { archiveLock, encryptionChange, encryptionDisable, encryptionEnable } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";

type Mode = "enable" | "change" | "disable";
type Values = { current?: string; next?: string; confirm?: string; understood?: boolean };

export function EncryptionCard() {
  const { t } = useTranslation();
  const lock = useQuery({ queryKey: queryKeys.archiveLock(), queryFn: archiveLock, retry: false });
  const [mode, setMode] = useState<Mode | null>(null);
  const encrypted = lock.data?.encrypted ?? false;
  return (
    <Card title={t("encryption.title")} className="laoke-settings" style={{ marginTop: 16 }} data-testid="encryption-card">
      {lock.isError && <ErrorAlert error={lock.error} onRetry={() => void lock.refetch()} />}
      {lock.data && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <div>
            {encrypted
              ? <Tag color="green" icon={<LockOutlined />} data-testid="encryption-state" data-encrypted="true">{t("encryption.on")}</Tag>
              : <Tag icon={<UnlockOutlined />} data-testid="encryption-state" data-encrypted="false">{t("encryption.off")}</Tag>}
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(encrypted ? "encryption.introOn" : "encryption.introOff")}
          </Typography.Paragraph>
          <Space wrap>
            {!encrypted && (
              <Button type="primary" icon={<LockOutlined />} onClick={() => setMode("enable")} data-testid="encryption-enable">
                {t("encryption.enable")}
              </Button>
            )}
            {encrypted && (
              <>
                <Button onClick={() => setMode("change")} data-testid="encryption-change">{t("encryption.change")}</Button>
                <Button danger onClick={() => setMode("disable")} data-testid="encryption-disable">{t("encryption.disable")}</Button>
              </>
            )}
          </Space>
        </Space>
      )}
      {mode && <EncryptionModal mode={mode} onClose={() => setMode(null)} />}
    </Card>
  );
}

function EncryptionModal({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values): Promise<EncryptionReport> => {
      if (mode === "enable") return encryptionEnable(v.next ?? "");
      if (mode === "change") return encryptionChange(v.current ?? "", v.next ?? "");
      return encryptionDisable(v.current ?? "");
    },
    onSuccess: (r) => {
      client.setQueryData(queryKeys.archiveLock(), { encrypted: r.encrypted, unlocked: true });
      void client.invalidateQueries({ queryKey: queryKeys.backups() });
      message.success(t(`encryption.done.${mode}`, { backups: r.backups_converted }));
      if (r.backups_unreadable.length > 0) {
        message.warning(t("encryption.unreadable", { files: r.backups_unreadable.join(", ") }), 10);
      }
      onClose();
    },
  });
  const asksCurrent = mode !== "enable";
  const asksNext = mode !== "disable";
  return (
    // While the files are rewritten the dialog stays: its outcome (or failure) is shown here.
    <Modal open title={t(`encryption.titles.${mode}`)} onCancel={onClose} destroyOnHidden maskClosable={false}
      closable={!change.isPending} keyboard={!change.isPending} cancelButtonProps={{ disabled: change.isPending }}
      okText={t(`encryption.confirm.${mode}`)} okButtonProps={{ danger: mode === "disable", loading: change.isPending, "data-testid": "encryption-ok" }}
      onOk={() => form.submit()}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}
        onValuesChange={() => change.reset()}>
        {asksNext && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("encryption.warning")} data-testid="encryption-warning" />
        )}
        {mode === "disable" && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("encryption.disableNote")} />
        )}
        {asksCurrent && (
          <Form.Item name="current" label={t("encryption.current")} rules={[{ required: true, message: t("encryption.required") }]}>
            <Input.Password autoFocus autoComplete="current-password" data-testid="encryption-current" />
          </Form.Item>
        )}
        {asksNext && (
          <>
            <Form.Item name="next" label={t("encryption.next")} extra={t("encryption.nextHint")}
              rules={[{ required: true, message: t("encryption.required") }]}>
              <Input.Password autoFocus={!asksCurrent} autoComplete="new-password" data-testid="encryption-next" />
            </Form.Item>
            <Form.Item name="confirm" label={t("encryption.again")} dependencies={["next"]}
              rules={[{ required: true, message: t("encryption.required") }, ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue("next")
                  ? Promise.resolve() : Promise.reject(new Error(t("encryption.mismatch")))),
              })]}>
              <Input.Password autoComplete="new-password" data-testid="encryption-confirm" />
            </Form.Item>
            <Form.Item name="understood" valuePropName="checked"
              rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t("encryption.understoodRequired")))) }]}>
              <Checkbox data-testid="encryption-understood">{t("encryption.understood")}</Checkbox>
            </Form.Item>
          </>
        )}
        {change.isError && <ErrorAlert error={change.error} testId="encryption-error" />}
      </Form>
    </Modal>
  );
}
