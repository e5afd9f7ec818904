// The running import, under the Import button: percent of the current file read (from `import-progress`), rows so far, and Cancel.
import { useEffect, useRef } from "react";
import { Button, Flex, Progress, Typography, theme } from "antd";
import { StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ImportProgress } from "../../bindings/ImportProgress";
import { formatCount } from "../../components/format";
import { fileName } from "./fileEntries";
import { importPercent } from "./useImportRun";

type Props = { progress: ImportProgress | null; cancelling: boolean; onCancel: () => void };

export function ImportProgressBar({ progress, cancelling, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const percent = importPercent(progress);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ behavior: "smooth", block: "nearest" }), []);
  return (
    <div ref={ref} className="laoke-import-progress" data-testid="import-progress" data-percent={percent}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Text strong ellipsis style={{ maxWidth: "70%" }}>
          {progress ? t("import.run.reading", { file: fileName(progress.file) }) : t("import.run.starting")}
        </Typography.Text>
        <Button danger icon={<StopOutlined />} onClick={onCancel} loading={cancelling} data-testid="import-cancel">
          {cancelling ? t("import.run.cancelling") : t("import.run.cancel")}
        </Button>
      </Flex>
      <Progress percent={percent} status="active" strokeColor={token.colorPrimary} />
      <Typography.Text type="secondary" data-testid="import-progress-rows">
        {t("import.run.rows", { count: progress?.rows ?? 0, formatted: formatCount(progress?.rows ?? 0, i18n.language) })}
      </Typography.Text>
    </div>
  );
}
