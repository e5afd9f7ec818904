// The drawer that creates or edits a saved segment: name, optional template, filter builder, live count, save.
import { useState } from "react";
import { App, Alert, Button, Drawer, Flex, Input, Space, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Filter } from "../../bindings/Filter";
import type { Segment } from "../../bindings/Segment";
import { segmentDelete, segmentSave } from "../../ipc/commands";
import { FilterBuilder } from "./FilterBuilder";
import { LiveCount } from "./LiveCount";
import { hasConditions, isComplete } from "./filterModel";
import { SEGMENT_TEMPLATES, templateFilter } from "./segmentTemplates";
import { SaveError } from "./SaveError";

/** What the editor starts from: a saved segment (with id) or a new draft. */
export type SegmentDraft = { id?: number; name: string; filter: Filter };

type Props = { draft: SegmentDraft; segments: readonly Segment[]; onClose: () => void };

export function SegmentEditor({ draft, segments, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [name, setName] = useState(draft.name);
  const [filter, setFilter] = useState<Filter>(draft.filter);
  const trimmed = name.trim();

  const save = useMutation({
    mutationFn: async () => {
      const saved = await segmentSave(trimmed, filter);
      // Saving is by name: a renamed segment is saved under the new name and the old one removed.
      if (draft.id !== undefined && saved.id !== draft.id) await segmentDelete(draft.id);
      return saved;
    },
    onSuccess: async (saved) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ["segments"] }),
        client.invalidateQueries({ queryKey: ["customers"] }),
      ]);
      message.success(t("segments.page.saved", { name: saved.name }));
      onClose();
    },
  });

  const clash = segments.find((s) => s.name === trimmed && s.id !== draft.id);
  const problem = trimmed === "" ? "needName" : !hasConditions(filter) ? "needCondition" : !isComplete(filter) ? "incomplete" : null;

  const pickTemplate = (id: string) => {
    const tpl = SEGMENT_TEMPLATES.find((x) => x.id === id);
    if (!tpl) return;
    setFilter(templateFilter(tpl));
    const isTemplateName = SEGMENT_TEMPLATES.some((x) => t(`segments.template.${x.id}.name`) === trimmed);
    if (trimmed === "" || isTemplateName) setName(t(`segments.template.${id}.name`));
  };

  return (
    <Drawer
      open
      data-testid="segment-editor"
      width={820}
      title={draft.id === undefined ? t("segments.editor.titleNew") : t("segments.editor.titleEdit", { name: draft.name })}
      onClose={onClose}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <LiveCount filter={filter} />
          <Space>
            <Button onClick={onClose}>{t("segments.editor.cancel")}</Button>
            <Button type="primary" data-testid="segment-save" disabled={problem !== null} loading={save.isPending}
              onClick={() => save.mutate()}>
              {t("segments.editor.save")}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <label>
          <Typography.Text strong>{t("segments.editor.name")}</Typography.Text>
          <Input data-testid="segment-name" value={name} maxLength={100} placeholder={t("segments.editor.namePlaceholder")}
            onChange={(e) => setName(e.target.value)} style={{ marginTop: 4 }} />
        </label>
        {clash && <Alert type="warning" showIcon data-testid="segment-replaces" message={t("segments.editor.replaces", { name: clash.name })} />}
        {draft.id === undefined && (
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary">{t("segments.editor.template")}</Typography.Text>
            {SEGMENT_TEMPLATES.map((tpl) => (
              <Button key={tpl.id} size="small" type="dashed" data-testid="segment-template" data-template={tpl.id}
                title={t(`segments.template.${tpl.id}.hint`)} onClick={() => pickTemplate(tpl.id)}>
                {t(`segments.template.${tpl.id}.name`)}
              </Button>
            ))}
          </Flex>
        )}
        <Typography.Text strong>{t("segments.editor.conditions")}</Typography.Text>
        <FilterBuilder value={filter} onChange={setFilter} />
        {problem && <Typography.Text type="secondary" data-testid="segment-problem">{t(`segments.editor.${problem}`)}</Typography.Text>}
        {save.isError && <SaveError error={save.error} />}
      </Flex>
    </Drawer>
  );
}
