// The customer profile drawer: header (who, stage, RFM, DND) and tabs for overview, contact, tags & notes, orders.
import { useState, type ReactNode } from "react";
import { Drawer, Skeleton, Space, Tabs, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CustomerProfile } from "../../../bindings/CustomerProfile";
import { customerProfile } from "../../../ipc/commands";
import { queryKeys } from "../../../app/queryKeys";
import { useDisplay } from "../../../app/shopQueries";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatCount } from "../../../components/format";
import { ContactForm } from "./ContactForm";
import { NotesPanel } from "./NotesPanel";
import { OrdersTable } from "./OrdersTable";
import { OverviewTab } from "./OverviewTab";
import { DndSwitch, ProfileHeader } from "./ProfileHeader";
import { RecordMessage } from "./RecordMessage";
import { TagEditor } from "./TagEditor";

type Props = { customerId: number | null; onClose: () => void };

function tabLabel(testId: string, text: string, count?: string): ReactNode {
  return (
    <span data-testid={testId}>
      {text}
      {count !== undefined && <Typography.Text type="secondary"> {count}</Typography.Text>}
    </span>
  );
}

function ProfileTabs({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { locale } = useDisplay();
  const count = (n: number) => formatCount(n, locale);
  return (
    <Tabs size="small" defaultActiveKey="overview" items={[
      { key: "overview", label: tabLabel("profile-tab-overview", t("profile.tab.overview")),
        children: <OverviewTab profile={profile} /> },
      { key: "contact", label: tabLabel("profile-tab-contact", t("profile.tab.contact")),
        children: <ContactForm id={profile.id} contact={profile.contact} /> },
      { key: "tags", label: tabLabel("profile-tab-tags", t("profile.tab.tags"), count(profile.notes.length)),
        children: (
          <Space direction="vertical" size={16} style={{ width: "100%" }}>
            <div>
              <Typography.Title level={5}>{t("profile.tags.title")}</Typography.Title>
              <TagEditor id={profile.id} tags={profile.tags} />
            </div>
            <div>
              <Typography.Title level={5}>{t("profile.notes.title")}</Typography.Title>
              <NotesPanel id={profile.id} notes={profile.notes} />
            </div>
          </Space>
        ) },
      { key: "orders", label: tabLabel("profile-tab-orders", t("profile.tab.orders"), count(profile.orders.length)),
        children: <OrdersTable orders={profile.orders} /> },
    ]} />
  );
}

export function ProfileDrawer({ customerId, onClose }: Props) {
  const { t } = useTranslation();
  // Keep showing the last customer while the drawer slides out.
  const [shownId, setShownId] = useState(customerId);
  if (customerId !== null && customerId !== shownId) setShownId(customerId);
  const open = customerId !== null;
  const id = shownId ?? 0;
  const profile = useQuery({
    queryKey: queryKeys.profile(id),
    queryFn: () => customerProfile(id),
    enabled: open,
  });
  const data = profile.data?.id === shownId ? profile.data : undefined;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      destroyOnHidden
      data-testid="profile-drawer"
      title={data ? <ProfileHeader profile={data} /> : t("profile.title")}
      extra={data && (
        <Space size={12} wrap>
          <RecordMessage customerId={data.id} />
          <DndSwitch profile={data} />
        </Space>
      )}
    >
      {profile.isPending && <Skeleton active />}
      {profile.isError && <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} testId="profile-error" />}
      {data && <ProfileTabs key={data.id} profile={data} />}
    </Drawer>
  );
}
