// "Record a message I sent": a message the seller sent this customer by hand (channel, care or marketing, what it
// said) goes into the care outbox, so that it counts against the weekly limits like the planned ones.
import { useState } from "react";
import { App, Button, Flex, Input, Modal, Segmented, Typography } from "antd";
import type { ButtonProps } from "antd";
import { FormOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../../bindings/Channel";
import { careRecordManual } from "../../../ipc/commands";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { CHANNELS } from "../../care/careModel";

type Kind = "care" | "marketing";

export function RecordMessage({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>("wangwang");
  const [kind, setKind] = useState<Kind>("care");
  const [text, setText] = useState("");
  const record = useMutation({
    mutationFn: () => careRecordManual(customerId, channel, kind, text.trim()),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["care"] });
      void message.success(t("care.record.saved"));
      setOpen(false);
      setText("");
    },
  });
  const close = () => {
    setOpen(false);
    record.reset();
  };
  return (
    <>
      <Button size="small" icon={<FormOutlined />} data-testid="profile-record-message" onClick={() => setOpen(true)}>
        {t("care.record.open")}
      </Button>
      <Modal open={open} title={t("care.record.title")} onCancel={close} destroyOnHidden data-testid="profile-record-modal"
        okText={t("care.record.save")} cancelText={t("care.cancel")} confirmLoading={record.isPending}
        okButtonProps={{ disabled: !text.trim(), "data-testid": "profile-record-save" } as ButtonProps}
        onOk={() => record.mutate()}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t("care.record.hint")}</Typography.Text>
          <Flex vertical gap={4}>
            <Typography.Text>{t("care.record.channel")}</Typography.Text>
            <Segmented<Channel> value={channel} onChange={setChannel} data-testid="profile-record-channel"
              options={CHANNELS.map((c) => ({ value: c, label: t(`care.channel.${c}`) }))} />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text>{t("care.record.priority")}</Typography.Text>
            <Segmented<Kind> value={kind} onChange={setKind} data-testid="profile-record-priority"
              options={(["care", "marketing"] as const).map((p) => ({ value: p, label: t(`care.priority.${p}`) }))} />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text>{t("care.record.text")}</Typography.Text>
            <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000}
              placeholder={t("care.record.textPlaceholder")} data-testid="profile-record-text" />
          </Flex>
          {record.isError && <ErrorAlert error={record.error} testId="profile-record-error" />}
        </Flex>
      </Modal>
    </>
  );
}
