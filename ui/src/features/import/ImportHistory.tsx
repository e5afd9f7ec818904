// Past imports, newest first (`import_history`): when, which file, format, encoding, outcome and counts;
// a row expands to that batch's report.
import { Card, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ImportBatch } from "../../bindings/ImportBatch";
import { importHistory } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount, formatDate } from "../../components/format";
import { fileName } from "./fileEntries";
import { BATCH_STATUS_COLORS, batchStatusLabel, encodingLabel, formatLabel } from "./labels";
import { FileReportView } from "./FileReportView";

export function ImportHistory() {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const history = useQuery({ queryKey: queryKeys.importHistory(), queryFn: importHistory });
  const count = (n: number | undefined) => (n === undefined ? "—" : formatCount(n, locale));

  const columns: ColumnsType<ImportBatch> = [
    { title: t("import.history.col.date"), dataIndex: "started_at", key: "date", width: 136,
      render: (v: string) => <span className="laoke-nowrap">{formatDate(v, locale, timeZone, "dateTime")}</span> },
    { title: t("import.history.col.file"), key: "file", ellipsis: true,
      render: (_: unknown, b) => b.source === "demo" ? <Tag color="purple">{t("import.history.demo")}</Tag>
        : <Typography.Text title={b.file_name ?? ""}>{b.file_name ? fileName(b.file_name) : "—"}</Typography.Text> },
    { title: t("import.history.col.format"), dataIndex: "format", key: "format", width: 150,
      render: (f: string | null) => (f ? formatLabel(t, f) : "—") },
    { title: t("import.history.col.encoding"), dataIndex: "encoding", key: "encoding", width: 110,
      render: (e: string | null) => (e ? encodingLabel(t, e) : "—") },
    { title: t("import.history.col.status"), dataIndex: "status", key: "status", width: 76,
      render: (s: string) => <Tag color={BATCH_STATUS_COLORS[s]}>{batchStatusLabel(t, s)}</Tag> },
    { title: t("import.history.col.ordersNew"), key: "new", align: "right", width: 100,
      render: (_: unknown, b) => count(b.report?.orders_new) },
    { title: t("import.history.col.ordersUpdated"), key: "updated", align: "right", width: 84,
      render: (_: unknown, b) => count(b.report?.orders_updated) },
    { title: t("import.history.col.rejected"), key: "rejected", align: "right", width: 84,
      render: (_: unknown, b) => count(b.report?.rejected.length) },
  ];

  return (
    <Card title={t("import.history.title")} className="laoke-import-history">
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      <Table<ImportBatch>
        data-testid="import-history"
        data-count={history.data?.length ?? 0}
        size="small"
        rowKey="id"
        loading={history.isPending && !history.isError}
        columns={columns}
        dataSource={history.data ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("import.history.empty") }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{
          rowExpandable: (b) => b.report !== null,
          expandedRowRender: (b) => b.report && <FileReportView report={b.report} showName={false} />,
        }}
      />
    </Card>
  );
}
