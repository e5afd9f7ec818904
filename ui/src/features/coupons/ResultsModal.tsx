// A plan's results: the seller enters how many coupons were redeemed (from the platform's back office); Rust works out
// the cost, the target's purchases in the validity that met the threshold, their revenue and the return on cost.
import { useState } from "react";
import { Alert, Button, Descriptions, Flex, InputNumber, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CouponView } from "../../bindings/CouponView";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatCount, formatPercent } from "../../components/format";
import { couponProblem } from "./couponProblem";
import { useCouponResults } from "./couponQueries";

export function ResultsModal({ view, onClose }: { view: CouponView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [redeemed, setRedeemed] = useState<number | null>(view.results?.redeemed ?? 0);
  const save = useCouponResults();
  const shown = save.data ?? view.results;
  const refused = save.isError ? couponProblem(t, save.error) : null;
  const lang = i18n.language;
  return (
    <Modal open title={t("coupons.results.title", { name: view.plan.name })} onCancel={onClose} data-testid="coupon-results"
      footer={<Button onClick={onClose}>{t("coupons.results.close")}</Button>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("coupons.results.hint")}</Typography.Text>
        <Space wrap align="end">
          <Flex vertical gap={4}>
            <Typography.Text>{t("coupons.results.redeemed")}</Typography.Text>
            <InputNumber data-testid="coupon-redeemed" min={0} precision={0} value={redeemed} onChange={setRedeemed} />
          </Flex>
          <Button type="primary" data-testid="coupon-results-save" loading={save.isPending} disabled={redeemed === null}
            onClick={() => save.mutate({ id: view.id, redeemed: redeemed ?? 0 })}>
            {t("coupons.results.save")}
          </Button>
        </Space>
        {refused && <Alert type="error" showIcon data-testid="coupon-results-error" data-code={refused.code} message={refused.text} />}
        {save.isError && !refused && <ErrorAlert error={save.error} testId="coupon-results-error" />}
        {save.isSuccess && <Typography.Text type="success">{t("coupons.results.saved")}</Typography.Text>}
        {shown && (
          <Descriptions size="small" column={1} bordered data-testid="coupon-results-figures">
            <Descriptions.Item label={t("coupons.results.cost")}><Money value={shown.cost} testId="coupon-result-cost" /></Descriptions.Item>
            <Descriptions.Item label={t("coupons.results.orders")}>
              <span data-testid="coupon-result-orders">{formatCount(shown.orders, lang)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("coupons.results.revenue")}><Money value={shown.revenue} testId="coupon-result-revenue" /></Descriptions.Item>
            <Descriptions.Item label={t("coupons.results.roi")}>
              <span data-testid="coupon-roi" data-value={shown.roi ?? ""}>
                {shown.roi === null ? t("coupons.results.roiNone") : formatPercent(shown.roi, lang)}
              </span>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Flex>
    </Modal>
  );
}
