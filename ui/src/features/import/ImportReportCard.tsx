// Step 3: the report of the import just run, file by file, with the backup note — or why it stopped.
import { useEffect, useRef } from "react";
import { Alert, Button, Card, Divider, Flex, Typography } from "antd";
import { ImportOutlined, SafetyOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FileReportView } from "./FileReportView";
import type { ImportOutcome } from "./useImportRun";

type Props = {
  outcome: ImportOutcome;
  /** Runs the same import again, letting a file that seems another shop's in (its conflicting rows rejected). */
  onImportAnyway?: () => void;
};

export function ImportReportCard({ outcome, onImportAnyway }: Props) {
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
          {outcome.error.code === "import.other_shop" && onImportAnyway && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
              <Button icon={<ImportOutlined />} onClick={onImportAnyway} data-testid="import-anyway">
                {t("import.report.importAnyway")}
              </Button>
              <Typography.Text type="secondary">{t("import.report.importAnywayHint")}</Typography.Text>
            </Flex>
          )}
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
