// The live preview of a proposed ladder: customers per tier now and after, who moves, revenue share, discount cost, chart.
import { useMemo, type HTMLAttributes } from "react";
import { Table, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EChartsCoreOption } from "echarts/core";
import type { TierPreview } from "../../bindings/TierPreview";
import { useDisplay } from "../../app/shopQueries";
import { Chart } from "../../components/Chart";
import { Money } from "../../components/Money";
import { formatCount, formatDate, formatPercent } from "../../components/format";
import { previewRows, type PreviewRow } from "./ladderModel";
import type { MoverTarget } from "./MoversModal";

type Props = { preview: TierPreview; stale: boolean; onOpenMovers: (target: MoverTarget) => void };

export function TierPreviewPanel({ preview, stale, onOpenMovers }: Props) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const n = (v: number) => formatCount(v, locale);
  const rows = useMemo(() => previewRows(preview), [preview]);
  const label = (r: PreviewRow) => r.name ?? t("tiers.preview.noTier");

  const option = useMemo<EChartsCoreOption>(() => {
    const now = t("tiers.preview.now");
    const after = t("tiers.preview.after");
    return {
      color: ["#bfbfbf", "#c2410c"],
      tooltip: { trigger: "axis", renderMode: "richText" },
      legend: { data: [now, after], top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: "category", data: rows.map((r) => r.name ?? t("tiers.preview.noTier")) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: now, type: "bar", data: rows.map((r) => r.now), barMaxWidth: 24 },
        { name: after, type: "bar", data: rows.map((r) => r.after), barMaxWidth: 24 },
      ],
    };
  }, [rows, t]);

  return (
    <div data-testid="tiers-preview" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1 }}>
      <Typography.Paragraph type="secondary">
        {t("tiers.preview.asOf", { date: formatDate(preview.as_of, locale, timeZone) })}
      </Typography.Paragraph>
      <Table<PreviewRow>
        size="small" pagination={false} rowKey="key" dataSource={rows} scroll={{ x: "max-content" }} className="laoke-nowrap"
        onRow={(r) => ({
          "data-testid": "tiers-preview-row", "data-name": r.name ?? "", "data-now": r.now, "data-after": r.after,
        }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: "tier", title: t("tiers.preview.tier"), render: (_, r) => (
            r.name === null ? <Typography.Text type="secondary">{label(r)}</Typography.Text> : r.name
          ) },
          { key: "now", title: t("tiers.preview.now"), align: "right", render: (_, r) => n(r.now) },
          { key: "after", title: t("tiers.preview.after"), align: "right", render: (_, r) => (
            <Typography.Text strong={r.after !== r.now}>{n(r.after)}</Typography.Text>
          ) },
          { key: "up", title: <Tooltip title={t("tiers.preview.upHint")}>{t("tiers.preview.up")}</Tooltip>, align: "right",
            render: (_, r) => (r.up ? (
              <Typography.Link type="success" data-testid="tiers-preview-up" onClick={() => onOpenMovers({ direction: "up", tier: r.name })}>
                {n(r.up)}
              </Typography.Link>
            ) : "–") },
          { key: "down", title: <Tooltip title={t("tiers.preview.downHint")}>{t("tiers.preview.down")}</Tooltip>, align: "right",
            render: (_, r) => (r.down ? (
              <Typography.Link type="danger" data-testid="tiers-preview-down"
                onClick={() => onOpenMovers({ direction: r.name === null ? "dropped" : "down", tier: r.name })}>
                {n(r.down)}
              </Typography.Link>
            ) : "–") },
          { key: "share", title: t("tiers.preview.share"), align: "right",
            render: (_, r) => (r.share === null ? "–" : formatPercent(r.share, locale)) },
          { key: "cost", title: <Tooltip title={t("tiers.preview.costHint")}>{t("tiers.preview.cost")}</Tooltip>, align: "right",
            render: (_, r) => (r.cost === null ? "–" : <Money value={r.cost} />) },
        ]}
      />
      <Chart option={option} height={240} testId="tiers-chart" ariaLabel={t("tiers.preview.chart")} />
    </div>
  );
}
