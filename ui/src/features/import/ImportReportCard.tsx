// Step 3: the report of the import just run, file by file, with the backup note — or why it stopped.
import { useEffect, useRef } from "react";
import { Alert, Button, Card, Divider, Flex, Typography } from "antd";
import { ImportOutlined, SafetyOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FileReportView } from "./FileReportView";
import type { LetIn } from "./fileEntries";
import type { ImportOutcome } from "./useImportRun";

type Props = {
  outcome: ImportOutcome;
  /**
   * Lets a refused file in, then the files after it: one refused as another shop's with its conflicting rows
   * rejected, one with undecodable bytes with those bytes replaced.
   */
  onImportAnyway?: (refused: string, how: LetIn) => void;
};

/** The file an error names in its details, if it names one. */
function errorFile(details: unknown): string | null {
  if (typeof details !== "object" || details === null || !("file" in details)) return null;
  return typeof details.file === "string" ? details.file : null;
}

export function ImportReportCard({ outcome, onImportAnyway }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancelled = outcome.error?.code === "cancelled";
  const refusedFile = errorFile(outcome.error?.details);
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
          {outcome.error.code === "import.other_shop" && refusedFile && onImportAnyway && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
              <Button icon={<ImportOutlined />} onClick={() => onImportAnyway(refusedFile, "conflicts")} data-testid="import-anyway">
                {t("import.report.importAnyway")}
              </Button>
              <Typography.Text type="secondary">{t("import.report.importAnywayHint")}</Typography.Text>
            </Flex>
          )}
          {outcome.error.code === "import.undecodable" && refusedFile && onImportAnyway && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
              <Button icon={<ImportOutlined />} onClick={() => onImportAnyway(refusedFile, "undecodable")}
                data-testid="import-replacing">
                {t("import.report.importReplacing")}
              </Button>
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
