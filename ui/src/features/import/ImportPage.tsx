// The import area: which order exports Laoke will read. Importing itself arrives in the next release.
import { Alert, Button, Card, Col, Row, Typography } from "antd";
import { ExperimentOutlined, FileExcelOutlined, ShopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useHasOrders } from "../../app/shopQueries";
import { PageHeader } from "../../components/PageHeader";
import { PLATFORMS } from "../../components/PlatformTag";

const FORMAT_KEYS = PLATFORMS.filter((p) => p !== "tmall"); // Taobao and Tmall share one export

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hasOrders = useHasOrders();
  return (
    <div data-testid="page-import">
      <PageHeader title={t("import.title")} subtitle={t("import.subtitle")} />
      <Alert type="info" showIcon data-testid="import-next-release" message={t("import.nextRelease")}
        description={t("import.nextReleaseText")} style={{ marginBottom: 16 }}
        action={hasOrders === false && (
          <Button icon={<ExperimentOutlined />} onClick={() => navigate("/welcome")} data-testid="import-try-demo">
            {t("import.tryDemo")}
          </Button>
        )} />
      <Row gutter={[16, 16]}>
        {FORMAT_KEYS.map((key) => (
          <Col key={key} xs={24} md={12} xl={8}>
            <Card size="small" data-testid={`import-format-${key}`} style={{ height: "100%" }}>
              <Card.Meta
                avatar={key === "generic" ? <FileExcelOutlined /> : <ShopOutlined />}
                title={t(`import.format.${key}.name`)}
                description={<Typography.Text type="secondary">{t(`import.format.${key}.text`)}</Typography.Text>}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{t("import.promiseTitle")}</Typography.Title>
        <ul className="laoke-points" style={{ margin: 0 }}>
          {(t("import.promises", { returnObjects: true }) as string[]).map((p) => <li key={p}>{p}</li>)}
        </ul>
      </Card>
    </div>
  );
}
