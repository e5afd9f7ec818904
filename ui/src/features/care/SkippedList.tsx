// The day's skipped messages, folded away: each with why the guards held it back (worded from its reason code) and,
// for a capped one, the message that took its place.
import { Collapse, Flex, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CareMessage } from "../../bindings/CareMessage";
import type { CareRule } from "../../bindings/CareRule";
import { formatCount } from "../../components/format";
import { dueTime } from "./careModel";
import { useCareRules } from "./careQueries";
import { CHANNEL_COLORS, ruleLabel } from "./MessageItem";

/**
 * Who took a capped message's place: found among the day's messages; else (a message of another day of the week)
 * its rule, named by the rule number its key starts with (`r{rule}:c{customer}:…`, or `manual:…` for one sent by hand).
 */
function displacer(key: string, all: readonly CareMessage[], rules: readonly CareRule[] | undefined, t: (k: string) => string) {
  const found = all.find((m) => m.key === key);
  if (found) return { rule: ruleLabel(t, found), nick: found.nick, time: dueTime(found.due) };
  if (key.startsWith("manual:")) return { rule: t("care.today.manual"), nick: null, time: null };
  const id = /^r(\d+):/.exec(key)?.[1];
  const rule = id ? rules?.find((r) => r.id === Number(id)) : undefined;
  return { rule: rule?.name ?? null, nick: null, time: null };
}

export function SkippedList({ skipped, all }: { skipped: readonly CareMessage[]; all: readonly CareMessage[] }) {
  const { t, i18n } = useTranslation();
  const rules = useCareRules().data;
  return (
    <Collapse
      data-testid="care-skipped"
      items={[{
        key: "skipped",
        label: (
          <span data-testid="care-skipped-toggle">
            {t("care.today.skipped", { formatted: formatCount(skipped.length, i18n.language), count: skipped.length })}
          </span>
        ),
        children: (
          <Flex vertical gap={10}>
            {skipped.map((m) => {
              const by = m.displaced_by ? displacer(m.displaced_by, all, rules, t) : null;
              return (
                <Flex key={m.key} vertical gap={2} data-testid={`care-skipped-${m.key}`} data-reason={m.reason ?? ""}>
                  <Space size={8} wrap align="baseline">
                    <Typography.Text strong>{m.nick}</Typography.Text>
                    <Typography.Text type="secondary">{ruleLabel(t, m)}</Typography.Text>
                    <Tag color={CHANNEL_COLORS[m.channel]} bordered={false}>{t(`care.channel.${m.channel}`)}</Tag>
                  </Space>
                  <Typography.Text data-testid="care-skipped-reason">
                    {m.reason ? t(`care.reason.${m.reason}`) : t("care.reason.unknown")}
                  </Typography.Text>
                  {by && (
                    <Typography.Text type="secondary" data-testid="care-skipped-by">
                      {by.rule && by.nick
                        ? t("care.today.displacedBy", { rule: by.rule, nick: by.nick, time: by.time })
                        : by.rule ? t("care.today.displacedByRule", { rule: by.rule }) : t("care.today.displacedByOther")}
                    </Typography.Text>
                  )}
                </Flex>
              );
            })}
          </Flex>
        ),
      }]}
    />
  );
}
