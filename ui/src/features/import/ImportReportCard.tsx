// Step 3: the report of the import just run, file by file, with the backup note — or why it stopped.
import { useEffect, useRef } from "react";
import { Alert, Button, Card, Divider, Typography } from "antd";
import { SafetyOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FileReportView } from "./FileReportView";
import type { ImportOutcome } from "./useImportRun";

export function ImportReportCard({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancelled = outcome.error?.code === "cancelled";
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ behavior: "smooth", block: "start" }), [outcome]);
  return (
    <Card ref={ref} title={t("import.report.title")} className="laoke-import-report" data-testid="import-report"
      data-files={outcome.files.length} data-error={outcome.error?.code ?? ""}
      extra={outcome.files.length > 0 && (
        <Button icon={<TeamOutlined />} onClick={() => navigate("/customers")} data-testid="import-view-customers">
          {t("import.report.viewCustomers")}
        </Button>
      )}>
      {outcome.error && (
        <div style={{ marginBottom: 16 }}>
          {cancelled
            ? <Alert type="warning" showIcon data-testid="import-cancelled"
                message={outcome.files.length > 0 ? t("import.run.cancelledAfter") : t("import.run.cancelled")} />
            : <ErrorAlert error={outcome.error} testId="import-error" />}
        </div>
      )}
      {outcome.files.map((report, i) => (
        <div key={`${report.file}:${report.batch_id ?? i}`}>
          {i > 0 && <Divider />}
          <FileReportView report={report} />
        </div>
      ))}
      {outcome.files.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: "16px 0 0" }} data-testid="import-backup-note">
          <SafetyOutlined /> {t("import.report.backupNote")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
