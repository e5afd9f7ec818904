// The profile's writes (contact edit, DND, tags, notes); each success marks every customer query stale.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ProfileEdit } from "../../../bindings/ProfileEdit";
import { customerNoteAdd, customerTag, customerUntag, customerUpdate } from "../../../ipc/commands";

/** The list, the profile, the tag names and the counts all live under this prefix. */
export const CUSTOMERS_PREFIX = ["customers"] as const;

export function useProfileActions(id: number) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: CUSTOMERS_PREFIX });
  return {
    update: useMutation({ mutationFn: (edit: ProfileEdit) => customerUpdate(id, edit), onSuccess }),
    tag: useMutation({ mutationFn: (tag: string) => customerTag(id, tag), onSuccess }),
    untag: useMutation({ mutationFn: (tag: string) => customerUntag(id, tag), onSuccess }),
    note: useMutation({ mutationFn: (body: string) => customerNoteAdd(id, body), onSuccess }),
  };
}

export type ProfileActions = ReturnType<typeof useProfileActions>;
