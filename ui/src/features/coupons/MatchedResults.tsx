// What the imported orders show of a coupon plan: the redemptions matched in them (by the code the export names, or by
// a shop discount equal to the plan's offer), with what they cost and brought in, and where a plan's results come from.
// Rust does the matching and the sums; the figures are shown as given.
import type { TFunction } from "i18next";
import { Button, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CouponResults } from "../../bindings/CouponResults";
import type { ResultSource } from "../../bindings/ResultSource";
import { Money } from "../../components/Money";
import { formatCount, formatPercent } from "../../components/format";
import { matchedBreakdown } from "./couponModel";

/** The return on cost as the results show it (none without a cost). */
export const roiText = (t: TFunction, roi: string | null, lang: string) =>
  roi === null ? t("coupons.results.roiNone") : formatPercent(roi, lang);

/** "3 redemptions (all by coupon code)". */
export function matchedSummary(t: TFunction, m: CouponResults, lang: string): string {
  const redemptions = t("coupons.matched.redemptions", { count: m.redeemed, formatted: formatCount(m.redeemed, lang) });
  const how = matchedBreakdown(m);
  if (!how) return redemptions;
  const words = t(how.key, { code: formatCount(how.code, lang), offer: formatCount(how.offer, lang) });
  return t("coupons.matched.withBreakdown", { redemptions, how: words });
}

/** Where the recorded results come from: entered by hand, or taken over from the imported orders. */
export function SourceLabel({ source }: { source: ResultSource }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="coupon-results-source" data-source={source}>
      {t(`coupons.results.source.${source}`)}
    </Typography.Text>
  );
}

/** The "Use as results" action: takes the matched redemptions over as the plan's results. */
export function UseMatchedButton({ testId, loading, onClick }: { testId: string; loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="link" size="small" style={{ padding: 0, alignSelf: "flex-start" }} data-testid={testId} loading={loading} onClick={onClick}>
      {t("coupons.matched.use")}
    </Button>
  );
}

/** The compact block in a plan's row: what the imported orders matched, and the action that takes it over. */
export function MatchedBlock({ id, matched, using, onUse }: { id: number; matched: CouponResults; using: boolean; onUse: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Flex vertical data-testid="coupon-row-matched" data-id={id} style={{ fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("coupons.matched.title")}</Typography.Text>
      <span data-testid="coupon-matched-redeemed" data-value={matched.redeemed}>{matchedSummary(t, matched, lang)}</span>
      <span>{t("coupons.results.cost")}: <Money value={matched.cost} testId="coupon-matched-cost" /></span>
      <span>{t("coupons.results.revenue")}: <Money value={matched.revenue} testId="coupon-matched-revenue" /></span>
      <span>
        {t("coupons.results.roi")}: <span data-testid="coupon-matched-roi" data-value={matched.roi ?? ""}>{roiText(t, matched.roi, lang)}</span>
      </span>
      <UseMatchedButton testId={`coupon-use-matched-${id}`} loading={using} onClick={onUse} />
    </Flex>
  );
}
