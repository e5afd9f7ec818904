// A plan's results: the seller enters how many coupons were redeemed (from the platform's back office); Rust works out
// the cost, the target's purchases in the validity that met the threshold, their revenue and the return on cost. When
// the imported orders redeemed the plan, a hint says how many, and those redemptions can be taken over as the results
// instead (their discounts, orders and revenue).
import { Alert, Button, Descriptions, Flex, InputNumber, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CouponView } from "../../bindings/CouponView";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatCount } from "../../components/format";
import { offersMatched } from "./couponModel";
import { couponProblem } from "./couponProblem";
import { useCouponResults, useCouponResultsFromOrders } from "./couponQueries";
import { matchedSummary, roiText, SourceLabel, UseMatchedButton } from "./MatchedResults";

export function ResultsModal({ view, onClose }: { view: CouponView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [redeemed, setRedeemed] = useState<number | null>(view.results?.redeemed ?? 0);
  const save = useCouponResults();
  const fromOrders = useCouponResultsFromOrders();
  // The last of the two writes tried (each one clears the other when it starts).
  const last = fromOrders.isIdle ? save : fromOrders;
  const shown = last.data ?? view.results;
  const refused = last.isError ? couponProblem(t, last.error) : null;
  const lang = i18n.language;
  const saveHand = () => {
    fromOrders.reset();
    save.mutate({ id: view.id, redeemed: redeemed ?? 0 });
  };
  const takeMatched = () => {
    save.reset();
    fromOrders.mutate(view.id, { onSuccess: (r) => setRedeemed(r.redeemed) });
  };
  return (
    <Modal open title={t("coupons.results.title", { name: view.plan.name })} onCancel={onClose} data-testid="coupon-results"
      footer={<Button onClick={onClose}>{t("coupons.results.close")}</Button>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("coupons.results.hint")}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("coupons.matched.how")}</Typography.Text>
        {view.matched && (
          <Alert type="info" showIcon data-testid="coupon-results-matched"
            message={`${t("coupons.matched.title")}: ${matchedSummary(t, view.matched, lang)}`}
            action={offersMatched(shown, view.matched)
              ? <UseMatchedButton testId="coupon-results-use-matched" loading={fromOrders.isPending} onClick={takeMatched} />
              : undefined} />
        )}
        <Space wrap align="end">
          <Flex vertical gap={4}>
            <Typography.Text>{t("coupons.results.redeemed")}</Typography.Text>
            <InputNumber data-testid="coupon-redeemed" min={0} precision={0} value={redeemed} onChange={setRedeemed} />
          </Flex>
          <Button type="primary" data-testid="coupon-results-save" loading={save.isPending} disabled={redeemed === null} onClick={saveHand}>
            {t("coupons.results.save")}
          </Button>
        </Space>
        {refused && <Alert type="error" showIcon data-testid="coupon-results-error" data-code={refused.code} message={refused.text} />}
        {last.isError && !refused && <ErrorAlert error={last.error} testId="coupon-results-error" />}
        {last.isSuccess && <Typography.Text type="success">{t("coupons.results.saved")}</Typography.Text>}
        {shown && (
          <Flex vertical gap={4}>
            <SourceLabel source={shown.source} />
            <Descriptions size="small" column={1} bordered data-testid="coupon-results-figures">
              {shown.source === "orders" ? (
                <Descriptions.Item label={t("coupons.results.redeemed")}>
                  <span data-testid="coupon-result-redeemed">{matchedSummary(t, shown, lang)}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t("coupons.results.cost")}><Money value={shown.cost} testId="coupon-result-cost" /></Descriptions.Item>
              <Descriptions.Item label={t(shown.source === "orders" ? "coupons.results.ordersRedeemed" : "coupons.results.orders")}>
                <span data-testid="coupon-result-orders">{formatCount(shown.orders, lang)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("coupons.results.revenue")}><Money value={shown.revenue} testId="coupon-result-revenue" /></Descriptions.Item>
              <Descriptions.Item label={t("coupons.results.roi")}>
                <span data-testid="coupon-roi" data-value={shown.roi ?? ""}>{roiText(t, shown.roi, lang)}</span>
              </Descriptions.Item>
            </Descriptions>
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}
