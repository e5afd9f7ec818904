// The headline figures: customers, buyers, orders, revenue, average order value, repurchase rate.
import { Card, Statistic, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { ShopStats } from "../../bindings/ShopStats";
import { useDisplay } from "../../app/shopQueries";
import { formatCount, formatMoney, formatPercent } from "../../components/format";

export function StatCards({ stats }: { stats: ShopStats }) {
  const { t } = useTranslation();
  const { locale, currency } = useDisplay();
  const cards: Array<{ key: string; value: string; raw: string }> = [
    { key: "customers", value: formatCount(stats.customers, locale), raw: String(stats.customers) },
    { key: "buyers", value: formatCount(stats.buyers, locale), raw: String(stats.buyers) },
    { key: "orders", value: formatCount(stats.orders, locale), raw: String(stats.orders) },
    { key: "revenue", value: formatMoney(stats.revenue, currency, locale), raw: stats.revenue },
    { key: "aov", value: formatMoney(stats.aov, currency, locale), raw: stats.aov },
    { key: "repurchase", value: formatPercent(stats.repurchase_rate, locale), raw: stats.repurchase_rate },
  ];
  return (
    <div className="laoke-stat-grid">
      {cards.map((c) => (
        <Card key={c.key} size="small" data-testid={`dashboard-stat-${c.key}`} data-value={c.raw}>
          <Tooltip title={t(`dashboard.hint.${c.key}`)} placement="topLeft">
            <Statistic title={t(`dashboard.stat.${c.key}`)} value={c.value} />
          </Tooltip>
        </Card>
      ))}
    </div>
  );
}
