// One message of a day's worklist: who it is for, which rule wrote it, when it is due, where it goes, its text (as
// text), its status, and the action its channel takes by hand (Copy for Wangwang/WeChat, Retry for a failed email).
import type { ReactNode } from "react";
import { Button, Flex, Space, Tag, Tooltip, Typography, theme } from "antd";
import { CopyOutlined, RedoOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CareMessage } from "../../bindings/CareMessage";
import type { Channel } from "../../bindings/Channel";
import type { MessageStatus } from "../../bindings/MessageStatus";
import { dueTime } from "./careModel";

export const CHANNEL_COLORS: Record<Channel, string> = { wangwang: "orange", wechat: "green", sms: "blue", email: "purple" };
export const STATUS_COLORS: Record<MessageStatus, string> = {
  planned: "default", skipped: "default", copied: "success", exported: "success", sent: "success", failed: "error", ambiguous: "warning",
};

export function StatusTag({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={STATUS_COLORS[status]} data-testid="care-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`care.status.${status}`)}
    </Tag>
  );
  return status === "ambiguous" ? <Tooltip title={t("care.today.ambiguousHint")}>{tag}</Tooltip> : tag;
}

/** The rule that wrote a message, or "sent by hand". */
export const ruleLabel = (t: (k: string) => string, m: Pick<CareMessage, "rule_name" | "rule_id">) =>
  m.rule_name ?? t("care.today.manual");

type Props = {
  message: CareMessage;
  onCopy?: (m: CareMessage) => void;
  copying?: boolean;
  onRetry?: (m: CareMessage) => void;
  retrying?: boolean;
  extra?: ReactNode;
};

export function MessageItem({ message: m, onCopy, copying, onRetry, retrying, extra }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const byHand = m.channel === "wangwang" || m.channel === "wechat";
  return (
    <div data-testid={`care-message-${m.key}`} data-status={m.status} data-channel={m.channel}
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: "10px 14px",
        background: m.status === "planned" ? token.colorBgContainer : token.colorFillQuaternary }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space size={8} wrap align="baseline">
          <Typography.Text strong data-testid="care-message-nick">{m.nick}</Typography.Text>
          <Typography.Text type="secondary">{ruleLabel(t, m)}</Typography.Text>
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>{dueTime(m.due)}</Tag>
          {m.priority === "marketing" && <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t("care.priority.marketing")}</Tag>}
        </Space>
        <Space size={8} wrap>
          <StatusTag status={m.status} />
          {byHand && onCopy && (
            <Button size="small" type={m.status === "planned" ? "primary" : "default"} icon={<CopyOutlined />} loading={copying}
              data-testid={`care-copy-${m.key}`} onClick={() => onCopy(m)}>
              {m.status === "planned" ? t("care.today.copy") : t("care.today.copyAgain")}
            </Button>
          )}
          {m.status === "failed" && onRetry && (
            <Button size="small" icon={<RedoOutlined />} loading={retrying} data-testid={`care-retry-${m.key}`} onClick={() => onRetry(m)}>
              {t("care.today.retry")}
            </Button>
          )}
        </Space>
      </Flex>
      {m.to && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="care-message-to">
          {t(`care.today.to.${m.channel}`, { to: m.to })}
        </Typography.Text>
      )}
      {m.subject && (
        <Typography.Paragraph strong style={{ margin: "6px 0 0" }}>{m.subject}</Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "6px 0 0" }} data-testid="care-message-text">
        {m.text}
      </Typography.Paragraph>
      {m.status === "failed" && m.error && (
        <Typography.Paragraph type="danger" style={{ margin: "6px 0 0", fontSize: 12, wordBreak: "break-word" }}
          data-testid="care-message-error">
          {t("care.today.serverReply", { reply: m.error })}
        </Typography.Paragraph>
      )}
      {m.status === "ambiguous" && (
        <Typography.Paragraph type="warning" style={{ margin: "6px 0 0", fontSize: 12 }}>{t("care.today.ambiguousHint")}</Typography.Paragraph>
      )}
      {extra}
    </div>
  );
}
