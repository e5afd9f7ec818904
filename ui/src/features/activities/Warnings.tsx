// What the planner warns of (another activity that day or too close, a promotion's main day, a month over its budget
// cap) and why a day was suggested, as lines of text in the UI's language.
import { Flex, Typography } from "antd";
import { CheckCircleOutlined, InfoCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Clash } from "../../bindings/Clash";
import type { Why } from "../../bindings/Why";
import { clashWords, whyWords, type Namer } from "./activityModel";

type Props = { clashes: readonly Clash[]; namer: Namer; testId?: string; showNone?: boolean };

export function ClashList({ clashes, namer, testId = "activity-warnings", showNone = false }: Props) {
  const { t } = useTranslation();
  if (clashes.length === 0) {
    return showNone ? (
      <Typography.Text type="secondary" data-testid={testId} data-count={0}>
        <CheckCircleOutlined /> {t("activities.editor.noWarnings")}
      </Typography.Text>
    ) : null;
  }
  return (
    <Flex vertical gap={2} data-testid={testId} data-count={clashes.length}>
      {clashes.map((c, i) => {
        const w = clashWords(c, namer);
        return (
          <Typography.Text key={i} type="warning" data-testid="activity-warning" data-kind={c.kind}>
            <WarningOutlined /> {t(w.key, w.params)}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

export function WhyList({ why, namer }: { why: readonly Why[]; namer: Namer }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="activity-why">
      {why.map((w, i) => {
        const words = whyWords(w, namer);
        return (
          <Typography.Text key={i} type="secondary" data-kind={w.kind}>
            <InfoCircleOutlined /> {t(words.key, words.params)}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

/** The clashes as one line each, for a tooltip. */
export function clashLines(t: (key: string, params?: Record<string, unknown>) => string, clashes: readonly Clash[], namer: Namer): string[] {
  return clashes.map((c) => {
    const w = clashWords(c, namer);
    return t(w.key, w.params);
  });
}
