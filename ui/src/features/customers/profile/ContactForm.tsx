// Contact tab: the seller's own fields of a customer (name, phone, birthday…), saved as a whole through customer_update.
import { useEffect, useMemo, useState } from "react";
import { Alert, App, Button, Col, Form, Input, Row, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { ProfileEdit } from "../../../bindings/ProfileEdit";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { fieldProblem } from "./profileText";
import { useProfileActions } from "./useProfileActions";

const TEXT_FIELDS = ["name", "phone", "email", "wechat", "province", "city", "address", "birthday", "hobbies"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, "gender", "birthday_lunar"];
type Values = Record<TextField, string> & { gender: "f" | "m" | undefined; birthday_lunar: boolean };

function toValues(c: ProfileEdit): Values {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, c[f] ?? ""])) as Record<TextField, string>;
  const gender = c.gender === "f" || c.gender === "m" ? c.gender : undefined;
  return { ...text, gender, birthday_lunar: c.birthday_lunar };
}

/** Trimmed text, empty as null; `dnd` is kept as saved (the header switch owns it). */
export function toEdit(v: Values, dnd: boolean): ProfileEdit {
  const text = (s: string | undefined) => (s ?? "").trim() || null;
  return {
    name: text(v.name), phone: text(v.phone), email: text(v.email), wechat: text(v.wechat),
    province: text(v.province), city: text(v.city), address: text(v.address),
    birthday: text(v.birthday), birthday_lunar: !!v.birthday_lunar, gender: v.gender ?? null,
    hobbies: text(v.hobbies), dnd,
  };
}

/** A rejection no field of the form shows, in the seller's language by its code. */
function SaveFailure({ error }: { error: unknown }) {
  return <ErrorAlert error={error} testId="profile-save-error" />;
}

export function ContactForm({ id, contact }: { id: number; contact: ProfileEdit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { update } = useProfileActions(id);
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // The saved contact without DND: toggling DND in the header must not wipe edits in progress.
  const saved = useMemo(() => JSON.stringify({ ...contact, dnd: null }), [contact]);
  useEffect(() => form.setFieldsValue(toValues(JSON.parse(saved) as ProfileEdit)), [saved, form]);

  const onFinish = (values: Values) => {
    setFailure(null);
    update.mutate(toEdit(values, contact.dnd), {
      onSuccess: () => void message.success(t("profile.contact.saved")),
      onError: (e) => {
        const bad = fieldProblem(t, e);
        if (bad && FORM_FIELDS.includes(bad.field)) {
          form.setFields([{ name: bad.field as TextField, errors: [bad.text] }]);
          form.scrollToField(bad.field);
        } else setFailure({ error: e });
      },
    });
  };

  const item = (name: TextField, span = 12) => (
    <Col span={span}>
      <Form.Item name={name} label={t(`profile.contact.${name}`)}>
        <Input data-testid={`profile-field-${name}`} allowClear />
      </Form.Item>
    </Col>
  );

  return (
    <Form form={form} layout="vertical" size="small" initialValues={toValues(contact)} onFinish={onFinish}
      requiredMark={false} data-testid="profile-contact">
      <Alert type="info" showIcon message={t("profile.contact.keptHint")} style={{ marginBottom: 12 }} />
      <Row gutter={12}>
        {item("name")}
        <Col span={12}>
          <Form.Item name="gender" label={t("profile.contact.gender")}>
            <Select allowClear placeholder={t("profile.contact.genderUnknown")} data-testid="profile-field-gender"
              options={[{ value: "f", label: t("profile.contact.genderF") }, { value: "m", label: t("profile.contact.genderM") }]} />
          </Form.Item>
        </Col>
        {item("phone")}
        {item("wechat")}
        {item("email", 24)}
        {item("province")}
        {item("city")}
        {item("address", 24)}
        <Col span={12}>
          <Form.Item name="birthday" label={t("profile.contact.birthday")} extra={t("profile.contact.birthdayHint")}>
            <Input placeholder={t("profile.contact.birthdayPlaceholder")} allowClear data-testid="profile-field-birthday" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="birthday_lunar" label={t("profile.contact.lunar")} valuePropName="checked">
            <Switch data-testid="profile-field-lunar" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="hobbies" label={t("profile.contact.hobbies")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t("profile.contact.hobbiesPlaceholder")}
              data-testid="profile-field-hobbies" />
          </Form.Item>
        </Col>
      </Row>
      {failure && <div style={{ marginBottom: 12 }}><SaveFailure error={failure.error} /></div>}
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-save">{t("common.save")}</Button>
    </Form>
  );
}
