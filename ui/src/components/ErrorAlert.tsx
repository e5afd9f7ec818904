// Shows any IPC failure as localized text (by ErrorDto code), where it happened (file, row, column),
// and the code below. The English message shows only for a code the UI has no words for (a plugin's, the
// JS runtime's): then it is all there is to go on.
import { Alert, Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { describePlace, errorPlace, localizeError } from "../app/errors";

type Props = { error: unknown; onRetry?: () => void; testId?: string; type?: "error" | "warning" };

export function ErrorAlert({ error, onRetry, testId = "error-alert", type = "error" }: Props) {
  const { t, i18n } = useTranslation();
  const { title, dto, known } = localizeError(i18n, error);
  const place = describePlace(i18n, errorPlace(dto));
  return (
    <Alert
      type={type}
      showIcon
      data-testid={testId}
      data-code={dto.code}
      message={title}
      description={
        <>
          {place && <Typography.Paragraph style={{ margin: 0 }} data-testid={`${testId}-place`}>{place}</Typography.Paragraph>}
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: "break-word" }}>
            {dto.code}
            {!known && dto.message ? ` — ${dto.message}` : ""}
          </Typography.Text>
        </>
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
