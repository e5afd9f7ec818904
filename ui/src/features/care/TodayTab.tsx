// Today's worklist (or any day's): the messages by channel with what to do with each — copy a Wangwang/WeChat text
// and paste it, export the SMS list for the SMS platform, send the email — and what was skipped, and why; beside them,
// the fan-group activities' steps due that day.
import { useState } from "react";
import { Alert, App, Button, Card, Col, DatePicker, Flex, Radio, Row, Skeleton, Space, Tag, Typography } from "antd";
import { ExportOutlined, SendOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { CareMessage } from "../../bindings/CareMessage";
import type { Channel } from "../../bindings/Channel";
import type { EmailReport } from "../../bindings/EmailReport";
import { careExportSms, careMarkCopied, careRetry, careSendEmail } from "../../ipc/commands";
import { copyText, pickCsvTarget } from "../../ipc/shell";
import { queryKeys } from "../../app/queryKeys";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatCount } from "../../components/format";
import { useErrorNotice } from "../../components/useErrorNotice";
import { ActivityStepsCard } from "../activities/ActivityStepsCard";
import { useActivitySteps } from "../activities/activityQueries";
import { addDays, formatDay, groupByChannel, type ChannelGroup } from "./careModel";
import { useCareDay } from "./careQueries";
import { CHANNEL_COLORS, MessageItem } from "./MessageItem";
import { SkippedList } from "./SkippedList";

type Props = { date: string; today: string; onDate: (date: string) => void };

