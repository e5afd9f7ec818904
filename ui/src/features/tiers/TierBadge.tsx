// A membership tier as a badge in the tier's own colour (from the saved ladder), wherever a customer is shown.
import { useMemo } from "react";
import { Tag, Tooltip } from "antd";
import { PushpinFilled } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { tierState } from "../../ipc/commands";
import { tierKeys } from "./ladderModel";

/** Colours for tiers the seller gave none, lowest tier first (antd preset names). */
const FALLBACK = ["default", "blue", "gold", "volcano", "magenta", "purple", "cyan", "green"];

/** The badge colour of each tier name in the saved ladder. */
export function useTierColors(): Map<string, string> {
  const state = useQuery({ queryKey: tierKeys.state(), queryFn: tierState, staleTime: 60_000 });
  const tiers = state.data?.ladder.tiers;
  return useMemo(() => new Map((tiers ?? []).map((t, i) => [t.name, t.color ?? FALLBACK[i % FALLBACK.length]])), [tiers]);
}

type Props = { name: string; pinned?: boolean; testId?: string };

/** The badge with its colour looked up in the saved ladder. */
export function TierBadge(props: Props) {
  const color = useTierColors().get(props.name) ?? "default";
  return <TierTag {...props} color={color} />;
}

/** The badge in a given colour (a long list looks the colours up once, not per row). */
export function TierTag({ name, color, pinned = false, testId = "tier-badge" }: Props & { color: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={color} data-testid={testId} data-tier={name} data-color={color} style={{ marginInlineEnd: 0 }}>
      {pinned && <PushpinFilled aria-label={t("tiers.badge.pinned")} style={{ marginInlineEnd: 4 }} />}
      {name}
    </Tag>
  );
  return pinned ? <Tooltip title={t("tiers.badge.pinnedHint")}>{tag}</Tooltip> : tag;
}
