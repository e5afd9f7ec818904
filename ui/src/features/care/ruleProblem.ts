// Why Rust refuses a care rule, in the seller's words: the error's code picks the text (errors.<code>), its details
// fill it, and the part of the rule it is about (a template field, a trigger's number) is named as the editor names
// it. A refused target filter is worded as the segment builder words it. Nothing here checks a rule.
import type { TFunction } from "i18next";
import { errorKey, errorParams, toErrorDto } from "../../app/errors";
import { filterProblem } from "../segments/SaveError";

export type RuleProblem = { code: string; text: string };

/** The refusal of `care_rule_check` / `care_rule_save` as text, or null for an error that is not about the rule. */
export function ruleProblem(t: TFunction, error: unknown): RuleProblem | null {
  const dto = toErrorDto(error);
  if (dto.code.startsWith("filter.")) return filterProblem(t, error);
  if (!dto.code.startsWith("care.") && !dto.code.startsWith("template.")) return null;
  const params = errorParams(dto.details);
  const field = typeof params.field === "string" ? params.field : undefined;
  const words = { ...params, ...(field ? { field: t(`care.field.${field}`, { defaultValue: field }) } : {}) };
  const text = t(errorKey(dto.code), words);
  // A template's problem says where: "模板：第 4 个字处的变量…".
  return { code: dto.code, text: dto.code.startsWith("template.") && field ? t("care.editor.problemIn", { field: words.field, text }) : text };
}
