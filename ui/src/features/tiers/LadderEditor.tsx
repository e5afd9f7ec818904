// The ladder editor: evaluation window, review period and grace days, one row per tier, add and suggest thresholds.
import { Alert, Button, Flex, Form, InputNumber, Segmented, Select, Space, Tooltip, Typography } from "antd";
import { BulbOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ReviewPeriod } from "../../bindings/ReviewPeriod";
import type { TierLadder } from "../../bindings/TierLadder";
import type { TierWindow } from "../../bindings/TierWindow";
import { errorKey, errorParams } from "../../app/errors";
import { MAX_TIERS, MIN_TIERS, newTier, type Problem } from "./ladderModel";
import { TierRow } from "./TierRow";

const WINDOWS: TierWindow[] = ["lifetime", "calendar_year", "rolling_12m"];
const REVIEWS: ReviewPeriod[] = ["monthly", "quarterly", "yearly"];

type Props = {
  ladder: TierLadder; problem: Problem | null; disabled: boolean; suggesting: boolean; scale?: string[];
  onChange: (ladder: TierLadder) => void; onSuggest: () => void;
};

export function LadderEditor({ ladder, problem, disabled, suggesting, scale, onChange, onSuggest }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<TierLadder>) => onChange({ ...ladder, ...patch });
  const n = ladder.tiers.length;

  return (
    <div data-testid="tiers-editor">
      <Form layout="vertical" component="div">
        <Form.Item label={t("tiers.editor.window")}>
          <Segmented<TierWindow> data-testid="tiers-window" value={ladder.window} disabled={disabled}
            options={WINDOWS.map((w) => ({ value: w, label: t(`tiers.editor.windowOption.${w}`) }))}
            onChange={(window) => set({ window })} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item label={t("tiers.editor.review")} tooltip={t("tiers.editor.reviewHint")}>
            <Select<ReviewPeriod> data-testid="tiers-review" value={ladder.review} disabled={disabled} style={{ width: 140 }}
              options={REVIEWS.map((r) => ({ value: r, label: t(`tiers.editor.reviewOption.${r}`) }))}
              onChange={(review) => set({ review })} />
          </Form.Item>
          <Form.Item label={t("tiers.editor.grace")}>
            <Space.Compact>
              <InputNumber<number> data-testid="tiers-grace" min={0} max={365} precision={0} value={ladder.grace_days}
                disabled={disabled} style={{ width: 100 }} aria-label={t("tiers.editor.grace")}
                onChange={(v) => set({ grace_days: v ?? 0 })} />
              <Space.Addon>{t("tiers.editor.days")}</Space.Addon>
            </Space.Compact>
          </Form.Item>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary">{t("tiers.editor.lowestFirst")}</Typography.Paragraph>
      {ladder.tiers.map((rule, i) => (
        <TierRow key={i} index={i} rule={rule} disabled={disabled} canRemove={n > MIN_TIERS} scale={scale}
          onChange={(r) => set({ tiers: ladder.tiers.map((o, j) => (j === i ? r : o)) })}
          onRemove={() => set({ tiers: ladder.tiers.filter((_, j) => j !== i) })} />
      ))}
      {problem && (
        <Alert type="warning" showIcon data-testid="tiers-problem" style={{ marginBottom: 8 }}
          data-code={problem.code} message={t(errorKey(problem.code), errorParams(problem.details))} />
      )}
      <Flex gap={8} wrap>
        <Button data-testid="tiers-add" icon={<PlusOutlined />} disabled={disabled || n >= MAX_TIERS}
          onClick={() => set({ tiers: [...ladder.tiers, newTier(ladder.tiers[n - 1], t("tiers.editor.newName", { n: n + 1 }))] })}>
          {t("tiers.editor.add")}
        </Button>
        <Tooltip title={t("tiers.editor.suggestHint")}>
          <Button data-testid="tiers-suggest" icon={<BulbOutlined />} loading={suggesting}
            disabled={disabled || problem !== null} onClick={onSuggest}>
            {t("tiers.editor.suggest")}
          </Button>
        </Tooltip>
      </Flex>
    </div>
  );
}
