// Shop settings (name, time zone, currency, language, light or dark) saved through `settings_update`.
import { useEffect } from "react";
import { App, Button, Card, Form, Input, Segmented, Select, Skeleton } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Settings } from "../../bindings/Settings";
import type { Theme } from "../../bindings/Theme";
import { settingsUpdate } from "../../ipc/commands";
import { applyLanguage } from "../../app/i18n";
import { queryKeys } from "../../app/queryKeys";
import { DEFAULT_TIMEZONE, useSettingsQuery } from "../../app/shopQueries";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useErrorNotice } from "../../components/useErrorNotice";
import { BackupsCard } from "./BackupsCard";
import { DatabaseCard } from "./DatabaseCard";
import { EncryptionCard } from "./EncryptionCard";
import { ExportCard } from "./ExportCard";
import { LifecycleCard } from "./LifecycleCard";
import { ShopsCard } from "./ShopsCard";
import {
  CURRENCIES, SYSTEM_LANGUAGE, TIMEZONES, currencyLabel, fromFormLanguage, toFormLanguage, withCurrent,
} from "./settingsOptions";

const THEMES: Theme[] = ["system", "light", "dark"];

type FormValues = { shop_name: string; timezone: string; currency: string; language: string; theme: Theme };

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useErrorNotice();
  const settings = useSettingsQuery();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data, language: toFormLanguage(settings.data.language) });
  }, [settings.data, form]);

  const save = useMutation({
    // The care and mail settings are edited on the Care page; what this form does not show is kept.
    // The form is only shown once the settings are loaded.
    mutationFn: (v: FormValues) => settingsUpdate({
      ...(settings.data as Settings),
      shop_name: v.shop_name.trim(), timezone: v.timezone, currency: v.currency, language: fromFormLanguage(v.language),
      theme: v.theme,
    }),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.settings(), saved);
      await applyLanguage(saved.language);
      message.success(i18n.t("settings.saved")); // i18n.t: the language may just have changed
    },
    onError: notifyError,
  });

  return (
    <div data-testid="page-settings">
      <PageHeader title={t("settings.title")} />
      {settings.isPending && <Skeleton active />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Card className="laoke-settings">
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark={false}>
            <Form.Item name="shop_name" label={t("settings.shopName")}>
              <Input maxLength={80} placeholder={t("settings.shopNamePlaceholder")} data-testid="settings-shop-name" />
            </Form.Item>
            <Form.Item name="timezone" label={t("settings.timezone")} extra={t("settings.timezoneHint")}>
              <Select showSearch data-testid="settings-timezone"
                options={withCurrent(TIMEZONES, settings.data.timezone || DEFAULT_TIMEZONE).map((z) => ({ value: z, label: z }))} />
            </Form.Item>
            <Form.Item name="currency" label={t("settings.currency")}>
              <Select showSearch optionFilterProp="label" data-testid="settings-currency"
                options={withCurrent(CURRENCIES, settings.data.currency).map((c) => ({ value: c, label: currencyLabel(c, i18n.language) }))} />
            </Form.Item>
            <Form.Item name="language" label={t("settings.language")}>
              <Select data-testid="settings-language" options={[
                { value: SYSTEM_LANGUAGE, label: t("settings.languageSystem") },
                { value: "zh-CN", label: t("settings.langZh") },
                { value: "en-US", label: t("settings.langEn") },
              ]} />
            </Form.Item>
            <Form.Item name="theme" label={t("settings.theme")} extra={t("settings.themeHint")}>
              <Segmented<Theme> data-testid="settings-theme" options={THEMES.map((value) => ({
                value, label: <span data-testid={`settings-theme-${value}`}>{t(`settings.themes.${value}`)}</span>,
              }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t("common.save")}
            </Button>
          </Form>
        </Card>
      )}
      <ShopsCard />
      <DatabaseCard />
      <EncryptionCard />
      <BackupsCard />
      <ExportCard />
      <LifecycleCard />
    </div>
  );
}
