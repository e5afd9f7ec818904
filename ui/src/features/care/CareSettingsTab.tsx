// The care settings: quiet hours, the weekly caps, no marketing right after a purchase, the SMS signature; and the
// shop's own mail server for care email (host, port, security, user, sender), its password (kept in the OS
// keychain by Rust, never shown, cleared from the form once saved) and a test email; and, saved on their own, the
// shop's own festival dates (ShopDatesCard).
import { useEffect, useState } from "react";
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Segmented, Space, TimePicker, Typography } from "antd";
import { MailOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { Settings } from "../../bindings/Settings";
import type { SmtpSecurity } from "../../bindings/SmtpSecurity";
import { settingsUpdate, smtpPasswordSave, smtpTest } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useSettingsQuery } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ShopDatesCard } from "./ShopDatesCard";

type Values = {
  quiet_start: Dayjs | null; quiet_end: Dayjs | null;
  max_per_week: number | null; max_marketing_per_week: number | null; no_marketing_after_purchase_days: number | null;
  sms_signature: string;
  host: string; port: number | null; security: SmtpSecurity; user: string; from: string; password: string;
};

const SECURITY: SmtpSecurity[] = ["starttls", "tls", "none"];
const time = (s: string) => (dayjs(s, "HH:mm").isValid() ? dayjs(s, "HH:mm") : null);

function toValues(s: Settings): Values {
  return {
    quiet_start: time(s.care.quiet_start), quiet_end: time(s.care.quiet_end),
    max_per_week: s.care.max_per_week, max_marketing_per_week: s.care.max_marketing_per_week,
    no_marketing_after_purchase_days: s.care.no_marketing_after_purchase_days, sms_signature: s.care.sms_signature,
    host: s.smtp.host, port: s.smtp.port, security: s.smtp.security, user: s.smtp.user, from: s.smtp.from, password: "",
  };
}

/** The loaded settings with this form's parts replaced (everything else is kept as loaded). */
function toSettings(base: Settings, v: Values): Settings {
  return {
    ...base,
    care: {
      ...base.care,
      quiet_start: v.quiet_start?.format("HH:mm") ?? base.care.quiet_start,
      quiet_end: v.quiet_end?.format("HH:mm") ?? base.care.quiet_end,
      max_per_week: v.max_per_week ?? base.care.max_per_week,
      max_marketing_per_week: v.max_marketing_per_week ?? base.care.max_marketing_per_week,
      no_marketing_after_purchase_days: v.no_marketing_after_purchase_days ?? base.care.no_marketing_after_purchase_days,
      sms_signature: v.sms_signature.trim(),
    },
    smtp: {
      ...base.smtp,
      host: v.host.trim(), port: v.port ?? base.smtp.port, security: v.security, user: v.user.trim(), from: v.from.trim(),
    },
  };
}

