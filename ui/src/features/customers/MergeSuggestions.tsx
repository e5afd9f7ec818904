// "Possible duplicates": customers sharing a real phone or email, merged into one on confirmation.
import { useState } from "react";
import { App, Button, Empty, List, Modal, Radio, Space, Typography } from "antd";
import { MergeCellsOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MergeSuggestion } from "../../bindings/MergeSuggestion";
import { customersMerge, mergeSuggestions } from "../../ipc/commands";
import { Money } from "../../components/Money";
import { PlatformTag } from "../../components/PlatformTag";
import { useErrorNotice } from "../../components/useErrorNotice";

function Group({ s }: { s: MergeSuggestion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  // Keep the customer who bought the most by default.
  const [keep, setKeep] = useState(() => [...s.customers].sort((a, b) => b.purchases - a.purchases)[0]?.id);
  const merge = useMutation({
    mutationFn: () => customersMerge(keep, s.customers.map((c) => c.id).filter((id) => id !== keep)),
    onSuccess: () => {
      void message.success(t("customers.merge.done"));
      void client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: notifyError,
  });
  return (
    <List.Item data-testid="merge-group"
      actions={[<Button key="m" type="primary" onClick={() => merge.mutate()} loading={merge.isPending} data-testid="merge-apply">
        {t("customers.merge.apply")}</Button>]}>
      <Space direction="vertical" size={4}>
        <Typography.Text type="secondary">{t(`customers.merge.reason.${s.reason}`, { value: s.value })}</Typography.Text>
        <Radio.Group value={keep} onChange={(e) => setKeep(e.target.value as number)}>
          <Space direction="vertical" size={2}>
            {s.customers.map((c) => (
              <Radio key={c.id} value={c.id}>
                <Space size={8}><PlatformTag platform={c.platform} /><Typography.Text strong>{c.nick}</Typography.Text>
                  <Typography.Text type="secondary">{t("customers.merge.purchases", { count: c.purchases })}</Typography.Text>
                  <Money value={c.value} /></Space>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("customers.merge.keepHint")}</Typography.Text>
      </Space>
    </List.Item>
  );
}

export function MergeSuggestions() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const suggestions = useQuery({ queryKey: ["customers", "merge-suggestions"], queryFn: mergeSuggestions, enabled: open });
  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)} data-testid="customers-duplicates">
        {t("customers.merge.button")}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={680} title={t("customers.merge.title")}>
        <Typography.Paragraph type="secondary">{t("customers.merge.intro")}</Typography.Paragraph>
        {suggestions.data && suggestions.data.length === 0 ? <Empty description={t("customers.merge.none")} /> : (
          <List loading={suggestions.isFetching} dataSource={suggestions.data ?? []} data-testid="merge-list"
            renderItem={(s) => <Group key={`${s.reason}:${s.value}`} s={s} />} />
        )}
      </Modal>
    </>
  );
}
