// The shop's latest tier changes on the Tiers page: who went from which tier to which, when and why.
// Applying a ladder moves many customers at once; "hide ladder changes" leaves the day-to-day ones.
import { useState } from "react";
import { Card, Switch, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TierChangeRow } from "../../bindings/TierChangeRow";
import { tierChangesRecent } from "../../ipc/commands";
import { useDisplay } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDate } from "../../components/format";
import { ProfileDrawer } from "../customers/profile/ProfileDrawer";
import { tierKeys } from "./ladderModel";
import { TierTag, useTierColors } from "./TierBadge";

const LIMIT = 100;

export function RecentTierChanges() {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const [skipLadder, setSkipLadder] = useState(false);
  const [profile, setProfile] = useState<number | null>(null);
  const recent = useQuery({
    queryKey: [...tierKeys.recent(), skipLadder],
    queryFn: () => tierChangesRecent(LIMIT, skipLadder),
  });
  // Colours looked up once for the table, as the customer list does, not once per badge.
  const colors = useTierColors();
  const tier = (name: string | null) => name
    ? <TierTag name={name} color={colors.get(name) ?? "default"} />
    : <Typography.Text type="secondary">{t("tiers.preview.noTier")}</Typography.Text>;

  return (
    <Card title={t("tiers.history.title")} style={{ marginTop: 16 }} data-testid="tiers-history"
      extra={(
        <Typography.Text type="secondary">
          {t("tiers.history.skipLadder")}{" "}
          <Switch size="small" checked={skipLadder} onChange={setSkipLadder} data-testid="tiers-history-skip-ladder" />
        </Typography.Text>
      )}>
      {recent.isError && <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} testId="tiers-history-error" />}
      <Table<TierChangeRow & { key: number }> size="small" loading={recent.isPending}
        dataSource={(recent.data ?? []).map((r, key) => ({ ...r, key }))} pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: t("tiers.history.empty") }}
        onRow={() => ({ "data-testid": "tiers-history-row" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "on", title: t("tiers.history.on"), width: 110, render: (_, r) => formatDate(r.on, locale, timeZone, "numeric") },
          { key: "who", title: t("tiers.movers.customer"), render: (_, r) => (
            <Typography.Link onClick={() => setProfile(r.customer_id)}>{r.nick || r.buyer_id}</Typography.Link>
          ) },
          { key: "move", title: t("tiers.movers.move"), render: (_, r) => <>{tier(r.from)} → {tier(r.to)}</> },
          { key: "why", title: t("tiers.history.why"),
            render: (_, r) => t(`profile.tierCard.reason.${r.reason}`, { defaultValue: r.reason }) },
        ]} />
      <ProfileDrawer customerId={profile} onClose={() => setProfile(null)} />
    </Card>
  );
}
