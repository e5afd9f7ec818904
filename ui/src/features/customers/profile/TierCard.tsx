// The customer's membership tier in the profile: what they hold and since when, a pending downgrade,
// pinning to a tier by hand (or handing them back to the rules), and every tier change with its reason.
import { App, Button, Card, Empty, Select, Space, Timeline, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CustomerProfile } from "../../../bindings/CustomerProfile";
import { tierPin, tierState } from "../../../ipc/commands";
import { useDisplay } from "../../../app/shopQueries";
import { formatDate } from "../../../components/format";
import { useErrorNotice } from "../../../components/useErrorNotice";
import { TierBadge } from "../../tiers/TierBadge";
import { tierKeys } from "../../tiers/ladderModel";
import { CUSTOMERS_PREFIX } from "./useProfileActions";

export function TierCard({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const state = useQuery({ queryKey: tierKeys.state(), queryFn: tierState, staleTime: 60_000 });
  const pin = useMutation({
    mutationFn: (tier: string | null) => tierPin(profile.id, tier),
    onSuccess: async (_, tier) => {
      message.success(tier ? t("profile.tierCard.pinned", { tier }) : t("profile.tierCard.unpinned"));
      await client.invalidateQueries({ queryKey: CUSTOMERS_PREFIX });
    },
    onError: notifyError,
  });
  const date = (v: string | null) => formatDate(v, locale, timeZone, "numeric");
  const history = [...profile.tier_history].reverse(); // newest first
  const names = state.data?.applied ? state.data.ladder.tiers.map((r) => r.name) : [];
  const label = (tier: string | null) => tier ?? t("profile.tierCard.none");

  return (
    <Card size="small" title={t("profile.tierCard.title")} data-testid="profile-tier-card">
      <Space direction="vertical" size={8} style={{ width: "100%" }}>
        <Space wrap>
          {profile.tier ? <TierBadge name={profile.tier} pinned={profile.tier_pinned} testId="profile-tier-card-badge" />
            : <Typography.Text type="secondary">{t("profile.tierCard.none")}</Typography.Text>}
          {profile.tier_since && <Typography.Text type="secondary">{t("profile.since", { date: date(profile.tier_since) })}</Typography.Text>}
        </Space>
        {profile.tier_downgrade_due && (
          <Typography.Text type="warning" data-testid="profile-tier-downgrade">
            {t("profile.tierCard.downgradeDue", { date: date(profile.tier_downgrade_due) })}
          </Typography.Text>
        )}
        {names.length > 0 && (
          <Space wrap>
            <Select<string> data-testid="profile-tier-pin" size="small" style={{ width: 160 }} placeholder={t("profile.tierCard.pinTo")}
              value={profile.tier_pinned ? profile.tier ?? undefined : undefined} disabled={pin.isPending}
              aria-label={t("profile.tierCard.pinTo")}
              options={names.map((n) => ({ value: n, label: n }))} onChange={(tier) => pin.mutate(tier)} />
            {profile.tier_pinned && (
              <Button size="small" data-testid="profile-tier-unpin" loading={pin.isPending} onClick={() => pin.mutate(null)}>
                {t("profile.tierCard.unpin")}
              </Button>
            )}
          </Space>
        )}
        {history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.tierCard.noHistory")} />
        ) : (
          <Timeline style={{ marginTop: 8, marginBottom: -16 }} data-testid="profile-tier-history" items={history.map((h, i) => ({
            key: i,
            children: (
              <>
                <div>{t("profile.tierCard.change", { from: label(h.from), to: label(h.to) })}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {date(h.on)} · {t(`profile.tierCard.reason.${h.reason}`, { defaultValue: h.reason })}
                </Typography.Text>
              </>
            ),
          }))} />
        )}
      </Space>
    </Card>
  );
}
