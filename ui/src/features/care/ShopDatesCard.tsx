// The shop's own dates (店庆, 会员日…) on the Care settings tab: the list with each date in words and its next day
// (from Rust's festival calendar, once saved), a form to add one (a Gregorian date, once or every year, or a lunar
// month and day every year) and Save, which replaces the whole list. The seller never sees a key: a new date's key
// comes from its date (`shopDateKey`); Rust checks everything and its refusal shows by code.
import { useState } from "react";
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Space, Switch, Table, Typography } from "antd";
import type { ButtonProps } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import type { ShopDate } from "../../bindings/ShopDate";
import { ErrorAlert } from "../../components/ErrorAlert";
import { describeShopDate, formatDay, shopDateKey } from "./careModel";
import { useCareRules, useFestivals, useSaveShopDates, useShopDates } from "./careQueries";

type AddValues = { name: string; yearly: boolean; lunar: boolean; date: Dayjs | null; lunarMonth: number; lunarDay: number };

const ADD_DEFAULTS: AddValues = { name: "", yearly: true, lunar: false, date: null, lunarMonth: 1, lunarDay: 1 };
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The date the add form describes (without key and name). */
function dateOf(v: AddValues): Pick<ShopDate, "month" | "day" | "year" | "lunar"> {
  if (v.yearly && v.lunar) return { month: v.lunarMonth, day: v.lunarDay, year: null, lunar: true };
  const d = v.date as Dayjs;
  return { month: d.month() + 1, day: d.date(), year: v.yearly ? null : d.year(), lunar: false };
}

