// The Import page: choose order exports (drop, dialog or path), preview how each is read (or map its
// columns), import with progress and Cancel, read the report, and browse the import history.
import { useState } from "react";
import { Button, Card, Checkbox, Flex, Tooltip, Typography } from "antd";
import { ImportOutlined } from "@ant-design/icons";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { importPreview } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { PageHeader } from "../../components/PageHeader";
import { FileList } from "./FileList";
import { FilePicker } from "./FilePicker";
import { ImportHistory } from "./ImportHistory";
import { ImportProgressBar } from "./ImportProgressBar";
import { ImportReportCard } from "./ImportReportCard";
import {
  addPaths, importAnywayJobs, importJobs, previewRequest, removeEntry, updateEntry, type FileEntry,
} from "./fileEntries";
import { useImportRun } from "./useImportRun";

export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [open, setOpen] = useState<string[]>([]);
  const [strict, setStrict] = useState(false);

  const previews = useQueries({
    queries: entries.map((entry) => {
      const request = previewRequest(entry);
      return { queryKey: queryKeys.importPreview(entry.path, request), queryFn: () => importPreview(entry.path, request) };
    }),
  });
  const forget = (paths: string[]) =>
    paths.forEach((path) => client.removeQueries({ queryKey: ["import-preview", path] }));

  const run = useImportRun((outcome) => {
    if (outcome.error) return; // keep the files: fix, then import again (re-importing never duplicates)
    forget(entries.map((e) => e.path));
    setEntries([]);
    setOpen([]);
  });

  const addFiles = (paths: string[]) => {
    const next = addPaths(entries, paths);
    if (next.length === entries.length) return;
    setEntries(next);
    setOpen((keys) => (keys.length > 0 ? keys : [next[entries.length].path]));
  };
  const remove = (path: string) => {
    setEntries((list) => removeEntry(list, path));
    forget([path]);
  };

  const jobs = importJobs(entries, previews.map((q) => q.data), strict);

  return (
    <div data-testid="page-import">
      <PageHeader title={t("import.title")} subtitle={t("import.subtitle")} />
      <Card className="laoke-import-step">
        <FilePicker onFiles={addFiles} disabled={run.running} compact={entries.length > 0} />
      </Card>

      {entries.length > 0 && (
        <Card className="laoke-import-step" title={t("import.files.title", { count: entries.length })}>
          <FileList entries={entries} previews={previews} open={open} onOpen={setOpen} disabled={run.running}
            onChange={(path, patch) => setEntries((list) => updateEntry(list, path, patch))} onRemove={remove} />
          <Flex className="laoke-import-run" justify="space-between" align="center" gap={16} wrap>
            <Tooltip title={t("import.run.strictHint")}>
              <Checkbox checked={strict} onChange={(e) => setStrict(e.target.checked)} disabled={run.running}
                data-testid="import-strict">
                {t("import.run.strict")}
              </Checkbox>
            </Tooltip>
            <Flex align="center" gap={12} wrap>
              {!jobs && <Typography.Text type="secondary" data-testid="import-not-ready">{t("import.run.notReady")}</Typography.Text>}
              <Button type="primary" size="large" icon={<ImportOutlined />} disabled={!jobs || run.running}
                loading={run.running} onClick={() => jobs && run.run(jobs)} data-testid="import-run">
                {t("import.run.button", { count: entries.length })}
              </Button>
            </Flex>
          </Flex>
          {run.running && <ImportProgressBar progress={run.progress} cancelling={run.cancelling} onCancel={run.cancel} />}
        </Card>
      )}

      {!run.running && run.outcome && (
        <ImportReportCard outcome={run.outcome} onImportAnyway={(refused, how) => {
          const done = new Set(run.outcome?.files.map((f) => f.file));
          const anyway = importAnywayJobs(entries, previews.map((q) => q.data), strict, refused, done, how);
          if (how === "undecodable") setEntries((es) => updateEntry(es, refused, { replaceUndecodable: true }));
          if (anyway) run.run(anyway);
        }} />
      )}
      <ImportHistory />
    </div>
  );
}
