// Dashboard card: buyers in the 11 RFM groups (with what each means) beside the Pareto curve of value: the
// dashboard's (of its period and scope) when given, else the archive's from rfm_summary.
import { useMemo, type HTMLAttributes } from "react";
import type { Pareto } from "../../bindings/Pareto";
import { Card, Col, Row, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { rfmSummary } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { Chart } from "../../components/Chart";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { formatFraction, formatShare, groupRows, hasBuyers, paretoOption, type GroupRow } from "./rfmModel";

export function RfmPareto({ pareto: given }: { pareto?: Pareto }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const query = useQuery({ queryKey: queryKeys.rfm(), queryFn: rfmSummary });
  const data = query.data;
  const pareto = given ?? data?.pareto;
  const rows = useMemo(() => (data ? groupRows(data.groups) : []), [data]);
  const option = useMemo(
    () => pareto && paretoOption(pareto.curve, { locale, t: (k, v) => t(k, v ?? {}) }, pareto.top20_share),
    [pareto, locale, t],
  );

  if (query.isError) {
    return (
      <Card title={t("lifecycle.rfm.title")} data-testid="rfm-card">
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} testId="rfm-error" />
      </Card>
    );
  }
  if (!hasBuyers(data) || !option || !pareto) return null; // loading, or no buyers yet: nothing to show

  const groupName = (g: string) => t(`lifecycle.rfm.${g}.name`, { defaultValue: g });
  return (
    <Card title={t("lifecycle.rfm.title")} data-testid="rfm-card">
      <Row gutter={[32, 24]}>
        <Col xs={24} xl={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t("lifecycle.rfm.groupsTitle")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("lifecycle.rfm.groupsHint")}</Typography.Paragraph>
          <Table<GroupRow>
            size="small" pagination={false} rowKey="group" dataSource={rows}
            onRow={(r) => ({ "data-testid": "rfm-group", "data-group": r.group, "data-count": r.count }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: "group", title: t("lifecycle.rfm.group"), render: (_, r) => (
                <>
                  <Typography.Text strong>{groupName(r.group)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`lifecycle.rfm.${r.group}.meaning`, { defaultValue: "" })}
                  </Typography.Text>
                </>
              ) },
              { key: "count", title: t("lifecycle.rfm.buyers"), align: "right", className: "laoke-nowrap",
                render: (_, r) => formatCount(r.count, locale) },
              { key: "share", title: t("lifecycle.rfm.share"), width: 120, render: (_, r) => (
                <div title={formatFraction(r.share, locale)}>
                  <div style={{ fontSize: 12 }}>{formatFraction(r.share, locale)}</div>
                  <div style={{ height: 6, borderRadius: 3, background: "#f5ebe0" }}>
                    <div style={{ width: `${r.share * 100}%`, height: 6, borderRadius: 3, background: "#f4a259" }} />
                  </div>
                </div>
              ) },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t("lifecycle.rfm.paretoTitle")}</Typography.Title>
          {pareto.buyers > 0 ? (
            <>
              <Typography.Title level={4} data-testid="pareto-top20" data-share={pareto.top20_share}
                style={{ marginTop: 0, color: "#c2410c" }}>
                {t("lifecycle.rfm.top20", { share: formatShare(pareto.top20_share, locale) })}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t(given ? "lifecycle.rfm.paretoHintPeriod" : "lifecycle.rfm.paretoHint", { buyers: formatCount(pareto.buyers, locale) })}
              </Typography.Paragraph>
              <Chart option={option} testId="pareto-chart" ariaLabel={t("lifecycle.rfm.paretoTitle")} height={300} />
            </>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="pareto-none">{t("lifecycle.rfm.paretoNone")}</Typography.Paragraph>
          )}
        </Col>
      </Row>
    </Card>
  );
}
