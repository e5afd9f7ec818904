// Export: customers or orders, CSV or Excel, of the whole archive or one saved segment, optionally as a privacy export
// (Rust masks the contacts and leaves free text out), to a file chosen in the save dialog, column titles in the UI's
// language. The report says how many rows were written, where, and how many cells Excel's cell limit cut.
import { useState } from "react";
import { Alert, Button, Card, Checkbox, Form, Radio, Select, Space, Typography } from "antd";
import { ExportOutlined, FolderOpenOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ExportKind } from "../../bindings/ExportKind";
import type { ExportReport } from "../../bindings/ExportReport";
import type { ExportRequest } from "../../bindings/ExportRequest";
import { exportData, segmentsList } from "../../ipc/commands";
import { pickSaveTarget, revealInFolder } from "../../ipc/shell";
import { currentLang } from "../../app/i18n";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { buildCustomerQuery, initialListState } from "../customers/customerQuery";

const KINDS: ExportKind[] = ["customers", "orders"];
const FORMATS: ExportFormat[] = ["xlsx", "csv"];
/** The most characters an Excel cell holds; longer text is cut by the XLSX writer. */
const EXCEL_CELL_LIMIT = 32767;
/** The scope select's value for the whole archive (segments are chosen by id). */
const ALL = "all";

/** The whole archive, or one saved segment, as the customer list would select it (paging is ignored by the export). */
export const exportQuery = (segmentId: number | null) => buildCustomerQuery({ ...initialListState, segmentId });

export function ExportCard() {
  const { t, i18n } = useTranslation();
  const notifyError = useErrorNotice();
  const segments = useQuery({ queryKey: queryKeys.segments(), queryFn: segmentsList });
  const [kind, setKind] = useState<ExportKind>("customers");
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [segmentId, setSegmentId] = useState<number | null>(null);
  const [privacy, setPrivacy] = useState(false);
  const [report, setReport] = useState<ExportReport | null>(null);
  const n = (v: number) => formatCount(v, i18n.language);
  // A segment deleted elsewhere (the list is refreshed by data-changed) falls back to the whole archive.
  const chosen = segmentId !== null && segments.data?.some((s) => s.id === segmentId) ? segmentId : null;

  const run = useMutation({
    mutationFn: async () => {
      const name = `${t(`settings.export.fileName.${kind}`, { date: dayjs().format("YYYY-MM-DD") })}.${format}`;
      const path = await pickSaveTarget(name, t(`settings.export.filter.${format}`), [format]);
      if (!path) return null;
      const request: ExportRequest = { kind, format, query: exportQuery(chosen), privacy, language: currentLang(), path };
      return exportData(request);
    },
    onMutate: () => setReport(null),
    onSuccess: (r) => r && setReport(r),
    onError: notifyError,
  });

  const segmentOptions = [
    { value: ALL, label: t("settings.export.scopeAll") },
    ...(segments.data ?? []).map((s) => ({ value: String(s.id), label: t("settings.export.scopeSegment", { name: s.name }) })),
  ];

  return (
    <Card title={t("settings.export.title")} className="laoke-settings" style={{ marginTop: 16 }} data-testid="settings-export">
      <Typography.Paragraph type="secondary">{t("settings.export.intro")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("settings.export.kind")}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ExportKind)} data-testid="export-kind"
            optionType="button" options={KINDS.map((k) => ({
              value: k, label: <span data-testid={`export-kind-${k}`}>{t(`settings.export.kinds.${k}`)}</span>,
            }))} />
        </Form.Item>
        <Form.Item label={t("settings.export.format")}>
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format"
            optionType="button" options={FORMATS.map((f) => ({
              value: f, label: <span data-testid={`export-format-${f}`}>{t(`settings.export.formats.${f}`)}</span>,
            }))} />
        </Form.Item>
        <Form.Item label={t("settings.export.scope")} extra={t(`settings.export.scopeHint.${kind}`)}>
          <Select data-testid="export-scope" value={chosen === null ? ALL : String(chosen)} loading={segments.isPending}
            showSearch optionFilterProp="label" options={segmentOptions} style={{ maxWidth: 360 }}
            onChange={(v: string) => setSegmentId(v === ALL ? null : Number(v))} />
        </Form.Item>
        {segments.isError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={segments.error} onRetry={() => void segments.refetch()} testId="export-segments-error" />
          </div>
        )}
        <Form.Item extra={t("settings.export.privacyHint")}>
          <Checkbox checked={privacy} onChange={(e) => setPrivacy(e.target.checked)} data-testid="export-privacy">
            {t("settings.export.privacy")}
          </Checkbox>
        </Form.Item>
      </Form>
      <Button type="primary" icon={<ExportOutlined />} data-testid="export-run" loading={run.isPending} onClick={() => run.mutate()}>
        {t("settings.export.run")}
      </Button>
      {report && (
        <Alert type="success" showIcon style={{ marginTop: 16 }} data-testid="export-report"
          message={<span data-testid="export-report-rows">
            {t(`settings.export.done.${report.kind}`, { count: report.rows, formatted: n(report.rows) })}
          </span>}
          description={
            <Space direction="vertical" size={4}>
              <span>
                <Typography.Text code copyable data-testid="export-report-path" style={{ wordBreak: "break-all" }}>
                  {report.path}
                </Typography.Text>
                <Button size="small" type="link" icon={<FolderOpenOutlined />}
                  onClick={() => revealInFolder(report.path).catch(notifyError)}>
                  {t("settings.reveal")}
                </Button>
              </span>
              {report.privacy && <Typography.Text data-testid="export-report-privacy">{t("settings.export.donePrivacy")}</Typography.Text>}
              {report.truncated_cells > 0 && (
                <Typography.Text type="warning" data-testid="export-report-truncated">
                  {t("settings.export.truncated", {
                    count: report.truncated_cells, formatted: n(report.truncated_cells), limit: n(EXCEL_CELL_LIMIT),
                  })}
                </Typography.Text>
              )}
            </Space>
          }
        />
      )}
    </Card>
  );
}
