// "More filters" on the Customers page: the segment filter builder with a live count; complete filters apply
// to the list at once, and the filter can be saved as a segment.
import { useState } from "react";
import { App, Button, Card, Input, Space } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Filter } from "../../bindings/Filter";
import { segmentSave } from "../../ipc/commands";
import { useErrorNotice } from "../../components/useErrorNotice";
import { FilterBuilder, LiveCount, isComplete } from "../segments/FilterBuilder";

type Props = { value: Filter | null; onChange: (f: Filter | null) => void };

const EMPTY: Filter = { match: "all", rules: [] };

export function AdvancedFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Filter>(value ?? EMPTY);
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () => segmentSave(name.trim(), draft),
    onSuccess: (s) => {
      void message.success(t("customers.advanced.saved", { name: s.name }));
      setName("");
      void client.invalidateQueries({ queryKey: ["segments"] });
    },
    onError: notifyError,
  });
  const edit = (f: Filter) => {
    setDraft(f);
    if (isComplete(f)) onChange(f.rules.length ? f : null);
  };
  return (
    <Card size="small" title={t("customers.filters.advancedTitle")} style={{ marginBottom: 12 }} data-testid="customers-advanced"
      extra={<LiveCount filter={draft} testId="customers-advanced-count" />}>
      <FilterBuilder value={draft} onChange={edit} />
      <Space.Compact style={{ marginTop: 12 }}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("customers.advanced.namePlaceholder")}
          style={{ width: 220 }} data-testid="customers-advanced-name" />
        <Button onClick={() => save.mutate()} disabled={!name.trim() || !isComplete(draft) || draft.rules.length === 0}
          loading={save.isPending} data-testid="customers-advanced-save">{t("customers.advanced.save")}</Button>
      </Space.Compact>
      <Button type="link" onClick={() => { setDraft(EMPTY); onChange(null); }} data-testid="customers-advanced-clear">
        {t("customers.filters.clear")}
      </Button>
    </Card>
  );
}
