// The frame around every page except the welcome screen: title, left Sider nav, content.
import { Badge, Layout, Menu, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useCareDueCount } from "../careDue";
import { activeNavKey, NAV_ITEMS } from "./navItems";

export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = activeNavKey(pathname);
  const due = useCareDueCount();

  const items = NAV_ITEMS.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <span data-testid={`nav-${item.key}`}>
        {t(`nav.${item.key}`)}
        {/* Today's care messages due and waiting, as the scheduler last said. */}
        {item.key === "care" && due > 0 && (
          <Badge count={due} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} data-testid="nav-care-due"
            title={t("care.notify.badge", { count: due })} />
        )}
      </span>
    ),
    onClick: () => navigate(item.path),
  }));

  return (
    <Layout className="laoke-shell">
      <Layout.Sider width={200} theme="light" className="laoke-sider" breakpoint="lg" collapsedWidth={64}>
        <div className="laoke-brand" data-testid="app-title">
          <Typography.Text strong className="laoke-brand-zh">{t("app.brandMark")}</Typography.Text>
          <Typography.Text type="secondary" className="laoke-brand-en">{t("app.brandLatin")}</Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
      </Layout.Sider>
      <Layout.Content className="laoke-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
