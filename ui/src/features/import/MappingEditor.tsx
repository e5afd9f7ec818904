// The column-mapping editor for a generic file: pick the header of each field, check the sample rows,
// then preview with this mapping (and optionally save it as a named preset).
import { useMemo, useState } from "react";
import { Alert, Button, Space, Typography } from "antd";
import { EyeOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ColumnMapping } from "../../bindings/ColumnMapping";
import type { ImportPreview } from "../../bindings/ImportPreview";
import { MappingFields } from "./MappingFields";
import { PresetActions } from "./PresetActions";
import { SampleTable } from "./SampleTable";
import {
  editorFrom, fieldsByHeader, toColumnMapping, validateMapping, withColumn, type EditorState, type MappingIssue,
} from "./mapping";

type Props = {
  /** A preview of the file (any request): its headers and sample rows. */
  preview: Pick<ImportPreview, "headers" | "sample">;
  initial: ColumnMapping | null;
  onApply: (mapping: ColumnMapping) => void;
  /** Present when the file can go back to what the importer detected. */
  onCancel?: () => void;
};

export function MappingEditor({ preview, initial, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const { headers, sample } = preview;
  const [state, setState] = useState<EditorState>(() => editorFrom(initial, headers));
  const issues = useMemo(() => validateMapping(state, headers), [state, headers]);
  const fields = useMemo(() => fieldsByHeader(state), [state]);
  const valid = issues.length === 0;

  const issueText = (issue: MappingIssue) =>
    issue.kind === "required" ? t("import.mapping.issue.required", { field: t(`import.mapping.field.${issue.field}`) })
      : issue.kind === "money" ? t("import.mapping.issue.money")
        : t("import.mapping.issue.unknownHeader", { field: t(`import.mapping.field.${issue.field}`), header: issue.header });

  return (
    <div className="laoke-mapping" data-testid="mapping-editor">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t("import.mapping.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("import.mapping.intro")}</Typography.Paragraph>
      <MappingFields
        headers={headers}
        state={state}
        onColumn={(field, header) => setState((s) => withColumn(s, field, header))}
        onDateFormat={(dateFormat) => setState((s) => ({ ...s, dateFormat }))}
      />
      {!valid && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} data-testid="mapping-issues"
          message={t("import.mapping.incomplete")}
          description={<ul className="laoke-issues">{issues.map((i) => <li key={JSON.stringify(i)}>{issueText(i)}</li>)}</ul>} />
      )}
      <div className="laoke-mapping-actions">
        <Space wrap>
          <Button type="primary" icon={<EyeOutlined />} disabled={!valid} data-testid="mapping-apply"
            onClick={() => onApply(toColumnMapping(state))}>
            {t("import.mapping.apply")}
          </Button>
          {onCancel && <Button onClick={onCancel} data-testid="mapping-cancel">{t("import.mapping.cancel")}</Button>}
        </Space>
        <PresetActions
          headers={headers}
          mapping={valid ? toColumnMapping(state) : null}
          onUse={(preset) => setState(editorFrom(preset.mapping, headers))}
        />
      </div>
      <SampleTable headers={headers} sample={sample} fields={fields} />
    </div>
  );
}