export function CareSettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useSettingsQuery();
  const [form] = Form.useForm<Values>();
  /** Which card's Save was pressed: its error shows there. */
  const [from, setFrom] = useState<"limits" | "smtp">("smtp");

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const saved = await settingsUpdate(toSettings(settings.data as Settings, v));
      client.setQueryData(queryKeys.settings(), saved);
      // The keychain entry is keyed by the saved server and user, so the password goes after them.
      if (v.password) await smtpPasswordSave(v.password);
      return { saved, password: !!v.password };
    },
    onSuccess: ({ password }) => {
      form.setFieldValue("password", "");
      void message.success(t(password ? "care.settings.savedWithPassword" : "care.settings.saved"));
    },
    onError: () => form.setFieldValue("password", ""),
  });

  if (settings.isPending) return null;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  const num = (name: keyof Values, label: string, extra: string, testId: string, unit: string) => (
    <Col xs={24} md={8}>
      <Form.Item label={label} extra={extra}>
        <Space.Compact>
          <Form.Item name={name} noStyle>
            <InputNumber min={0} max={99} precision={0} data-testid={testId} style={{ width: 90 }} />
          </Form.Item>
          <Space.Addon>{unit}</Space.Addon>
        </Space.Compact>
      </Form.Item>
    </Col>
  );

  return (
    <Flex vertical gap={16} className="laoke-settings laoke-settings-wide">
      <Form form={form} layout="vertical" requiredMark={false} initialValues={toValues(settings.data)} onFinish={(v) => save.mutate(v)}
        data-testid="care-settings">
        <Flex vertical gap={16}>
          <Card title={t("care.settings.limits")}>
            <Typography.Paragraph type="secondary">{t("care.settings.limitsHint")}</Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t("care.settings.quietHours")} extra={t("care.settings.quietHoursHint")}>
                  <Space>
                    <Form.Item name="quiet_start" noStyle>
                      <TimePicker format="HH:mm" allowClear={false} needConfirm={false} data-testid="care-quiet-start" style={{ width: 90 }} />
                    </Form.Item>
                    <Typography.Text type="secondary">–</Typography.Text>
                    <Form.Item name="quiet_end" noStyle>
                      <TimePicker format="HH:mm" allowClear={false} needConfirm={false} data-testid="care-quiet-end" style={{ width: 90 }} />
                    </Form.Item>
                  </Space>
                </Form.Item>
              </Col>
              {num("max_per_week", t("care.settings.maxPerWeek"), t("care.settings.maxPerWeekHint"), "care-max-per-week", t("care.settings.perWeek"))}
              {num("max_marketing_per_week", t("care.settings.maxMarketing"), t("care.settings.maxMarketingHint"), "care-max-marketing", t("care.settings.perWeek"))}
              {num("no_marketing_after_purchase_days", t("care.settings.afterPurchase"), t("care.settings.afterPurchaseHint"), "care-after-purchase", t("care.settings.days"))}
              <Col xs={24} md={16}>
                <Form.Item name="sms_signature" label={t("care.settings.smsSignature")} extra={t("care.settings.smsSignatureHint")}>
                  <Input maxLength={20} placeholder={settings.data.shop_name || t("care.settings.smsSignaturePlaceholder")}
                    prefix="【" suffix="】" data-testid="care-sms-signature" />
                </Form.Item>
              </Col>
            </Row>
            {/* Each card saves the whole form: the care limits and the mail server are one settings object. */}
            {save.isError && from === "limits" && <div style={{ marginBottom: 12 }}><ErrorAlert error={save.error} testId="care-settings-error" /></div>}
            <Button type="primary" htmlType="submit" loading={save.isPending && from === "limits"} data-testid="care-settings-save-limits"
              onClick={() => setFrom("limits")}>{t("common.save")}</Button>
          </Card>
          <Card title={<Space><MailOutlined />{t("care.smtp.title")}</Space>}>
            <Typography.Paragraph type="secondary">{t("care.smtp.hint")}</Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="host" label={t("care.smtp.host")}>
                  <Input placeholder="smtp.example.com" data-testid="care-smtp-host" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="port" label={t("care.smtp.port")}>
                  <InputNumber min={1} max={65535} precision={0} data-testid="care-smtp-port" style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="security" label={t("care.smtp.security")}>
                  <Segmented<SmtpSecurity> data-testid="care-smtp-security"
                    onChange={(s) => form.setFieldValue("port", s === "tls" ? 465 : s === "starttls" ? 587 : form.getFieldValue("port"))}
                    options={SECURITY.map((s) => ({ value: s, label: <span data-testid={`care-smtp-security-${s}`}>{t(`care.smtp.securities.${s}`)}</span> }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="user" label={t("care.smtp.user")}>
                  <Input data-testid="care-smtp-user" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="password" label={t("care.smtp.password")} extra={t("care.smtp.passwordHint")}>
                  <Input.Password data-testid="care-smtp-password" autoComplete="new-password" visibilityToggle={false}
                    placeholder={t("care.smtp.passwordPlaceholder")} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="from" label={t("care.smtp.from")} extra={t("care.smtp.fromHint")}>
                  <Input placeholder={t("care.smtp.fromPlaceholder")} data-testid="care-smtp-from" />
                </Form.Item>
              </Col>
            </Row>
            {save.isError && from === "smtp" && <div style={{ marginBottom: 12 }}><ErrorAlert error={save.error} testId="care-settings-error" /></div>}
            <Button type="primary" htmlType="submit" loading={save.isPending && from === "smtp"} data-testid="care-settings-save"
              onClick={() => setFrom("smtp")}>{t("common.save")}</Button>
            <TestEmail />
          </Card>
        </Flex>
      </Form>
      {/* Outside the form above: a form of its own, saved on its own. */}
      <ShopDatesCard />
    </Flex>
  );
}

/** Sends one test email through the saved server, in the UI's language. */
function TestEmail() {
  const { t } = useTranslation();
  const [to, setTo] = useState("");
  const test = useMutation({ mutationFn: (address: string) => smtpTest(address, t("care.smtp.testSubject"), t("care.smtp.testText")) });
  return (
    <Flex vertical gap={8} style={{ marginTop: 20 }}>
      <Typography.Text strong>{t("care.smtp.test")}</Typography.Text>
      <Typography.Text type="secondary">{t("care.smtp.testHint")}</Typography.Text>
      <Space.Compact style={{ maxWidth: 480 }}>
        <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t("care.smtp.testTo")} data-testid="care-smtp-test-to" />
        <Button loading={test.isPending} disabled={!to.trim()} data-testid="care-smtp-test" onClick={() => test.mutate(to.trim())}>
          {t("care.smtp.testSend")}
        </Button>
      </Space.Compact>
      {test.isSuccess && (
        <Alert type="success" showIcon data-testid="care-smtp-test-ok" message={t("care.smtp.testOk", { to: test.variables })} />
      )}
      {test.isError && <ErrorAlert error={test.error} testId="care-smtp-test-error" />}
    </Flex>
  );
}
