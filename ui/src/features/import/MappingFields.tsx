// The mapping editor's form: for each field, a Select of the file's headers; and the date format.
import { Select, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MappedField } from "../../bindings/MappedField";
import { DATE_FORMATS, MAPPED_FIELDS, MONEY_FIELDS, REQUIRED_FIELDS, type EditorState } from "./mapping";

type Props = {
  headers: readonly string[];
  state: EditorState;
  onColumn: (field: MappedField, header: string | null) => void;
  onDateFormat: (format: string | null) => void;
};

const AUTO = "auto";

export function MappingFields({ headers, state, onColumn, onDateFormat }: Props) {
  const { t } = useTranslation();
  const options = headers.filter((h) => h.trim() !== "").map((h) => ({ value: h, label: h }));
  const formats = DATE_FORMATS.some((f) => f.format === state.dateFormat) || !state.dateFormat
    ? DATE_FORMATS
    : [{ format: state.dateFormat, example: state.dateFormat }, ...DATE_FORMATS];

  const need = (field: MappedField) =>
    REQUIRED_FIELDS.includes(field) ? <Tag color="red">{t("import.mapping.required")}</Tag>
      : MONEY_FIELDS.includes(field) ? <Tag color="orange">{t("import.mapping.amountOrPrice")}</Tag> : null;

  return (
    <div className="laoke-mapping-grid">
      {MAPPED_FIELDS.map((field) => (
        <div key={field} className="laoke-mapping-field">
          <span className="laoke-mapping-label">
            <Typography.Text strong>{t(`import.mapping.field.${field}`)}</Typography.Text> {need(field)}
          </span>
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            value={state.columns[field] ?? null}
            placeholder={t("import.mapping.notMapped")}
            onChange={(v) => onColumn(field, v ?? null)}
            options={options}
            style={{ width: "100%" }}
            data-testid={`mapping-field-${field}`}
          />
        </div>
      ))}
      <div className="laoke-mapping-field laoke-mapping-wide">
        <span className="laoke-mapping-label"><Typography.Text strong>{t("import.mapping.dateFormat")}</Typography.Text></span>
        <Select<string>
          value={state.dateFormat ?? AUTO}
          onChange={(v) => onDateFormat(v === AUTO ? null : v)}
          options={[
            { value: AUTO, label: t("import.mapping.dateAuto") },
            ...formats.map((f) => ({ value: f.format, label: `${f.example} (${f.format})` })),
          ]}
          style={{ width: "100%" }}
          data-testid="mapping-date-format"
        />
      </div>
    </div>
  );
}
