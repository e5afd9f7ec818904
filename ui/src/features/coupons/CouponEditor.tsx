// The drawer that creates or edits a coupon plan: what it gives (an amount off an order of at least a threshold, or a
// discount), how many, for how long, to whom, and the code. Rust estimates the plan as it is edited (coupon_estimate:
// the target's size, coupons handed out, the redemption rate with its range and where it comes from, and the cost low /
// expected / high) and refuses a broken plan with its code, shown here before anything is saved.
import { useMemo, useState } from "react";
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Segmented, Space, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { CouponKind } from "../../bindings/CouponKind";
import { couponEstimate } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useDebounced } from "../../components/useDebounced";
import { targetGap, TargetPicker } from "../care/TargetPicker";
import { couponProblem } from "./couponProblem";
import { KINDS, planOf, type PlanForm } from "./couponModel";
import { useSaveCoupon } from "./couponQueries";
import { EstimatePanel } from "./EstimatePanel";

export const ESTIMATE_DEBOUNCE_MS = 300;

type Props = { initial: PlanForm; onClose: () => void };

export function CouponEditor({ initial, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form, setForm] = useState<PlanForm>(initial);
  const set = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));

  // What cannot be sent at all stays here; everything else is Rust's to judge.
  const built = useMemo(() => planOf(form), [form]);
  const gap = targetGap(form.target);
  const holdBack = "hold" in built
    ? built.hold.key === "coupons.editor.notNumber" ? t(built.hold.key, { field: t(`coupons.field.${built.hold.field}`) }) : t(built.hold.key)
    : gap ? t(gap) : null;
  const candidate = holdBack || !("plan" in built) ? null : built.plan;
  const debounced = useDebounced(candidate, ESTIMATE_DEBOUNCE_MS);
  const settled = !!candidate && !!debounced && JSON.stringify(candidate) === JSON.stringify(debounced);
  const estimate = useQuery({
    queryKey: queryKeys.couponEstimate(debounced),
    queryFn: () => couponEstimate(debounced!),
    enabled: !!debounced,
    placeholderData: keepPreviousData,
  });
  const refused = estimate.isError ? couponProblem(t, estimate.error) : null;
  const checked = settled && estimate.isSuccess && !estimate.isPlaceholderData;

  const save = useSaveCoupon();
  const saveRefused = save.isError ? couponProblem(t, save.error) : null;
  const submit = () => candidate && save.mutate(candidate, {
    onSuccess: (v) => {
      void message.success(t("coupons.editor.saved", { name: v.plan.name }));
      onClose();
    },
  });

  return (
    <Drawer open width={1000} data-testid="coupon-editor" onClose={onClose}
      title={form.id === undefined ? t("coupons.editor.titleNew") : t("coupons.editor.titleEdit", { name: initial.name })}
      footer={
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div style={{ flex: 1, minWidth: 0 }}>
            {holdBack && <Typography.Text type="secondary" data-testid="coupon-incomplete">{holdBack}</Typography.Text>}
            {saveRefused && <Alert type="error" showIcon data-testid="coupon-save-error" data-code={saveRefused.code} message={saveRefused.text} />}
            {save.isError && !saveRefused && <ErrorAlert error={save.error} testId="coupon-save-error" />}
          </div>
          <Space>
            <Button onClick={onClose}>{t("coupons.editor.cancel")}</Button>
            <Button type="primary" data-testid="coupon-save" disabled={!checked || save.isPending} loading={save.isPending} onClick={submit}>
              {t("coupons.editor.save")}
            </Button>
          </Space>
        </Flex>
      }>
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form layout="vertical" requiredMark={false} component="div">
            <Form.Item label={t("coupons.editor.name")}>
              <Input data-testid="coupon-name" value={form.name} maxLength={60} placeholder={t("coupons.editor.namePlaceholder")}
                onChange={(e) => set({ name: e.target.value })} />
            </Form.Item>
            <Form.Item label={t("coupons.editor.kind")}>
              <Segmented<CouponKind> data-testid="coupon-kind" value={form.kind} onChange={(kind) => set({ kind })}
                options={KINDS.map((k) => ({ value: k, label: <span data-testid={`coupon-kind-${k}`}>{t(`coupons.kind.${k}`)}</span> }))} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label={t("coupons.editor.threshold")} extra={t("coupons.editor.thresholdHint")}>
                  <Input data-testid="coupon-threshold" value={form.threshold} inputMode="decimal"
                    onChange={(e) => set({ threshold: e.target.value })} />
                </Form.Item>
              </Col>
              <Col span={12}>
                {form.kind === "amount_off" ? (
                  <Form.Item label={t("coupons.editor.amount")}>
                    <Input data-testid="coupon-amount" value={form.amount} inputMode="decimal" onChange={(e) => set({ amount: e.target.value })} />
                  </Form.Item>
                ) : (
                  <Form.Item label={t("coupons.editor.discount")} extra={t("coupons.editor.discountHint")}>
                    <Input data-testid="coupon-discount" value={form.discount} inputMode="decimal" placeholder="0.90"
                      onChange={(e) => set({ discount: e.target.value })} />
                  </Form.Item>
                )}
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={10}>
                <Form.Item label={t("coupons.editor.quantity")}>
                  <Space.Compact>
                    <InputNumber data-testid="coupon-quantity" min={0} precision={0} style={{ width: 120 }} value={form.quantity}
                      onChange={(v) => set({ quantity: v === null ? null : Number(v) })} />
                    <Space.Addon>{t("coupons.editor.quantityUnit")}</Space.Addon>
                  </Space.Compact>
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item label={t("coupons.editor.validity")}>
                  <DatePicker.RangePicker data-testid="coupon-validity" allowClear={false}
                    value={[dayjs(form.valid_from), dayjs(form.valid_to)]}
                    onChange={(r) => r?.[0] && r[1] && set({ valid_from: r[0].format("YYYY-MM-DD"), valid_to: r[1].format("YYYY-MM-DD") })} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t("coupons.editor.target")}>
              <TargetPicker target={form.target} onChange={(target) => set({ target })} testId="coupon"
                modes={["everyone", "segment", "tier"]} count={false} />
            </Form.Item>
            <Form.Item label={t("coupons.editor.code")}>
              <Input data-testid="coupon-code" value={form.code} maxLength={60} placeholder={t("coupons.editor.codePlaceholder")}
                onChange={(e) => set({ code: e.target.value })} />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <EstimatePanel estimate={estimate.isError ? null : estimate.data ?? null} stale={!settled || estimate.isFetching}
            waiting={!!holdBack} problem={refused}
            failure={estimate.isError && !refused ? <ErrorAlert error={estimate.error} testId="coupon-problem" onRetry={() => void estimate.refetch()} /> : null} />
        </Col>
      </Row>
    </Drawer>
  );
}
