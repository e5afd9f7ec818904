// Customers by lifecycle stage and by member tier today, in the dashboard's platform or shop: each bar is counted by
// the same filter (`segment_count`) that clicking it opens in the customer list, so the two always agree.
import { useMemo } from "react";
import { Button, Card, Skeleton, Typography } from "antd";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Filter } from "../../bindings/Filter";
import { segmentCount, tierState } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { Chart } from "../../components/Chart";
import { STAGES } from "../customers/CustomerFilters";
import { tierKeys } from "../tiers/ladderModel";
import { customersUrl, scopeRules, stageFilter, tierFilter, type Scope } from "./drilldown";
import { barAt, distributionOption, type Bar } from "./distributionOption";

export const STAGE_HEX: Record<string, string> = {
  potential: "#bfbfbf", new: "#13c2c2", active: "#52c41a", loyal: "#faad14", sleeping: "#fa8c16", churned: "#f5222d",
};
const TIER_FALLBACK = ["#8c8c8c", "#1677ff", "#d4a017", "#fa541c", "#eb2f96", "#722ed1", "#13c2c2", "#52c41a"];

type Entry = { key: string; label: string; filter: Filter; color?: string };

function useCounts(entries: Entry[]): { bars: Bar[] | null; filters: Map<string, Filter> } {
  const results = useQueries({
    queries: entries.map((e) => ({ queryKey: queryKeys.segmentCount(e.filter), queryFn: () => segmentCount(e.filter) })),
  });
  const counts = results.map((r) => r.data?.customers);
  // The bars change only when a count does (useQueries hands out a new array every render).
  const key = counts.join(",");
  return useMemo(() => ({
    bars: counts.every((n) => n !== undefined)
      ? entries.map((e, i) => ({ key: e.key, label: e.label, color: e.color, count: counts[i] ?? 0 }))
      : null,
    filters: new Map(entries.map((e) => [e.key, e.filter])),
  }), [key, entries]); // `counts` is read through `key`
}

function BarsCard({ title, hint, entries, testId, extra }: { title: string; hint: string; entries: Entry[]; testId: string;
  extra?: React.ReactNode }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const { bars, filters } = useCounts(entries);
  const option = useMemo(() => bars && distributionOption(bars, i18n.language), [bars, i18n.language]);
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>{hint}</Typography.Paragraph>
      {extra}
      {bars && option ? (
        <div data-testid={`${testId}-bars`} data-counts={bars.map((b) => `${b.key}=${b.count}`).join(",")}>
          <Chart option={option} testId={`${testId}-chart`} ariaLabel={title} height={Math.max(160, 36 * bars.length + 24)}
            onClick={(e) => {
              const bar = barAt(bars, e.dataIndex);
              const filter = bar && filters.get(bar.key);
              if (filter) navigate(customersUrl(filter));
            }} />
        </div>
      ) : <Skeleton active paragraph={{ rows: 4 }} />}
    </Card>
  );
}

export function StageDistribution({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const entries = useMemo(() => STAGES.map((s) => ({
    key: s, label: t(`lifecycle.stage.${s}`), color: STAGE_HEX[s], filter: stageFilter(s, scope),
  })), [t, scope]);
  return <BarsCard title={t("dashboard.stages.title")} hint={t("dashboard.stages.hint")} entries={entries} testId="dashboard-stages" />;
}

export function TierDistribution({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useQuery({ queryKey: tierKeys.state(), queryFn: tierState, staleTime: 60_000 });
  const ladder = state.data?.applied ? state.data.ladder.tiers : [];
  const entries = useMemo(() => [
    // Highest tier first, then those without one.
    ...[...ladder].reverse().map((tier, i) => ({
      key: `tier:${tier.name}`, label: tier.name, filter: tierFilter(tier.name, scope),
      color: tier.color ?? TIER_FALLBACK[(ladder.length - 1 - i) % TIER_FALLBACK.length],
    })),
    ...(ladder.length ? [{ key: "none", label: t("dashboard.tiers.none"), color: "#d9d9d9",
      filter: { match: "all" as const, rules: [{ field: "tier" as const, op: "not_set" as const, values: [] }, ...scopeRules(scope)] } }] : []),
  ], [ladder, scope, t]);
  if (state.isPending) return <Card title={t("dashboard.tiers.title")} size="small"><Skeleton active /></Card>;
  if (!ladder.length) {
    return (
      <Card title={t("dashboard.tiers.title")} size="small" data-testid="dashboard-tiers">
        <Typography.Paragraph type="secondary">{t("dashboard.tiers.noLadder")}</Typography.Paragraph>
        <Button onClick={() => navigate("/tiers")} data-testid="dashboard-tiers-setup">{t("dashboard.tiers.setUp")}</Button>
      </Card>
    );
  }
  return <BarsCard title={t("dashboard.tiers.title")} hint={t("dashboard.tiers.hint")} entries={entries} testId="dashboard-tiers" />;
}
