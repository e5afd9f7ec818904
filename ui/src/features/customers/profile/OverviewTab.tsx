// Overview: key facts, next birthday, top items, stage history, member tier and merged identities of one customer.
import { Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Timeline, Tooltip, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CustomerProfile } from "../../../bindings/CustomerProfile";
import type { ItemBought } from "../../../bindings/ItemBought";
import { useDisplay } from "../../../app/shopQueries";
import { Money } from "../../../components/Money";
import { PlatformTag } from "../../../components/PlatformTag";
import { formatCount, formatDate, formatDecimal, formatPercent } from "../../../components/format";
import { stageLabel } from "./profileText";
import { TierCard } from "./TierCard";
import { UndoMerge } from "./UndoMerge";

function Birthday({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const { birthday, birthday_lunar: lunar } = profile.contact;
  if (!birthday) return <Typography.Text type="secondary">{t("profile.birthday.unknown")}</Typography.Text>;
  const [, month, day] = birthday.split("-");
  return (
    <Space size={4} wrap data-testid="profile-birthday">
      {profile.next_birthday && formatDate(profile.next_birthday, locale, timeZone)}
      {lunar && (
        <Tag color="red" data-testid="profile-birthday-lunar">
          {t("profile.birthday.lunarOf", { month: Number(month), day: Number(day) })}
        </Tag>
      )}
    </Space>
  );
}

function facts(t: TFunction, p: CustomerProfile, locale: string, date: (v: string | null) => string) {
  const none = t("profile.facts.none");
  const f = p.facts;
  return [
    { key: "purchases", label: t("profile.facts.purchases"), children: formatCount(f.purchases, locale) },
    { key: "orders", label: t("profile.facts.orders"), children: formatCount(f.orders, locale) },
    { key: "value", label: t("profile.facts.value"), children: <Money value={f.value} testId="profile-value" /> },
    { key: "aov", label: t("profile.facts.aov"), children: f.aov ? <Money value={f.aov} /> : none },
    { key: "refunds", label: t("profile.facts.refunds"), children: <Money value={f.refunds} /> },
    { key: "gap", label: t("profile.facts.gap"),
      children: f.days_between_purchases ? t("profile.facts.gapDays", { days: f.days_between_purchases }) : none },
    { key: "first", label: t("profile.facts.firstPurchase"), children: date(f.first_purchase) || none },
    { key: "last", label: t("profile.facts.lastPurchase"), children: date(f.last_purchase) || none },
    { key: "birthday", label: t("profile.birthday.next"), children: <Birthday profile={p} /> },
    ...forecast(t, p, locale),
  ];
}

/** The purchase model's forecast: the chance they still buy, purchases expected in 90 days, the next year's value. */
function forecast(t: TFunction, p: CustomerProfile, locale: string) {
  const none = (
    <Tooltip title={t("profile.forecast.none")}>
      <Typography.Text type="secondary" data-testid="profile-no-forecast">{t("profile.facts.none")}</Typography.Text>
    </Tooltip>
  );
  return [
    { key: "p_alive", label: t("profile.forecast.pAlive"),
      children: p.p_alive === null ? none : <span data-testid="profile-p-alive">{formatPercent(p.p_alive, locale)}</span> },
    { key: "expected_90d", label: t("profile.forecast.expected90"),
      children: p.expected_90d === null ? none : <span data-testid="profile-expected-90d">{formatDecimal(p.expected_90d, locale)}</span> },
    { key: "clv", label: t("profile.forecast.clv"), children: p.clv === null ? none : <Money value={p.clv} testId="profile-clv" /> },
  ];
}

export function OverviewTab({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const date = (v: string | null) => formatDate(v, locale, timeZone, "numeric");
  const history = [...profile.stage_history].reverse(); // newest first
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={2} items={facts(t, profile, locale, date)} data-testid="profile-facts" />
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t("profile.items.title")}>
            <Table<ItemBought & { key: number }> size="small" pagination={false}
              dataSource={profile.items.map((item, key) => ({ ...item, key }))}
              scroll={{ y: 240 }} data-testid="profile-items"
              locale={{ emptyText: t("profile.items.empty") }}
              columns={[
                { title: t("profile.items.item"), dataIndex: "title", ellipsis: true },
                { title: t("profile.items.quantity"), dataIndex: "quantity", align: "right", width: 92,
                  render: (n: number) => formatCount(n, locale) },
                { title: t("profile.items.orders"), dataIndex: "orders", align: "right", width: 72,
                  render: (n: number) => formatCount(n, locale) },
              ]} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t("profile.history.title")}>
            {history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.history.empty")} />
            ) : (
              <Timeline style={{ marginTop: 8, marginBottom: -16 }} data-testid="profile-stage-history" items={history.map((h, i) => ({
                key: i,
                children: (
                  <>
                    <div>{h.from
                      ? t("profile.history.change", { from: stageLabel(t, h.from), to: stageLabel(t, h.to) })
                      : t("profile.history.first", { to: stageLabel(t, h.to) })}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{date(h.on)}</Typography.Text>
                  </>
                ),
              }))} />
            )}
          </Card>
        </Col>
      </Row>
      <TierCard profile={profile} />
      {profile.identities.length > 0 && (
        <Card size="small" title={t("profile.identities.title")}>
          <List size="small" dataSource={profile.identities} data-testid="profile-identities"
            renderItem={(id) => (
              <List.Item key={`${id.platform}:${id.buyer_id}`} actions={[<UndoMerge key="undo" customerId={id.customer_id} />]}>
                <Space><PlatformTag platform={id.platform} /><span>{id.nick || id.buyer_id}</span>
                  {id.nick && id.nick !== id.buyer_id && <Typography.Text type="secondary">{id.buyer_id}</Typography.Text>}
                </Space>
              </List.Item>
            )} />
        </Card>
      )}
    </Space>
  );
}
