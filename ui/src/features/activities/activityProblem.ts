// Why Rust refuses an activity, its settings or its results, in the seller's words: the code picks the text
// (errors.<code>), its details fill it, and a field it names is named as the editor names it. A refused target filter
// is worded as the segment builder words it. Nothing here checks an activity.
import type { TFunction } from "i18next";
import { errorKey, errorParams, toErrorDto } from "../../app/errors";
import { filterProblem } from "../segments/SaveError";

export type Problem = { code: string; text: string };

/** A field an error names (`slot_start`, `steps[2].at`, `participants`) as the editor labels it. */
export function activityField(t: TFunction, field: string): string {
  const step = /^steps\[(\d+)\]\.at$/.exec(field);
  if (step) return t("activities.field.stepAt", { step: Number(step[1]) + 1 });
  return t(`activities.field.${field}`, { defaultValue: field });
}

/** The refusal as text, or null for an error that is not about what was sent (then it is shown as any failure). */
export function activityProblem(t: TFunction, error: unknown): Problem | null {
  const dto = toErrorDto(error);
  if (dto.code.startsWith("filter.")) return filterProblem(t, error);
  if (!dto.code.startsWith("activity.") && !dto.code.startsWith("template.")) return null;
  const params = errorParams(dto.details);
  const words = { ...params, ...(typeof params.field === "string" ? { field: activityField(t, params.field) } : {}) };
  const text = t(errorKey(dto.code), words);
  return { code: dto.code, text: dto.code.startsWith("template.") ? t("activities.editor.problemIn", { text }) : text };
}
