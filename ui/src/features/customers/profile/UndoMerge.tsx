// The "undo merge" button of a merged identity on the profile: takes it back out as its own customer.
import { App, Button, Popconfirm } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { customerUnmerge } from "../../../ipc/commands";
import { useErrorNotice } from "../../../components/useErrorNotice";

export function UndoMerge({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const client = useQueryClient();
  const undo = useMutation({
    mutationFn: () => customerUnmerge(customerId),
    onSuccess: () => {
      void message.success(t("profile.identities.undone"));
      void client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: notifyError,
  });
  return (
    <Popconfirm title={t("profile.identities.undoConfirm")} onConfirm={() => undo.mutate()}>
      <Button size="small" type="link" loading={undo.isPending} data-testid="profile-unmerge">{t("profile.identities.undo")}</Button>
    </Popconfirm>
  );
}
