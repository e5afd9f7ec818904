// A slider over the shop's own buyers for one tier's minimum spend. Its points come from Rust (`tier_value_scale`):
// point i is the value of the buyer i/1000 of the way up the distribution, already rounded to a threshold a seller
// would write, so dragging moves through customers evenly and the UI does no money arithmetic.
import { useState } from "react";
import { Flex, Slider, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDisplay } from "../../app/shopQueries";
import { formatMoney } from "../../components/format";

type Props = { scale: string[]; value: string | null; disabled: boolean; onChange: (value: string) => void };

/** The first point at or above `value` (compared as numbers for positioning only). */
export function scalePosition(scale: string[], value: string | null): number {
  if (value === null || value.trim() === "") return 0;
  const v = Number(value);
  const at = scale.findIndex((p) => Number(p) >= v);
  return at === -1 ? scale.length - 1 : at;
}

export function ThresholdSlider({ scale, value, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const { locale, currency } = useDisplay();
  // While dragging, the thumb follows the pointer even across points with the same value; once the value is
  // changed elsewhere (typed, suggested) the thumb goes where that value is.
  const [dragging, setDragging] = useState<{ at: number; value: string } | null>(null);
  const last = scale.length - 1;
  const position = dragging && dragging.value === value ? dragging.at : scalePosition(scale, value);
  const top = (p: number) => ((last - p) / last) * 100;
  return (
    <Flex align="center" gap={12}>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>{t("tiers.editor.sliderLabel")}</Typography.Text>
      <Slider data-testid="tier-min-value-slider" style={{ flex: 1 }} min={0} max={last} step={1} value={position} disabled={disabled || last < 1}
      aria-label={t("tiers.editor.slider")}
      tooltip={{ formatter: (p) => (p === undefined ? null : t("tiers.editor.sliderTip", {
        value: formatMoney(scale[p], currency, locale), top: top(p).toLocaleString(locale, { maximumFractionDigits: 1 }),
      })) }}
      onChange={(p) => { setDragging({ at: p, value: scale[p] }); if (scale[p] !== value) onChange(scale[p]); }}
      onChangeComplete={() => setDragging(null)} />
    </Flex>
  );
}
