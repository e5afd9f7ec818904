// One tier of the ladder editor: name, thresholds (spend and/or purchases), discount, benefits and badge colour.
import { Button, ColorPicker, Flex, Input, InputNumber, Segmented, Tooltip, Typography, theme } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Combine } from "../../bindings/Combine";
import type { TierRule } from "../../bindings/TierRule";
import { discountParts } from "./ladderModel";
import { ThresholdSlider } from "./ThresholdSlider";

type Props = {
  index: number; rule: TierRule; canRemove: boolean; disabled: boolean;
  /** The threshold slider's points (see `ThresholdSlider`); none until the shop has buyers in the window. */
  scale?: string[];
  onChange: (rule: TierRule) => void; onRemove: () => void;
};

export function TierRow({ index, rule, canRemove, disabled, scale, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const set = (patch: Partial<TierRule>) => onChange({ ...rule, ...patch });
  const parts = discountParts(rule.discount);
  const label = (key: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(key)}</Typography.Text>;

  return (
    <div data-testid="tier-row" data-index={index}
      style={{ borderLeft: `4px solid ${rule.color ?? "#d9d9d9"}`, padding: "8px 12px", marginBottom: 8, background: token.colorFillQuaternary }}>
      <Flex gap={8} wrap align="flex-end">
        <Flex vertical>
          {label("tiers.editor.name")}
          <Input data-testid="tier-name" value={rule.name} maxLength={40} disabled={disabled} style={{ width: 120 }}
            aria-label={t("tiers.editor.name")} onChange={(e) => set({ name: e.target.value })} />
        </Flex>
        <Flex vertical>
          {label("tiers.editor.minValue")}
          <InputNumber<string> data-testid="tier-min-value" stringMode min="0" value={rule.min_value} disabled={disabled}
            style={{ width: 110 }} aria-label={t("tiers.editor.minValue")}
            onChange={(v) => set({ min_value: v === null || v === "" ? null : String(v) })} />
        </Flex>
        <Flex vertical>
          {label("tiers.editor.combine")}
          <Segmented<Combine> data-testid="tier-combine" size="small" value={rule.combine} disabled={disabled}
            options={[
              { value: "and", label: t("tiers.editor.combineOption.and") },
              { value: "or", label: t("tiers.editor.combineOption.or") },
            ]}
            onChange={(v) => set({ combine: v })} />
        </Flex>
        <Flex vertical>
          {label("tiers.editor.minPurchases")}
          <InputNumber<number> data-testid="tier-min-purchases" min={0} precision={0} value={rule.min_purchases}
            disabled={disabled} style={{ width: 100 }} aria-label={t("tiers.editor.minPurchases")}
            onChange={(v) => set({ min_purchases: v ?? null })} />
        </Flex>
      </Flex>
      {/* Thresholds on the first line; what the tier gives on the second. */}
      <Flex gap={8} wrap align="flex-end" style={{ marginTop: 8 }}>
        <Flex vertical>
          {label("tiers.editor.discount")}
          <Flex gap={6} align="center">
            <InputNumber<string> data-testid="tier-discount" stringMode min="0.5" max="1" step="0.01" value={rule.discount}
              disabled={disabled} style={{ width: 90 }} aria-label={t("tiers.editor.discount")}
              onChange={(v) => set({ discount: v === null ? "" : String(v) })} />
            <Typography.Text type="secondary" data-testid="tier-discount-label" style={{ fontSize: 12 }}>
              {parts ? t("tiers.editor.discountLabel", parts) : t("tiers.editor.noDiscount")}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex vertical style={{ flex: 1, minWidth: 160 }}>
          {label("tiers.editor.benefits")}
          <Input data-testid="tier-benefits" value={rule.benefits} disabled={disabled} aria-label={t("tiers.editor.benefits")}
            onChange={(e) => set({ benefits: e.target.value })} />
        </Flex>
        <Flex vertical>
          {label("tiers.editor.color")}
          <ColorPicker data-testid="tier-color" size="small" allowClear value={rule.color} disabled={disabled}
            onChange={(c) => set({ color: c.cleared ? null : c.toHexString() })} onClear={() => set({ color: null })} />
        </Flex>
        <Tooltip title={t("tiers.editor.remove")}>
          <Button data-testid="tier-remove" icon={<DeleteOutlined />} danger type="text" disabled={disabled || !canRemove}
            aria-label={t("tiers.editor.remove")} onClick={onRemove} />
        </Tooltip>
      </Flex>
      {scale && scale.length > 1 && (
        <ThresholdSlider scale={scale} value={rule.min_value} disabled={disabled} onChange={(min_value) => set({ min_value })} />
      )}
    </div>
  );
}
