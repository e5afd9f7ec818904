// Saved column mappings: apply one to this file, or save the editor's mapping under a name.
import { useState } from "react";
import { App, Button, Input, Select, Space } from "antd";
import { SaveOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ColumnMapping } from "../../bindings/ColumnMapping";
import type { MappingPreset } from "../../bindings/MappingPreset";
import { mappingPresets, mappingSave } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useErrorNotice } from "../../components/useErrorNotice";

type Props = {
  headers: string[];
  /** The editor's mapping, or null while it is incomplete (saving is then disabled). */
  mapping: ColumnMapping | null;
  onUse: (preset: MappingPreset) => void;
};

export function PresetActions({ headers, mapping, onUse }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const presets = useQuery({ queryKey: queryKeys.mappingPresets(), queryFn: mappingPresets });

  const save = useMutation({
    mutationFn: (preset: MappingPreset) => mappingSave(preset),
    onSuccess: async (_, preset) => {
      message.success(t("import.mapping.presetSaved", { name: preset.name }));
      setName("");
      await client.invalidateQueries({ queryKey: queryKeys.mappingPresets() });
    },
    onError: notifyError,
  });
  const trimmed = name.trim();

  return (
    <Space wrap size={[12, 8]} className="laoke-preset-actions">
      {(presets.data?.length ?? 0) > 0 && (
        <Select<string>
          value={null}
          placeholder={t("import.mapping.usePreset")}
          style={{ width: 240 }}
          onChange={(v) => {
            const preset = presets.data?.find((p) => p.name === v);
            if (preset) onUse(preset);
          }}
          options={presets.data?.map((p) => ({ value: p.name, label: p.name }))}
          data-testid="mapping-preset-use"
        />
      )}
      <Space.Compact>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          placeholder={t("import.mapping.presetName")}
          style={{ width: 220 }}
          data-testid="mapping-preset-name"
        />
        <Button
          icon={<SaveOutlined />}
          disabled={!mapping || !trimmed}
          loading={save.isPending}
          onClick={() => mapping && save.mutate({ name: trimmed, headers, mapping })}
          data-testid="mapping-preset-save"
        >
          {t("import.mapping.savePreset")}
        </Button>
      </Space.Compact>
    </Space>
  );
}
