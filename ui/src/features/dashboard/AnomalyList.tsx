// The days whose figures left their expected range (flagged), and the high days of big promotions (expected, listed
// apart with the promotion's name). Values are the strings Rust sent, formatted: money for revenue and average order
// value, plain numbers otherwise.
import { Card, Table, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Anomaly } from "../../bindings/Anomaly";
import { useDisplay } from "../../app/shopQueries";
import { formatDate, formatDecimal, formatMoney } from "../../components/format";
import { MARK_COLORS } from "./seriesOptions";

/** A figure of a metric: money for revenue and AOV, else a number (expected counts may have a fraction). */
export function formatFigure(a: Pick<Anomaly, "metric">, value: string, locale: string, currency: string): string {
  if (a.metric === "revenue" || a.metric === "aov") return formatMoney(value, currency, locale);
  return formatDecimal(value, locale, 1);
}

/** A promotion's name in the seller's language (its key when the UI has none: a newer Rust). */
export const promotionName = (t: TFunction, key: string | null): string =>
  key ? t(`dashboard.promotion.${key}`, { defaultValue: key }) : "";

type Props = { anomalies: Anomaly[]; peaks: Anomaly[]; daily: boolean };

export function AnomalyList({ anomalies, peaks, daily }: Props) {
  const { t } = useTranslation();
  const { locale, currency, timeZone } = useDisplay();
  const fig = (a: Anomaly, v: string) => formatFigure(a, v, locale, currency);
  const rows = [...anomalies.map((a) => ({ a, peak: false })), ...peaks.map((a) => ({ a, peak: true }))]
    .sort((x, y) => x.a.date.localeCompare(y.a.date) || x.a.metric.localeCompare(y.a.metric));
  return (
    <Card title={t("dashboard.anomaly.title")} size="small" data-testid="dashboard-anomalies">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("dashboard.anomaly.hint")}{!daily && rows.length > 0 ? ` ${t("dashboard.anomaly.switchToDay")}` : ""}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Text type="secondary" data-testid="anomaly-none">{t("dashboard.anomaly.none")}</Typography.Text>
      ) : (
        <Table size="small" pagination={rows.length > 10 ? { pageSize: 10, size: "small" } : false}
          rowKey={(r) => `${r.a.date}:${r.a.metric}`} dataSource={rows}
          onRow={(r) => ({ "data-testid": r.peak ? "anomaly-peak" : "anomaly-row", "data-date": r.a.date,
            "data-metric": r.a.metric }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: "date", title: t("dashboard.anomaly.date"), width: 130, render: (_, r) => formatDate(r.a.date, locale, timeZone) },
            { key: "metric", title: t("dashboard.anomaly.metric"), render: (_, r) => t(`dashboard.anomaly.metricName.${r.a.metric}`) },
            { key: "value", title: t("dashboard.anomaly.value"), align: "right", className: "laoke-nowrap",
              render: (_, r) => fig(r.a, r.a.value) },
            { key: "range", title: t("dashboard.anomaly.expected"), align: "right", className: "laoke-nowrap",
              render: (_, r) => t("dashboard.anomaly.range", { low: fig(r.a, r.a.expected_low), high: fig(r.a, r.a.expected_high) }) },
            { key: "kind", title: "", render: (_, r) => r.peak ? (
              <Tag color={MARK_COLORS.peak}>{t("dashboard.anomaly.peak", { promotion: promotionName(t, r.a.promotion) })}</Tag>
            ) : (
              <Tag color={r.a.direction === "low" ? MARK_COLORS.low : MARK_COLORS.high}>
                {t(r.a.direction === "low" ? "dashboard.anomaly.low" : "dashboard.anomaly.high")}
              </Tag>
            ) },
          ]} />
      )}
    </Card>
  );
}
