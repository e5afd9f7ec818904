// One filter condition as a row: field, an operator the field takes, the value input, and a remove button.
import { Button, Flex, Select, Tooltip } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../bindings/Condition";
import type { Field } from "../../bindings/Field";
import type { Op } from "../../bindings/Op";
import { FIELD_GROUPS, fieldKind, opsFor, withField, withOp } from "./filterModel";
import { ValueInput } from "./ValueInput";

type Props = { condition: Condition; onChange: (c: Condition) => void; onRemove: () => void };

const DATE_WORDED: readonly Op[] = ["eq", "gt", "gte", "lt", "lte", "between"];

export function ConditionRow({ condition, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const { field, op } = condition;
  const opLabel = (o: Op) =>
    fieldKind(field) === "date" && DATE_WORDED.includes(o) ? t(`segments.opDate.${o}`) : t(`segments.op.${o}`);
  const fieldOptions = FIELD_GROUPS.map((g) => ({
    label: t(`segments.fieldGroup.${g.key}`),
    options: g.fields.map((f) => ({ value: f, label: t(`segments.field.${f}`) })),
  }));

  return (
    <Flex data-testid="filter-condition" data-field={field} data-op={op} gap={8} align="center" wrap
      className="laoke-filter-condition">
      <Select<Field> data-testid="filter-field" value={field} options={fieldOptions} style={{ width: 190 }}
        showSearch optionFilterProp="label" virtual={false} listHeight={320}
        onChange={(f) => onChange(withField(condition, f))} />
      <Select<Op> data-testid="filter-op" value={op} style={{ width: 180 }} virtual={false} popupMatchSelectWidth={false}
        options={opsFor(field).map((o) => ({ value: o, label: opLabel(o) }))}
        onChange={(o) => onChange(withOp(condition, o))} />
      <div style={{ flex: "1 1 220px", minWidth: 0 }}>
        <ValueInput condition={condition} onValues={(values) => onChange({ ...condition, values })} />
      </div>
      <Tooltip title={t("segments.builder.remove")}>
        <Button data-testid="filter-remove" type="text" icon={<DeleteOutlined />} onClick={onRemove}
          aria-label={t("segments.builder.remove")} />
      </Tooltip>
    </Flex>
  );
}