export function TodayTab({ date, today, onDate }: Props) {
  const { t, i18n } = useTranslation();
  const day = useCareDay(date);
  const messages = day.data ?? [];
  const groups = groupByChannel(messages);
  const skipped = messages.filter((m) => m.status === "skipped");
  const waiting = messages.filter((m) => m.status === "planned").length;
  const fmt = (n: number) => formatCount(n, i18n.language);
  const tomorrow = addDays(today, 1);
  // The fan-group activities' steps due that day sit beside the messages, when there are any.
  const steps = useActivitySteps(date);
  const withSteps = (steps.data?.length ?? 0) > 0 || steps.isError;

  return (
    <Flex vertical gap={16} data-testid="care-today" data-date={date}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Space size={12} wrap>
          <Radio.Group optionType="button" buttonStyle="solid"
            value={date === today ? "today" : date === tomorrow ? "tomorrow" : null}
            onChange={(e) => onDate(e.target.value === "today" ? today : tomorrow)}
            options={[
              { value: "today", label: <span data-testid="care-day-today">{t("care.today.today")}</span> },
              { value: "tomorrow", label: <span data-testid="care-day-tomorrow">{t("care.today.tomorrow")}</span> },
            ]}
          />
          <DatePicker allowClear={false} value={dayjs(date)} data-testid="care-day-pick"
            onChange={(d) => d && onDate(d.format("YYYY-MM-DD"))} />
        </Space>
        <Typography.Text type="secondary" data-testid="care-day-summary">
          {formatDay(date, i18n.language, true)} · {waiting === 0 && groups.length > 0
            ? t("care.today.allDone") : t("care.today.summary", { formatted: fmt(waiting), count: waiting })}
        </Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={withSteps ? 16 : 24}>
          <Flex vertical gap={16}>
            {day.isPending && <Skeleton active />}
            {day.isError && <ErrorAlert error={day.error} onRetry={() => void day.refetch()} testId="care-day-error" />}
            {day.data && groups.length === 0 && (
              <Card>
                <EmptyState testId="care-day-empty" title={t(date === today ? "care.today.emptyToday" : "care.today.emptyDay")}
                  description={t("care.today.emptyHint")} />
              </Card>
            )}
            {groups.map((g) => <ChannelCard key={g.channel} group={g} date={date} />)}
            {skipped.length > 0 && <SkippedList skipped={skipped} all={messages} />}
          </Flex>
        </Col>
        {withSteps && (
          <Col xs={24} xl={8}>
            <ActivityStepsCard date={date} steps={steps} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

function useInvalidateDay(date: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.careDay(date) });
}

function ChannelCard({ group, date }: { group: ChannelGroup; date: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const refresh = useInvalidateDay(date);
  const [report, setReport] = useState<EmailReport | null>(null);
  const { channel, messages } = group;
  const planned = messages.filter((m) => m.status === "planned").length;
  const fmt = (n: number) => formatCount(n, i18n.language);

  const copy = useMutation({
    mutationFn: async (m: CareMessage) => {
      await copyText(m.text);
      // Marked once: a message copied again is already counted as sent.
      if (m.status === "planned") await careMarkCopied([m.key]);
    },
    onSuccess: () => {
      void message.success(t("care.today.copied"));
      void refresh();
    },
    onError: notifyError,
  });
  const exportSms = useMutation({
    mutationFn: async () => {
      const path = await pickCsvTarget(t("care.today.smsFileName", { date }), t("care.today.smsFilter"));
      return path ? { path, written: await careExportSms(date, path) } : null;
    },
    onSuccess: (r) => {
      if (!r) return;
      void message.success(t("care.today.smsExported", { formatted: fmt(r.written), count: r.written, path: r.path }));
      void refresh();
    },
    onError: notifyError,
  });
  const send = useMutation({
    mutationFn: () => careSendEmail(date),
    onSuccess: (r) => {
      setReport(r);
      void refresh();
    },
    onError: notifyError,
  });
  const retry = useMutation({
    mutationFn: (m: CareMessage) => careRetry([m.key]),
    onSuccess: () => {
      void message.success(t("care.today.retried"));
      void refresh();
    },
    onError: notifyError,
  });

  const action = channel === "sms" ? (
    <Button icon={<ExportOutlined />} disabled={planned === 0} loading={exportSms.isPending} data-testid="care-export-sms"
      onClick={() => exportSms.mutate()}>
      {t("care.today.exportSms", { formatted: fmt(planned) })}
    </Button>
  ) : channel === "email" ? (
    <Button type="primary" icon={<SendOutlined />} disabled={planned === 0} loading={send.isPending} data-testid="care-send-email"
      onClick={() => send.mutate()}>
      {t("care.today.sendEmail", { formatted: fmt(planned) })}
    </Button>
  ) : null;

  return (
    <Card
      data-testid={`care-group-${channel}`}
      data-count={messages.length}
      title={<ChannelTitle channel={channel} total={messages.length} planned={planned} />}
      extra={action}
      styles={{ body: { display: "flex", flexDirection: "column", gap: 10 } }}
    >
      {channel === "sms" && <Typography.Text type="secondary">{t("care.today.smsHint")}</Typography.Text>}
      {channel === "email" && report && <EmailResult report={report} all={messages} onClose={() => setReport(null)} />}
      {messages.map((m) => (
        <MessageItem key={m.key} message={m}
          onCopy={(x) => copy.mutate(x)} copying={copy.isPending && copy.variables?.key === m.key}
          onRetry={(x) => retry.mutate(x)} retrying={retry.isPending && retry.variables?.key === m.key} />
      ))}
    </Card>
  );
}

function ChannelTitle({ channel, total, planned }: { channel: Channel; total: number; planned: number }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => formatCount(n, i18n.language);
  return (
    <Space size={8} wrap>
      <Tag color={CHANNEL_COLORS[channel]} style={{ marginInlineEnd: 0 }}>{t(`care.channel.${channel}`)}</Tag>
      <Typography.Text data-testid={`care-group-${channel}-count`} data-count={total}>
        {t("care.today.groupCount", { formatted: fmt(total), count: total })}
      </Typography.Text>
      {planned > 0 && planned < total && (
        <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
          {t("care.today.groupWaiting", { formatted: fmt(planned), count: planned })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** What one press of "Send email" did: sent, refused with the server's reply, and those that may have gone. */
function EmailResult({ report, all, onClose }: { report: EmailReport; all: readonly CareMessage[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => formatCount(n, i18n.language);
  const nick = (key: string) => all.find((m) => m.key === key)?.nick ?? key;
  const failed = report.failed.length;
  return (
    <Alert
      data-testid="care-email-report"
      data-sent={report.sent}
      data-failed={failed}
      data-ambiguous={report.ambiguous}
      type={failed > 0 ? "error" : report.ambiguous > 0 ? "warning" : "success"}
      showIcon
      closable
      onClose={onClose}
      message={t("care.today.emailSent", { formatted: fmt(report.sent), count: report.sent })}
      description={(failed > 0 || report.ambiguous > 0) && (
        <Flex vertical gap={4}>
          {failed > 0 && <Typography.Text>{t("care.today.emailFailed", { formatted: fmt(failed), count: failed })}</Typography.Text>}
          {report.failed.map((f) => (
            <Typography.Text key={f.key} type="danger" style={{ fontSize: 12, wordBreak: "break-word" }} data-testid="care-email-failed">
              {nick(f.key)}: {f.error}
            </Typography.Text>
          ))}
          {report.ambiguous > 0 && (
            <Typography.Text>{t("care.today.emailAmbiguous", { formatted: fmt(report.ambiguous), count: report.ambiguous })}</Typography.Text>
          )}
        </Flex>
      )}
    />
  );
}

