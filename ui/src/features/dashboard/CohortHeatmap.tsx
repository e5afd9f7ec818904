// Monthly cohorts as a heat map: a row per first-purchase month, a column per month after it, each cell the share of
// the cohort that bought in that month. A cell opens exactly those customers; the cohort's size opens the cohort.
import { useMemo } from "react";
import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Cohort } from "../../bindings/Cohort";
import { useIsDark } from "../../app/theme";
import { formatCount, formatMonth, formatPercent } from "../../components/format";
import { cohortRows, heat } from "./cohortModel";
import { cohortFilter, customersUrl, type Scope } from "./drilldown";

export function CohortHeatmap({ cohorts, scope }: { cohorts: Cohort[]; scope: Scope }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const dark = useIsDark();
  const { rows, width, max } = useMemo(() => cohortRows(cohorts), [cohorts]);
  const open = (month: string, index: number | null) => navigate(customersUrl(cohortFilter(month, index, scope)));

  return (
    <Card title={t("dashboard.cohort.title")} size="small" data-testid="dashboard-cohorts">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("dashboard.cohort.hint")}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Text type="secondary" data-testid="cohort-none">{t("dashboard.cohort.none")}</Typography.Text>
      ) : (
        <div className="laoke-cohort-scroll">
          <table className="laoke-cohort" data-testid="cohort-table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.cohort.month")}</th>
                <th scope="col">{t("dashboard.cohort.buyers")}</th>
                {Array.from({ length: width }, (_, i) => <th key={i} scope="col">{t("dashboard.cohort.plus", { n: String(i + 1) })}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const month = formatMonth(r.month, locale);
                return (
                  <tr key={r.month} data-testid="cohort-row" data-month={r.month}>
                    <th scope="row">{month}</th>
                    <td>
                      <button type="button" className="laoke-cohort-size" data-testid="cohort-size" data-month={r.month}
                        title={t("dashboard.cohort.openCohort", { month })} onClick={() => open(r.month, null)}>
                        {formatCount(r.buyers, locale)}
                      </button>
                    </td>
                    {r.cells.map((c, i) => c === null ? <td key={i} /> : (
                      <td key={i}>
                        <button type="button" className="laoke-cohort-cell" style={heat(c.share, max, dark)}
                          data-testid="cohort-cell" data-month={r.month} data-index={c.index} data-rate={c.rate}
                          title={t("dashboard.cohort.cellTitle", { month, n: String(c.index + 1), rate: formatPercent(c.rate, locale) })}
                          onClick={() => open(r.month, c.index)}>
                          {formatPercent(c.rate, locale)}
                        </button>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
