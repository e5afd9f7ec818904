// The tiers page (会员等级): edit the membership ladder on the left, see a live preview on the right (its ↑/↓ counts
// open who moves), Apply saves it; the shop's latest tier changes below.
import { useState } from "react";
import type { ButtonProps } from "antd";
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Skeleton, Space, Spin, Typography } from "antd";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierState } from "../../bindings/TierState";
import { tierApply, tierPreview, tierState, tierValueScale } from "../../ipc/commands";
import { useDisplay } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatCount } from "../../components/format";
import { useThrottled } from "../../components/useThrottled";
import { useErrorNotice } from "../../components/useErrorNotice";
import { changedCustomers, ladderProblem, sameLadder, tierKeys, unsendable, withSuggestions } from "./ladderModel";
import { LadderEditor } from "./LadderEditor";
import { MoversModal, type MoverTarget } from "./MoversModal";
import { RecentTierChanges } from "./RecentTierChanges";
import { TierPreviewPanel } from "./TierPreviewPanel";

export function TiersPage() {
  const { t } = useTranslation();
  const { locale } = useDisplay();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useErrorNotice();
  const state = useQuery({ queryKey: tierKeys.state(), queryFn: tierState });
  const [draft, setDraft] = useState<TierLadder | null>(null);

  const saved = state.data;
  const ladder = draft ?? saved?.ladder;
  const dirty = !!(draft && saved && !sameLadder(draft, saved.ladder));
  const blank = ladder ? unsendable(ladder) : null;
  // Every ladder is previewed: the saved one shows what it costs and whom it holds now, and Rust refuses a
  // ladder that breaks a rule with a `ladder.*` code (the one place those rules live). Only a changed
  // ladder (or any ladder before the first apply, when nobody has a tier) can be applied.
  const candidate = ladder && saved && !blank ? ladder : null;
  // Throttled, not debounced: dragging a threshold slider updates the preview several times a second.
  const debounced = useThrottled(candidate, 150);
  const settled = !!(candidate && debounced && sameLadder(candidate, debounced));

  const preview = useQuery({
    queryKey: tierKeys.preview(debounced),
    queryFn: () => tierPreview(debounced as TierLadder),
    enabled: !!candidate && !!debounced,
    placeholderData: keepPreviousData,
  });
  const ready = settled && !!preview.data && !preview.isPlaceholderData && !preview.isFetching;
  const refused = (candidate && settled && preview.isError ? ladderProblem(preview.error) : null);
  const problem = blank ?? refused;
  const applicable = !!candidate && !problem && (dirty || !saved?.applied);

  const apply = useMutation({
    mutationFn: (l: TierLadder) => tierApply(l),
    onSuccess: async (result, l) => {
      client.setQueryData<TierState>(tierKeys.state(), (old) => (old ? { ...old, ladder: l, applied: true } : old));
      setDraft(null);
      const count = changedCustomers(result);
      message.success(t("tiers.preview.applied", { count, formatted: formatCount(count, locale) }));
      await client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: notifyError,
  });

  const [movers, setMovers] = useState<MoverTarget | null>(null);
  const ladderWindow = ladder?.window;
  const scale = useQuery({
    queryKey: tierKeys.scale(ladderWindow ?? ""),
    queryFn: () => tierValueScale(ladderWindow!),
    enabled: !!ladderWindow,
    placeholderData: keepPreviousData,
  });

  const suggest = useMutation({
    mutationFn: (l: TierLadder) => tierPreview(l),
    onSuccess: (p, l) => setDraft(withSuggestions(l, p.suggested_min_values)),
    onError: notifyError,
  });

  const changed = preview.data ? changedCustomers(preview.data) : 0;
  const busy = apply.isPending;

  return (
    <div data-testid="page-tiers">
      <PageHeader title={t("tiers.page.title")} subtitle={t("tiers.page.subtitle")} />
      {state.isPending && <Skeleton active />}
      {state.isError && <ErrorAlert error={state.error} onRetry={() => void state.refetch()} testId="tiers-error" />}
      {saved && ladder && (
        <>
          {!saved.applied && (
            <Alert type="info" showIcon data-testid="tiers-not-applied" style={{ margin: "16px 0" }}
              message={t("tiers.page.notAppliedTitle")} description={t("tiers.page.notApplied")} />
          )}
          {saved.applied && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }} data-testid="tiers-current">
              {t("tiers.page.current", {
                summary: saved.tiers.map((c) => `${c.name} ${formatCount(c.customers, locale)}`).join(" · "),
                none: formatCount(saved.no_tier, locale),
              })}
              {saved.pinned > 0 && ` ${t("tiers.page.pinned", { formatted: formatCount(saved.pinned, locale) })}`}
            </Typography.Paragraph>
          )}
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card title={t("tiers.editor.title")}>
                <LadderEditor ladder={ladder} problem={problem} disabled={busy} suggesting={suggest.isPending} scale={scale.data}
                  onChange={setDraft} onSuggest={() => suggest.mutate(ladder)} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              {/* Stays in view while the seller scrolls down the ladder and drags a slider. */}
              <Card title={t("tiers.preview.title")} style={{ position: "sticky", top: 16 }}>
                {candidate && preview.isError && !refused && (
                  <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} testId="tiers-preview-error" />
                )}
                {candidate && !applicable && (
                  <Typography.Paragraph type="secondary" data-testid="tiers-preview-unchanged">{t("tiers.preview.unchanged")}</Typography.Paragraph>
                )}
                {candidate && !preview.data && !preview.isError && <Flex justify="center"><Spin /></Flex>}
                {candidate && preview.data && !refused && <TierPreviewPanel preview={preview.data} stale={!ready} onOpenMovers={setMovers} />}
                <Space style={{ marginTop: 16 }}>
                  <Popconfirm title={t("tiers.preview.confirm", { count: changed, formatted: formatCount(changed, locale) })}
                    okButtonProps={{ "data-testid": "tiers-apply-confirm" } as ButtonProps}
                    onConfirm={() => candidate && apply.mutate(candidate)} disabled={!applicable || !ready}>
                    <Button type="primary" data-testid="tiers-apply" disabled={!applicable || !ready} loading={busy}>
                      {t("tiers.preview.apply")}
                    </Button>
                  </Popconfirm>
                  <Button data-testid="tiers-reset" disabled={!draft || busy} onClick={() => { setDraft(null); apply.reset(); }}>
                    {t("tiers.preview.reset")}
                  </Button>
                </Space>
              </Card>
            </Col>
          </Row>
          <RecentTierChanges />
          {debounced && <MoversModal ladder={debounced} target={movers} onClose={() => setMovers(null)} />}
        </>
      )}
    </div>
  );
}
