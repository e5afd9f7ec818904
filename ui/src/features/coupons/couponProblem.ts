// Why Rust refuses a coupon plan or its results, in the seller's words: the code picks the text (errors.<code>), its
// details fill it, and a field it names is named as the form names it. Nothing here checks a plan.
import type { TFunction } from "i18next";
import { errorKey, errorParams, toErrorDto } from "../../app/errors";
import { filterProblem } from "../segments/SaveError";

export type Problem = { code: string; text: string };

/** The refusal as text, or null for an error that is not about what was sent (then it is shown as any failure). */
export function couponProblem(t: TFunction, error: unknown): Problem | null {
  const dto = toErrorDto(error);
  if (dto.code.startsWith("filter.")) return filterProblem(t, error);
  if (!dto.code.startsWith("coupon.")) return null;
  const params = errorParams(dto.details);
  const field = typeof params.field === "string" ? { field: t(`coupons.field.${params.field}`, { defaultValue: params.field }) } : {};
  return { code: dto.code, text: t(errorKey(dto.code), { ...params, ...field }) };
}
