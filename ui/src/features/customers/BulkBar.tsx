// Bulk actions on the selected customers (or every customer the list matches): tag, untag, do-not-disturb, CSV export.
import { useState } from "react";
import { App, AutoComplete, Button, Popover, Space, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { BulkAction } from "../../bindings/BulkAction";
import type { BulkTarget } from "../../bindings/BulkTarget";
import type { CustomerQuery } from "../../bindings/CustomerQuery";
import { queryKeys } from "../../app/queryKeys";
import { customersBulk, customersExport, tagsList } from "../../ipc/commands";
import { pickCsvTarget } from "../../ipc/shell";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";

type Props = {
  selected: number[];
  allMatching: boolean;
  total: number;
  query: CustomerQuery;
  onSelectAll: () => void;
  onClear: () => void;
};

function TagAction({ label, testId, onApply }: { label: string; testId: string; onApply: (tag: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const tags = useQuery({ queryKey: queryKeys.tags(), queryFn: tagsList, enabled: open });
  const apply = () => { if (text.trim()) { onApply(text.trim()); setOpen(false); setText(""); } };
  const content = (
    <Space.Compact>
      <AutoComplete value={text} onChange={setText} style={{ width: 180 }} placeholder={t("customers.bulk.tagPlaceholder")}
        options={(tags.data ?? []).map((v) => ({ value: v }))} data-testid={`${testId}-input`}
        filterOption={(input, o) => (o?.value ?? "").toString().includes(input)} />
      <Button type="primary" onClick={apply} disabled={!text.trim()} data-testid={`${testId}-apply`}>{t("customers.bulk.apply")}</Button>
    </Space.Compact>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={content}>
      <Button data-testid={testId}>{label}</Button>
    </Popover>
  );
}

export function BulkBar({ selected, allMatching, total, query, onSelectAll, onClear }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const target: BulkTarget = allMatching ? { query } : { ids: selected };
  const count = allMatching ? total : selected.length;
  const fmt = (n: number) => formatCount(n, i18n.language);
  const bulk = useMutation({
    mutationFn: (action: BulkAction) => customersBulk(action, target),
    onSuccess: (changed) => {
      void message.success(t("customers.bulk.done", { formatted: fmt(changed) }));
      void client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: notifyError,
  });
  const exportCsv = useMutation({
    mutationFn: async () => {
      const path = await pickCsvTarget(t("customers.bulk.exportName"), t("customers.bulk.exportFilter"));
      return path ? { path, written: await customersExport(target, path) } : null;
    },
    onSuccess: (r) => r && void message.success(t("customers.bulk.exported", { formatted: fmt(r.written), path: r.path })),
    onError: notifyError,
  });
  return (
    <div className="laoke-toolbar" data-testid="customers-bulk" data-count={count}>
      <Typography.Text strong>
        {allMatching ? t("customers.bulk.allSelected", { formatted: fmt(total) }) : t("customers.bulk.selected", { formatted: fmt(count) })}
      </Typography.Text>
      {!allMatching && total > selected.length && (
        <Button type="link" onClick={onSelectAll} data-testid="customers-select-all">
          {t("customers.bulk.selectAll", { formatted: fmt(total) })}
        </Button>
      )}
      <TagAction label={t("customers.bulk.tag")} testId="bulk-tag" onApply={(tag) => bulk.mutate({ kind: "tag", tag })} />
      <TagAction label={t("customers.bulk.untag")} testId="bulk-untag" onApply={(tag) => bulk.mutate({ kind: "untag", tag })} />
      <Button onClick={() => bulk.mutate({ kind: "dnd_on" })} data-testid="bulk-dnd-on">{t("customers.bulk.dndOn")}</Button>
      <Button onClick={() => bulk.mutate({ kind: "dnd_off" })} data-testid="bulk-dnd-off">{t("customers.bulk.dndOff")}</Button>
      <Button onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="bulk-export">{t("customers.bulk.export")}</Button>
      <Button type="text" onClick={onClear} data-testid="bulk-clear">{t("customers.bulk.clear")}</Button>
    </div>
  );
}
