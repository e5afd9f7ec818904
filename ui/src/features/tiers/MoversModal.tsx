// The customers a proposed ladder would move (opened from the preview's ↑/↓ counts), largest value first;
// a name opens the customer's profile.
import { useState } from "react";
import { Modal, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MoveDirection } from "../../bindings/MoveDirection";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierMove } from "../../bindings/TierMove";
import { tierMovers } from "../../ipc/commands";
import { useDisplay } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { PlatformTag } from "../../components/PlatformTag";
import { formatCount } from "../../components/format";
import { ProfileDrawer } from "../customers/profile/ProfileDrawer";
import { tierKeys } from "./ladderModel";

/** Which movers to list: into `tier` (null: any tier) in `direction`. */
export type MoverTarget = { direction: MoveDirection; tier: string | null };

const LIMIT = 200;

type Props = { ladder: TierLadder; target: MoverTarget | null; onClose: () => void };

export function MoversModal({ ladder, target, onClose }: Props) {
  const { t } = useTranslation();
  const { locale } = useDisplay();
  const [profile, setProfile] = useState<number | null>(null);
  const movers = useQuery({
    queryKey: tierKeys.movers(ladder, target),
    queryFn: () => tierMovers(ladder, { direction: target!.direction, tier: target!.tier, limit: LIMIT }),
    enabled: target !== null,
  });
  const none = t("tiers.preview.noTier");
  const title = target && t(`tiers.movers.title.${target.direction}`, { tier: target.tier ?? none });
  const total = movers.data?.total ?? 0;

  return (
    <Modal open={target !== null} onCancel={onClose} footer={null} width={760} title={title} destroyOnHidden
      data-testid="tiers-movers">
      {movers.isError && <ErrorAlert error={movers.error} onRetry={() => void movers.refetch()} testId="tiers-movers-error" />}
      {movers.data && (
        <Typography.Paragraph type="secondary" data-testid="tiers-movers-total">
          {t(total > LIMIT ? "tiers.movers.someOf" : "tiers.movers.all", {
            count: total, formatted: formatCount(total, locale), shown: formatCount(LIMIT, locale),
          })}
        </Typography.Paragraph>
      )}
      <Table<TierMove> size="small" rowKey="customer_id" loading={movers.isPending && target !== null}
        dataSource={movers.data?.customers ?? []} pagination={{ pageSize: 10, showSizeChanger: false }}
        onRow={() => ({ "data-testid": "tiers-mover" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "who", title: t("tiers.movers.customer"), render: (_, m) => (
            <Typography.Link onClick={() => setProfile(m.customer_id)} data-testid="tiers-mover-name">
              {m.nick || m.buyer_id}
            </Typography.Link>
          ) },
          { key: "platform", title: t("tiers.movers.platform"), width: 100, render: (_, m) => <PlatformTag platform={m.platform} /> },
          { key: "move", title: t("tiers.movers.move"), render: (_, m) => `${m.from ?? none} → ${m.to ?? none}` },
          { key: "value", title: t("tiers.movers.value"), align: "right", render: (_, m) => <Money value={m.value} /> },
          { key: "purchases", title: t("tiers.movers.purchases"), align: "right", width: 90,
            render: (_, m) => formatCount(m.purchases, locale) },
        ]} />
      <ProfileDrawer customerId={profile} onClose={() => setProfile(null)} />
    </Modal>
  );
}
