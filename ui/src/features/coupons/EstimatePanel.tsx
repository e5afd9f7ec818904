// What a plan will cost before it goes out, as Rust estimates it: the target's size, coupons handed out, the expected
// redemption rate with its range and where it comes from, the expected redemptions, and the cost low / expected /
// high. A range, never one false-precise number; every figure is Rust's, formatted here.
import type { ReactNode } from "react";
import { Alert, Card, Descriptions, Flex, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CouponEstimate } from "../../bindings/CouponEstimate";
import { Money } from "../../components/Money";
import { formatCount, formatPercent } from "../../components/format";
import { rateSourceWords } from "./couponModel";
import type { Problem } from "./couponProblem";

type Props = { estimate: CouponEstimate | null; stale: boolean; waiting: boolean; problem: Problem | null; failure: ReactNode };

export function EstimatePanel({ estimate: e, stale, waiting, problem, failure }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const count = (n: number) => formatCount(n, lang);
  const source = e ? rateSourceWords(e) : null;
  return (
    <Card size="small" title={t("coupons.estimate.title")} data-testid="coupon-estimate" data-stale={stale}
      data-state={problem ? "refused" : e ? "estimated" : "waiting"}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("coupons.estimate.hint")}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon data-testid="coupon-problem" data-code={problem.code} message={problem.text} />}
      {failure}
      {!problem && !failure && !e && (
        <Typography.Text type="secondary">{waiting ? t("coupons.estimate.waiting") : t("coupons.estimate.checking")}</Typography.Text>
      )}
      {!problem && e && (
        <Flex vertical gap={12} style={{ opacity: stale ? 0.6 : 1 }}>
          <Flex gap={12} wrap justify="space-between" data-testid="coupon-cost">
            <Statistic title={t("coupons.estimate.costLow")} valueRender={() => <Money value={e.cost_low} testId="coupon-cost-low" />} />
            <Statistic title={t("coupons.estimate.costExpected")}
              valueRender={() => <strong><Money value={e.cost_expected} testId="coupon-cost-expected" /></strong>} />
            <Statistic title={t("coupons.estimate.costHigh")} valueRender={() => <Money value={e.cost_high} testId="coupon-cost-high" />} />
          </Flex>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("coupons.estimate.targetSize")}>
              <span data-testid="coupon-target-size">{count(e.target_size)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("coupons.estimate.handedOut")}>
              <span data-testid="coupon-handed-out">{count(e.handed_out)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("coupons.estimate.rate")}>
              <Flex vertical>
                <span data-testid="coupon-rate" data-value={e.redemption_rate}>
                  {formatPercent(e.redemption_rate, lang)}{" "}
                  <Typography.Text type="secondary">
                    ({t("coupons.estimate.rateRange", { low: formatPercent(e.rate_low, lang), high: formatPercent(e.rate_high, lang) })})
                  </Typography.Text>
                </span>
                {source && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="coupon-rate-source" data-source={e.rate_source}>
                    {t(source.key, source.params)}
                  </Typography.Text>
                )}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t("coupons.estimate.expected")}>
              <span data-testid="coupon-expected-redemptions">
                {t("coupons.estimate.expectedValue", { count: e.expected_redemptions, formatted: count(e.expected_redemptions) })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("coupons.estimate.perRedemption")}>
              <Money value={e.per_redemption} testId="coupon-per-redemption" />
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      )}
    </Card>
  );
}
