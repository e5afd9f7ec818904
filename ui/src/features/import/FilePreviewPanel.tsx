// Step 2, one file: how the importer reads it — format, encoding, the shop its orders go to, the first orders
// and rejected rows — or, when its header matches no known export (or the user asks), the column-mapping editor.
import { Alert, Button, Flex, Skeleton, Table, Tag, Typography } from "antd";
import { EditOutlined, ImportOutlined, UndoOutlined } from "@ant-design/icons";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { PreviewOrder } from "../../bindings/PreviewOrder";
import { importPreview } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { toErrorDto } from "../../app/errors";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { previewRequest, type FileEntry } from "./fileEntries";
import { encodingLabel, formatLabel } from "./labels";
import { MappingEditor } from "./MappingEditor";
import { orderColumns } from "./previewColumns";
import { RejectedTable } from "./RejectedTable";
import { ShopPicker } from "./ShopPicker";

type Props = {
  entry: FileEntry;
  query: UseQueryResult<ImportPreview>;
  onChange: (patch: Partial<FileEntry>) => void;
};

const DETECT = previewRequest({ path: "", mapping: null, editing: false });

export function FilePreviewPanel({ entry, query, onChange }: Props) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const data = query.data;
  // The detected reading gives headers and sample rows when a mapped preview failed.
  const raw = useQuery({
    queryKey: queryKeys.importPreview(entry.path, DETECT),
    queryFn: () => importPreview(entry.path, DETECT),
    enabled: entry.mapping !== null && query.isError,
  });
  const source = data ?? raw.data;
  const needsMapping = data?.format === null;
  const showEditor = !!source && (entry.editing || needsMapping || (entry.mapping !== null && query.isError));

  if (query.isPending) return <Skeleton active data-testid="import-preview-loading" />;
  return (
    <div data-testid="import-preview" data-path={entry.path}>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} testId="import-preview-error" />}
      {query.isError && toErrorDto(query.error).code === "import.undecodable" && (
        <Button icon={<ImportOutlined />} style={{ marginTop: 8 }} data-testid="import-preview-replace"
          onClick={() => onChange({ replaceUndecodable: true })}>
          {t("import.report.importReplacing")}
        </Button>
      )}
      {data && (
        <Flex wrap gap={8} align="center" className="laoke-preview-tags">
          <Typography.Text type="secondary">{t("import.preview.format")}</Typography.Text>
          <Tag color={data.format ? "volcano" : "default"} data-testid="import-format" data-value={data.format ?? ""}>
            {data.format ? formatLabel(t, data.format) : t("import.preview.unknownFormat")}
          </Tag>
          <Typography.Text type="secondary">{t("import.preview.encoding")}</Typography.Text>
          <Tag data-testid="import-encoding" data-value={data.encoding}>{encodingLabel(t, data.encoding)}</Tag>
          {data.preset && (
            <Tag color="blue" data-testid="import-preset">{t("import.preview.presetUsed", { name: data.preset })}</Tag>
          )}
          <span style={{ flex: 1 }} />
          {entry.mapping !== null && (
            <Button size="small" icon={<UndoOutlined />} onClick={() => onChange({ mapping: null, editing: false })}
              data-testid="import-use-detected">{t("import.preview.useDetected")}</Button>
          )}
          {!showEditor && (
            <Button size="small" icon={<EditOutlined />} onClick={() => onChange({ editing: true })}
              data-testid="import-map-myself">
              {data.format === "generic" ? t("import.preview.changeMapping") : t("import.preview.mapMyself")}
            </Button>
          )}
        </Flex>
      )}
      {data && data.format !== null && !showEditor && (
        <ShopPicker entry={entry} preview={data} onPick={(shop) => onChange({ shop })} />
      )}
      {needsMapping && !entry.editing && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("import.preview.needsMapping")}
          description={t("import.preview.needsMappingText")} data-testid="import-needs-mapping" />
      )}
      {showEditor && source ? (
        <MappingEditor
          key={entry.path}
          preview={source}
          initial={entry.mapping ?? source.mapping}
          onApply={(mapping) => onChange({ mapping, editing: false })}
          onCancel={entry.editing && !needsMapping ? () => onChange({ editing: false }) : undefined}
        />
      ) : data && (
        <>
          <Typography.Title level={5}>
            {t("import.preview.ordersTitle", { count: data.orders.length, formatted: formatCount(data.orders.length, locale) })}
          </Typography.Title>
          <Table<PreviewOrder>
            data-testid="import-preview-orders"
            data-count={data.orders.length}
            size="small"
            rowKey={(o) => `${o.row}:${o.order_no}`}
            columns={orderColumns({ t, locale, timeZone })}
            dataSource={data.orders}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("import.preview.noOrders") }}
          />
          <RejectedTable rejected={data.rejected} testId="import-preview-rejected" />
        </>
      )}
    </div>
  );
}
