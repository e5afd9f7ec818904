// What importing one file did: the shop(s) it went into, rows read, orders new / updated / unchanged / older
// than the archive's, new customers, orders without a buyer identity, cash on delivery counted, items, and the
// rejected rows.
import { Descriptions, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { FileReport } from "../../bindings/FileReport";
import { formatCount } from "../../components/format";
import { fileName } from "./fileEntries";
import { encodingLabel, formatLabel } from "./labels";
import { RejectedTable } from "./RejectedTable";

type Props = { report: FileReport; showName?: boolean };

const FIGURES = [
  ["rows", "rows"], ["orders_new", "ordersNew"], ["orders_updated", "ordersUpdated"],
  ["orders_unchanged", "ordersUnchanged"], ["orders_stale", "ordersStale"], ["customers_new", "customersNew"],
  ["no_identity", "noIdentity"], ["cod_counted", "codCounted"], ["items", "items"],
] as const;

export function FileReportView({ report, showName = true }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="laoke-file-report" data-testid="import-file-report" data-file={report.file}>
      {showName && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text strong title={report.file}>{fileName(report.file)}</Typography.Text>
          <Tag color="volcano">{formatLabel(t, report.format)}</Tag>
          <Tag>{encodingLabel(t, report.encoding)}</Tag>
          {report.dry_run && <Tag color="blue">{t("import.report.dryRun")}</Tag>}
          {report.shops.length > 0 && (
            <Typography.Text type="secondary" data-testid="import-report-shops">
              {t("import.report.shops")} {report.shops.map((s) => <Tag key={s} color="geekblue">{s}</Tag>)}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
        {FIGURES.map(([field, key]) => (
          <Descriptions.Item key={field} label={t(`import.report.${key}`)}>
            <span data-testid={`import-report-${field}`} data-value={report[field]}>
              {formatCount(report[field], i18n.language)}
            </span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t("import.report.rejected")}>
          <Typography.Text type={report.rejected.length ? "danger" : undefined} data-testid="import-report-rejected-count"
            data-value={report.rejected.length}>
            {formatCount(report.rejected.length, i18n.language)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {report.rejected.length > 0 && <RejectedTable rejected={report.rejected} testId="import-report-rejected" />}
      {report.replaced.length > 0 && (
        <RejectedTable rejected={report.replaced} testId="import-report-replaced" title={t("import.report.replacedTitle")} />
      )}
    </div>
  );
}
