// Where the archive lives: database file path, schema version, row counts; reveal it in the file manager.
import { Button, Card, Descriptions, Typography } from "antd";
import { FolderOpenOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { revealInFolder } from "../../ipc/shell";
import { useInfoQuery } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";

export function DatabaseCard() {
  const { t, i18n } = useTranslation();
  const info = useInfoQuery();
  const notifyError = useErrorNotice();
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Card title={t("settings.database")} className="laoke-settings" style={{ marginTop: 16 }}>
      {info.isError && <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("settings.dbPath")}>
            <Typography.Text copyable code data-testid="settings-db-path">{info.data.path}</Typography.Text>
            <Button size="small" type="link" icon={<FolderOpenOutlined />}
              onClick={() => revealInFolder(info.data.path).catch(notifyError)}>
              {t("settings.reveal")}
            </Button>
          </Descriptions.Item>
          <Descriptions.Item label={t("settings.schemaVersion")}>{info.data.schema_version}</Descriptions.Item>
          <Descriptions.Item label={t("settings.counts")}>
            {t("settings.countsText", { customers: n(info.data.counts.customers), orders: n(info.data.counts.orders) })}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
