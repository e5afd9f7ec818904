// The rule editor's live preview: the message as Rust renders it for one real customer (the one with the most
// purchases, or one the seller picks), where it would go, and for SMS its billed length and parts (counted by Rust).
import { memo, useState } from "react";
import { Alert, Card, Descriptions, Flex, Select, Spin, Typography, theme } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CareRule } from "../../bindings/CareRule";
import { careRulePreview, customersPage } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { useDebounced } from "../../components/useDebounced";

type Props = {
  /** The rule as Rust last accepted it; null while an edit is being checked or was refused. */
  rule: CareRule | null;
  stale: boolean;
  refused: boolean;
  customerId: number | null;
  onCustomer: (id: number | null) => void;
};

export const RulePreview = memo(function RulePreview({ rule, stale, refused, customerId, onCustomer }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const preview = useQuery({
    queryKey: queryKeys.careRulePreview(rule, customerId),
    queryFn: () => careRulePreview(rule!, customerId),
    enabled: !!rule,
    placeholderData: keepPreviousData,
  });
  const p = preview.data;
  const dim = stale || refused || preview.isPlaceholderData || preview.isFetching;
  const fmt = (n: number) => formatCount(n, i18n.language);

  return (
    <Card size="small" title={t("care.preview.title")} data-testid="care-rule-preview" aria-busy={dim}
      style={{ position: "sticky", top: 0 }}>
      <Flex vertical gap={12}>
        <CustomerPicker value={customerId} current={p ? { id: p.customer_id, nick: p.nick } : null} onChange={onCustomer} />
        {refused && <Typography.Text type="secondary" data-testid="care-preview-refused">{t("care.preview.refused")}</Typography.Text>}
        {preview.isError && !refused && (
          <ErrorAlert error={preview.error} testId="care-preview-error" onRetry={() => void preview.refetch()} />
        )}
        {!p && !preview.isError && !refused && <Flex justify="center"><Spin /></Flex>}
        {p && (
          <div style={{ opacity: dim ? 0.6 : 1, transition: "opacity 0.2s" }}>
            <Descriptions size="small" column={1} items={[
              { key: "for", label: t("care.preview.for"), children: <span data-testid="care-preview-nick">{p.nick}</span> },
              {
                key: "to", label: t("care.preview.to"),
                children: p.to ? <span data-testid="care-preview-to">{p.to}</span> : (
                  <Typography.Text type="warning" data-testid="care-preview-no-address">{t("care.preview.noAddress")}</Typography.Text>
                ),
              },
              ...(p.subject ? [{ key: "subject", label: t("care.preview.subject"), children: <span data-testid="care-preview-subject">{p.subject}</span> }] : []),
            ]} />
            <div data-testid="care-preview-text" style={{
              whiteSpace: "pre-wrap", wordBreak: "break-word", marginTop: 8, padding: "10px 12px", borderRadius: token.borderRadiusLG,
              background: token.colorFillTertiary, color: token.colorText,
            }}>
              {p.text}
            </div>
            {p.sms && (
              <Alert style={{ marginTop: 8 }} type={p.sms.segments > 1 ? "warning" : "info"} showIcon data-testid="care-preview-sms"
                data-segments={p.sms.segments} data-length={p.sms.length}
                message={t("care.preview.sms", {
                  length: fmt(p.sms.length), encoding: t(`care.preview.encoding.${p.sms.encoding}`),
                  segments: fmt(p.sms.segments), max: fmt(p.sms.single_max), count: p.sms.segments,
                })} />
            )}
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("care.preview.hint")}</Typography.Text>
      </Flex>
    </Card>
  );
});

/** Searches the archive for the customer to preview for; empty means the one with the most purchases. */
function CustomerPicker({ value, current, onChange }: {
  value: number | null; current: { id: number; nick: string } | null; onChange: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: queryKeys.customers({ search: term || null, platform: null, sort: "purchases", desc: true, offset: 0, limit: 20 }),
    queryFn: () => customersPage({ search: term || null, platform: null, sort: "purchases", desc: true, offset: 0, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.customers ?? []).map((c) => ({ value: c.id, label: c.nick || c.buyer_id }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.nick });
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t("care.preview.customer")}</Typography.Text>
      <Select<number> data-testid="care-preview-customer" showSearch allowClear filterOption={false}
        value={value ?? undefined} placeholder={current ? t("care.preview.mostPurchases", { nick: current.nick }) : t("care.preview.pickCustomer")}
        onSearch={setSearch} onChange={(id) => onChange(id ?? null)} onClear={() => onChange(null)}
        loading={found.isFetching} options={options} notFoundContent={t("care.preview.noCustomer")} />
    </Flex>
  );
}
