// The coupons page (优惠券): the shop's coupon plans, each with its offer, validity, quantity, target, what it is
// expected to cost (a range) and, once entered, its results. A new or edited plan shows its estimate before it is
// saved; a plan's redeemed count is entered by hand and Rust works out its cost, orders, revenue and return — or, when
// the imported orders redeemed the plan (by its code or its offer), what they matched is shown and can be taken over as
// the results (then Rust keeps them up to date with each import).
import { useState, type HTMLAttributes } from "react";
import { App, Button, Card, Flex, Popconfirm, Space, Table, Typography } from "antd";
import { DeleteOutlined, EditOutlined, LineChartOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CouponView } from "../../bindings/CouponView";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Money } from "../../components/Money";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { formatDay } from "../care/careModel";
import { useShopToday } from "../care/careQueries";
import { CouponEditor } from "./CouponEditor";
import { formOf, newForm, offersMatched, targetWords, type PlanForm } from "./couponModel";
import { useCouponPlans, useCouponResultsFromOrders, useDeleteCoupon } from "./couponQueries";
import { MatchedBlock, roiText, SourceLabel } from "./MatchedResults";
import { ResultsModal } from "./ResultsModal";

export function CouponsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const today = useShopToday();
  const plans = useCouponPlans();
  const [editing, setEditing] = useState<{ key: number; form: PlanForm } | null>(null);
  const [results, setResults] = useState<CouponView | null>(null);
  const remove = useDeleteCoupon(notifyError);
  const fromOrders = useCouponResultsFromOrders();
  const takeMatched = (v: CouponView) =>
    fromOrders.mutate(v.id, { onSuccess: () => void message.success(t("coupons.matched.used", { name: v.plan.name })), onError: notifyError });
  const lang = i18n.language;
  const list = plans.data ?? [];

  const columns = [
    {
      key: "name", title: t("coupons.col.name"),
      render: (_: unknown, v: CouponView) => (
        <Flex vertical>
          <Typography.Text strong data-testid="coupon-row-name">{v.plan.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`coupons.kind.${v.plan.kind}`)}</Typography.Text>
        </Flex>
      ),
    },
    { key: "offer", title: t("coupons.col.offer"), render: (_: unknown, v: CouponView) => <span data-testid="coupon-row-offer">{v.offer}</span> },
    {
      key: "validity", title: t("coupons.col.validity"),
      render: (_: unknown, v: CouponView) => {
        // The year is written when the window leaves this year: "12月4日 至 12月4日" would hide a whole year.
        const year = today.slice(0, 4);
        const withYear = v.plan.valid_from.slice(0, 4) !== year || v.plan.valid_to.slice(0, 4) !== year;
        return (
          <span className="laoke-nowrap" data-testid="coupon-row-validity">
            {t("coupons.validity", { from: formatDay(v.plan.valid_from, lang, withYear), to: formatDay(v.plan.valid_to, lang, withYear) })}
          </span>
        );
      },
    },
    { key: "quantity", title: t("coupons.col.quantity"), align: "right" as const, render: (_: unknown, v: CouponView) => formatCount(v.plan.quantity, lang) },
    {
      key: "target", title: t("coupons.col.target"),
      render: (_: unknown, v: CouponView) => {
        const w = targetWords(v.plan.target);
        return t(w.key, w.params);
      },
    },
    {
      key: "cost", title: t("coupons.col.cost"),
      render: (_: unknown, v: CouponView) => (
        <Flex vertical data-testid="coupon-row-cost">
          <span className="laoke-nowrap">
            {t("coupons.costExpected")} <Money value={v.estimate.cost_expected} />
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="laoke-nowrap">
            <Money value={v.estimate.cost_low} /> – <Money value={v.estimate.cost_high} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "results", title: t("coupons.col.results"),
      render: (_: unknown, v: CouponView) => (
        <Flex vertical gap={8}>
          {v.results ? (
            <Flex vertical data-testid="coupon-row-results" style={{ fontSize: 12 }}>
              <SourceLabel source={v.results.source} />
              <span>{t("coupons.results.redeemed")}: {formatCount(v.results.redeemed, lang)}</span>
              <span>{t("coupons.results.cost")}: <Money value={v.results.cost} /></span>
              <span>{t("coupons.results.roi")}: {roiText(t, v.results.roi, lang)}</span>
            </Flex>
          ) : <Typography.Text type="secondary">{t("coupons.noResults")}</Typography.Text>}
          {v.matched && offersMatched(v.results, v.matched) && (
            <MatchedBlock id={v.id} matched={v.matched} using={fromOrders.isPending && fromOrders.variables === v.id} onUse={() => takeMatched(v)} />
          )}
        </Flex>
      ),
    },
    {
      key: "actions", title: t("coupons.col.actions"), width: 130,
      render: (_: unknown, v: CouponView) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<LineChartOutlined />} data-testid="coupon-results-open" onClick={() => setResults(v)}>
            {t("coupons.results.open")}
          </Button>
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t("coupons.edit")} data-testid="coupon-edit"
            onClick={() => setEditing({ key: Date.now(), form: formOf({ ...v.plan, id: v.id }) })} />
          <Popconfirm title={t("coupons.deleteConfirm", { name: v.plan.name })} okText={t("coupons.delete")} cancelText={t("coupons.editor.cancel")}
            onConfirm={() => remove.mutate(v.id, { onSuccess: () => void message.success(t("coupons.deleted", { name: v.plan.name })) })}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("coupons.delete")} data-testid="coupon-delete" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="page-coupons">
      <PageHeader title={t("coupons.title")} subtitle={t("coupons.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="coupon-new"
            onClick={() => setEditing({ key: Date.now(), form: newForm(today) })}>
            {t("coupons.new")}
          </Button>
        } />
      <Card>
        {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} testId="coupon-plans-error" />}
        {plans.data && list.length === 0 ? (
          <EmptyState testId="coupon-empty" title={t("coupons.emptyTitle")} description={t("coupons.emptyHint")} />
        ) : (
          <Table<CouponView> rowKey="id" size="middle" loading={plans.isPending} dataSource={list} columns={columns} pagination={false}
            scroll={{ x: 980 }} onRow={(v) => ({ "data-testid": "coupon-row", "data-id": v.id } as HTMLAttributes<HTMLElement>)} />
        )}
        {list.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "12px 0 0" }} data-testid="coupon-matching-note">
            {t("coupons.matched.how")}
          </Typography.Paragraph>
        )}
      </Card>
      {editing && <CouponEditor key={editing.key} initial={editing.form} onClose={() => setEditing(null)} />}
      {results && <ResultsModal view={results} onClose={() => setResults(null)} />}
    </div>
  );
}