export function ShopDatesCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const saved = useShopDates();
  const save = useSaveShopDates();
  const { festivals } = useFestivals(true);
  const rules = useCareRules();
  const [form] = Form.useForm<AddValues>();
  const yearly = Form.useWatch("yearly", form) ?? ADD_DEFAULTS.yearly;
  const lunar = (Form.useWatch("lunar", form) ?? ADD_DEFAULTS.lunar) && yearly;
  /** The list as edited, until saved; null while it is the saved one. */
  const [draft, setDraft] = useState<ShopDate[] | null>(null);
  const list = draft ?? saved.data ?? [];

  const add = (v: AddValues) => {
    const date = dateOf(v);
    const key = shopDateKey(date, [...list, ...(saved.data ?? [])].map((d) => d.key));
    setDraft([...list, { key, name: v.name.trim(), ...date }]);
    form.resetFields();
  };
  const remove = (key: string) => setDraft(list.filter((d) => d.key !== key));
  const onSave = () =>
    save.mutate(list, {
      onSuccess: () => {
        setDraft(null);
        void message.success(t("care.shopDates.saved"));
      },
    });

  const next = (d: ShopDate) => {
    if (!saved.data?.some((s) => s.key === d.key)) return t("care.shopDates.nextUnsaved");
    const f = festivals?.find((x) => x.key === d.key);
    return f ? formatDay(f.date, i18n.language, true) : festivals ? t("care.shopDates.nextNone") : "";
  };
  const usedBy = (key: string) =>
    (rules.data ?? []).filter((r) => r.trigger.kind === "festival" && r.trigger.key === key).map((r) => r.name);

  const deleteButton = (d: ShopDate) => {
    const used = usedBy(d.key);
    const button = (
      <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`care-shop-date-delete-${d.key}`}
        onClick={used.length ? undefined : () => remove(d.key)}>
        {t("care.shopDates.delete")}
      </Button>
    );
    if (!used.length) return button;
    return (
      <Popconfirm title={t("care.shopDates.deleteUsed", { rules: used.join("”“") })} okText={t("care.shopDates.delete")}
        cancelText={t("common.cancel")} okButtonProps={{ danger: true, "data-testid": "care-shop-date-delete-ok" } as ButtonProps}
        onConfirm={() => remove(d.key)}>
        {button}
      </Popconfirm>
    );
  };

  const columns = [
    { key: "name", title: t("care.shopDates.col.name"), render: (_: unknown, d: ShopDate) => <span data-testid="care-shop-date-name">{d.name}</span> },
    { key: "when", title: t("care.shopDates.col.when"), render: (_: unknown, d: ShopDate) => <span data-testid="care-shop-date-when">{describeShopDate(t, d)}</span> },
    {
      key: "next", title: t("care.shopDates.col.next"),
      render: (_: unknown, d: ShopDate) => <Typography.Text type="secondary" data-testid="care-shop-date-next">{next(d)}</Typography.Text>,
    },
    { key: "actions", title: t("care.shopDates.col.actions"), width: 110, render: (_: unknown, d: ShopDate) => deleteButton(d) },
  ];

  return (
    <Card title={t("care.shopDates.title")} data-testid="care-shop-dates">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t("care.shopDates.hint")}</Typography.Text>
        {saved.isError ? (
          <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} testId="care-shop-dates-load-error" />
        ) : (
          <Table<ShopDate> rowKey="key" dataSource={list} columns={columns} pagination={false} size="small" loading={saved.isPending}
            locale={{ emptyText: t("care.shopDates.empty") }}
            onRow={(d) => ({ "data-testid": "care-shop-date-row", "data-key": d.key }) as React.HTMLAttributes<HTMLElement>} />
        )}
        {/* Nothing to add to or save until the saved list is here: Save replaces the whole list. */}
        {saved.data && (
          <>
            <Form form={form} layout="vertical" requiredMark={false} initialValues={ADD_DEFAULTS} onFinish={add} data-testid="care-shop-date-form">
              <Typography.Text strong>{t("care.shopDates.addTitle")}</Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                <Col xs={24} md={10}>
                  <Form.Item name="name" label={t("care.shopDates.name")} extra={t("care.shopDates.nameHint")}
                    rules={[{ required: true, whitespace: true, message: t("care.shopDates.nameRequired") }]}>
                    <Input maxLength={40} placeholder={t("care.shopDates.namePlaceholder")} data-testid="care-shop-date-name-input" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="yearly" label={t("care.shopDates.yearly")} valuePropName="checked">
                    <Switch data-testid="care-shop-date-yearly" />
                  </Form.Item>
                </Col>
                {yearly && (
                  <Col xs={12} md={4}>
                    <Form.Item name="lunar" label={t("care.shopDates.lunar")} valuePropName="checked">
                      <Switch data-testid="care-shop-date-lunar" />
                    </Form.Item>
                  </Col>
                )}
              </Row>
              {lunar ? (
                <Space align="start" wrap>
                  <Form.Item name="lunarMonth" label={t("care.shopDates.lunarMonthLabel")}>
                    <Select data-testid="care-shop-date-lunar-month" style={{ width: 110 }}
                      options={range(12).map((m) => ({ value: m, label: t(`care.shopDates.lunarMonth.${m}`) }))} />
                  </Form.Item>
                  <Form.Item name="lunarDay" label={t("care.shopDates.lunarDayLabel")} extra={t("care.shopDates.lunarHint")}>
                    <Select data-testid="care-shop-date-lunar-day" style={{ width: 110 }}
                      options={range(30).map((d) => ({ value: d, label: t(`care.shopDates.lunarDay.${d}`) }))} />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item name="date" label={t("care.shopDates.date")} extra={yearly ? t("care.shopDates.dateYearlyHint") : undefined}
                  rules={[{ required: true, message: t("care.shopDates.dateRequired") }]}>
                  <DatePicker data-testid="care-shop-date-date" />
                </Form.Item>
              )}
              <Button htmlType="submit" icon={<PlusOutlined />} data-testid="care-shop-date-add">{t("care.shopDates.add")}</Button>
            </Form>
            {save.isError && <ErrorAlert error={save.error} testId="care-shop-dates-error" />}
            <Space wrap>
              <Button type="primary" loading={save.isPending} disabled={draft === null} data-testid="care-shop-dates-save" onClick={onSave}>
                {t("common.save")}
              </Button>
              {draft !== null && (
                <>
                  <Button data-testid="care-shop-dates-discard" onClick={() => { setDraft(null); save.reset(); }}>{t("care.shopDates.discard")}</Button>
                  <Typography.Text type="warning" data-testid="care-shop-dates-unsaved">{t("care.shopDates.unsaved")}</Typography.Text>
                </>
              )}
            </Space>
          </>
        )}
      </Flex>
    </Card>
  );
}
