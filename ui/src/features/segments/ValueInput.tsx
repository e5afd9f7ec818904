// The value part of a filter condition, by what the field and op take: choices, tags, shops, numbers, dates, days,
// yes/no, text.
import { AutoComplete, DatePicker, Input, InputNumber, Select, Space, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../bindings/Condition";
import type { Field } from "../../bindings/Field";
import { tagsList } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useShopsQuery } from "../../app/shopQueries";
import { arity, valueType, VOCABULARIES } from "./filterModel";

type Props = { condition: Condition; onValues: (values: string[]) => void };

const LIMITS: Partial<Record<Field, { min: string; max: string }>> = {
  birthday_month: { min: "1", max: "12" }, rfm_r: { min: "1", max: "5" }, rfm_f: { min: "1", max: "5" }, rfm_m: { min: "1", max: "5" },
  p_alive: { min: "0", max: "1" },
};
const WIDE = { width: "100%" };
const SEPARATORS = [",", "，", "、"];
const one = (v: string | null | undefined): string[] => (v === null || v === undefined || v === "" ? [] : [v]);

export function ValueInput({ condition, onValues }: Props) {
  const { t } = useTranslation();
  const { field, op, values } = condition;
  const type = valueType(field, op);
  const count = arity(field, op);
  const tags = useQuery({ queryKey: queryKeys.tags(), queryFn: tagsList, enabled: field === "tag" && type !== "none" });
  const shops = useShopsQuery();
  // A shop by name: a name held by shops on two platforms means both.
  const shopNames = [...new Set((shops.data ?? []).map((s) => s.name))];

  const label = (v: string) => (field === "platform" ? t(`platform.${v}`) : t(`segments.value.${field}.${v}`));
  const vocab = VOCABULARIES[field];
  const named = field === "tag" ? tags.data ?? [] : field === "shop" ? shopNames : [];
  const options = (vocab ?? named).map((v) => ({ value: v, label: vocab ? label(v) : v }));
  /** Two ends of a range: both kept in place (an empty end stays "" and the condition stays incomplete). */
  const setEnd = (i: 0 | 1, v: string | null | undefined) => {
    const next = [values[0] ?? "", values[1] ?? ""];
    next[i] = v ?? "";
    onValues(next.every((s) => s === "") ? [] : next);
  };

  switch (type) {
    case "none":
      return null;
    case "days":
      return (
        <Space.Compact>
          <InputNumber data-testid="filter-value" min={0} precision={0} value={values[0] === undefined ? null : Number(values[0])}
            onChange={(n) => onValues(one(n === null ? null : String(n)))} />
          <Space.Addon>{t("segments.value.days")}</Space.Addon>
        </Space.Compact>
      );
    case "flag":
      return (
        <Select data-testid="filter-value" style={{ minWidth: 160 }} value={values[0]} onChange={(v: string) => onValues([v])}
          options={VOCABULARIES.dnd?.map((v) => ({ value: v, label: label(v) }))} placeholder={t("segments.value.pick")} />
      );
    case "date": {
      const picker = (i: 0 | 1, testId: string, placeholder: string) => (
        <DatePicker data-testid={testId} placeholder={placeholder} format="YYYY-MM-DD"
          value={values[i] && dayjs(values[i], "YYYY-MM-DD").isValid() ? dayjs(values[i], "YYYY-MM-DD") : null}
          onChange={(d) => (count === "two" ? setEnd(i, d?.format("YYYY-MM-DD")) : onValues(one(d?.format("YYYY-MM-DD"))))} />
      );
      return count === "two" ? (
        <Space size={4}>
          {picker(0, "filter-value", t("segments.value.dateFrom"))}
          <Typography.Text type="secondary">{t("segments.value.and")}</Typography.Text>
          {picker(1, "filter-value-2", t("segments.value.dateTo"))}
        </Space>
      ) : picker(0, "filter-value", t("segments.value.date"));
    }
    case "number":
      if (count !== "many") {
        const num = (i: 0 | 1, testId: string, placeholder: string) => (
          <InputNumber<string> data-testid={testId} stringMode placeholder={placeholder} {...LIMITS[field]}
            value={values[i] || null} onChange={(v) => (count === "two" ? setEnd(i, v) : onValues(one(v)))} />
        );
        return count === "two" ? (
          <Space size={4}>
            {num(0, "filter-value", t("segments.value.min"))}
            <Typography.Text type="secondary">{t("segments.value.and")}</Typography.Text>
            {num(1, "filter-value-2", t("segments.value.max"))}
          </Space>
        ) : num(0, "filter-value", t("segments.value.number"));
      }
      break;
    case "text":
      if (count === "one") {
        return (
          <Input data-testid="filter-value" style={WIDE} placeholder={t("segments.value.text")} value={values[0] ?? ""}
            onChange={(e) => onValues(one(e.target.value))} />
        );
      }
      break;
    case "choice":
      if (count === "one") {
        return vocab ? (
          <Select data-testid="filter-value" style={WIDE} value={values[0]} options={options} virtual={false}
            placeholder={t("segments.value.pick")} onChange={(v: string) => onValues([v])} />
        ) : (
          <AutoComplete data-testid="filter-value" style={WIDE} value={values[0] ?? ""} options={options}
            placeholder={t("segments.value.pickOrType")} onChange={(v: string) => onValues(one(v.trim() === "" ? "" : v))}
            filterOption={(input, o) => String(o?.value ?? "").includes(input)} />
        );
      }
      break;
  }
  // One value or more: a fixed list picks, anything else (tags, regions, items, numbers) can also be typed.
  return (
    <Select data-testid="filter-value" style={WIDE} mode={vocab ? "multiple" : "tags"} value={values} options={options}
      tokenSeparators={vocab ? undefined : SEPARATORS} notFoundContent={vocab || options.length ? undefined : null}
      placeholder={t(vocab ? "segments.value.pick" : options.length ? "segments.value.pickOrType" : "segments.value.type")}
      onChange={(v: string[]) => onValues(v.map((s) => s.trim()).filter((s) => s !== ""))}
      virtual={false} allowClear showSearch optionFilterProp="label" />
  );
}
