// First-run screen (empty archive): import an export, or explore a demo shop; or skip.
import { Button, Progress, Typography, theme } from "antd";
import { ExperimentOutlined, ImportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { skipWelcome } from "../../app/session";
import { ChoiceCard } from "./ChoiceCard";
import { DEMO_REQUEST, progressPercent, useDemoShop } from "./useDemoShop";

export function WelcomePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const demo = useDemoShop(() => navigate("/dashboard", { replace: true }));
  const skip = () => {
    skipWelcome();
    navigate("/dashboard", { replace: true });
  };

  return (
    <main className="laoke-welcome" data-testid="welcome">
      <h1 className="laoke-welcome-title">
        {t("app.brandMark")} <span className="laoke-welcome-latin">{t("app.brandLatin")}</span>
      </h1>
      <Typography.Title level={3} style={{ marginTop: 8 }}>{t("welcome.title")}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 620, textAlign: "center" }}>
        {t("welcome.intro")}
      </Typography.Paragraph>

      <div className="laoke-welcome-choices">
        <ChoiceCard testId="welcome-import" icon={<ImportOutlined />} disabled={demo.running}
          title={t("welcome.importTitle")} text={t("welcome.importText")} onChoose={() => navigate("/import")} />
        <ChoiceCard testId="welcome-demo" icon={<ExperimentOutlined />} disabled={demo.running}
          title={t("welcome.demoTitle")} onChoose={demo.start}
          text={t("welcome.demoText", { customers: formatCount(DEMO_REQUEST.customers, i18n.language) })} />
      </div>

      {demo.running && (
        <div className="laoke-welcome-progress" data-testid="demo-progress">
          <Progress percent={progressPercent(demo.progress)} status="active" strokeColor={token.colorPrimary} />
          <Typography.Text type="secondary">
            {t(`welcome.phase.${demo.progress?.phase ?? "customers"}`, { defaultValue: t("welcome.phase.working") })}
          </Typography.Text>
        </div>
      )}
      {demo.error && !demo.running && (
        <div className="laoke-welcome-progress">
          <ErrorAlert error={demo.error} onRetry={demo.start} testId="demo-error" />
        </div>
      )}

      <Button type="link" onClick={skip} disabled={demo.running} data-testid="welcome-skip">
        {t("welcome.skip")}
      </Button>
    </main>
  );
}
