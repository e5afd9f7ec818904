// Starting a new activity: its type and day. Rust makes the activity from the type (its checklist, its announcement in
// the seller's language, its budget, the evening slot); the editor opens on it.
import { useState } from "react";
import { Alert, DatePicker, Form, Modal, Select, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { Activity } from "../../bindings/Activity";
import { activityNew } from "../../ipc/commands";
import { ErrorAlert } from "../../components/ErrorAlert";
import { festivalName } from "../care/careModel";
import { activityProblem } from "./activityProblem";
import { useActivityTypes } from "./activityQueries";

type Props = { date: string; onClose: () => void; onCreated: (activity: Activity) => void };

export function NewActivityModal({ date, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const types = useActivityTypes();
  const [kind, setKind] = useState<string | null>(null);
  const [day, setDay] = useState(date);
  const chosen = kind ?? types.data?.[0]?.key ?? null;
  const create = useMutation({ mutationFn: () => activityNew(chosen!, day), onSuccess: onCreated });
  const refused = create.isError ? activityProblem(t, create.error) : null;

  return (
    <Modal open title={t("activities.newModal.title")} onCancel={onClose} okText={t("activities.newModal.ok")}
      cancelText={t("activities.settingsDrawer.cancel")}
      okButtonProps={{ disabled: !chosen, loading: create.isPending, ...{ "data-testid": "activity-new-ok" } }}
      onOk={() => create.mutate()} data-testid="activity-new-modal" destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("activities.newModal.hint")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("activities.newModal.type")}>
          <Select data-testid="activity-new-type" value={chosen ?? undefined} loading={types.isPending} onChange={setKind}
            options={(types.data ?? []).map((x) => ({ value: x.key, label: festivalName(x, i18n.language) }))} />
        </Form.Item>
        <Form.Item label={t("activities.newModal.date")}>
          <DatePicker data-testid="activity-new-date" allowClear={false} value={dayjs(day)}
            onChange={(d) => d && setDay(d.format("YYYY-MM-DD"))} />
        </Form.Item>
      </Form>
      {types.isError && <ErrorAlert error={types.error} testId="activity-types-error" />}
      {refused && <Alert type="error" showIcon data-testid="activity-new-error" data-code={refused.code} message={refused.text} />}
      {create.isError && !refused && <ErrorAlert error={create.error} testId="activity-new-error" />}
    </Modal>
  );
}
