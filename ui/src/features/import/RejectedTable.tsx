// The rows a file could not use — row, column and reason — for the preview, the report and the history.
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Rejection } from "../../bindings/Rejection";
import { useDisplay } from "../../app/shopQueries";
import { formatCount } from "../../components/format";
import { rejectedColumns } from "./previewColumns";

type Props = { rejected: Rejection[]; testId: string; title?: string };

export function RejectedTable({ rejected, testId, title }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useDisplay();
  return (
    <div data-testid={testId} data-count={rejected.length}>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title ?? t("import.rejected.title")}{" "}
        <Typography.Text type={rejected.length ? "danger" : "secondary"} style={{ fontWeight: "normal" }}>
          ({formatCount(rejected.length, i18n.language)})
        </Typography.Text>
      </Typography.Title>
      {rejected.length === 0 ? (
        <Typography.Text type="secondary">{t("import.rejected.none")}</Typography.Text>
      ) : (
        <Table<Rejection>
          size="small"
          rowKey={(r) => `${r.row}:${r.column ?? ""}:${r.reason}`}
          columns={rejectedColumns({ t, locale: i18n.language, timeZone })}
          dataSource={rejected}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </div>
  );
}
