// Who a rule, an activity or a coupon plan is for: everyone, a saved segment, a membership tier or a filter, with how
// many customers that is now. The care rule editor, the activity editor and the coupon form share it; each offers the
// modes that fit it. Rust checks the target (an unknown segment or tier is its code, not the picker's).
import { Flex, Segmented, Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Filter } from "../../bindings/Filter";
import type { Target } from "../../bindings/Target";
import { segmentsList, tierState } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { FilterBuilder } from "../segments/FilterBuilder";
import { LiveCount } from "../segments/LiveCount";
import { emptyFilter } from "../segments/filterModel";
import { tierKeys } from "../tiers/ladderModel";

export type TargetMode = "everyone" | "segment" | "tier" | "filter";

export const targetMode = (target: Target | null | undefined): TargetMode =>
  !target ? "everyone" : "segment" in target ? "segment" : "tier" in target ? "tier" : "filter";

const EVERYONE: Filter = { match: "all", rules: [] };

/** The filter that counts a target's customers now (a segment's own filter, a tier as `tier = name`). */
export function countFilterOf(target: Target | null | undefined, segmentFilter: (name: string) => Filter | undefined): Filter {
  if (!target) return EVERYONE;
  if ("segment" in target) return segmentFilter(target.segment) ?? EVERYONE;
  if ("tier" in target) return target.tier ? { match: "all", rules: [{ field: "tier", op: "eq", values: [target.tier] }] } : EVERYONE;
  return target.filter;
}

/** What a target still lacks before it can be checked at all (no segment or tier picked), as an i18n key; null when complete. */
export function targetGap(target: Target | null | undefined): string | null {
  if (target && "segment" in target && !target.segment) return "care.editor.needSegment";
  if (target && "tier" in target && !target.tier) return "care.editor.needTier";
  return null;
}

type Props = {
  target: Target | null | undefined;
  onChange: (target: Target | null) => void;
  modes?: readonly TargetMode[];
  /** Prefix of the test ids: `<prefix>-target`, `<prefix>-target-<mode>`, `<prefix>-segment`, `<prefix>-tier`, `<prefix>-count`. */
  testId?: string;
  /** Show the live count of the customers it holds. */
  count?: boolean;
};

export function TargetPicker({ target, onChange, modes = ["everyone", "segment", "filter"], testId = "care-rule", count = true }: Props) {
  const { t } = useTranslation();
  const mode = targetMode(target);
  const segments = useQuery({ queryKey: queryKeys.segments(), queryFn: segmentsList, enabled: modes.includes("segment") });
  // Asked ahead where a tier can be chosen, so that choosing "tier" can pick the first one.
  const tiers = useQuery({ queryKey: tierKeys.state(), queryFn: tierState, enabled: modes.includes("tier") || mode === "tier" });
  const tierNames = (tiers.data?.ladder.tiers ?? []).map((x) => x.name);
  const segmentName = target && "segment" in target ? target.segment : undefined;
  const tierName = target && "tier" in target ? target.tier : undefined;
  const filter = target && "filter" in target ? target.filter : null;
  // A mode the caller does not offer stays shown while the target is of that mode (a plan saved with a filter).
  const shown = modes.includes(mode) ? modes : [...modes, mode];

  const setMode = (m: TargetMode) =>
    onChange(m === "everyone" ? null
      : m === "segment" ? { segment: segments.data?.[0]?.name ?? "" }
        : m === "tier" ? { tier: tierNames[0] ?? "" } : { filter: emptyFilter() });

  return (
    <Flex vertical gap={8}>
      <Segmented<TargetMode> data-testid={`${testId}-target`} value={mode} onChange={setMode}
        options={shown.map((m) => ({ value: m, label: <span data-testid={`${testId}-target-${m}`}>{t(`care.editor.targetMode.${m}`)}</span> }))} />
      {mode === "segment" && (
        <Select data-testid={`${testId}-segment`} style={{ maxWidth: 360 }} value={segmentName || undefined}
          placeholder={t("care.editor.pickSegment")} loading={segments.isPending} notFoundContent={t("care.editor.noSegments")}
          options={(segments.data ?? []).map((s) => ({ value: s.name, label: s.name }))}
          onChange={(segment: string) => onChange({ segment })} />
      )}
      {mode === "tier" && (
        <Select data-testid={`${testId}-tier`} style={{ maxWidth: 360 }} value={tierName || undefined}
          placeholder={t("care.editor.pickTier")} loading={tiers.isPending} notFoundContent={t("care.editor.noTiers")}
          options={tierNames.map((name) => ({ value: name, label: name }))}
          onChange={(tier: string) => onChange({ tier })} />
      )}
      {mode === "filter" && filter && <FilterBuilder value={filter} onChange={(f) => onChange({ filter: f })} />}
      {count && (
        <LiveCount testId={`${testId}-count`}
          filter={countFilterOf(target, (name) => segments.data?.find((s) => s.name === name)?.filter)} />
      )}
    </Flex>
  );
}
