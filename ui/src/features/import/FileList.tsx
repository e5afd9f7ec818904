// The chosen files as collapsible panels: name, path and a status tag in each header, the preview inside.
import { Button, Collapse, Flex, Tag, Tooltip, Typography } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../bindings/ImportPreview";
import { fileName, type FileEntry } from "./fileEntries";
import { formatLabel } from "./labels";
import { FilePreviewPanel } from "./FilePreviewPanel";

type Props = {
  entries: FileEntry[];
  previews: UseQueryResult<ImportPreview>[];
  open: string[];
  onOpen: (keys: string[]) => void;
  onChange: (path: string, patch: Partial<FileEntry>) => void;
  onRemove: (path: string) => void;
  disabled: boolean;
};

function StatusTag({ entry, query }: { entry: FileEntry; query: UseQueryResult<ImportPreview> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Tag>{t("import.files.reading")}</Tag>;
  if (query.isError) return <Tag color="red">{t("import.files.unreadable")}</Tag>;
  if (query.data.format === null || entry.editing) return <Tag color="orange">{t("import.files.needsMapping")}</Tag>;
  return <Tag color="green">{formatLabel(t, query.data.format)}</Tag>;
}

export function FileList({ entries, previews, open, onOpen, onChange, onRemove, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Collapse
      activeKey={open}
      onChange={(keys) => onOpen(Array.isArray(keys) ? keys : [keys])}
      data-testid="import-files"
      items={entries.map((entry, i) => ({
        key: entry.path,
        label: (
          <Flex gap={8} align="center" wrap style={{ minWidth: 0 }} data-testid="import-file">
            <Typography.Text strong>{fileName(entry.path)}</Typography.Text>
            <StatusTag entry={entry} query={previews[i]} />
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 520 }} title={entry.path}>
              {entry.path}
            </Typography.Text>
          </Flex>
        ),
        extra: (
          <Tooltip title={t("import.files.remove")}>
            <Button type="text" size="small" icon={<DeleteOutlined />} disabled={disabled}
              aria-label={t("import.files.remove")} data-testid="import-file-remove"
              onClick={(e) => (e.stopPropagation(), onRemove(entry.path))} />
          </Tooltip>
        ),
        children: <FilePreviewPanel entry={entry} query={previews[i]} onChange={(patch) => onChange(entry.path, patch)} />,
      }))}
    />
  );
}
