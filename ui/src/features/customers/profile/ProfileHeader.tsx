// The drawer's header: who the customer is (nick, buyer ID, platform, the shops they bought in, stage, RFM,
// tier) and the DND switch.
import { App, Space, Switch, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerProfile } from "../../../bindings/CustomerProfile";
import { useDisplay } from "../../../app/shopQueries";
import { PlatformTag } from "../../../components/PlatformTag";
import { formatDate } from "../../../components/format";
import { useErrorNotice } from "../../../components/useErrorNotice";
import { TierBadge } from "../../tiers/TierBadge";
import { STAGE_COLORS, rfmLabel, stageLabel } from "./profileText";
import { useProfileActions } from "./useProfileActions";

// Two lines at most (28 px each), by height: WebKitGTK drops React's camel-cased `WebkitLineClamp`,
// so a line clamp never applied there (the e2e injection test's 10,000-character nick showed it).
// The clip is on a wrapper: on the heading itself, WebDriver reads its text as empty.
const NICK_CLIP = { maxHeight: 56, overflow: "hidden", minWidth: 0 } as const;
const NICK_STYLE = { margin: 0, overflowWrap: "anywhere" } as const;

export function ProfileHeader({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const { nick, buyer_id: buyerId, stage, rfm } = profile;
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 0 }}>
      <Space size={8} align="baseline" wrap>
        {/* At most two lines: a nick of thousands of characters would otherwise push the tabs out of the drawer. */}
        <div style={NICK_CLIP}>
          <Typography.Title level={4} style={NICK_STYLE} title={nick || buyerId} data-testid="profile-nick">{nick || buyerId}</Typography.Title>
        </div>
        {nick && nick !== buyerId && (
          <Typography.Text type="secondary" copyable={{ text: buyerId }} ellipsis={{ tooltip: buyerId }}
            style={{ fontSize: 12, fontWeight: "normal", maxWidth: 360 }} data-testid="profile-buyer-id">{buyerId}</Typography.Text>
        )}
      </Space>
      <Space size={[0, 4]} wrap style={{ fontWeight: "normal" }}>
        <PlatformTag platform={profile.platform} />
        {profile.shops.map((shop) => (
          <Tooltip key={shop} title={t("profile.shops")}>
            <Tag color="geekblue" data-testid="profile-shop">{shop}</Tag>
          </Tooltip>
        ))}
        {stage && (
          <Tag color={STAGE_COLORS[stage]} data-testid="profile-stage" data-stage={stage}>
            {stageLabel(t, stage)}
            {profile.stage_since &&
              ` · ${t("profile.since", { date: formatDate(profile.stage_since, locale, timeZone, "numeric") })}`}
          </Tag>
        )}
        {rfm && (
          <Tag color="purple" data-testid="profile-rfm" data-rfm={rfm}>
            {rfmLabel(t, rfm)}{profile.rfm_cell && ` · ${profile.rfm_cell}`}
          </Tag>
        )}
        {profile.tier && (
          <Tooltip title={t("profile.tier")}>
            <span><TierBadge name={profile.tier} pinned={profile.tier_pinned} testId="profile-tier" /></span>
          </Tooltip>
        )}
      </Space>
    </Space>
  );
}

/** Saves at once: the saved contact block with `dnd` flipped. */
export function DndSwitch({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const { update } = useProfileActions(profile.id);
  const checked = update.isPending && update.variables ? update.variables.dnd : profile.contact.dnd;
  return (
    <Tooltip title={t("profile.dndHint")}>
      <Space size={6}>
        <Typography.Text>{t("profile.dnd")}</Typography.Text>
        <Switch
          data-testid="profile-dnd"
          checked={checked}
          loading={update.isPending}
          onChange={(dnd) =>
            update.mutate({ ...profile.contact, dnd }, {
              onSuccess: () => void message.success(t(dnd ? "profile.dndOn" : "profile.dndOff")),
              onError: notifyError,
            })}
        />
      </Space>
    </Tooltip>
  );
}
