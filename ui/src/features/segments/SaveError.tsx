// Why saving a segment failed: a bad rule named by its number ("2.1") with its field and operator in segment
// words; anything else (a name too long…) as the app's usual localized error.
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { errorKey, errorParams, toErrorDto } from "../../app/errors";
import { ErrorAlert } from "../../components/ErrorAlert";

export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const dto = toErrorDto(error);
  if (dto.code.startsWith("filter.")) {
    // The rule's place as a person counts it comes from Rust (`rule`, "2.1"); its field and operator in segment words.
    const params = errorParams(dto.details);
    const words = {
      ...params,
      ...(params.field !== undefined ? { field: t(`segments.field.${params.field}`, { defaultValue: String(params.field) }) } : {}),
      ...(params.op !== undefined ? { op: t(`segments.op.${params.op}`, { defaultValue: String(params.op) }) } : {}),
    };
    return (
      <Alert type="error" showIcon data-testid="segment-save-error" data-code={dto.code}
        message={t(errorKey(dto.code), words)} />
    );
  }
  return <ErrorAlert error={error} testId="segment-save-error" />;
}
