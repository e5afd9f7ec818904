// Why saving a segment failed: a bad rule named by its number ("2.1") with its field and operator in segment
// words; anything else (a name too long…) as the app's usual localized error.
import { Alert } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorKey, errorParams, toErrorDto } from "../../app/errors";
import { ErrorAlert } from "../../components/ErrorAlert";

/**
 * A refused filter in the seller's words, or null for any other error: the rule's place as a person counts it
 * comes from Rust (`rule`, "2.1"), its field and operator in segment words.
 */
export function filterProblem(t: TFunction, error: unknown): { code: string; text: string } | null {
  const dto = toErrorDto(error);
  if (!dto.code.startsWith("filter.")) return null;
  const params = errorParams(dto.details);
  const words = {
    ...params,
    ...(params.field !== undefined ? { field: t(`segments.field.${params.field}`, { defaultValue: String(params.field) }) } : {}),
    ...(params.op !== undefined ? { op: t(`segments.op.${params.op}`, { defaultValue: String(params.op) }) } : {}),
  };
  return { code: dto.code, text: t(errorKey(dto.code), words) };
}

export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = filterProblem(t, error);
  if (problem) {
    return <Alert type="error" showIcon data-testid="segment-save-error" data-code={problem.code} message={problem.text} />;
  }
  return <ErrorAlert error={error} testId="segment-save-error" />;
}
