// The before → after of proposed lifecycle thresholds: customers per stage now and after, and who would move.
import type { HTMLAttributes } from "react";
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { StagePreview } from "../../bindings/StagePreview";
import { useDisplay } from "../../app/shopQueries";
import { formatCount, formatDate } from "../../components/format";
import { formatChange, previewRows, type PreviewRow } from "./lifecycleModel";

type Props = { preview: StagePreview; stale: boolean };

export function LifecyclePreview({ preview, stale }: Props) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const n = (v: number) => formatCount(v, locale);
  const stageName = (s: string) => t(`lifecycle.stage.${s}`, { defaultValue: s });
  const rows = previewRows(preview);

  return (
    <div data-testid="lifecycle-preview" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t("lifecycle.preview.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("lifecycle.preview.asOf", { date: formatDate(preview.as_of, locale, timeZone) })}
      </Typography.Paragraph>
      <Table<PreviewRow>
        size="small" pagination={false} rowKey="stage" dataSource={rows}
        onRow={(r) => ({
          "data-testid": "lifecycle-preview-row", "data-stage": r.stage, "data-now": r.now, "data-after": r.after,
        }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: "stage", title: t("lifecycle.preview.stage"), render: (_, r) => stageName(r.stage) },
          { key: "now", title: t("lifecycle.preview.now"), align: "right", render: (_, r) => n(r.now) },
          { key: "after", title: t("lifecycle.preview.after"), align: "right", render: (_, r) => n(r.after) },
          { key: "change", title: t("lifecycle.preview.change"), align: "right", render: (_, r) => (
            <Typography.Text type={r.change > 0 ? "success" : r.change < 0 ? "danger" : "secondary"}>
              {formatChange(r.change, locale)}
            </Typography.Text>
          ) },
        ]}
      />
      <Typography.Title level={5}>{t("lifecycle.preview.moves")}</Typography.Title>
      {preview.moves.length === 0
        ? <Typography.Text type="secondary" data-testid="lifecycle-no-moves">{t("lifecycle.preview.noMoves")}</Typography.Text>
        : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {preview.moves.map((m) => (
              <li key={`${m.from}>${m.to}`} data-testid="lifecycle-move" data-from={m.from} data-to={m.to}
                data-customers={m.customers}>
                {t("lifecycle.preview.move", {
                  from: stageName(m.from), to: stageName(m.to), count: m.customers, formatted: n(m.customers),
                })}
              </li>
            ))}
          </ul>
        )}
    </div>
  );
}
