// Shows any IPC failure as localized text (by ErrorDto code), with the code and raw message below.
import { Alert, Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { localizeError } from "../app/errors";

type Props = { error: unknown; onRetry?: () => void; testId?: string };

export function ErrorAlert({ error, onRetry, testId = "error-alert" }: Props) {
  const { t, i18n } = useTranslation();
  const { title, dto } = localizeError(i18n, error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      data-code={dto.code}
      message={title}
      description={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dto.code}
          {dto.message ? ` — ${dto.message}` : ""}
        </Typography.Text>
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
