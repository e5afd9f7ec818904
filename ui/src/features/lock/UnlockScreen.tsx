// The unlock screen of an encrypted archive: the passphrase, typed without being shown, opens it for this run of the
// app. A wrong one says so; there is no way around a lost one, and the screen says that too. The language setting is
// inside the locked archive, so the screen shows the language of the last run and offers both.
import { useState } from "react";
import { Button, Card, Form, Input, Segmented, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { archiveUnlock } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { applyLanguage, currentLang } from "../../app/i18n";
import { ErrorAlert } from "../../components/ErrorAlert";

export function UnlockScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const unlock = useMutation({
    mutationFn: (p: string) => archiveUnlock(p),
    onSuccess: () => {
      setPassphrase("");
      // Everything read while locked failed or was never asked: ask again.
      client.setQueryData(queryKeys.archiveLock(), { encrypted: true, unlocked: true });
      void client.invalidateQueries();
    },
  });
  return (
    <div data-testid="unlock-screen" style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", padding: 24 }}>
      <Card style={{ width: 420, maxWidth: "100%" }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 12 }}>
          <Typography.Text strong data-testid="unlock-brand">{t("app.brandMark")} <Typography.Text type="secondary">{t("app.brandLatin")}</Typography.Text></Typography.Text>
          <Segmented size="small" value={currentLang()} data-testid="unlock-language"
            onChange={(lang) => void applyLanguage(lang)}
            options={[{ value: "zh-CN", label: t("settings.langZh") }, { value: "en-US", label: t("settings.langEn") }]} />
        </div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <LockOutlined /> {t("encryption.unlock.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("encryption.unlock.intro")}</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => passphrase && unlock.mutate(passphrase)} requiredMark={false}>
          <Form.Item label={t("encryption.passphrase")}>
            <Input.Password autoFocus value={passphrase} onChange={(e) => { unlock.reset(); setPassphrase(e.target.value); }}
              data-testid="unlock-passphrase" autoComplete="current-password" />
          </Form.Item>
          {unlock.isError && <ErrorAlert error={unlock.error} testId="unlock-error" />}
          <Button type="primary" htmlType="submit" block loading={unlock.isPending} disabled={!passphrase}
            data-testid="unlock-submit" style={{ marginTop: 12 }}>
            {t("encryption.unlock.submit")}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t("encryption.unlock.lost")}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
