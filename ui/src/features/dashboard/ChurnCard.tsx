// What churn cost in the period: the buyers who became churned in it, their average yearly value (what keeping one
// is worth a year, so the most a retention budget per kept buyer can cost) and the revenue a year lost with them.
import { Button, Card, Space, Statistic, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { ChurnCost } from "../../bindings/ChurnCost";
import { useDisplay } from "../../app/shopQueries";
import { formatCount, formatMoney } from "../../components/format";
import { churnFilter, customersUrl, type Scope } from "./drilldown";

type Props = { churn: ChurnCost; from: string | null; to: string | null; today: string; scope: Scope };

export function ChurnCard({ churn, from, to, today, scope }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, currency } = useDisplay();
  const money = (v: string) => formatMoney(v, currency, locale);
  // Churn days are never after today; an open period runs to today.
  const end = to && to < today ? to : today;
  const count = formatCount(churn.churned, locale);
  return (
    <Card title={t("dashboard.churn.title")} size="small" data-testid="dashboard-churn">
      <Space direction="vertical" size={12} style={{ width: "100%" }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("dashboard.churn.threshold", { days: String(churn.churn_days) })}
        </Typography.Text>
        <div className="laoke-churn-figures">
          <Statistic title={t("dashboard.churn.churned")} valueRender={() => churn.churned > 0 ? (
            <Tooltip title={t("dashboard.churn.openHint")}>
              <Button type="link" size="large" style={{ padding: 0, fontSize: 24, height: "auto" }} data-testid="dashboard-churn-open"
                onClick={() => navigate(customersUrl(churnFilter(churn.churn_days, from, end, scope)))}>
                {count}
              </Button>
            </Tooltip>
          ) : <span data-testid="dashboard-churn-count">{count}</span>} />
          <Statistic title={t("dashboard.churn.yearlyValue")} value={money(churn.yearly_value)} />
          <Statistic title={t("dashboard.churn.cost")} value={money(churn.cost)} />
        </div>
        {churn.churned > 0 ? (
          <Typography.Paragraph style={{ margin: 0 }} data-testid="dashboard-churn-advice">
            {t("dashboard.churn.advice", { value: money(churn.yearly_value) })}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("dashboard.churn.none")}</Typography.Paragraph>
        )}
      </Space>
    </Card>
  );
}
