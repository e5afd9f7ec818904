// An honest page for an area that is not built yet: what it will do, and a way to get data in first.
import { Button, Card, Tag, Typography } from "antd";
import { ImportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useHasOrders } from "../app/shopQueries";
import { EmptyState } from "./EmptyState";
import { PageHeader } from "./PageHeader";

/** `area` picks `<area>.title`, `<area>.what` and `<area>.points` from the translation files. */
export function FeaturePlaceholder({ area, icon }: { area: string; icon: React.ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hasOrders = useHasOrders();
  const points = t(`${area}.points`, { returnObjects: true }) as unknown;

  return (
    <div data-testid={`page-${area}`}>
      <PageHeader title={t(`${area}.title`)} extra={<Tag color="blue">{t("common.comingSoon")}</Tag>} />
      <Card>
        <EmptyState
          image={<span className="laoke-empty-icon">{icon}</span>}
          title={t(`${area}.emptyTitle`)}
          description={t(`${area}.what`)}
          actions={
            hasOrders === false && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate("/import")}
                data-testid={`${area}-import`}>
                {t("common.importFirst")}
              </Button>
            )
          }
        />
        {Array.isArray(points) && (
          <ul className="laoke-points">
            {points.map((p) => (
              <li key={String(p)}>
                <Typography.Text>{String(p)}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
