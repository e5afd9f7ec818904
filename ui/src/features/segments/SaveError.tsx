// Why saving a segment failed: a bad rule (named by its number, e.g. "2.1") or a bad name in segment words,
// anything else as the app's usual localized error.
import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { toErrorDto } from "../../app/errors";
import { ErrorAlert } from "../../components/ErrorAlert";

/** "rules[1].rules[0]" → "2.1": the rule's place as a person counts it. */
export function rulePlace(path: string): string {
  const nums = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  return nums.length ? nums.join(".") : path;
}

export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const dto = toErrorDto(error);
  const details = (typeof dto.details === "object" && dto.details !== null ? dto.details : {}) as Record<string, unknown>;
  if (dto.code === "filter.invalid") {
    const path = typeof details.path === "string" ? details.path : "";
    const reason = typeof details.reason === "string" ? details.reason : dto.message;
    return (
      <Alert type="error" showIcon data-testid="segment-save-error" data-code={dto.code}
        message={t("segments.editor.filterInvalid", { place: rulePlace(path) })}
        description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{reason}</Typography.Text>} />
    );
  }
  if (dto.code === "settings.invalid") {
    return (
      <Alert type="error" showIcon data-testid="segment-save-error" data-code={dto.code}
        message={t("segments.editor.nameInvalid")}
        description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{dto.message}</Typography.Text>} />
    );
  }
  return <ErrorAlert error={error} testId="segment-save-error" />;
}
